#!/usr/bin/env python3
"""Score the NER model alone on labelled JSONL (overlap match), per label.

The matching mirrors the project scorer: a gold span is found when a predicted span of the
same label overlaps it, and a predicted span counts only if it does not reach far beyond gold
spans of its label (non-space characters outside <= inside + 15). Labels other than the four
the model produces are ignored on both sides.

Usage:
    python scripts/eval_ner.py [--model models/lumor_ner] FILE.jsonl [FILE2.jsonl ...]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

LABELS = ("PERSON", "LOCATION", "STREET_ADDRESS", "HEALTH")
SLACK = 15
ROOT = Path(__file__).resolve().parents[1]


def _nonspace(text: str, s: int, e: int) -> list[int]:
    return [i for i in range(max(0, s), min(len(text), e)) if not text[i].isspace()]


def score_records(records: list[dict], preds: list[list[tuple[int, int, str]]]) -> dict[str, dict[str, float]]:
    """Per-label P/R/F1 with overlap matching; records carry 'text' and 'spans'."""
    tp: dict[str, int] = defaultdict(int)
    fn: dict[str, int] = defaultdict(int)
    fp: dict[str, int] = defaultdict(int)
    for rec, pred in zip(records, preds):
        text = rec["text"]
        gold = [(s["start"], s["end"], s["label"]) for s in rec["spans"] if s["label"] in LABELS]
        inside: dict[str, set[int]] = defaultdict(set)
        for gs, ge, gl in gold:
            inside[gl].update(range(gs, ge))

        def valid(ps: int, pe: int, pl: str) -> bool:
            ns = _nonspace(text, ps, pe)
            n_in = sum(i in inside[pl] for i in ns)
            return n_in > 0 and len(ns) - n_in <= n_in + SLACK

        ok = [p for p in pred if valid(*p)]
        for gs, ge, gl in gold:
            hit = any(ps < ge and gs < pe and pl == gl for ps, pe, pl in ok)
            tp[gl] += hit
            fn[gl] += not hit
        for p in pred:
            if p[2] in LABELS and p not in ok:
                fp[p[2]] += 1
    out = {}
    T = {"tp": 0, "fp": 0, "fn": 0}
    for lab in LABELS:
        p = tp[lab] / (tp[lab] + fp[lab]) if tp[lab] + fp[lab] else 0.0
        r = tp[lab] / (tp[lab] + fn[lab]) if tp[lab] + fn[lab] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[lab] = {"p": p, "r": r, "f1": f, "tp": tp[lab], "fp": fp[lab], "fn": fn[lab]}
        T["tp"] += tp[lab]
        T["fp"] += fp[lab]
        T["fn"] += fn[lab]
    P = T["tp"] / max(1, T["tp"] + T["fp"])
    R = T["tp"] / max(1, T["tp"] + T["fn"])
    out["micro"] = {"p": P, "r": R, "f1": 2 * P * R / (P + R) if P + R else 0.0, **T}
    return out


def predict(nlp, texts: list[str]) -> list[list[tuple[int, int, str]]]:
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts, batch_size=64)]


def evaluate_file(nlp, path: str | Path) -> dict[str, dict[str, float]]:
    with open(path) as f:
        records = [json.loads(line) for line in f if line.strip()]
    return score_records(records, predict(nlp, [r["text"] for r in records]))


def format_table(name: str, res: dict[str, dict[str, float]]) -> str:
    lines = [f"## {name}", f"{'label':16} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for lab, v in res.items():
        lines.append(f"{lab:16} {v['p']:6.3f} {v['r']:6.3f} {v['f1']:6.3f} {v['tp']:5d} {v['fp']:5d} {v['fn']:5d}")
    return "\n".join(lines)


def speed(nlp, n: int = 3000, seed: int = 7) -> dict[str, float]:
    """Latency of one 12-word chunk (p50/p99, ms) and throughput (chars/s) on a 300-word
    transcript, with made-up call-like text. `nlp` is any callable on a text: the spaCy
    pipeline, or the detector's numpy forward pass of it."""
    import random
    import time

    rng = random.Random(seed)
    words = ("agent caller yeah hi it's sarah nguyen i'm calling about my sore knee thanks the a of to and "
             "booking tomorrow at ten fifteen oh four one two my address is forty two railway parade kogarah "
             "um like no worries can i grab your full name please").split()
    chunks = [" ".join(rng.choice(words) for _ in range(12)) for _ in range(n)]
    for c in chunks[:300]:
        nlp(c)
    times = []
    for c in chunks:
        t = time.perf_counter()
        nlp(c)
        times.append(time.perf_counter() - t)
    times.sort()
    long = " ".join(rng.choice(words) for _ in range(300))
    reps = 200
    t = time.perf_counter()
    for _ in range(reps):
        nlp(long)
    dt = (time.perf_counter() - t) / reps
    return {"p50_ms": times[len(times) // 2] * 1e3, "p99_ms": times[int(len(times) * 0.99)] * 1e3,
            "chars_per_s": len(long) / dt}


def batch_speed(nlp, fast, texts: list[str]) -> dict[str, float]:
    """Chars/s over `texts`: spaCy's `nlp.pipe` (batch 64) against the numpy pass one text at a time."""
    import time

    out = {}
    for name, run in (("nlp.pipe", lambda: [d.ents for d in nlp.pipe(texts, batch_size=64)]),
                      ("numpy", lambda: [fast(t) for t in texts])):
        run()  # warm
        t = time.perf_counter()
        run()
        out[name + "_chars_per_s"] = sum(map(len, texts)) / (time.perf_counter() - t)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*")
    ap.add_argument("--model", default=str(ROOT / "models" / "lumor_ner"))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--speed", action="store_true", help="also time 12-word chunks and a 300-word text")
    a = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT / "src"))
    try:
        from lumor_redact.detect.ner import load_model  # the detector's loader (shared, numpy gemm)
        nlp = load_model(Path(a.model))
    except ImportError:  # package not importable: plain spaCy (blis gemm)
        import spacy
        nlp = spacy.load(a.model)
    if a.speed:
        print("speed, spaCy nlp(text):", {k: round(v, 3) for k, v in speed(nlp).items()})
        try:
            from lumor_redact.detect.ner import fast_path
            fast = fast_path(nlp)
        except ImportError:
            fast = None
        if fast is not None:
            print("speed, numpy forward pass (NerDetector's single-text path):",
                  {k: round(v, 3) for k, v in speed(fast).items()})
            if a.files:
                texts = [json.loads(line)["text"] for path in a.files
                         for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
                print("batch throughput on FILES:", {k: round(v) for k, v in batch_speed(nlp, fast, texts).items()})
    allres = {}
    for path in a.files:
        res = evaluate_file(nlp, path)
        allres[str(path)] = res
        if not a.json:
            print(format_table(Path(path).name, res))
            print()
    if a.json:
        print(json.dumps(allres, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
