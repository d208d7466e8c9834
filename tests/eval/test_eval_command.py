"""`lumor-redact eval` end to end on a tiny labelled set made here, and agreement with score.py."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from lumor_redact.cli import main

# (text, [(substring, label), ...]); spans are found by substring so the fixture stays readable.
CASES = [
    ("caller: my number is oh four one two three four five six seven eight thanks",
     [("oh four one two three four five six seven eight", "PHONE_NUMBER")]),
    # a name no rule knows (the rules-only path misses it; only the model might find it)
    ("my email is jane dot doe at example dot com and my contact is quillon zarvath",
     [("jane dot doe at example dot com", "EMAIL_ADDRESS"), ("quillon zarvath", "PERSON")]),
    ("the card is 4111 1111 1111 1111 expiry oh nine twenty six",
     [("4111 1111 1111 1111", "CREDIT_CARD"), ("oh nine twenty six", "CARD_EXPIRY")]),
    ("no personal details here at all just a question about opening hours", []),
    ("call back on 02 9876 5432 please", []),  # unlabelled phone: a false alarm by construction
]


def write_fixture(path: Path) -> Path:
    with path.open("w") as f:
        for i, (text, ents) in enumerate(CASES):
            spans = []
            for sub, label in ents:
                s = text.rindex(sub) if label == "PERSON" else text.index(sub)
                spans.append({"start": s, "end": s + len(sub), "label": label})
            f.write(json.dumps({"id": f"t{i}", "text": text, "spans": spans}) + "\n")
    return path


@pytest.fixture()
def data(tmp_path):
    return write_fixture(tmp_path / "calls.jsonl")


def run_cli(capsys, *argv: str) -> str:
    assert main(["eval", *argv]) == 0
    return capsys.readouterr().out


def test_json_scores(data, capsys):
    out = json.loads(run_cli(capsys, str(data), "--json", "--rules-only"))
    labels = out["labels"]
    assert labels["PHONE_NUMBER"]["overlap"] == {"p": 0.5, "r": 1.0, "f1": pytest.approx(2 / 3), "tp": 1, "fn": 0,
                                                "fp": 1}
    assert labels["PERSON"]["overlap"]["fn"] == 1
    assert labels["CREDIT_CARD"]["exact"]["tp"] == 1
    kinds = {(f["id"], f["kind"], f["label"]) for f in out["findings"]}
    assert ("t4", "false_alarm", "PHONE_NUMBER") in kinds and ("t1", "miss", "PERSON") in kinds
    assert all("text" not in f for f in out["findings"])


def test_text_report_hides_text_unless_asked(data, capsys):
    out = run_cli(capsys, str(data), "--rules-only")
    assert "overlap P" in out and "micro" in out and "t4  PHONE_NUMBER  13:25" in out
    assert "9876" not in out and "quillon" not in out
    shown = run_cli(capsys, str(data), "--rules-only", "--show-text")
    assert "'02 9876 5432'" in shown and "'quillon zarvath'" in shown


def test_labels_option(data, capsys):
    out = json.loads(run_cli(capsys, str(data), "--json", "--labels", "PERSON,EMAIL_ADDRESS"))
    assert set(out["labels"]) == {"PERSON", "EMAIL_ADDRESS"}


def test_annotated_vectors(tmp_path, capsys):
    p = tmp_path / "vectors.jsonl"
    recs = [
        {"id": "v0", "text": "4111111111111111", "spans": [{"start": 0, "end": 16, "label": "CREDIT_CARD"}],
         "meta": {"annotated_labels": ["CREDIT_CARD"]}},
        {"id": "v1", "text": "4111111111111112", "spans": [], "meta": {"annotated_labels": ["CREDIT_CARD"]}},
        {"id": "v2", "text": "call 0412 345 678", "spans": [], "meta": {"annotated_labels": ["UK_NHS"]}},
        {"id": "plain", "text": "call 0412 345 678", "spans": []},
    ]
    p.write_text("".join(json.dumps(r) + "\n" for r in recs))
    out = json.loads(run_cli(capsys, str(p), "--json", "--annotated-only"))
    assert out["agreement"]["CREDIT_CARD"] == {"agreement": 1.0, "cases": 2, "right": 2, "pos": 1, "pos_right": 1,
                                               "neg": 1, "neg_right": 1}
    assert out["skipped_unlabelled"] == 1 and out["records"] == 2
    text = run_cli(capsys, str(p))
    assert "agreement" in text and "overall" in text
    # without --annotated-only the plain record is scored on every label: its phone is a false alarm
    assert "plain  PHONE_NUMBER" in text


def test_bad_data_exits_2(tmp_path, capsys):
    p = tmp_path / "bad.jsonl"
    p.write_text("{oops\n")
    assert main(["eval", str(p)]) == 2
    assert "bad.jsonl:1" in capsys.readouterr().err


SCORE_PY = Path(__file__).resolve().parents[2].parent / "shared" / "tools" / "score.py"


@pytest.mark.skipif(not SCORE_PY.exists(), reason="the official scorer is not beside the repo")
def test_agrees_with_official_scorer(data, capsys):
    ours = json.loads(run_cli(capsys, str(data), "--json"))
    proc = subprocess.run([sys.executable, str(SCORE_PY), str(data), "--json"], capture_output=True, text=True,
                          timeout=120, check=True)
    theirs = json.loads(proc.stdout)
    assert set(theirs["labels"]) == set(ours["labels"])
    for label, v in theirs["labels"].items():
        o = ours["labels"][label]["overlap"]
        assert (o["tp"], o["fn"], o["fp"]) == (v["tp"], v["fn"], v["fp"]), label
        assert o["p"] == pytest.approx(v["p"]) and o["r"] == pytest.approx(v["r"])
