"""Lexicon detectors for health and APP-sensitive information (religion, ethnicity, politics …).

Why lexicons with context rules: these categories are open-ended vocabulary ("panadeine
forte", "wiradjuri", "in the cfmeu") that a rule cannot describe and a small NER model
misses when it is rare, but the same words are harmless when no person is attached ("we
stock panadol", "the catholic school"). So the detector has two parts:

1. Matching. Flat term lists (``lexicons/*.txt``) go into one spaCy ``PhraseMatcher``
   (attr ``LOWER``); compositional phrases ("broke my left wrist", "a conviction for drink
   driving", "vote greens", "member of the hsu") are slot templates
   (``lexicons/templates.tsv`` over word sets ``lexicons/set_*.txt``) run by a small
   token-indexed matcher. Both read the ORIGINAL text, so "type two diabetes" and
   "twenty weeks pregnant" are seen as spoken.
2. Context. Every term carries a *need*: ``strong`` (a condition or drug name: flagged
   unless the context is negative), ``cue`` (needs a person cue — "i", "my", "she",
   "my son" … — in a window around it), ``tight`` (a person cue or disclosure verb right
   before it: "got covid", "my af") or ``pred`` (an identity word used of a person:
   "i'm muslim", "my partner's aboriginal", "a lesbian couple", but not "the catholic
   school"). Negative cues ("we stock", "do you sell", "any", "clinic", "restaurant") win
   when they are nearer than the nearest person cue. An answer at the start of a turn to
   a question about the same label ("any medications?" / "just ventolin") counts as
   attached to the speaker. Cue words live in ``lexicons/cues.tsv`` per label; a
   configuration adds its own person cues per label through ``config.context``.

Scores: 0.85 with a person cue, 0.7 for a strong term with no cue either way, 0.4 when a
needed cue is missing and 0.2 when the context is negative; the pipeline's default
threshold (0.5) keeps the first two.

Speed: spaCy's own tokenizer costs about 5 µs a word on the target machines, more than
the whole budget, so the text is split by one linear regex into the tokens the lexicons
are written in (clitics "'m", "'s" split off, hyphens dropped so "non-verbal" matches "non
verbal"), and the ``Doc`` handed to the PhraseMatcher is built from those words, with
every word the lexicons do not know replaced by a placeholder. That keeps the matcher
exact, costs about 1 µs a word, and stops the shared vocabulary from growing with every
name and number a long-running process sees. Everything is built once per process.
"""
from __future__ import annotations

import threading
from bisect import bisect_right, insort
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import product
from typing import Iterable, Mapping, Sequence

import regex

from lumor_redact.config import RedactorConfig
from lumor_redact.detect.base import Detector, register_detector
from lumor_redact.entities import Candidate
from lumor_redact.text.view import TextView

__all__ = [
    "HEALTH_LABELS", "SENSITIVE_LABELS", "LexiconHealthDetector", "LexiconSensitiveDetector",
    "LexiconEngine", "LabelRule", "get_engine", "tokenize",
]

HEALTH_LABELS = frozenset({"HEALTH"})
SENSITIVE_LABELS = frozenset({
    "RELIGION", "ETHNICITY", "POLITICAL_OPINION", "CRIMINAL_RECORD", "SEXUAL_ORIENTATION",
    "UNION_MEMBERSHIP",
})
ALL_LABELS = HEALTH_LABELS | SENSITIVE_LABELS
NEEDS = ("strong", "cue", "tight", "pred", "block")

SCORE_CUE = 0.85
SCORE_STRONG = 0.7
SCORE_ANSWER = 0.75
SCORE_TIGHT_ONLY = 0.6
SCORE_WEAK = 0.4
SCORE_NEGATIVE = 0.2

# clitic ("'m", "'s") | word or number | newline (a turn boundary) | other single character.
# Hyphens and dashes are not tokens at all: "non-verbal" and "non verbal" read alike.
_TOKEN_RE = regex.compile(r"['’][^\W\d_]+|[\p{L}\p{N}]+|\n|[^\s\p{L}\p{N}\-‐‑‒–—]")
_PLACEHOLDER = "\x00"
_BOUNDARY = frozenset({"\n"})
_SENTENCE_END = frozenset({".", "?", "!"})
_PUNCT_SKIP = frozenset({",", ";", "\"", "(", ")", "'", "…"})
_NUMBER_WORDS = {
    "1": "one", "2": "two", "3": "three", "4": "four", "5": "five", "6": "six", "7": "seven",
    "8": "eight", "9": "nine", "10": "ten", "11": "eleven", "12": "twelve", "13": "thirteen",
    "14": "fourteen", "15": "fifteen", "16": "sixteen", "17": "seventeen", "18": "eighteen",
    "19": "nineteen", "20": "twenty",
}
# British -> American spellings worth a variant each ("anaemia" -> "anemia").
_SPELLING = (("haem", "hem"), ("aem", "em"), ("apnoea", "apnea"), ("oedema", "edema"),
             ("diarrhoea", "diarrhea"), ("oesoph", "esoph"), ("oestr", "estr"), ("paed", "ped"),
             ("tumour", "tumor"), ("ise", "ize"), ("ised", "ized"), ("ysed", "yzed"),
             ("behaviour", "behavior"), ("coeliac", "celiac"), ("leukaem", "leukem"))
# Three-letter acronyms often spelled out by STT engines ("i v f"); shorter ones are not,
# to keep spelled names ("a m r i t a") from matching.
_SPELL_MIN = 4


def tokenize(text: str) -> tuple[list[str], list[int], list[int]]:
    """Lowercased tokens of `text` with their original start/end offsets."""
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in _TOKEN_RE.finditer(text):
        w = m.group()
        words.append(w.lower().replace("’", "'"))
        starts.append(m.start())
        ends.append(m.end())
    return words, starts, ends


def _words(text: str) -> tuple[list[str], str | None]:
    """Just the lowercased tokens (fast path: one C-level findall over the lowercased text).
    Returns the lowered text too when its offsets equal the original's, for `_offsets`."""
    low = text.lower().replace("’", "'")
    if len(low) == len(text):
        return _TOKEN_RE.findall(low), low
    return tokenize(text)[0], None


def _offsets(text: str, low: str | None) -> tuple[list[int], list[int]]:
    starts: list[int] = []
    ends: list[int] = []
    for m in _TOKEN_RE.finditer(low if low is not None else text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(tokenize(text)[0])


# ---------------------------------------------------------------------------------------
# Lexicon files
# ---------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Entry:
    label: str
    need: str
    category: str


def _read(name: str) -> str:
    return (resources.files("lumor_redact") / "lexicons" / name).read_text(encoding="utf-8")


def _lexicon_files() -> list[str]:
    root = resources.files("lumor_redact") / "lexicons"
    return sorted(p.name for p in root.iterdir() if p.name.endswith(".txt") and not p.name.startswith("set_"))


def _variants(term: str, opts: frozenset[str]) -> set[str]:
    """Surface forms of one lexicon line: itself, apostrophe-less, spelling and number
    variants, plurals (when the file asks for them) and spelled-out acronyms (a term
    written in capitals in the file)."""
    acronym = term.isupper() and term.isalpha()
    t = term.lower()
    out = {t}
    if "'" in t or "’" in t:
        out |= {v.replace("'", "").replace("’", "") for v in list(out)}
    for v in list(out):
        for a, b in _SPELLING:
            if a in ("ise", "ised"):
                if v.endswith(a):
                    out.add(v[: -len(a)] + b)
            elif a in v:
                out.add(v.replace(a, b))
    for v in list(out):
        toks = v.split()
        if any(x in _NUMBER_WORDS for x in toks):
            out.add(" ".join(_NUMBER_WORDS.get(x, x) for x in toks))
    if "plural" in opts:
        for v in list(out):
            last = v.split()[-1] if v.split() else v
            if not last.isalpha() or last.endswith("s") or len(last) < 3:
                continue
            if last.endswith("y") and last[-2] not in "aeiou":
                out.add(v[:-1] + "ies")
            else:
                out.add(v + "s")
    if acronym and len(t) >= _SPELL_MIN:
        out.add(" ".join(t))
    return out


def _parse_lexicon(text: str, default_label: str = "", default_need: str = "strong"
                   ) -> Iterable[tuple[str, _Entry]]:
    """Lines are `term` or `term<TAB>need`; `#@ key: value` pragmas set label, need,
    category and variant options for the lines after them; `#` starts a comment."""
    label, need, category, opts = default_label, default_need, "", frozenset()
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#@"):
            key, _, value = line[2:].partition(":")
            key, value = key.strip(), value.strip()
            if key == "label":
                label = value
            elif key == "need":
                need = value
            elif key == "category":
                category = value
            elif key == "variants":
                opts = frozenset(v.strip() for v in value.split(",") if v.strip())
            continue
        if line.startswith("#"):
            continue
        line = regex.split(r"\s#", line, maxsplit=1)[0].rstrip()
        parts = [p.strip() for p in line.split("\t") if p.strip()]
        term = parts[0]
        n = parts[1] if len(parts) > 1 else need
        if n not in NEEDS:
            raise ValueError(f"lexicon line has an unknown need {n!r}")
        if not label:
            raise ValueError("lexicon file does not name its label (#@ label: ...)")
        for v in _variants(term, opts):
            yield v, _Entry(label, n, category)


def _parse_set(text: str) -> set[str]:
    out: set[str] = set()
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            out |= _variants(line, frozenset())
    return out


# ---------------------------------------------------------------------------------------
# Templates: sequences of slots, each a set of token tuples
# ---------------------------------------------------------------------------------------

Slot = Mapping[str, tuple[tuple[str, ...], ...]]  # first token -> options, longest first


def _slot(options: Iterable[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    by_first: dict[str, set[tuple[str, ...]]] = {}
    for o in options:
        p = _phrase(o)
        if p:
            by_first.setdefault(p[0], set()).add(p)
    return {k: tuple(sorted(v, key=lambda x: (-len(x), x))) for k, v in by_first.items()}


@dataclass(frozen=True, slots=True)
class _Template:
    slots: tuple[Slot, ...]
    entry: _Entry

    def second_tokens(self) -> frozenset[str] | None:
        """Every token that can follow the first one (None when a match may be one token
        long): a cheap filter before trying the slots."""
        out: set[str] = set()
        for opts in self.slots[0].values():
            for o in opts:
                if len(o) >= 2:
                    out.add(o[1])
                elif len(self.slots) == 1:
                    return None
                else:
                    out.update(self.slots[1].keys())
        return frozenset(out)


_TEMPLATE_PART = regex.compile(r"\??\([^)]*\)|\??\$\w+|\??\S+")


def _parse_templates(text: str, sets: Mapping[str, set[str]]) -> list[_Template]:
    """`label<TAB>need<TAB>pattern`: pattern items are words, `(a|b c)` alternatives or
    `$set` references, each optional with a leading `?`."""
    out: list[_Template] = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        cols = [c.strip() for c in line.split("\t") if c.strip()]
        if len(cols) != 3:
            raise ValueError("template line needs label, need and pattern separated by tabs")
        label, need, pattern = cols
        if need not in NEEDS:
            raise ValueError(f"template has an unknown need {need!r}")
        items: list[tuple[bool, list[str]]] = []
        for part in _TEMPLATE_PART.findall(pattern):
            optional = part.startswith("?")
            body = part[1:] if optional else part
            if body.startswith("$"):
                name = body[1:]
                if name not in sets:
                    raise ValueError(f"template refers to an unknown set ${name}")
                options = sorted(sets[name])
            elif body.startswith("("):
                options = [o.strip() for o in body[1:-1].split("|") if o.strip()]
            else:
                options = [body]
            items.append((optional, options))
        # Optional items are expanded at load time into variants without them.
        choices = [((True, False) if opt else (True,)) for opt, _ in items]
        for keep in product(*choices):
            slots = tuple(_slot(opts) for (_, opts), k in zip(items, keep) if k)
            if slots:
                out.append(_Template(slots, _Entry(label, need, "template")))
    return out


# ---------------------------------------------------------------------------------------
# Context rules
# ---------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class LabelRule:
    """How far to look for cues around a match of one label."""

    label: str
    window_before: int = 6
    window_after: int = 2
    neg_after_window: int = 1
    tight_window: int = 2


DEFAULT_RULES: dict[str, LabelRule] = {
    "HEALTH": LabelRule("HEALTH", window_before=6, window_after=2),
    "RELIGION": LabelRule("RELIGION", window_before=6, window_after=2),
    "ETHNICITY": LabelRule("ETHNICITY", window_before=6, window_after=2),
    "POLITICAL_OPINION": LabelRule("POLITICAL_OPINION", window_before=8, window_after=3),
    "CRIMINAL_RECORD": LabelRule("CRIMINAL_RECORD", window_before=8, window_after=4),
    "SEXUAL_ORIENTATION": LabelRule("SEXUAL_ORIENTATION", window_before=6, window_after=2),
    "UNION_MEMBERSHIP": LabelRule("UNION_MEMBERSHIP", window_before=8, window_after=3),
}

# Kinds of cue in cues.tsv (label `*` applies to every label).
_CUE_KINDS = ("person", "neg_before", "neg_after", "modifier", "question", "tight",
              "copula", "copula_self", "copula_free", "subject", "pred_skip", "pred_after",
              "pred_anchor", "function", "answer_lead", "coord", "nonperson")
_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "im", "we", "us", "our", "ourselves"})
_NONPERSON_WINDOW = 20


class _PhraseSet:
    """Phrases indexed by last token (for backward scans) and first token (forward)."""

    __slots__ = ("by_last", "by_first", "maxdist", "words")

    def __init__(self, phrases: Iterable[tuple[tuple[str, ...], int]] = ()) -> None:
        self.by_last: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        self.by_first: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        self.maxdist: dict[tuple[str, ...], int] = {}
        self.words: set[str] = set()
        for p, d in phrases:
            self.add(p, d)

    def add(self, p: tuple[str, ...], maxdist: int = 99) -> None:
        if not p:
            return
        self.by_last.setdefault(p[-1], []).append((p, maxdist))
        self.by_first.setdefault(p[0], []).append((p, maxdist))
        if len(p) == 1:
            self.words.add(p[0])

    def merged(self, other: "_PhraseSet") -> "_PhraseSet":
        out = _PhraseSet()
        for src in (self, other):
            for lst in src.by_last.values():
                for p, d in lst:
                    out.add(p, d)
        return out

    def ends_at(self, words: Sequence[str], i: int, lo: int) -> int:
        """Length of the longest phrase ending at token i (not starting before lo), else 0."""
        best = 0
        for p, _ in self.by_last.get(words[i], ()):
            n = len(p)
            if n > best and i - n + 1 >= lo and tuple(words[i - n + 1:i + 1]) == p:
                best = n
        return best

    def ends_at_within(self, words: Sequence[str], i: int, lo: int, dist: int) -> int:
        best = 0
        for p, d in self.by_last.get(words[i], ()):
            n = len(p)
            if dist <= d and n > best and i - n + 1 >= lo and tuple(words[i - n + 1:i + 1]) == p:
                best = n
        return best

    def starts_at(self, words: Sequence[str], i: int, hi: int) -> int:
        best = 0
        for p, _ in self.by_first.get(words[i], ()):
            n = len(p)
            if n > best and i + n <= hi and tuple(words[i:i + n]) == p:
                best = n
        return best


@dataclass(slots=True)
class _Cues:
    kinds: dict[str, _PhraseSet] = field(default_factory=dict)

    def get(self, kind: str) -> _PhraseSet:
        return self.kinds.get(kind) or _EMPTY


_EMPTY = _PhraseSet()


def _parse_cues(text: str, sets: Mapping[str, set[str]]) -> dict[str, dict[str, _PhraseSet]]:
    """`label<TAB>kind<TAB>phrase[<TAB>max distance]` -> label -> kind -> phrases; a phrase
    `$name` stands for every item of set_name.txt."""
    table: dict[str, dict[str, _PhraseSet]] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        cols = [c.strip() for c in line.split("\t") if c.strip()]
        if len(cols) not in (3, 4):
            raise ValueError("cue line needs label, kind, phrase [, max distance]")
        label, kind, phrase = cols[:3]
        if kind not in _CUE_KINDS:
            raise ValueError(f"unknown cue kind {kind!r}")
        dist = int(cols[3]) if len(cols) == 4 else 99
        if phrase.startswith("$"):
            if phrase[1:] not in sets:
                raise ValueError(f"cue refers to an unknown set {phrase}")
            forms: Iterable[str] = sets[phrase[1:]]
        else:
            forms = _variants(phrase, frozenset())
        for v in forms:
            table.setdefault(label, {}).setdefault(kind, _PhraseSet()).add(_phrase(v), dist)
    return table


# ---------------------------------------------------------------------------------------
# Engine
# ---------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Match:
    start: int  # token index
    end: int    # token index, exclusive
    entry: _Entry


class _Analysis:
    """Tokens, raw matches and turn boundaries of one text; offsets are computed on demand."""

    __slots__ = ("text", "low", "words", "matches", "newlines", "_starts", "_ends")

    def __init__(self, text: str, low: str | None, words: list[str], matches: tuple[_Match, ...]) -> None:
        self.text, self.low, self.words, self.matches = text, low, words, matches
        self.newlines = [i for i, w in enumerate(words) if w == "\n"] if "\n" in text else []
        self._starts: list[int] | None = None
        self._ends: list[int] | None = None

    def turn(self, i: int) -> tuple[int, int, int]:
        """(turn index, first token, end token) of the turn holding token i."""
        nl = self.newlines
        if not nl:
            return 0, 0, len(self.words)
        k = bisect_right(nl, i)
        lo = nl[k - 1] + 1 if k else 0
        hi = nl[k] if k < len(nl) else len(self.words)
        return k, lo, hi

    def turn_bounds(self, k: int) -> tuple[int, int]:
        nl = self.newlines
        lo = nl[k - 1] + 1 if k else 0
        hi = nl[k] if k < len(nl) else len(self.words)
        return lo, hi

    def span(self, s: int, e: int) -> tuple[int, int]:
        """Original offsets of tokens [s, e). Tokens are found in order with str.find, only
        as far as needed (most texts need none, or only the first few)."""
        starts = self._starts
        if starts is None:
            if self.low is None:
                self._starts, self._ends = _offsets(self.text, None)
                return self._starts[s], self._ends[e - 1]
            starts = self._starts = []
            self._ends = []
        ends = self._ends
        assert ends is not None
        if len(starts) < e:
            low, words = self.low, self.words
            assert low is not None
            pos = ends[-1] if ends else 0
            for i in range(len(starts), e):
                w = words[i]
                k = low.find(w, pos)
                starts.append(k)
                pos = k + len(w)
                ends.append(pos)
        return starts[s], ends[e - 1]


class LexiconEngine:
    """All lexicons, templates and cue tables, built once per process (see `get_engine`)."""

    def __init__(self) -> None:
        from spacy.lang.en import English
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc
        from spacy.vocab import create_vocab

        self._Doc = Doc
        # The vocabulary of spaCy's blank English pipeline (what spacy.blank("en") builds),
        # made directly: building the pipeline itself scans every installed package's entry
        # points, about two seconds, for a tokenizer this engine does not use.
        self.vocab = create_vocab("en", English.Defaults)
        self.matcher = PhraseMatcher(self.vocab, attr="LOWER")
        self._entries: dict[int, _Entry] = {}
        known: set[str] = set()
        by_key: dict[str, list[tuple[str, ...]]] = {}
        key_entry: dict[str, _Entry] = {}
        self.n_terms: dict[str, int] = {}
        seen: dict[tuple[str, ...], str] = {}
        for name in _lexicon_files():
            for term, entry in _parse_lexicon(_read(name)):
                p = _phrase(term)
                if not p:
                    continue
                key = f"{entry.label}|{entry.need}|{entry.category}"
                # A phrase keeps its first definition; later files cannot silently relabel it.
                if seen.get(p, key) != key:
                    continue
                seen[p] = key
                by_key.setdefault(key, []).append(p)
                key_entry[key] = entry
                known.update(p)
                self.n_terms[entry.label] = self.n_terms.get(entry.label, 0) + 1
        self._phrases: dict[str, set[tuple[str, ...]]] = {}
        for key, phrases in by_key.items():
            docs = [Doc(self.vocab, words=list(p)) for p in sorted(set(phrases))]
            self.matcher.add(key, docs)
            self._entries[self.vocab.strings[key]] = key_entry[key]
            self._phrases.setdefault(key_entry[key].label, set()).update(phrases)
        self.known = frozenset(known)
        self._tails: dict[tuple[frozenset[str], int], _OpenTail] = {}

        root = resources.files("lumor_redact") / "lexicons"
        sets = {p.name[4:-4]: _parse_set(p.read_text(encoding="utf-8"))
                for p in root.iterdir() if p.name.startswith("set_") and p.name.endswith(".txt")}
        self.templates = _parse_templates(_read("templates.tsv"), sets)
        self._offence = _slot(sets.get("offence", set()))
        self._offence_lead = _slot(sets.get("offence_mod", set()) | sets.get("det", set()))
        index: dict[str, list[tuple[frozenset[str] | None, _Template]]] = {}
        for t in self.templates:
            second = t.second_tokens()
            for first in t.slots[0]:
                index.setdefault(first, []).append((second, t))
        self.template_index = index
        cue_table = _parse_cues(_read("cues.tsv"), sets)
        self.cues: dict[str, _Cues] = {}
        shared = cue_table.get("*", {})
        for label in ALL_LABELS:
            own = cue_table.get(label, {})
            kinds = {}
            for kind in _CUE_KINDS:
                a, b = shared.get(kind), own.get(kind)
                kinds[kind] = a.merged(b) if a and b else (a or b or _PhraseSet())
            self.cues[label] = _Cues(kinds)
        self._local = threading.local()

    # -- matching ------------------------------------------------------------------
    def analyse(self, text: str) -> _Analysis:
        """Tokens and raw (context-free) matches of `text`; the last result is kept per
        thread so the health and sensitive detectors share one pass over the same text."""
        last = getattr(self._local, "last", None)
        if last is not None and last[0] is text:
            return last[1]
        words, low = _words(text)
        matches: list[_Match] = []
        if words:
            known = self.known
            doc = self._Doc(self.vocab, words=[w if w in known else _PLACEHOLDER for w in words])
            entries = self._entries
            for key, s, e in self.matcher(doc):
                matches.append(_Match(s, e, entries[key]))
            index = self.template_index
            n = len(words)
            for i, w in enumerate(words):
                tpls = index.get(w)
                if not tpls:
                    continue
                nxt = words[i + 1] if i + 1 < n else ""
                for second, t in tpls:
                    if second is not None and nxt not in second:
                        continue
                    j = i
                    for slot in t.slots:
                        if j >= n:
                            break
                        opts = slot.get(words[j])
                        if not opts:
                            break
                        for o in opts:
                            k = len(o)
                            if k == 1 or tuple(words[j:j + k]) == o:
                                j += k
                                break
                        else:
                            break
                    else:
                        matches.append(_Match(i, j, t.entry))
        result = _Analysis(text, low, words, tuple(matches))
        self._local.last = (text, result)
        return result

    # -- streaming -----------------------------------------------------------------------
    def open_tail(self, text: str, labels: frozenset[str], after: int) -> int | None:
        """The smallest original offset where a match of `labels` may still be completing at
        the end of `text`, or may still change its verdict: a phrase or template prefix at the
        end ("shoplifting" → "shoplifting conviction", "member of the" → "member of the hsu"),
        or a match with fewer than `after` tokens after it (its cue window on the right is not
        complete: "… for my mum"). A match may take modifiers on its left ("severe"), so it is
        open from `_MODIFIER_WORDS` tokens before it."""
        key = (labels, after)
        tail = self._tails.get(key)
        if tail is None:
            tail = self._tails[key] = _OpenTail(self, labels, after)
        return tail(self.analyse(text))

    # -- context ----------------------------------------------------------------------
    def detect(self, text: str, labels: frozenset[str], extra: Mapping[str, _PhraseSet],
               rules: Mapping[str, LabelRule], detector: str) -> list[Candidate]:
        a = self.analyse(text)
        if not a.matches:
            return []
        words = a.words
        mine = [m for m in a.matches if m.entry.label in labels]
        if not mine:
            return []
        blocks = [m for m in mine if m.entry.need == "block"]
        if blocks:
            mine = [m for m in mine if m.entry.need == "block"
                    or not any(b.entry.label == m.entry.label and b.start < m.end and m.start < b.end
                               for b in blocks)]
        mine = [m for m in mine if m.entry.need != "block" and not _spelled_fragment(words, m)]
        mine = _drop_contained(mine)
        scored: list[tuple[float, int, int, str]] = []
        for m in mine:
            label = m.entry.label
            rule = rules.get(label) or DEFAULT_RULES[label]
            cues = self.cues[label]
            score, s, e = self._score(a, m, rule, cues, extra.get(label))
            scored.append((score, s, e, label))
        scored = self._coordinate(a, scored)
        scored = self._answers(a, scored, labels)
        if "CRIMINAL_RECORD" in labels:
            scored = [self._with_offence(a, x) if x[3] == "CRIMINAL_RECORD" else x for x in scored]
        out = _resolve(scored)
        return [Candidate(label, *a.span(s, e), score, detector) for score, s, e, label in out]

    def _with_offence(self, a: _Analysis, found: tuple[float, int, int, str]) -> tuple[float, int, int, str]:
        """A record said with its offence a few words later takes the offence in ("did time at
        long bay for armed robbery", "a record for theft"): the offence tells as much."""
        score, s, e, label = found
        if score < 0.5:
            return found
        words = a.words
        _, _, hi = a.turn(s)
        for k in range(e, min(hi, e + _OFFENCE_GAP + 1)):
            if words[k] not in ("for", "over", "with"):
                continue
            j = k + 1
            for _ in range(2):  # "for a high range drink driving"
                j = _match_slot(self._offence_lead, words, j, hi) or j
            end = _match_slot(self._offence, words, j, hi)
            if end:
                return score, s, end, label
        return found

    def _score(self, a: _Analysis, m: _Match, rule: LabelRule, cues: _Cues,
               extra: _PhraseSet | None) -> tuple[float, int, int]:
        words = a.words
        need = m.entry.need
        _, tlo, thi = a.turn(m.start)
        # Sentence punctuation also closes a window (cased, smart-formatted text).
        lo = max(tlo, m.start - rule.window_before)
        for p in range(m.start - 1, lo - 1, -1):
            if words[p] in _SENTENCE_END:
                lo = p + 1
                break
        hi = min(thi, m.end + rule.window_after)
        for p in range(m.end, hi):
            if words[p] in _SENTENCE_END:
                hi = p
                break
        person = cues.get("person")
        neg_before = cues.get("neg_before")
        start, end = m.start, m.end

        # Nearest cue before the match decides: negative ("we stock", "any") or person.
        verdict = None
        p = start - 1
        while p >= lo:
            dist = start - p
            n_neg = neg_before.ends_at_within(words, p, lo, dist)
            n_pos = person.ends_at(words, p, lo) or (extra.ends_at(words, p, lo) if extra else 0)
            if n_neg and n_neg >= n_pos:
                verdict = "neg"
                break
            if n_pos:
                verdict = "pos"
                break
            p -= 1
        # An animal named nearer than any first-person word ("my dog has been vomiting",
        # "my cat is due for his kidney bloods"): a vet's or farmer's call, not a person.
        nonperson = cues.get("nonperson")
        if verdict != "neg" and nonperson.by_last:
            lo_np = max(tlo, start - _NONPERSON_WINDOW)
            for p in range(start - 1, lo_np - 1, -1):
                if nonperson.ends_at(words, p, lo_np):
                    verdict = "neg"
                    break
                if words[p] in _FIRST_PERSON:
                    break
        # Negative right after ("diabetes clinic", "lebanese restaurant", "flu shot").
        neg_after = cues.get("neg_after")
        for q in range(end, min(thi, end + rule.neg_after_window)):
            if words[q] in _SENTENCE_END:
                break
            if neg_after.starts_at(words, q, thi):
                verdict = "neg"
                break
        inside = any(person.ends_at(words, q, start) for q in range(start, end)) or (
            extra is not None and any(extra.ends_at(words, q, start) for q in range(start, end)))
        after = False
        for q in range(end, hi):
            if person.starts_at(words, q, hi) or (extra is not None and extra.starts_at(words, q, hi)):
                after = True
                break

        # Modifiers directly before extend the span ("severe asthma", "rusted on liberal voter").
        mods = cues.get("modifier")
        while start > tlo:
            n = mods.ends_at(words, start - 1, tlo)
            if not n:
                break
            start -= n

        if verdict == "neg":
            return SCORE_NEGATIVE, start, end
        has_person = verdict == "pos" or inside or after
        if need == "pred":
            ok, end2 = self._predicative(a, m, start, cues, tlo, thi, verdict == "pos")
            if ok is None:
                return SCORE_NEGATIVE, start, end
            if ok:
                return SCORE_CUE, start, end2
            return SCORE_WEAK, start, end2
        if need == "strong":
            return (SCORE_CUE if has_person else SCORE_STRONG), start, end
        if need == "tight":
            tight = cues.get("tight")
            lo2 = max(tlo, m.start - rule.tight_window)
            if any(tight.ends_at(words, q, lo2) for q in range(m.start - 1, lo2 - 1, -1)) or any(
                    tight.ends_at(words, q, m.start) for q in range(m.start, m.end)):
                return SCORE_CUE, start, end
            return SCORE_WEAK, start, end
        if has_person:
            return SCORE_CUE, start, end
        # No person cue, but a disclosure verb right before ("dave had a stroke", "sarah's
        # in the etu"): names are not visible to this detector, so this is the next best sign.
        tight = cues.get("tight")
        lo2 = max(tlo, m.start - rule.tight_window)
        if any(tight.ends_at(words, q, lo2) for q in range(m.start - 1, lo2 - 1, -1)):
            return SCORE_TIGHT_ONLY, start, end
        return SCORE_WEAK, start, end

    def _predicative(self, a: _Analysis, m: _Match, start: int, cues: _Cues, tlo: int, thi: int,
                     has_person: bool) -> tuple[bool | None, int]:
        """Is an identity word said of a person? True/False, or None when the word is used
        attributively ("lebanese restaurant") or lists options ("aboriginal or torres strait
        islander?") and so is clearly not about a person."""
        words = a.words
        end = m.end
        q = end
        while q < thi and words[q] in _PUNCT_SKIP:
            q += 1
        # Before the word: skip modifiers ("a", "both", "devout"), then a copula with a
        # person subject ("i'm", "my partner's", "we're", "she was") or one that needs none
        # ("being", "as", "identify as").
        copula = False
        free = False
        skip = cues.get("pred_skip")
        p = start - 1
        k = 0
        while p >= tlo and k < 4 and (words[p] in skip.words or words[p] in _PUNCT_SKIP):
            p -= 1
            k += 1
        if p >= tlo:
            w = words[p]
            n_free = cues.get("copula_free").ends_at(words, p, tlo)
            if n_free or w in cues.get("copula_self").words or cues.get("copula_self").ends_at(words, p, tlo):
                copula, free = True, bool(n_free)
            elif w in cues.get("copula").words:
                subj = cues.get("subject")
                for r in range(p - 1, max(tlo, p - 4) - 1, -1):
                    if words[r] in subj.words or subj.ends_at(words, r, tlo):
                        copula = True
                        break
                else:
                    # STT without apostrophes: "were hindu" is "we're hindu".
                    copula = w == "were"
            elif w.endswith("s") and w[:-1] in cues.get("subject").words:
                # "my partners aboriginal": a possessive 's the STT engine glued on.
                copula = True
        # "x or y" lists options, as in a question.
        if (q < thi and words[q] == "or") or (start - 1 >= tlo and words[start - 1] == "or"):
            return None, end
        # After the word: an anchor noun ("background", "descent") joins the phrase and,
        # with a person nearby, makes it about that person; a person noun ("woman"), a
        # function word or the end of the turn leave it predicative; any other word makes
        # it attributive ("muslim school"), unless "being"/"as" made it predicative already.
        if q >= thi or words[q] in _SENTENCE_END:
            return copula, end
        n = cues.get("pred_anchor").starts_at(words, q, thi)
        if n:
            return (copula or has_person), q + n
        if (cues.get("pred_after").starts_at(words, q, thi) or words[q] in cues.get("function").words
                or words[q] in skip.words
                or any(o.start == q and o.entry.label == m.entry.label for o in a.matches)):
            return copula, end
        if free:
            return True, end
        return None, end

    def _coordinate(self, a: _Analysis, scored: list[tuple[float, int, int, str]]
                    ) -> list[tuple[float, int, int, str]]:
        """A weak match joined by "and"/"um" to a confident one of the same label inherits its
        confidence ("i'm aboriginal um wiradjuri", "half lebanese half greek")."""
        if len(scored) < 2:
            return scored
        words = a.words
        order = sorted(range(len(scored)), key=lambda i: scored[i][1])
        out = list(scored)
        for _ in range(2):
            for x, y in zip(order, order[1:]):
                s1, b1, e1, l1 = out[x]
                s2, b2, e2, l2 = out[y]
                if l1 != l2 or e1 > b2 or b2 - e1 > 4:
                    continue
                coord = self.cues[l1].get("coord")
                q = e1
                while q < b2:
                    n = coord.starts_at(words, q, b2)
                    if not n and words[q] not in _PUNCT_SKIP:
                        break
                    q += n or 1
                if q < b2:
                    continue
                if s1 >= 0.5 and SCORE_NEGATIVE < s2 < 0.5:
                    out[y] = (s1, b2, e2, l2)
                elif s2 >= 0.5 and SCORE_NEGATIVE < s1 < 0.5:
                    out[x] = (s2, b1, e1, l1)
        return out

    def _answers(self, a: _Analysis, scored: list[tuple[float, int, int, str]], labels: frozenset[str]
                 ) -> list[tuple[float, int, int, str]]:
        """A weak match opening a turn that answers a question about its label ("any
        medications?" / "just ventolin", "are you aboriginal or torres strait islander?" /
        "yes aboriginal") is about the speaker."""
        words = a.words
        out = []
        for score, s, e, label in scored:
            if SCORE_NEGATIVE < score < 0.5:
                ti, tlo, _ = a.turn(s)
                if ti > 0:
                    p = tlo
                    if p + 1 < len(words) and words[p + 1] == ":":
                        p += 2
                    lead = self.cues[label].get("answer_lead").words
                    k = 0
                    while p < s and (words[p] in lead or words[p] in _PUNCT_SKIP) and k < 5:
                        p += 1
                        k += 1
                    if p == s:
                        plo, phi = a.turn_bounds(ti - 1)
                        q_words = self.cues[label].get("question").words
                        if any(m.entry.label == label and plo <= m.start < phi for m in a.matches) or any(
                                words[r] in q_words for r in range(plo, phi)):
                            score = SCORE_ANSWER
            out.append((score, s, e, label))
        return out


_OFFENCE_GAP = 6      # words between a criminal-record match and "for <offence>"


def _match_slot(slot: Slot, words: Sequence[str], j: int, hi: int) -> int | None:
    """The end of the longest option of `slot` at words[j], or None."""
    if j >= hi:
        return None
    for o in slot.get(words[j], ()):
        if j + len(o) <= hi and tuple(words[j:j + len(o)]) == o:
            return j + len(o)
    return None


_MODIFIER_WORDS = 2   # modifiers a match may take on its left ("severe", "rusted on")


class _OpenTail:
    """What `LexiconEngine.open_tail` needs for one set of labels: every proper prefix of their
    phrases, the longest phrase or template, and the templates by first token."""

    def __init__(self, engine: LexiconEngine, labels: frozenset[str], after: int) -> None:
        prefixes: set[tuple[str, ...]] = set()
        longest = 1
        for label in labels:
            for p in engine._phrases.get(label, ()):
                longest = max(longest, len(p))
                prefixes.update(p[:k] for k in range(1, len(p)))
        index: dict[str, list[_Template]] = {}
        for t in engine.templates:
            if t.entry.label not in labels:
                continue
            longest = max(longest, sum(max((len(o) for opts in slot.values() for o in opts), default=1)
                                       for slot in t.slots))
            for first in t.slots[0]:
                index.setdefault(first, []).append(t)
        self.labels = labels
        self.after = after
        self.prefixes = frozenset(prefixes)
        self.longest = longest
        self.index = index

    def __call__(self, a: _Analysis) -> int | None:
        words = a.words
        n = len(words)
        if not n:
            return None
        q: int | None = None
        for i in range(max(0, n - self.longest), n):
            if tuple(words[i:]) in self.prefixes or self._template_prefix(words, i):
                q = a.span(i, i + 1)[0]
                break
        for m in a.matches:
            if m.entry.label in self.labels and n - m.end <= self.after:
                s = a.span(max(0, m.start - _MODIFIER_WORDS), max(0, m.start - _MODIFIER_WORDS) + 1)[0]
                q = s if q is None else min(q, s)
        return q

    def _template_prefix(self, words: Sequence[str], i: int) -> bool:
        """Is words[i:] the beginning of a template match that is not yet complete?"""
        n = len(words)
        for t in self.index.get(words[i], ()):
            j = i
            for slot in t.slots:
                if j >= n:
                    return True
                opts = slot.get(words[j])
                if not opts:
                    break
                for o in opts:
                    k = len(o)
                    if tuple(words[j:j + k]) == o:
                        j += k
                        break
                    if j + k > n and tuple(words[j:n]) == o[:n - j]:
                        return True
                else:
                    break
        return False


def _drop_contained(matches: list[_Match]) -> list[_Match]:
    """Drop a flat-list match inside a longer flat-list match of the same label and need
    ("islander" inside "torres strait islander"): the longer term is the one to judge."""
    groups: dict[tuple[str, str], list[_Match]] = {}
    for m in matches:
        if m.entry.category != "template":
            groups.setdefault((m.entry.label, m.entry.need), []).append(m)
    drop: set[int] = set()
    for group in groups.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda m: (m.start, -m.end))
        max_end = -1
        for m in group:
            if max_end >= m.end:
                drop.add(id(m))
            max_end = max(max_end, m.end)
    return [m for m in matches if id(m) not in drop] if drop else matches


def _spelled_fragment(words: Sequence[str], m: _Match) -> bool:
    """A spelled-out acronym ("i v f") inside a longer run of single letters is part of a
    spelled name, not the acronym."""
    if not all(len(words[i]) == 1 for i in range(m.start, m.end)) or m.end - m.start < 2:
        return False
    before = m.start > 0 and len(words[m.start - 1]) == 1 and words[m.start - 1].isalpha()
    after = m.end < len(words) and len(words[m.end]) == 1 and words[m.end].isalpha()
    return before or after


def _resolve(scored: list[tuple[float, int, int, str]]) -> list[tuple[float, int, int, str]]:
    """Per label: overlapping confident spans merge into one (so "changing mole" and "mole on
    my shoulder" mask every word of both); a weak span is kept only where no confident one is."""
    confident = sorted((c for c in scored if c[0] >= 0.5), key=lambda x: (x[3], x[1], x[2]))
    merged: list[tuple[float, int, int, str]] = []
    for c in confident:
        if merged and merged[-1][3] == c[3] and c[1] < merged[-1][2]:
            last = merged[-1]
            merged[-1] = (max(last[0], c[0]), last[1], max(last[2], c[2]), c[3])
        else:
            merged.append(c)
    weak = sorted((c for c in scored if c[0] < 0.5), key=lambda x: (-(x[2] - x[1]), x[1]))
    kept = list(merged)
    # per label, the kept spans are disjoint: sorted (start, end) lists answer "does this weak
    # span overlap one?" by bisection, so many matches cost n log n, not n squared
    taken: dict[str, list[tuple[int, int]]] = {}
    for k in merged:
        taken.setdefault(k[3], []).append((k[1], k[2]))
    for spans in taken.values():
        spans.sort()
    for c in weak:
        spans = taken.setdefault(c[3], [])
        i = bisect_right(spans, (c[2], -1))   # spans starting before c's end
        if i and spans[i - 1][1] > c[1]:
            continue
        kept.append(c)
        insort(spans, (c[1], c[2]))
    kept.sort(key=lambda x: (x[1], x[2], x[3]))
    return kept


_ENGINE_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _build_engine() -> LexiconEngine:
    return LexiconEngine()


def get_engine() -> LexiconEngine:
    """The process-wide engine (built on first use; thread-safe)."""
    with _ENGINE_LOCK:
        return _build_engine()


# ---------------------------------------------------------------------------------------
# Detectors
# ---------------------------------------------------------------------------------------

class _LexiconDetector(Detector):
    _group: frozenset[str] = frozenset()

    def __init__(self, config: RedactorConfig) -> None:
        super().__init__(config)
        self.engine = get_engine()
        self._labels = frozenset(label for label in self._group if config.wants(label))
        extra: dict[str, _PhraseSet] = {}
        for label, words in (config.context or {}).items():
            if label in self._group and words:
                extra[label] = _PhraseSet((_phrase(w), 99) for w in words if _phrase(w))
        self._extra = extra
        self._rules = dict(DEFAULT_RULES)

    def detect(self, view: TextView) -> list[Candidate]:
        if not self._labels:
            return []
        return self.engine.detect(view.original, self._labels, self._extra, self._rules, self.name)

    def open_tail(self, view: TextView) -> int | None:
        if not self._labels:
            return None
        reach = max((max(r.window_after, r.neg_after_window) for label, r in self._rules.items()
                     if label in self._labels), default=4)
        if "CRIMINAL_RECORD" in self._labels:
            reach = max(reach, _OFFENCE_GAP + 3)  # "… for a high range drink driving" may still follow
        return self.engine.open_tail(view.original, self._labels, reach + 1)


@register_detector("lexicon_health")
class LexiconHealthDetector(_LexiconDetector):
    """Conditions, symptoms, medications, procedures, disabilities and pregnancy of a person."""

    labels = HEALTH_LABELS
    _group = HEALTH_LABELS


@register_detector("lexicon_sensitive")
class LexiconSensitiveDetector(_LexiconDetector):
    """Religion, ethnicity, political opinion, criminal record, sexual orientation and union
    membership said of a person (APP sensitive information)."""

    labels = SENSITIVE_LABELS
    _group = SENSITIVE_LABELS
