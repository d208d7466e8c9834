"""STT adapters: Deepgram live `Results` and AWS Transcribe streaming `TranscriptEvent` messages.

The sample messages below are written here in the engines' documented shapes (Deepgram's
LiveTranscriptionEvent; AWS's TranscriptEvent → Transcript → Results → Alternatives → Items).
"""
from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from lumor_redact import Redactor, RedactorConfig
from lumor_redact.errors import InputError
from lumor_redact.stream import StreamRedactor
from lumor_redact.stt import SttFeeder, feed_results, from_aws_transcribe, from_deepgram, parse_message


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor(RedactorConfig(disable_detectors=frozenset({"ner"})))


# ------------------------------------------------------------------------ sample messages
def deepgram_results(words: list[tuple[str, float, float]], *, is_final: bool, speech_final: bool = False,
                     speaker: int | None = 0, punctuated: dict[int, str] | None = None, channel: int = 0) -> dict:
    punctuated = punctuated or {}
    ws = []
    for i, (w, s, e) in enumerate(words):
        d = {"word": w, "start": s, "end": e, "confidence": 0.98, "punctuated_word": punctuated.get(i, w)}
        if speaker is not None:
            d["speaker"] = speaker
        ws.append(d)
    return {
        "type": "Results",
        "channel_index": [channel, 1],
        "duration": round(words[-1][2] - words[0][1], 3) if words else 0.0,
        "start": words[0][1] if words else 0.0,
        "is_final": is_final,
        "speech_final": speech_final,
        "channel": {"alternatives": [{
            "transcript": " ".join(d["punctuated_word"] for d in ws),
            "confidence": 0.97,
            "words": ws,
        }]},
        "metadata": {"request_id": "00000000-0000-0000-0000-000000000000",
                     "model_info": {"name": "general", "version": "x", "arch": "nova-3"},
                     "model_uuid": "00000000-0000-0000-0000-000000000000"},
        "from_finalize": False,
    }


def timed(text: str, t0: float = 0.0, step: float = 0.4) -> list[tuple[str, float, float]]:
    return [(w, round(t0 + i * step, 3), round(t0 + i * step + step * 0.8, 3)) for i, w in enumerate(text.split())]


def aws_event(items: list[tuple[str, float, float, str]], *, partial: bool, result_id: str = "r-1",
              stable: int | None = None, channel: str | None = None, wrap: bool = False) -> dict:
    its = []
    for i, (content, s, e, kind) in enumerate(items):
        d = {"Content": content, "StartTime": s, "EndTime": e, "Type": kind, "VocabularyFilterMatch": False}
        if kind == "pronunciation":
            d["Confidence"] = 0.95
            d["Speaker"] = "0"
        if stable is not None:
            d["Stable"] = i < stable
        its.append(d)
    transcript = ""
    for content, _, _, kind in items:
        transcript += content if kind == "punctuation" or not transcript else " " + content
    result = {"ResultId": result_id, "StartTime": items[0][1] if items else 0.0,
              "EndTime": items[-1][2] if items else 0.0, "IsPartial": partial,
              "Alternatives": [{"Transcript": transcript, "Items": its}]}
    if channel is not None:
        result["ChannelId"] = channel
    ev = {"Transcript": {"Results": [result]}}
    return {"TranscriptEvent": ev} if wrap else ev


def aws_items(text: str, t0: float = 0.0, step: float = 0.4) -> list[tuple[str, float, float, str]]:
    out = []
    for i, w in enumerate(text.split()):
        core = w.rstrip(",.?")
        s = round(t0 + i * step, 3)
        out.append((core, s, round(s + step * 0.8, 3), "pronunciation"))
        if core != w:
            out.append((w[len(core):], round(s + step * 0.8, 3), round(s + step * 0.8, 3), "punctuation"))
    return out


def released(updates) -> str:
    return "".join(u.text for u in updates if u.is_final)


# ------------------------------------------------------------------------------ Deepgram
def test_deepgram_interim_then_final(redactor):
    s = StreamRedactor(redactor)
    feeder = SttFeeder(s, flush_on_end_of_utterance=True)
    seg1 = timed("hi my mobile is oh four one two")
    seg2 = timed("three four five six seven eight thanks", t0=3.2)
    msgs = [
        deepgram_results(seg1[:4], is_final=False),
        deepgram_results(seg1[:6], is_final=False),
        deepgram_results(seg1, is_final=True),
        deepgram_results(seg2[:3], is_final=False),
        deepgram_results(seg2, is_final=True, speech_final=True),
        {"type": "UtteranceEnd", "channel": [0, 1], "last_word_end": 5.9},
        {"type": "Metadata", "request_id": "x"},
    ]
    ups = []
    for m in msgs:
        ups += feeder.push_message(json.dumps(m))
    previews = [u for u in ups if not u.is_final]
    assert previews and all(not any(d in u.text for d in ("four", "five", "three")) for u in previews)
    out = released(ups)
    assert out == "hi my mobile is [PHONE_NUMBER] thanks "
    ents = [e for u in ups if u.is_final for e in u.entities]
    assert [e.label for e in ents] == ["PHONE_NUMBER"]
    e = ents[0]
    assert e.audio_start == seg1[4][1] and e.audio_end == seg2[5][2]
    assert s.bleep_ranges() == [(e.audio_start, e.audio_end)]


def test_deepgram_smart_format_words(redactor):
    s = StreamRedactor(redactor)
    words = timed("my number is 0412 345 678 ok")
    msg = deepgram_results(words, is_final=True, punctuated={0: "My", 6: "ok."})
    r = from_deepgram(msg)
    assert r.words[0].text == "My" and r.words[-1].text == "ok." and r.is_final and not r.end_of_utterance
    ups = feed_results(s, [r]) + [s.flush()]
    assert released(ups) == "My number is [PHONE_NUMBER] ok. "


def test_deepgram_message_kinds():
    assert from_deepgram({"type": "Metadata", "request_id": "x"}) is None
    assert from_deepgram({"type": "SpeechStarted", "channel": [0], "timestamp": 1.0}) is None
    end = from_deepgram({"type": "UtteranceEnd", "channel": [0, 1], "last_word_end": 2.0})
    assert end.end_of_utterance and end.is_final and not end.words
    empty = from_deepgram(deepgram_results([], is_final=True))
    assert empty.words == () and empty.text == ""
    with pytest.raises(InputError) as exc:
        from_deepgram('{"type": "Results", "channel": {"alternatives": "secret words"}}')
    assert "secret" not in str(exc.value)
    with pytest.raises(InputError) as exc:
        from_deepgram("{not json secret")
    assert "secret" not in str(exc.value)


def test_deepgram_speakers_become_lines(redactor):
    s = StreamRedactor(redactor)
    a = deepgram_results(timed("what's your number"), is_final=True, speaker=0)
    b = deepgram_results(timed("oh four one two three four five six seven eight", t0=2.0), is_final=True, speaker=1)
    ups = SttFeeder(s).push_message(a) + SttFeeder(s).push_message(b) + [s.flush()]
    assert released(ups) == "what's your number \n[PHONE_NUMBER] "


def test_channel_filter(redactor):
    s = StreamRedactor(redactor)
    feeder = SttFeeder(s, channel=1)
    assert feeder.push_message(deepgram_results(timed("hello there"), is_final=True, channel=0)) == []
    assert feeder.push_message(deepgram_results(timed("hello there"), is_final=True, channel=1))


# ----------------------------------------------------------------------------------- AWS
def test_aws_partials_then_final(redactor):
    s = StreamRedactor(redactor)
    feeder = SttFeeder(s, flush_on_end_of_utterance=True)
    items = aws_items("My card is four one one one, one one one one, one one one one, one one one one. Thanks.")
    n = len(items)
    ups = []
    for k in (3, 8, n - 2):
        ups += feeder.push_message(aws_event(items[:k], partial=True))
    ups += feeder.push_message(json.dumps(aws_event(items, partial=False, wrap=True)))
    assert all("one" not in u.text for u in ups)
    assert released(ups) == "My card is [CREDIT_CARD]. Thanks. "
    ent = [e for u in ups if u.is_final for e in u.entities][0]
    assert ent.audio_start == items[3][1]


def test_aws_punctuation_joins_the_word():
    r = from_aws_transcribe(aws_event(aws_items("Hello, my name is Sam."), partial=False))[0]
    assert [w.text for w in r.words] == ["Hello,", "my", "name", "is", "Sam."]
    assert r.words[0].speaker == "0" and r.is_final and r.end_of_utterance
    assert r.text == "Hello, my name is Sam."


def test_aws_stable_items_commit_early(redactor):
    s = StreamRedactor(redactor)
    feeder = SttFeeder(s, commit_stable=True)
    items = aws_items("thanks for calling how can i help you today")
    ups = feeder.push_message(aws_event(items[:6], partial=True, stable=4))
    committed = released(ups)
    assert committed  # stable words were committed before the segment was final
    ups2 = feeder.push_message(aws_event(items, partial=False, stable=len(items)))
    ups3 = [s.flush()]
    assert committed + released(ups2) + released(ups3) == "thanks for calling how can i help you today "


def test_aws_sdk_objects(redactor):
    """The Python SDK's event objects (snake_case attributes) read like the JSON."""
    def item(content, s, e, kind="pronunciation"):
        return SimpleNamespace(content=content, start_time=s, end_time=e, item_type=kind, speaker=None,
                               confidence=0.9, stable=None)
    its = [item(w, i * 0.3, i * 0.3 + 0.2) for i, w in enumerate("my tfn is".split())]
    ev = SimpleNamespace(transcript=SimpleNamespace(results=[SimpleNamespace(
        result_id="a", is_partial=False, channel_id=None,
        alternatives=[SimpleNamespace(transcript="my tfn is", items=its)])]))
    rs = parse_message(ev)
    assert [w.text for w in rs[0].words] == ["my", "tfn", "is"] and rs[0].is_final


def test_aws_errors_have_no_text():
    with pytest.raises(InputError):
        from_aws_transcribe({"NotATranscript": {}})
    bad = aws_event(aws_items("secret words"), partial=False)
    bad["Transcript"]["Results"][0]["Alternatives"][0]["Items"][0]["StartTime"] = "secret"
    with pytest.raises(InputError) as exc:
        from_aws_transcribe(bad)
    assert "secret" not in str(exc.value)
    with pytest.raises(InputError):
        parse_message({"something": "else"})


def test_repr_has_no_text():
    r = from_deepgram(deepgram_results(timed("secret words here"), is_final=True))
    assert "secret" not in repr(r)
