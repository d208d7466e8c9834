"""The gazetteer detector: a known place said as where someone lives or is."""
from __future__ import annotations

import pytest

from lumor_redact import RedactorConfig
from lumor_redact.detect.places import PlaceDetector, not_where_someone_is, place_table
from lumor_redact.text.view import TextView


@pytest.fixture(scope="module")
def det() -> PlaceDetector:
    return PlaceDetector(RedactorConfig())


def found(det: PlaceDetector, text: str) -> list[str]:
    return [text[c.start:c.end] for c in det.detect(TextView.identity(text))]


@pytest.mark.parametrize("text, place", [
    ("yeah i live in kurri kurri with my kids", "kurri kurri"),                 # a two-word town
    ("we're out at red cliffs so the line's patchy", "red cliffs"),
    ("agent: what suburb are you in\ncaller: five dock", "five dock"),          # everyday words, as an answer
    ("i live in sale now", "sale"),                                             # an everyday word after a strong cue
    ("my landlord is in london till june", "london"),
    ("Pulled over just south of Gundagai, near the turn-off.", "Gundagai"),
    ("agent: great, we cover glen waverley", "glen waverley"),
])
def test_finds_where_someone_is(det, text, place):
    assert place in found(det, text)


@pytest.mark.parametrize("text", [
    "we sell oranges in orange",                       # an everyday word after a weak cue
    "come down to our penrith branch",
    "i'm at penrith station now",
    "the house in lane cove goes to auction",          # a property, not a home
    "caller: Deirdre at Coastal Conveyancing in Gosford.",
    "agent: we're based on victoria road in rydalmere",
    "agent: our truck's coming from tumut",
    "see you in march and thanks for the time",
    "caller: where are you again\nagent: penrith, next to the station",   # the agent says where the shop is
])
def test_leaves_businesses_properties_and_words(det, text):
    assert found(det, text) == []


def test_the_list_is_the_generated_gazetteer():
    table = place_table()
    assert sum(len(v) for v in table.values()) > 6000
    assert ("kurri", "kurri") in table["kurri"] and ("london",) in table["london"]


def test_open_tail_holds_a_place_still_being_said(det):
    assert det.open_tail(TextView.identity("we're out at glen ")) == len("we're out at ")
    assert det.open_tail(TextView.identity("it's a glen of trees ")) is None     # no cue before it
    assert det.open_tail(TextView.identity("i live in penrith ")) is None        # complete


def test_business_context_check_is_shared_with_the_model():
    text = "caller: It's Cargo Link Logistics in Erskine Park."
    s = text.index("Erskine")
    assert not_where_someone_is(text, s, s + len("Erskine Park"))


def test_detect_after_reads_only_near_the_focus(det):
    text = "i live in penrith and " + "we talked about the weather for a bit " * 5 + "now we're out at red cliffs ok"
    view = TextView.identity(text)
    focus = text.index("now we're")
    whole = [c for c in det.detect(view) if c.end > focus]
    assert det.detect_after(view, focus) == whole and [text[c.start:c.end] for c in whole] == ["red cliffs"]
