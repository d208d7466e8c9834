"""Named entities from the shipped spaCy model: PERSON, LOCATION, STREET_ADDRESS, HEALTH.

The model is a small CNN pipeline trained on synthetic call dialogue (see models/README.md).
It reads the ORIGINAL text: names and addresses depend on the words around them, and the
model was trained on raw STT output in every style, so normalizing first would only hide
context. Offsets therefore come straight from spaCy and need no mapping.

Where the model lives: `<repo>/models/lumor_ner` for a source checkout (the package is
installed editable from `src/`), or the directory named by the environment variable
`LUMOR_NER_MODEL` for any other install. Loading is local only: `spacy.load(path)` of a
directory never touches the network.

The pipeline is loaded once per process and shared by every detector instance (a module-level
cache keyed by the resolved path): loading takes a fraction of a second and the model is
read-only at inference, so sharing is safe for concurrent `detect` calls.

Speed: a single text goes through `ner_numpy.NumpyNer`, the same model's forward pass in
numpy (checked against spaCy when it is built; LUMOR_NER_FAST=0 turns it off), because
spaCy's per-call overhead is most of a streaming feed's budget. Batches take the same path
(about 1.4x `nlp.pipe`'s throughput on the dev calls); `nlp.pipe` is the fallback.
`detect_after` reads only `reach_words` words before the text a caller still needs (the
stream's held tail), which the model's receptive field allows.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any, Iterable, Sequence

from lumor_redact.config import RedactorConfig
from lumor_redact.detect.base import Detector, context_start, register_detector
from lumor_redact.detect.ner_numpy import NumpyNer
from lumor_redact.detect.guesses import plausible, refine
from lumor_redact.entities import Candidate
from lumor_redact.errors import ConfigError
from lumor_redact.text.view import TextView

__all__ = ["NerDetector", "model_path", "load_model", "plausible", "ENV_VAR", "DEFAULT_SCORE"]

ENV_VAR = "LUMOR_NER_MODEL"
# spaCy's greedy NER gives no probability; a fixed score sits between rule hits with
# context (~0.9+) and weak pattern matches, so a threshold of 0.5-0.8 keeps NER spans.
DEFAULT_SCORE = 0.85
_LABELS = frozenset({"PERSON", "LOCATION", "STREET_ADDRESS", "HEALTH"})
_BATCH = 64

_CACHE: dict[Path, Any] = {}
_FAST: dict[int, NumpyNer | None] = {}
_LOCK = threading.Lock()


def model_path() -> Path:
    """The model directory: $LUMOR_NER_MODEL if set, else <repo>/models/lumor_ner."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser().resolve()
    # src/lumor_redact/detect/ner.py -> parents[3] is the repository root
    return Path(__file__).resolve().parents[3] / "models" / "lumor_ner"


def _use_numpy_gemm(nlp: Any) -> None:
    """Route the model's small matrix products through numpy.

    On some virtualised CPUs blis (thinc's default) falls back to a slow generic kernel and
    takes ~3x longer than numpy's BLAS for the 10-60 x 200 products a short chunk needs. The
    results are the same floats up to rounding; set LUMOR_NER_NUMPY_GEMM=0 to keep blis.
    """
    if os.environ.get("LUMOR_NER_NUMPY_GEMM", "1") == "0":
        return
    import numpy
    from thinc.api import NumpyOps

    class _NumpyGemmOps(NumpyOps):  # type: ignore[misc, valid-type]
        name = "numpy"

        def gemm(self, x, y, out=None, trans1=False, trans2=False):  # noqa: ANN001, ANN201
            a = x.T if trans1 else x
            b = y.T if trans2 else y
            if out is None:
                return numpy.ascontiguousarray(numpy.matmul(a, b))
            numpy.matmul(a, b, out=out)
            return out

    ops = _NumpyGemmOps()
    for _name, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is None:
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = ops


def load_model(path: Path | None = None) -> Any:
    """The spaCy pipeline at `path` (default `model_path()`), loaded once per process."""
    p = (path or model_path()).resolve()
    nlp = _CACHE.get(p)
    if nlp is not None:
        return nlp
    with _LOCK:
        nlp = _CACHE.get(p)
        if nlp is not None:
            return nlp
        if not (p / "config.cfg").is_file() or not (p / "meta.json").is_file():
            raise ConfigError(
                f"NER model not found at {p}: expected a spaCy model directory (config.cfg, meta.json, ner, "
                f"tok2vec). Set the environment variable {ENV_VAR} to the lumor_ner model directory, "
                "retrain it with scripts/train_ner.py, or disable the detector with disable_detectors = [\"ner\"]."
            )
        try:
            import spacy
        except ImportError as exc:  # pragma: no cover - spacy is a hard dependency
            raise ConfigError("the ner detector needs spaCy installed (pip install 'spacy>=3.7,<3.9')") from exc
        try:
            nlp = spacy.load(p)
        except Exception as exc:  # noqa: BLE001 - any load failure is a configuration problem
            raise ConfigError(f"NER model at {p} could not be loaded ({type(exc).__name__}); "
                              f"retrain it or point {ENV_VAR} at a valid model") from None
        _use_numpy_gemm(nlp)
        _single_threaded_blas()
        _CACHE[p] = nlp
        return nlp


def fast_path(nlp: Any) -> NumpyNer | None:
    """The numpy forward pass of `nlp` for single texts (see ner_numpy), built and checked once
    per pipeline; None when it does not apply or LUMOR_NER_FAST=0."""
    if os.environ.get("LUMOR_NER_FAST", "1") == "0":
        return None
    key = id(nlp)
    if key not in _FAST:
        with _LOCK:
            if key not in _FAST:
                _FAST[key] = NumpyNer.build(nlp)
    return _FAST[key]


def _single_threaded_blas() -> None:
    """Cap BLAS at one thread for this process. The model's matrices are small: with OpenBLAS's
    thread pool a 12-word chunk took about twice as long (p99 4.6 ms instead of 2.8 ms here),
    and a redactor sharing a voice agent's cores should not spin up threads per call. Set
    LUMOR_BLAS_THREADS to keep another limit (0 leaves BLAS alone)."""
    limit = int(os.environ.get("LUMOR_BLAS_THREADS", "1"))
    if limit <= 0:
        return
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - a declared dependency
        return
    threadpool_limits(limits=limit, user_api="blas")


# Texts longer than this are read in segments: a 1 MB transcript in one pass needs about 1 GB
# of activations; in segments its memory is that of one segment, and the time the same.
SEGMENT_CHARS = 20_000
SEGMENT_MARGIN_WORDS = 40   # words read past a segment's end, so entities crossing it are whole


def _segments(text: str, size: int, left_words: int, right_words: int) -> list[tuple[int, int, int, int]]:
    """(start, end, read_from, read_to) of consecutive segments of about `size` characters that
    begin at word starts: a segment's entities are those starting in [start, end), found by
    reading from `left_words` words before it (the model's reach) to `right_words` after it."""
    out = []
    n = len(text)
    a = 0
    while a < n:
        b = min(n, a + size)
        while b < n and not (text[b - 1].isspace() and not text[b].isspace()):
            b += 1  # end where a word starts
        lo = context_start(text, a, left_words) if a else 0
        hi, words = b, 0
        while hi < n and words < right_words:
            while hi < n and text[hi].isspace():
                hi += 1
            while hi < n and not text[hi].isspace():
                hi += 1
            words += 1
        out.append((a, b, lo, hi))
        a = b
    return out


@register_detector("ner")
class NerDetector(Detector):
    """PERSON / LOCATION / STREET_ADDRESS / HEALTH spans found by the statistical model.

    Complements the rules: names, suburbs and conditions have no fixed shape, so only a
    model that reads context ("it's sarah", "i'm out at kogarah", "i've got sciatica") can
    find them, in lowercase spoken STT text as well as in smart-formatted text.
    """

    labels = _LABELS
    is_model = True
    # The model's receptive field: the CNN encoder (depth 3, window 1) reads 3 tokens either
    # side and the transition parser's features reach one token back from the entity it is
    # building. Eight words (a word may be two tokens: "it's") leave a margin, and keep a
    # stream's model pass at a dozen words instead of its whole context window.
    reach_words = 8

    def __init__(self, config: RedactorConfig) -> None:
        super().__init__(config)
        self._nlp = load_model()
        self._fast = fast_path(self._nlp)
        self._score = DEFAULT_SCORE
        self._wanted = frozenset(label for label in _LABELS if config.wants(label))

    def _candidates(self, text: str, spans: Iterable[tuple[int, int, str]], shift: int = 0) -> list[Candidate]:
        out = []
        for start, end, label in spans:
            if label in self._wanted and end > start:
                for s, e in refine(label, text, start, end):
                    out.append(Candidate(label, s + shift, e + shift, self._score, "ner"))
        return out

    def _spans(self, text: str) -> list[tuple[int, int, str]]:
        """Entities of one text: the numpy forward pass when it applies (about twice as fast on
        a short text), else spaCy's. A long text is read in segments (see `_segments`)."""
        if len(text) > SEGMENT_CHARS:
            out = []
            for a, b, lo, hi in _segments(text, SEGMENT_CHARS, self.reach_words or 0, SEGMENT_MARGIN_WORDS):
                out.extend((s + lo, e + lo, label) for s, e, label in self._spans_of(text[lo:hi]) if a <= s + lo < b)
            return out
        return self._spans_of(text)

    def _spans_of(self, text: str) -> list[tuple[int, int, str]]:
        if self._fast is not None:
            return self._fast(text)
        return [(e.start_char, e.end_char, e.label_) for e in self._nlp(text).ents]

    def detect(self, view: TextView) -> list[Candidate]:
        text = view.original
        if not text or text.isspace():
            return []
        return self._candidates(text, self._spans(text))

    def detect_after(self, view: TextView, focus: int) -> list[Candidate]:
        text = view.original
        cut = context_start(text, focus, self.reach_words or 0)
        if cut == 0:
            return self.detect(view)
        tail = text[cut:]
        if tail.isspace():
            return []
        return self._candidates(tail, self._spans(tail), cut)

    def detect_many(self, views: Sequence[TextView]) -> list[list[Candidate]]:
        if self._fast is not None:  # faster than nlp.pipe even on batches (no per-batch padding)
            return [self.detect(v) for v in views]
        texts = [v.original for v in views]
        out: list[list[Candidate]] = [[] for _ in texts]
        idx = [i for i, t in enumerate(texts) if t and not t.isspace()]
        for i, doc in zip(idx, self._nlp.pipe((texts[i] for i in idx), batch_size=_BATCH)):
            out[i] = self._candidates(texts[i], ((e.start_char, e.end_char, e.label_) for e in doc.ents))
        return out
