"""Detector families. Importing this package registers every built-in detector."""
from __future__ import annotations

import importlib

from lumor_redact.detect.base import Detector, build_detectors, register_detector, registered_detectors

__all__ = ["Detector", "build_detectors", "register_detector", "registered_detectors"]

# Each module registers its detectors on import. Optional families (a model that is not
# shipped, a library that is not installed) are skipped, so the rule path always works.
_MODULES = (
    "lumor_redact.detect.rules",
    "lumor_redact.detect.custom",
    "lumor_redact.detect.lexicon",
    "lumor_redact.detect.ner",
)
for _m in _MODULES:
    try:
        importlib.import_module(_m)
    except ModuleNotFoundError as exc:
        if exc.name != _m:
            raise
