"""Identity documents: driver licences and passports (no checksum: topic-driven)."""
from __future__ import annotations

import regex

from lumor_redact.detect.base import register_detector
from lumor_redact.detect.numbers import NumberRule, NumberRuleDetector
from lumor_redact.entities import Candidate
from lumor_redact.text.view import TextView

# Passport: one or two letters then 7 (AU) or 6-8 digits ("n4417302", "e 8315520", "pa1234567").
_PASSPORT = regex.compile(r"(?<![\w])[a-z]{1,2} ?\d{6,8}(?![\w])")
# Alphanumeric licence numbers (some states and countries mix letters in).
_ALNUM_LICENCE = regex.compile(r"(?<![\w])(?=[a-z]{0,3}\d)[a-z0-9]{6,12}(?![\w])")


@register_detector("documents")
class IdentityDocumentDetector(NumberRuleDetector):
    labels = frozenset({"AU_DRIVER_LICENCE", "PASSPORT"})
    rules = (
        NumberRule("AU_DRIVER_LICENCE", 6, 11, None, score_topic_valid=0.85),
        NumberRule("PASSPORT", 7, 9, None, score_topic_valid=0.85),
    )

    def extra(self, view: TextView, cues, found: list[Candidate]) -> list[Candidate]:
        out = []
        canon = view.canonical
        said = {label for _, _, label in cues}  # no cue, no document number: skip the scans
        if self.config.wants("PASSPORT") and "PASSPORT" in said:
            for m in _PASSPORT.finditer(canon):
                topic, _ = self.topics.topic(cues, m.start())
                if topic == "PASSPORT":
                    s, e = view.to_original(m.start(), m.end())
                    out.append(Candidate("PASSPORT", s, e, 0.9, self.name))
        if self.config.wants("AU_DRIVER_LICENCE") and "AU_DRIVER_LICENCE" in said:
            for m in _ALNUM_LICENCE.finditer(canon):
                if m.group().isdigit():
                    continue
                topic, _ = self.topics.topic(cues, m.start())
                if topic == "AU_DRIVER_LICENCE":
                    s, e = view.to_original(m.start(), m.end())
                    out.append(Candidate("AU_DRIVER_LICENCE", s, e, 0.8, self.name))
        return out
