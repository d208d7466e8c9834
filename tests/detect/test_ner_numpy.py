"""The numpy forward pass of the NER model finds exactly what spaCy finds, and the detector's
`detect_after` (the stream's short model window) agrees with whole-text detection."""
from __future__ import annotations

import importlib
import random
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from lumor_redact.detect.base import context_start

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "lumor_ner"
needs_model = pytest.mark.skipif(not (MODEL / "config.cfg").exists(), reason="trained model not present")


@pytest.fixture(scope="module")
def nlp():
    from lumor_redact.detect.ner import load_model

    return load_model(MODEL)


@pytest.fixture(scope="module")
def generated() -> list[str]:
    """Seeded synthetic calls in the three STT styles the model was trained on."""
    pytest.importorskip("faker")
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        make_ner_data = importlib.import_module("make_ner_data")
    finally:
        sys.path.pop(0)
    return [text for text, _spans in make_ner_data.generate(160, seed=9090)]


ODD_TEXTS = [
    "", " ", "\n", "x", "...", "it's  sarah   nguyen\n\nfrom  bondi", "Dr. O'Connell-Smith, 4/22 King St.",
    "émile zoë and josé from québec", "sarah " * 200, "1 2 3 4 5 6 7 8 9 0 " * 30, "\t\tjohn\tsmith\t",
]


@needs_model
def test_numpy_path_matches_spacy(nlp, generated):
    from lumor_redact.detect.ner_numpy import NumpyNer, agree

    fast = NumpyNer.build(nlp)
    assert fast is not None
    rng = random.Random(7)
    pieces = []
    for text in generated[:80]:  # stream-sized pieces cut at arbitrary characters too
        a = rng.randrange(len(text))
        pieces.append(text[a:a + rng.randint(5, 120)])
    texts = generated + pieces + ODD_TEXTS
    assert agree(nlp, fast, texts) == []


def test_numpy_path_declines_other_architectures():
    from lumor_redact.detect.ner_numpy import NumpyNer

    assert NumpyNer.build(SimpleNamespace(pipe_names=["tok2vec", "tagger", "ner"])) is None
    assert NumpyNer.build(SimpleNamespace(pipe_names=["ner"])) is None


@needs_model
def test_fast_path_can_be_switched_off(nlp, monkeypatch):
    from lumor_redact.detect import ner

    monkeypatch.setenv("LUMOR_NER_FAST", "0")
    assert ner.fast_path(nlp) is None
    monkeypatch.delenv("LUMOR_NER_FAST")
    assert ner.fast_path(nlp) is not None


def test_context_start_counts_words_back():
    text = "one two  three\nfour five"
    assert context_start(text, len(text), 0) == text.index("five")
    assert context_start(text, text.index("five"), 1) == text.index("four")
    assert context_start(text, text.index("five"), 3) == text.index("two")
    assert context_start(text, text.index("five"), 9) == 0
    assert context_start(text, text.index("hree"), 1) == text.index("two")  # inside a word: that word is next
    assert context_start("", 0, 3) == 0
    assert context_start("abc", 99, 1) == 0


@needs_model
def test_detect_after_agrees_with_whole_text(nlp, generated):
    from lumor_redact.config import RedactorConfig
    from lumor_redact.detect.ner import NerDetector
    from lumor_redact.text.view import TextView

    det = NerDetector(RedactorConfig())
    rng = random.Random(11)
    checked = 0
    for text in generated[:100]:
        starts = [i for i in range(1, len(text)) if text[i - 1].isspace() and not text[i].isspace()]
        if len(starts) < 12:
            continue
        focus = rng.choice(starts[10:])
        view = TextView.identity(text)
        whole = [c for c in det.detect(view) if c.start >= focus]
        tail = [c for c in det.detect_after(view, focus) if c.start >= focus]
        assert tail == whole
        assert all(c.start >= context_start(text, focus, det.reach_words) for c in det.detect_after(view, focus))
        checked += 1
    assert checked > 50


@needs_model
def test_long_text_read_in_segments_finds_the_same(generated, monkeypatch):
    from lumor_redact.config import RedactorConfig
    from lumor_redact.detect import ner
    from lumor_redact.text.view import TextView

    det = ner.NerDetector(RedactorConfig())
    text = "\n".join(generated[:60])
    view = TextView.identity(text)
    monkeypatch.setattr(ner, "SEGMENT_CHARS", 10 ** 9)
    whole = det.detect(view)
    monkeypatch.setattr(ner, "SEGMENT_CHARS", 1500)
    assert len(ner._segments(text, 1500, 8, 40)) > 5
    assert det.detect(view) == whole


def test_segments_cover_the_text_at_word_starts():
    from lumor_redact.detect.ner import _segments

    text = "alpha beta  gamma\ndelta " * 50 + "x" * 300
    segs = _segments(text, 40, 2, 3)
    assert segs[0][0] == 0 and segs[-1][1] == len(text)
    for (a, b, lo, hi), nxt in zip(segs, segs[1:] + [None]):
        assert lo <= a < b <= hi
        assert a == 0 or (text[a - 1].isspace() and not text[a].isspace())
        if nxt:
            assert nxt[0] == b
    assert _segments("", 40, 2, 3) == []
