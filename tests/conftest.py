"""Shared fixtures. Tests build their own data; nothing here reads the evaluation sets."""
from __future__ import annotations

import pytest

from lumor_redact import Redactor
from lumor_test_support import rules_only_config


@pytest.fixture(scope="session")
def rules_redactor() -> Redactor:
    return Redactor(rules_only_config())
