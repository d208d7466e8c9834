"""Streaming redaction: one `StreamRedactor` per call, fed STT text as it arrives.

    s = StreamRedactor(Redactor())
    u = s.feed("my card is four one one one ")   # text exactly as given; caller keeps separators
    u.text        # masked text released by this call (may be "")
    u.entities    # entities inside what was released, offsets into the whole transcript
    u = s.flush() # end of utterance/call: releases everything that is held

Why it holds text back: an entity is often only recognisable once it is complete ("oh four
one two …" is a phone number after its last digit, "sarah at gmail dot com" an email after
"com"). Text that could still become part of an entity is held; everything before it is
released at once, masked. The contract that the tests check (split invariance): for any text
and any split into chunks, the released text masks every entity that `Redactor.redact` masks
on the whole text, and no character of such an entity is ever released unmasked.

How a feed works:
1. The chunk is appended to the held tail.
2. The redactor runs on a *window*: some already-released text as left context (rule
   detectors read cue words up to 80 canonical characters back: "card number … four one …")
   plus the held tail. The window is bounded, so a feed costs the same in the first minute
   of a call and in the sixtieth. Model detectors read less of it: only their
   `reach_words` words before the held tail (`Redactor.analyze(window, focus=...)`).
3. A release point is chosen: the start of the trailing *open* region, which is
   - the last `hold_words` words (a word can still turn into the first item of an email
     or grow into a longer name: "sarah" → "sarah at gmail dot com"), and any partial word;
   - a trailing run of number-ish words ("oh four one two", "double", "plus", fillers and
     corrections inside a run, "the twenty third of may") and of spelled letters or
     address joiners ("s a r a h", "john dot smith at");
   - a number followed by up to three words that are not yet an address but could become
     one with a street type ("12 smith" → "12 smith street");
   - any entity that reaches into that region or ends right before it (it may still grow);
   - whatever a detector declares open through an optional `open_tail(view) -> int` hook
     (the smallest original offset its entities could still start at).
   Release points never cut an entity.
4. Held text beyond the configured bound (words, characters, seconds of audio) is released
   fail-closed: the open part as one `[REDACTED]` span, never unmasked.

Interim STT hypotheses go through `preview` (or `feed(..., is_final=False)`): they are masked
for display and never committed. Word timestamps (`feed_words`) give every entity its audio
start and end, so `bleep_ranges()` lists what to bleep in the recording.

A `StreamRedactor` is not thread-safe (one per call, one caller); `AsyncStreamRedactor` wraps
it for asyncio code. The `Redactor` it uses may be shared by many streams.
"""
from __future__ import annotations

import asyncio
import bisect
import copy
import importlib
import logging
import math
from collections import Counter, deque
from dataclasses import dataclass, field, fields
from typing import Any, Iterable, Mapping, Sequence

import regex

from lumor_redact.detect.base import Detector
from lumor_redact.entities import Candidate, Entity
from lumor_redact.errors import ConfigError, InputError
from lumor_redact.mask import PseudonymTable
from lumor_redact.pipeline import Redactor, check_text
from lumor_redact.resolve import trim
from lumor_redact.text import spoken
from lumor_redact.text.view import TextView

__all__ = ["StreamRedactor", "AsyncStreamRedactor", "StreamOptions", "StreamUpdate", "StreamStats", "Word",
           "HOLD_LIMIT_LABEL"]

log = logging.getLogger("lumor_redact.stream")

HOLD_LIMIT_LABEL = "REDACTED"   # label of text released fail-closed at the hold bound
_HOLD_LIMIT_DETECTOR = "stream_hold_limit"
_PENDING = "__pending__"         # preview-only: an open run shown as `pending_mask`


# ---------------------------------------------------------------------------------- values
@dataclass(frozen=True, slots=True)
class Word:
    """One word of an STT result with its audio times (seconds from the start of the call).

    The repr shows times and speaker, never the word.
    """

    text: str
    start: float
    end: float
    confidence: float | None = None
    speaker: int | str | None = None

    def __repr__(self) -> str:
        return f"Word(len={len(self.text)}, start={self.start:.3f}, end={self.end:.3f}, speaker={self.speaker!r})"


@dataclass(frozen=True, slots=True)
class StreamOptions:
    """How much a `StreamRedactor` may hold back, and how much context it re-reads.

    hold_words: complete words always held at the end of the stream (the lookahead a word
        needs before it can be released: one word turns "sarah" into "sarah at …"). None
        (the default) means 1 for rule and lexicon detectors and 2 when a model detector (NER)
        runs: a model's decision on a word can change with the next two words.
    grace_words: an entity found over held text that disappears when more words arrive is
        still held until this many words follow it: detectors that read a few words of right
        context flicker ("sandra" is a name, "sandra call" is not, "sandra call me" is again).
    max_hold_words / max_hold_chars / max_hold_seconds: the bound on the held tail; past it the
        tail is released fail-closed (masked as `[REDACTED]`). Seconds are audio seconds and
        apply when words carry timestamps (`feed_words`); None disables that bound.
    context_chars: canonical characters of already-released text re-read as left context
        (the rule detectors look back 80 canonical characters for cue words).
    max_context_chars: a cap on that context in original characters, so a feed's cost is
        bounded however the text compresses ("seven " is six characters, one canonical).
    max_chunk_chars: the largest chunk `feed` accepts (InputError beyond).
    pending_mask: what `preview` shows in place of an open number/spelling run.
    max_bleep_ranges: audio ranges kept for `bleep_ranges()` (oldest dropped beyond).
    """

    hold_words: int | None = None
    grace_words: int = 3
    max_hold_words: int = 40
    max_hold_chars: int = 600
    max_hold_seconds: float | None = 15.0
    context_chars: int = 110
    max_context_chars: int = 480
    max_chunk_chars: int = 20_000
    pending_mask: str = "[…]"
    max_bleep_ranges: int = 10_000

    def __post_init__(self) -> None:
        if self.hold_words is not None and (not isinstance(self.hold_words, int) or self.hold_words < 0):
            raise ConfigError("stream option hold_words must be a non-negative integer or None")
        for name in ("grace_words", "context_chars"):
            if not isinstance(getattr(self, name), int) or getattr(self, name) < 0:
                raise ConfigError(f"stream option {name} must be a non-negative integer")
        for name in ("max_hold_words", "max_hold_chars", "max_context_chars", "max_chunk_chars", "max_bleep_ranges"):
            if not isinstance(getattr(self, name), int) or getattr(self, name) <= 0:
                raise ConfigError(f"stream option {name} must be a positive integer")
        if self.max_hold_seconds is not None and not (isinstance(self.max_hold_seconds, (int, float))
                                                      and self.max_hold_seconds > 0):
            raise ConfigError("stream option max_hold_seconds must be a positive number or None")
        if self.hold_words is not None and self.hold_words > self.max_hold_words:
            raise ConfigError("stream option hold_words must not exceed max_hold_words")


@dataclass(frozen=True, slots=True)
class StreamUpdate:
    """What one `feed`/`flush`/`preview` call releases.

    text: masked text released by this call ("" when everything is still held). For a
        preview (is_final False) it is the display text of the pending region instead.
    entities: the entities masked in `text`; `start`/`end` are offsets into the whole
        transcript fed so far (original text), `masked_start`/`masked_end` into the
        concatenation of every released `text`; audio times when words had timestamps.
    start, end: the original span this update covers.
    masked_start: where `text` starts in the concatenated released text.
    held_words: complete words still held after this call.
    forced: part of the text was released fail-closed at the hold bound.
    """

    text: str
    entities: tuple[Entity, ...] = ()
    start: int = 0
    end: int = 0
    masked_start: int = 0
    is_final: bool = True
    held_words: int = 0
    forced: bool = False
    errors: tuple[str, ...] = ()

    def __repr__(self) -> str:
        labels = ", ".join(f"{e.label}@{e.start}:{e.end}" for e in self.entities)
        return (f"StreamUpdate(len={len(self.text)}, span={self.start}:{self.end}, final={self.is_final}, "
                f"entities=[{labels}], held_words={self.held_words}, forced={self.forced})")

    def followed_by(self, later: "StreamUpdate") -> "StreamUpdate":
        """One release for two consecutive ones (a feed, then a flush)."""
        if not (self.is_final and later.is_final):
            raise ValueError("only released (final) updates combine; keep previews apart")
        return StreamUpdate(self.text + later.text, self.entities + later.entities, self.start, later.end,
                            self.masked_start, True, later.held_words, self.forced or later.forced,
                            self.errors + later.errors)


@dataclass(frozen=True, slots=True)
class StreamStats:
    """Counters of one stream, for monitoring and the hold-back report."""

    feeds: int = 0
    previews: int = 0
    released_chars: int = 0
    forced_releases: int = 0
    late_entities: int = 0
    held_words: Mapping[int, int] = field(default_factory=dict)  # after each feed: words held -> count

    @property
    def mean_held_words(self) -> float:
        n = sum(self.held_words.values())
        return sum(k * v for k, v in self.held_words.items()) / n if n else 0.0


# ------------------------------------------------------------------- word classification
# What a whitespace-separated token can still become. The sets come from the normalizer's own
# tables, so a word it learns to read as part of a number is held here too.
_NUM, _LETTER, _JOIN, _GAP, _PREFIX, _WORD = range(6)

_NUMBER_WORDS = frozenset(spoken.UNITS) | frozenset(spoken.TEENS) | frozenset(spoken.TENS) | frozenset(
    spoken.REPEATS) | frozenset(spoken.ORDINALS) | frozenset({"hundred", "thousand", "plus"})
_JOIN_WORDS = frozenset(w for w in (*spoken.ADDRESS_JOINERS, *spoken.NUMBER_JOINERS) if " " not in w)
_GAP_WORDS = (frozenset(spoken.FILLERS) | frozenset(spoken.CORRECTIONS) | frozenset(spoken.HOMOPHONES)
              | frozenset({"and", "of"}))
_MONTHS = frozenset("january february march april may june july august september october november december "
                    "jan feb mar apr jun jul aug sep sept oct nov dec".split())
# Words an entity may start with before the number that makes it one: "the 23rd of may",
# "unit 4 …", "po box 12", "post office box 12", "may 1990".
_PREFIX_WORDS = _MONTHS | frozenset({"the", "unit", "apartment", "apt", "flat", "suite", "shop", "lot", "villa",
                                     "townhouse", "po", "box", "post", "office"})
_NATO = frozenset("alpha alfa bravo charlie delta echo foxtrot golf hotel india juliet juliett kilo lima mike "
                  "november oscar papa quebec romeo sierra tango uniform victor whiskey whisky xray x-ray "
                  "yankee zulu".split())
_EDGE = ".,;:!?\"'()[]{}…“”‘’"
_MAX_GAP = 4  # the normalizer allows at most this many filler/correction words inside a number
_ADDR_WORDS = 3  # the address rule allows this many street-name words before the street type
_TOKEN = regex.compile(r"\S+")
_FALLBACK_STOP = frozenset("and but so or is it's its yeah yep yes please thanks thank for with on at in to the a "
                           "an i i'm we my our your he she they it that this if just um uh er like then now there "
                           "here can could would will what when where how do did be was were are am has have had "
                           "not no ok okay".split())


def _address_stop_words() -> frozenset[str]:
    """The address detector's own list of words that end a street name (fallback: a small set)."""
    try:
        mod = importlib.import_module("lumor_redact.detect.address")
        stop = getattr(mod, "STOP", None)
        return frozenset(stop) if stop else _FALLBACK_STOP
    except Exception:  # pragma: no cover - the detector module is optional here
        return _FALLBACK_STOP


def _classify(raw: str, prev_norm: str) -> int:
    if any(ch.isdigit() for ch in raw):
        return _NUM
    norm = raw.lower().strip(_EDGE)
    if not norm or not any(ch.isalnum() for ch in norm):
        return _GAP  # punctuation between items: "," "-" "/"
    if norm in _NUMBER_WORDS:
        return _NUM
    if "-" in norm and all(p in _NUMBER_WORDS for p in norm.split("-") if p):
        return _NUM  # "twenty-one"
    if len(norm) == 1 and norm.isalpha():
        return _LETTER
    if norm in _JOIN_WORDS:
        return _JOIN
    if norm in _GAP_WORDS:
        return _GAP
    if norm in _PREFIX_WORDS:
        return _PREFIX
    if norm in _NATO and prev_norm in ("for", "in"):
        return _LETTER  # "b for bravo", "s as in sierra"
    if any(c in norm for c in "@/_") or ("." in norm and not norm.endswith(".")):
        return _JOIN  # written address pieces: "sarah@gmail", "www.example", "sarah_n"
    return _WORD


_FILLERS = frozenset(spoken.FILLERS)
_AT_REACH = 3      # words after "at"/"www dot" that may still be a domain ("at harbour strata dot com")


def _joined(toks: list["_Tok"], partial: bool) -> list[bool]:
    """Tokens that an address joiner ties into a possible email/URL chain: the word before a
    joiner, the word after it (up to three after "at"). Fillers are skipped, newlines stop."""
    n = len(toks)
    out = [False] * n
    joins = [i for i, t in enumerate(toks) if t.kind == _JOIN]
    if partial and n:
        joins.append(n - 1)  # a partial word may still become a joiner
    for j in joins:
        # after "at" (a mail domain) or "www dot" a domain may be said as several words
        reach = _AT_REACH if j < n and (toks[j].norm == "at" or (toks[j].norm == "dot" and j > 0
                                                                   and toks[j - 1].norm == "www")) else 1
        k, left = j + 1, reach
        while k < n and left > 0 and not toks[k].nl_before:
            if toks[k].norm not in _FILLERS:
                out[k] = True
                left -= 1
            k += 1
        k = j - 1
        while k >= 0 and (k + 1 == n or not toks[k + 1].nl_before):
            out[k] = True
            if toks[k].norm not in _FILLERS:
                break
            k -= 1
    return out


class _Tok:
    __slots__ = ("start", "end", "norm", "kind", "nl_before", "alpha")

    def __init__(self, start: int, end: int, norm: str, kind: int, nl_before: bool, alpha: bool) -> None:
        self.start, self.end, self.norm, self.kind, self.nl_before = start, end, norm, kind, nl_before
        self.alpha = alpha  # letters (and inner apostrophes) only: could be part of a name


def _tokens(text: str, lo: int) -> list[_Tok]:
    """Whitespace tokens of text[lo:], classified; nl_before: a newline separates it from the previous."""
    out: list[_Tok] = []
    prev_end = lo
    prev_norm = ""
    for m in _TOKEN.finditer(text, lo):
        raw = m.group()
        nl = "\n" in text[prev_end:m.start()]
        kind = _classify(raw, prev_norm)
        norm = raw.lower().strip(_EDGE)
        out.append(_Tok(m.start(), m.end(), norm, kind, nl, raw.replace("'", "").isalpha()))
        prev_end, prev_norm = m.end(), norm
    return out


# ---------------------------------------------------------------------------- the stream
class StreamRedactor:
    """Redacts one call's transcript as it streams in. See the module docstring.

    `StreamRedactor(redactor, hold_words=1, max_hold_words=40, ...)`: keyword options build a
    `StreamOptions`; or pass `options=StreamOptions(...)`. `pseudonyms` lets several streams of
    one call (one per channel) share a numbering.
    """

    def __init__(self, redactor: Redactor | None = None, *, options: StreamOptions | None = None,
                 pseudonyms: PseudonymTable | None = None, **option_overrides: Any) -> None:
        if option_overrides:
            known = {f.name for f in fields(StreamOptions)}
            unknown = set(option_overrides) - known
            if unknown:
                raise ConfigError(f"unknown stream option(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(known))}")
            base = options or StreamOptions()
            options = StreamOptions(**{**{f.name: getattr(base, f.name) for f in fields(StreamOptions)},
                                       **option_overrides})
        self.options = options or StreamOptions()
        self.redactor = redactor if redactor is not None else Redactor()
        self.pseudonyms = pseudonyms if pseudonyms is not None else PseudonymTable()
        self._uses_pseudonyms = (self.redactor.config.default_policy.kind == "pseudonym"
                                 or any(p.kind == "pseudonym" for p in self.redactor.config.policies.values()))
        self.hold_words = (self.options.hold_words if self.options.hold_words is not None
                           else 2 if self.redactor.uses_model else 1)
        self._stop = _address_stop_words()
        self._hook_failed = False
        self._hooks = [h for h in (_open_tail_hook(d) for d in self.redactor.detectors) if h is not None]
        # text state: _buf is the transcript from absolute offset _base on; [_held, end) is unreleased
        self._buf = ""
        self._base = 0
        self._held = 0
        # safe window starts: (absolute offset, cumulative canonical position), ascending
        self._bounds: deque[tuple[int, int]] = deque([(0, 0)])
        self._canon_held = 0
        self._masked_total = 0
        self._masked_spans: deque[tuple[int, int]] = deque()   # released entity spans still in _buf
        self._late_seen: deque[tuple[int, int]] = deque(maxlen=256)
        self._forced_open = False
        self._watch: list[tuple[int, int]] = []   # entity spans seen over held text (see grace_words)
        # word timings: parallel lists over the words still in _buf
        self._t_pos: list[int] = []
        self._t_info: list[tuple[int, float, float]] = []   # (abs end, audio start, audio end)
        self._last_word_start: float | None = None
        self._last_speaker: int | str | None = None
        self._bleeps: deque[tuple[float, float]] = deque(maxlen=self.options.max_bleep_ranges)
        # stats
        self._feeds = self._previews = self._forced = self._late = 0
        self._released_chars = 0
        self._held_hist: Counter[int] = Counter()

    def __repr__(self) -> str:
        return (f"StreamRedactor(released={self._held}, held_chars={self._end - self._held}, "
                f"buffer={len(self._buf)}, feeds={self._feeds})")

    # -------------------------------------------------------------------------- API
    @property
    def released_offset(self) -> int:
        """Original offset up to which the transcript has been released."""
        return self._held

    @property
    def transcript_length(self) -> int:
        """Characters fed so far (committed text only)."""
        return self._end

    @property
    def held_text_length(self) -> int:
        return self._end - self._held

    @property
    def stats(self) -> StreamStats:
        return StreamStats(self._feeds, self._previews, self._released_chars, self._forced, self._late,
                           dict(self._held_hist))

    def feed(self, text: str, *, is_final: bool = True) -> StreamUpdate:
        """Commit a chunk of transcript and release what can no longer become part of an entity.

        `text` is appended exactly as given (keep the spaces between chunks). With
        `is_final=False` the chunk is an interim hypothesis: see `preview`.
        """
        text = self._check_chunk(text)
        if not is_final:
            return self.preview(text)
        if not text:
            return self._empty()
        self._buf += text
        return self._step(flush=False)

    def feed_words(self, words: Sequence[Word], *, is_final: bool = True) -> StreamUpdate:
        """Commit STT words with timestamps (each followed by a space; a newline when the speaker
        changes, which also closes anything open). Entities then carry audio start/end."""
        if isinstance(words, (str, bytes)) or not isinstance(words, Sequence):
            raise InputError(f"expected a sequence of Word, got {type(words).__name__}")
        checked = self._check_words(words)
        if not is_final:
            return self.preview("".join(w.text + " " for w in checked))
        if not checked:
            return self._empty()
        parts: list[str] = []
        t_pos: list[int] = []
        t_info: list[tuple[int, float, float]] = []
        pos = self._end
        speaker = self._last_speaker
        for w in checked:
            if w.speaker is not None and speaker is not None and w.speaker != speaker and pos > 0:
                parts.append("\n")  # a new speaker closes whatever the previous one left open
                pos += 1
            t_pos.append(pos)
            t_info.append((pos + len(w.text), float(w.start), float(w.end)))
            parts.append(w.text + " ")
            pos += len(w.text) + 1
            if w.speaker is not None:
                speaker = w.speaker
        text = "".join(parts)
        if len(text) > self.options.max_chunk_chars:
            raise InputError(f"chunk of {len(text)} characters exceeds max_chunk_chars={self.options.max_chunk_chars}")
        self._t_pos.extend(t_pos)
        self._t_info.extend(t_info)
        self._last_word_start = float(checked[-1].start)
        self._last_speaker = speaker
        self._buf += text
        return self._step(flush=False)

    def preview(self, text: str = "") -> StreamUpdate:
        """Mask an interim hypothesis for live display without committing it.

        The update's text is the display of everything not yet released (held tail + `text`):
        entities masked by policy, open number/spelling runs shown as `pending_mask`. Nothing
        advances; the next final result replaces the hypothesis. Pseudonym numbers seen here
        are not reserved.
        """
        text = self._check_chunk(text)
        self._previews += 1
        ws = self._window_start(trim_state=False)
        window = self._buf[ws - self._base:] + text
        h = self._held - ws
        n = len(window)
        if n == h:
            return StreamUpdate("", (), self._held, self._held, self._masked_total, is_final=False)
        view, cands, errors = self.redactor.analyze(window, focus=h)
        toks = _tokens(window, h)
        p = self._release_point(window, view, h, cands, toks, ws)
        spans = self._entity_spans(window, h, n, cands)
        # open runs (numbers, spellings, joined address words) are hidden; plain words are shown
        partial = bool(toks) and not window[-1].isspace()
        run_from = self._run_start(toks, len(toks) - 1 - partial, partial) if toks else n
        pend: list[Candidate] = []
        for t in toks:
            if t.start < p or any(c.start < t.end and t.start < c.end for c in spans):
                continue
            if t.kind in (_NUM, _LETTER, _JOIN) or t.start >= run_from:
                pend.append(Candidate(_PENDING, t.start, t.end, 1.0, "stream_preview"))
        spans = _merge(spans + _join_adjacent(pend, window))
        table = copy.deepcopy(self.pseudonyms) if self._uses_pseudonyms else PseudonymTable()
        out, ents = self._render(window, view, spans, h, n, ws, table, masked_base=self._masked_total, commit=False)
        return StreamUpdate(out, tuple(ents), self._held, ws + n, self._masked_total, is_final=False,
                            held_words=sum(1 for t in toks if t.start >= p), errors=errors)

    def flush(self, *, mask_open: bool = False) -> StreamUpdate:
        """End of utterance or call: release everything held, its entities masked.

        With `mask_open=True`, an open run at the end that may be the first part of an entity
        said across a pause (at least three digits, two spelled letters, or an address joiner:
        "my card is four one one one" … "one one …") is released as `[REDACTED]`, and its
        continuation at the start of the next text is masked too. Use it when flushing at turn
        boundaries that the speaker may talk across; a plain flush is for the end of the call.
        """
        if self._end == self._held:
            self._forced_open = self._forced_open and mask_open
            return self._empty()
        return self._step(flush=True, mask_open=mask_open)

    def bleep_ranges(self, pad: float = 0.0) -> list[tuple[float, float]]:
        """Merged audio ranges (seconds) of every released entity that had word timestamps,
        widened by `pad` on each side: what to bleep in the call recording."""
        if pad < 0:
            raise ConfigError("pad must be non-negative")
        out: list[list[float]] = []
        for s, e in sorted(self._bleeps):
            s, e = max(0.0, s - pad), e + pad
            if out and s <= out[-1][1]:
                out[-1][1] = max(out[-1][1], e)
            else:
                out.append([s, e])
        return [(s, e) for s, e in out]

    # ---------------------------------------------------------------------- checks
    def _check_chunk(self, text: object) -> str:
        return check_text(text, self.options.max_chunk_chars, what="chunk", limit="max_chunk_chars")

    def _check_words(self, words: Sequence[Word]) -> list[Word]:
        out: list[Word] = []
        last = self._last_word_start
        for i, w in enumerate(words):
            if not isinstance(w, Word):
                raise InputError(f"word {i}: expected Word, got {type(w).__name__}")
            if not isinstance(w.text, str):
                raise InputError(f"word {i}: text must be str, got {type(w.text).__name__}")
            for name in ("start", "end"):
                v = getattr(w, name)
                if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or v < 0:
                    raise InputError(f"word {i}: {name} must be a finite non-negative number")
            if w.end < w.start:
                raise InputError(f"word {i}: end {w.end:.3f}s is before start {w.start:.3f}s")
            if last is not None and w.start < last - 1e-6:
                raise InputError(f"word {i}: start {w.start:.3f}s is before the previous word's start {last:.3f}s "
                                 "(timestamps out of order)")
            last = w.start
            stripped = w.text.strip()
            if not stripped:
                continue
            self._check_chunk(stripped)
            out.append(w if stripped == w.text else Word(stripped, w.start, w.end, w.confidence, w.speaker))
        return out

    # ---------------------------------------------------------------------- core
    @property
    def _end(self) -> int:
        return self._base + len(self._buf)

    def _empty(self) -> StreamUpdate:
        held = len(self._buf[self._held - self._base:].split())
        return StreamUpdate("", (), self._held, self._held, self._masked_total, held_words=held)

    def _window_start(self, trim_state: bool = True) -> int:
        """The latest safe start giving `context_chars` canonical characters of context, within
        `max_context_chars` original characters; trims what no later window can need."""
        target = self._canon_held - self.options.context_chars
        lowest = self._held - self.options.max_context_chars
        best: tuple[int, int] | None = None
        for b in self._bounds:
            if b[0] < lowest:
                continue
            if best is None or b[1] <= target:
                best = b
            if b[1] > target:
                break
        ws = best[0] if best is not None else self._held
        if trim_state:
            while self._bounds and self._bounds[0][0] < ws:
                self._bounds.popleft()
            if not self._bounds or self._bounds[0][0] != ws:
                self._bounds.appendleft((ws, best[1] if best is not None else self._canon_held))
            if ws > self._base:
                self._buf = self._buf[ws - self._base:]
                self._base = ws
                k = bisect.bisect_left(self._t_pos, ws)
                if k:
                    del self._t_pos[:k]
                    del self._t_info[:k]
                while self._masked_spans and self._masked_spans[0][1] <= ws:
                    self._masked_spans.popleft()
        return ws

    def _step(self, flush: bool, mask_open: bool = False) -> StreamUpdate:
        self._feeds += not flush
        ws = self._window_start()
        window = self._buf
        h = self._held - ws
        n = len(window)
        view, cands, errors = self.redactor.analyze(window, focus=h)
        self._note_late(window, h, cands, ws)
        toks = _tokens(window, h)
        forced = False
        if flush:
            p = n
        else:
            p = self._release_point(window, view, h, cands, toks, ws)
            forced = self._over_bound(window, p, toks, ws)
        spans = self._entity_spans(window, h, n if forced or flush else p, cands)
        extra: list[Candidate] = []
        if forced:
            self._forced += 1
            s, e = trim(window, p, n) if p < n else (p, p)
            if e > s and window[s:e].strip():
                extra.append(Candidate(HOLD_LIMIT_LABEL, s, e, 1.0, _HOLD_LIMIT_DETECTOR))
                spans = [c for c in spans if c.end <= s]
            release_to = n
        else:
            release_to = p
        if self._forced_open and release_to > h:
            run_end, broken = self._leading_run_end(window, toks, h, release_to)
            if run_end is not None:
                s, e = trim(window, h, run_end)
                extra.append(Candidate(HOLD_LIMIT_LABEL, s, e, 1.0, _HOLD_LIMIT_DETECTOR))
            if broken or flush:
                self._forced_open = False
        if flush and mask_open:
            span = self._open_run_span(window, view, toks, spans)
            if span is not None:
                extra.append(Candidate(HOLD_LIMIT_LABEL, span[0], span[1], 1.0, _HOLD_LIMIT_DETECTOR))
                self._forced_open = True
        if forced:
            self._forced_open = True
        spans = _merge(spans + extra)
        out, ents = self._render(window, view, spans, h, release_to, ws, self.pseudonyms,
                                 masked_base=self._masked_total, commit=True)
        # advance
        held_words = sum(1 for t in toks if t.start >= release_to)
        if not flush:
            self._held_hist[held_words] += 1
        start_abs = self._held
        self._update_watch(cands, ws, ws + release_to)
        if release_to > h:
            cs0 = _canon_pos(view, h)
            self._canon_held += _canon_pos(view, release_to) - cs0
            self._held = ws + release_to
            if not forced:
                self._bounds.append((self._held, self._canon_held))
            self._masked_total += len(out)
            self._released_chars += release_to - h
        return StreamUpdate(out, tuple(ents), start_abs, self._held, self._masked_total - len(out),
                            True, held_words, forced, errors)

    # ------------------------------------------------------------- release point
    def _release_point(self, window: str, view: TextView, h: int, cands: list[Candidate], toks: list[_Tok],
                       ws: int) -> int:
        n = len(window)
        p = n
        if not toks:
            return p
        last = len(toks) - 1
        partial = not window[-1].isspace()
        if partial:
            p = toks[last].start
            last -= 1
        closed = last >= 0 and "\n" in window[toks[last].end:(toks[last + 1].start if partial else n)]
        if last >= 0 and not closed:
            # 1. lookahead words
            k = max(0, last - self.hold_words + 1)
            while k <= last and any(toks[j].nl_before for j in range(k + 1, last + 1)):
                k += 1  # never hold across a newline: a line is a closed unit
            while k < last and toks[k].norm in self._stop and toks[k].kind == _WORD:
                k += 1  # a function word before the last word starts no entity: no lookahead for it
            if self.hold_words and k <= last:
                p = min(p, toks[k].start)
            # 2. trailing run of number-ish / spelled / joined words
            p = min(p, self._run_start(toks, last, partial))
            # 3. a number that could still become a street address
            p = min(p, self._address_start(toks, len(toks) - 1))
        # 4. detector hooks
        for hook in self._hooks:
            try:
                q = hook(view)
            except Exception as exc:  # a failing hook holds a phrase's worth of words
                if not self._hook_failed:
                    log.error("open_tail hook failed (%s); holding the last %d words", type(exc).__name__,
                              _HOOK_FALLBACK_WORDS)
                    self._hook_failed = True
                q = _last_words_hook(_HOOK_FALLBACK_WORDS)(view)
            if isinstance(q, int) and q < p:
                p = max(h, q)
                p = _token_floor(toks, p, h)
        # 5. an entity seen in an earlier window that is gone now may come back with more words
        #    ("sandra" / "sandra call" / "sandra call me"): held for `grace_words` words after it
        for a, b in self._watch:
            a, b = a - ws, b - ws
            if a < h or any(c.start < b and a < c.end for c in cands):
                continue
            if sum(1 for t in toks if t.start >= b) <= self.options.grace_words:
                p = min(p, _token_floor(toks, a, h))
        # 6. entities reaching into the held region or ending right before it
        p = max(p, h)
        ents = sorted((c for c in cands if c.end > h), key=lambda c: c.start)
        changed = True
        while changed:
            changed = False
            for c in ents:
                if c.start < p < c.end or (c.end <= p and c.start < p and self._adjacent(window, toks, c.end, p)):
                    q = max(h, c.start)
                    q = _token_floor(toks, q, h)
                    if q < p:
                        p = q
                        changed = True
        return p

    def _run_start(self, toks: list[_Tok], last: int, partial: bool) -> int:
        """Start of the trailing run that could still grow into (or be the start of) an entity:
        number-ish words, spelled letters, and words joined by address joiners."""
        joined = _joined(toks, partial)
        if last >= 0 and toks[last].kind == _WORD and not joined[last]:
            # a plain last word is held by the lookahead; the next word may still be "at", which
            # would join it and an initial right before it into a mailbox ("d kickett at …")
            if last > 0 and toks[last - 1].kind == _LETTER and not toks[last].nl_before:
                return toks[last - 1].start
            return toks[-1].end + 1
        i = last
        gaps = 0
        first_anchor = None
        while i >= 0:
            t = toks[i]
            if t.kind == _WORD and not joined[i]:
                break
            if t.kind == _GAP and not joined[i]:
                if t.norm and any(ch.isalnum() for ch in t.norm):
                    gaps += 1  # punctuation between items is not a word of the gap
                    if gaps > _MAX_GAP:
                        break
            else:
                gaps = 0
                first_anchor = i
            if t.nl_before:
                break
            i -= 1
        if first_anchor is None:
            return toks[-1].end + 1
        j = first_anchor
        # the word right before a trailing number may still become part of an entity with it:
        # "is 4417302" (a passport's letters), "kowalski eighty five" + "at bigpond dot com"
        if toks[j].kind == _NUM and j > 0 and not toks[j].nl_before:
            prev = toks[j - 1]
            if prev.kind in (_WORD, _GAP) and prev.alpha:
                j -= 1
        return toks[j].start

    def _address_start(self, toks: list[_Tok], last: int) -> int:
        """A number followed by at most three street-name words: "12 smith" may become an
        address ("12 smith street"). Fillers are transparent; "the" may open the name
        ("88 the boulevarde")."""
        none = toks[-1].end + 1 if toks else 0
        words = 0
        i = last
        while i >= 0 and toks[i].kind != _NUM:
            t = toks[i]
            if t.nl_before and i > 0 and toks[i - 1].kind != _NUM:
                return none
            if t.norm in _FILLERS:
                i -= 1
                continue
            if not t.norm or not t.norm[0].isalpha():
                return none
            if t.norm in self._stop and not (t.norm == "the" and i > 0 and toks[i - 1].kind == _NUM):
                return none
            words += 1
            if words > _ADDR_WORDS:
                return none
            i -= 1
        if i < 0 or words == 0 or (i + 1 < len(toks) and toks[i + 1].nl_before):
            return none
        # the number run (with unit / po box prefixes, "302 slash 85") this number belongs to
        j = i
        while j > 0 and toks[j - 1].kind in (_NUM, _GAP, _PREFIX, _LETTER, _JOIN) and not toks[j].nl_before:
            j -= 1
        while j < i and toks[j].kind == _GAP:
            j += 1
        return toks[j].start

    def _update_watch(self, cands: list[Candidate], ws: int, released_to: int) -> None:
        """Entities of this window over text still held, plus the earlier ones still in their
        grace period: the ones the next window's release point must not run past."""
        now = [(ws + c.start, ws + c.end) for c in cands if ws + c.start >= released_to]
        keep = [w for w in self._watch if w[0] >= released_to and not any(a < w[1] and w[0] < b for a, b in now)]
        self._watch = (now + keep)[-64:]

    def _open_run_span(self, window: str, view: TextView, toks: list[_Tok],
                       spans: list[Candidate]) -> tuple[int, int] | None:
        """The trailing run a flush at a pause would cut, if it may be part of an entity that
        was not found yet (a run that ends inside a found entity counts as closed)."""
        if not toks or "\n" in window[toks[-1].end:]:
            return None
        rs = self._run_start(toks, len(toks) - 1, False)
        if rs > toks[-1].end:
            return None
        last = toks[-1]
        if any(c.start < last.end and last.start < c.end for c in spans):
            return None
        rs = max([rs] + [c.end for c in spans if c.end <= last.start and c.end > rs])
        s, e = trim(window, rs, len(window))
        if e <= s:
            return None
        cs, ce = view.to_canonical(s, e)
        digits = sum(ch.isdigit() for ch in view.canonical[cs:ce])
        run = [t for t in toks if t.start >= s]
        letters = sum(t.kind == _LETTER for t in run)
        if digits >= 3 or letters >= 2 or any(t.kind == _JOIN for t in run):
            return s, e
        return None

    @staticmethod
    def _adjacent(window: str, toks: list[_Tok], end: int, p: int) -> bool:
        """Nothing but spaces and punctuation lies between an entity's end and the held region."""
        between = window[end:p]
        if "\n" in between:
            return False
        return not any(ch.isalnum() for ch in between)

    @staticmethod
    def _leading_run_end(window: str, toks: list[_Tok], h: int, upto: int) -> tuple[int | None, bool]:
        """After a fail-closed release cut an open run: the end of its continuation at the start
        of this release (number-ish or joined words) or None, and whether the run ended before
        `upto` (then the cut run is closed)."""
        end = None
        seen = h
        for t in toks:
            if t.start >= upto:
                return end, False
            if t.nl_before or t.kind == _WORD:
                return end, True
            seen = t.end
            if t.kind != _GAP:
                end = t.end  # the run's masked part ends at its last number/letter/joiner
        return end, "\n" in window[seen:upto]

    def _over_bound(self, window: str, p: int, toks: list[_Tok], ws: int) -> bool:
        o = self.options
        held = [t for t in toks if t.start >= p]
        if len(held) > o.max_hold_words or len(window) - p > o.max_hold_chars:
            return True
        if o.max_hold_seconds is not None and held and self._t_pos:
            a = self._audio_for(ws + held[0].start, ws + held[-1].end)
            if a is not None and a[1] - a[0] > o.max_hold_seconds:
                return True
        return False

    # ------------------------------------------------------------------ entities
    def _entity_spans(self, window: str, lo: int, hi: int, cands: list[Candidate]) -> list[Candidate]:
        """Candidates inside [lo, hi); one that starts in the context (released) part is clipped
        to `lo` so its unreleased part is still masked."""
        out = []
        for c in cands:
            if c.end <= lo or c.start >= hi:
                continue
            if c.start < lo or c.end > hi:
                s, e = trim(window, max(lo, c.start), min(hi, c.end))
                if e <= s or not window[s:e].strip():
                    continue
                c = Candidate(c.label, s, e, c.score, c.detector)
            out.append(c)
        return out

    def _note_late(self, window: str, h: int, cands: list[Candidate], ws: int) -> None:
        """Count entities found in already-released text that were not masked when released
        (diagnostics: the hold rules missed a way the text could grow)."""
        for c in cands:
            if c.start >= h:
                continue
            a, b = ws + c.start, ws + min(c.end, h)
            if any(s < b and a < e for s, e in self._masked_spans):
                continue
            key = (a, 0)
            if key in self._late_seen:
                continue
            self._late_seen.append(key)
            self._late += 1
            log.info("entity of type %s found in already released text at %d:%d", c.label, a, b)

    def _render(self, window: str, view: TextView, spans: list[Candidate], lo: int, hi: int, ws: int,
                table: PseudonymTable, *, masked_base: int, commit: bool) -> tuple[str, list[Entity]]:
        masker = self.redactor.masker
        parts: list[str] = []
        ents: list[Entity] = []
        pos = lo
        out_len = 0
        for c in spans:
            if c.start < pos or c.end > hi:  # not by construction; mask what is left of it, never skip
                c = Candidate(c.label, max(c.start, pos), min(c.end, hi), c.score, c.detector)
                if c.end <= c.start:
                    continue
            parts.append(window[pos:c.start])
            out_len += c.start - pos
            if c.label == _PENDING:
                rep = self.options.pending_mask
            elif c.detector == _HOLD_LIMIT_DETECTOR:
                rep = f"[{HOLD_LIMIT_LABEL}]"  # whatever the policy: an open run shows nothing
            else:
                rep = masker.replacement(c, view, table)
            parts.append(rep)
            if c.label != _PENDING:
                a = self._audio_for(ws + c.start, ws + c.end)
                ents.append(Entity(c.label, ws + c.start, ws + c.end, c.score, c.detector,
                                   masked_base + out_len, masked_base + out_len + len(rep),
                                   a[0] if a else None, a[1] if a else None))
                if commit:
                    self._masked_spans.append((ws + c.start, ws + c.end))
                    if a is not None:
                        self._bleeps.append(a)
            out_len += len(rep)
            pos = c.end
        parts.append(window[pos:hi])
        return "".join(parts), ents

    def _audio_for(self, s: int, e: int) -> tuple[float, float] | None:
        """Audio start/end of the words overlapping original [s, e)."""
        if not self._t_pos:
            return None
        k = bisect.bisect_right(self._t_pos, s) - 1
        if k < 0 or self._t_info[k][0] <= s:
            k += 1
        t0 = t1 = None
        while k < len(self._t_pos) and self._t_pos[k] < e:
            _, a, b = self._t_info[k]
            t0 = a if t0 is None else min(t0, a)
            t1 = b if t1 is None else max(t1, b)
            k += 1
        return (t0, t1) if t0 is not None else None


def _canon_pos(view: TextView, i: int) -> int:
    """Number of canonical characters that stem from original text before offset i."""
    return bisect.bisect_right(view.orig_end, i)


def _token_floor(toks: list[_Tok], p: int, h: int) -> int:
    """The start of the token containing p (release points sit at token starts)."""
    for t in toks:
        if t.start <= p < t.end:
            return t.start
        if t.start > p:
            break
    return max(p, h)


def _merge(spans: list[Candidate]) -> list[Candidate]:
    """Overlapping spans become one: a fail-closed span wins its group's label."""
    spans = sorted(spans, key=lambda c: (c.start, -c.end))
    out: list[Candidate] = []
    for c in spans:
        if out and c.start < out[-1].end:
            prev = out[-1]
            best = prev if _rank(prev) >= _rank(c) else c
            out[-1] = Candidate(best.label, prev.start, max(prev.end, c.end), best.score, best.detector)
        else:
            out.append(c)
    return out


def _rank(c: Candidate) -> tuple[int, float]:
    return (c.label == HOLD_LIMIT_LABEL or c.detector == "fail_closed", c.label != _PENDING, c.score)  # type: ignore[return-value]


def _join_adjacent(pend: list[Candidate], window: str) -> list[Candidate]:
    """Neighbouring pending tokens shown as one placeholder ("[…]" not "[…] […] […]")."""
    out: list[Candidate] = []
    for c in pend:
        if out and not window[out[-1].end:c.start].strip():
            out[-1] = Candidate(_PENDING, out[-1].start, c.end, 1.0, "stream_preview")
        else:
            out.append(c)
    return out


# ------------------------------------------------------------------- detector hooks
_HOOK_FALLBACK_WORDS = 6   # a failing open_tail hook holds a phrase's worth of words


def _open_tail_hook(det: Any) -> Any:
    """The detector's `open_tail(view)` when it has its own (see `Detector.open_tail`), else None."""
    hook = getattr(det, "open_tail", None)
    if not callable(hook):
        return None
    if getattr(hook, "__func__", None) is Detector.open_tail:
        return None  # the base class's "nothing open": skip the call on every feed
    return hook


def _last_words_hook(k: int) -> Any:
    def hook(view: TextView) -> int | None:
        toks = list(_TOKEN.finditer(view.original))
        return toks[-k].start() if len(toks) >= k else (toks[0].start() if toks else None)
    return hook


# --------------------------------------------------------------------------- asyncio
class AsyncStreamRedactor:
    """asyncio face of a `StreamRedactor`: the same calls, awaited, serialized per stream.

    Rule-only redaction of a short window takes a millisecond or two, less than a thread hop
    costs, so small work runs inline; work with a model detector or a large pending window runs
    in a worker thread (`asyncio.to_thread`) so the event loop keeps serving other calls.
    """

    def __init__(self, stream: StreamRedactor | Redactor | None = None, *, inline_max_chars: int = 1500,
                 **options: Any) -> None:
        if isinstance(stream, StreamRedactor):
            if options:
                raise TypeError("pass stream options to the StreamRedactor, not to its wrapper")
            self.stream = stream
        else:
            self.stream = StreamRedactor(stream, **options)
        self.inline_max_chars = inline_max_chars
        self._lock: asyncio.Lock | None = None

    def __repr__(self) -> str:
        return f"AsyncStreamRedactor({self.stream!r})"

    async def feed(self, text: str, *, is_final: bool = True) -> StreamUpdate:
        return await self._run(self.stream.feed, len(text) if isinstance(text, str) else 0, text, is_final=is_final)

    async def feed_words(self, words: Sequence[Word], *, is_final: bool = True) -> StreamUpdate:
        size = sum(len(w.text) + 1 for w in words if isinstance(w, Word) and isinstance(w.text, str)) \
            if isinstance(words, Sequence) and not isinstance(words, (str, bytes)) else 0
        return await self._run(self.stream.feed_words, size, words, is_final=is_final)

    async def preview(self, text: str = "") -> StreamUpdate:
        return await self._run(self.stream.preview, len(text) if isinstance(text, str) else 0, text)

    async def flush(self, *, mask_open: bool = False) -> StreamUpdate:
        return await self._run(self.stream.flush, 0, mask_open=mask_open)

    def bleep_ranges(self, pad: float = 0.0) -> list[tuple[float, float]]:
        return self.stream.bleep_ranges(pad)

    @property
    def stats(self) -> StreamStats:
        return self.stream.stats

    async def _run(self, fn: Any, size: int, *args: Any, **kw: Any) -> StreamUpdate:
        if self._lock is None:
            self._lock = asyncio.Lock()
        async with self._lock:
            pending = self.stream.held_text_length + size + self.stream.options.context_chars
            if self.stream.redactor.uses_model or pending > self.inline_max_chars:
                return await asyncio.to_thread(fn, *args, **kw)
            return fn(*args, **kw)
