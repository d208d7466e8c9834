"""The scorer on hand-made spans: exact vs overlap, the slack rule, agreement, loading."""
from __future__ import annotations

import json

import pytest

from lumor_redact.errors import InputError
from lumor_redact.eval import SLACK, Record, Scorer, Span, load_records


def rec(text: str, *spans: tuple[int, int, str], annotated: list[str] | None = None, conflict: bool = False,
        rid: str = "r1") -> Record:
    return Record(rid, text, tuple(Span(*s) for s in spans), frozenset(annotated) if annotated is not None else None,
                  conflict)


TEXT = "my number is 0412 345 678 and my name is jane"
PHONE = (13, 25, "PHONE_NUMBER")
NAME = (41, 45, "PERSON")


def test_exact_and_overlap_counts():
    s = Scorer()
    s.add(rec(TEXT, PHONE, NAME), [Span(13, 25, "PHONE_NUMBER")])
    res = s.result()
    assert (res.exact["PHONE_NUMBER"].tp, res.exact["PHONE_NUMBER"].fp) == (1, 0)
    assert res.overlap["PERSON"].fn == 1 and res.overlap["PERSON"].recall == 0.0
    assert res.micro("overlap").recall == 0.5 and res.micro("overlap").precision == 1.0
    kinds = [(f.kind, f.label, f.start, f.end) for f in res.findings]
    assert kinds == [("miss", "PERSON", 41, 45)]


def test_partial_match_counts_for_overlap_only():
    s = Scorer()
    s.add(rec(TEXT, PHONE), [Span(3, 25, "PHONE_NUMBER")])  # takes "number is" along
    res = s.result()
    assert res.overlap["PHONE_NUMBER"].tp == 1 and res.overlap["PHONE_NUMBER"].fp == 0
    assert res.exact["PHONE_NUMBER"].tp == 0 and res.exact["PHONE_NUMBER"].fn == 1
    assert res.exact["PHONE_NUMBER"].fp == 1
    (f,) = res.findings
    assert f.kind == "partial" and f.pred == ((3, 25),)


def test_wrong_label_is_a_miss_and_a_false_alarm():
    s = Scorer()
    s.add(rec(TEXT, PHONE), [Span(13, 25, "AU_TFN")])
    res = s.result()
    assert res.overlap["PHONE_NUMBER"].fn == 1 and res.overlap["AU_TFN"].fp == 1
    assert res.overlap["AU_TFN"].precision == 0.0


def test_slack_rule_matches_score_py():
    # gold "x" (1 non-space char inside): a span may add at most 1 + SLACK non-space chars outside.
    pad = "a" * (1 + SLACK)
    text = pad + "x" + " tail"
    g = (len(pad), len(pad) + 1, "L")
    ok, too_long = Scorer(), Scorer()
    ok.add(rec(text, g), [Span(0, len(pad) + 1, "L")])
    too_long.add(rec("b" + text, (g[0] + 1, g[1] + 1, "L")), [Span(0, len(pad) + 2, "L")])
    assert ok.result().overlap["L"].tp == 1
    r2 = too_long.result().overlap["L"]
    assert (r2.tp, r2.fn, r2.fp) == (0, 1, 1)


def test_two_predictions_on_one_gold_are_one_hit_and_duplicates_collapse():
    s = Scorer()
    s.add(rec(TEXT, PHONE), [Span(13, 17, "PHONE_NUMBER"), Span(18, 25, "PHONE_NUMBER"),
                             Span(18, 25, "PHONE_NUMBER")])
    ov = s.result().overlap["PHONE_NUMBER"]
    assert (ov.tp, ov.fn, ov.fp) == (1, 0, 0)


def test_label_filter():
    s = Scorer(labels=["PERSON"])
    s.add(rec(TEXT, PHONE, NAME), [Span(13, 25, "PHONE_NUMBER"), Span(0, 2, "PERSON")])
    res = s.result()
    assert set(res.overlap) == {"PERSON"}
    assert (res.overlap["PERSON"].fn, res.overlap["PERSON"].fp) == (1, 1)


def test_agreement_on_annotated_records():
    s = Scorer(producible=["PHONE_NUMBER", "CREDIT_CARD"])
    s.add(rec(TEXT, PHONE, annotated=["PHONE_NUMBER"], rid="pos-ok"), [Span(13, 25, "PHONE_NUMBER")])
    s.add(rec(TEXT, PHONE, annotated=["PHONE_NUMBER"], rid="pos-miss"), [])
    s.add(rec("4111 1111 1111 1112", annotated=["CREDIT_CARD"], rid="neg-ok"), [])
    s.add(rec("4111 1111 1111 1112", annotated=["CREDIT_CARD"], rid="neg-fa"), [Span(0, 19, "CREDIT_CARD")])
    # a label of the record that is not annotated is ignored, even when predicted
    s.add(rec(TEXT, annotated=["CREDIT_CARD"], rid="other-label"), [Span(13, 25, "PHONE_NUMBER")])
    # a type we cannot produce is skipped; a conflicting case too
    s.add(rec("GB82WEST12345698765432", annotated=["UK_NHS"], rid="unsupported"), [])
    s.add(rec(TEXT, PHONE, annotated=["PHONE_NUMBER"], conflict=True, rid="conflict"), [])
    res = s.result()
    ph, cc = res.agreement["PHONE_NUMBER"], res.agreement["CREDIT_CARD"]
    assert (ph.pos, ph.pos_right, ph.neg) == (2, 1, 0)
    assert (cc.neg, cc.neg_right) == (3, 2)
    assert res.micro_agreement().rate == pytest.approx(3 / 5)
    assert sorted(res.disagreements) == [("neg-fa", "CREDIT_CARD", "neg"), ("pos-miss", "PHONE_NUMBER", "pos")]
    assert res.skipped_conflicts == 1 and res.skipped_unlabelled == 1
    assert res.records == 5
    assert "PHONE_NUMBER" not in {f.label for f in res.findings if f.record_id == "other-label"}


def test_agreement_positive_with_extra_false_alarm_is_wrong():
    s = Scorer(labels=["PHONE_NUMBER"])
    text = TEXT + " or 02 9876 5432"
    s.add(rec(text, PHONE, annotated=["PHONE_NUMBER"]), [Span(13, 25, "PHONE_NUMBER"),
                                                         Span(len(TEXT) + 4, len(text), "PHONE_NUMBER")])
    a = s.result().agreement["PHONE_NUMBER"]
    assert (a.pos, a.pos_right) == (1, 0)


def test_load_records(tmp_path):
    p = tmp_path / "d.jsonl"
    lines = [{"id": "a", "text": "hello 0412 345 678", "spans": [{"start": 6, "end": 18, "label": "PHONE_NUMBER"}]},
             {"text": "no id", "spans": [], "meta": {"annotated_labels": ["URL"], "conflict": True}}]
    p.write_text("\n".join(json.dumps(l) for l in lines) + "\n\n")
    a, b = load_records(p)
    assert a.spans == (Span(6, 18, "PHONE_NUMBER"),) and a.annotated_labels is None
    assert b.id == "line-2" and b.annotated_labels == frozenset({"URL"}) and b.conflict
    assert "hello" not in repr(a)


@pytest.mark.parametrize("line, msg", [
    ("{not json", "not valid JSON"),
    (json.dumps({"text": "secret words", "spans": [{"start": 0, "end": 99, "label": "X"}]}), "outside the text"),
    (json.dumps({"text": "secret words", "spans": [{"start": 0}]}), "needs integer"),
    (json.dumps({"spans": []}), "string 'text'"),
])
def test_load_errors_name_the_line_not_the_text(tmp_path, line, msg):
    p = tmp_path / "bad.jsonl"
    p.write_text('{"text": "fine"}\n' + line + "\n")
    with pytest.raises(InputError, match=msg) as ei:
        load_records(p)
    assert ":2:" in str(ei.value) and "secret" not in str(ei.value)


def test_missing_file_is_input_error(tmp_path):
    with pytest.raises(InputError):
        load_records(tmp_path / "nope.jsonl")
