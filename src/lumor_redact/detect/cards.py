"""Payment cards (PCI DSS): card numbers, expiry dates, security codes."""
from __future__ import annotations

import bisect

import re

import regex
from stdnum import luhn

from lumor_redact.detect.base import register_detector
from lumor_redact.detect.numbers import NumberRule, NumberRuleDetector, digit_runs
from lumor_redact.entities import Candidate
from lumor_redact.text.view import TextView

MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
          "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")


def is_card_number(digits: str) -> bool:
    """Luhn-valid with a known issuer prefix (2 Mastercard, 3 Amex/Diners/JCB, 4 Visa, 5, 6)."""
    return has_issuer_prefix(digits) and luhn.is_valid(digits)


def _ends_within(sorted_ends: list[int], pos: int, reach: int) -> bool:
    """Whether some end lies in [pos - reach, pos]."""
    k = bisect.bisect_right(sorted_ends, pos)
    return k > 0 and pos - sorted_ends[k - 1] <= reach


def has_issuer_prefix(digits: str) -> bool:
    return digits[0] in "123456"


_EXPIRY_SLASH = re.compile(r"(?<![\w/.])(?:0?[1-9]|1[0-2]) ?(?:/|-) ?(?:20)?\d\d(?![\w/]|\.\d)")
_EXPIRY_WORDS = re.compile(rf"(?<![\w])(?:{MONTHS}),? (?:20)?\d\d(?!\d)")
# "exp 12 26": month and year with only a space between, taken only right after an expiry cue
_EXPIRY_SPACED = re.compile(r"(?<![\w/.])(?:0?[1-9]|1[0-2]) (?:20)?\d\d(?![\w/]|\.\d| ?\d)")
_EXPIRY_DIGITS = regex.compile(r"(?<![\w/])(?:0[1-9]|1[0-2])(?:20)?\d\d(?![\w/])")
_SHORT = regex.compile(r"(?<![\w/.$,])\d{3,4}(?![\w/]|[.,]\d)")
# "oh two twenty seven three three eight": expiry and code said in one breath become one run
_EXPIRY_THEN_CODE = regex.compile(r"(?<![\w/])(?P<exp>(?:0[1-9]|1[0-2])\d\d)(?P<cvv>\d{3,4})(?![\w/])")
_MONTH_THEN_CODE = re.compile(rf"(?<![\w])(?P<exp>(?:{MONTHS}) \d\d)(?P<cvv>\d{{3,4}})(?![\w/])")


CARD_SHAPES = ((4, 4, 4, 4), (4, 6, 5), (4, 6, 4))  # Visa/Mastercard, Amex, Diners grouping


@register_detector("payment_card")
class PaymentCardDetector(NumberRuleDetector):
    """Card numbers by Luhn; misheard numbers (checksum broken) when the talk is about a card.

    A bare "card ending in 4421" is four digits and never matches: PCI DSS lets the last four
    digits be shown.
    """

    labels = frozenset({"CREDIT_CARD", "CARD_EXPIRY", "CARD_CVV"})
    rules = (NumberRule("CREDIT_CARD", 13, 19, luhn.is_valid, score_alone=0.9, score_topic=0.8,
                        plausible=has_issuer_prefix),)

    def _card_shaped(self, view: TextView, found: list[Candidate]) -> list[Candidate]:
        """A number read in a card's grouping ("5339, 6618, 7123, 2417") with an issuer prefix
        is a card even with a misheard digit and no "card" said nearby."""
        out = []
        taken = {(c.start, c.end) for c in found}
        for run in digit_runs(view.canonical):
            # sixteen digits *said* in one breath, with an issuer's first digit, whatever the talk
            # (written digits keep the checksum's word: "4111111111111112" is no card)
            if len(run) == 1 and len(run[0].digits) == 16 and has_issuer_prefix(run[0].digits):
                s, e = view.to_original(run[0].start, run[0].end)
                if (s, e) not in taken and any(ch.isalpha() for ch in view.original[s:e]):
                    out.append(Candidate("CREDIT_CARD", s, e, 0.6, self.name))
                continue
            for k in range(len(run)):
                for shape in CARD_SHAPES:
                    groups = run[k:k + len(shape)]
                    if tuple(len(g.digits) for g in groups) == shape and has_issuer_prefix(groups[0].digits):
                        s, e = view.to_original(groups[0].start, groups[-1].end)
                        if (s, e) not in taken:
                            out.append(Candidate("CREDIT_CARD", s, e, 0.7, self.name))
        return out

    def extra(self, view: TextView, cues, found: list[Candidate]) -> list[Candidate]:
        out: list[Candidate] = []
        canon = view.canonical
        if self.config.wants("CREDIT_CARD"):
            out.extend(self._card_shaped(view, found))
        cards = [c for c in found + out if c.label == "CREDIT_CARD"]
        card_ends = sorted(view.to_canonical(c.start, c.end)[1] for c in cards)

        def after_card(pos: int, reach: int = 40) -> bool:
            return _ends_within(card_ends, pos, reach)

        said = {label for _, _, label in cues}
        # expiry dates and codes only where a card, an expiry or a code was talked about
        if self.config.wants("CARD_EXPIRY") and (cards or "CARD_EXPIRY" in said):
            slashed = "/" in canon or "-" in canon
            for pat in (_EXPIRY_SLASH, _EXPIRY_WORDS, _EXPIRY_DIGITS, _EXPIRY_SPACED):
                if pat is _EXPIRY_SLASH and not slashed:
                    continue
                for m in pat.finditer(canon):
                    topic, _ = self.topics.topic(cues, m.start(), window=50)
                    if pat is _EXPIRY_SPACED:
                        if topic == "CARD_EXPIRY" and self.topics.topic(cues, m.start(), window=12)[0] == topic:
                            s, e = view.to_original(m.start(), m.end())
                            out.append(Candidate("CARD_EXPIRY", s, e, 0.85, self.name))
                        continue
                    near = self.topics.labels_near(cues, m.start(), window=50)
                    if topic == "CARD_EXPIRY" or "CARD_EXPIRY" in near:
                        score = 0.9
                    elif pat is not _EXPIRY_DIGITS and after_card(m.start()):
                        score = 0.85
                    else:
                        continue
                    s, e = view.to_original(m.start(), m.end())
                    out.append(Candidate("CARD_EXPIRY", s, e, score, self.name))
        cards = [c for c in found + out if c.label == "CREDIT_CARD"]
        if not cards and not ({"CARD_EXPIRY", "CARD_CVV"} & said):
            return out
        for pat in (_EXPIRY_THEN_CODE, _MONTH_THEN_CODE):
            for m in pat.finditer(canon):
                near = self.topics.labels_near(cues, m.start(), window=60)
                if {"CARD_EXPIRY", "CARD_CVV"} <= near:
                    for label, g in (("CARD_EXPIRY", "exp"), ("CARD_CVV", "cvv")):
                        if self.config.wants(label):
                            s, e = view.to_original(m.start(g), m.end(g))
                            out.append(Candidate(label, s, e, 0.85, self.name))
        if self.config.wants("CARD_CVV"):
            expiry_ends = sorted(view.to_canonical(c.start, c.end)[1] for c in out if c.label == "CARD_EXPIRY")
            taken = sorted((c.start, c.end) for c in found + out)
            for m in _SHORT.finditer(canon):
                topic, _ = self.topics.topic(cues, m.start(), window=50)
                near = self.topics.labels_near(cues, m.start(), window=50)
                if topic == "CARD_CVV" or ("CARD_CVV" in near and topic in ("CARD_EXPIRY", "CARD_CVV", None)):
                    score = 0.9
                elif cards and _ends_within(expiry_ends, m.start(), 12):
                    score = 0.8
                else:
                    continue
                s, e = view.to_original(m.start(), m.end())
                k = bisect.bisect_right(taken, (s, 1 << 62)) - 1
                if k >= 0 and taken[k][0] <= s < taken[k][1]:
                    continue  # inside a card number or expiry already found
                out.append(Candidate("CARD_CVV", s, e, score, self.name))
        return out
