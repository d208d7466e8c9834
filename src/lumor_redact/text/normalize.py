"""Spoken-form normalization: STT text -> canonical view with an exact offset map.

The canonical view is what rule detectors read. It is the original, lowercased, with:
- spoken numbers as digits: "oh four one two double seven" -> "041277", "nineteen eighty
  five" -> "1985", "forty one eleven" -> "4111", "two thousand and six" -> "2006",
  "plus six one" -> "+61", ordinals "twenty third" -> "23";
- groups said with pauses kept apart by one space ("oh four two one, five five eight" ->
  "0421 558"), fillers inside a number dropped ("four one one um one one" -> "41111");
- self-corrections resolved ("oh four one two no sorry oh four one three" -> "0413"), the
  corrected-away digits folded into the first character of the correction so a match on
  the corrected number covers, and masks, both;
- misheard digits ("for", "to") read as digits only between two other number items;
- spelled letters joined ("s a r a h" -> "sarah", "b for bravo" -> "b");
- spoken emails and web addresses joined ("sarah underscore nguyen at gmail dot com dot au"
  -> "sarah_nguyen@gmail.com.au").

Everything else is copied character for character. The normalizer is pure and linear in the
input: each token is visited a bounded number of times.
"""
from __future__ import annotations

import re


from lumor_redact.text.spoken import (
    ADDRESS_JOINERS, CORRECTION_HEADS, CORRECTIONS, FILLERS, HOMOPHONES, NUMBER_JOINERS,
    ORDINAL_UNITS, ORDINALS, REPEATS, TEENS, TENS, TLDS, UNITS, WEAK_UNITS,
)
from lumor_redact.text.view import TextView

_WORD, _DIGITS, _SPACE, _PUNCT = 0, 1, 2, 3
_MAX_GAP_WORDS = 4  # filler/correction words allowed between two items of one number
# Bounds that keep the normalizer linear on pathological input ("a a a a …", "x dot x dot …"):
# no entity is longer than these, so a scan that fails never rescans more than a bounded stretch.
_MAX_LETTERS = 40
_SPELLED_PUNCT = {"dash": "-", "hyphen": "-", "apostrophe": "'"}
_MAX_RUN_DIGITS = 64
_MAX_CHAIN = 12
# Words before "at" that name a place on the web, not a mailbox ("log in at", "the portal at").
NOT_A_MAILBOX = frozenset({
    "us", "portal", "website", "site", "page", "link", "online", "password", "app", "it", "them", "here",
    "there", "that", "this", "go", "in", "login", "visit", "find", "available", "form", "book", "booking",
    "details", "info", "information", "account", "dashboard", "store", "shop", "me", "look", "check",
})


# A token is a plain tuple (kind, low, start, end), read as t[0], t[1], t[2], t[3] below; `low`
# is the lowercased word (other kinds keep their text). Tuples, not objects: a transcript has
# hundreds of tokens per call, and building objects was a third of the normalizer's time.
_Token = tuple


# A piece of canonical text: (text, original start, original end). Multi-character pieces
# map every character to the same original span.
Piece = list  # [str, int, int]


# Tokens: word (letters, inner apostrophes) | digit run | whitespace run | any other character.
# One group per class, so `findall` classifies in C; tokens tile the text, so offsets are
# running sums of lengths.
_TOKEN_GROUPS = re.compile(r"([^\W\d_]+(?:['’][^\W\d_]+)*)|(\d+)|(\s+)|(\S)")


def _tokenize(text: str) -> list[_Token]:
    out = []
    append = out.append
    pos = 0
    for w, d, sp, p in _TOKEN_GROUPS.findall(text):
        if w:
            end = pos + len(w)
            append((_WORD, w.lower(), pos, end))
        elif d:
            end = pos + len(d)
            append((_DIGITS, d, pos, end))
        elif sp:
            end = pos + len(sp)
            append((_SPACE, sp, pos, end))
        else:
            end = pos + len(p)
            append((_PUNCT, p, pos, end))
        pos = end
    return out


class SpokenFormNormalizer:
    """Builds the canonical `TextView` of a transcript. Stateless; one instance can be shared."""

    def __call__(self, text: str) -> TextView:
        return _Builder(text).build()


def normalize(text: str) -> TextView:
    """The canonical view of `text` (see module docstring)."""
    return _Builder(text).build()


_STARTERS = frozenset(UNITS) | frozenset(TEENS) | frozenset(TENS) | frozenset(REPEATS) | frozenset(ORDINALS) \
    | FILLERS | {"plus"}


class _Builder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = _tokenize(text)
        self.chars: list[str] = []
        self._chain_dead_until = -1
        self.os: list[int] = []
        self.oe: list[int] = []

    # ----------------------------------------------------------------- output
    def _verbatim(self, start: int, end: int) -> None:
        """Copy original[start:end] lowercased, one canonical character per original one."""
        if start >= end:
            return
        seg = self.text[start:end]
        low = seg.lower()
        if len(low) == len(seg):
            self.chars.append(low)
        else:  # rare: lowercasing changed a length ("İ"); keep such characters as they are
            self.chars.append("".join(c if len(c.lower()) != 1 else c.lower() for c in seg))
        self.os.extend(range(start, end))
        self.oe.extend(range(start + 1, end + 1))

    def _pieces(self, pieces: list[Piece]) -> None:
        for s, a, b in pieces:
            self.chars.append(s)
            k = len(s)
            if k == 1:
                self.os.append(a)
                self.oe.append(b)
            else:
                self.os.extend([a] * k)
                self.oe.extend([b] * k)

    def build(self) -> TextView:
        toks = self.toks
        n = len(toks)
        text_len = len(self.text)
        pos = 0  # original offset up to which output has been written
        i = 0
        starters, joiners = _STARTERS, ADDRESS_JOINERS
        while i < n:
            t = toks[i]
            # the common case, inlined: a word that cannot start anything is copied later in bulk
            if t[0] == _WORD:
                w = t[1]
                if w not in starters and len(w) > 1:
                    nxt = i + 1
                    if nxt < n and toks[nxt][0] == _SPACE and "\n" not in toks[nxt][1]:
                        nxt += 1
                    if not (nxt < n and toks[nxt][1] in joiners):
                        i += 1
                        continue
            elif t[0] != _DIGITS:
                i += 1
                continue
            self._verbatim(pos, t[2])
            pos = t[2]
            if t[1] in FILLERS:
                # "forty one uh pendle way": fillers carry nothing, and rules read past them
                i = self._skip_space(i + 1)
                pos = toks[i][2] if i < n else text_len
                continue
            if t[0] == _WORD and len(t[1]) == 1 and t[1] not in "ai":
                # "d kickett at hotmail dot com": an initial before the mailbox name
                k2 = self._skip_space(i + 1)
                w2 = self._word_at(k2)
                if k2 > i + 1 and w2 is not None and len(w2) > 1:
                    j2, p2 = self._item(k2)
                    chain = self._address_chain(k2, j2, p2 or [[toks[k2][1], toks[k2][2], toks[k2][3]]])
                    if chain is not None and any(p[0] == "@" for p in chain[1]):
                        self._pieces([[t[1], t[2], t[3]]] + chain[1])
                        i = chain[0]
                        pos = toks[i - 1][3]
                        continue
            j, pieces = self._item(i)
            if pieces is None and j > i + 1:
                i = j  # letters that spell nothing: copied as they are
                continue
            chain = self._address_chain(i, j, pieces or [[t[1], t[2], t[3]]])
            if chain is not None:
                j, pieces = chain
            elif pieces is None:
                i += 1
                continue
            self._pieces(pieces)
            i = j
            pos = toks[j - 1][3]
        self._verbatim(pos, text_len)
        os_, oe = self.os, self.oe
        return TextView(self.text, "".join(self.chars), os_, oe)

    # ------------------------------------------------------------ navigation
    def _skip_space(self, k: int, allow_newline: bool = False) -> int:
        toks = self.toks
        if k < len(toks) and toks[k][0] == _SPACE and (allow_newline or "\n" not in toks[k][1]):
            return k + 1
        return k

    def _word_at(self, k: int) -> str | None:
        if k < len(self.toks) and self.toks[k][0] == _WORD:
            return self.toks[k][1]
        return None

    # ------------------------------------------------------------------ items
    def _item(self, i: int) -> tuple[int, list[Piece] | None]:
        """A spoken unit starting at token i: a spelled-letter run or a number run."""
        t = self.toks[i]
        if t[0] == _WORD and len(t[1]) == 1:
            r = self._letter_run(i)
            if r[1] is not None or r[0] > i + 1:
                return r  # a spelled run, or letters that are not one ("a i a"): skip them all
        r = self._number_run(i)
        if r is not None:
            return r
        return i + 1, None

    def _letter_run(self, i: int) -> tuple[int, list[Piece] | None]:
        toks, n = self.toks, len(self.toks)
        pieces: list[Piece] = []
        phonetic = False
        k = i
        while k < n and toks[k][0] == _WORD and len(toks[k][1]) == 1 and len(pieces) < _MAX_LETTERS:
            letter = toks[k][1]
            start, end = toks[k][2], toks[k][3]
            # "b for bravo", "s as in sierra"
            m = self._skip_space(k + 1)
            w = self._word_at(m)
            nxt = None
            if w == "for":
                nxt = self._skip_space(m + 1)
            elif w == "as" and self._word_at(self._skip_space(m + 1)) == "in":
                nxt = self._skip_space(self._skip_space(m + 1) + 1)
            if nxt is not None:
                cue = self._word_at(nxt)
                if cue is not None and len(cue) > 2 and cue[0] == letter:
                    phonetic = True
                    end = toks[nxt][3]
                    k = nxt
            pieces.append([letter, start, end])
            k += 1
            # next letter: separated by one space run or one hyphen
            if k < n and toks[k][0] == _SPACE and "\n" not in toks[k][1]:
                k2 = k + 1
            elif k < n and toks[k][1] == "-":
                k2 = k + 1
            else:
                break
            if k2 < n and toks[k2][0] == _WORD and len(toks[k2][1]) == 1:
                # a lone "a"/"i" after a spelled run is usually the next word, not a letter
                k = k2
                continue
            # "a l dash r a s h i d", "o apostrophe b r i e n": a spelled name's punctuation
            sym = _SPELLED_PUNCT.get(self._word_at(k2) or "")
            k3 = self._skip_space(k2 + 1) if sym else k2
            if sym and len(pieces) < _MAX_LETTERS and k3 > k2 + 1 and self._word_at(k3) is not None \
                    and len(toks[k3][1]) == 1:
                pieces.append([sym, toks[k2][2], toks[k2][3]])
                k = k3
                continue
            break
        letters = "".join(p[0] for p in pieces if p[0].isalpha())
        if phonetic or (len(pieces) >= 2 and not set(letters) <= {"a", "i"}):
            return k, pieces
        return (k, None) if len(pieces) >= 2 else (i + 1, None)

    # ----------------------------------------------------------- number runs
    def _group(self, k: int) -> tuple[int, str, bool, bool] | None:
        """One number group at token k: (next token, digits, written?, ordinal?)."""
        toks, n = self.toks, len(self.toks)
        if k >= n:
            return None
        t = toks[k]
        if t[0] == _DIGITS:
            if k + 1 < n and toks[k + 1][0] == _WORD and toks[k + 1][1] in ("st", "nd", "rd", "th"):
                return None  # "12th": a written ordinal, leave it as it is
            return k + 1, t[1], True, False
        if t[0] != _WORD:
            return None
        w = t[1]
        if w in REPEATS:
            m = self._skip_space(k + 1)
            u = self._word_at(m)
            if u in UNITS:
                return m + 1, UNITS[u] * REPEATS[w], False, False
            if m < n and toks[m][0] == _DIGITS and len(toks[m][1]) == 1:
                return m + 1, toks[m][1] * REPEATS[w], False, False
            return None
        if w in ORDINALS:
            return k + 1, str(ORDINALS[w]), False, True
        value: int | None = None
        end = k + 1
        if w in UNITS and w not in WEAK_UNITS:
            value = int(UNITS[w])
        elif w in TEENS:
            value = TEENS[w]
        elif w in TENS:
            value = TENS[w]
            m = self._skip_space(k + 1)
            if m == k + 1 and m < n and toks[m][1] == "-":
                m += 1
            u = self._word_at(m)
            if u in UNITS and u not in WEAK_UNITS and u != "zero":
                value += int(UNITS[u])
                end = m + 1
            elif u in ORDINAL_UNITS:
                return m + 1, str(value + ORDINAL_UNITS[u]), False, True
        elif w in UNITS:  # weak unit: "oh", "o"
            return k + 1, UNITS[w], False, False
        if value is None:
            return None
        # "three hundred and fifty", "two thousand and six", "twenty five thousand"
        m = self._skip_space(end)
        w2 = self._word_at(m)
        if w2 == "hundred" and value < 100:
            value *= 100
            end, rest = self._and_rest(m + 1, 99)
            value += rest
            m = self._skip_space(end)
            w2 = self._word_at(m)
        if w2 == "thousand" and value < 1000:
            value *= 1000
            end, rest = self._and_rest(m + 1, 999)
            value += rest
        return end, str(value), False, False

    def _and_rest(self, k: int, limit: int) -> tuple[int, int]:
        """After "hundred"/"thousand": an optional "and" and the remainder (<= limit).

        Without "and", a bare digit is the next digit, not part of this number: Australians
        say "three hundred and one", and "one three hundred one two …" is a 1300 number.
        """
        m = self._skip_space(k)
        has_and = self._word_at(m) == "and"
        if has_and:
            m = self._skip_space(m + 1)
        g = self._small(m, limit)
        if g is None or (not has_and and self._word_at(m) in UNITS):
            return k, 0
        return g

    def _small(self, k: int, limit: int) -> tuple[int, int] | None:
        w = self._word_at(k)
        if w is None:
            return None
        if w in UNITS and w not in WEAK_UNITS and w != "zero":
            val, end = int(UNITS[w]), k + 1
        elif w in TEENS:
            val, end = TEENS[w], k + 1
        elif w in TENS:
            val, end = TENS[w], k + 1
            m = self._skip_space(k + 1)
            u = self._word_at(m)
            if u in UNITS and u not in WEAK_UNITS and u != "zero":
                val += int(UNITS[u])
                end = m + 1
        else:
            return None
        if limit >= 100:
            m = self._skip_space(end)
            if self._word_at(m) == "hundred" and val < 10:
                val *= 100
                end2, rest = self._and_rest(m + 1, 99)
                return end2, val + rest
        return (end, val) if val <= limit else None

    def _number_run(self, i: int) -> tuple[int, list[Piece]] | None:
        toks, n = self.toks, len(self.toks)
        prefix: list[Piece] = []
        k = i
        if toks[i][1] == "plus":
            m = self._skip_space(i + 1)
            if self._group(m) is None:
                return None
            prefix = [["+", toks[i][2], toks[i][3]]]
            k = m
        g = self._group(k)
        if g is None:
            return None
        end, digits, written, ordinal = g
        if ordinal:
            return end, [[digits, toks[k][2], toks[end - 1][3]]]
        segments: list[list[Piece]] = [prefix + self._digit_pieces(k, end, digits, written)]
        items = 1
        prev_written = written
        while sum(len(seg) for seg in segments) < _MAX_RUN_DIGITS:
            gap = self._gap(end)
            if gap is None:
                break
            nk, joiner, has_comma, correction, gap_start, gap_end = gap
            g2 = self._group(nk)
            if g2 is None or g2[3]:
                w = self._word_at(nk)
                if w in HOMOPHONES and joiner == "" and not prev_written and self._spoken_digit_follows(nk + 1):
                    g2 = (nk + 1, HOMOPHONES[w], False, False)
                else:
                    break
            e2, d2, w2, _ = g2
            if joiner:
                sep = joiner
            elif has_comma or prev_written or w2:
                sep = " "
            else:
                sep = ""
            pieces = self._digit_pieces(nk, e2, d2, w2)
            if correction:
                segments.append(pieces)
                segments[-1][0][1] = gap_start  # marker folds into the correction
            else:
                if sep:
                    segments[-1].append([sep, gap_start, gap_end])
                segments[-1].extend(pieces)
            items += 1
            end, prev_written = e2, w2
        if items == 1 and toks[k][0] == _WORD and toks[k][1] in WEAK_UNITS:
            return None  # "oh" alone is an interjection
        return end, self._resolve_corrections(segments)

    def _spoken_digit_follows(self, k: int) -> bool:
        """A spoken single digit after token k, past spaces and one comma ("seven for, nine")."""
        k = self._skip_space(k)
        if k < len(self.toks) and self.toks[k][1] == ",":
            k = self._skip_space(k + 1)
        w = self._word_at(k)
        return w is not None and (w in UNITS or w in REPEATS)

    def _digit_pieces(self, k: int, end: int, digits: str, written: bool) -> list[Piece]:
        toks = self.toks
        if written:
            s = toks[k][2]
            return [[c, s + j, s + j + 1] for j, c in enumerate(digits)]
        # one piece per digit, each standing for the whole group ("double five", "forty one"),
        # so corrections can count digits
        s, e = toks[k][2], toks[end - 1][3]
        return [[c, s, e] for c in digits]

    def _gap(self, k: int) -> tuple[int, str, bool, bool, int, int] | None:
        """What lies between two number items, if it may lie inside one number."""
        toks, n = self.toks, len(self.toks)
        start = toks[k][2] if k < n else len(self.text)
        joiner, comma, correction, words = "", False, False, 0
        m = k
        while m < n:
            t = toks[m]
            if t[0] == _SPACE:
                if "\n" in t[1]:
                    return None
            elif t[0] == _PUNCT:
                tight = 0 < m < n - 1 and toks[m + 1][0] == _DIGITS and toks[m - 1][0] == _DIGITS
                if t[1] == "," and tight and not joiner:
                    joiner = ","  # "1,150": a thousands separator, part of the number
                elif t[1] == ",":
                    comma = True
                elif t[1] in "-/." and not joiner:
                    # written separators only tight between digits ("062-692", "203.51")
                    if t[1] == "-" or tight:
                        joiner = t[1]
                    else:
                        return None
                else:
                    return None
            elif t[0] == _WORD:
                w = t[1]
                if w in FILLERS:
                    words += 1
                elif w in CORRECTIONS and (correction or w in CORRECTION_HEADS):
                    correction = True
                    words += 1
                elif w in NUMBER_JOINERS and not joiner:
                    joiner = NUMBER_JOINERS[w]
                    words += 1
                else:
                    break
                if words > _MAX_GAP_WORDS:
                    return None
            else:
                break
            m += 1
        if m == k or m >= n:
            return None
        if joiner and correction:
            return None
        return m, joiner, comma, correction, start, toks[m - 1][3]

    @staticmethod
    def _resolve_corrections(segments: list[list[Piece]]) -> list[Piece]:
        result = segments[0]
        for seg in segments[1:]:
            digits_a = [p for p in result if p[0].strip()]
            digits_b = [p for p in seg if p[0].strip()]
            if len(digits_b) >= len(digits_a):
                seg[0][1] = result[0][1]
                result = seg
            else:
                keep_n = len(result) - len(seg)
                keep = result[:keep_n]
                seg[0][1] = result[keep_n][1] if keep_n < len(result) else seg[0][1]
                result = keep + seg
        return result

    # -------------------------------------------------- emails, web addresses
    def _address_chain(self, i: int, j: int, first: list[Piece]) -> tuple[int, list[Piece]] | None:
        """"x dot y at z dot com" style chains, starting with the item [i, j)."""
        if i < self._chain_dead_until:
            return None  # inside a chain already found to lead nowhere: keeps "x dot x dot …" linear
        toks, n = self.toks, len(self.toks)
        m0 = self._skip_space(j)
        if m0 >= n or (toks[m0][1] not in ADDRESS_JOINERS and toks[m0][1] not in _STARTERS):
            return None  # the common case: no joiner (or digits before one) follows
        capped = False
        out = list(first)
        last_word = self._item_text(first)
        seps: list[str] = []
        labels_after_dot: list[str] = []
        k = j
        if last_word in NOT_A_MAILBOX and self._word_at(self._skip_space(j)) == "at":
            return None  # "find us at …", "the portal at …": what follows is a web address
        while True:
            m = self._skip_space(k)
            if "@" not in seps and m > k:
                # "harrison dot webb ninety four at …": digits said after a name part
                run = self._number_run(m) if m < n and toks[m][0] == _WORD else None
                if run is not None and self._word_at(self._skip_space(run[0])) in ADDRESS_JOINERS:
                    out.extend(run[1])
                    k = run[0]
                    continue
                # "brooke dot tanaka 92 at …": digits written after a name part
                if m < n and toks[m][0] == _DIGITS and self._word_at(self._skip_space(m + 1)) in ADDRESS_JOINERS:
                    out.append([toks[m][1], toks[m][2], toks[m][3]])
                    k = m + 1
                    continue
            w = self._word_at(m)
            if w not in ADDRESS_JOINERS or m >= n:
                break
            nm = self._skip_space(m + 1)
            while self._word_at(nm) in FILLERS:
                nm = self._skip_space(nm + 1)
            if nm >= n or toks[nm][0] not in (_WORD, _DIGITS) or toks[nm][1] in ADDRESS_JOINERS:
                break
            ej, pieces = self._item(nm)
            if pieces is None:
                pieces = [[toks[nm][1], toks[nm][2], toks[nm][3]]]
            sym = ADDRESS_JOINERS[w]
            if (sym == "@" and "@" in seps) or len(seps) >= _MAX_CHAIN:
                capped = True
                break
            seps.append(sym)
            out.append([sym, toks[m][2], toks[m][3]])
            out.extend(pieces)
            labels_after_dot.append(self._item_text(pieces) if sym == "." else "")
            k = ej
            if sym == "@" or (sym == "." and len(seps) == 1 and last_word == "www"):
                # "harbour strata dot com", "www dot acme plumbing dot com": a domain the
                # speaker said as separate words
                for _ in range(2):
                    m2 = self._skip_space(k)
                    w2 = self._word_at(m2)
                    if w2 is None or w2 in ADDRESS_JOINERS or w2 in FILLERS:
                        break
                    if self._word_at(self._skip_space(m2 + 1)) != "dot":
                        break
                    out.append([w2, toks[m2][2], toks[m2][3]])
                    k = m2 + 1
        path_at = seps.index("/") if "/" in seps else len(seps)
        dots = [idx for idx in range(path_at) if seps[idx] == "."]
        # the last "." before any path must lead to a top-level domain, after any "@"
        if not dots or labels_after_dot[dots[-1]] not in TLDS or ("@" in seps and seps.index("@") > dots[-1]):
            if seps and not capped:
                self._chain_dead_until = k  # a later start in this chain ends the same way
            return None
        return k, out

    @staticmethod
    def _item_text(pieces: list[Piece]) -> str:
        return "".join(p[0] for p in pieces)
