"""Where a caller lives or is: suburbs, towns and cities from a gazetteer, said with a cue.

Why a gazetteer beside the NER model: place names are a closed set, and the small model misses
the rarer ones ("kurri kurri", "werrington downs", "gundagai") or calls them people. The list
(`data/places.tsv`, every Australian locality of 500+ people and the larger cities abroad, from
GeoNames via scripts/make_place_list.py) says what is a place; the words around it say whether
it is where someone is:

- a cue before it: "live in", "based in", "i'm in", "moving to", "out at", "we cover" … (strong),
  or a plain preposition "in", "at", "from", "near" … (weak);
- or it opens an answer to a location question ("what suburb are you in" / "penrith").

A place that is also an everyday word ("sale", "orange", "young", "five dock") needs a strong
cue or an answer, unless the text is cased and it is written with capitals mid-sentence. A
place that is part of an address, a street or a business ("penrith station", "our parramatta
branch", "we're located in …") is not reported.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from lumor_redact.config import RedactorConfig
from lumor_redact.detect.address import premises_phrases
from lumor_redact.detect.base import Detector, context_start, register_detector
from lumor_redact.entities import Candidate
from lumor_redact.text.view import TextView

__all__ = ["PlaceDetector", "place_table", "not_where_someone_is"]

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_LOW_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)*")
_MAX_WORDS = 4
SCORE = 0.8
SCORE_WEAK = 0.7

_STRONG_CUES = tuple(c.split() for c in """
live in|lives in|living in|lived in|based in|located in|staying in|stay in|staying at|grew up in|born in|raised in
moved to|moving to|move to|moved from|moving from|relocating to|relocating from|relocated to|relocated from
moving down to|moving up to|moving down from|moving up from|heading to|headed to|coming from|coming in from
i'm in|i am in|im in|we're in|we are in|were in|he's in|she's in|they're in|they are in|i'm at|we're at
i'm out in|we're out in|i'm out at|we're out at|out in|out at|up in|down in|over in|out past|out near
home in|at home in|work in|working in|i'm from|we're from|i am from|originally from|suburb is|suburb's
town is|area is|we cover|you cover|covers|cover|whereabouts in|side of the road in|just south of|just north of
""".replace("\n", "|").split("|") if c.strip())
_WEAK_CUES = frozenset("in at from to near around past outside of via through".split())
_QUESTION = re.compile(r"\b(?:where|suburb|located|location|based|whereabouts|coming from|what area|which area|"
                       r"postcode|town)\b")
_SPEAKER = re.compile(r"\s*(?:[A-Za-z]+\s*:)?\s*(?:(?:um|uh|oh|yeah|yep|yes|ah|well|it's|its|in|at)\b[\s,]*)*",
                       re.IGNORECASE)
# After a place: it is part of something else ("penrith station", "the parramatta branch").
_NOT_AFTER = frozenset("""
street st road rd avenue ave parade pde lane drive dr crescent cres court ct place highway hwy way boulevard
terrace close circuit grove square esplanade
station airport hospital council library pool oval stadium branch store shop showroom office clinic
centre center plaza mall university uni college school campus depot warehouse team fc club
""".split())
_NOT_BEFORE = frozenset({"our", "the", "your", "their", "his", "her", "my", "a", "an"})
_PROPERTY = frozenset("house houses home's unit units property properties apartment apartments flat flats townhouse "
                      "block land auction listing rental rentals investment office branch store shop".split())
_BUSINESS_SPEAKS = re.compile(r"\b(?:our|we're based|we are based|we're located|we are located|head office)\b",
                              re.IGNORECASE)
_AGENT = re.compile(r"\s*agent\s*:", re.IGNORECASE)
# A business saying where it is. "we're in …" is the caller's home as often as the agent's shop,
# so it counts only on the agent's lines.
_OWN_PREMISES = re.compile(r"\b(?:" + premises_phrases(("head office",)) + r")(?: at| on| in)?[ ,]*$", re.IGNORECASE)
_AGENT_PREMISES = re.compile(r"\b(?:we're|we are)(?: at| on| in)[ ,]*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def place_table() -> dict[str, dict[tuple[str, ...], str]]:
    """first word -> {place words: kind}, for longest-first matching."""
    text = (resources.files("lumor_redact") / "data" / "places.tsv").read_text(encoding="utf-8")
    out: dict[str, dict[tuple[str, ...], str]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        name, kind = line.split("\t")
        words = tuple(_norm(w) for w in name.split())
        if 0 < len(words) <= _MAX_WORDS:
            out.setdefault(words[0], {})[words] = kind
    return out


@lru_cache(maxsize=1)
def _multiword_starts() -> frozenset[str]:
    """Words that begin a place of two words or more ("glen" of "glen waverley")."""
    return frozenset(first for first, opts in place_table().items() if any(len(p) > 1 for p in opts))


@lru_cache(maxsize=1)
def _business_words() -> frozenset[str]:
    from lumor_redact.detect.names import NOT_AFTER

    # the name list's words that make a name part of a business ("… plumbing", "… medical"),
    # without the place-name words that also end suburbs ("… park", "… heights", "… bay")
    return frozenset(NOT_AFTER) - {"park", "beach", "river", "creek", "bay", "mountain", "lake", "island", "hills",
                                   "heights", "valley", "north", "south", "east", "west", "estate", "family",
                                   "real", "house", "arms", "inn", "hall", "tower"}


def _norm(word: str) -> str:
    return word.lower().replace("'", "").replace("’", "")


def _words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, lowercased word without apostrophes) of each word; one lowercasing pass."""
    low = text.lower()
    if len(low) != len(text):  # a character whose lowercase is longer: offsets would drift
        return [(m.start(), m.end(), _norm(m.group())) for m in _WORD.finditer(text)]
    out = []
    for m in _LOW_WORD.finditer(low):
        w = m.group()
        if "'" in w or "’" in w:
            w = w.replace("'", "").replace("’", "")
        out.append((m.start(), m.end(), w))
    return out


@register_detector("places")
class PlaceDetector(Detector):
    """LOCATION: a known place said as where someone lives or is (see the module docstring)."""

    labels = frozenset({"LOCATION"})

    def __init__(self, config: RedactorConfig) -> None:
        super().__init__(config)
        self.table = place_table()
        self._sizes = {w: tuple(sorted({len(k) for k in opts}, reverse=True)) for w, opts in self.table.items()}
        by_last: dict[str, list[tuple[str, ...]]] = {}
        for cue in _STRONG_CUES:
            words = tuple(_norm(c) for c in cue)
            by_last.setdefault(words[-1], []).append(words)
        self._strong = by_last

    # a place's cue is at most five words before it and a place four words long: in a stream
    # only the words near the held text can hold a place that is not released yet
    reach_words = 10

    def detect(self, view: TextView) -> list[Candidate]:
        return self._detect_from(view.original, 0)

    def detect_after(self, view: TextView, focus: int) -> list[Candidate]:
        text = view.original
        return self._detect_from(text, context_start(text, focus, self.reach_words))

    def _detect_from(self, text: str, lo: int) -> list[Candidate]:
        if not self.config.wants("LOCATION"):
            return []
        words = [(a + lo, b + lo, w) for a, b, w in _words(text[lo:])] if lo else _words(text)
        out: list[Candidate] = []
        table = self.table
        i, n = 0, len(words)
        while i < n:
            options = table.get(words[i][2])
            if not options:
                i += 1
                continue
            match = self._longest(words, i, options, self._sizes[words[i][2]], text)
            if match is None:
                i += 1
                continue
            j, _kind = match
            score = self._score(text, words, i, j)
            if score > 0:
                out.append(Candidate("LOCATION", words[i][0], words[j - 1][1], score, self.name))
                i = j
            else:
                i += 1
        return out

    def open_tail(self, view: TextView) -> int | None:
        """The last words may be the start of a longer place after a cue ("out at glen" →
        "out at glen waverley"): hold them."""
        text = view.original
        tail = text[-60:].lower().split()[-(_MAX_WORDS - 1):]
        if not any(w in _multiword_starts() for w in tail):
            return None  # the common case: no word at the end can start a longer place
        lo = max(0, len(text) - 120)
        words = [(a + lo, b + lo, w) for a, b, w in _words(text[lo:])]
        if not words or not text[-1:].isspace():
            return None
        n = len(words)
        for k in range(max(0, n - (_MAX_WORDS - 1)), n):
            options = self.table.get(words[k][2])
            if not options or (k > 0 and words[k - 1][2] not in _WEAK_CUES and not self._strong_before(words, k)):
                continue
            tail = tuple(w[2] for w in words[k:])
            if any(len(p) > len(tail) and p[:len(tail)] == tail for p in options):
                return words[k][0]
        return None

    # ------------------------------------------------------------------ helpers
    @staticmethod
    def _longest(words: list[tuple[int, int, str]], i: int, options: dict[tuple[str, ...], str],
                 sizes: tuple[int, ...], text: str) -> tuple[int, str] | None:
        for size in sizes:
            if i + size > len(words):
                continue
            key = (words[i][2],) if size == 1 else tuple(w[2] for w in words[i:i + size])
            kind = options.get(key)
            if kind is not None and "\n" not in text[words[i][0]:words[i + size - 1][1]]:
                return i + size, kind
        return None

    def _strong_before(self, words: list[tuple[int, int, str]], i: int) -> bool:
        if i == 0:
            return False
        for cue in self._strong.get(words[i - 1][2], ()):
            k = len(cue)
            if i >= k and tuple(w[2] for w in words[i - k:i]) == cue:
                return True
        return False

    def _score(self, text: str, words: list[tuple[int, int, str]], i: int, j: int) -> float:
        from lumor_redact.detect.wordlist import english_words

        start, end = words[i][0], words[j - 1][1]
        line_start = _line_start(text, start)
        prev = words[i - 1][2] if i > 0 and words[i - 1][0] >= line_start else ""
        # the cue first: most words that are also places ("sale", "park") have none, and the
        # checks below are the expensive part
        strong = self._strong_before(words, i) or self._answers_question(text, line_start, start)
        if not strong and prev not in _WEAK_CUES:
            return 0.0
        if prev in _NOT_BEFORE or not_where_someone_is(text, start, end):
            return 0.0
        if strong:
            return SCORE
        everyday = english_words()
        common = all(w[2] in everyday for w in words[i:j])
        said = text[start:end]
        capitalised = all(w[:1].isupper() for w in said.split()) and not _sentence_start(text, start, line_start)
        return SCORE_WEAK if not common or capitalised else 0.0

    @staticmethod
    def _answers_question(text: str, line_start: int, start: int) -> bool:
        """The place opens its line, and the line before asks where (not the agent answering
        where the business is)."""
        lead = _SPEAKER.match(text, line_start, start)
        if lead is None or lead.end() != start or line_start == 0 or text[line_start - 1] != "\n":
            return False
        if _AGENT.match(text, line_start):
            return False
        prev_start = _line_start(text, line_start - 1)
        return _QUESTION.search(text[prev_start:line_start].lower()) is not None


def not_where_someone_is(text: str, start: int, end: int) -> bool:
    """A place said as part of a business or a property, not as where a person lives or is:
    "penrith station", "Carlingford Medical", "we're based on victoria road in rydalmere", "our
    truck's coming from tumut", "the house in lane cove", "Coastal Conveyancing in Gosford", or
    the agent answering where the business is."""
    line_start = _line_start(text, start)
    before = text[line_start:start]
    if _OWN_PREMISES.search(before) or (_AGENT.match(text, line_start) and _AGENT_PREMISES.search(before)):
        return True
    nxt = _WORD.match(text, end + 1) if end + 1 < len(text) and text[end] == " " else None
    if nxt is not None and (_norm(nxt.group()) in _NOT_AFTER or _norm(nxt.group()) in _business_words()):
        return True
    prior = [(m.start(), m.group()) for m in _WORD.finditer(text, line_start, start)][-3:]
    covers = bool(prior) and _norm(prior[-1][1]) in ("cover", "covers")
    if not covers and _BUSINESS_SPEAKS.search(before):
        return True
    if len(prior) >= 2 and _norm(prior[-1][1]) in _WEAK_CUES:
        at, word = prior[-2]
        if _norm(word) in _PROPERTY or (word[:1].isupper() and word not in ("I", "I'm")
                                        and not _sentence_start(text, at, line_start)):
            return True
    if not before.strip(" ") or _SPEAKER.match(text, line_start, start).end() == start:  # type: ignore[union-attr]
        # an answer that opens the line: the agent saying where the business is
        return _AGENT.match(text, line_start) is not None and line_start > 0 and text[line_start - 1] == "\n" and \
            _QUESTION.search(text[_line_start(text, line_start - 1):line_start].lower()) is not None
    return False


_LINE_REACH = 160   # characters a context check looks back within a line


def _line_start(text: str, pos: int) -> int:
    """Where the line holding `pos` starts, looking back at most _LINE_REACH characters (a
    transcript with no newlines must not cost a scan of everything before each place). When no
    newline is that near, the result is not 0 and not after a newline: the checks that need a
    real line start (an answer opening its turn) then see none."""
    lo = max(0, pos - _LINE_REACH)
    k = text.rfind("\n", lo, pos)
    if k >= 0:
        return k + 1
    return 0 if lo == 0 else lo + 1  # lo + 1: text[lo] is no newline, so this is no line start


def _sentence_start(text: str, start: int, line_start: int) -> bool:
    k = start - 1
    while k >= line_start and text[k] in " \t\"'(":
        k -= 1
    return k < line_start or text[k] in ".!?:"
