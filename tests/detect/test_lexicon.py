"""Behaviour of the lexicon detectors: health and APP-sensitive information said of a person.

The sentences are written for these tests (none comes from the evaluation data).
"""
from __future__ import annotations

import pytest

# Import the module directly: `lumor_redact.detect` also imports detector modules that are
# being written in parallel.
from lumor_redact.config import RedactorConfig
from lumor_redact.detect import base
from lumor_redact.detect.lexicon import (
    HEALTH_LABELS, SENSITIVE_LABELS, LexiconHealthDetector, LexiconSensitiveDetector, get_engine,
)
from lumor_redact.entities import Candidate
from lumor_redact.text.view import TextView

THRESHOLD = 0.5


@pytest.fixture(scope="module")
def dets():
    cfg = RedactorConfig()
    return [LexiconHealthDetector(cfg), LexiconSensitiveDetector(cfg)]


def found(dets, text: str) -> list[tuple[str, str]]:
    """(label, span text) of every candidate the pipeline would keep."""
    view = TextView.identity(text)
    out = []
    for d in dets:
        for c in d.detect(view):
            assert isinstance(c, Candidate)
            assert 0 <= c.start < c.end <= len(text)
            assert c.detector == d.name
            if c.score >= THRESHOLD:
                out.append((c.label, text[c.start:c.end]))
    return out


POSITIVES = [
    # health: person attached
    ("i'm on panadeine forte for my knee", "HEALTH", "panadeine forte"),
    ("my son has asthma", "HEALTH", "asthma"),
    ("she's got copd", "HEALTH", "copd"),
    ("i've had really bad anxiety since the accident", "HEALTH", "anxiety"),
    ("he's been diagnosed with adhd", "HEALTH", "adhd"),
    ("i've got type two diabetes and i'm on metformin", "HEALTH", "type two diabetes"),
    ("i've got type two diabetes and i'm on metformin", "HEALTH", "metformin"),
    ("i'm twenty weeks pregnant with our second", "HEALTH", "twenty weeks pregnant"),
    ("my mum had a stroke and she's in a wheelchair now", "HEALTH", "stroke"),
    ("my mum had a stroke and she's in a wheelchair now", "HEALTH", "in a wheelchair"),
    ("i broke my left wrist at footy on saturday", "HEALTH", "broke my left wrist"),
    ("he had a knee replacement in march", "HEALTH", "knee replacement"),
    ("i'm booked in for a colonoscopy next week", "HEALTH", "colonoscopy"),
    ("the gp sent me for a stress echo", "HEALTH", "stress echo"),
    ("i'm allergic to penicillin", "HEALTH", "allergic to penicillin"),
    ("my daughter's got cerebral palsy and uses a communication device", "HEALTH", "cerebral palsy"),
    ("i've got a guide dog is that ok for the rental", "HEALTH", "guide dog"),
    ("i've got whiplash from the crash", "HEALTH", "whiplash"),
    ("my knee keeps giving way", "HEALTH", "my knee keeps giving way"),
    ("i've got sugar diabetes and a dodgy hip", "HEALTH", "sugar diabetes"),
    ("my wife has postnatal depression", "HEALTH", "postnatal depression"),
    ("she's on chemo for breast cancer", "HEALTH", "breast cancer"),
    # religion, ethnicity
    ("i'm muslim so a female technician would be better", "RELIGION", "muslim"),
    ("we're hindu so no beef in the catering please", "RELIGION", "hindu"),
    ("she's a jehovah's witness", "RELIGION", "jehovah's witness"),
    ("we're seventh day adventist so not on saturdays", "RELIGION", "seventh day adventist"),
    ("i'm jewish and we keep kosher", "RELIGION", "keep kosher"),
    ("my partner's aboriginal", "ETHNICITY", "aboriginal"),
    ("yes i'm aboriginal um wiradjuri", "ETHNICITY", "wiradjuri"),
    ("they're vietnamese and don't speak much english", "ETHNICITY", "vietnamese"),
    ("i'm from a lebanese background", "ETHNICITY", "lebanese background"),
    # politics
    ("honestly i vote liberal every time", "POLITICAL_OPINION", "vote liberal"),
    ("i'm a greens member", "POLITICAL_OPINION", "greens member"),
    ("i can't stand labor", "POLITICAL_OPINION", "can't stand labor"),
    ("i'm a rusted on labor voter", "POLITICAL_OPINION", "rusted on labor voter"),
    # criminal record
    ("i've got a conviction for assault from when i was young", "CRIMINAL_RECORD", "conviction for assault"),
    ("my brother was charged with assault last year", "CRIMINAL_RECORD", "charged with assault"),
    ("i got done for drink driving a few years back", "CRIMINAL_RECORD", "done for drink driving"),
    ("he's on parole till june", "CRIMINAL_RECORD", "on parole"),
    ("i've got a pending court matter", "CRIMINAL_RECORD", "pending court matter"),
    # sexual orientation
    ("i'm gay and my partner will be on the lease", "SEXUAL_ORIENTATION", "gay"),
    ("de facto he's my boyfriend i'm bi if that matters", "SEXUAL_ORIENTATION", "bi"),
    ("we're a same sex couple", "SEXUAL_ORIENTATION", "same sex couple"),
    # union membership
    ("i'm in the cfmeu", "UNION_MEMBERSHIP", "in the cfmeu"),
    ("i'm a member of the hsu", "UNION_MEMBERSHIP", "member of the hsu"),
    ("my union rep said to ring you", "UNION_MEMBERSHIP", "my union rep"),
    ("she's with the anmf", "UNION_MEMBERSHIP", "with the anmf"),
    ("the defendant pleaded guilty to fraud", "CRIMINAL_RECORD", "pleaded guilty to fraud"),   # a party in a matter
]


@pytest.mark.parametrize("text,label,span", POSITIVES)
def test_flags_information_about_a_person(dets, text, label, span):
    assert (label, span) in found(dets, text)


NEGATIVES = [
    "agent: thanks for calling we're a dental clinic in parramatta",
    "we stock panadol and nurofen in aisle three",
    "do you sell ventolin over the counter",
    "the diabetes clinic is on level two next to the lifts",
    "our physio does dry needling and cupping",
    "the catholic school on main street has a fete on saturday",
    "is there a good lebanese restaurant near you",
    "there's a vietnamese pho place on the corner",
    "the liberal government announced new tax cuts",
    "we do police checks for all new staff",
    "do you have any criminal convictions",
    "are you on any blood thinners",
    "are you of aboriginal or torres strait islander origin",
    "is the venue wheelchair accessible",
    "i need to book a flu shot for monday",
    "can i get a quote on a type 2 charger for the car",
    "i've been charged twice for my phone plan",
    "there are fraud charges on my credit card",
    "i'm on probation at my new job",
    "hi i'm christian from the accounts team",
    "the greens on the golf course are in great shape",
    "we're a labour hire company",
    "my dog has been vomiting since this morning",
    "it's a real pain in the neck dealing with the bank",
    "sorry there's an echo on the line",
    "i'm a member of the credit union",
    "agent: have you ever had cancer heart disease or diabetes",
    "agent: your hospital cover includes joint replacements cataracts and pregnancy",
    "agent: do you identify as aboriginal",
    "agent: have you ever been convicted of a criminal offence",
    "agent: we welcome aboriginal and torres strait islander applicants",
    "my cat is due for his kidney bloods and a dental",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_leaves_words_with_no_person_attached(dets, text):
    assert found(dets, text) == []


def test_spans_are_original_offsets_in_multi_turn_cased_text(dets):
    text = "agent: Any medications we should know about?\ncaller: Yeah, I’m on Eliquis for a DVT I had last year."
    got = found(dets, text)
    assert ("HEALTH", "Eliquis") in got
    assert ("HEALTH", "DVT") in got


def test_answer_to_a_question_is_about_the_speaker(dets):
    text = "agent: are you aboriginal or torres strait islander\ncaller: yes aboriginal"
    got = found(dets, text)
    assert got == [("ETHNICITY", "aboriginal")]
    assert text.rindex("aboriginal") == text.index(got[0][1], text.index("caller"))


def test_answer_to_a_medication_question(dets):
    text = "agent: do you take any regular medication\ncaller: yeah lipitor and coversyl"
    assert found(dets, text) == [("HEALTH", "lipitor"), ("HEALTH", "coversyl")]


def test_negative_context_scores_below_threshold_not_dropped_silently(dets):
    view = TextView.identity("we stock panadol")
    cands = dets[0].detect(view)
    assert [c.label for c in cands] == ["HEALTH"]
    assert cands[0].score < THRESHOLD


def test_config_context_adds_person_cues():
    text = "bed seven needs a new catheter"
    plain = LexiconHealthDetector(RedactorConfig())
    assert all(c.score < THRESHOLD for c in plain.detect(TextView.identity(text)))
    tuned = LexiconHealthDetector(RedactorConfig(context={"HEALTH": ("bed",)}))
    assert [(c.label, text[c.start:c.end]) for c in tuned.detect(TextView.identity(text))
            if c.score >= THRESHOLD] == [("HEALTH", "catheter")]


def test_config_entities_limit_labels():
    cfg = RedactorConfig(entities=frozenset({"RELIGION"}))
    text = "i'm muslim and i vote greens and i've got asthma"
    sens = LexiconSensitiveDetector(cfg).detect(TextView.identity(text))
    assert {c.label for c in sens if c.score >= THRESHOLD} == {"RELIGION"}
    assert LexiconHealthDetector(cfg).detect(TextView.identity(text)) == []


def test_registered_under_config_names():
    assert base._REGISTRY["lexicon_health"] is LexiconHealthDetector
    assert base._REGISTRY["lexicon_sensitive"] is LexiconSensitiveDetector
    assert LexiconHealthDetector.labels == HEALTH_LABELS
    assert LexiconSensitiveDetector.labels == SENSITIVE_LABELS


def test_engine_is_shared_and_handles_odd_input(dets):
    assert dets[0].engine is dets[1].engine is get_engine()
    for text in ["", " ", "\n\n", "’’’", "a" * 5000, "🙂 i'm 🙂 muslim 🙂", "İstanbul asthma"]:
        for d in dets:
            for c in d.detect(TextView.identity(text)):
                assert 0 <= c.start < c.end <= len(text)


def test_lexicons_are_large_enough():
    n = get_engine().n_terms
    assert n["HEALTH"] > 2000
    assert all(n[label] > 0 for label in SENSITIVE_LABELS if label != "UNION_MEMBERSHIP")


def test_lazy_offsets_match_the_tokenizer():
    import random

    from lumor_redact.detect.lexicon import tokenize

    rng = random.Random(3)
    pieces = ["i'm", "I’M", "non-verbal", "x-ray", "type-2", "\n", "caller:", "asthma,", "—", "’s",
              "ADHD.", "co-op", "o'brien", "  ", "3:45", "$500", "e.g.", "twenty", "Endone?"]
    eng = get_engine()
    for _ in range(200):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 25)))
        words, starts, ends = tokenize(text)
        a = eng.analyse(text)
        assert a.words == words
        for i in range(len(words)):
            assert a.span(i, i + 1) == (starts[i], ends[i])


@pytest.mark.parametrize("text, open_word", [
    ("yeah she's a member of the", "member"),       # a template half said: "member of the hsu"
    ("he had a shoplifting", "shoplifting"),         # "shoplifting conviction"
    ("i take ventolin for", "i"),                    # a match whose right-hand cue window is not complete
])
def test_open_tail_marks_what_may_still_complete(dets, text, open_word):
    view = TextView.identity(text)
    q = min(x for x in (d.open_tail(view) for d in dets) if x is not None)
    assert q <= text.index(open_word)


def test_open_tail_is_none_for_plain_talk(dets):
    view = TextView.identity("thanks for calling how can i help you today")
    assert all(d.open_tail(view) is None for d in dets)


@pytest.mark.parametrize("text, offence", [
    ("i did time at long bay for armed robbery back in 2009", "armed robbery"),
    ("yeah i have a record for theft", "theft"),
])
def test_a_record_takes_in_its_offence(dets, text, offence):
    view = TextView.identity(text)
    spans = [c for d in dets for c in d.detect(view) if c.label == "CRIMINAL_RECORD" and c.score >= THRESHOLD]
    assert any(c.end >= text.index(offence) + len(offence) for c in spans)
