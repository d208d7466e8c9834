"""Word tracks: one masking decision per spoken word, rendered into every place the text appears.

STT exports hold the same words several times: a flat transcript, a word list with timings,
paragraphs, sentences, utterances. Redacting each string on its own could mask a card number in
the transcript and miss it in the word list. Instead a `Track` joins the word list into one text,
the redactor sees that text once, and every place is rebuilt from the masked words:

- `masked_token(i)`: the word at position i with the parts that fall inside entities replaced
  (each word keeps its timing entry; a 16-word card number becomes 16 masked words);
- `render(indices)`: the words at `indices` joined as the export joins them, with each entity
  collapsed into one replacement ("my card is [CREDIT_CARD] thanks").

A place whose original text does not equal the join of its words (an exporter quirk) cannot be
rebuilt faithfully; the format falls back to redacting that string on its own (see `Place`).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Sequence

from lumor_redact.entities import Entity, RedactionResult


@dataclass(frozen=True, slots=True)
class Token:
    """One word (or punctuation mark) of an export, in display form."""

    text: str
    punct: bool = False          # joins the previous token without a space (AWS punctuation items)
    start: float | None = None   # seconds
    end: float | None = None


def same_text(a: str, b: str) -> bool:
    """Equal up to whitespace: exporters differ in spacing, never in words."""
    return a.split() == b.split()


class Track:
    """A token sequence, its joined text, and (after `bind`) the entities found in it."""

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.tokens = list(tokens)
        parts: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        pos = 0
        for i, t in enumerate(self.tokens):
            if i and not t.punct:
                parts.append(" ")
                pos += 1
            self.starts.append(pos)
            parts.append(t.text)
            pos += len(t.text)
            self.ends.append(pos)
        self.text = "".join(parts)
        self.entities: list[Entity] = []
        self.replacements: list[str] = []
        self._ent_starts: list[int] = []

    def __len__(self) -> int:
        return len(self.tokens)

    def bind(self, result: RedactionResult) -> None:
        """Attach the redaction of `self.text`: entities and their replacement strings."""
        ents = sorted(result.entities, key=lambda e: e.start)
        self.entities = ents
        self.replacements = [result.text[e.masked_start:e.masked_end] for e in ents]
        self._ent_starts = [e.start for e in ents]

    # -------------------------------------------------------------- queries
    def _entities_in(self, lo: int, hi: int) -> list[int]:
        """Indices of entities overlapping [lo, hi) of the joined text."""
        out = []
        j = bisect.bisect_left(self._ent_starts, hi)
        for k in range(j - 1, -1, -1):
            e = self.entities[k]
            if e.end <= lo:
                # entities are disjoint and sorted, so earlier ones end earlier too
                break
            if e.start < hi:
                out.append(k)
        out.reverse()
        return out

    def touched(self, i: int) -> bool:
        return bool(self._entities_in(self.starts[i], self.ends[i])) if self.entities else False

    def token_range(self, k: int) -> tuple[int, int]:
        """First and last token index overlapped by entity k."""
        e = self.entities[k]
        first = bisect.bisect_right(self.ends, e.start)
        last = bisect.bisect_left(self.starts, e.end) - 1
        return first, max(first, last)

    def audio_span(self, k: int) -> tuple[float | None, float | None]:
        first, last = self.token_range(k)
        starts = [t.start for t in self.tokens[first:last + 1] if t.start is not None]
        ends = [t.end for t in self.tokens[first:last + 1] if t.end is not None]
        return (min(starts) if starts else None, max(ends) if ends else None)

    # ------------------------------------------------------------ rendering
    def original(self, indices: Sequence[int]) -> str:
        return self._join(indices)[0]

    def render(self, indices: Sequence[int]) -> str:
        """The words at `indices` joined, each entity collapsed into its replacement."""
        text, pieces = self._join(indices)
        if not self.entities:
            return text
        # Map every entity overlapping these tokens to one span of `text`.
        spans: dict[int, list[int]] = {}
        for (tok, off) in pieces:
            ts, te = self.starts[tok], self.ends[tok]
            for k in self._entities_in(ts, te):
                e = self.entities[k]
                a = off + max(e.start, ts) - ts
                b = off + min(e.end, te) - ts
                cur = spans.get(k)
                if cur is None:
                    spans[k] = [a, b]
                else:
                    cur[1] = b
        out = text
        for k, (a, b) in sorted(spans.items(), key=lambda kv: kv[1][0], reverse=True):
            out = out[:a] + self.replacements[k] + out[b:]
        return out

    def masked_token(self, i: int) -> str:
        """Token i with the parts inside entities replaced (the token keeps its own entry)."""
        return self.render([i])

    def _join(self, indices: Sequence[int]) -> tuple[str, list[tuple[int, int]]]:
        parts: list[str] = []
        pieces: list[tuple[int, int]] = []
        pos = 0
        for n, i in enumerate(indices):
            t = self.tokens[i]
            if n and not t.punct:
                parts.append(" ")
                pos += 1
            pieces.append((i, pos))
            parts.append(t.text)
            pos += len(t.text)
        return "".join(parts), pieces
