"""The values the pipeline passes around and returns.

Offsets are Python string indices. `start`/`end` are always into the ORIGINAL text the caller
gave; `masked_start`/`masked_end` are into the masked text of the same result. Values hold no
raw text, so printing or logging one cannot leak what it describes.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Candidate:
    """A detector's proposal: a labelled span of the original text with a confidence."""

    label: str
    start: int
    end: int
    score: float
    detector: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A resolved, masked entity. Its repr shows positions and type, never the value."""

    label: str
    start: int
    end: int
    score: float
    detector: str
    masked_start: int = -1
    masked_end: int = -1
    audio_start: float | None = None
    audio_end: float | None = None

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    @property
    def masked_span(self) -> tuple[int, int]:
        return (self.masked_start, self.masked_end)

    def shifted(self, by: int, masked_by: int) -> "Entity":
        """The same entity with offsets moved, for callers that redact a text in pieces."""
        return Entity(self.label, self.start + by, self.end + by, self.score, self.detector,
                      self.masked_start + masked_by, self.masked_end + masked_by,
                      self.audio_start, self.audio_end)


@dataclass(frozen=True, slots=True)
class RedactionResult:
    """What `Redactor.redact` returns: the masked text and the entities masked in it.

    The repr omits the masked text on purpose: it is safe to release, but a result object
    that ends up in a log should stay small and free of content either way.
    """

    text: str
    entities: list[Entity] = field(default_factory=list)
    errors: tuple[str, ...] = ()

    def __repr__(self) -> str:
        labels = ", ".join(f"{e.label}@{e.start}:{e.end}" for e in self.entities)
        return f"RedactionResult(len={len(self.text)}, entities=[{labels}], errors={list(self.errors)})"
