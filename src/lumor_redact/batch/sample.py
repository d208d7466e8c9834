"""A built-in sample: deterministic synthetic call transcripts with personal information.

Every value is made up here from small word lists and a seeded generator: Luhn-valid card
numbers, check-digit-valid Medicare numbers, mobile and landline numbers, names, emails,
street addresses, dates of birth and health mentions, in two styles an STT engine prints:
"spoken" (lowercase, numbers as words: "four five three two …", "jane dot citizen at example
dot com") and "formatted" (smart format: "4532 1111 1111 1112", "jane.citizen@example.com").

    lumor-redact batch --sample -o out/      # writes out/sample-input/ and redacts it into out/

`write_sample(dir)` writes one JSONL file of calls plus one call in each of the other formats
the batch command reads (WebVTT, SRT, Deepgram, AssemblyAI, AWS Transcribe JSON), so a fresh
machine can run the batch job end to end. The builders (`to_vtt`, `to_deepgram`, …) turn any
`Call` into those formats; tests use them as fixtures.
"""
from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

__all__ = ["Call", "Turn", "generate_calls", "write_sample", "to_record", "to_vtt", "to_srt",
           "to_deepgram", "to_assemblyai", "to_aws", "SAMPLE_SEED", "SAMPLE_SIZE"]

SAMPLE_SEED = 20240611
SAMPLE_SIZE = 300

FIRST = ["olivia", "liam", "charlotte", "noah", "amelia", "jack", "isla", "william", "mia", "oliver",
         "ava", "henry", "grace", "lucas", "chloe", "thomas", "zoe", "james", "ruby", "leo", "priya",
         "mohammed", "mei", "arjun", "sofia", "nguyen", "aisha", "daniel", "hannah", "samuel"]
LAST = ["smith", "jones", "williams", "brown", "wilson", "taylor", "nguyen", "johnson", "martin",
        "white", "anderson", "walker", "thompson", "harris", "lee", "ryan", "robinson", "kelly",
        "king", "campbell", "patel", "chen", "singh", "kowalski", "papadopoulos", "murphy"]
STREETS = ["wattle", "banksia", "kurrajong", "jacaranda", "ironbark", "bottlebrush", "waratah",
           "grevillea", "melaleuca", "casuarina", "boronia", "tallowwood"]
STREET_TYPES = ["street", "road", "avenue", "drive", "crescent", "place", "court", "parade"]
SUBURBS = [("parramatta", "nsw", "2150"), ("fitzroy", "vic", "3065"), ("toowong", "qld", "4066"),
           ("glenelg", "sa", "5045"), ("subiaco", "wa", "6008"), ("sandy bay", "tas", "7005"),
           ("braddon", "act", "2612"), ("nightcliff", "nt", "0810"), ("newtown", "nsw", "2042"),
           ("brunswick", "vic", "3056")]
DOMAINS = ["example.com", "example.net", "example.org", "mail.example.com.au"]
CONDITIONS = ["type two diabetes", "asthma", "high blood pressure", "depression", "anxiety",
              "a heart condition", "sleep apnoea", "arthritis in my knee", "epilepsy", "migraines"]
MEDICATIONS = ["metformin", "ventolin", "insulin", "sertraline", "warfarin", "atorvastatin"]
COMPANIES = ["harbourside energy", "bluegum insurance", "coastal health fund", "southern cross telco",
             "wattle bank"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
FILLER = [
    "um yeah that's right", "okay no worries", "sorry can you say that again", "uh let me just check",
    "thanks for waiting", "i've been with you for a few years now", "the last bill was a bit higher than usual",
    "i was hoping to sort this out today", "that's fine", "is there anything else i can help with",
    "i'll just pull up your account", "the system is a little slow today sorry", "yep got it",
    "can i put you on hold for a moment", "and the reason for the call today", "perfect thank you",
]
DIGITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
ONES = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
        "eighteenth", "nineteenth", "twentieth"]
TENS = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}
SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    label: str


@dataclass(slots=True)
class Turn:
    speaker: str          # "agent" | "caller"
    text: str
    spans: list[Span] = field(default_factory=list)   # offsets into `text`


@dataclass(slots=True)
class Call:
    id: str
    style: str            # "spoken" | "formatted"
    turns: list[Turn]

    @property
    def text(self) -> str:
        return "\n".join(f"{t.speaker}: {t.text}" for t in self.turns)

    def spans(self) -> list[dict[str, Any]]:
        out, pos = [], 0
        for t in self.turns:
            off = pos + len(t.speaker) + 2
            out.extend({"start": off + s.start, "end": off + s.end, "label": s.label} for s in t.spans)
            pos += len(t.speaker) + 2 + len(t.text) + 1
        return out


# ----------------------------------------------------------------------------- values
def _luhn_complete(prefix: str, length: int, rng: random.Random) -> str:
    body = prefix + "".join(str(rng.randrange(10)) for _ in range(length - len(prefix) - 1))
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


def _medicare(rng: random.Random) -> str:
    first8 = [rng.randint(2, 6)] + [rng.randrange(10) for _ in range(7)]
    check = sum(d * w for d, w in zip(first8, (1, 3, 7, 9, 1, 3, 7, 9))) % 10
    return "".join(map(str, first8)) + str(check) + str(rng.randint(1, 9))


def _spoken_digits(digits: str, rng: random.Random) -> str:
    """Digit by digit, with the 'oh' and 'double' that callers say."""
    words: list[str] = []
    i = 0
    while i < len(digits):
        d = digits[i]
        if i + 1 < len(digits) and digits[i + 1] == d and rng.random() < 0.3:
            words.append("double " + ("oh" if d == "0" else DIGITS[int(d)]))
            i += 2
            continue
        words.append("oh" if d == "0" and rng.random() < 0.7 else DIGITS[int(d)])
        i += 1
    return " ".join(words)


def _number_words(n: int) -> str:
    if n < 20:
        return SMALL[n]
    t, o = divmod(n, 10)
    return TENS[t] + ("" if o == 0 else " " + SMALL[o])


def _year_words(y: int) -> str:
    hi, lo = divmod(y, 100)
    if lo == 0:
        return _number_words(hi) + " hundred"
    return _number_words(hi) + " " + ("oh " + SMALL[lo] if lo < 10 else _number_words(lo))


def _ordinal(d: int) -> str:
    if d <= 20:
        return ONES[d]
    t, o = divmod(d, 10)
    return TENS[t] + (" " + ONES[o] if o else "")


# ----------------------------------------------------------------------------- turns
class _TurnBuilder:
    def __init__(self, speaker: str) -> None:
        self.speaker = speaker
        self.parts: list[str] = []
        self.spans: list[Span] = []
        self.pos = 0

    def say(self, s: str, label: str | None = None) -> "_TurnBuilder":
        if self.parts:
            self.parts.append(" ")
            self.pos += 1
        if label:
            self.spans.append(Span(self.pos, self.pos + len(s), label))
        self.parts.append(s)
        self.pos += len(s)
        return self

    def glue(self, s: str) -> "_TurnBuilder":
        """Punctuation attached to the previous word."""
        self.parts.append(s)
        self.pos += len(s)
        return self

    def build(self) -> Turn:
        return Turn(self.speaker, "".join(self.parts), self.spans)


class _CallMaker:
    def __init__(self, rng: random.Random, style: str) -> None:
        self.rng = rng
        self.style = style
        self.spoken = style == "spoken"

    def w(self, s: str) -> str:
        """A fixed phrase in the call's style."""
        return s if self.spoken else s[:1].upper() + s[1:]

    def end(self, t: _TurnBuilder, mark: str = ".") -> _TurnBuilder:
        if not self.spoken:
            t.glue(mark)
        return t

    def name(self, first: str, last: str) -> str:
        return f"{first} {last}" if self.spoken else f"{first.title()} {last.title()}"

    def card(self) -> tuple[str, str]:
        rng = self.rng
        num = _luhn_complete(rng.choice(["4", "51", "52", "53", "54", "55"]), 16, rng)
        mm, yy = rng.randint(1, 12), rng.randint(25, 31)
        if self.spoken:
            return _spoken_digits(num, rng), f"{'oh ' + SMALL[mm] if mm < 10 else _number_words(mm)} {_number_words(yy)}"
        return " ".join(num[i:i + 4] for i in range(0, 16, 4)), f"{mm:02d}/{yy:02d}"

    def phone(self) -> str:
        rng = self.rng
        if rng.random() < 0.7:
            num = "04" + "".join(str(rng.randrange(10)) for _ in range(8))
            fmt = f"{num[:4]} {num[4:7]} {num[7:]}"
        else:
            num = "0" + rng.choice("2378") + "5550" + "".join(str(rng.randrange(10)) for _ in range(4))
            fmt = f"({num[:2]}) {num[2:6]} {num[6:]}"
        return _spoken_digits(num, rng) if self.spoken else fmt

    def email(self, first: str, last: str) -> str:
        rng = self.rng
        sep = rng.choice([".", "_", ""])
        local = f"{first}{sep}{last}" + (str(rng.randint(1, 99)) if rng.random() < 0.3 else "")
        dom = rng.choice(DOMAINS)
        if not self.spoken:
            return f"{local}@{dom}"
        said = local.replace(".", " dot ").replace("_", " underscore ")
        said = " ".join(_spoken_digits(tok, rng) if tok.isdigit() else tok
                        for tok in _split_alnum(said))
        return f"{said} at {dom.replace('.', ' dot ')}"

    def address(self) -> str:
        rng = self.rng
        n = rng.randint(1, 180)
        street, stype = rng.choice(STREETS), rng.choice(STREET_TYPES)
        suburb, state, pc = rng.choice(SUBURBS)
        if self.spoken:
            return f"{_number_words(n) if n < 100 else _spoken_digits(str(n), rng)} {street} {stype} {suburb}"
        return f"{n} {street.title()} {stype.title()}, {suburb.title()} {state.upper()} {pc}"

    def medicare(self) -> str:
        num = _medicare(self.rng)
        return _spoken_digits(num, self.rng) if self.spoken else f"{num[:4]} {num[4:9]} {num[9]}"

    def dob(self) -> str:
        rng = self.rng
        d, m, y = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1940, 2004)
        if self.spoken:
            return f"the {_ordinal(d)} of {MONTHS[m - 1]} {_year_words(y)}"
        return f"{d:02d}/{m:02d}/{y}"


def _split_alnum(s: str) -> list[str]:
    out: list[str] = []
    for tok in s.split():
        cur = ""
        for ch in tok:
            if cur and (ch.isdigit() != cur[-1].isdigit()):
                out.append(cur)
                cur = ""
            cur += ch
        if cur:
            out.append(cur)
    return out


def _make_call(i: int, rng: random.Random, style: str, words: int | None) -> Call:
    m = _CallMaker(rng, style)
    first, last = rng.choice(FIRST), rng.choice(LAST)
    agent = rng.choice(FIRST)
    company = rng.choice(COMPANIES)
    T = _TurnBuilder
    turns: list[Turn] = []
    a = T("agent").say(m.w("thanks for calling")).say(company if m.spoken else company.title())
    m.end(a, ",").say("my name is").say(agent if m.spoken else agent.title(), "PERSON")
    m.end(a, ",").say("how can i help" if m.spoken else "how can I help")
    turns.append(m.end(a, "?").build())
    c = T("caller").say(m.w("hi")).say("it's" if m.spoken else "it's").say(m.name(first, last), "PERSON")
    turns.append(m.end(c).build())
    topics = ["card", "phone", "email", "address", "medicare", "dob", "health"]
    rng.shuffle(topics)
    for topic in topics[: rng.randint(3, len(topics))]:
        if topic == "card":
            turns.append(m.end(T("agent").say(m.w("can i get the card number please") if m.spoken
                                              else "Can I get the card number, please"), "?").build())
            num, exp = m.card()
            c = T("caller").say(m.w("yeah it's")).say(num, "CREDIT_CARD")
            m.end(c, ",").say("expiry").say(exp, "CARD_EXPIRY")
            turns.append(m.end(c).build())
        elif topic == "phone":
            c = T("caller").say(m.w("you can reach me on")).say(m.phone(), "PHONE_NUMBER")
            turns.append(m.end(c).build())
        elif topic == "email":
            c = T("caller").say(m.w("my email is")).say(m.email(first, last), "EMAIL_ADDRESS")
            turns.append(m.end(c).build())
        elif topic == "address":
            c = T("caller").say(m.w("i live at") if m.spoken else "I live at").say(m.address(), "STREET_ADDRESS")
            turns.append(m.end(c).build())
        elif topic == "medicare":
            c = T("caller").say(m.w("my medicare number is") if m.spoken else "My Medicare number is")
            c.say(m.medicare(), "AU_MEDICARE")
            turns.append(m.end(c).build())
        elif topic == "dob":
            c = T("caller").say(m.w("my date of birth is")).say(m.dob(), "DATE_OF_BIRTH")
            turns.append(m.end(c).build())
        elif topic == "health":
            c = T("caller").say(m.w("i have") if m.spoken else "I have").say(rng.choice(CONDITIONS), "HEALTH")
            m.end(c, ",").say("i'm on" if m.spoken else "I'm on").say(rng.choice(MEDICATIONS), "HEALTH")
            turns.append(m.end(c).build())
        if rng.random() < 0.5:
            f = T(rng.choice(["agent", "caller"])).say(m.w(rng.choice(FILLER)))
            turns.append(m.end(f).build())
    if words:
        n = sum(len(t.text.split()) for t in turns)
        while n < words:
            phrase = m.w(rng.choice(FILLER))
            f = m.end(T(rng.choice(["agent", "caller"])).say(phrase)).build()
            turns.insert(rng.randint(1, len(turns)), f)
            n += len(f.text.split())
    turns.append(m.end(T("agent").say(m.w("thanks for calling have a great day") if m.spoken
                                      else "Thanks for calling, have a great day"), "!").build())
    return Call(f"call-{i:05d}", style, turns)


def generate_calls(n: int = SAMPLE_SIZE, *, seed: int = SAMPLE_SEED, words: int | None = None) -> Iterator[Call]:
    """`n` synthetic calls, alternating spoken and formatted style; the same seed, the same calls.

    words: pad each call with small talk to at least this many words (benchmarks use 300).
    """
    for i in range(n):
        rng = random.Random(f"{seed}:{i}")   # per-call stream: call i is the same whatever n is
        yield _make_call(i, rng, "spoken" if i % 2 == 0 else "formatted", words)


def to_record(call: Call, *, with_spans: bool = False) -> dict[str, Any]:
    rec: dict[str, Any] = {"id": call.id, "style": call.style, "turns": len(call.turns), "text": call.text}
    if with_spans:
        rec["spans"] = call.spans()
    return rec


# ----------------------------------------------------------------------------- exports
_WORD_S = 0.32


def _timed_words(call: Call) -> list[tuple[int, str, float, float]]:
    """(turn index, display word, start s, end s) for every word of the call."""
    out, t = [], 0.5
    for ti, turn in enumerate(call.turns):
        for w in turn.text.split():
            out.append((ti, w, round(t, 3), round(t + _WORD_S - 0.04, 3)))
            t += _WORD_S
        t += 0.6
    return out


def _stamp(s: float, sep: str) -> str:
    ms = int(round(s * 1000))
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    sec, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{sec:02d}{sep}{ms:03d}"


def _cues(call: Call, per_cue: int = 7) -> list[tuple[float, float, str, str]]:
    words = _timed_words(call)
    cues = []
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and j - i < per_cue and words[j][0] == words[i][0]:
            j += 1
        chunk = words[i:j]
        cues.append((chunk[0][2], chunk[-1][3], call.turns[chunk[0][0]].speaker, " ".join(w[1] for w in chunk)))
        i = j
    return cues


def to_vtt(call: Call) -> str:
    out = ["WEBVTT", "", f"NOTE synthetic call {call.id}", ""]
    for k, (a, b, spk, text) in enumerate(_cues(call), 1):
        out += [str(k), f"{_stamp(a, '.')} --> {_stamp(b, '.')}", f"<v {spk}>{text}", ""]
    return "\n".join(out)


def to_srt(call: Call) -> str:
    out = []
    for k, (a, b, _spk, text) in enumerate(_cues(call), 1):
        out += [str(k), f"{_stamp(a, ',')} --> {_stamp(b, ',')}", text, ""]
    return "\n".join(out)


def _bare(w: str) -> str:
    return w.strip(".,?!").lower()


def to_deepgram(call: Call) -> dict[str, Any]:
    words = _timed_words(call)
    spk = {"agent": 0, "caller": 1}
    dw = [{"word": _bare(w), "start": a, "end": b, "confidence": 0.98, "speaker": spk[call.turns[ti].speaker],
           "speaker_confidence": 0.9, "punctuated_word": w} for ti, w, a, b in words]
    transcript = " ".join(w for _, w, _, _ in words)
    paragraphs, utterances, pos = [], [], 0
    for ti, turn in enumerate(call.turns):
        n = len(turn.text.split())
        tw = dw[pos:pos + n]
        if tw:
            sentences = [{"text": turn.text, "start": tw[0]["start"], "end": tw[-1]["end"]}]
            paragraphs.append({"sentences": sentences, "speaker": spk[turn.speaker], "num_words": n,
                               "start": tw[0]["start"], "end": tw[-1]["end"]})
            utterances.append({"start": tw[0]["start"], "end": tw[-1]["end"], "confidence": 0.98, "channel": 0,
                               "transcript": turn.text, "words": [dict(w) for w in tw],
                               "speaker": spk[turn.speaker], "id": f"{call.id}-u{ti}"})
        pos += n
    ptext = "".join(f"\n\nSpeaker {p['speaker']}: " + " ".join(s["text"] for s in p["sentences"]) for p in paragraphs)
    return {
        "metadata": {"transaction_key": "deprecated", "request_id": f"dg-{call.id}", "sha256": "0" * 64,
                     "created": "2024-06-11T00:00:00.000Z", "duration": words[-1][3] if words else 0.0,
                     "channels": 1, "models": ["synthetic"]},
        "results": {
            "channels": [{"alternatives": [{"transcript": transcript, "confidence": 0.98, "words": dw,
                                            "paragraphs": {"transcript": ptext, "paragraphs": paragraphs}}]}],
            "utterances": utterances,
        },
    }


def to_assemblyai(call: Call) -> dict[str, Any]:
    words = _timed_words(call)
    spk = {"agent": "A", "caller": "B"}
    aw = [{"text": w, "start": int(a * 1000), "end": int(b * 1000), "confidence": 0.97,
           "speaker": spk[call.turns[ti].speaker]} for ti, w, a, b in words]
    utterances, pos = [], 0
    for turn in call.turns:
        n = len(turn.text.split())
        tw = aw[pos:pos + n]
        if tw:
            utterances.append({"confidence": 0.97, "end": tw[-1]["end"], "speaker": spk[turn.speaker],
                               "start": tw[0]["start"], "text": turn.text, "words": [dict(w) for w in tw]})
        pos += n
    return {"id": f"aai-{call.id}", "status": "completed", "language_code": "en_au",
            "audio_url": f"https://audio.example.com/{call.id}.wav",
            "text": " ".join(w["text"] for w in aw), "words": aw, "utterances": utterances,
            "confidence": 0.97, "audio_duration": int(words[-1][3]) + 1 if words else 0,
            "speaker_labels": True, "punctuate": True, "format_text": True}


def to_aws(call: Call) -> dict[str, Any]:
    items: list[dict[str, Any]] = []
    seg_items: list[list[int]] = []
    for ti, w, a, b in _timed_words(call):
        body = w.rstrip(".,?!")
        punct = w[len(body):]
        if len(seg_items) <= ti:
            seg_items.extend([] for _ in range(ti + 1 - len(seg_items)))
        spk = "spk_0" if call.turns[ti].speaker == "agent" else "spk_1"
        if body:
            items.append({"id": len(items), "type": "pronunciation", "alternatives": [{"confidence": "0.99", "content": body}],
                          "start_time": f"{a:.3f}", "end_time": f"{b:.3f}", "speaker_label": spk})
            seg_items[ti].append(items[-1]["id"])
        for p in punct:
            items.append({"id": len(items), "type": "punctuation", "alternatives": [{"confidence": "0.0", "content": p}],
                          "speaker_label": spk})
            seg_items[ti].append(items[-1]["id"])

    def render(ids: list[int]) -> str:
        out = ""
        for i in ids:
            c = items[i]["alternatives"][0]["content"]
            out += c if items[i]["type"] == "punctuation" or not out else " " + c
        return out

    segments = []
    for ti, ids in enumerate(seg_items):
        timed = [items[i] for i in ids if "start_time" in items[i]]
        if timed:
            segments.append({"id": ti, "transcript": render(ids), "start_time": timed[0]["start_time"],
                             "end_time": timed[-1]["end_time"], "speaker_label": timed[0]["speaker_label"], "items": ids})
    return {"jobName": f"aws-{call.id}", "accountId": "000000000000", "status": "COMPLETED",
            "results": {"transcripts": [{"transcript": render(list(range(len(items))))}], "items": items,
                        "audio_segments": segments}}


def write_sample(directory: str | Path, n: int = SAMPLE_SIZE, *, seed: int = SAMPLE_SEED,
                 with_spans: bool = False) -> list[Path]:
    """Write the sample inputs into `directory`; returns the files written (sorted)."""
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    calls = list(generate_calls(n, seed=seed))
    paths = []
    p = d / "calls.jsonl"
    with open(p, "w", encoding="utf-8") as f:
        for c in calls:
            f.write(json.dumps(to_record(c, with_spans=with_spans)) + "\n")
    paths.append(p)
    extra = list(generate_calls(5, seed=seed + 1))
    for call, (name, make) in zip(extra, [("call-vtt.vtt", to_vtt), ("call-srt.srt", to_srt),
                                          ("call-deepgram.json", to_deepgram),
                                          ("call-assemblyai.json", to_assemblyai), ("call-aws.json", to_aws)]):
        p = d / name
        body = make(call)
        p.write_text(body if isinstance(body, str) else json.dumps(body, indent=2) + "\n", encoding="utf-8")
        paths.append(p)
    return sorted(paths)
