"""The one place that decides which candidates become entities.

1. drop candidates below their label's threshold, of unwanted labels, or on the allow list;
2. group candidates whose spans overlap (transitively);
3. each group becomes one entity: the label and score of its best candidate, the span of the
   whole group, so nothing any accepted candidate covered is left readable. "Best" prefers a
   checked rule (a checksum, a phone-number plan, a cue) over a statistical model's guess,
   then the higher score, then the longer span: a model may call "51 824 753 556" an address,
   the ABN checksum knows better.

Word-like labels (names, places, health …) need at least one letter: a model's PERSON over
bare digits is dropped. A model's span that mostly covers what rules found ("visa 4549 …
expiry 11/26" called a LOCATION) is dropped; one that reaches beyond them keeps only the parts
the rules did not claim, so a model's guess never swallows or relabels a checked entity.
"""
from __future__ import annotations

from typing import Iterable

from lumor_redact.config import RedactorConfig
from lumor_redact.entities import Candidate

_EDGE = " \t\r\n.,;:!?\"'"
WORD_LABELS = frozenset({
    "PERSON", "LOCATION", "STREET_ADDRESS", "HEALTH", "RELIGION", "ETHNICITY", "POLITICAL_OPINION",
    "CRIMINAL_RECORD", "SEXUAL_ORIENTATION", "UNION_MEMBERSHIP",
})


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past whitespace and punctuation at its edges (but never to nothing)."""
    s, e = start, end
    while s < e and text[s] in _EDGE:
        s += 1
    while e > s and text[e - 1] in _EDGE:
        e -= 1
    return (s, e) if e > s else (start, end)


def resolve(text: str, candidates: Iterable[Candidate], config: RedactorConfig,
            model_detectors: frozenset[str] = frozenset()) -> list[Candidate]:
    allow = {a.lower().strip() for a in config.allow}
    kept: list[Candidate] = []
    n = len(text)
    for c in candidates:
        if not (0 <= c.start < c.end <= n):
            continue
        if c.score < config.threshold_for(c.label) or not config.wants(c.label):
            if c.detector != "fail_closed":
                continue
        s, e = trim(text, c.start, c.end)
        if allow and text[s:e].lower() in allow:
            continue
        if c.label in WORD_LABELS and not any(ch.isalpha() for ch in text[s:e]):
            continue
        if (s, e) != (c.start, c.end):
            c = Candidate(c.label, s, e, c.score, c.detector)
        kept.append(c)
    if model_detectors:
        kept = _yield_to_rules(text, kept, model_detectors)
    kept.sort(key=lambda c: (c.start, -c.end))
    out: list[Candidate] = []
    group: list[Candidate] = []
    group_end = -1
    for c in kept:
        if group and c.start >= group_end:
            out.append(_merge(group, model_detectors))
            group = []
        group.append(c)
        group_end = max(group_end, c.end) if len(group) > 1 else c.end
    if group:
        out.append(_merge(group, model_detectors))
    return out


def _yield_to_rules(text: str, cands: list[Candidate], model_detectors: frozenset[str]) -> list[Candidate]:
    import bisect

    rules = sorted((c.start, c.end) for c in cands if c.detector not in model_detectors)
    if not rules:
        return cands
    starts = [s for s, _ in rules]
    out = [c for c in cands if c.detector not in model_detectors]
    for c in cands:
        if c.detector not in model_detectors:
            continue
        lo = max(0, bisect.bisect_right(starts, c.start) - 1)
        hits = [(s, e) for s, e in rules[lo:bisect.bisect_left(starts, c.end)] if s < c.end and c.start < e]
        if not hits:
            out.append(c)
            continue
        inside = [i for i in range(c.start, c.end) if not text[i].isspace()]
        claimed = sum(1 for i in inside if any(s <= i < e for s, e in hits))
        # mostly claimed: what is left must stand on its own ("john" of "john smith" when
        # "smith at gmail dot com" is the email), not be a scrap ("my" of "my knee")
        mostly = claimed * 2 >= len(inside)
        pos = c.start
        for s, e in hits + [(c.end, c.end)]:
            if s > pos:
                ps, pe = trim(text, pos, min(s, c.end))
                piece = text[ps:pe]
                if pe > ps and piece.strip() and (c.label not in WORD_LABELS or any(ch.isalpha() for ch in piece)) \
                        and (not mostly or _stands_alone(c.label, piece)):
                    out.append(Candidate(c.label, ps, pe, c.score, c.detector))
            pos = max(pos, e)
    return out


def _stands_alone(label: str, piece: str) -> bool:
    from lumor_redact.detect.guesses import plausible

    return label in WORD_LABELS and len(piece.strip()) >= 2 and plausible(label, piece)


def _merge(group: list[Candidate], model_detectors: frozenset[str]) -> Candidate:
    if len(group) == 1:
        return group[0]
    best = max(group, key=lambda c: (c.detector == "fail_closed", c.detector not in model_detectors,
                                     c.score, c.end - c.start))
    start = min(c.start for c in group)
    end = max(c.end for c in group)
    return Candidate(best.label, start, end, best.score, best.detector)
