"""Bank details: BSB, account numbers, IBANs."""
from __future__ import annotations

import regex
from stdnum import iban

from lumor_redact.detect.base import register_detector
from lumor_redact.detect.numbers import NumberRule, NumberRuleDetector
from lumor_redact.entities import Candidate
from lumor_redact.text.view import TextView

# Two letters, two check digits, then 10-30 alphanumerics, optionally in groups of four.
_IBAN = regex.compile(r"(?<![\w])[a-z]{2}\d{2}(?:[ \-]?[a-z0-9]){10,30}(?![\w])")
# Two letters right before two digits: a ten-times cheaper scan that most transcripts fail.
_IBAN_HINT = regex.compile(r"(?<=[a-z][a-z])\d\d")


def _is_bsb(digits: str) -> bool:
    return len(digits) == 6


@register_detector("bank")
class BankDetailsDetector(NumberRuleDetector):
    labels = frozenset({"AU_BSB", "BANK_ACCOUNT", "IBAN_CODE"})
    rules = (
        NumberRule("AU_BSB", 6, 6, None, score_topic_valid=0.95, max_groups=3),
        NumberRule("BANK_ACCOUNT", 6, 10, None, score_topic_valid=0.85),
    )

    def extra(self, view: TextView, cues, found: list[Candidate]) -> list[Candidate]:
        if not self.config.wants("IBAN_CODE") or _IBAN_HINT.search(view.canonical) is None:
            return []
        out = []
        for m in _IBAN.finditer(view.canonical):
            # shrink from the right until the checksum holds (text may run on after the IBAN)
            text = m.group()
            end = len(text)
            while end >= 15:
                cand = text[:end]
                if cand[-1].isalnum() and iban.is_valid(cand, check_country=False):
                    s, e = view.to_original(m.start(), m.start() + end)
                    out.append(Candidate("IBAN_CODE", s, e, 0.95, self.name))
                    break
                end -= 1
                while end > 0 and not text[end - 1].isalnum():
                    end -= 1
        return out
