#!/usr/bin/env python3
"""Side-by-side speed table: lumor_redact vs presidio-analyzer, with ratios and the targets.

    .venv/bin/python benchmarks/compare.py                 # all engines, 2000 chunk reps
    .venv/bin/python benchmarks/compare.py --reps 5000 --json

Latency: each engine processes single 12-word chunks (synthetic, seeded; 500 distinct ones,
cycled), each call timed alone; p50/p99/mean over `--reps` calls. Engines are interleaved in
blocks of 100 calls so a burst of load from other processes hits every engine alike.
Throughput: chars/s over `--transcripts` 300-word synthetic transcripts, one call per transcript,
the median of `--rounds` rounds (engines interleaved per round).

Our engines run `Redactor.redact()` (normalize, detect, resolve AND mask); presidio's run
`AnalyzerEngine.analyze()` (detect only). See conftest.py for exactly what each engine is.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import BUILDERS, Engine, build_engine, chunks, transcripts  # noqa: E402

TARGETS = [
    # (description, engine, kind, other engine or threshold)
    ("core rules p99 <= 1 ms on a 12-word chunk", "core-rules", "p99_ms", 1.0),
    ("core rules throughput >= 2x presidio patterns", "core-rules", "ratio", ("presidio-patterns", 2.0)),
    ("full p99 <= 3 ms on a 12-word chunk", "full", "p99_ms", 3.0),
    ("full throughput >= 3x presidio + spaCy small", "full", "ratio", ("presidio-spacy", 3.0)),
]


def pct(xs: list[float], q: float) -> float:
    s = sorted(xs)
    k = min(len(s) - 1, max(0, round(q / 100 * (len(s) - 1))))
    return s[k]


def measure(engines: dict[str, Engine], reps: int, n_transcripts: int, rounds: int) -> dict[str, dict]:
    chunk_texts = chunks(500)
    docs = transcripts(n_transcripts)
    doc_chars = sum(len(d) for d in docs)
    lat: dict[str, list[float]] = {k: [] for k in engines}
    gc.collect()
    i = 0
    while min(len(v) for v in lat.values()) < reps:
        block = chunk_texts[i % len(chunk_texts):i % len(chunk_texts) + 100] or chunk_texts[:100]
        i += len(block)
        for k, e in engines.items():
            run, out = e.run, lat[k]
            for t in block:
                t0 = time.perf_counter_ns()
                run(t)
                out.append((time.perf_counter_ns() - t0) / 1e6)
    thr: dict[str, list[float]] = {k: [] for k in engines}
    for _ in range(rounds):
        for k, e in engines.items():
            t0 = time.perf_counter()
            for d in docs:
                e.run(d)
            thr[k].append(doc_chars / (time.perf_counter() - t0))
    out = {}
    for k in engines:
        xs = lat[k][:reps]
        out[k] = {"label": engines[k].label, "what": engines[k].what, "reps": len(xs),
                  "p50_ms": pct(xs, 50), "p99_ms": pct(xs, 99), "mean_ms": statistics.fmean(xs),
                  "chunk_chars": statistics.fmean(len(c) for c in chunk_texts),
                  "chars_per_s": statistics.median(thr[k]), "chars_per_s_best": max(thr[k]),
                  "transcripts": len(docs), "transcript_chars": doc_chars / len(docs), "rounds": rounds}
    return out


def check_targets(res: dict[str, dict]) -> list[tuple[str, str, str]]:
    rows = []
    for desc, key, kind, arg in TARGETS:
        if key not in res:
            rows.append((desc, "n/a", f"{key} not measured"))
            continue
        if kind == "p99_ms":
            v = res[key]["p99_ms"]
            rows.append((desc, "PASS" if v <= arg else "FAIL", f"p99 {v:.3f} ms"))
        else:
            other, need = arg
            if other not in res:
                rows.append((desc, "n/a", f"{other} not measured"))
                continue
            r = res[key]["chars_per_s"] / res[other]["chars_per_s"]
            rows.append((desc, "PASS" if r >= need else "FAIL", f"{r:.2f}x"))
    return rows


def print_table(res: dict[str, dict], skipped: dict[str, str]) -> None:
    w = max(len(v["label"]) for v in res.values()) if res else 10
    print(f"\n{'engine':{w}}  {'p50 ms':>8} {'p99 ms':>8} {'mean ms':>8}  {'chars/s':>11}  (12-word chunks: "
          f"{next(iter(res.values()))['reps'] if res else 0} reps; 300-word transcripts)")
    for v in res.values():
        print(f"{v['label']:{w}}  {v['p50_ms']:8.3f} {v['p99_ms']:8.3f} {v['mean_ms']:8.3f}  {v['chars_per_s']:11,.0f}")
    pairs = [("core-rules", "presidio-patterns"), ("rules", "presidio-patterns"), ("full", "presidio-spacy"), ("rules", "presidio-spacy"),
             ("full", "presidio-patterns"), ("rules", "full")]
    lines = []
    for a, b in pairs:
        if a in res and b in res:
            thr = res[a]["chars_per_s"] / res[b]["chars_per_s"]
            p99 = res[b]["p99_ms"] / res[a]["p99_ms"]
            p50 = res[b]["p50_ms"] / res[a]["p50_ms"]
            lines.append(f"  {res[a]['label']} vs {res[b]['label']}: throughput {thr:.2f}x, "
                         f"p50 {p50:.2f}x faster, p99 {p99:.2f}x faster")
    if lines:
        print("\nratios:")
        print("\n".join(lines))
    print("\ntargets:")
    for desc, verdict, detail in check_targets(res):
        print(f"  [{verdict:4}] {desc}: {detail}")
    print("\nengines:")
    for k, v in res.items():
        print(f"  {k}: {v['what']}")
    for k, why in skipped.items():
        print(f"  {k}: SKIPPED - {why}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--engines", default=",".join(BUILDERS), help=f"comma list of {', '.join(BUILDERS)}")
    ap.add_argument("--reps", type=int, default=2000, help="12-word chunk calls per engine (default 2000)")
    ap.add_argument("--transcripts", type=int, default=30, help="300-word transcripts per round (default 30)")
    ap.add_argument("--rounds", type=int, default=3, help="throughput rounds; the median is reported (default 3)")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--blas-threads", type=int, default=None, metavar="N",
                    help="cap OpenBLAS/OpenMP/MKL threads (set before numpy loads); default: as shipped")
    a = ap.parse_args(argv)
    if a.blas_threads is not None:
        if "numpy" in sys.modules:
            ap.error("--blas-threads must be applied before numpy is imported")
        for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ[var] = str(a.blas_threads)
    engines: dict[str, Engine] = {}
    skipped: dict[str, str] = {}
    for key in [k.strip() for k in a.engines.split(",") if k.strip()]:
        if key not in BUILDERS:
            ap.error(f"unknown engine {key!r}")
        e = build_engine(key)
        if isinstance(e, str):
            skipped[key] = e
            print(f"[{key}] skipped: {e}", file=sys.stderr)
        else:
            engines[key] = e
    if not engines:
        print("no engine could be built", file=sys.stderr)
        return 1
    res = measure(engines, a.reps, a.transcripts, a.rounds)
    if a.json:
        print(json.dumps({"results": res, "skipped": skipped,
                          "targets": [dict(zip(("target", "verdict", "detail"), t)) for t in check_targets(res)]},
                         indent=1))
    else:
        print_table(res, skipped)
    return 0


if __name__ == "__main__":
    sys.exit(main())
