"""Ordinary English words (data/english_words.txt), for judging a model's guesses."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    text = (resources.files("lumor_redact") / "data" / "english_words.txt").read_text(encoding="utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def all_everyday_words(phrase: str, keep: frozenset[str] | set[str] = frozenset()) -> bool:
    """True when every word of `phrase` is an ordinary English word not in `keep` (e.g. names
    that are also words: "grace", "summer")."""
    words = _WORD.findall(phrase.lower())
    if not words:
        return True
    common = english_words()
    return all(w in common and w not in keep for w in words)
