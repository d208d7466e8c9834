"""Trimming and sanity checks of the NER model's spans (no model needed)."""
from __future__ import annotations

import pytest

from lumor_redact.detect.guesses import plausible, refine


def parts(label: str, text: str) -> list[str]:
    return [text[s:e] for s, e in refine(label, text, 0, len(text))]


@pytest.mark.parametrize("label, span, want", [
    ("PERSON", "lim said", ["lim"]),
    ("PERSON", "nasrin karimi twenty", ["nasrin karimi"]),
    ("PERSON", "chidi okafor email", ["chidi okafor"]),
    ("PERSON", "yasmin both khalil", ["yasmin", "khalil"]),
    ("PERSON", "faith one of our trainers", ["faith"]),
    ("PERSON", "mr brennan", ["brennan"]),
    ("PERSON", "georgia papas", ["georgia papas"]),       # a surname that is an everyday word stays
    ("PERSON", "Cliff Barrington", ["Cliff Barrington"]),
    ("PERSON", "love", []),                                # "thanks love"
    ("PERSON", "ha love", []),
    ("PERSON", "noted", []),
    ("LOCATION", "hornsby if", ["hornsby"]),
    ("LOCATION", "tarneit for six months they", ["tarneit"]),
    ("LOCATION", "lane cove", ["lane cove"]),             # a suburb of everyday words, said alone
    ("LOCATION", "processed", []),
])
def test_refine(label, span, want):
    assert parts(label, span) == want


def test_offsets_are_original():
    text = "caller: it's lim said the agent"
    s = text.index("lim")
    assert refine("PERSON", text, s, text.index(" the")) == [(s, s + 3)]


def test_other_labels_kept_or_dropped_whole():
    assert refine("HEALTH", "on ventolin", 3, 11) == [(3, 11)]
    assert refine("STREET_ADDRESS", "twelve smith", 0, 12) == []
    assert plausible("STREET_ADDRESS", "twelve smith street")


@pytest.mark.parametrize("label, text, span", [
    ("PERSON", "we use Grind Hospitality Pty Ltd for catering", "Grind Hospitality"),
    ("HEALTH", "invoice from Spotted Gum Joinery Pty Ltd today", "Spotted Gum Joinery Pty Ltd"),
    ("PERSON", "They took him to John Hunter Hospital.", "John Hunter Hospital"),
    ("PERSON", "call smith plumbing on monday", "smith"),
])
def test_business_and_institution_names_are_not_people(label, text, span):
    s = text.index(span)
    assert refine(label, text, s, s + len(span)) == []


@pytest.mark.parametrize("text, span", [
    ("i spoke to james park yesterday", "james park"),
    ("It is Sarah West calling.", "Sarah West"),
    ("it's sarah. street parking is fine", "sarah"),
])
def test_surnames_that_are_place_words_stay(text, span):
    s = text.index(span)
    assert refine("PERSON", text, s, s + len(span)) == [(s, s + len(span))]


@pytest.mark.parametrize("text, cut, whole", [
    ("spelled a l dash r a s h i d ok", "r a s h", "r a s h i d"),    # the model stopped one letter short
    ("it is k o w a l s k i, thanks", "w a l", "k o w a l s k i"),
    ("call sarah k i think", "sarah", "sarah"),                          # a whole word: nothing to add
])
def test_person_takes_the_rest_of_a_spelled_run(text, cut, whole):
    s = text.index(cut)
    (a, b), = refine("PERSON", text, s, s + len(cut))
    assert text[a:b] == whole


@pytest.mark.parametrize("text, span", [
    ("the wedding is at st mary's next week", "mary"),
    ("we live near mount druitt", "druitt"),
    ("luna the cat is ready for pickup", "luna"),
])
def test_places_and_pets_are_not_people(text, span):
    s = text.index(span)
    assert refine("PERSON", text, s, s + len(span)) == []


def test_spans_snap_to_written_words():
    text = "yep thats jacqueline with a q"        # spaCy splits "thats" into "that" + "s"
    s = text.index("s jacqueline")
    assert [text[a:b] for a, b in refine("PERSON", text, s, s + len("s jacqueline"))] == ["jacqueline"]
    text = "it's jacqueline"
    s = text.index("jacq")
    assert [text[a:b] for a, b in refine("PERSON", text, s, s + 4)] == ["jacqueline"]


def test_spelled_acronyms_are_not_names():
    text = "sure it's h c f zero zero one"
    s = text.index("h c f")
    assert refine("PERSON", text, s, s + 5) == []
    text = "it's r a s h i d"
    s = text.index("r a s")
    assert refine("PERSON", text, s, len(text)) == [(s, len(text))]
