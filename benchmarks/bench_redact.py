"""Speed of `Redactor.redact` beside presidio-analyzer, with pytest-benchmark.

Run:  .venv/bin/python -m pytest benchmarks/bench_redact.py --benchmark-group-by=group -s
(see benchmarks/README.md). Engines (built in conftest.py; one that cannot be built is skipped
with the reason):

  rules              lumor rules-only path: Redactor.redact() with every model detector disabled
  full               lumor default pipeline (rules + NER model); skipped if models/lumor_ner is missing
  presidio-patterns  presidio AnalyzerEngine, no-op NLP engine, its predefined non-NLP recognizers
  presidio-spacy     presidio AnalyzerEngine over spaCy small English (en_core_web_sm) if installed,
                     else over a BLANK English pipeline (labelled as such)

Ours is measured doing more than presidio: redact() also masks, presidio only detects.
For p50/p99 and the ratios between engines use benchmarks/compare.py.
"""
from __future__ import annotations

import itertools


def _announce(benchmark, engine, what: str, texts: list[str]) -> None:
    chars = sum(len(t) for t in texts) / len(texts)
    benchmark.extra_info.update({"engine": engine.key, "measures": engine.what, "mean_chars": round(chars, 1)})
    print(f"\n[{what}] {engine.label}: {engine.what} (mean {chars:.0f} chars per text)")


def test_latency_12_word_chunk(benchmark, engine, chunk_texts):
    """One call = one 12-word chunk (cycling through 500 different synthetic chunks)."""
    benchmark.group = "latency: one 12-word chunk"
    _announce(benchmark, engine, "12-word chunk latency", chunk_texts)
    it = itertools.cycle(chunk_texts)
    run = engine.run
    benchmark.pedantic(lambda: run(next(it)), rounds=2000, iterations=1, warmup_rounds=50)


def test_throughput_300_word_transcript(benchmark, engine, transcript_texts):
    """One call = one 300-word transcript; chars/s = mean_chars / mean time (see extra_info)."""
    benchmark.group = "throughput: one 300-word transcript"
    _announce(benchmark, engine, "300-word transcript throughput", transcript_texts)
    it = itertools.cycle(transcript_texts)
    run = engine.run
    benchmark.pedantic(lambda: run(next(it)), rounds=60, iterations=1, warmup_rounds=3)
    if benchmark.stats is not None:  # None under --benchmark-disable
        mean = benchmark.stats.stats.mean
        benchmark.extra_info["chars_per_s"] = round(benchmark.extra_info["mean_chars"] / mean)
        print(f"  -> {benchmark.extra_info['chars_per_s']:,} chars/s")
