"""Span-level scoring of predicted entities against a labelled set, per label.

Two matching rules, both per label:

* exact: a prediction counts when its (start, end, label) equals a gold span's.
* overlap: the rule of the project's official scorer (`shared/tools/score.py`), kept identical
  so the two always agree on precision and recall. A prediction is *valid* when it overlaps gold
  spans of its label and its non-space characters outside those gold spans are at most the ones
  inside plus `SLACK`; a gold span is found when a valid prediction of its label overlaps it.
  True positives count gold spans found, false negatives gold spans not found, and false
  positives the predictions that are not valid. (So two valid predictions on one gold span are
  one hit and no false alarm, and one span swallowing a whole call is a false alarm.)

A labelled set may also be a *peer's test suite* (presidio-analyzer's test vectors): records
carry `meta.annotated_labels`, the entity types that case checks, and spans are complete only
for those. Then each record is scored on its annotated labels only, and every (record, label)
case is also scored as a unit — "agreement": right when we find every expected span (overlap)
and raise no false alarm of that label, or stay silent where none is expected.

Nothing here runs the redactor: `Scorer.add` takes the predictions, so the scoring is testable
on its own and reusable for other engines (the benchmarks score presidio with it).
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Sequence

from lumor_redact.errors import InputError

__all__ = [
    "SLACK", "Span", "Record", "Counts", "Agreement", "Finding", "EvalResult", "Scorer",
    "load_records", "read_records", "valid_overlap",
]

SLACK = 15  # non-space characters a predicted span may take beyond its gold (= score.py)


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled character span [start, end) of a record's text."""

    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Record:
    """One labelled text. `annotated_labels` is None for a fully labelled record.

    `conflict` marks a peer test case whose text also appears with different expectations
    (the peer ran it under another parameter), so no engine can agree with both.
    """

    id: str
    text: str
    spans: tuple[Span, ...]
    annotated_labels: frozenset[str] | None = None
    conflict: bool = False

    def __repr__(self) -> str:  # never show the text: the data may be real calls
        return f"Record(id={self.id!r}, len={len(self.text)}, spans={len(self.spans)})"


@dataclass(slots=True)
class Counts:
    """True positives, false negatives and false positives of one label under one rule."""

    tp: int = 0
    fn: int = 0
    fp: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __iadd__(self, other: "Counts") -> "Counts":
        self.tp += other.tp
        self.fn += other.fn
        self.fp += other.fp
        return self

    def as_dict(self) -> dict[str, float | int]:
        return {"p": self.precision, "r": self.recall, "f1": self.f1, "tp": self.tp, "fn": self.fn, "fp": self.fp}


@dataclass(slots=True)
class Agreement:
    """(record, label) cases of a peer suite: positives/negatives expected, and how many we got right."""

    pos: int = 0
    pos_right: int = 0
    neg: int = 0
    neg_right: int = 0

    @property
    def cases(self) -> int:
        return self.pos + self.neg

    @property
    def right(self) -> int:
        return self.pos_right + self.neg_right

    @property
    def rate(self) -> float:
        return self.right / self.cases if self.cases else 0.0

    def __iadd__(self, other: "Agreement") -> "Agreement":
        self.pos += other.pos
        self.pos_right += other.pos_right
        self.neg += other.neg
        self.neg_right += other.neg_right
        return self

    def as_dict(self) -> dict[str, float | int]:
        return {"agreement": self.rate, "cases": self.cases, "right": self.right, "pos": self.pos,
                "pos_right": self.pos_right, "neg": self.neg, "neg_right": self.neg_right}


@dataclass(frozen=True, slots=True)
class Finding:
    """A miss (gold span not found), a false alarm (invalid prediction) or a partial match.

    `kind` is "miss", "false_alarm" or "partial" (found by overlap, not exactly: `pred` holds
    the predicted span(s) that found it). Offsets only — the report adds text on request.
    """

    record_id: str
    kind: str
    label: str
    start: int
    end: int
    pred: tuple[tuple[int, int], ...] = ()


@dataclass(slots=True)
class EvalResult:
    """Everything a report needs. Labels are sorted; `micro_*` sum over them."""

    exact: dict[str, Counts] = field(default_factory=dict)
    overlap: dict[str, Counts] = field(default_factory=dict)
    agreement: dict[str, Agreement] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    disagreements: list[tuple[str, str, str]] = field(default_factory=list)  # (record id, label, "pos"|"neg")
    records: int = 0
    skipped_conflicts: int = 0
    skipped_unlabelled: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (record id, error type/message)

    @property
    def labels(self) -> list[str]:
        return sorted(set(self.exact) | set(self.overlap) | set(self.agreement))

    def micro(self, which: str) -> Counts:
        total = Counts()
        for c in getattr(self, which).values():
            total += c
        return total

    def micro_agreement(self) -> Agreement:
        total = Agreement()
        for a in self.agreement.values():
            total += a
        return total

    def as_dict(self) -> dict:
        out: dict = {
            "records": self.records,
            "labels": {l: {"exact": self.exact.get(l, Counts()).as_dict(),
                           "overlap": self.overlap.get(l, Counts()).as_dict()} for l in self.labels
                       if l in self.exact or l in self.overlap},
            "micro": {"exact": self.micro("exact").as_dict(), "overlap": self.micro("overlap").as_dict()},
            "findings": [{"id": f.record_id, "kind": f.kind, "label": f.label, "start": f.start, "end": f.end,
                          "pred": [list(p) for p in f.pred]} for f in self.findings],
            "errors": [list(e) for e in self.errors],
        }
        if self.agreement:
            out["agreement"] = {l: a.as_dict() for l, a in sorted(self.agreement.items())}
            out["agreement_overall"] = self.micro_agreement().as_dict()
            out["disagreements"] = [list(d) for d in self.disagreements]
            out["skipped_conflicts"] = self.skipped_conflicts
            out["skipped_unlabelled"] = self.skipped_unlabelled
        return out


def _nonspace(text: str, s: int, e: int) -> list[int]:
    return [i for i in range(max(0, s), min(len(text), e)) if not text[i].isspace()]


def valid_overlap(text: str, pred: Span, inside: set[int], slack: int = SLACK) -> bool:
    """score.py's rule: the prediction overlaps gold of its label and does not reach far beyond it."""
    ns = _nonspace(text, pred.start, pred.end)
    n_in = sum(i in inside for i in ns)
    return n_in > 0 and len(ns) - n_in <= n_in + slack


class Scorer:
    """Accumulates per-label counts over records; `result()` gives the totals.

    `labels`: score only these labels (None: all). `annotated`: for records that carry
    annotated labels, score only those (intersected with `labels`) and count agreement;
    `producible` (labels the engine can output) narrows the annotated labels by default, so a
    peer's types we do not have are not counted against us. `skip_conflicts` drops peer cases
    marked as conflicting (see `Record.conflict`) from every count.
    """

    def __init__(self, labels: Iterable[str] | None = None, *, annotated: bool = True,
                 producible: Iterable[str] | None = None, skip_conflicts: bool = True,
                 slack: int = SLACK) -> None:
        self.only = frozenset(labels) if labels is not None else None
        self.annotated = annotated
        self.producible = frozenset(producible) if producible is not None else None
        self.skip_conflicts = skip_conflicts
        self.slack = slack
        self._res = EvalResult()

    def labels_for(self, rec: Record) -> frozenset[str] | None:
        """The labels scored on `rec`; None means every label."""
        if self.annotated and rec.annotated_labels is not None:
            wanted = rec.annotated_labels
            if self.only is not None:
                wanted = wanted & self.only
            elif self.producible is not None:
                wanted = wanted & self.producible
            return wanted
        return self.only

    def skips(self, rec: Record) -> bool:
        """True when `rec` takes no part in scoring (conflicting or nothing to score)."""
        if self.annotated and rec.annotated_labels is not None:
            if rec.conflict and self.skip_conflicts:
                return True
            return not self.labels_for(rec)
        return False

    def add_error(self, rec: Record, error: str) -> None:
        self._res.errors.append((rec.id, error))

    def add(self, rec: Record, predictions: Sequence[Span]) -> None:
        res = self._res
        if self.annotated and rec.annotated_labels is not None:
            if rec.conflict and self.skip_conflicts:
                res.skipped_conflicts += 1
                return
            if not self.labels_for(rec):
                res.skipped_unlabelled += 1
                return
        res.records += 1
        only = self.labels_for(rec)
        text = rec.text
        gold = list(rec.spans)
        preds = list(dict.fromkeys(predictions))  # the same span twice is one prediction
        inside: dict[str, set[int]] = {}
        for g in gold:
            inside.setdefault(g.label, set()).update(range(g.start, g.end))
        ok = [p for p in preds if valid_overlap(text, p, inside.get(p.label, set()), self.slack)]
        exact_set = {(p.start, p.end, p.label) for p in preds}
        gold_set = {(g.start, g.end, g.label) for g in gold}
        touched: set[str] = set()
        for g in gold:
            if only is not None and g.label not in only:
                continue
            touched.add(g.label)
            hits = [p for p in ok if p.label == g.label and p.start < g.end and g.start < p.end]
            ov = res.overlap.setdefault(g.label, Counts())
            ex = res.exact.setdefault(g.label, Counts())
            if hits:
                ov.tp += 1
            else:
                ov.fn += 1
                res.findings.append(Finding(rec.id, "miss", g.label, g.start, g.end))
            if (g.start, g.end, g.label) in exact_set:
                ex.tp += 1
            else:
                ex.fn += 1
                if hits:
                    res.findings.append(Finding(rec.id, "partial", g.label, g.start, g.end,
                                                tuple((p.start, p.end) for p in hits)))
        valid = set(ok)
        for p in preds:
            if only is not None and p.label not in only:
                continue
            touched.add(p.label)
            ov = res.overlap.setdefault(p.label, Counts())
            ex = res.exact.setdefault(p.label, Counts())
            if p not in valid:
                ov.fp += 1
                res.findings.append(Finding(rec.id, "false_alarm", p.label, p.start, p.end))
            if (p.start, p.end, p.label) not in gold_set:
                ex.fp += 1
        if self.annotated and rec.annotated_labels is not None and only is not None:
            for label in sorted(only):
                ag = res.agreement.setdefault(label, Agreement())
                g_l = [g for g in gold if g.label == label]
                p_l = [p for p in preds if p.label == label]
                if g_l:
                    ag.pos += 1
                    found_all = all(any(p.start < g.end and g.start < p.end for p in ok if p.label == label)
                                    for g in g_l)
                    right = found_all and all(p in valid for p in p_l)
                    ag.pos_right += right
                    if not right:
                        res.disagreements.append((rec.id, label, "pos"))
                else:
                    ag.neg += 1
                    ag.neg_right += not p_l
                    if p_l:
                        res.disagreements.append((rec.id, label, "neg"))

    def result(self) -> EvalResult:
        return self._res


# ------------------------------------------------------------------------------ loading
def _parse(line: str, lineno: int, path: str) -> Record:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{lineno}: not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise InputError(f"{path}:{lineno}: a record must be an object with a string 'text'")
    text = obj["text"]
    spans = []
    for j, s in enumerate(obj.get("spans") or []):
        try:
            sp = Span(int(s["start"]), int(s["end"]), str(s["label"]))
        except (KeyError, TypeError, ValueError):
            raise InputError(f"{path}:{lineno}: span {j} needs integer 'start', 'end' and a 'label'") from None
        if not 0 <= sp.start < sp.end <= len(text):
            raise InputError(f"{path}:{lineno}: span {j} [{sp.start}, {sp.end}) is outside the text "
                             f"of length {len(text)}")
        spans.append(sp)
    meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
    ann = meta.get("annotated_labels")
    annotated = frozenset(str(a) for a in ann) if isinstance(ann, list) else None
    rid = obj.get("id")
    return Record(str(rid) if rid is not None else f"line-{lineno}", text, tuple(spans), annotated,
                  bool(meta.get("conflict", False)))


def read_records(path: str | os.PathLike[str]) -> Iterator[Record]:
    """Records of a JSONL file, one a line (blank lines skipped); errors name the line, not its text."""
    p = os.fspath(path)
    try:
        f = open(p, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read {p!r}: {exc.strerror}") from None
    with f:
        for lineno, line in enumerate(f, 1):
            if line.strip():
                yield _parse(line, lineno, p)


def load_records(path: str | os.PathLike[str]) -> list[Record]:
    return list(read_records(path))
