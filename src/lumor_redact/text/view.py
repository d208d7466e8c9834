"""A transcript seen two ways, with an exact map between them.

`original` is the text as the STT engine printed it. `canonical` is the same text lowercased,
with spoken forms written the way rules expect them ("oh four one two" -> "0412", "john dot
smith at gmail dot com" -> "john.smith@gmail.com"). Every canonical character carries the
original span it came from, so a match in the canonical view maps back to original offsets
that are always in range and monotone in the canonical position.
"""
from __future__ import annotations

from array import array
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TextView:
    original: str
    canonical: str
    # For canonical character i: the original span [orig_start[i], orig_end[i]) it stands for.
    orig_start: array
    orig_end: array

    @classmethod
    def identity(cls, text: str) -> "TextView":
        """A view whose canonical text is the original itself (no normalization)."""
        n = len(text)
        return cls(text, text, array("l", range(n)), array("l", range(1, n + 1)))

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a canonical span [start, end) to the original span it covers."""
        if end <= start:
            raise ValueError("empty canonical span")
        return self.orig_start[start], self.orig_end[end - 1]

    def to_canonical(self, start: int, end: int) -> tuple[int, int]:
        """The smallest canonical span whose characters come from original [start, end).

        Returns (k, k) when no canonical character stems from that range (e.g. a dropped filler).
        """
        import bisect

        cs = bisect.bisect_right(self.orig_end, start)
        ce = bisect.bisect_left(self.orig_start, end)
        return cs, max(cs, ce)

    def __repr__(self) -> str:
        return f"TextView(original_len={len(self.original)}, canonical_len={len(self.canonical)})"
