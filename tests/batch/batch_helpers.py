"""Helpers of the batch tests: a pinned rules-only configuration, JSONL read/write.

The tests exercise the batch machinery, not the detectors: they pin the redactor to the rule
detectors that exist in every checkout, so a model or lexicon being trained elsewhere cannot
change their outcome.
"""
from __future__ import annotations

import json
from pathlib import Path

from lumor_redact import RedactorConfig
from lumor_redact.detect import registered_detectors

RULE_DETECTORS = ("payment_card", "phone", "au_identifiers", "bank", "documents", "web", "date_of_birth",
                  "street_address", "custom")


def rules_config() -> RedactorConfig:
    return RedactorConfig(disable_detectors=frozenset(n for n in registered_detectors() if n not in RULE_DETECTORS))


def write_rules_toml(path: Path) -> Path:
    names = sorted(n for n in registered_detectors() if n not in RULE_DETECTORS)
    path.write_text("disable_detectors = [" + ", ".join(json.dumps(n) for n in names) + "]\n")
    return path


def write_jsonl(path: Path, records: list[dict]) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")
    return path


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]




def broken_factory():
    """A redactor factory that fails as a missing model would (for the worker start-up test)."""
    from lumor_redact.errors import ConfigError

    raise ConfigError("the NER model is missing (test)")
