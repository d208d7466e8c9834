"""Readers and writers: every format masks its text in every place and keeps everything else."""
from __future__ import annotations

import json

import pytest

from lumor_redact.batch.formats import (AssemblyAIFormat, AwsTranscribeFormat, DeepgramFormat, JsonlFormat,
                                        SrtFormat, SttJsonFormat, TextFormat, TextLinesFormat, VttFormat,
                                        format_for_path, get_format, parse_field_path)
from lumor_redact.batch.sample import Call, generate_calls, to_assemblyai, to_aws, to_deepgram, to_srt, to_vtt
from lumor_redact.batch.tracks import Token, Track
from lumor_redact.errors import InputError

RULE_LABELS = {"CREDIT_CARD", "CARD_EXPIRY", "PHONE_NUMBER", "EMAIL_ADDRESS", "AU_MEDICARE", "DATE_OF_BIRTH",
               "STREET_ADDRESS"}


def redact(fmt, data: bytes, redactor):
    rec = fmt.parse(data)
    plan = fmt.plan(rec)
    out = plan.finish([redactor.redact(t) for t in plan.texts])
    return out, plan.rows


def pick(style: str, need: set[str]) -> Call:
    for c in generate_calls(60, seed=5):
        if c.style == style and need <= {s["label"] for s in c.spans()}:
            return c
    raise AssertionError("no sample call with those labels")


def secret_values(call: Call) -> list[str]:
    """The rule-detectable values said in a call, as they appear in its text."""
    text = call.text
    return [text[s["start"]:s["end"]] for s in call.spans() if s["label"] in RULE_LABELS]


def digit_groups(call: Call) -> set[str]:
    """4+ digit runs of the call's card/phone/medicare values (formatted style)."""
    import re

    out = set()
    for v in secret_values(call):
        out.update(g for g in re.findall(r"\d{4,}", v))
    return out


# ----------------------------------------------------------------------------- field paths
def test_parse_field_path_forms():
    W = parse_field_path("a[]")[1]
    assert parse_field_path("text") == ("text",)
    assert parse_field_path("meta.note") == ("meta", "note")
    assert parse_field_path("turns[].text") == ("turns", W, "text")
    assert parse_field_path("turns.*.text") == ("turns", W, "text")
    assert parse_field_path("turns[2].text") == ("turns", 2, "text")
    assert parse_field_path("turns.0.text") == ("turns", 0, "text")
    for bad in ("", "a..b", "a[x]"):
        with pytest.raises(InputError):
            parse_field_path(bad)


# ----------------------------------------------------------------------------- JSONL
def test_jsonl_masks_default_field_and_passes_the_rest(redactor):
    fmt = JsonlFormat()
    rec = {"id": "c1", "n": 1.5, "tags": ["x"], "text": "my card is 4111 1111 1111 1111 thanks", "z": None}
    out, rows = redact(fmt, json.dumps(rec).encode(), redactor)
    got = json.loads(out)
    assert list(got) == list(rec)                      # key order kept
    assert got["text"] == "my card is [CREDIT_CARD] thanks"
    assert {k: v for k, v in got.items() if k != "text"} == {k: v for k, v in rec.items() if k != "text"}
    assert rows[0]["label"] == "CREDIT_CARD" and rows[0]["field"] == "text" and "value" not in rows[0]
    assert out.endswith(b"\n") and out.count(b"\n") == 1


def test_jsonl_nested_and_list_fields(redactor):
    fmt = JsonlFormat(fields=("meta.summary", "turns[].text"))
    rec = {"id": 7, "meta": {"summary": "call back on 0412 345 678", "agent": "x"},
           "turns": [{"speaker": "a", "text": "hello"}, {"speaker": "b", "text": "email jo@example.com please"}],
           "text": "untouched 0412 345 678"}
    out, rows = redact(fmt, json.dumps(rec).encode(), redactor)
    got = json.loads(out)
    assert got["meta"] == {"summary": "call back on [PHONE_NUMBER]", "agent": "x"}
    assert got["turns"][1] == {"speaker": "b", "text": "email [EMAIL_ADDRESS] please"}
    assert got["text"] == rec["text"]                  # not a configured field
    assert {r["field"] for r in rows} == {"meta.summary", "turns[1].text"}
    assert fmt.record_id(rec) == 7


@pytest.mark.parametrize("line, reason", [
    (b'{"id": 1}', "text is missing"),
    (b'{"id": 1, "text": 5}', "is a number, expected a string"),
    (b'{"id": 1, "text": null}', "is null, expected a string"),
    (b'[1, 2]', "expected a JSON object"),
    (b'{"id": 1, "text": "abc"', "invalid JSON"),
    (b'{"id": 1, "text": "caf\xe9"}', "invalid UTF-8 at byte"),
])
def test_jsonl_bad_records_raise_input_error_without_content(line, reason):
    fmt = JsonlFormat()
    with pytest.raises(InputError) as ei:
        fmt.plan(fmt.parse(line))
    assert reason in str(ei.value)
    assert "abc" not in str(ei.value) and "caf" not in str(ei.value)


def test_jsonl_list_path_errors():
    fmt = JsonlFormat(fields=("turns[].text",))
    with pytest.raises(InputError, match="expected a list"):
        fmt.plan({"turns": {"text": "x"}})
    with pytest.raises(InputError, match=r"turns\[1\].text is missing"):
        fmt.plan({"turns": [{"text": "a"}, {"speaker": "b"}]})
    assert fmt.plan({"turns": []}).texts == []         # an empty list has nothing to mask


def test_jsonl_lone_surrogate_elsewhere_is_kept_escaped(redactor):
    out, _ = redact(JsonlFormat(), b'{"text": "hi", "x": "\\ud800"}', redactor)
    assert json.loads(out)["x"] == "\ud800"


def test_jsonl_read_skips_blank_lines_and_write_is_atomic(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_bytes(b'{"id": 1, "text": "a"}\n\n  \n{"id": 2, "text": "b"}\r\n')
    fmt = JsonlFormat()
    recs = list(fmt.read(p))
    assert [r["id"] for r in recs] == [1, 2]
    raws = list(fmt.iter_raw(p))
    assert [(r.index, r.line) for r in raws] == [(0, 1), (1, 4)]
    fmt.write(recs, tmp_path / "out" / "b.jsonl")
    assert [r["id"] for r in fmt.read(tmp_path / "out" / "b.jsonl")] == [1, 2]
    assert sorted(x.name for x in (tmp_path / "out").iterdir()) == ["b.jsonl"]


def test_oversize_line_is_an_error_record_and_reading_goes_on(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_bytes(b'{"text": "' + b"x" * 5000 + b'"}\n{"text": "ok"}\n')
    raws = list(JsonlFormat(max_record_bytes=1000).iter_raw(p))
    assert raws[0].error and "max_record_bytes" in raws[0].error and raws[0].data == b""
    assert raws[1].data == b'{"text": "ok"}' and raws[1].line == 2


# ----------------------------------------------------------------------------- text
def test_text_whole_file_and_lines(redactor, tmp_path):
    out, rows = redact(TextFormat(), b"call me on 0412 345 678\nbye\n", redactor)
    assert out == b"call me on [PHONE_NUMBER]\nbye\n"
    assert rows[0]["start"] == 11
    p = tmp_path / "t.txt"
    p.write_bytes(b"one 0412 345 678\n\nthree\n")
    fmt = TextLinesFormat()
    raws = list(fmt.iter_raw(p))
    assert [r.data for r in raws] == [b"one 0412 345 678", b"", b"three"]     # blank lines kept
    assert redact(fmt, raws[0].data, redactor)[0] == b"one [PHONE_NUMBER]\n"


# ----------------------------------------------------------------------------- captions
def test_vtt_entity_across_cues_masked_in_each_cue(redactor):
    vtt = ("WEBVTT - call\n\nNOTE agent said email jo@example.com\n\n"
           "1\n00:00:01.000 --> 00:00:03.000 align:start\n<v Agent>you can reach me on oh four one two\n\n"
           "2\n00:00:03.100 --> 00:00:05.000\n<v Agent>three four five six seven eight\nthanks <b>bye</b>\n")
    out, rows = redact(VttFormat(), vtt.encode(), redactor)
    text = out.decode()
    assert text.startswith("WEBVTT - call\n\nNOTE agent said email [EMAIL_ADDRESS]\n\n1\n")
    assert "00:00:01.000 --> 00:00:03.000 align:start\n<v Agent>you can reach me on [PHONE_NUMBER]\n\n" in text
    assert "2\n00:00:03.100 --> 00:00:05.000\n<v Agent>[PHONE_NUMBER]\nthanks <b>bye</b>\n" in text
    phone = [r for r in rows if r["label"] == "PHONE_NUMBER"][0]
    assert (phone["cue"], phone["cue_end"]) == (0, 1)
    assert (phone["audio_start"], phone["audio_end"]) == (1.0, 5.0)
    assert any(r.get("field") == "note[0]" for r in rows)


def test_vtt_crlf_and_bom_kept(redactor):
    vtt = "\ufeffWEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nmy card 4111 1111 1111 1111\r\n"
    out, _ = redact(VttFormat(), vtt.encode(), redactor)
    assert out.decode() == "\ufeffWEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nmy card [CREDIT_CARD]\r\n"
    with pytest.raises(InputError, match="WEBVTT"):
        VttFormat().parse(b"1\n00:00:01,000 --> 00:00:02,000\nhi\n")


def test_srt_sample_call_leaks_nothing(redactor):
    call = pick("formatted", {"CREDIT_CARD", "PHONE_NUMBER"})
    src = to_srt(call)
    out, rows = redact(SrtFormat(), src.encode(), redactor)
    text = out.decode()
    for g in digit_groups(call):
        assert g not in text
    # ids and timings unchanged, same number of cues
    timing = [ln for ln in src.splitlines() if "-->" in ln]
    assert [ln for ln in text.splitlines() if "-->" in ln] == timing
    assert all("audio_start" in r for r in rows)


# ----------------------------------------------------------------------------- STT JSON
def _words_text(words):
    return " ".join(words)


@pytest.mark.parametrize("style", ["formatted", "spoken"])
def test_deepgram_masks_transcript_words_paragraphs_utterances(redactor, style):
    call = pick(style, {"CREDIT_CARD", "PHONE_NUMBER"})
    src = to_deepgram(call)
    out, rows = redact(DeepgramFormat(), json.dumps(src).encode(), redactor)
    got = json.loads(out)
    alt, alt0 = got["results"]["channels"][0]["alternatives"][0], src["results"]["channels"][0]["alternatives"][0]
    # timings kept word for word
    assert [(w["start"], w["end"]) for w in alt["words"]] == [(w["start"], w["end"]) for w in alt0["words"]]
    masked = [i for i, w in enumerate(alt["words"]) if w["punctuated_word"] != alt0["words"][i]["punctuated_word"]]
    assert masked and all(alt["words"][i]["punctuated_word"].startswith("[") or "[" in alt["words"][i]["punctuated_word"]
                          for i in masked)
    places = [alt["transcript"], alt["paragraphs"]["transcript"]]
    places += [s["text"] for p in alt["paragraphs"]["paragraphs"] for s in p["sentences"]]
    places += [u["transcript"] for u in got["results"]["utterances"]]
    places += [_words_text(w["punctuated_word"] for w in u["words"]) for u in got["results"]["utterances"]]
    blob = "\n".join(places)
    for v in secret_values(call):
        assert v not in blob
        assert v.lower() not in _words_text(w["word"] for w in alt["words"])
    assert "[CREDIT_CARD]" in alt["transcript"] and "[PHONE_NUMBER]" in alt["transcript"]
    # the transcript collapses an entity into one tag; the paragraphs say the same
    assert alt["transcript"].count("[CREDIT_CARD]") == sum(1 for s in call.spans() if s["label"] == "CREDIT_CARD")
    card = [r for r in rows if r["label"] == "CREDIT_CARD"][0]
    first, last = card["words"]
    assert card["audio_start"] == alt0["words"][first]["start"] and card["audio_end"] == alt0["words"][last]["end"]
    assert got["metadata"] == src["metadata"]


def test_deepgram_transcript_that_differs_from_words_is_redacted_alone(redactor):
    call = pick("formatted", {"PHONE_NUMBER"})
    src = to_deepgram(call)
    alt = src["results"]["channels"][0]["alternatives"][0]
    alt["transcript"] = "A different rendering. Call 0412 345 678 now."
    out, _ = redact(DeepgramFormat(), json.dumps(src).encode(), redactor)
    assert json.loads(out)["results"]["channels"][0]["alternatives"][0]["transcript"] == \
        "A different rendering. Call [PHONE_NUMBER] now."


@pytest.mark.parametrize("style", ["formatted", "spoken"])
def test_assemblyai_masks_text_words_utterances(redactor, style):
    call = pick(style, {"CREDIT_CARD", "EMAIL_ADDRESS"})
    src = to_assemblyai(call)
    src["entities"] = [{"entity_type": "person_name", "text": "x", "start": 0, "end": 1}]
    out, rows = redact(AssemblyAIFormat(), json.dumps(src).encode(), redactor)
    got = json.loads(out)
    assert [(w["start"], w["end"]) for w in got["words"]] == [(w["start"], w["end"]) for w in src["words"]]
    blob = "\n".join([got["text"], _words_text(w["text"] for w in got["words"])]
                     + [u["text"] for u in got["utterances"]]
                     + [_words_text(w["text"] for w in u["words"]) for u in got["utterances"]])
    for v in secret_values(call):
        assert v not in blob
    assert "[CREDIT_CARD]" in got["text"]
    card = [r for r in rows if r["label"] == "CREDIT_CARD"][0]
    assert card["audio_start"] == src["words"][card["words"][0]]["start"] / 1000


@pytest.mark.parametrize("style", ["formatted", "spoken"])
def test_aws_masks_transcript_items_segments(redactor, style):
    call = pick(style, {"CREDIT_CARD", "PHONE_NUMBER"})
    src = to_aws(call)
    out, rows = redact(AwsTranscribeFormat(), json.dumps(src).encode(), redactor)
    got = json.loads(out)
    items, items0 = got["results"]["items"], src["results"]["items"]
    assert len(items) == len(items0)
    assert [(i.get("start_time"), i.get("type")) for i in items] == [(i.get("start_time"), i.get("type")) for i in items0]
    assert all(a["alternatives"][0]["content"] == b["alternatives"][0]["content"]
               for a, b in zip(items, items0) if a["type"] == "punctuation")
    blob = "\n".join([got["results"]["transcripts"][0]["transcript"]]
                     + [s["transcript"] for s in got["results"]["audio_segments"]]
                     + [" ".join(i["alternatives"][0]["content"] for i in items)])
    for v in secret_values(call):
        assert v not in blob and v.rstrip(".,") not in blob
    assert "[CREDIT_CARD]" in got["results"]["transcripts"][0]["transcript"]
    assert all("items" in r and "audio_start" in r for r in rows)


def test_stt_json_detects_vendor_and_rejects_unknown(redactor):
    call = pick("formatted", {"PHONE_NUMBER"})
    for make in (to_deepgram, to_assemblyai, to_aws):
        out, _ = redact(SttJsonFormat(), json.dumps(make(call)).encode(), redactor)
        assert b"[PHONE_NUMBER]" in out
    with pytest.raises(InputError, match="unrecognised transcript JSON"):
        SttJsonFormat().plan({"foo": 1})
    assert SttJsonFormat().record_id(to_deepgram(call)) == f"dg-{call.id}"


def test_include_values_puts_values_in_rows(redactor):
    _, rows = redact(JsonlFormat(include_values=True), b'{"text": "ring 0412 345 678"}', redactor)
    assert rows[0]["value"] == "0412 345 678"
    call = pick("formatted", {"PHONE_NUMBER"})
    _, rows = redact(VttFormat(include_values=True), to_vtt(call).encode(), redactor)
    assert all("value" in r for r in rows)


def test_format_registry():
    assert format_for_path("a/b.JSONL") == "jsonl"
    assert format_for_path("x.json") == "stt-json"
    assert format_for_path("x.vtt") == "vtt" and format_for_path("x.srt") == "srt" and format_for_path("x.txt") == "txt"
    assert format_for_path("x.csv") is None
    assert isinstance(get_format("jsonl", fields=("a",)), JsonlFormat)
    assert isinstance(get_format("vtt", fields=("a",)), VttFormat)       # JSONL options ignored
    with pytest.raises(InputError):
        get_format("nope")


def test_track_render_collapses_entities_and_keeps_edges():
    from lumor_redact.entities import Entity, RedactionResult

    tr = Track([Token("card:"), Token("4111"), Token("1111,"), Token("thanks"), Token("!", punct=True)])
    assert tr.text == "card: 4111 1111, thanks!"
    e = Entity("CREDIT_CARD", 6, 15, 0.9, "t", 6, 19)
    tr.bind(RedactionResult("card: [CREDIT_CARD], thanks!", [e]))
    assert tr.render(range(5)) == "card: [CREDIT_CARD], thanks!"
    assert tr.render([2, 3]) == "[CREDIT_CARD], thanks"
    assert [tr.masked_token(i) for i in range(5)] == ["card:", "[CREDIT_CARD]", "[CREDIT_CARD],", "thanks", "!"]
    assert tr.token_range(0) == (1, 2)
