#!/usr/bin/env python3
"""Coverage of the lexicon detectors ALONE on labelled call data (per-label recall/precision).

Usage: lexicon_coverage.py [DATA.jsonl ...] [--threshold 0.5] [--show LABEL] [--json]

Matching follows the project scorer (overlap match): a gold span is found when a predicted
span of the same label overlaps it and the prediction does not reach far beyond its gold
spans (non-space characters outside gold of its label <= those inside + 15). A prediction
that finds nothing is a false positive. Only the labels the lexicon detectors produce are
reported. `--show LABEL` prints misses and false alarms of one label (local debugging only;
it prints transcript text, so never paste its output anywhere).

Also reports speed: per-call latency of both detectors on 12-word chunks and on whole calls.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from lumor_redact.config import RedactorConfig  # noqa: E402
from lumor_redact.detect.lexicon import (  # noqa: E402
    ALL_LABELS, LexiconHealthDetector, LexiconSensitiveDetector,
)
from lumor_redact.text.view import TextView  # noqa: E402

DEFAULT_DATA = ["/work/shared/data/dev_calls.jsonl", "/work/shared/data/dev_calls_cased.jsonl"]
SLACK = 15


def load(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def predict(dets, text: str, threshold: float) -> list[tuple[int, int, str, float]]:
    view = TextView.identity(text)
    out = []
    for d in dets:
        for c in d.detect(view):
            if c.score >= threshold:
                out.append((c.start, c.end, c.label, c.score))
    return out


def evaluate(records: list[dict], dets, threshold: float, show: str | None):
    tp: dict[str, int] = defaultdict(int)
    fn: dict[str, int] = defaultdict(int)
    fp: dict[str, int] = defaultdict(int)
    for rec in records:
        text = rec["text"]
        gold = [(s["start"], s["end"], s["label"]) for s in rec["spans"] if s["label"] in ALL_LABELS]
        pred = predict(dets, text, threshold)
        inside: dict[str, set[int]] = defaultdict(set)
        for gs, ge, gl in gold:
            inside[gl].update(range(gs, ge))

        def valid(ps: int, pe: int, pl: str) -> bool:
            ns = [i for i in range(ps, pe) if not text[i].isspace()]
            n_in = sum(i in inside[pl] for i in ns)
            return n_in > 0 and len(ns) - n_in <= n_in + SLACK

        ok = [p for p in pred if valid(p[0], p[1], p[2])]
        for gs, ge, gl in gold:
            hit = any(ps < ge and gs < pe and pl == gl for ps, pe, pl, _ in ok)
            tp[gl] += hit
            fn[gl] += not hit
            if not hit and show == gl:
                print(f"  MISS {rec.get('id')}: {text[gs:ge]!r}  | ...{text[max(0, gs - 60):gs]!r}")
        for p in pred:
            if p not in ok:
                fp[p[2]] += 1
                if show == p[2]:
                    print(f"  FP   {rec.get('id')}: {text[p[0]:p[1]]!r} ({p[3]:.2f}) | ...{text[max(0, p[0] - 60):p[1] + 30]!r}")
    return tp, fn, fp


def speed(records: list[dict], dets, rng: random.Random) -> dict[str, float]:
    chunks = []
    for rec in records:
        words = rec["text"].split()
        for i in range(0, max(1, len(words) - 12), 12):
            chunks.append(" ".join(words[i:i + 12]))
    rng.shuffle(chunks)
    chunks = chunks[:2000]
    for c in chunks[:200]:  # warm up
        for d in dets:
            d.detect(TextView.identity(c))
    # Wall time suffers from other processes on a shared machine; thread CPU time does not.
    lat, cpu = [], []
    for c in chunks:
        v = TextView.identity(c + " ")  # a fresh string: no shared-analysis cache hit across calls
        t0, c0 = time.perf_counter(), time.thread_time()
        for d in dets:
            d.detect(v)
        lat.append((time.perf_counter() - t0) * 1e3)
        cpu.append((time.thread_time() - c0) * 1e3)
    long, long_cpu = [], []
    for rec in records:
        words = rec["text"].split()
        text = " ".join((words * (300 // max(1, len(words)) + 1))[:300])
        v = TextView.identity(text)
        t0, c0 = time.perf_counter(), time.thread_time()
        for d in dets:
            d.detect(v)
        long.append((time.perf_counter() - t0) * 1e3)
        long_cpu.append((time.thread_time() - c0) * 1e3)
    for x in (lat, cpu, long, long_cpu):
        x.sort()
    return {
        "chunk12_p50_ms": statistics.median(lat),
        "chunk12_p99_ms": lat[int(len(lat) * 0.99) - 1],
        "chunk12_cpu_p50_ms": statistics.median(cpu),
        "chunk12_cpu_p99_ms": cpu[int(len(cpu) * 0.99) - 1],
        "words300_p50_ms": statistics.median(long),
        "words300_max_ms": long[-1],
        "words300_cpu_p50_ms": statistics.median(long_cpu),
        "words300_cpu_max_ms": long_cpu[-1],
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", nargs="*", default=DEFAULT_DATA)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--show", default=None)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--no-speed", action="store_true")
    a = ap.parse_args()
    cfg = RedactorConfig()
    t0 = time.perf_counter()
    dets = [LexiconHealthDetector(cfg), LexiconSensitiveDetector(cfg)]
    build_s = time.perf_counter() - t0
    report: dict = {"build_seconds": build_s, "files": {}}
    for path in a.data:
        records = load(path)
        tp, fn, fp = evaluate(records, dets, a.threshold, a.show)
        rows = {}
        for label in sorted(set(tp) | set(fn) | set(fp)):
            p = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
            r = tp[label] / (tp[label] + fn[label]) if tp[label] + fn[label] else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            rows[label] = {"gold": tp[label] + fn[label], "tp": tp[label], "fp": fp[label],
                           "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}
        report["files"][Path(path).name] = rows
    if not a.no_speed:
        recs = load(a.data[0])
        report["speed"] = speed(recs, dets, random.Random(7))
    if a.json:
        print(json.dumps(report, indent=2))
        return
    print(f"build: {build_s:.2f} s")
    for name, rows in report["files"].items():
        print(f"\n{name}")
        print(f"  {'label':<20} {'gold':>5} {'tp':>4} {'fp':>4} {'prec':>6} {'rec':>6} {'f1':>6}")
        for label, r in rows.items():
            print(f"  {label:<20} {r['gold']:>5} {r['tp']:>4} {r['fp']:>4} {r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f}")
    if "speed" in report:
        s = report["speed"]
        print(f"\nspeed, both detectors (wall | thread CPU):"
              f"\n  12-word chunk  p50 {s['chunk12_p50_ms']:.3f} | {s['chunk12_cpu_p50_ms']:.3f} ms,"
              f" p99 {s['chunk12_p99_ms']:.3f} | {s['chunk12_cpu_p99_ms']:.3f} ms"
              f"\n  300-word call  p50 {s['words300_p50_ms']:.3f} | {s['words300_cpu_p50_ms']:.3f} ms,"
              f" max {s['words300_max_ms']:.3f} | {s['words300_cpu_max_ms']:.3f} ms")


if __name__ == "__main__":
    main()
