"""Australian street addresses: unit/number, street and type, suburb, state, postcode."""
from __future__ import annotations

import regex

from lumor_redact.detect.base import Detector, register_detector
from lumor_redact.entities import Candidate
from lumor_redact.text.view import TextView

STREET_TYPES = (
    "street", "st", "road", "rd", "avenue", "ave", "av", "parade", "pde", "crescent", "cres", "close", "cl",
    "way", "drive", "dr", "lane", "ln", "place", "pl", "court", "ct", "terrace", "tce", "highway", "hwy",
    "boulevard", "blvd", "boulevarde", "grove", "gr", "circuit", "cct", "square", "sq", "esplanade", "esp",
    "promenade", "row", "mews", "rise", "track", "walk", "loop", "view", "vista", "glen", "gardens", "green",
    "heights", "ridge", "outlook", "crest", "chase", "link", "quay", "wharf", "pass", "bypass", "freeway",
    "motorway", "alley", "arcade", "concourse", "retreat", "parkway", "strand", "circle", "crossing",
    "approach", "cove", "mall", "plaza", "point", "reserve", "trail", "wynd", "brae", "bend", "dale",
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
_ALT = lambda words: "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))  # noqa: E731
_ADDRESS = regex.compile(
    r"(?<![\w])"
    r"(?:(?:unit|apartment|apt|flat|suite|shop|lot|villa|townhouse) ?\d{1,4}[a-z]?(?:,? |/| / )(?=\d|[a-z]))?"
    r"(?:\d{1,5}[a-z]?/)?\d{1,5}[a-z]?(?:-\d{1,5})?,? "      # the street number is required
    r"(?:(?!(?:" + _ALT(STOP) + r")\b)[a-z][a-z'\-]*\.? ){1,3}?"
    r"(?:" + _ALT(STREET_TYPES) + r")\.?(?![\w'])"
    r"(?:,? (?!(?:" + _ALT(STOP + STREET_TYPES) + r")(?![\w']))[a-z][a-z'\-]*){0,3}"
    r"(?:,? (?:" + _ALT(STATES) + r")(?![\w']))?"
    r"(?:,? \d{4}(?!\d))?",
    regex.V0)
_PO_BOX = regex.compile(r"(?<![\w])(?:po|p o|post office) box \d{1,6}(?:,? [a-z][a-z'\-]*){0,3}?(?:,? (?:" + _ALT(STATES) + r"))?(?:,? \d{4})?(?!\d)")


@register_detector("street_address")
class StreetAddressDetector(Detector):
    labels = frozenset({"STREET_ADDRESS"})

    def detect(self, view: TextView) -> list[Candidate]:
        canon = view.canonical
        out: list[Candidate] = []
        for pat, score in ((_ADDRESS, 0.85), (_PO_BOX, 0.8)):
            for m in pat.finditer(canon, timeout=0.25):
                s, e = view.to_original(m.start(), m.end())
                out.append(Candidate("STREET_ADDRESS", s, e, score, self.name))
        return out
