"""Evaluation: span-level scoring (exact and overlap, per label), peer-suite agreement, reports.

    from lumor_redact import Redactor
    from lumor_redact.eval import Scorer, evaluate, load_records, redactor_predict, write_report
    r = Redactor()
    res = evaluate(redactor_predict(r), load_records("calls.jsonl"), Scorer())
    write_report(res, sys.stdout)

The core never imports this package.
"""
from __future__ import annotations

from lumor_redact.eval.report import format_agreement, format_findings, format_table, write_report
from lumor_redact.eval.runner import evaluate, producible_labels, redactor_predict
from lumor_redact.eval.scoring import (SLACK, Agreement, Counts, EvalResult, Finding, Record, Scorer, Span,
                                       load_records, read_records, valid_overlap)

__all__ = [
    "SLACK", "Span", "Record", "Counts", "Agreement", "Finding", "EvalResult", "Scorer",
    "load_records", "read_records", "valid_overlap",
    "evaluate", "producible_labels", "redactor_predict",
    "format_table", "format_agreement", "format_findings", "write_report",
]
