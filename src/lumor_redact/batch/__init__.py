"""Batch reprocessing of stored transcripts: readers/writers, a resumable process-pool runner,
a Ray Data engine for clusters, and a built-in synthetic sample.

    from lumor_redact.batch import run_batch
    summary = run_batch(["calls.jsonl"], "out/calls.jsonl", workers=4)
    summary.failed        # records that went to out/calls.errors.jsonl

    from lumor_redact.batch.ray_engine import redact_dataset   # pip install lumor-redact[ray]

The core library never imports this package.
"""
from __future__ import annotations

from lumor_redact.batch.formats import FORMATS, Format, get_format
from lumor_redact.batch.runner import BatchInterrupted, BatchSummary, WorkerCrashed, run_batch
from lumor_redact.batch.sample import generate_calls, write_sample

__all__ = ["run_batch", "BatchSummary", "BatchInterrupted", "WorkerCrashed", "Format", "FORMATS", "get_format",
           "generate_calls", "write_sample"]
