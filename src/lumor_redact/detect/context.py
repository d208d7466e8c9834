"""What a number is about: the nearest cue word before it ("tfn", "bsb", "card", "expiry").

Spoken transcripts label their numbers: "and your tfn … three oh one …", "bsb oh six two, oh
oh oh account one two three". The nearest cue before a number (within a window that reaches
into the previous turn) is its *topic*. One cue table serves every rule detector, so a number
is claimed by the detector its topic names, and generic numbers (booking references, prices)
carry a topic that claims them for nobody.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Mapping

import re

NONE = "NONE"  # a topic that says "this number is not personal" (booking refs, prices …)

CUES: dict[str, tuple[str, ...]] = {
    "CREDIT_CARD": ("credit card", "debit card", "card number", "card no", "card", "visa", "mastercard",
                    "master card", "amex", "american express", "diners", "long number on the card", "long number",
                    "number on the front", "card details"),
    "CARD_EXPIRY": ("expiry date", "expiry", "expires", "expiring", "expiration", "exp", "valid until",
                    "valid thru", "valid to", "good thru"),
    "CARD_CVV": ("cvv", "cvc", "cvn", "csc", "ccv", "security code", "code on the back", "digits on the back",
                 "digit code", "3 digits", "4 digits", "digits on the front", "digits on the back", "card code", "security number",
                 "code on the card", "the code is", "code is"),
    "PHONE_NUMBER": ("phone number", "phone", "mobile number", "mobile", "mobile's", "mob", "cell", "landline",
                     "contact number", "best number", "my number", "call me on", "call me back on", "back on",
                     "callback on", "call back number", "home number", "work number", "home phone", "work phone",
                     "office number", "direct line", "direct number", "after hours number", "landline number",
                     "ring me on", "reach me on", "reach you on", "call back on", "fax", "whatsapp", "text me on"),
    "AU_TFN": ("tfn", "tax file number", "tax file", "t f n"),
    "AU_ABN": ("abn", "a b n", "australian business number"),
    "AU_ACN": ("acn", "a c n", "australian company number", "company number"),
    "AU_MEDICARE": ("medicare card", "medicare number", "medicare"),
    "AU_BSB": ("bsb", "b s b", "branch number"),
    "BANK_ACCOUNT": ("account number", "account no", "account", "acc no", "acct", "acc", "a/c"),
    "AU_DRIVER_LICENCE": ("driver's licence", "drivers licence", "driver licence", "licence number", "licence",
                          "license number", "license", "driving licence"),
    "PASSPORT": ("passport number", "passport"),
    "DATE_OF_BIRTH": ("date of birth", "dates of birth", "dob", "d o b", "birth date", "birthdate", "birthday", "born on",
                      "born in", "born", "date of birth is"),
    NONE: ("reference number", "reference", "ref", "booking number", "booking", "order number", "order",
           "invoice number", "invoice", "job number", "quote number", "quote", "tracking number", "claim number",
           "policy number", "member number", "event number", "case number", "incident number", "report number", "membership number", "customer number", "confirmation number",
           "ticket", "receipt", "price", "dollars", "bucks", "cents", "per cent", "percent", "room",
           "level", "aisle", "platform", "gate", "flight", "page", "version", "model", "serial", "kilometres",
           "km", "kilos", "weeks", "days", "hours", "minutes", "years old", "appointment", "pm", "am", "o'clock",
           "meter number", "nmi", "account balance", "balance"),
}

_CUE_TO_LABEL: dict[str, str] = {}
for _label, _cues in CUES.items():
    for _c in _cues:
        _CUE_TO_LABEL[_c] = _label


def _cue_pattern(cues: Mapping[str, str]) -> re.Pattern:
    alts = sorted(cues, key=len, reverse=True)  # longest first: "medicare card" before "card"
    # a cue may carry a plural or possessive ending: "tfns", "the abn's", "medicare numbers"
    return re.compile(r"(?<![\w'])(?P<cue>" + "|".join(re.escape(c) for c in alts) + r")(?:'s|s)?(?![\w'])")


_CUE_RE = _cue_pattern(_CUE_TO_LABEL)


@lru_cache(maxsize=32)
def _extra_pattern(extra: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[re.Pattern, dict[str, str]]:
    cues = dict(_CUE_TO_LABEL)
    for label, words in extra:
        for w in words:
            cues[w.lower()] = label
    return _cue_pattern(cues), cues


_LABELS: dict[re.Pattern, dict[str, str]] = {}


@lru_cache(maxsize=64)
def _find_cues(pattern: re.Pattern, canonical: str) -> list[tuple[int, int, str]]:
    labels = _LABELS[pattern]
    return [(m.start(), m.end(), labels[m.group("cue")]) for m in pattern.finditer(canonical)]


class TopicFinder:
    """Finds the topic of a span of the canonical view from the cue words before it."""

    WINDOW = 80  # canonical characters: about the previous short turn

    def __init__(self, extra: Mapping[str, tuple[str, ...]] | None = None) -> None:
        if extra:
            key = tuple(sorted((k, tuple(v)) for k, v in extra.items()))
            self._re, self._cues = _extra_pattern(key)
        else:
            self._re, self._cues = _CUE_RE, _CUE_TO_LABEL

    def cues(self, canonical: str) -> list[tuple[int, int, str]]:
        """Every cue in the text as (start, end, label), in order. Cached per text, so the
        detectors that share a cue table scan each text once."""
        _LABELS.setdefault(self._re, self._cues)
        return _find_cues(self._re, canonical)

    @staticmethod
    def topic(cues: list[tuple[int, int, str]], start: int, window: int = WINDOW) -> tuple[str | None, int]:
        """The label of the nearest cue ending at or before `start` within `window`, and its distance."""
        import bisect

        i = bisect.bisect_right(cues, (start, 1 << 62, "")) - 1
        while i >= 0:
            s, e, label = cues[i]
            if e <= start:
                dist = start - e
                return (label, dist) if dist <= window else (None, dist)
            i -= 1
        return None, 1 << 30

    @staticmethod
    def topic_after(cues: list[tuple[int, int, str]], end: int, reach: int = 15) -> str | None:
        """The label of a cue starting just after `end`: "015-025 and account …" introduces
        the next number, so the account cue says the number before it is NOT the account."""
        import bisect

        i = bisect.bisect_left(cues, (end, -1, ""))
        if i < len(cues) and cues[i][0] - end <= reach:
            return cues[i][2]
        return None

    @staticmethod
    def labels_near(cues: list[tuple[int, int, str]], start: int, window: int = WINDOW) -> set[str]:
        """All cue labels that end within `window` before `start` (for "expiry and cvv" asks)."""
        import bisect

        hi = bisect.bisect_right(cues, (start, 1 << 62, ""))
        lo = bisect.bisect_left(cues, (start - window - 64, -1, ""))  # cues are < 64 chars long
        return {label for s, e, label in cues[lo:hi] if e <= start and start - e <= window}
