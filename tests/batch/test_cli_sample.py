"""The `batch` command and the built-in sample."""
from __future__ import annotations

import json

from batch_helpers import read_jsonl, write_rules_toml
from lumor_redact.batch.sample import SAMPLE_SIZE, generate_calls, write_sample
from lumor_redact.cli import main


def test_sample_is_deterministic_and_covers_the_types(tmp_path):
    a = write_sample(tmp_path / "a", n=50)
    b = write_sample(tmp_path / "b", n=50)
    assert [p.name for p in a] == ["call-assemblyai.json", "call-aws.json", "call-deepgram.json", "call-srt.srt",
                                   "call-vtt.vtt", "calls.jsonl"]
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    calls = list(generate_calls(SAMPLE_SIZE))
    labels = {s["label"] for c in calls for s in c.spans()}
    assert {"CREDIT_CARD", "PHONE_NUMBER", "PERSON", "EMAIL_ADDRESS", "STREET_ADDRESS", "AU_MEDICARE",
            "HEALTH", "DATE_OF_BIRTH"} <= labels
    assert {c.style for c in calls} == {"spoken", "formatted"}
    assert list(generate_calls(3, seed=1))[2].text == list(generate_calls(10, seed=1))[2].text
    assert all(len(c.text.split()) >= 300 for c in generate_calls(5, words=300))
    for c in calls[:20]:
        for s in c.spans():
            assert c.text[s["start"]:s["end"]].strip() == c.text[s["start"]:s["end"]]


def test_batch_sample_end_to_end(tmp_path, capsys):
    cfg = write_rules_toml(tmp_path / "rules.toml")
    out = tmp_path / "out"
    rc = main(["batch", "--sample", "-o", str(out), "--workers", "0", "--config", str(cfg), "--summary-json"])
    assert rc == 0
    cap = capsys.readouterr()
    summary = json.loads(cap.out)
    assert summary["records"] == SAMPLE_SIZE + 5 and summary["failed"] == 0
    assert "records: 305 (305 ok, 0 failed)" in cap.err
    assert "redacting" not in cap.err                  # no progress bar when stderr is not a terminal
    names = sorted(p.name for p in out.iterdir())
    assert names == ["call-assemblyai.json", "call-aws.json", "call-deepgram.json", "call-srt.srt", "call-vtt.vtt",
                     "calls.jsonl", "entities.jsonl", "errors.jsonl", "sample-input"]
    got = read_jsonl(out / "calls.jsonl")
    assert len(got) == SAMPLE_SIZE and any("[CREDIT_CARD]" in r["text"] for r in got)


def test_exit_status(tmp_path, capsys):
    cfg = write_rules_toml(tmp_path / "rules.toml")
    inp = tmp_path / "in.jsonl"
    inp.write_text('{"id": 1, "text": "ok"}\n{"id": 2}\n')
    base = ["--workers", "0", "--config", str(cfg), "-q"]
    assert main(["batch", str(inp), "-o", str(tmp_path / "o.jsonl"), *base]) == 1
    assert read_jsonl(tmp_path / "o.errors.jsonl")[0]["id"] == 2
    assert main(["batch", str(inp), "-o", str(tmp_path / "p.jsonl"), "--error-placeholders", *base]) == 1
    assert [r["id"] for r in read_jsonl(tmp_path / "p.jsonl")] == [1, 2]   # the failed record keeps its line
    assert main(["batch", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "x.jsonl"), *base]) == 2
    assert main(["batch", str(inp), "-o", str(tmp_path / "y.jsonl"), "--resume", "--restart", *base]) == 2
    assert main(["batch", "-o", str(tmp_path / "z"), *base]) == 2
    inp2 = tmp_path / "n.jsonl"
    inp2.write_text('{"id": 1, "body": {"t": "ring 0412 345 678"}}\n')
    assert main(["batch", str(inp2), "-o", str(tmp_path / "n-out.jsonl"), "--field", "body.t", *base]) == 0
    assert read_jsonl(tmp_path / "n-out.jsonl")[0]["body"]["t"] == "ring [PHONE_NUMBER]"
    assert "error" in capsys.readouterr().err
