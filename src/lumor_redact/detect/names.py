"""People's names from a name list and the way calls introduce people.

The NER model generalises; this detector is its dependable partner for names a model misses
in lowercase STT text. It reads the canonical view (lowercase, spelled letters joined), looks
each word up in `data/names.tsv` (given names and surnames, see
scripts/make_name_lexicon.py), and scores a stretch of name words by what is around it:

- a cue before it ("my name's", "it's", "this is", "thanks", "mr", "my wife") or after it
  ("… here", "… speaking") makes any name word count, even one that is also an English word
  ("summer", "will");
- without a cue, a common given name that is not an English word counts alone ("deborah"), a
  given name with a surname counts ("grace nguyen"); a surname alone does not;
- a name that is part of a street or business ("george street", "smith plumbing") is not a
  person;
- a spelled-out run of letters ("k o w a l s k i", "t for tango a for alpha") next to a name or
  after "spelled"/"that's" is the name spelled.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Iterator
from importlib import resources

from lumor_redact.config import RedactorConfig
from lumor_redact.detect.address import STOP, STREET_TYPES
from lumor_redact.detect.base import Detector, register_detector
from lumor_redact.detect.guesses import ENDEARMENTS, not_a_person
from lumor_redact.entities import Candidate
from lumor_redact.text.view import TextView

_WORD = re.compile(r"[a-z]+(?:['’\-][a-z]+)*")
_LETTERS = re.compile(r"^[a-z](?:[ \-]+[a-z])+$", re.IGNORECASE)
_PHONETIC = re.compile(r"\b(?:for|as in)\b", re.IGNORECASE)
_SPELLED_PUNCT = re.compile(r" (?:dash|hyphen|apostrophe) ", re.IGNORECASE)
PARTICLES = frozenset({"van", "der", "den", "de", "da", "di", "del", "della", "la", "le", "bin", "binti", "al", "el",
                       "von", "st", "mac", "mc", "abu", "ibn", "dos", "das"})
CUES_BEFORE = (
    "name is", "name's", "names", "name", "it's", "its", "this is", "i'm", "im", "i am", "called", "call me",
    "speaking with", "speak to", "speak with", "talk to", "talking to", "ask for", "thanks", "thank you",
    "cheers", "hi", "hello", "hey", "mr", "mrs", "ms", "miss", "dr", "doctor", "nurse", "my wife", "my husband",
    "my partner", "my son", "my daughter", "my mum", "my mother", "my dad", "my father", "my brother",
    "my sister", "my boss", "my friend", "my nephew", "my niece", "my grandson", "my granddaughter",
    "my boyfriend", "my girlfriend", "my fiance", "my fiancee", "my colleague", "my neighbour", "my tenant",
    "spelled", "spelt", "surname", "last name", "first name", "full name", "that's", "for", "and", "with",
    "surname is", "surname's", "last name is", "first name is", "full name is", "family name", "family name is",
    "middle name", "middle name is", "given name", "given name is", "spelled as", "spelt as", "that is", "it is",
    "sorry", "yes", "yeah", "ok", "okay", "no",
)
CUES_AFTER = ("here", "speaking", "'s", "s", "on the", "said", "told", "will", "is my", "was")
_CUE_WORDS = max(len(c.split()) for c in CUES_BEFORE)
_AFTER_WORDS = frozenset(c for c in CUES_AFTER if " " not in c and len(c) > 1)   # "here", "said", "will" …
STRONG_BEFORE = frozenset(CUES_BEFORE) - {"for", "and", "with", "sorry", "yes", "yeah", "ok", "okay", "no", "that's",
                                          "it's", "its", "im", "i'm", "i am", "that is", "it is"}
NOT_AFTER = frozenset(STREET_TYPES) | frozenset({
    "&", "plumbing", "dental", "electrical", "electrics", "pty", "ltd", "group", "clinic", "motors", "constructions",
    "construction", "homes", "physio", "physiotherapy", "accounting", "accountants", "legal", "lawyers", "law",
    "realty", "real", "transport", "logistics", "removals", "landscaping", "builders", "building", "solar", "vet",
    "vets", "veterinary", "medical", "pharmacy", "chemist", "cafe", "restaurant", "bakery", "hotel", "school",
    "college", "university", "hospital", "park", "oval", "beach", "river", "creek", "bay", "mountain", "lake",
    "island", "station", "shopping", "centre", "center", "plaza", "mall", "bank", "insurance", "health",
    "fitness", "gym", "studio", "salon", "auto", "autos", "cars", "mechanical", "roofing", "painting", "cleaning",
    "pest", "pools", "storage", "funerals", "dentistry", "podiatry", "optometrists", "smiles", "family",
    "street's", "road's", "council", "shire", "hills", "heights", "valley", "north", "south", "east", "west",
    "airport", "hall", "library", "church", "mosque", "temple", "estate", "tower", "house", "arms", "inn",
})
NOT_BEFORE = frozenset({"in", "at", "from", "near", "to", "on", "via", "visit", "the"})
# Common words that are names only with a strong cue ("my name's will"), and words that never are.
_NEVER = frozenset("""
agent caller customer operator speaker unknown hi ok yeah no yes sorry thanks um uh he she as my do date back
car little the and so to is it in on at of me we us an or be by go up if am are was his her him our your their
them they you i can january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday christmas easter
""".split()) - {"may"} | frozenset(
    # the words that end a relation cue ("my son …", "my boss …") are the cue, not a name, even
    # when a census list has them as given names ("son", "boss")
    c.split()[-1] for c in CUES_BEFORE if c.startswith("my "))


_PHRASE_END = frozenset({"here", "speaking", "calling", "and", "from", "on", "at", "my", "is", "it's"})
# Words that follow a given name without being a surname.
_COMMON = _NEVER | frozenset(STOP) | frozenset("""
here speaking calling from please thanks just again too also said says told asked wants needs has had
""".split())


@lru_cache(maxsize=1)
def name_table() -> dict[str, tuple[bool, bool, bool, bool]]:
    """name -> (common given name, other given name, surname, ambiguous)."""
    table: dict[str, tuple[bool, bool, bool, bool]] = {}
    text = (resources.files("lumor_redact") / "data" / "names.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        name, kinds, amb = line.split("\t")
        k = kinds.split(",")
        table[name] = ("first" in k, "first_rare" in k, "last" in k, amb == "1")
    return table


def _ends_with_cue(before: str, cues: frozenset[str] | tuple[str, ...]) -> str | None:
    """The longest cue that `before` ends with (whole words), or None."""
    cue_set = cues if isinstance(cues, frozenset) else frozenset(cues)
    tail = before.rsplit(" ", _CUE_WORDS)
    for k in range(min(_CUE_WORDS, len(tail)), 0, -1):
        c = " ".join(tail[-k:])
        if c in cue_set:
            return c
    return None


# "my name is …", "surname's …", "call me …": the words after it are a name even when the list
# does not know them ("siosaia", "yildiz"); whose name it is matters ("the account name is …",
# "my dog's name is …" are not people).
_NAME_CUE = re.compile(
    r"\b(?:first |1 |last |full |family |middle |given |maiden |sur)?name(?: is|'s| was)? (?!on )"
    r"|\bname on (?:the|my|your|his|her|their) [a-z]+ (?:is|was|says|reads) "
    r"|\b(?:card|account|policy) ?holder(?:'s)? (?:name )?(?:is )?"
    r"|\bsurname |\bcall me |\b(?:speak|talk|speaking|talking) (?:to|with) |\bask for ")
_NAME_CUE_END = re.compile(r"(?:name(?: is|'s| was)?|call me|surname|spelled|spelt)$")
# A title or a role said right before a name ("ms yildiz", "our hygienist summer").
_ROLE_WORDS = frozenset("""
mr mrs ms miss mx dr doctor prof professor hygienist physio physiotherapist dentist nurse technician plumber
electrician receptionist consultant therapist psychologist coach trainer teacher lawyer solicitor accountant broker
mechanic installer inspector manager supervisor colleague surgeon specialist counsellor carer midwife tutor
instructor courier
""".split())
_ROLE_CUE = re.compile(r"\b(?:" + "|".join(sorted(_ROLE_WORDS, key=len, reverse=True)) + r")\.? ")
_NAME_CUE_KEYS = ("name", "call me", "speak", "talk", "ask for", "holder")
# A question about a name, whose answer opens the next line.
_NAME_QUESTION = re.compile(r"\b(?:(?:your|the|his|her|their|a|full|first|1|last|sur)[ ]?name\b[^\n]*\?*|who am i "
                            r"(?:speaking|talking) (?:to|with)|who's calling|who is calling)[^\n]*$", re.MULTILINE)
_ANSWER_LEAD = re.compile(r"\s*(?:[a-z]+\s*:)?\s*(?:(?:yeah|yep|yes|sure|um|uh|oh|ah|it's|its|it is|that's|"
                          r"i'm|im|this is|my name's|my name is)[ ,]+)*")
_OWNER_BEFORE = re.compile(r"([a-z']+) $")
_CUE_OWNER = re.compile(r"\b([a-z']+) (?:[a-z]+ )?name(?: is|'s| was)?$")
_NOT_A_PERSON_NAME = frozenset("""
account business company trading user username file domain street road product brand dog's cat's pet's horse's
dog cat pet puppy kitten horse wifi network practice clinic shop store restaurant cafe team app plan model boat
ship street's business's company's band project event venue
""".split())
_UNLISTED_STOP = _COMMON | frozenset("""
spelled spelt spelling actually still also under listed different wrong correct same fine important misspelled
written not there in on the a an just um uh er like well so yeah
""".split())
# Everyday words that are names too, taken after an explicit name cue.
_WORD_NAMES = frozenset("will bill pat sue art mark rob don ken ray jack jo bob rose joy hope faith dawn gay "
                        "sandy rusty guy hunter chase drew sky summer autumn june may april".split())
_MAX_CUED_WORDS = 3


@register_detector("person_names")
class PersonNameDetector(Detector):
    labels = frozenset({"PERSON"})
    checked = False  # a list lookup is a guess: checked rules win an overlap

    def __init__(self, config: RedactorConfig) -> None:
        super().__init__(config)
        self.names = name_table()
        self.cues_before = frozenset(CUES_BEFORE)

    def detect(self, view: TextView) -> list[Candidate]:
        canon = view.canonical
        words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(canon)]
        names = self.names
        out: list[Candidate] = []
        i, n = 0, len(words)
        last_person_end = -1000
        while i < n:
            w, cs, ce = words[i]
            base = w[:-2] if w.endswith(("'s", "’s")) else w
            info = names.get(base)
            spelled = self._spelled(view, cs, ce)
            if (info is None and not spelled) or base in _NEVER:
                i += 1
                continue
            # extend over following name words (and particles between them)
            j = i
            toks = [(base, info, cs, cs + len(base))]
            while j + 1 < n and len(toks) < 4 and not words[j][0].endswith(("'s", "’s")):
                nw, ns, ne = words[j + 1]
                if canon[words[j][2]:ns].strip(" -") or "\n" in canon[words[j][2]:ns]:
                    break  # punctuation or a new line between: a new phrase
                nbase = nw[:-2] if nw.endswith(("'s", "’s")) else nw
                ninfo = names.get(nbase)
                if nbase in PARTICLES and j + 2 < n and names.get(words[j + 2][0]) is not None:
                    j += 1
                    continue
                if nbase in NOT_AFTER or nbase in _NEVER or nbase in _AFTER_WORDS:
                    break  # "george street": the street, not a surname; "sarah nguyen my …"; "… will call"
                if ninfo is None and not self._spelled(view, ns, ne):
                    if len(toks) == 1 and self._surname_like(toks[0][1], nbase, canon, ne):
                        toks.append((nbase, None, ns, ns + len(nbase)))
                        j += 1
                    break
                toks.append((nbase, ninfo, ns, ns + len(nbase)))
                j += 1
            start, end = toks[0][2], toks[-1][3]
            before = canon[max(0, start - 40):start].rstrip(" ,.:;-")
            before_word = words[i - 1][0] if i > 0 else ""
            after = canon[end:end + 20].lstrip(" ,")
            next_word = words[j + 1][0] if j + 1 < n else ""
            i = j + 1
            if next_word in NOT_AFTER and not canon[toks[-1][3]:words[j + 1][1]].strip():
                continue  # "george street", "smith plumbing"
            owner = _CUE_OWNER.search(before) if "name" in before[-14:] else None
            if owner is not None and owner.group(1) in _NOT_A_PERSON_NAME:
                continue  # "my dog's name is max", "the account name is …"
            score = self._score(toks, before, before_word, after, start - last_person_end, spelled)
            if score > 0:
                s, e = view.to_original(start, end)
                if not_a_person(view.original, s, e):
                    continue
                out.append(Candidate("PERSON", s, e, score, self.name))
                last_person_end = end
        out.extend(self._after_name_cue(view, out))
        return out

    def _after_name_cue(self, view: TextView, found: list[Candidate]) -> list[Candidate]:
        """Words right after an explicit name cue, or opening the answer to a question about a
        name, that the list does not know: a rare given name or surname is still a name when the
        caller says it is. A word needs to be a known name, one of a few everyday words that are
        names, or not an everyday word at all."""
        canon = view.canonical
        out: list[Candidate] = []
        starts: list[int] | None = None
        reach: list[int] = []
        for pos in self._cued_positions(canon):
            taken = self._name_words(view, abs(pos), explicit=pos > 0)
            if not taken:
                continue
            s, e = view.to_original(taken[0][0], taken[-1][1])
            if not_a_person(view.original, s, e):
                continue  # "my cat, mr darcy"
            if starts is None:
                # "already found" by bisection, built once a cued name needs it (most texts have
                # none): the found spans by start, with the furthest end so far
                ordered = sorted((c.start, c.end) for c in found)
                starts = [a for a, _ in ordered]
                for _, b in ordered:
                    reach.append(max(b, reach[-1]) if reach else b)
            k = bisect_right(starts, s)
            if k and reach[k - 1] >= e:
                continue  # inside a name found already
            out.append(Candidate("PERSON", s, e, 0.85, self.name))
        return out

    @staticmethod
    def _cued_positions(canon: str) -> Iterator[int]:
        """Where a name may start: after a name cue ("my name is …"), and at the start of a
        line that answers a question about a name ("and your name?" / "bronte fairbairn …")."""
        # C-speed tests first: most texts have no cue of either kind
        if any(k in canon for k in _NAME_CUE_KEYS):
            for m in _NAME_CUE.finditer(canon):
                owner = _OWNER_BEFORE.search(canon, max(0, m.start() - 30), m.start())
                if owner is None or owner.group(1) not in _NOT_A_PERSON_NAME:
                    yield m.end()
        if not _ROLE_WORDS.isdisjoint(canon.replace(".", " ").split()):
            for m in _ROLE_CUE.finditer(canon):
                yield -m.end()   # negative: a weaker cue, see _name_words
        if "\n" not in canon or not any(k in canon for k in ("name", "calling", "speaking", "talking")):
            return
        for q in _NAME_QUESTION.finditer(canon):
            nl = canon.find("\n", q.end(), q.end() + 200)
            if nl < 0 or "\n" in canon[q.end():nl]:
                continue
            lead = _ANSWER_LEAD.match(canon, nl + 1)
            if lead is not None:
                yield lead.end()

    def _name_words(self, view: TextView, pos: int, explicit: bool = True) -> list[tuple[int, int]]:
        """The name words at `pos`. After a weaker cue (a title or a role: "ms …", "our physio …")
        a word that usually follows a name ("will", "said") or is common ends it."""
        from lumor_redact.detect.wordlist import english_words

        canon = view.canonical
        everyday = english_words()
        taken: list[tuple[int, int]] = []
        for w in _WORD.finditer(canon, pos, min(len(canon), pos + 80)):
            gap = canon[pos:w.start()]
            if gap.strip(" ") or len(taken) >= _MAX_CUED_WORDS:
                break  # punctuation, a new line or enough words: the name has ended
            if taken:
                a = view.to_original(taken[-1][0], taken[-1][1])[1]
                b = view.to_original(w.start(), w.end())[0]
                if any(ch.isalpha() for ch in view.original[a:b]):
                    break  # a word the canonical view dropped ("siosaia um s i o …"): the name ended
            word = w.group()
            base = word[:-2] if word.endswith(("'s", "’s")) else word
            initial = len(base) == 1 and base not in "ai"   # "t nguyen"
            if not explicit and (base in _AFTER_WORDS or base in _COMMON or initial):
                break
            if not initial and base not in _WORD_NAMES and (
                    base in _UNLISTED_STOP or base in NOT_AFTER or len(base) < 2
                    or not (base in self.names or base not in everyday)):
                break
            taken.append((w.start(), w.start() + len(base)))
            pos = w.end()
        while taken and taken[-1][1] - taken[-1][0] == 1:
            taken.pop()  # an initial needs a name after it
        return taken

    @staticmethod
    def _surname_like(first, word: str, canon: str, end: int) -> bool:  # noqa: ANN001
        """An unlisted word after a clear given name that ends the phrase ("deborah whitfield
        here", "it's shivon o'sullivan\n"): most likely the surname."""
        if first is None or not first[0] or first[3] or len(word) < 3 or word in _COMMON:
            return False
        rest = canon[end:end + 12].lstrip(" ")
        return rest == "" or rest[0] in "\n.,?!" or rest.split(" ", 1)[0] in _PHRASE_END

    def _spelled(self, view: TextView, cs: int, ce: int) -> bool:
        """A name spelled out: letter by letter with four letters or more ("i p", "b a s" are
        acronyms), or in the phonetic alphabet ("t for tango a for alpha")."""
        if ce - cs < 2:
            return False
        s, e = view.to_original(cs, ce)
        if e - s <= ce - cs:
            return False
        said = view.original[s:e]
        if _PHONETIC.search(said):
            return True
        said = _SPELLED_PUNCT.sub(" ", said)  # "a l dash r a s h i d"
        return ce - cs >= 4 and _LETTERS.match(said) is not None

    def _score(self, toks, before: str, before_word: str, after: str, gap: int, spelled: bool) -> float:  # noqa: ANN001
        infos = [t[1] for t in toks if t[1] is not None]
        strong = _ends_with_cue(before, STRONG_BEFORE) is not None
        weak = _ends_with_cue(before, self.cues_before) is not None
        cue_after = any(after.startswith(c + " ") or after == c for c in CUES_AFTER) or after.startswith("'s")
        near_person = 0 <= gap <= 30
        if spelled and (weak or near_person or len(toks) > 1):
            return 0.85
        if not infos:
            return 0.0
        unambiguous = [x for x in infos if not x[3]]
        given = any(x[0] for x in unambiguous)
        surname_pair = len(toks) >= 2 and (infos[0][0] or infos[0][1]) and infos[-1][2] and bool(unambiguous)
        if before_word in NOT_BEFORE and not strong and not surname_pair:
            return 0.0  # "in penrith", "from marsden": a place, most likely
        if len(toks) == 1 and (toks[0][0] in _COMMON or toks[0][0] in ENDEARMENTS) and not _NAME_CUE_END.search(before):
            return 0.0  # "my boss said …", "hi mate": a word after a cue, not a name
        if strong or (weak and unambiguous) or (cue_after and unambiguous and given):
            return 0.9 if unambiguous else 0.8
        if surname_pair:
            return 0.85
        if len(toks) == 1 and given:
            return 0.7
        if near_person and unambiguous:
            return 0.7  # "kim lam … and lien lam"
        return 0.0
