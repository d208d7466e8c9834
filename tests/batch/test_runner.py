"""The runner: ordered output, sidecars, errors, atomic writes, resume, process pool."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from lumor_redact.batch.runner import BatchInterrupted, plan_layout, run_batch
from lumor_redact.batch.sample import generate_calls, to_record, to_srt, to_vtt, to_deepgram
from lumor_redact.errors import InputError

from batch_helpers import read_jsonl, write_jsonl


def files(d: Path) -> dict[str, bytes]:
    return {str(p.relative_to(d)): p.read_bytes() for p in sorted(d.rglob("*")) if p.is_file()}


class Boom(Exception):
    pass


def test_jsonl_run_keeps_order_and_fields(calls_jsonl, tmp_path, config):
    out = tmp_path / "out" / "calls.jsonl"
    s = run_batch([calls_jsonl], out, config=config, workers=0, progress=False)
    src, got = read_jsonl(calls_jsonl), read_jsonl(out)
    assert [r["id"] for r in got] == [r["id"] for r in src]
    assert all({k: v for k, v in a.items() if k != "text"} == {k: v for k, v in b.items() if k != "text"}
               for a, b in zip(src, got))
    assert any("[CREDIT_CARD]" in r["text"] for r in got)
    ents = read_jsonl(tmp_path / "out" / "calls.entities.jsonl")
    assert [(e["record"], e["id"], e["source"]) for e in ents] == [(i, r["id"], "calls.jsonl") for i, r in enumerate(src)]
    assert all("value" not in x for e in ents for x in e["entities"])
    assert (tmp_path / "out" / "calls.errors.jsonl").read_bytes() == b""
    assert s.records == s.ok == 40 and s.failed == 0 and s.entities["CREDIT_CARD"] > 0
    assert sum(s.entities.values()) == sum(len(e["entities"]) for e in ents)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == \
        ["calls.entities.jsonl", "calls.errors.jsonl", "calls.jsonl"]       # no state left behind


def test_bad_records_become_error_entries_without_content(tmp_path, config):
    inp = tmp_path / "in.jsonl"
    inp.write_bytes(b'{"id": "a", "text": "card 4111 1111 1111 1111"}\n'
                    b'{"id": "b", "txt": "SECRET-B 0412 345 678"}\n'
                    b'{"id": "c", "text": "SECRET-C \n'
                    b'{"id": "d", "text": "caf\xe9 SECRET-D"}\n'
                    b'\n'
                    b'{"id": "e", "text": 42}\n'
                    b'{"id": "f", "text": "fine"}\n')
    s = run_batch([inp], tmp_path / "o.jsonl", config=config, workers=0, progress=False)
    assert (s.records, s.ok, s.failed) == (6, 2, 4)
    assert [r["id"] for r in read_jsonl(tmp_path / "o.jsonl")] == ["a", "f"]
    errs = read_jsonl(tmp_path / "o.errors.jsonl")
    assert [(e["record"], e["line"], e["id"]) for e in errs] == [(1, 2, "b"), (2, 3, None), (3, 4, None), (4, 6, "e")]
    assert "text is missing" in errs[0]["reason"] and "invalid JSON" in errs[1]["reason"]
    assert "invalid UTF-8" in errs[2]["reason"] and "expected a string" in errs[3]["reason"]
    raw = (tmp_path / "o.errors.jsonl").read_text()
    assert "SECRET" not in raw and "0412" not in raw
    assert [e["record"] for e in read_jsonl(tmp_path / "o.entities.jsonl")] == [0, 5]


def test_error_placeholders_keep_records_aligned(tmp_path, config):
    inp = tmp_path / "in.jsonl"
    inp.write_bytes(b'{"id": "a", "text": "card 4111 1111 1111 1111"}\n'
                    b'{"id": "b", "txt": "SECRET-B 0412 345 678"}\n'
                    b'{"id": "c", "text": "SECRET-C \n'
                    b'{"id": "f", "text": "fine"}\n')
    s = run_batch([inp], tmp_path / "o.jsonl", config=config, workers=0, progress=False, placeholders=True)
    assert (s.records, s.ok, s.failed) == (4, 2, 2)
    out = read_jsonl(tmp_path / "o.jsonl")
    assert [r.get("id") for r in out] == ["a", "b", None, "f"]              # one line per record, in order
    assert "text is missing" in out[1]["_lumor_error"] and "invalid JSON" in out[2]["_lumor_error"]
    assert "SECRET" not in (tmp_path / "o.jsonl").read_text()
    assert len(read_jsonl(tmp_path / "o.errors.jsonl")) == 2                  # still recorded in the sidecar

    txt = tmp_path / "in.txt"
    txt.write_bytes(b"call 0412 345 678\n\xff\xfe SECRET\nfine\n")
    s = run_batch([txt], tmp_path / "t.txt", config=config, workers=0, progress=False, fmt="txt-lines",
                  placeholders=True)
    assert (tmp_path / "t.txt").read_text().splitlines() == ["call [PHONE_NUMBER]", "[REDACTION FAILED]", "fine"]


def test_pool_equals_in_process(calls_jsonl, tmp_path, config):
    run_batch([calls_jsonl], tmp_path / "a" / "x.jsonl", config=config, workers=0, progress=False)
    s = run_batch([calls_jsonl], tmp_path / "b" / "x.jsonl", config=config, workers=2, progress=False,
                  chunk_records=7)
    assert s.workers == 2
    assert files(tmp_path / "a") == files(tmp_path / "b")


def test_interrupted_run_keeps_no_output_and_resumes_exactly(calls_jsonl, tmp_path, config):
    ref = tmp_path / "ref" / "x.jsonl"
    run_batch([calls_jsonl], ref, config=config, workers=0, progress=False, chunk_records=5)
    out = tmp_path / "run" / "x.jsonl"

    def crash(k):
        if k == 3:
            raise Boom()

    with pytest.raises(Boom):
        run_batch([calls_jsonl], out, config=config, workers=0, progress=False, chunk_records=5, _on_chunk=crash)
    assert not out.exists()                              # nothing half-written at the final name
    state = tmp_path / "run" / ".x.jsonl.lumor-batch"
    assert (state / "journal").exists()
    # garbage after the last journal line (a torn write) and in the parts must not matter
    with open(state / "journal", "ab") as f:
        f.write(b'{"chunk": 99, "fi')
    with open(state / "entities.part", "ab") as f:
        f.write(b"half a line")
    with pytest.raises(InputError, match="--resume"):
        run_batch([calls_jsonl], out, config=config, workers=0, progress=False, chunk_records=5)
    with pytest.raises(InputError, match="chunking"):
        run_batch([calls_jsonl], out, config=config, workers=0, progress=False, chunk_records=6, resume=True)

    def interrupt(k):
        if k == 5:
            raise KeyboardInterrupt

    with pytest.raises(BatchInterrupted):
        run_batch([calls_jsonl], out, config=config, workers=0, progress=False, chunk_records=5, resume=True,
                  _on_chunk=interrupt)
    s = run_batch([calls_jsonl], out, config=config, workers=0, progress=False, chunk_records=5, resume=True)
    assert s.resumed_from == 30 and s.records == 40
    assert files(tmp_path / "ref") == files(tmp_path / "run")


def test_restart_discards_state(calls_jsonl, tmp_path, config):
    out = tmp_path / "x.jsonl"

    def crash(k):
        raise Boom()

    with pytest.raises(Boom):
        run_batch([calls_jsonl], out, config=config, workers=0, progress=False, _on_chunk=crash)
    s = run_batch([calls_jsonl], out, config=config, workers=0, progress=False, restart=True)
    assert s.resumed_from == 0 and len(read_jsonl(out)) == 40


def test_resume_refuses_changed_input(calls_jsonl, tmp_path, config):
    out = tmp_path / "x.jsonl"

    def crash(k):
        raise Boom()

    with pytest.raises(Boom):
        run_batch([calls_jsonl], out, config=config, workers=0, progress=False, _on_chunk=crash)
    with open(calls_jsonl, "a") as f:
        f.write(json.dumps({"id": "new", "text": "x"}) + "\n")
    with pytest.raises(InputError, match="inputs"):
        run_batch([calls_jsonl], out, config=config, workers=0, progress=False, resume=True)


def test_directory_of_mixed_formats(tmp_path, config):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    calls = list(generate_calls(4, seed=3))
    write_jsonl(d / "a.jsonl", [to_record(c) for c in calls[:2]])
    (d / "b.vtt").write_text(to_vtt(calls[2]))
    (d / "sub" / "c.srt").write_text(to_srt(calls[3]))
    (d / "sub" / "d.json").write_text(json.dumps(to_deepgram(calls[0])))
    (d / "e.txt").write_text("call 0412 345 678")
    (d / "ignored.csv").write_text("x")
    (d / ".hidden.jsonl").write_text("{}")
    s = run_batch([d], tmp_path / "out", config=config, workers=0, progress=False)
    out = tmp_path / "out"
    assert sorted(files(out)) == ["a.jsonl", "b.vtt", "e.txt", "entities.jsonl", "errors.jsonl",
                                  "sub/c.srt", "sub/d.json"]
    assert (out / "e.txt").read_text() == "call [PHONE_NUMBER]"
    assert (s.records, s.failed) == (6, 0)
    assert [e["source"] for e in read_jsonl(out / "entities.jsonl")] == \
        ["a.jsonl", "a.jsonl", "b.vtt", "e.txt", "sub/c.srt", "sub/d.json"]


def test_layout_rules(tmp_path):
    a = tmp_path / "a.jsonl"
    a.write_text("")
    lay = plan_layout([a], tmp_path / "o" / "x.jsonl")
    assert not lay.dir_mode and lay.entities.name == "x.entities.jsonl" and lay.state.name == ".x.jsonl.lumor-batch"
    assert plan_layout([a], str(tmp_path / "o") + "/").dir_mode
    with pytest.raises(InputError, match="also an input"):
        plan_layout([a], a)
    with pytest.raises(InputError, match="does not exist"):
        plan_layout([tmp_path / "nope.jsonl"], tmp_path / "o")
    b = tmp_path / "b.bin"
    b.write_text("")
    with pytest.raises(InputError, match="--format"):
        plan_layout([b], tmp_path / "o.bin")
    assert plan_layout([b], tmp_path / "o.bin", fmt="txt").files[0].format == "txt"


def test_empty_input_gives_empty_outputs(tmp_path, config):
    a = tmp_path / "a.jsonl"
    a.write_text("\n")
    s = run_batch([a], tmp_path / "o.jsonl", config=config, workers=0, progress=False)
    assert s.records == 0 and (tmp_path / "o.jsonl").read_bytes() == b""


def test_include_values_flag(tmp_path, config):
    a = write_jsonl(tmp_path / "a.jsonl", [{"id": 1, "text": "ring 0412 345 678"}])
    run_batch([a], tmp_path / "o.jsonl", config=config, workers=0, progress=False, include_values=True)
    assert read_jsonl(tmp_path / "o.entities.jsonl")[0]["entities"][0]["value"] == "0412 345 678"


def test_summary_text(calls_jsonl, tmp_path, config):
    s = run_batch([calls_jsonl], tmp_path / "o.jsonl", config=config, workers=0, progress=False)
    text = s.format()
    assert "records: 40 (40 ok, 0 failed)" in text and "CREDIT_CARD" in text and "records/s" in text
    assert s.to_dict()["records"] == 40


def test_worker_startup_error_is_reported_and_leaves_no_state(calls_jsonl, tmp_path):
    from batch_helpers import broken_factory
    from lumor_redact.errors import ConfigError

    with pytest.raises(ConfigError, match="NER model is missing"):
        run_batch([calls_jsonl], tmp_path / "o.jsonl", workers=1, progress=False, redactor_factory=broken_factory)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["calls.jsonl"]
