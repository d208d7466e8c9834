"""Australian street addresses: unit/number, street and type, suburb, state, postcode."""
from __future__ import annotations

import re

from lumor_redact.detect.base import Detector, register_detector
from lumor_redact.entities import Candidate
from lumor_redact.text.view import TextView

STREET_TYPES = (
    "street", "st", "road", "rd", "avenue", "ave", "av", "parade", "pde", "crescent", "cres", "close", "cl",
    "way", "drive", "dr", "lane", "ln", "place", "pl", "court", "ct", "terrace", "tce", "highway", "hwy",
    "boulevard", "blvd", "boulevarde", "grove", "gr", "circuit", "cct", "square", "sq", "esplanade", "esp",
    "promenade", "mews", "glen", "gardens", "heights", "ridge", "quay", "wharf", "bypass", "freeway",
    "motorway", "alley", "arcade", "concourse", "parkway", "strand", "plaza", "wynd", "brae",
)
STATES = ("nsw", "vic", "qld", "wa", "sa", "tas", "act", "nt", "new south wales", "victoria", "queensland",
          "western australia", "south australia", "tasmania", "northern territory")
# Words that end a suburb: function words and call chatter, never part of a place name.
STOP = (
    "and", "but", "so", "or", "is", "it's", "its", "yeah", "yep", "yes", "please", "thanks", "thank", "for",
    "with", "on", "at", "in", "near", "next", "to", "the", "a", "an", "i", "i'm", "we", "we're", "my", "our",
    "your", "he", "she", "they", "it", "that", "that's", "this", "if", "just", "um", "uh", "er", "like", "then",
    "now", "there", "here", "can", "could", "would", "will", "what", "when", "where", "how", "do", "does",
    "did", "be", "been", "was", "were", "are", "am", "has", "have", "had", "not", "no", "ok", "okay", "cool",
    "great", "right", "mate", "sorry", "agent", "caller", "of", "up", "off", "out", "from", "by", "as",
    "also", "too", "still", "already", "since", "because", "behind", "opposite", "corner", "between",
    "after", "before", "about", "around", "today", "tomorrow", "tonight", "morning", "afternoon",
    "evening", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "unit",
    "number", "phone", "mobile", "postcode", "first", "second", "floor", "level", "ground", "above",
    "below", "upstairs", "downstairs", "entrance", "gate", "out", "front", "back", "side", "is", "that'll",
    "which", "who", "you", "you're", "me", "him", "her", "them", "their", "his", "see", "thats", "cheers",
    "lovely", "perfect", "awesome", "sweet", "all", "any", "some", "one", "two", "three", "shop",
)
_ALT = lambda words: "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # noqa: E731
_ADDRESS = re.compile(
    r"(?<![\w])"
    r"(?:(?:unit|apartment|apt|flat|suite|shop|lot|villa|townhouse) ?\d{1,4}[a-z]?(?:,? |/| / )"
    r"(?:\d{1,5}[a-z]?(?:-\d{1,5})?,? )?"               # "unit 4, 27 high st" or "unit 427 high st"
    r"|(?:\d{1,5}[a-z]?/)?\d{1,5}[a-z]?(?:-\d{1,5})?,? )"  # "7/118 bay st", "42 railway pde"
    r"(?:the |(?:(?!(?:" + _ALT(STOP) + r")\b)[a-z][a-z'\-]*\.? ){1,3}?)"   # "88 the boulevarde"
    r"(?:" + _ALT(STREET_TYPES) + r")\.?(?![\w'])"
    r"(?:,? (?!(?:" + _ALT(STOP) + "|" + _ALT(STATES) + r")(?![\w']))[a-z][a-z'\-]*){0,3}"   # suburb: "glen waverley", "st kilda"
    r"(?:,? (?:" + _ALT(STATES) + r")(?![\w']))?"
    r"(?:,? \d{4}(?! ?[1-9]))?",   # a postcode, not the first group of a landline ("9876 5432")
    )
# After an address: a suburb word or two that the address pattern stopped at (it ends a suburb
# at a state name: "victoria park wa 6100"), then a state or a postcode.
_STATE_TAIL = re.compile(
    r"(?:,? (?!(?:" + _ALT(STOP) + r")(?![\w']))[a-z][a-z'\-]*){0,2}?"
    r"(?:,? (?:" + _ALT(STATES) + r")(?![\w'])(?:,? \d{4}(?! ?[1-9]))?|,? \d{4}(?! ?[1-9]))")   # not a landline's first group
_STREET_WORD = re.compile(r"(?<![\w'])(?:" + _ALT(STREET_TYPES) + r")(?![\w'])")
_PO_BOX = re.compile(
    r"(?<![\w])(?:po|p o|post office) box \d{1,6}"
    r"(?:,? (?!(?:" + _ALT(STOP) + "|" + _ALT(STATES) + r")(?![\w']))[a-z][a-z'\-]*){0,3}"   # the suburb
    r"(?:,? (?:" + _ALT(STATES) + r")(?![\w']))?(?:,? \d{4}(?! ?[1-9]))?(?!\d)")


# A business giving its own address is not giving personal information.
# "we're at …" is the business's premises when the agent says it, the caller's home when the
# caller does: bare "we're/we are" counts only on lines that are not the caller's.
_WE_ARE = re.compile(r"(?<![\w'])(?:we're|we are)(?: at| on| in)?[ ,]*(?:\w+[ ,]+){0,3}$")
_CALLER_LINE = re.compile(r"(?:^|\n)\s*(?:caller|customer|client)\s*:[^\n]*$")
_PREMISES_NOUNS = ("clinic", "office", "shop", "store", "showroom", "practice", "surgery", "studio", "gym", "salon",
                   "workshop", "warehouse", "branch", "address")


def premises_phrases(extra_nouns: tuple[str, ...] = ()) -> str:
    """The phrases a business introduces its own premises with ("our clinic is", "find us at"),
    as a regex alternation; the places detector adds nouns of its own ("head office")."""
    nouns = "|".join(re.escape(n) for n in _PREMISES_NOUNS + extra_nouns)
    return (rf"we're located|we are located|located|our (?:{nouns})(?: is)?|pop into|come (?:in|into|down) to|"
            r"find us|visit us")


_OWN_PREMISES = re.compile(r"(?<![\w'])(?:" + premises_phrases() + r")(?: at| on| in)?[ ,]*(?:\w+[ ,]+){0,3}$")


_THE_SUBURB = re.compile(r",? (the [a-z]+(?: [a-z]+)?)(?![\w'])")


def _the_suburb_end(canon: str, end: int) -> int:
    """A suburb that starts with "the" ("the rocks", "the entrance", "the gap"): the suburb
    pattern stops at "the", so a known place of that shape is added here."""
    m = _THE_SUBURB.match(canon, end)
    if m is None:
        return end
    from lumor_redact.detect.places import place_table

    words = tuple(m.group(1).split())
    options = place_table().get("the", {})
    for k in (3, 2):
        if words[:k] in options:
            return m.start(1) + len(" ".join(words[:k]))
    return end


@register_detector("street_address")
class StreetAddressDetector(Detector):
    labels = frozenset({"STREET_ADDRESS"})

    def detect(self, view: TextView) -> list[Candidate]:
        canon = view.canonical
        out: list[Candidate] = []
        has_street = _STREET_WORD.search(canon) is not None
        for pat, score in ((_ADDRESS, 0.85), (_PO_BOX, 0.8)):
            if pat is _ADDRESS and not has_street or pat is _PO_BOX and "box" not in canon:
                continue
            for m in pat.finditer(canon):
                before = canon[max(0, m.start() - 40):m.start()]
                own = _OWN_PREMISES.search(before) is not None or (
                    _WE_ARE.search(before) is not None
                    and _CALLER_LINE.search(canon, max(0, m.start() - 200), m.start()) is None)
                end = m.end()
                if pat is _ADDRESS:
                    end = _the_suburb_end(canon, end)
                    tail = _STATE_TAIL.match(canon, end)
                    if tail is not None:
                        end = tail.end()
                s, e = view.to_original(m.start(), end)
                out.append(Candidate("STREET_ADDRESS", s, e, 0.4 if own else score, self.name))
        return out
