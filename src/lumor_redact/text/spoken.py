"""Vocabulary of spoken forms: number words, ordinals, spoken symbols, fillers, corrections.

Kept apart from the normalizer so the tables can be read (and extended) without reading the
algorithm.
"""
from __future__ import annotations

UNITS: dict[str, str] = {
    "zero": "0", "oh": "0", "o": "0", "nought": "0", "naught": "0", "nil": "0",
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9",
}
# Words an STT engine prints for a digit when the speaker meant the digit. Only read as
# digits between two other number items ("four one for one"), never on their own.
HOMOPHONES: dict[str, str] = {"for": "4", "fore": "4", "to": "2", "too": "2", "won": "1", "ate": "8", "free": "3"}
# Read as a digit only inside a run of other number items (never "oh" the interjection alone).
WEAK_UNITS = frozenset({"oh", "o", "nil"})
TEENS: dict[str, int] = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
REPEATS: dict[str, int] = {"double": 2, "triple": 3, "treble": 3}
ORDINAL_UNITS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9,
}
ORDINALS: dict[str, int] = {
    **ORDINAL_UNITS,
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30,
}
FILLERS = frozenset({"um", "umm", "uh", "uhh", "er", "erm", "ah", "ahh", "hmm", "mm"})
# Words that, between two number items, mean "that was wrong, here it is again".
CORRECTIONS = frozenset({"sorry", "no", "nope", "wait", "actually", "correction", "oops", "mean", "i", "let", "me", "start", "again"})
CORRECTION_HEADS = frozenset({"sorry", "no", "nope", "wait", "actually", "correction", "oops", "i"})
# Spoken separators inside a number ("one nine two dot one six eight ...").
NUMBER_JOINERS: dict[str, str] = {"dot": ".", "point": ".", "dash": "-", "hyphen": "-", "slash": "/"}
# Spoken separators inside an email address or URL.
ADDRESS_JOINERS: dict[str, str] = {
    "dot": ".", "at": "@", "underscore": "_", "dash": "-", "hyphen": "-", "slash": "/",
    "period": ".", "full stop": ".",
}
# Last labels that make a spoken "x dot y" chain an internet name rather than chatter.
TLDS = frozenset({
    "com", "au", "net", "org", "edu", "gov", "io", "co", "nz", "uk", "info", "biz", "me", "app",
    "dev", "ai", "us", "ca", "id", "asn", "tv", "online", "store", "shop", "xyz", "travel",
})
