"""One mechanism for every "digits + checksum + topic" identifier (cards, TFN, ABN, BSB …).

Presidio repeats regex-plus-checksum boilerplate in each recognizer; here each identifier is a
`NumberRule` (lengths, checksum, scores) and `NumberRuleDetector` does the rest once: it
finds digit runs in the canonical view ("0412 345 678", "4111111111111111", "062-692"),
tries contiguous groups of each run longest-first, and scores a stretch by its checksum and
by its topic (the nearest cue word before it, see `context.py`):

  nearest cue names this label    -> score_topic_valid if the checksum holds (or there is none),
                                     else score_topic (a misheard digit)
  a cue for it is near, not nearest -> 0.9 with a valid checksum, 0.7 with no checksum to check
  no cue                           -> score_alone if the checksum holds, else nothing
  nearest cue names another label  -> score_alone - 0.3 if the checksum holds, else nothing
A stretch followed at once by a cue for the same label ("015-025 and account 288…") is not that
label unless its checksum says so: the cue introduces the next number. `plausible` is a
structural test every candidate must pass (issuer prefix, Medicare's first digit).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, ClassVar, Iterator

import regex

from lumor_redact.config import RedactorConfig
from lumor_redact.detect.base import Detector
from lumor_redact.detect.context import TopicFinder
from lumor_redact.entities import Candidate
from lumor_redact.text.view import TextView

# A run of digit groups split by spaces or dashes; "/" followed by one digit ends it too (a
# Medicare card number and its IRN: "2428778132/1"), while "12/26" and "3/15" are not runs.
_RUN = regex.compile(r"(?<![\w.@/])\d+(?:[ \-]\d+)*(?:/\d(?![\d/]))?(?![\w@/]|\.\d)")
_GROUP = regex.compile(r"\d+")
MAX_GROUPS = 8  # a stretch spans at most this many groups ("4111 1111 1111 1111" is 4)


@dataclass(frozen=True, slots=True)
class DigitGroup:
    digits: str
    start: int  # canonical offsets
    end: int


@lru_cache(maxsize=64)
def digit_runs(canonical: str) -> tuple[tuple[DigitGroup, ...], ...]:
    """Maximal digit runs of the canonical view, as groups split at spaces and dashes."""
    out = []
    for m in _RUN.finditer(canonical):
        out.append(tuple(DigitGroup(g.group(), g.start(), g.end()) for g in _GROUP.finditer(canonical, m.start(), m.end())))
    return tuple(out)


@dataclass(frozen=True, slots=True)
class NumberRule:
    label: str
    min_len: int
    max_len: int
    validate: Callable[[str], bool] | None
    score_alone: float = 0.0
    score_topic: float = 0.65
    score_topic_valid: float = 0.95
    max_groups: int = MAX_GROUPS
    plausible: Callable[[str], bool] | None = None

    def score(self, digits: str, topic: str | None, near: set[str] | frozenset[str] = frozenset(),
              next_topic: str | None = None) -> float:
        if self.plausible is not None and not self.plausible(digits):
            return 0.0
        valid = None if self.validate is None else self.validate(digits)
        if next_topic == self.label and not valid:
            return 0.0
        if topic == self.label:
            return self.score_topic if valid is False else self.score_topic_valid
        if self.label in near:
            return 0.9 if valid else (0.7 if valid is None else 0.0)
        if not valid or not self.score_alone:
            return 0.0
        return self.score_alone if topic is None else max(0.0, self.score_alone - 0.3)


def stretches(run: tuple[DigitGroup, ...], rule: NumberRule) -> Iterator[tuple[int, int, str]]:
    """Contiguous group stretches of a run whose digit count fits the rule, longest first from
    each start, as (first group, last group, digits)."""
    n = len(run)
    if sum(len(g.digits) for g in run) < rule.min_len:
        return
    for i in range(n):
        digits = ""
        best = None
        for j in range(i, min(n, i + rule.max_groups)):
            digits += run[j].digits
            if len(digits) > rule.max_len:
                break
            if len(digits) >= rule.min_len:
                best = (i, j, digits)
        if best is not None:
            yield best


class NumberRuleDetector(Detector):
    """Base for identifier families: subclasses list their `rules`."""

    rules: ClassVar[tuple[NumberRule, ...]] = ()

    def __init__(self, config: RedactorConfig) -> None:
        super().__init__(config)
        self.topics = TopicFinder(config.context)

    def cues(self, view: TextView) -> list[tuple[int, int, str]]:
        return self.topics.cues(view.canonical)

    def detect(self, view: TextView) -> list[Candidate]:
        out: list[Candidate] = []
        cues = self.cues(view)
        rules = [r for r in self.rules if self.config.wants(r.label)]
        shortest = min((r.min_len for r in rules), default=1 << 30)
        for run in digit_runs(view.canonical):
            if len(run) == 1 and len(run[0].digits) < shortest:
                continue  # "2", "35", "10": too short for any identifier
            for rule in rules:
                taken_to = -1
                for i, j, digits in stretches(run, rule):
                    if i <= taken_to:
                        continue
                    topic, _ = self.topics.topic(cues, run[i].start)
                    near = self.topics.labels_near(cues, run[i].start)
                    after = self.topics.topic_after(cues, run[j].end)
                    score = rule.score(digits, topic, near, after)
                    if score > 0:
                        s, e = view.to_original(run[i].start, run[j].end)
                        out.append(Candidate(rule.label, s, e, score, self.name))
                        taken_to = j
        out.extend(self.extra(view, cues, out))
        return out

    def extra(self, view: TextView, cues: list[tuple[int, int, str]], found: list[Candidate]) -> list[Candidate]:
        """Hook for family-specific finds beyond digit runs (IRNs, expiry dates …)."""
        return []
