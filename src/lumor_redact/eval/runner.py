"""Run a redactor over labelled records and score what it reports.

The predictions are the entities of `Redactor.redact(text)`, exactly what the official scorer
reads, so `lumor-redact eval` and `shared/tools/score.py` agree on overlap precision/recall.
"""
from __future__ import annotations

from typing import Callable, Iterable, Sequence

from lumor_redact.errors import RedactionError
from lumor_redact.eval.scoring import EvalResult, Record, Scorer, Span

__all__ = ["producible_labels", "redactor_predict", "evaluate"]

Predict = Callable[[str], Sequence[Span]]


def producible_labels(redactor) -> frozenset[str]:
    """Every label the redactor's detectors (and its custom rules and deny lists) can output."""
    return redactor.labels


def redactor_predict(redactor) -> Predict:
    def predict(text: str) -> list[Span]:
        return [Span(e.start, e.end, e.label) for e in redactor.redact(text).entities]

    return predict


def evaluate(predict: Predict, records: Iterable[Record], scorer: Scorer) -> EvalResult:
    """Score `predict` on every record; a record the engine rejects is listed as an error, not fatal."""
    for rec in records:
        if scorer.skips(rec):
            scorer.add(rec, ())  # counted as skipped, never predicted
            continue
        try:
            preds = predict(rec.text)
        except RedactionError as exc:
            scorer.add_error(rec, f"{type(exc).__name__}: {exc}")
            continue
        scorer.add(rec, preds)
    return scorer.result()
