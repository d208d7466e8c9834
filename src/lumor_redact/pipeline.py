"""`Redactor`: normalize -> detect -> resolve -> mask, for one text or a batch."""
from __future__ import annotations

import logging
import os
import time
from typing import Iterable, Iterator, Sequence

from lumor_redact.config import RedactorConfig
from lumor_redact.detect import Detector, build_detectors
from lumor_redact.entities import Candidate, RedactionResult
from lumor_redact.errors import InputError
from lumor_redact.mask import Masker, PseudonymTable
from lumor_redact.resolve import resolve
from lumor_redact.text.normalize import SpokenFormNormalizer
from lumor_redact.text.view import TextView

log = logging.getLogger("lumor_redact")

FAIL_CLOSED_LABEL = "REDACTED"


def check_text(text: object, max_chars: int, *, what: str = "text", limit: str = "max_input_chars") -> str:
    """Reject what cannot be redacted faithfully, with a message that holds no content."""
    if not isinstance(text, str):
        raise InputError(f"expected a str {what}, got {type(text).__name__}")
    if len(text) > max_chars:
        raise InputError(f"{what} of {len(text)} characters exceeds {limit}={max_chars}")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputError(f"{what} is not valid Unicode: lone surrogate at index {exc.start}") from None
    return text


class Redactor:
    """Finds and masks personal information in call transcripts.

    `Redactor()` turns everything on with type-tag masking. Pass a `RedactorConfig`, or
    `config_path` for a TOML file. Construction loads models once; `redact` is thread-safe.
    """

    def __init__(self, config: RedactorConfig | None = None, *, config_path: str | os.PathLike[str] | None = None,
                 detectors: Sequence[Detector] | None = None) -> None:
        if config is not None and config_path is not None:
            raise TypeError("pass config or config_path, not both")
        if config_path is not None:
            config = RedactorConfig.from_toml(config_path)
        self.config = config or RedactorConfig()
        self.normalizer = SpokenFormNormalizer()
        self.detectors: list[Detector] = list(detectors) if detectors is not None else build_detectors(self.config)
        self.masker = Masker(self.config)
        # detectors whose finds are guesses (models, name lists) yield to checked ones in overlaps
        self._model_names = frozenset(d.name for d in self.detectors if d.is_model or not d.checked)

    def __repr__(self) -> str:
        return f"Redactor(detectors={[d.name for d in self.detectors]})"

    @property
    def labels(self) -> frozenset[str]:
        """Every label this redactor can report: its detectors', its custom rules' and deny
        lists', limited to `config.entities`."""
        cfg = self.config
        labels = {label for d in self.detectors for label in d.labels}
        labels.update(r.label for r in cfg.rules)
        labels.update(cfg.deny)
        if cfg.entities is not None:
            labels &= set(cfg.entities)
        return frozenset(labels)

    @property
    def uses_model(self) -> bool:
        return any(d.is_model for d in self.detectors)

    # ------------------------------------------------------------------ API
    def view(self, text: str) -> TextView:
        return self.normalizer(check_text(text, self.config.max_input_chars))

    def analyze(self, text: str, *, focus: int = 0) -> tuple[TextView, list[Candidate], tuple[str, ...]]:
        """The resolved candidates of `text` (no masking), with the view and detector errors.

        `focus`: only entities ending after this original offset are wanted (the text before
        it is already released, and there only as context); detectors with a bounded reach
        then read just the words they need before it (see `Detector.reach_words`).
        """
        view = self.view(text)
        cands, errors = self._detect([view], focus)
        return view, resolve(text, cands[0], self.config, self._model_names), errors[0]

    def redact(self, text: str, *, pseudonyms: PseudonymTable | None = None) -> RedactionResult:
        view = self.view(text)
        cands, errors = self._detect([view])
        return self._finish(view, cands[0], errors[0], pseudonyms)

    def redact_many(self, texts: Iterable[str], *, batch_size: int = 64,
                    pseudonyms: PseudonymTable | None = None) -> Iterator[RedactionResult]:
        """Results in input order; detectors see the texts in batches.

        Each text gets its own pseudonym numbering, unless `pseudonyms` is given: then the texts
        share it (the turns of one call: "[PERSON_1]" is the same person in all of them).
        """
        batch: list[str] = []
        for t in texts:
            batch.append(t)
            if len(batch) >= batch_size:
                yield from self._redact_batch(batch, pseudonyms)
                batch = []
        if batch:
            yield from self._redact_batch(batch, pseudonyms)

    # ------------------------------------------------------------- internals
    def _redact_batch(self, texts: list[str], pseudonyms: PseudonymTable | None) -> list[RedactionResult]:
        views = [self.view(t) for t in texts]
        cands, errors = self._detect(views)
        return [self._finish(v, c, e, pseudonyms) for v, c, e in zip(views, cands, errors)]

    def _finish(self, view: TextView, cands: list[Candidate], errors: tuple[str, ...],
                pseudonyms: PseudonymTable | None) -> RedactionResult:
        resolved = resolve(view.original, cands, self.config, self._model_names)
        text, entities = self.masker.apply(view, resolved, pseudonyms if pseudonyms is not None else PseudonymTable())
        return RedactionResult(text, entities, errors)

    def _detect(self, views: list[TextView], focus: int = 0) -> tuple[list[list[Candidate]], list[tuple[str, ...]]]:
        out: list[list[Candidate]] = [[] for _ in views]
        errs: list[list[str]] = [[] for _ in views]
        for det in self.detectors:
            try:
                t0 = time.perf_counter()
                if len(views) > 1:
                    found = det.detect_many(views)
                else:
                    found = [det.detect_after(views[0], focus)]   # focus 0: the whole text, as `detect`
                elapsed = time.perf_counter() - t0
                if elapsed > self.config.detector_timeout_s * len(views):
                    log.warning("detector %s took %.3fs for %d texts", det.name, elapsed, len(views))
            except Exception as exc:  # fail closed: mask everything this detector was given
                log.error("detector %s failed (%s); masking its input", det.name, type(exc).__name__)
                for i, v in enumerate(views):
                    if v.original:
                        out[i].append(Candidate(FAIL_CLOSED_LABEL, 0, len(v.original), 1.0, "fail_closed"))
                    errs[i].append(f"{det.name}: {type(exc).__name__}")
                continue
            for i, f in enumerate(found):
                out[i].extend(f)
        return out, [tuple(e) for e in errs]
