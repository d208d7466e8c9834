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

__all__ = ["Detector", "register_detector", "registered_detectors", "build_detectors", "context_start"]


class Detector(ABC):
    """One family of entities (cards, phones, names …) found in a `TextView`."""

    name: ClassVar[str] = ""
    labels: ClassVar[frozenset[str]] = frozenset()
    # The cost class tells the streaming layer and benchmarks what runs on the fast path.
    is_model: ClassVar[bool] = False
    # Whether a find is checked (a checksum, a numbering plan, a cue, a curated lexicon) rather
    # than guessed (a statistical model, a name list): checked finds win overlaps.
    checked: ClassVar[bool] = True
    # Words of left context this detector's decisions read, when that is bounded (a model's
    # receptive field). A caller that wants only the entities ending after some offset (the
    # stream: everything before it is released) then lets the detector skip all but this many
    # words before it. None: the detector reads the whole text.
    reach_words: ClassVar[int | None] = None

    def __init__(self, config: RedactorConfig) -> None:
        self.config = config

    @abstractmethod
    def detect(self, view: TextView) -> list[Candidate]:
        """Candidates in original offsets. Must be pure and thread-safe."""

    def detect_after(self, view: TextView, focus: int) -> list[Candidate]:
        """Candidates that may end after original offset `focus` (others may be left out).

        The default reads the whole view; detectors with a bounded `reach_words` override it
        to read only from `context_start(view.original, focus, reach_words)` on.
        """
        return self.detect(view)

    def open_tail(self, view: TextView) -> int | None:
        """For streaming: the smallest original offset at which one of this detector's entities
        could still start if more text followed `view` (None: nothing of its own is open).

        The stream already holds trailing number runs, spelled letters, joined address words
        and its lookahead words; a detector overrides this when its entities can grow in ways
        those rules do not know (a lexicon phrase half said: "member of the" → "member of the
        hsu"). Must be cheap: it runs on every feed.
        """
        return None

    def detect_many(self, views: Sequence[TextView]) -> list[list[Candidate]]:
        """Batch form; model-backed detectors override it to batch their model calls."""
        return [self.detect(v) for v in views]

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r})"


def context_start(text: str, focus: int, words: int) -> int:
    """The start of the word `words` words before `focus` (0 when there are fewer). Scans back
    from `focus` only as far as it needs to, so the cost is independent of the text's length."""
    i = min(max(focus, 0), len(text))
    while i > 0 and not text[i - 1].isspace():
        i -= 1  # focus inside a word: that word counts as the first one after it
    for _ in range(words):
        while i > 0 and text[i - 1].isspace():
            i -= 1
        if i == 0:
            return 0
        while i > 0 and not text[i - 1].isspace():
            i -= 1
    return i


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
