"""Australian government and business identifiers: TFN, ABN, ACN, Medicare.

Checksums come from python-stdnum (TFN, ABN, ACN); Medicare's check digit (weights 1 3 7 9)
is not in stdnum and is computed here.
"""
from __future__ import annotations

import regex
from stdnum.au import abn, acn, tfn

from lumor_redact.detect.base import register_detector
from lumor_redact.detect.numbers import NumberRule, NumberRuleDetector
from lumor_redact.entities import Candidate
from lumor_redact.text.view import TextView


def is_medicare(digits: str) -> bool:
    """10 digits (card number + issue number) or 11 (plus the person's IRN)."""
    if len(digits) not in (10, 11) or not medicare_plausible(digits):
        return False
    check = sum(int(d) * w for d, w in zip(digits[:8], (1, 3, 7, 9, 1, 3, 7, 9))) % 10
    return check == int(digits[8])


def medicare_plausible(digits: str) -> bool:
    return digits[0] in "23456"


def _valid(module) -> callable:
    def ok(digits: str) -> bool:
        try:
            return bool(module.is_valid(digits))
        except Exception:  # stdnum raises on odd lengths in a few versions
            return False
    return ok


is_tfn, is_abn, is_acn = _valid(tfn), _valid(abn), _valid(acn)

# "... and he's number four", "your reference number is 2": the IRN said after the card number
_IRN = regex.compile(r"(?<![\w])(?:number|irn|reference number|ref number|reference|i'm|i am|he's|she's|"
                     r"you're|they're|he is|she is)(?: number| no)?(?: is)? ([1-9])(?![\w]|[.,]\d)")


@register_detector("au_identifiers")
class AustralianIdentifierDetector(NumberRuleDetector):
    labels = frozenset({"AU_TFN", "AU_ABN", "AU_ACN", "AU_MEDICARE"})
    rules = (
        NumberRule("AU_ABN", 11, 11, is_abn, score_alone=0.6),
        NumberRule("AU_MEDICARE", 10, 11, is_medicare, score_alone=0.6, plausible=medicare_plausible),
        NumberRule("AU_TFN", 9, 9, is_tfn, score_alone=0.6),
        NumberRule("AU_TFN", 8, 8, is_tfn),  # old 8-digit TFNs: only when the talk is of a TFN
        NumberRule("AU_ACN", 9, 9, is_acn, score_alone=0.55),
    )

    def extra(self, view: TextView, cues, found: list[Candidate]) -> list[Candidate]:
        out = []
        for c in found:
            if c.label != "AU_MEDICARE":
                continue
            _, ce = view.to_canonical(c.start, c.end)
            m = _IRN.search(view.canonical, ce, min(len(view.canonical), ce + 60))
            if m:
                s, e = view.to_original(m.start(1), m.end(1))
                out.append(Candidate("AU_MEDICARE", s, e, 0.85, self.name))
        return out
