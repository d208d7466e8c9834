"""Detector families. Importing this package registers every built-in detector."""
from __future__ import annotations

import importlib

from lumor_redact.detect.base import Detector, build_detectors, register_detector, registered_detectors

__all__ = ["Detector", "build_detectors", "register_detector", "registered_detectors"]

# Each module registers its detectors on import, in this order (the registry order). Optional
# families (a model that is not shipped) are skipped when absent, so the rule path always works.
_BUILTIN = ("cards", "phone", "au_ids", "bank", "documents", "web", "dates", "address", "names", "places", "custom")
_OPTIONAL = ("lexicon", "ner")
for _m in _BUILTIN:
    importlib.import_module(f"lumor_redact.detect.{_m}")
for _m in _OPTIONAL:
    try:
        importlib.import_module(f"lumor_redact.detect.{_m}")
    except ModuleNotFoundError as exc:
        if exc.name != f"lumor_redact.detect.{_m}":
            raise
