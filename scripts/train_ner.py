#!/usr/bin/env python3
"""Generate the synthetic data, train the NER model, keep only the best model.

One command, deterministic seeds, one CPU process:

    .venv/bin/python scripts/train_ner.py            # ~25 min on 2 cores

Steps: scripts/make_ner_data.py writes models/_work/{train,dev}.spacy (git-ignored); spaCy
trains models/ner.cfg into models/_work/run/; model-best is copied to models/lumor_ner/
(config.cfg, meta.json, tokenizer, vocab, tok2vec, ner); the model is then scored on the
generated dev split and, if present, on the shared dev_calls files (for the README only; the
generator never reads them).
"""
from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

# One process, one thread: the machine is shared.
for _v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

KEEP = ("config.cfg", "meta.json", "tokenizer", "vocab", "tok2vec", "ner")
SHARED = Path(os.environ.get("LUMOR_SHARED_DATA", "/work/shared/data"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", type=int, default=40000, help="training documents")
    ap.add_argument("--dev", type=int, default=2000, help="generated dev documents")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--max-steps", type=int, default=None, help="override training.max_steps")
    ap.add_argument("--skip-data", action="store_true", help="reuse models/_work/*.spacy")
    ap.add_argument("--out", default=str(ROOT / "models" / "lumor_ner"))
    a = ap.parse_args(argv)

    work = ROOT / "models" / "_work"
    t0 = time.time()
    if not a.skip_data:
        import make_ner_data
        make_ner_data.main(["--out", str(work), "--train", str(a.train), "--dev", str(a.dev), "--seed", str(a.seed)])
    t1 = time.time()

    import spacy
    from spacy.cli.train import train as spacy_train

    spacy.util.fix_random_seed(a.seed)
    overrides = {"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy"),
                 "system.seed": a.seed}
    if a.max_steps is not None:
        overrides["training.max_steps"] = a.max_steps
    run = work / "run"
    if run.exists():
        shutil.rmtree(run)
    spacy_train(ROOT / "models" / "ner.cfg", run, overrides=overrides, use_gpu=-1)
    t2 = time.time()

    best = run / "model-best"
    out = Path(a.out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in KEEP:
        src = best / name
        if src.is_dir():
            shutil.copytree(src, out / name)
        elif src.exists():
            shutil.copy2(src, out / name)
    print(f"data {t1 - t0:.0f}s, training {t2 - t1:.0f}s -> {out}", file=sys.stderr)

    import eval_ner
    nlp = spacy.load(out)
    files = [work / "dev.jsonl"] + [SHARED / n for n in ("dev_calls.jsonl", "dev_calls_cased.jsonl") if (SHARED / n).exists()]
    for f in files:
        print(eval_ner.format_table(f.name, eval_ner.evaluate_file(nlp, f)))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
