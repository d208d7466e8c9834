"""The name-list detector: names in lowercase STT text, by list and by cue."""
from __future__ import annotations

import pytest

from lumor_redact import RedactorConfig
from lumor_redact.detect.names import PersonNameDetector
from lumor_redact.text import normalize


@pytest.fixture(scope="module")
def det() -> PersonNameDetector:
    return PersonNameDetector(RedactorConfig())


def found(det: PersonNameDetector, text: str) -> list[str]:
    return [text[c.start:c.end] for c in det.detect(normalize(text)) if c.score >= 0.5]


@pytest.mark.parametrize("text, name", [
    ("caller: hi it's deborah whitfield here", "deborah whitfield"),
    ("yeah my name's summer", "summer"),                  # also an English word: needs the cue
    ("thanks grace", "grace"),
    ("it's for my son jayden", "jayden"),
    ("i'm calling for mrs nguyen", "nguyen"),
    ("lachlan kowalski k o w a l s k i", "k o w a l s k i"),
    ("that's t for tango a for alpha", "t for tango a for alpha"),
    ("Hi, it's Priya Sharma calling about my booking.", "Priya Sharma"),
    ("it's sarah nguyen my card is", "sarah nguyen"),
    ("my name is will", "will"),                          # an everyday word after an explicit name cue
    ("yeah my name is siosaia taufa and i'm calling", "siosaia taufa"),   # names the list does not know
    ("Surname is N-G-A-T-A.", "N-G-A-T-A"),
    ("first name is nikhil, last name's okonkwo-adeyemi", "okonkwo-adeyemi"),
    ("the name on the card is t nguyen", "t nguyen"),     # an initial before a surname
    ("can you talk to bazza he's the foreman", "bazza"),
    ("agent: Thank you, Rosalind. I'll call you both", "Rosalind"),    # census given names
    ("caller: Me and my husband, Garth. He's fine", "Garth"),
    ("agent: and your name and number\ncaller: bronte fairbairn oh seven three three", "bronte fairbairn"),  # an answer
    ("agent: what was the name again?\ncaller: yeah it's kowalczyk", "kowalczyk"),
    ("thanks ms yildiz, you're all set", "yildiz"),                     # a title before an unlisted surname
    ("i'll book you with our hygienist summer", "summer"),              # a role before a name
])
def test_finds_names(det: PersonNameDetector, text: str, name: str) -> None:
    assert name in found(det, text)


@pytest.mark.parametrize("text", [
    "we're on george street near the station",
    "i'll call smith plumbing tomorrow",
    "will you be able to come in summer",
    "we drove in from penrith this morning",
    "i need to check my bas and the i p address",
    "may i have the date please",
    "my dog's name is max and she's a kelpie",
    "the account name is sparkle cleaning",
    "my name is on the lease and it's spelled wrong",
    "call me tomorrow after lunch",
    "can i speak to the manager about my name on the list",
    "i'll talk to centrelink about it",
    "hi, my boss said to ring you",                  # a word after a relation cue, not a name
    "hi mate, i need a hand",
    "my cat, mr darcy, is due for his check",        # a pet
    "the plumber will call you back",                # a role, then a word that is not a name
    "agent: what's the name of the product\ncaller: the blue one",
])
def test_leaves_words_and_places(det: PersonNameDetector, text: str) -> None:
    assert found(det, text) == []
