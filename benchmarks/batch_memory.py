"""Peak memory of `lumor-redact batch` on a small and a 20x larger input: it must stay flat.

    .venv/bin/python benchmarks/batch_memory.py                       # 10k and 200k records, rules only
    .venv/bin/python benchmarks/batch_memory.py --sizes 2000 40000    # quicker

Runs the real command (`python -m lumor_redact.cli batch IN -o OUT --workers N --rules-only`)
as a subprocess per size and samples, every 50 ms, the resident memory of its whole process
tree (parent + pool workers, via /proc). Reports the peak of the tree's sum, the peak of each
process's own high-water mark (VmHWM), and the ratio large/small; flat means within ±10%.

Records are short synthetic calls (a few turns each, from lumor_redact.batch.sample): memory
flatness depends on how much is held at once, not on the record length, and short records let
200k records finish in minutes on a 2-core machine. --rules-only keeps it to the rule
detectors (the NER model adds a constant per worker, it does not grow with the input).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def make_input(path: Path, n: int, seed: int) -> int:
    from lumor_redact.batch.sample import generate_calls

    size = 0
    with open(path, "w", encoding="utf-8") as f:
        for c in generate_calls(n, seed=seed):
            turns = c.turns[1:5]                  # caller's name and a few value-bearing turns
            line = json.dumps({"id": c.id, "style": c.style,
                               "text": "\n".join(f"{t.speaker}: {t.text}" for t in turns)}) + "\n"
            f.write(line)
            size += len(line)
    return size


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                ppid = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(d.name))
    out, todo = [], [root]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def _status_kb(pid: int, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure(inp: Path, out: Path, workers: int, extra: list[str]) -> dict:
    cmd = [sys.executable, "-m", "lumor_redact.cli", "batch", str(inp), "-o", str(out), "--workers", str(workers),
           "--rules-only", "--no-progress", "--summary-json", "-q", *extra]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak_sum = 0
    hwm: dict[int, int] = {}
    while proc.poll() is None:
        pids = _tree(proc.pid)
        total = 0
        for p in pids:
            total += _status_kb(p, "VmRSS")
            hwm[p] = max(hwm.get(p, 0), _status_kb(p, "VmHWM"))
        peak_sum = max(peak_sum, total)
        time.sleep(0.05)
    stdout, stderr = proc.communicate()
    seconds = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        raise SystemExit(f"batch failed ({proc.returncode}): {stderr.decode()[-2000:]}")
    summary = json.loads(stdout)
    parent = hwm.get(proc.pid, 0)
    workers_hwm = sorted((v for p, v in hwm.items() if p != proc.pid), reverse=True)
    return {"records": summary["records"], "seconds": round(seconds, 1),
            "records_per_s": round(summary["records"] / seconds, 1),
            "peak_tree_rss_mb": round(peak_sum / 1024, 1), "parent_hwm_mb": round(parent / 1024, 1),
            "worker_hwm_mb": [round(v / 1024, 1) for v in workers_hwm[:workers]]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs=2, default=[10_000, 200_000], metavar=("SMALL", "LARGE"))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=99)
    ap.add_argument("--json", metavar="PATH")
    args, extra = ap.parse_known_args(argv)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            inp = Path(tmp) / f"in-{n}.jsonl"
            size = make_input(inp, n, args.seed)
            r = measure(inp, Path(tmp) / f"out-{n}" / "x.jsonl", args.workers, extra)
            r["input_mb"] = round(size / 1e6, 1)
            results[n] = r
            print(f"{n:>7} records ({r['input_mb']} MB): {r}", file=sys.stderr)
            inp.unlink()
    small, large = (results[n] for n in args.sizes)
    ratio = large["peak_tree_rss_mb"] / small["peak_tree_rss_mb"]
    report = {"sizes": args.sizes, "workers": args.workers, "results": results,
              "peak_ratio_large_over_small": round(ratio, 3), "flat_within_10pct": abs(ratio - 1) <= 0.10,
              "loadavg": [round(x, 2) for x in os.getloadavg()]}
    print(json.dumps(report, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
