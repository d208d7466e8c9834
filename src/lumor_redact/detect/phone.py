"""Phone numbers, validated by `phonenumbers` (Australia first, then common origins)."""
from __future__ import annotations

import phonenumbers
import regex

from lumor_redact.detect.base import register_detector
from lumor_redact.detect.context import TopicFinder
from lumor_redact.detect.numbers import NumberRuleDetector
from lumor_redact.entities import Candidate
from lumor_redact.text.view import TextView

# A plus or an opening bracket, then digits with single spaces, dashes or brackets between.
_CANDIDATE = regex.compile(r"(?<![\w+])(?:\+ ?)?(?:\(\d{1,5}\) ?)?\d(?:[ \-]?\(?\d+\)?){1,8}(?![\w])")
_SPLIT = regex.compile(r"[ \-]+")
FOREIGN_REGIONS = ("US", "GB", "NZ", "IN", "DE", "CA", "BR", "IL", "JP", "SG", "PH")


def _parse(text: str, region: str) -> phonenumbers.PhoneNumber | None:
    try:
        return phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None


def phone_score(text: str, topic: str | None) -> float:
    """How sure we are that `text` (digits with separators) is a phone number."""
    digits = sum(c.isdigit() for c in text)
    if digits < 6 or digits > 15:
        return 0.0
    on_topic = topic == "PHONE_NUMBER"
    num = _parse(text, "AU")
    if num is not None and phonenumbers.is_valid_number(num):
        if text.lstrip().startswith("+") or on_topic:
            return 0.95
        return 0.85 if topic is None else 0.55
    if not text.lstrip().startswith("+"):
        for region in FOREIGN_REGIONS:
            n = _parse(text, region)
            if n is not None and phonenumbers.is_valid_number(n):
                return 0.9 if on_topic else (0.6 if topic is None else 0.0)
    if on_topic and num is not None and phonenumbers.is_possible_number(num):
        return 0.7  # an AU number said with a digit missing or extra: still someone's number
    if on_topic and 8 <= digits <= 12:
        return 0.6
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
            parts = [(p.start(), p.end()) for p in regex.finditer(r"[+(]?[\d()]+", text)]
            i = 0
            while i < len(parts):
                topic, _ = self.topics.topic(cues, m.start() + parts[i][0])
                best = None
                for j in range(min(len(parts), i + 8) - 1, i - 1, -1):
                    sub = text[parts[i][0]:parts[j][1]]
                    score = phone_score(sub, topic)
                    if score > 0:
                        best = (j, score)
                        break
                if best is None:
                    i += 1
                    continue
                j, score = best
                s, e = view.to_original(m.start() + parts[i][0], m.start() + parts[j][1])
                out.append(Candidate("PHONE_NUMBER", s, e, score, self.name))
                i = j + 1
        return out
