"""Fixtures of the batch tests (helpers live in batch_helpers.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from batch_helpers import rules_config, write_jsonl
from lumor_redact.batch.sample import generate_calls, to_record


@pytest.fixture(scope="session")
def config():
    return rules_config()


@pytest.fixture(scope="session")
def redactor(config):
    from lumor_redact import Redactor

    return Redactor(config)


@pytest.fixture
def calls_jsonl(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "calls.jsonl", [to_record(c) for c in generate_calls(40, seed=11)])
