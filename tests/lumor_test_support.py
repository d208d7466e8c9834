"""Helpers shared by the root-level tests (a uniquely named module: every test folder has its own
conftest.py, so `from conftest import …` would be ambiguous)."""
from __future__ import annotations

from lumor_redact import RedactorConfig
from lumor_redact.detect import registered_detectors

MODEL_DETECTORS = frozenset({"ner", "lexicon_health", "lexicon_sensitive", "person_names"})


def rules_only_config(**kw) -> RedactorConfig:  # noqa: ANN003
    """The rule path alone: fast, and independent of the shipped model and lexicons."""
    return RedactorConfig(disable_detectors=MODEL_DETECTORS & set(registered_detectors()), **kw)
