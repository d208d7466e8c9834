"""Phone numbers, validated by `phonenumbers` (Australia first, then common origins)."""
from __future__ import annotations

from functools import lru_cache

import phonenumbers
import regex

from lumor_redact.detect.base import register_detector
from lumor_redact.detect.context import TopicFinder
from lumor_redact.detect.numbers import NumberRuleDetector
from lumor_redact.entities import Candidate
from lumor_redact.text.view import TextView

# A plus or an opening bracket, then digits with single spaces, dashes or brackets between.
# Up to 15 parts: a number may be written one digit at a time ("0 4 1 2 3 4 5 6 7 8").
_CANDIDATE = regex.compile(r"(?<![\w+])(?:\+ ?)?(?:\(\d{1,5}\) ?)?\d(?:[ \-]?\(?\d+\)?){1,14}(?![\w])")
_PART = regex.compile(r"[+(]?[\d()]+")
_MAX_PARTS = 15
FOREIGN_REGIONS = ("US", "GB", "NZ", "IN", "DE", "CA", "BR", "IL", "JP", "SG", "PH")


def _parse(text: str, region: str) -> phonenumbers.PhoneNumber | None:
    try:
        return phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None


@lru_cache(maxsize=4096)
def phone_score(text: str, topic: str | None) -> float:
    """How sure we are that `text` (digits with separators) is a phone number.

    Cheap length checks come first: `phonenumbers.parse` costs tens of microseconds, and a
    card number offers many digit stretches that are no phone number of any country.
    """
    digits = sum(c.isdigit() for c in text)
    if digits < 6 or digits > 15:
        return 0.0
    if not text.lstrip().startswith("+") and topic != "PHONE_NUMBER":
        lead = text.lstrip("( ")[:1]
        au_shape = (lead == "0" and (digits == 10 or text.lstrip("( ")[1:2] == "4")) or (lead == "1" and digits in (6, 10))
        foreign_shape = 10 <= digits <= 12 and ("(" in text or "-" in text)
        if not (au_shape or foreign_shape):
            return 0.0
    on_topic = topic == "PHONE_NUMBER"
    plus = text.lstrip().startswith("+")
    lead = text.lstrip("+( ")[:1]
    # Without a plus, an Australian number is dialled with its trunk 0 (or is a 13/1300/1800
    # number); "301233595" is not a Melbourne number said without its 0, it is something else.
    num = _parse(text, "AU") if plus or lead in "01" else None
    if num is not None and phonenumbers.is_valid_number(num):
        if plus or on_topic:
            return 0.95
        return 0.85 if topic is None else 0.7
    if not plus and digits >= 9:
        for region in FOREIGN_REGIONS:
            n = _parse(text, region)
            if n is not None and phonenumbers.is_valid_number(n):
                return 0.9 if on_topic else (0.5 if topic is None else 0.0)
    if on_topic and num is not None and phonenumbers.is_possible_number(num):
        return 0.7  # an AU number said with a digit missing or extra: still someone's number
    if on_topic and 8 <= digits <= 12:
        return 0.6
    if 9 <= digits <= 11 and lead == "0" and text.lstrip("( ")[1:2] == "4" and topic is None:
        return 0.55  # an Australian mobile said with a digit dropped or doubled: mask it anyway
    return 0.0


@register_detector("phone")
class PhoneNumberDetector(NumberRuleDetector):
    labels = frozenset({"PHONE_NUMBER"})

    def detect(self, view: TextView) -> list[Candidate]:
        out = []
        canon = view.canonical
        cues = self.cues(view)
        for m in _CANDIDATE.finditer(canon):
            # try the longest valid stretch from the left, then go on after it
            text = m.group()
            parts = [(p.start(), p.end()) for p in _PART.finditer(text)]
            best_at = [self._best_from(text, parts, i, cues, m.start()) for i in range(len(parts))]
            i = 0
            while i < len(parts):
                best = best_at[i]
                # a better reading that starts inside this one wins ("2570 0438 229 561": the
                # postcode before a mobile is not the start of a foreign number)
                # ("+44 7700 900123" keeps its country code: a reading that starts with a plus is
                # a phone number whatever reading its tail has)
                if best is not None and best[1] < 0.85 and not text.startswith("+", parts[i][0]):
                    rival = next((b for b in best_at[i + 1:best[0] + 1] if b is not None and b[1] > best[1]), None)
                    if rival is not None:
                        best = None
                if best is None:
                    i += 1
                    continue
                j, score = best
                s, e = view.to_original(m.start() + parts[i][0], m.start() + parts[j][1])
                out.append(Candidate("PHONE_NUMBER", s, e, score, self.name))
                i = j + 1
        return out

    def _best_from(self, text: str, parts: list[tuple[int, int]], i: int, cues, offset: int
                   ) -> tuple[int, float] | None:
        """The best reading that starts at part i: highest score, then longest."""
        topic, _ = self.topics.topic(cues, offset + parts[i][0])
        best = None
        for j in range(min(len(parts), i + _MAX_PARTS) - 1, i - 1, -1):
            score = phone_score(text[parts[i][0]:parts[j][1]], topic)
            if score > 0 and (best is None or score > best[1]):
                best = (j, score)
                if score >= 0.85:
                    break
        return best
