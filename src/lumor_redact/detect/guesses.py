"""Sanity checks and trimming of guessed spans: the NER model's, and the name list's.

In lowercase STT text a small model's spans take in everyday words: whole guesses that are
not names at all ("noted", "keeps tripping", "a builder", "thanks love"), and real names or
places that run on into the next words ("lim said", "faith one of our trainers", "tarneit for
six months they", "yasmin both khalil"). Dropping the first kind and trimming the second is
cheaper and more general than teaching the model every case: the checks use only the
everyday-word list (data/english_words.txt) and the name table (data/names.tsv).
"""
from __future__ import annotations

import re

__all__ = ["plausible", "refine", "not_a_person", "ENDEARMENTS"]

_WORD = re.compile(r"\S+")
# Closed-class words that never sit inside a person's or a place's name in speech; a span is
# split at them and trimmed of them ("and", "both", "said" …). Name particles such as "de",
# "van", "bin" are not here.
_FUNCTION = frozenset("""
and or but both with from to for at in on of is was are were be been said says told asked if so
then than also too as by about because cause since while when where who which that this these those
they them their he she his her him we our us you your i me my it its it's um uh er ah like yeah yep
okay ok right now just here there same please thanks thank sorry well oh no yes not ha haha hah hmm mm
""".split())
_TITLES = frozenset("mr mrs ms miss mx dr doctor prof sir madam dame".split())
# Words that follow a name in a call and are never part of it ("nasrin karimi twenty …",
# "chidi okafor email …", "thuy spelled t h u y"). Everyday words in general are NOT trimmed
# from a person's span: surnames often are everyday words ("papas", "cliff", "baker").
_RUN_ON = frozenset("""
speaking calling here email phone mobile number address spelled spelt spelling
zero oh one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
""".split())
# Words of address that a model reads as a first name after "thanks" or "hi".
ENDEARMENTS = frozenset("love luv darling darl sweetheart sweetie hun honey dear babe buddy mate champ pal "
                         "doll petal possum chief boss sunshine".split())


def plausible(label: str, text: str) -> bool:
    """Is the model's span worth keeping at all?

    - a PERSON needs a word that is not an ordinary English word, or a known name ("summer");
    - a one-word LOCATION must not be an ordinary word ("processed"); suburbs of several
      everyday words ("lane cove") stay;
    - HEALTH needs a word beyond everyday English (a condition or drug name); everyday-word
      conditions ("bad back", "type two diabetes") are the lexicon detector's job;
    - a STREET_ADDRESS needs a street type ("road", "parade" …).
    """
    from lumor_redact.detect.address import STREET_TYPES
    from lumor_redact.detect.names import name_table
    from lumor_redact.detect.wordlist import all_everyday_words

    low = text.lower()
    if label == "PERSON":
        words = low.replace("'s", "").split()
        return not all_everyday_words(low, keep={w for w in words if w in name_table()})
    if label == "LOCATION":
        return len(low.split()) > 1 or not all_everyday_words(low)
    if label == "HEALTH":
        return not all_everyday_words(low)
    if label == "STREET_ADDRESS":
        return any(w.strip(".,") in STREET_TYPES for w in low.split())
    return True


def refine(label: str, text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of the span text[start:end] worth keeping, in original offsets.

    PERSON and LOCATION spans are split at function words and trimmed of them ("lim said" →
    "lim"; a PERSON also of titles, number words and words like "speaking", "email"); a PERSON that is
    then only a word of address ("love", "mate") is dropped, and a LOCATION piece cut from a
    longer span must hold a word that is not everyday ("six months" is not a place). Every
    part must pass `plausible`. Other labels are kept or dropped whole.
    """
    start, end = _word_bounds(text, start, end)
    if start >= end or _in_business_name(label, text, start, end):
        return []
    if label == "LOCATION":
        from lumor_redact.detect.places import not_where_someone_is

        if not_where_someone_is(text, start, end):
            return []
    if label not in ("PERSON", "LOCATION"):
        return [(start, end)] if plausible(label, text[start:end]) else []
    from lumor_redact.detect.names import name_table
    from lumor_redact.detect.wordlist import all_everyday_words

    names = name_table()
    words = [(m.start(), m.end(), _norm(m.group())) for m in _WORD.finditer(text, start, end)]
    if not words:
        return []

    def droppable(w: str) -> bool:
        if w in _FUNCTION or not w:
            return True
        if label == "PERSON":
            return w in _TITLES or (w in _RUN_ON and w not in names)
        return False

    pieces: list[list[tuple[int, int, str]]] = [[]]
    for i, wd in enumerate(words):
        if (wd[2] in _FUNCTION or (label == "PERSON" and wd[2] in _RUN_ON)) and 0 < i < len(words) - 1:
            pieces.append([])
        else:
            pieces[-1].append(wd)
    split = len([p for p in pieces if p]) > 1
    out = []
    for piece in pieces:
        while piece and droppable(piece[0][2]):
            piece = piece[1:]
        while piece and droppable(piece[-1][2]):
            piece = piece[:-1]
        if not piece:
            continue
        s, e = piece[0][0], piece[-1][1]
        if label == "PERSON":
            s, e = _spelled_edges(text, s, e)
        phrase = text[s:e]
        if label == "PERSON" and len(piece) == 1 and piece[0][2] in ENDEARMENTS:
            continue
        if label == "LOCATION" and split and all_everyday_words(phrase):
            continue
        if plausible(label, phrase) or (label == "PERSON" and _spells_a_name(phrase)):
            out.append((s, e))
    return _merged(out)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pieces that grew into each other (a spelled run split at its "a" and "i") become one."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


# three letters or more spelled one by one: a name being spelled ("r a s h i d"), which the
# everyday-word check would take for the words "r", "a" …
def _spells_a_name(phrase: str) -> bool:
    """Letters spelled one by one that do not spell an everyday word or acronym ("h c f", "a t
    o" are an insurer and an agency; "r a s h i d" is a name)."""
    from lumor_redact.detect.names import name_table
    from lumor_redact.detect.wordlist import english_words

    m = _SPELLED_RUN.search(phrase)
    if m is None:
        return False
    joined = "".join(ch for ch in m.group().lower() if ch.isalpha())
    return joined not in english_words() or joined in name_table()


_SPELLED_RUN = re.compile(r"(?<![^\s\-])[A-Za-z](?:[\s\-]+[A-Za-z](?![^\s\-.,;:!?])){2,}")


_LETTER_BEFORE = re.compile(r"(?:(?<![^\s\-])[A-Za-z][\s\-]+)+$")
_LETTER_AFTER = re.compile(r"(?:[\s\-]+[A-Za-z](?![^\s\-.,;:!?]))+")


def _spelled_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """A name that ends (or starts) inside a run of spelled letters takes the rest of the run:
    the model may stop one letter short ("r a s h" of "r a s h i d"), which would leave letters
    of the name readable."""
    span = text[start:end]
    if len(span) >= 1 and (span[-1:].isalpha() and (end - start == 1 or not span[-2].isalpha())):
        m = _LETTER_AFTER.match(text, end, min(len(text), end + 200))
        if m:
            end = m.end()
    if span[:1].isalpha() and (end - start == 1 or not span[1:2].isalpha()):
        m = _LETTER_BEFORE.search(text, max(0, start - 200), start)
        if m:
            start = m.start()
    return start, end


_PREV_WORD = re.compile(r"(\S+)\s+$")
_PLACE_PREFIX = frozenset({"st", "st.", "saint", "mount", "mt", "mt.", "port", "lake", "cape", "fort", "point"})
_ARTICLES = frozenset({"the", "a", "an"})
_ANIMAL_BEFORE = re.compile(r"\b(?:cat|dog|puppy|kitten|pup|horse|pony|bird|budgie|rabbit|bunny|parrot|cockatoo)"
                            r"(?:'s name is|,| called| named)?\s+(?:(?:mr|mrs|ms|miss)\.?\s+)?$", re.I)
_ANIMAL_AFTER = re.compile(r",?\s+(?:the|our|my|your|a)\s+(?:cat|dog|puppy|kitten|pup|horse|pony|bird|budgie|"
                           r"rabbit|bunny|guinea pig|ferret|parrot|cockatoo|lizard|snake|fish|goldfish)\b", re.I)
_COMPANY = frozenset({"pty", "ltd", "limited", "inc", "corp", "llc", "plc"})
# Words that make a name with them an institution or a place of business ("John Hunter Hospital",
# "Sarah Street"); surnames that are also such words ("Park", "Hall", "West", "Lane") are left out.
_INSTITUTION = frozenset("""
hospital hospitals clinic clinics school college university academy institute surgery practice pharmacy chemist
medical dental plumbing electrical motors hotel church council centre center foundation services solutions
holdings constructions builders realty accounting accountants lawyers legal physio physiotherapy
street road avenue parade highway crescent boulevard
""".split())


def not_a_person(text: str, start: int, end: int) -> bool:
    """A name-like span that context says is a business, an institution, a place or a pet."""
    return _in_business_name("PERSON", text, start, end)


def _in_business_name(label: str, text: str, start: int, end: int) -> bool:
    """A company's name is not personal information ("Spotted Gum Joinery Pty Ltd"), and a
    person's name inside a business, street or institution name is not a person ("John Hunter
    Hospital", "smith plumbing"): the span holds a company suffix, or (PERSON) the next word is
    one the name-list detector treats the same way."""
    from lumor_redact.detect.names import NOT_AFTER

    words = [_norm(w) for w in text[start:end].split()]
    if any(w in _COMPANY for w in words):
        return True
    if label == "PERSON" and any(w in _INSTITUTION for w in words[1:]):
        return True
    if label == "PERSON":
        prev = _PREV_WORD.search(text, max(0, start - 20), start)
        if prev is not None and _norm(prev.group(1)) in _PLACE_PREFIX | _ARTICLES:
            return True  # "st mary's", "mount druitt": a place or a church; "the van": not a name
        if _ANIMAL_AFTER.match(text, end, min(len(text), end + 30)) or _ANIMAL_BEFORE.search(
                text, max(0, start - 30), start):
            return True  # "luna the cat", "my cat, Mr Darcy": a pet
    after = _WORD.search(text, end, min(len(text), end + 40))
    if after is None:
        return False
    nxt = _norm(after.group())
    if nxt in _COMPANY:
        return True
    return label == "PERSON" and nxt in NOT_AFTER and not text[end:after.start()].strip(" ")


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """A span that starts inside a written word starts at the next one ("s jacqueline" from
    "thats jacqueline": spaCy splits "thats" into "that" + "s"); one that ends inside a word
    takes the rest of it, so no part of a name is left readable."""
    if 0 < start < end and text[start - 1].isalnum() and text[start].isalnum():
        while start < end and not text[start].isspace():
            start += 1
        while start < end and text[start].isspace():
            start += 1
    while start < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


def _norm(word: str) -> str:
    return word.lower().strip(".,;:!?\"'()[]“”‘’").replace("’", "'")
