"""StreamRedactor: added latency of one `feed()` of a 3-word chunk, and how much it holds back.

    .venv/bin/python -m pytest benchmarks/bench_stream.py -s --benchmark-group-by=group
    OPENBLAS_NUM_THREADS=1 .venv/bin/python -m pytest benchmarks/bench_stream.py -s -k full

What it compares: for each engine (`rules`: every detector but the model ones; `full`: the
default pipeline with the NER model, skipped when the model is not installed) one stream is fed
a long synthetic call (benchmarks/conftest.py's generator, seeded) in 3-word chunks; each
benchmark round times ONE `feed()` of the next chunk, so the numbers are the latency a caller
adds per STT result, window re-redaction included. Printed beside pytest-benchmark's table:
p50/p99 of those feeds (target: p99 ≤ 3 ms), and the hold-back distribution (complete words
still held after each feed; target: mean ≤ 2 words on ordinary speech) for the PII-dense call
and for small talk alone.
"""
from __future__ import annotations

import random
import time
from collections import Counter

import pytest
from conftest import SEED, SMALL_TALK, build_engine, call_words

from lumor_redact.stream import StreamRedactor

CHUNK_WORDS = 3
ROUNDS = 1500


def _chunks(words: list[str], k: int = CHUNK_WORDS) -> list[str]:
    return [" ".join(words[i:i + k]) + " " for i in range(0, len(words), k)]


def _small_talk(n_words: int, rng: random.Random) -> list[str]:
    out: list[str] = []
    while len(out) < n_words:
        out += rng.choice(SMALL_TALK).split()
    return out[:n_words]


def _held_report(label: str, hist: Counter) -> str:
    n = sum(hist.values())
    mean = sum(k * v for k, v in hist.items()) / n if n else 0.0
    dist = " ".join(f"{k}:{hist[k] / n:.1%}" for k in sorted(hist) if hist[k] / n >= 0.005)
    return f"{label}: mean held {mean:.2f} words over {n} feeds [{dist}]"


@pytest.fixture(scope="module", params=["rules", "full"])
def redactor(request):
    eng = build_engine(request.param)
    if isinstance(eng, str):
        pytest.skip(eng)
    r = getattr(eng.run, "__self__", None)  # the engine runs Redactor.redact
    if r is None:
        pytest.skip(f"engine {request.param} exposes no Redactor")
    return request.param, r


@pytest.mark.benchmark(group="stream feed (3 words)")
def test_feed_latency(benchmark, redactor):
    name, r = redactor
    rng = random.Random(SEED)
    chunks = _chunks(call_words(ROUNDS * CHUNK_WORDS + 600, rng))
    s = StreamRedactor(r)
    for c in chunks[:100]:  # warm caches and the context window
        s.feed(c)
    it = iter(chunks[100:])
    times: list[float] = []

    def feed_next() -> None:
        c = next(it)
        t0 = time.perf_counter()
        s.feed(c)
        times.append(time.perf_counter() - t0)

    benchmark.pedantic(feed_next, rounds=ROUNDS, iterations=1, warmup_rounds=0)
    times.sort()
    p50, p99 = times[len(times) // 2] * 1e3, times[int(len(times) * 0.99)] * 1e3
    hist = Counter(s.stats.held_words)
    benchmark.extra_info.update(engine=name, p50_ms=p50, p99_ms=p99, mean_held=s.stats.mean_held_words)
    print(f"\n[{name}] feed of a {CHUNK_WORDS}-word chunk: p50 {p50:.3f} ms  p99 {p99:.3f} ms "
          f"(target p99 <= 3 ms: {'PASS' if p99 <= 3 else 'FAIL'})")
    print("  " + _held_report("PII-dense synthetic call", hist))


@pytest.mark.benchmark(group="stream hold-back")
def test_hold_back_on_small_talk(benchmark, redactor):
    name, r = redactor
    words = _small_talk(3000, random.Random(SEED))

    def run() -> Counter:
        s = StreamRedactor(r)
        for c in _chunks(words):
            s.feed(c)
        s.flush()
        return Counter(s.stats.held_words)

    hist = benchmark.pedantic(run, rounds=1, iterations=1)
    n = sum(hist.values())
    mean = sum(k * v for k, v in hist.items()) / n
    benchmark.extra_info.update(engine=name, mean_held=mean)
    print(f"\n[{name}] " + _held_report("ordinary speech (small talk)", hist)
          + f" (target mean <= 2: {'PASS' if mean <= 2 else 'FAIL'})")
