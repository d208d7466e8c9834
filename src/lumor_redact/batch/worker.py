"""Turning raw records into masked output, entity and error lines: the work each worker does.

Shared by the process-pool runner and the Ray engine, so both produce the same bytes for the
same record. One `RecordProcessor` lives per worker process (or Ray actor): it holds the
Redactor, built once, and the format of every input file.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import Any, Sequence

from lumor_redact.batch.formats import DEFAULT_MAX_RECORD_BYTES, Format, Plan, RawRecord, get_format
from lumor_redact.errors import InputError, RedactionError
from lumor_redact.pipeline import Redactor, check_text

__all__ = ["Outcome", "SourceSpec", "RecordProcessor", "uses_pseudonyms"]


@dataclass(frozen=True, slots=True)
class SourceSpec:
    """What a worker needs to know about one input file (picklable)."""

    source: str                 # the name shown in sidecars (relative path)
    format: str                 # format name, see formats.FORMATS
    fields: tuple[str, ...] = ("text",)
    id_field: str = "id"
    include_values: bool = False
    max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES
    placeholders: bool = False  # a failed record leaves a placeholder line in line formats

    def build(self) -> Format:
        return get_format(self.format, fields=self.fields, id_field=self.id_field,
                          include_values=self.include_values, max_record_bytes=self.max_record_bytes)


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of one record: bytes to append to each output (None: nothing to append)."""

    file: int
    index: int
    out: bytes | None
    entities: bytes | None
    error: bytes | None
    labels: tuple[tuple[str, int], ...] = ()
    warnings: int = 0


def uses_pseudonyms(redactor: Redactor) -> bool:
    cfg = redactor.config
    return cfg.default_policy.kind == "pseudonym" or any(p.kind == "pseudonym" for p in cfg.policies.values())


def _line(obj: dict[str, Any]) -> bytes:
    return (json.dumps(obj, ensure_ascii=False) + "\n").encode("utf-8", "backslashreplace")


class RecordProcessor:
    """Redacts chunks of raw records. Deterministic: the same chunk gives the same outcomes."""

    def __init__(self, redactor: Redactor, sources: Sequence[SourceSpec], *, batch_size: int = 64) -> None:
        self.redactor = redactor
        self.sources = list(sources)
        self.formats = [s.build() for s in self.sources]
        self.batch_size = batch_size
        self.pseudonyms = uses_pseudonyms(redactor)
        self.max_chars = redactor.config.max_input_chars

    def _error(self, fi: int, raw: RawRecord, rid: Any, reason: str) -> Outcome:
        row: dict[str, Any] = {"source": self.sources[fi].source, "record": raw.index}
        if raw.line is not None:
            row["line"] = raw.line
        row["id"] = rid
        row["reason"] = reason
        out = self.formats[fi].placeholder(rid, reason) if self.sources[fi].placeholders else None
        return Outcome(fi, raw.index, out, None, _line(row))

    def process(self, items: Sequence[tuple[int, RawRecord]]) -> list[Outcome]:
        """Outcomes in the order of `items`; a bad record becomes an error outcome, never an exception."""
        outcomes: list[Outcome | None] = [None] * len(items)
        plans: list[tuple[int, int, RawRecord, Any, Plan]] = []   # (pos, file, raw, id, plan)
        for pos, (fi, raw) in enumerate(items):
            if raw.error:
                outcomes[pos] = self._error(fi, raw, None, raw.error)
                continue
            fmt = self.formats[fi]
            rid: Any = None
            try:
                rec = fmt.parse(raw.data)
                rid = fmt.record_id(rec)
                plan = fmt.plan(rec)
                for t in plan.texts:
                    check_text(t, self.max_chars)
            except RedactionError as exc:
                outcomes[pos] = self._error(fi, raw, rid, str(exc))
                continue
            except Exception as exc:  # a parser bug must not sink the run, nor print the record
                outcomes[pos] = self._error(fi, raw, rid, f"could not read the record ({type(exc).__name__})")
                continue
            plans.append((pos, fi, raw, rid, plan))

        results = self.redact_plans([p[4] for p in plans])
        for (pos, fi, raw, rid, plan), res in zip(plans, results):
            if isinstance(res, str):
                outcomes[pos] = self._error(fi, raw, rid, res)
                continue
            try:
                out = plan.finish(res)
            except Exception as exc:
                outcomes[pos] = self._error(fi, raw, rid, f"could not write the record ({type(exc).__name__})")
                continue
            ent: dict[str, Any] = {"source": self.sources[fi].source, "record": raw.index, "id": rid,
                                   "entities": plan.rows}
            if plan.detector_errors:
                ent["detector_errors"] = plan.detector_errors
            labels = Counter(r["label"] for r in plan.rows)
            outcomes[pos] = Outcome(fi, raw.index, out, _line(ent), None, tuple(sorted(labels.items())),
                                    1 if plan.detector_errors else 0)
        return [o for o in outcomes if o is not None]

    def redact_plans(self, plans: list[Plan]) -> list[Any]:
        """Per plan: the list of results, or a reason string if that record could not be redacted."""
        if not plans:
            return []
        if not self.pseudonyms:
            texts = [t for p in plans for t in p.texts]
            try:
                flat = list(self.redactor.redact_many(texts, batch_size=self.batch_size))
            except Exception:
                flat = None      # isolate the failing record below
            if flat is not None:
                out: list[Any] = []
                k = 0
                for p in plans:
                    out.append(flat[k:k + len(p.texts)])
                    k += len(p.texts)
                return out
        return [self._redact_one(p) for p in plans]

    def _redact_one(self, plan: Plan) -> Any:
        from lumor_redact.mask import PseudonymTable

        table = PseudonymTable()   # one table per record: [PERSON_1] stays one person within a call
        try:
            return [self.redactor.redact(t, pseudonyms=table) for t in plan.texts]
        except InputError as exc:
            return str(exc)
        except Exception as exc:
            return f"redaction failed ({type(exc).__name__})"
