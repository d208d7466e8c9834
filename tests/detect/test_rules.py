"""Rule detectors on transcripts written the way STT engines write them."""
from __future__ import annotations

import pytest

from lumor_redact import Redactor


def labels(r: Redactor, text: str) -> list[tuple[str, str]]:
    res = r.redact(text)
    return [(e.label, text[e.start:e.end]) for e in res.entities]


@pytest.mark.parametrize("text, label, value", [
    # cards: digits, spoken, grouped with pauses, misheard digit in card context
    ("caller: yep visa 4549 1210 3503 4465", "CREDIT_CARD", "4549 1210 3503 4465"),
    ("my card number is four one one one one one one one one one one one one one one one",
     "CREDIT_CARD", "four one one one one one one one one one one one one one one one"),
    ("card please four two four two, four two four two, four two four two, four two four two",
     "CREDIT_CARD", "four two four two, four two four two, four two four two, four two four two"),
    ("the card number is 4111 1111 1111 1112", "CREDIT_CARD", "4111 1111 1111 1112"),
    ("amex 3782 822463 10005", "CREDIT_CARD", "3782 822463 10005"),
    ("agent: and the expiry\ncaller: oh nine slash twenty seven", "CARD_EXPIRY", "oh nine slash twenty seven"),
    ("agent: expiry\ncaller: march twenty twenty nine", "CARD_EXPIRY", "march twenty twenty nine"),
    ("agent: and the cvv\ncaller: seven oh two", "CARD_CVV", "seven oh two"),
    # phones
    ("my mobile's oh four one two double seven three nine oh four", "PHONE_NUMBER",
     "oh four one two double seven three nine oh four"),
    ("call me on 0412 555 019", "PHONE_NUMBER", "0412 555 019"),
    ("it's plus six one four one two three four five six seven eight", "PHONE_NUMBER",
     "plus six one four one two three four five six seven eight"),
    ("our office is (02) 9876 5432", "PHONE_NUMBER", "(02) 9876 5432"),
    ("my uk number is +44 20 7946 0958", "PHONE_NUMBER", "+44 20 7946 0958"),
    # AU identifiers (checksums valid)
    ("and the tfn is eight seven six five four three two one oh", "AU_TFN", "eight seven six five four three two one oh"),
    ("abn 51 824 753 556", "AU_ABN", "51 824 753 556"),
    ("the company acn is 004 085 616", "AU_ACN", "004 085 616"),
    ("medicare number 2123 45670 1", "AU_MEDICARE", "2123 45670 1"),
    ("bsb oh six two, oh oh oh", "AU_BSB", "oh six two, oh oh oh"),
    ("bsb 062-000 account 1234 5678", "BANK_ACCOUNT", "1234 5678"),
    ("my licence number is one two eight eight five four three one", "AU_DRIVER_LICENCE",
     "one two eight eight five four three one"),
    ("passport number e eight three one five five two oh", "PASSPORT", "e eight three one five five two oh"),
    # dates of birth, never other dates
    ("agent: and your date of birth\ncaller: twenty third of may nineteen ninety", "DATE_OF_BIRTH",
     "twenty third of may nineteen ninety"),
    ("date of birth 17/08/1972", "DATE_OF_BIRTH", "17/08/1972"),
    ("i was born in nineteen eighty five", "DATE_OF_BIRTH", "nineteen eighty five"),
    ("i was born in eighty five", "DATE_OF_BIRTH", "eighty five"),
    ("date of birth twelve oh three eighty eight", "DATE_OF_BIRTH", "twelve oh three eighty eight"),
    ("call me back on oh four one two three four five six seven eight nine", "PHONE_NUMBER",
     "oh four one two three four five six seven eight nine"),   # a digit too many: still masked
    ("what's the long number on the front\ncaller: five one two three four five six seven eight nine one two "
     "three four five six", "CREDIT_CARD", "five one two three four five six seven eight nine one two three four five six"),
    ("it's one three hundred one two three four five six", "PHONE_NUMBER", "one three hundred one two three four five six"),
    # internet
    ("email is sarah underscore nguyen at gmail dot com dot au", "EMAIL_ADDRESS",
     "sarah underscore nguyen at gmail dot com dot au"),
    ("send it to bill.okafor@bigpond.com thanks", "EMAIL_ADDRESS", "bill.okafor@bigpond.com"),
    ("the router's one nine two dot one six eight dot one dot one", "IP_ADDRESS",
     "one nine two dot one six eight dot one dot one"),
    ("go to www.example.com.au/book", "URL", "www.example.com.au/book"),
    ("iban GB82 WEST 1234 5698 7654 32", "IBAN_CODE", "GB82 WEST 1234 5698 7654 32"),
    # addresses
    ("i'm at forty two railway parade kogarah", "STREET_ADDRESS", "forty two railway parade kogarah"),
    ("still at 7/118 bay street brighton le sands nsw 2216 yep", "STREET_ADDRESS",
     "7/118 bay street brighton le sands nsw 2216"),
    ("it's unit four twenty seven high street kew", "STREET_ADDRESS", "unit four twenty seven high street kew"),
    ("twelve george street north sydney new south wales two zero six zero thanks", "STREET_ADDRESS",
     "twelve george street north sydney new south wales two zero six zero"),   # a spoken state and postcode
    ("7 park lane victoria park wa 6100 ok", "STREET_ADDRESS", "7 park lane victoria park wa 6100"),
    ("12 smith street bondi 9876 5432 is my number", "STREET_ADDRESS", "12 smith street bondi"),  # not a phone's group
    ("22 bligh avenue camden 2570 0438 229 561", "STREET_ADDRESS", "22 bligh avenue camden 2570"),  # a mobile after the postcode
    ("call me on plus 44 7700 900123 thanks", "PHONE_NUMBER", "plus 44 7700 900123"),   # the country code too
    ("my number is 0 4 1 2 3 4 5 6 7 8 ok", "PHONE_NUMBER", "0 4 1 2 3 4 5 6 7 8"),   # one digit at a time
    ("p o box four five six parramatta please", "STREET_ADDRESS", "p o box four five six parramatta"),
    ("my medicare number is two four two eight seven seven eight one three two slash one ok", "AU_MEDICARE",
     "two four two eight seven seven eight one three two slash one"),        # the IRN after a slash
    ("it's 4532 1111 2222 3333 exp 12 26", "CARD_EXPIRY", "12 26"),          # month and year with a space
    ("bsb: 062-914 acc: 1234 5678", "BANK_ACCOUNT", "1234 5678"),
    ("caller: we're at one hundred and twenty george street, the rocks", "STREET_ADDRESS",
     "one hundred and twenty george street, the rocks"),      # the caller's "we're at" is home; a "the …" suburb
    ("my home number is nine eight seven six five four three two", "PHONE_NUMBER",
     "nine eight seven six five four three two"),                           # a landline said without its area code
])
def test_finds(rules_redactor: Redactor, text: str, label: str, value: str) -> None:
    assert (label, value) in labels(rules_redactor, text)


@pytest.mark.parametrize("text", [
    "i can get you in tomorrow at ten fifteen with the doctor",
    "that'll be three hundred and fifty dollars",
    "your booking reference is 4521 8890",
    "we've got 3:45 this afternoon is that ok",
    "card ending in 4421",                              # last four alone: PCI DSS lets it show
    "the appointment is on the 12th of june 2025",      # a date, but not a birth date
    "i just want a 10 class pass",
    "we're at 118 macquarie street first floor",         # the business's own address
    "oh sorry i didn't catch that",
    "we have two kids and three dogs",
    "order number 123 456 789",
])
def test_leaves_alone(rules_redactor: Redactor, text: str) -> None:
    assert labels(rules_redactor, text) == []


def test_correction_masks_both_attempts(rules_redactor: Redactor) -> None:
    text = "my number is oh four one two sorry oh four one three five five five six six six ok"
    res = rules_redactor.redact(text)
    assert res.text == "my number is [PHONE_NUMBER] ok"


def test_filler_inside_a_card_number(rules_redactor: Redactor) -> None:
    text = "my card is 4637 9563 um 0945 4631"
    res = rules_redactor.redact(text)
    assert res.text == "my card is [CREDIT_CARD]"


def test_medicare_reference_number_after_the_card(rules_redactor: Redactor) -> None:
    text = "medicare is two one two three four five six seven oh one and i'm number two on the card"
    res = rules_redactor.redact(text)
    assert [e.label for e in res.entities] == ["AU_MEDICARE", "AU_MEDICARE"]
    assert text[res.entities[1].start:res.entities[1].end] == "two"


def test_cue_after_a_number_introduces_the_next_one(rules_redactor: Redactor) -> None:
    text = "bsb and account\ncaller: 015-025 and account 288914562"
    assert labels(rules_redactor, text) == [("AU_BSB", "015-025"), ("BANK_ACCOUNT", "288914562")]
