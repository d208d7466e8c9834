"""The user's own rules from the configuration: custom regexes and deny lists."""
from __future__ import annotations

import regex
from stdnum import luhn

from lumor_redact.config import RedactorConfig
from lumor_redact.detect.base import Detector, register_detector
from lumor_redact.detect.context import TopicFinder
from lumor_redact.entities import Candidate
from lumor_redact.text.view import TextView

_VALIDATORS = {"none": lambda s: True, "luhn": lambda s: s.isdigit() and luhn.is_valid(s)}


@register_detector("custom")
class CustomRuleDetector(Detector):
    """Runs `[[rules]]` and `[deny]` from the config over the canonical view.

    A rule with context words scores its full score only when one of them is near; without,
    it scores 0.2 less, so thresholds decide. Deny-listed phrases are always masked.
    """

    def __init__(self, config: RedactorConfig) -> None:
        super().__init__(config)
        self.rules = [(r, regex.compile(r.pattern, regex.IGNORECASE), _VALIDATORS[r.validator]) for r in config.rules]
        self.deny = [(label, regex.compile(r"(?<![\w])" + regex.escape(w.lower()) + r"(?![\w])"))
                     for label, words in config.deny.items() for w in words if w.strip()]
        self.labels = frozenset({r.label for r in config.rules} | set(config.deny))  # type: ignore[misc]
        ctx = {f"__rule_{i}": r.context for i, r in enumerate(config.rules) if r.context}
        self.topics = TopicFinder(ctx) if ctx else None

    def detect(self, view: TextView) -> list[Candidate]:
        if not self.rules and not self.deny:
            return []
        canon = view.canonical
        out: list[Candidate] = []
        cues = self.topics.cues(canon) if self.topics else []
        for i, (rule, pat, valid) in enumerate(self.rules):
            for m in pat.finditer(canon, timeout=self.config.detector_timeout_s):
                if m.end() == m.start():
                    continue
                if not valid("".join(ch for ch in m.group() if ch.isalnum())):
                    continue
                score = rule.score
                if rule.context:
                    near = TopicFinder.labels_near(cues, m.start())
                    if f"__rule_{i}" not in near:
                        score = max(0.0, score - 0.2)
                s, e = view.to_original(m.start(), m.end())
                out.append(Candidate(rule.label, s, e, score, f"custom:{rule.name}"))
        for label, pat in self.deny:
            for m in pat.finditer(canon):
                s, e = view.to_original(m.start(), m.end())
                out.append(Candidate(label, s, e, 1.0, "deny_list"))
        return out
