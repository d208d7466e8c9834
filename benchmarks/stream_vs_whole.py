"""Split invariance with the full default pipeline (NER included), on labelled call files.

    .venv/bin/python benchmarks/stream_vs_whole.py ../shared/data/dev_calls.jsonl ../shared/data/dev_calls_cased.jsonl

Each call is fed to a StreamRedactor in chunks of 1-4 words (seeded, as score.py's stream mode
does) and checked against `Redactor.redact` on the whole text: every entity whole-text
redaction masks must be masked in the released text, no character of it released unmasked.
The test suite checks this with the rule and lexicon detectors on generated calls and every dev
call; this script adds the model, which is too slow for the suite's every-word split.
Only ids and labels are printed, never text.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys

from lumor_redact import Redactor, StreamRedactor


def chunks_of(text: str, rng: random.Random) -> list[str]:
    toks = re.findall(r"\S+\s*|\s+", text)
    out, i = [], 0
    while i < len(toks):
        k = rng.randint(1, 4)
        out.append("".join(toks[i:i + k]))
        i += k
    return out


def released_unmasked(r: Redactor, text: str, chunks: list[str]) -> tuple[int, list[str]]:
    """(entities masked whole, labels of those with a character the stream released unmasked)."""
    whole = r.redact(text)
    s = StreamRedactor(r)
    covered: set[int] = set()
    for c in chunks:
        for e in s.feed(c).entities:
            covered.update(range(e.start, e.end))
    for e in s.flush().entities:
        covered.update(range(e.start, e.end))
    bad = [e.label for e in whole.entities
           if any(not text[i].isspace() and i not in covered for i in range(e.start, e.end))]
    return len(whole.entities), bad


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args(argv)
    r = Redactor()
    rng = random.Random(a.seed)
    calls = entities = 0
    failures: list[tuple[str, list[str]]] = []
    for path in a.files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                rec = json.loads(line)
                n, bad = released_unmasked(r, rec["text"], chunks_of(rec["text"], rng))
                calls += 1
                entities += n
                if bad:
                    failures.append((str(rec.get("id")), bad))
    for rid, labels in failures:
        print(f"  {rid}: {', '.join(labels)}")
    print(f"{calls} calls, {entities} entities masked by whole-text redaction; "
          f"{sum(len(b) for _, b in failures)} with a character the stream released unmasked")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
