"""Every error the library raises, in one small tree.

    RedactionError
     ├── ConfigError      bad configuration (file, type, value); says which key and how to fix it
     ├── InputError       bad input (wrong type, invalid text, chunk too large, out of order)
     └── DetectorError    a detector failed; the pipeline masks the text it covered (fail closed)
          └── DetectorTimeout

Messages never contain transcript text: they name positions, lengths and types only, so an
exception that reaches a log cannot leak what the library protects.
"""
from __future__ import annotations

__all__ = ["RedactionError", "ConfigError", "InputError", "DetectorError", "DetectorTimeout"]


class RedactionError(Exception):
    """Base class of every error raised by lumor_redact."""


class ConfigError(RedactionError, ValueError):
    """The configuration is invalid: the message names the key and what is expected."""


class InputError(RedactionError, ValueError):
    """The input cannot be redacted as given (type, encoding, size, order)."""


class DetectorError(RedactionError):
    """A detector raised or misbehaved. Carries the detector's name, never the text."""

    def __init__(self, detector: str, reason: str) -> None:
        super().__init__(f"detector {detector!r} failed: {reason}")
        self.detector = detector
        self.reason = reason


class DetectorTimeout(DetectorError):
    """A detector exceeded its time budget."""
