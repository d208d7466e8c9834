"""Dates of birth: a date in birth context, never every date (appointments stay readable)."""
from __future__ import annotations

import re

from lumor_redact.config import RedactorConfig
from lumor_redact.detect.base import Detector, register_detector
from lumor_redact.detect.context import TopicFinder
from lumor_redact.detect.cards import MONTHS
from lumor_redact.entities import Candidate
from lumor_redact.text.view import TextView

_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:\d{4}|'?\d{2})"
_DATE = re.compile(
    r"(?<![\w/.])(?:"
    r"\d{1,2}[/.\-]\d{1,2}[/.\-]" + _YEAR +                                   # 17/08/1972
    r"|(?:the )?\d{1,2}" + _ORD + r"(?: of)?(?: the)? (?:" + MONTHS + r"|\d{1,2}" + _ORD + r")"
    r"(?:,? (?:of )?" + _YEAR + r")?"                                          # 23 of may 1990, 11 of the 7 58
    r"|(?:" + MONTHS + r") (?:the )?\d{1,2}" + _ORD + r"(?:,? " + _YEAR + r")?"  # may 23rd 1990
    r"|(?:" + MONTHS + r"),? \d{4}"                                            # march 1985
    r"|(?:19|20)\d\d"                                                          # born in 1985
    r"|(?<=born in )\d\d"                                                      # born in 85
    r"|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)?\d\d"                  # "twelve oh three eighty eight"
    r")(?![\w/])")


@register_detector("date_of_birth")
class DateOfBirthDetector(Detector):
    labels = frozenset({"DATE_OF_BIRTH"})

    def __init__(self, config: RedactorConfig) -> None:
        super().__init__(config)
        self.topics = TopicFinder(config.context)

    def detect(self, view: TextView) -> list[Candidate]:
        canon = view.canonical
        cues = self.topics.cues(canon)
        if not any(label == "DATE_OF_BIRTH" for _, _, label in cues):
            return []
        out: list[Candidate] = []
        last_end = -1000
        # the first date after each birth cue ("date of birth and licence number … 2 may 1994")
        cue_ends = [e for _, e, label in cues if label == "DATE_OF_BIRTH"]
        used: set[int] = set()
        for m in _DATE.finditer(canon):
            text = m.group()
            bare_year = text.isdigit()  # a year or ddmmyy said as one number: only right after the cue
            topic, dist = self.topics.topic(cues, m.start())
            pending = [e for e in cue_ends if e <= m.start() and m.start() - e <= 120 and e not in used]
            if topic == "DATE_OF_BIRTH" and (not bare_year or dist <= 12):
                score = 0.9
                used.update(pending)
            elif pending and not bare_year:
                score = 0.85
                used.update(pending)
            elif not bare_year and m.start() - last_end <= 30 and " and " in canon[last_end:m.start()] + " ":
                score = 0.85  # "isla's is 4 june 2015 and noah's is 21 november 2017"
            else:
                continue
            s, e = view.to_original(m.start(), m.end())
            out.append(Candidate("DATE_OF_BIRTH", s, e, score, self.name))
            last_end = m.end()
        return out
