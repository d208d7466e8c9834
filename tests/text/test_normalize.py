"""Spoken-form normalization: canonical forms, and offsets that always map back exactly."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from lumor_redact.text.normalize import normalize


@pytest.mark.parametrize("spoken, canonical", [
    ("oh four one two double seven three nine oh four", "0412773904"),
    ("oh four two one, five five eight, three oh seven", "0421 558 307"),
    ("nineteen eighty five", "1985"),
    ("forty one eleven", "4111"),
    ("twenty twenty five", "2025"),
    ("two thousand and six", "2006"),
    ("three hundred and fifty", "350"),
    ("triple seven", "777"),
    ("nought nought one", "001"),
    ("plus six one four one two three four five six seven eight", "+61412345678"),
    ("four one one um one one", "41111"),
    ("twenty third of may", "23 of may"),
    ("s a r a h", "sarah"),
    ("b for bravo o for oscar b for bravo", "bob"),
    ("F-E-R-R-E-I-R-A", "ferreira"),
    ("sarah underscore nguyen at gmail dot com dot au", "sarah_nguyen@gmail.com.au"),
    ("r a j e s h dot p at gmail dot com", "rajesh.p@gmail.com"),
    ("harrison dot webb ninety four at gmail dot com", "harrison.webb94@gmail.com"),
    ("brooke dot tanaka 92 at outlook dot com", "brooke.tanaka92@outlook.com"),
    ("brooke underscore tanaka 7 at gmail dot com", "brooke_tanaka7@gmail.com"),
    ("a l dash r a s h i d", "al-rashid"),                       # a spelled name's punctuation
    ("o apostrophe b r i e n", "o'brien"),
    ("plan a dash b", "plan a-b"),
    ("www dot acme plumbing dot com dot au", "www.acmeplumbing.com.au"),   # a domain said as two words
    ("one nine two dot one six eight dot one dot one", "192.168.1.1"),
    ("members dot pulsefitness dot com dot au slash reset", "members.pulsefitness.com.au/reset"),
    ("seven for, nine", "74 9"),
    ("one three hundred one two three four five six", "1300123456"),   # a 1300 number, not "301"
    ("four hundred twelve", "412"),
])
def test_spoken_forms(spoken: str, canonical: str) -> None:
    assert normalize(spoken).canonical == canonical


@pytest.mark.parametrize("text", [
    "oh sorry i didn't catch that",       # "oh" alone is an interjection
    "i went for a walk to the shops",      # "for"/"to" are words unless between digits
    "it was a good day",                   # "a" alone is an article
    "we'll see you at ten",
])
def test_ordinary_words_stay(text: str) -> None:
    assert normalize(text).canonical.replace("10", "ten") == text


def test_thousands_separator_is_part_of_the_number() -> None:
    assert normalize("that's $1,150 thanks").canonical == "that's $1,150 thanks"


def test_correction_keeps_the_corrected_number_and_covers_both() -> None:
    text = "oh four one two no sorry oh four one three five five five six six six"
    v = normalize(text)
    assert v.canonical == "0413555666"
    assert v.to_original(0, len(v.canonical)) == (0, len(text))


def test_partial_correction_replaces_the_tail() -> None:
    v = normalize("four five six seven sorry eight")
    assert v.canonical == "4568"


def test_letter_run_maps_back_to_the_spelled_letters() -> None:
    text = "it's k o w a l s k i ok"
    v = normalize(text)
    i = v.canonical.index("kowalski")
    s, e = v.to_original(i, i + len("kowalski"))
    assert text[s:e] == "k o w a l s k i"


def test_cased_text_is_lowercased_char_for_char() -> None:
    text = "Hi, it's Sarah. My number's 0412 555 019."
    v = normalize(text)
    assert v.canonical == text.lower()
    assert list(v.orig_start) == list(range(len(text)))


def test_to_canonical_inverts_to_original() -> None:
    text = "my mobile is oh four one two three four five six seven eight thanks"
    v = normalize(text)
    s = text.index("oh four")
    e = text.index(" thanks")
    cs, ce = v.to_canonical(s, e)
    assert v.canonical[cs:ce] == "0412345678"
    assert v.to_original(cs, ce) == (s, e)


VOCAB = ["oh", "o", "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twenty", "forty", "ninety", "hundred", "thousand", "and", "double", "triple", "for", "to",
         "um", "uh", "sorry", "no", "dot", "at", "underscore", "slash", "plus", "com", "au", "gmail", "a", "b",
         "s", "for", "bravo", "first", "twenty", "third", "may", "sarah", "nguyen", "street", "0412", "555",
         "1,150", "203.51", "062-692", ",", ".", "-", "İ", "ß", "\n", "caller:", "Hello"]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(VOCAB), max_size=40), st.lists(st.sampled_from([" ", "  ", ", ", "\n", ""]), min_size=40, max_size=40))
def test_offsets_are_in_range_and_monotone(words: list[str], seps: list[str]) -> None:
    text = "".join(w + s for w, s in zip(words, seps))
    v = normalize(text)
    n = len(text)
    assert len(v.orig_start) == len(v.orig_end) == len(v.canonical)
    prev_s = prev_e = 0
    for s, e in zip(v.orig_start, v.orig_end):
        assert 0 <= s < e <= n
        assert s >= prev_s and e >= prev_e
        prev_s, prev_e = s, e
    # every canonical span maps back to an in-range original span
    for i in range(0, len(v.canonical), 3):
        for j in range(i + 1, min(len(v.canonical), i + 12) + 1):
            s, e = v.to_original(i, j)
            assert 0 <= s < e <= n


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.text(max_size=200))
def test_any_text_normalizes(text: str) -> None:
    v = normalize(text)
    for s, e in zip(v.orig_start, v.orig_end):
        assert 0 <= s < e <= len(text)


def test_linear_time_on_pathological_repeats() -> None:
    import time

    for unit in ("1 ", "one ", "oh ", "a ", "dot ", "x dot "):
        t0 = time.perf_counter()
        normalize(unit * 20_000)
        assert time.perf_counter() - t0 < 5.0, unit
