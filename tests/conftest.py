"""Shared fixtures. Tests build their own data; nothing here reads the evaluation sets."""
from __future__ import annotations

import pytest

from lumor_redact import Redactor, RedactorConfig
from lumor_redact.detect import registered_detectors

MODEL_DETECTORS = frozenset({"ner", "lexicon_health", "lexicon_sensitive"})


def rules_only_config(**kw) -> RedactorConfig:
    """The rule path alone: fast, and independent of the shipped model and lexicons."""
    return RedactorConfig(disable_detectors=MODEL_DETECTORS & set(registered_detectors()), **kw)


@pytest.fixture(scope="session")
def rules_redactor() -> Redactor:
    return Redactor(rules_only_config())
