"""lumor_redact: real-time redaction of personal information in phone-call transcripts.

    from lumor_redact import Redactor
    res = Redactor().redact("my card is four one one one one one one one one one one one one one one one")
    res.text        # "my card is [CREDIT_CARD]"
    res.entities    # [Entity(label='CREDIT_CARD', start=11, end=..., ...)]
"""
from __future__ import annotations

from lumor_redact.config import CustomRule, MaskPolicy, RedactorConfig
from lumor_redact.detect import Detector, register_detector, registered_detectors
from lumor_redact.entities import Candidate, Entity, RedactionResult
from lumor_redact.errors import ConfigError, DetectorError, DetectorTimeout, InputError, RedactionError
from lumor_redact.mask import PseudonymTable
from lumor_redact.pipeline import Redactor
from lumor_redact.stream import AsyncStreamRedactor, StreamOptions, StreamRedactor, StreamStats, StreamUpdate, Word
from lumor_redact.stt import SttFeeder, SttResult
from lumor_redact.text import TextView, normalize

__all__ = [
    "Redactor", "RedactionResult", "Entity", "Candidate",
    "StreamRedactor", "AsyncStreamRedactor", "StreamOptions", "StreamUpdate", "StreamStats", "Word",
    "SttFeeder", "SttResult",
    "RedactorConfig", "MaskPolicy", "CustomRule", "PseudonymTable",
    "Detector", "register_detector", "registered_detectors",
    "TextView", "normalize",
    "RedactionError", "ConfigError", "InputError", "DetectorError", "DetectorTimeout",
]
__version__ = "0.1.0"
