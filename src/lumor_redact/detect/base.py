"""The detector interface and the registry that names detectors for the configuration.

A detector is a small object with `name`, the `labels` it can produce, and
`detect(view) -> list[Candidate]` returning spans in ORIGINAL offsets (use
`view.to_original` for matches found in the canonical view). Detectors are registered by
name with `@register_detector("name")`; the factory receives the `RedactorConfig`, so a
config can switch a detector off (`disable_detectors = ["ner"]`) or tune it.

Detectors never raise on odd text: the pipeline treats an exception as a failure of that
detector and masks the whole text it was given (fail closed).
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Callable, ClassVar, Iterable, Sequence, TypeVar

from lumor_redact.config import RedactorConfig
from lumor_redact.entities import Candidate
from lumor_redact.errors import ConfigError
from lumor_redact.text.view import TextView

__all__ = ["Detector", "register_detector", "registered_detectors", "build_detectors"]


class Detector(ABC):
    """One family of entities (cards, phones, names …) found in a `TextView`."""

    name: ClassVar[str] = ""
    labels: ClassVar[frozenset[str]] = frozenset()
    # The cost class tells the streaming layer and benchmarks what runs on the fast path.
    is_model: ClassVar[bool] = False
    # Whether a find is checked (a checksum, a numbering plan, a cue, a curated lexicon) rather
    # than guessed (a statistical model, a name list): checked finds win overlaps.
    checked: ClassVar[bool] = True

    def __init__(self, config: RedactorConfig) -> None:
        self.config = config

    @abstractmethod
    def detect(self, view: TextView) -> list[Candidate]:
        """Candidates in original offsets. Must be pure and thread-safe."""

    def detect_many(self, views: Sequence[TextView]) -> list[list[Candidate]]:
        """Batch form; model-backed detectors override it to batch their model calls."""
        return [self.detect(v) for v in views]

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r})"


D = TypeVar("D", bound=type[Detector])
DetectorFactory = Callable[[RedactorConfig], Detector]
_REGISTRY: dict[str, DetectorFactory] = {}


def register_detector(name: str) -> Callable[[D], D]:
    """Class decorator: make a detector available to configurations under `name`."""

    def deco(cls: D) -> D:
        cls.name = name
        _REGISTRY[name] = cls
        return cls

    return deco


def registered_detectors() -> dict[str, DetectorFactory]:
    _load_builtin_detectors()
    return dict(_REGISTRY)


def build_detectors(config: RedactorConfig, names: Iterable[str] | None = None) -> list[Detector]:
    """Instantiate the enabled detectors, in registry order, skipping those with no wanted label."""
    reg = registered_detectors()
    chosen = list(names) if names is not None else [n for n in reg if n not in config.disable_detectors]
    unknown = [n for n in list(config.disable_detectors) + chosen if n not in reg]
    if unknown:
        raise ConfigError(f"unknown detector(s) {', '.join(sorted(set(unknown)))}; known: {', '.join(reg)}")
    out = []
    for n in chosen:
        det = reg[n](config)
        if det.labels and not any(config.wants(label) for label in det.labels):
            continue
        out.append(det)
    return out


def _load_builtin_detectors() -> None:
    # Importing the package registers every built-in detector module.
    import lumor_redact.detect  # noqa: F401
