"""presidio interop against a real presidio-analyzer AnalyzerEngine, with the network blocked."""
from __future__ import annotations

import socket

import pytest

pytest.importorskip("presidio_analyzer")

from presidio_analyzer import RecognizerResult  # noqa: E402

from lumor_redact import Candidate, Entity, Redactor, RedactorConfig, normalize  # noqa: E402
from lumor_redact.detect.base import Detector, build_detectors, registered_detectors  # noqa: E402
from lumor_redact.errors import ConfigError  # noqa: E402
from lumor_redact.integrations import presidio as lp  # noqa: E402

# Rule detectors only, by name: fast, and independent of models being trained elsewhere.
RULES = ["payment_card", "phone", "au_identifiers", "web"]
SPOKEN = "my mobile is oh four one two three four five six seven eight and email jane dot doe at example dot com"


@pytest.fixture()
def no_network(monkeypatch):
    """Every attempt to resolve or connect is recorded and refused; the test asserts there were none."""
    attempts: list[str] = []

    def refuse(kind):
        def f(*args, **kwargs):
            attempts.append(kind)
            raise OSError(f"network blocked in tests ({kind})")
        return f

    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("connect_ex"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    yield attempts
    assert attempts == [], f"network was attempted: {attempts}"


@pytest.fixture(scope="module")
def recognizers():
    return lp.predefined_recognizers()


@pytest.fixture(scope="module")
def lumor():
    return lp.LumorRecognizer(config=RedactorConfig(), detectors=RULES)


def spans(results, text):
    return sorted((r.entity_type, text[r.start:r.end]) for r in results)


def test_presidio_email_recognizer_is_offline(no_network, recognizers):
    engine = lp.build_analyzer(recognizers)
    text = "write to john.smith@example.com.au or jane@mail.example.co.uk today"
    found = spans(engine.analyze(text, language="en", entities=["EMAIL_ADDRESS"]), text)
    assert found == [("EMAIL_ADDRESS", "jane@mail.example.co.uk"), ("EMAIL_ADDRESS", "john.smith@example.com.au")]
    from presidio_analyzer.predefined_recognizers.generic import email_recognizer

    assert isinstance(email_recognizer.tldextract, lp._OfflineTldextract)
    assert lp.ensure_offline_tldextract() == 0  # already patched: idempotent


def test_lumor_recognizer_in_analyzer_engine(no_network, lumor):
    engine = lp.build_analyzer([lumor])
    found = spans(engine.analyze(SPOKEN, language="en"), SPOKEN)
    assert found == [("EMAIL_ADDRESS", "jane dot doe at example dot com"),
                     ("PHONE_NUMBER", "oh four one two three four five six seven eight")]
    only = engine.analyze(SPOKEN, language="en", entities=["EMAIL_ADDRESS"])
    assert [r.entity_type for r in only] == ["EMAIL_ADDRESS"]
    assert {"CREDIT_CARD", "PHONE_NUMBER", "AU_TFN", "EMAIL_ADDRESS"} <= set(lumor.supported_entities)
    r = only[0]
    assert r.recognition_metadata[RecognizerResult.RECOGNIZER_NAME_KEY] == "LumorRecognizer"
    assert r.recognition_metadata["lumor_detector"] == "web"


def test_lumor_beside_presidio_recognizers_with_spacy_engine(no_network, tmp_path, recognizers):
    """A spaCy engine over a blank English pipeline (no model download), per-detector recognizers."""
    nlp = lp.spacy_nlp_engine(lp.blank_spacy_model(tmp_path / "blank_en"))
    ours = lp.LumorRecognizer.per_detector(RedactorConfig(disable_detectors=frozenset(
        n for n in registered_detectors() if n not in RULES)))
    assert sorted(r.name for r in ours) == sorted(f"LumorRecognizer:{n}" for n in RULES)
    engine = lp.build_analyzer(ours + recognizers, nlp_engine=nlp)
    text = "card four one one one one one one one one one one one one one one one or 4111 1111 1111 1111"
    res = engine.analyze(text, language="en", entities=["CREDIT_CARD"])
    found = spans(res, text)
    # ours finds the spoken and the written card; presidio's finds the written one (deduplicated by presidio)
    assert ("CREDIT_CARD", "four one one one one one one one one one one one one one one one") in found
    assert ("CREDIT_CARD", "4111 1111 1111 1111") in found


def test_spacy_engine_refuses_unknown_model():
    with pytest.raises(FileNotFoundError):
        lp.spacy_nlp_engine("no_such_spacy_pipeline_xyz")


def test_conversions_round_trip():
    c = Candidate("AU_TFN", 3, 14, 0.9, "au_identifiers")
    r = lp.to_recognizer_result(c)
    assert (r.entity_type, r.start, r.end, r.score) == ("AU_TFN", 3, 14, 0.9)
    assert lp.to_candidate(r) == c
    e = Entity("PERSON", 0, 4, 0.8, "ner", masked_start=0, masked_end=8)
    back = lp.to_entity(lp.to_recognizer_result(e))
    assert (back.label, back.span, back.score, back.detector) == ("PERSON", (0, 4), 0.8, "ner")
    assert back.masked_span == (-1, -1)
    foreign = RecognizerResult("US_SSN", 1, 12, 0.85, recognition_metadata={
        RecognizerResult.RECOGNIZER_NAME_KEY: "UsSsnRecognizer"})
    assert lp.to_candidate(foreign) == Candidate("US_SSN", 1, 12, 0.85, "UsSsnRecognizer")
    assert lp.to_candidate(foreign, detector="presidio").detector == "presidio"


class _Broken(Detector):
    name = "broken"
    labels = frozenset({"PHONE_NUMBER"})

    def detect(self, view):
        raise RuntimeError("boom")


def test_failed_detector_is_reported_fail_closed(lumor):
    rec = lp.LumorRecognizer(Redactor(RedactorConfig(), detectors=[_Broken(RedactorConfig())]))
    res = rec.analyze("call me on 0412 345 678", ["EMAIL_ADDRESS"])
    assert [(r.entity_type, r.start, r.end) for r in res] == [("REDACTED", 0, 23)]


def test_not_registered_on_import_and_register_is_opt_in():
    assert lp.DETECTOR_NAME not in registered_detectors()
    with pytest.raises(ConfigError, match="presidio"):
        build_detectors(RedactorConfig(disable_detectors=frozenset({"presidio"})))
    lp.register()
    try:
        lp.register()  # idempotent
        assert registered_detectors()[lp.DETECTOR_NAME] is lp.PresidioDetector
        others = frozenset(n for n in registered_detectors() if n not in ("payment_card", "presidio"))
        cfg = RedactorConfig(entities=frozenset({"CREDIT_CARD", "US_SSN"}), disable_detectors=others)
        r = Redactor(cfg)
        assert "presidio" in [d.name for d in r.detectors]
        off = Redactor(cfg.with_(disable_detectors=others | {"presidio"}))
        assert "presidio" not in [d.name for d in off.detectors]
        text = "my social security number is 536-90-4399 thanks"
        res = r.redact(text)
        assert [(e.label, text[e.start:e.end], e.detector) for e in res.entities] == \
            [("US_SSN", "536-90-4399", "presidio")]
        assert "4399" not in res.text
    finally:
        lp.unregister()
    assert lp.DETECTOR_NAME not in registered_detectors()


def test_presidio_detector_reads_the_canonical_view(no_network, recognizers):
    det = lp.PresidioDetector(RedactorConfig(entities=frozenset({"CREDIT_CARD", "PHONE_NUMBER"})), recognizers)
    assert det.labels == frozenset({"CREDIT_CARD", "PHONE_NUMBER"})
    text = "card four one one one one one one one one one one one one one one one and my phone is oh two nine eight " \
           "seven six five four three two"
    got = {(c.label, text[c.start:c.end], c.score >= 0.5) for c in det.detect(normalize(text))}
    assert ("CREDIT_CARD", "four one one one one one one one one one one one one one one one", True) in got
    assert ("PHONE_NUMBER", "oh two nine eight seven six five four three two", True) in got  # boosted by "phone"
    assert all(c.detector == "presidio" and 0 <= c.start < c.end <= len(text) for c in det.detect(normalize(text)))


def test_context_boost_follows_presidio_defaults():
    boost = lp.PresidioDetector._boost
    assert boost("my tfn is 123", 10, 0.1, ["tfn"]) == pytest.approx(0.45)
    assert boost("nothing here 123", 13, 0.1, ["tfn"]) == 0.1
    assert boost("tfn " + "w " * 6 + "123", 16, 0.1, ["tfn"]) == 0.1  # more than 5 words away
    assert boost("tfn 123", 4, 1.0, ["tfn"]) == 1.0
