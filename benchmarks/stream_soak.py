"""Soak test: one StreamRedactor fed a simulated hour-long call; is the cost per chunk flat?

    .venv/bin/python benchmarks/stream_soak.py                       # default pipeline
    .venv/bin/python benchmarks/stream_soak.py --rules-only --words 9000 --every 500
    OPENBLAS_NUM_THREADS=1 .venv/bin/python benchmarks/stream_soak.py

An hour of conversation is about 9,000 words (150 a minute). The call is synthetic and seeded
(benchmarks/conftest.py's generator: small talk, spoken numbers, names, emails …) and fed in
3-word chunks, as an STT engine would deliver it. Every `--every` chunks one line is printed:
mean and p99 feed time of that block, the process's resident memory (VmRSS), and the stream's
own state (characters buffered, window starts kept, pseudonyms). The claim it checks: the
per-chunk time and the memory are flat from the first block to the last, because the stream
keeps only a bounded window of text.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def rss_mb() -> float:
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=9000)
    ap.add_argument("--chunk", type=int, default=3, help="words per chunk")
    ap.add_argument("--every", type=int, default=500, help="print a line every N chunks")
    ap.add_argument("--rules-only", action="store_true", help="leave out model detectors (NER)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    from conftest import call_words

    from lumor_redact import Redactor, RedactorConfig, registered_detectors
    from lumor_redact.stream import StreamRedactor

    off = frozenset(n for n, f in registered_detectors().items() if getattr(f, "is_model", False)) \
        if args.rules_only else frozenset()
    r = Redactor(RedactorConfig(disable_detectors=off))
    words = call_words(args.words, random.Random(args.seed))
    chunks = [" ".join(words[i:i + args.chunk]) + " " for i in range(0, len(words), args.chunk)]
    s = StreamRedactor(r)
    for c in chunks[:30]:  # warm-up: lazy loads, caches (not timed, not in the table)
        s.feed(c)
    s = StreamRedactor(r)
    print(f"detectors: {[d.name for d in r.detectors]}")
    print(f"{len(words)} words in {len(chunks)} chunks of {args.chunk}; load average "
          f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    print(f"{'chunks':>7} {'mean ms':>8} {'p99 ms':>8} {'max ms':>8} {'RSS MB':>8} {'buffer':>7} {'bounds':>7} "
          f"{'pseudo':>7} {'held w':>7}")
    block: list[float] = []
    first_rss = rss_mb()
    rows = []
    for i, c in enumerate(chunks, 1):
        t0 = time.perf_counter()
        u = s.feed(c)
        block.append(time.perf_counter() - t0)
        if i % args.every == 0 or i == len(chunks):
            block.sort()
            mean = sum(block) / len(block) * 1e3
            p99 = block[min(len(block) - 1, int(len(block) * 0.99))] * 1e3
            rss = rss_mb()
            rows.append((mean, p99, rss))
            print(f"{i:7d} {mean:8.3f} {p99:8.3f} {block[-1] * 1e3:8.3f} {rss:8.1f} {len(s._buf):7d} "
                  f"{len(s._bounds):7d} {len(s.pseudonyms):7d} {u.held_words:7d}")
            block = []
    s.flush()
    st = s.stats
    print(f"hold-back: mean {st.mean_held_words:.2f} words; forced releases {st.forced_releases}; "
          f"late entities {st.late_entities}")
    if len(rows) >= 2:
        (m0, p0, r0), (m1, p1, r1) = rows[0], rows[-1]
        print(f"first block -> last block: mean {m0:.3f} -> {m1:.3f} ms, p99 {p0:.3f} -> {p1:.3f} ms, "
              f"RSS {r0:.1f} -> {r1:.1f} MB (start {first_rss:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
