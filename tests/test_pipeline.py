"""The public API: results, masking policies, bad input, fail-closed behaviour."""
from __future__ import annotations

import logging

import pytest

from lumor_redact import (
    ConfigError, Detector, InputError, MaskPolicy, PseudonymTable, Redactor, RedactorConfig,
)
from lumor_redact.entities import Candidate

from lumor_test_support import rules_only_config

CALL = ("caller: my card is 4111 1111 1111 1111 and my mobile's oh four one two three four five "
        "six seven eight thanks")


def test_result_offsets_point_into_original_and_masked_text(rules_redactor: Redactor) -> None:
    res = rules_redactor.redact(CALL)
    assert res.text == "caller: my card is [CREDIT_CARD] and my mobile's [PHONE_NUMBER] thanks"
    for e in res.entities:
        assert res.text[e.masked_start:e.masked_end] == f"[{e.label}]"
        assert e.detector and 0 < e.score <= 1
    assert CALL[res.entities[0].start:res.entities[0].end] == "4111 1111 1111 1111"


def test_reprs_and_logs_hold_no_values(rules_redactor: Redactor, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="lumor_redact")
    res = rules_redactor.redact(CALL)
    shown = repr(res) + "".join(repr(e) for e in res.entities) + caplog.text
    for secret in ("4111", "1111", "four one two", "oh four"):
        assert secret not in shown


def test_redact_many_keeps_order(rules_redactor: Redactor) -> None:
    texts = [f"call me on 04{i:02d} 555 019" for i in range(10, 80)] + ["nothing here"]
    results = list(rules_redactor.redact_many(texts, batch_size=16))
    assert [r.text for r in results[:-1]] == ["call me on [PHONE_NUMBER]"] * 70
    assert results[-1].text == "nothing here"


@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["list"]])
def test_non_str_is_a_typed_error(rules_redactor: Redactor, bad: object) -> None:
    with pytest.raises(InputError):
        rules_redactor.redact(bad)  # type: ignore[arg-type]


def test_lone_surrogate_is_a_typed_error_without_content(rules_redactor: Redactor) -> None:
    with pytest.raises(InputError) as info:
        rules_redactor.redact("my card is 4111\udc80 1111")
    assert "4111" not in str(info.value)


def test_oversized_input_is_rejected() -> None:
    r = Redactor(rules_only_config(max_input_chars=1000))
    with pytest.raises(InputError):
        r.redact("x" * 1001)


def test_one_megabyte_chunk_and_pathological_repeats_finish(rules_redactor: Redactor) -> None:
    import time

    for text in ("1 " * 100_000, ("call 0412 555 019 card 4111 1111 1111 1111 " * 25_000)[:1_000_000]):
        t0 = time.perf_counter()
        res = rules_redactor.redact(text)
        assert time.perf_counter() - t0 < 60
        assert "0412 555 019" not in res.text


@pytest.fixture(scope="module")
def no_model_redactor() -> Redactor:
    return Redactor(RedactorConfig(disable_detectors=frozenset({"ner"})))


@pytest.mark.parametrize("unit", ["my name is siosaia ", "did time at long bay for ", "i live in sale and ", "www dot "])
def test_repeated_cue_phrases_stay_linear(no_model_redactor: Redactor, unit: str) -> None:
    """Cue-driven detectors (names, places, lexicons) once compared every find with every other
    one: 8x the text must cost far less than the 64x of a quadratic step."""
    import time

    def cost(n: int) -> float:
        t0 = time.perf_counter()
        no_model_redactor.redact(unit * n)
        return time.perf_counter() - t0

    cost(100)  # warm
    small, large = min(cost(500) for _ in range(2)), cost(4000)
    assert large < 20 * small + 0.05


class _Exploding(Detector):
    name = "exploding"
    labels = frozenset({"PERSON"})

    def detect(self, view):  # noqa: ANN001
        raise RuntimeError("boom")


def test_a_failing_detector_fails_closed() -> None:
    cfg = rules_only_config()
    r = Redactor(cfg)
    r2 = Redactor(cfg, detectors=[*r.detectors, _Exploding(cfg)])
    res = r2.redact("hi it's sarah nguyen")
    assert "sarah" not in res.text
    assert res.text == "[REDACTED]"
    assert res.errors == ("exploding: RuntimeError",)


@pytest.mark.parametrize("kind, expected", [
    ("tag", "card [CREDIT_CARD] ok"),
    ("char", "card **** **** **** **** ok"),
    ("last4", "card ************1111 ok"),
    ("pseudonym", "card [CREDIT_CARD_1] ok"),
])
def test_mask_policies(kind: str, expected: str) -> None:
    r = Redactor(rules_only_config(policies={"CREDIT_CARD": MaskPolicy(kind)}))
    assert r.redact("card 4111 1111 1111 1111 ok").text == expected


def test_last4_on_a_spoken_number_keeps_the_digits() -> None:
    r = Redactor(rules_only_config(policies={"PHONE_NUMBER": MaskPolicy("last4")}))
    assert r.redact("call oh four one two three four five six seven eight").text == "call ******5678"


def test_pseudonyms_are_consistent_within_a_call() -> None:
    r = Redactor(rules_only_config(default_policy=MaskPolicy("pseudonym")))
    table = PseudonymTable()
    a = r.redact("call 0412 555 019 or 0413 555 019", pseudonyms=table).text
    b = r.redact("so that's oh four one two five five five oh one nine", pseudonyms=table).text
    assert a == "call [PHONE_NUMBER_1] or [PHONE_NUMBER_2]"
    assert b == "so that's [PHONE_NUMBER_1]"


def test_redact_many_numbers_each_text_alone_or_shares_a_table() -> None:
    r = Redactor(rules_only_config(default_policy=MaskPolicy("pseudonym")))
    turns = ["call 0412 555 019 or 0413 555 019", "so that's oh four one three five five five oh one nine"]
    alone = [res.text for res in r.redact_many(turns)]
    assert alone[1] == "so that's [PHONE_NUMBER_1]"                  # a fresh numbering per text
    shared = [res.text for res in r.redact_many(turns, pseudonyms=PseudonymTable())]
    assert shared == ["call [PHONE_NUMBER_1] or [PHONE_NUMBER_2]", "so that's [PHONE_NUMBER_2]"]


def test_pseudonym_table_is_bounded() -> None:
    t = PseudonymTable(max_entries=3)
    for i in range(10):
        t.number("PERSON", f"p{i}")
    assert len(t) == 3


def test_hash_policy_needs_a_key_and_is_keyed() -> None:
    with pytest.raises(ConfigError):
        Redactor(rules_only_config(default_policy=MaskPolicy("hash")))
    r1 = Redactor(rules_only_config(default_policy=MaskPolicy("hash"), hash_key=b"k1"))
    r2 = Redactor(rules_only_config(default_policy=MaskPolicy("hash"), hash_key=b"k2"))
    t = "call 0412 555 019"
    assert r1.redact(t).text == r1.redact("call oh four one two five five five oh one nine").text
    assert r1.redact(t).text != r2.redact(t).text
    assert "0412" not in r1.redact(t).text


def test_entity_filter_threshold_allow_and_deny() -> None:
    r = Redactor(rules_only_config(entities=frozenset({"PHONE_NUMBER"})))
    assert r.redact("card 4111 1111 1111 1111 call 0412 555 019").text == "card 4111 1111 1111 1111 call [PHONE_NUMBER]"
    r = Redactor(rules_only_config(allow=("0412 555 019",)))
    assert r.redact("call 0412 555 019").text == "call 0412 555 019"
    r = Redactor(rules_only_config(deny={"PERSON": ("papadopoulos",)}))
    assert r.redact("with dr Papadopoulos today").text == "with dr [PERSON] today"
    r = Redactor(rules_only_config(thresholds={"PHONE_NUMBER": 0.99}))
    assert r.redact("call 0412 555 019").text == "call 0412 555 019"


def test_resolution_merges_overlaps_into_one_entity() -> None:
    from lumor_redact.resolve import resolve

    cands = [Candidate("PHONE_NUMBER", 5, 17, 0.8, "a"), Candidate("AU_TFN", 10, 20, 0.9, "b"),
             Candidate("PERSON", 30, 35, 0.9, "c")]
    out = resolve("x" * 40, cands, RedactorConfig())
    assert [(c.label, c.start, c.end) for c in out] == [("AU_TFN", 5, 20), ("PERSON", 30, 35)]


def test_model_guesses_yield_to_checked_rules() -> None:
    from lumor_redact.resolve import resolve

    text = "visa 4549 1210 3503 4465 expiry 11/26 and it's sarah"
    cands = [Candidate("CREDIT_CARD", 5, 24, 0.95, "payment_card"), Candidate("CARD_EXPIRY", 32, 37, 0.9, "payment_card"),
             Candidate("LOCATION", 0, 37, 0.85, "ner"),           # mostly the rules' entities: dropped
             Candidate("PERSON", 38, 52, 0.85, "ner")]            # nothing ruled there: kept
    out = resolve(text, cands, RedactorConfig(), frozenset({"ner"}))
    assert [(c.label, text[c.start:c.end]) for c in out] == [
        ("CREDIT_CARD", "4549 1210 3503 4465"), ("CARD_EXPIRY", "11/26"), ("PERSON", "and it's sarah")]
    # a model span reaching well beyond a rule's keeps only what the rule did not claim
    text = "mr bartholomew fitzgerald-smythe 0412 555 019"
    cands = [Candidate("PHONE_NUMBER", 33, 45, 0.9, "phone"), Candidate("PERSON", 3, 45, 0.85, "ner")]
    out = resolve(text, cands, RedactorConfig(), frozenset({"ner"}))
    assert [(c.label, text[c.start:c.end]) for c in out] == [
        ("PERSON", "bartholomew fitzgerald-smythe"), ("PHONE_NUMBER", "0412 555 019")]


@pytest.mark.parametrize("text, gone", [
    ("my email is brooke dot tanaka 92 at outlook dot com", "tanaka"),   # written digits in a spoken mailbox
    ("email is brooke tanaka 92 at gmail dot com", "tanaka"),            # digits with no joiner before them
    ("its sarah 1990 at bigpond dot com", "sarah"),
])
def test_spoken_mailbox_with_written_digits_is_masked_whole(rules_redactor: Redactor, text: str, gone: str) -> None:
    res = rules_redactor.redact(text)
    assert gone not in res.text and "EMAIL_ADDRESS" in {e.label for e in res.entities}


def test_digits_before_at_without_a_mail_domain_stay(rules_redactor: Redactor) -> None:
    assert rules_redactor.redact("order 1234 at 5 pm and i have 2 at home").text == "order 1234 at 5 pm and i have 2 at home"


def test_a_guess_mostly_inside_a_checked_entity_keeps_a_name_left_over() -> None:
    from lumor_redact.entities import Candidate
    from lumor_redact.resolve import resolve

    text = "email is john smith at gmail dot com and my knee"
    email = Candidate("EMAIL_ADDRESS", text.index("smith"), text.index(" and"), 0.95, "web")
    person = Candidate("PERSON", text.index("john"), text.index(" at"), 0.85, "ner")
    health = Candidate("HEALTH", text.index("my knee"), len(text), 0.85, "ner")
    knee = Candidate("HEALTH", text.index("knee"), len(text), 0.85, "lexicon_health")
    out = resolve(text, [email, person, health, knee], RedactorConfig(), frozenset({"ner"}))
    assert sorted((c.label, text[c.start:c.end]) for c in out) == [
        ("EMAIL_ADDRESS", "smith at gmail dot com"), ("HEALTH", "knee"), ("PERSON", "john")]
