"""Kill the real command with SIGKILL at seeded random points; --resume must give the same output.

Each run is a subprocess (`python -m lumor_redact.cli batch … --workers 2`) in its own process
group. Kill points are drawn from a seeded generator: after k chunks are journaled, and at a
random delay after a (resumed) start, including while the workers are still starting.
"""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from batch_helpers import write_jsonl, write_rules_toml
from lumor_redact.batch.sample import generate_calls, to_record

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

CHUNK = 4


def make_input(path: Path, n: int = 160) -> Path:
    recs: list[dict] = [to_record(c) for c in generate_calls(n, seed=77)]
    write_jsonl(path, recs)
    with open(path, "ab") as f:           # two bad records in the middle of the file's tail
        f.write(b'{"id": "bad-1", "text": 12}\n{"id": "bad-2", "text": "unterminated\n')
    write_jsonl(path.with_name("tail.jsonl"), [to_record(c) for c in generate_calls(20, seed=78)])
    with open(path, "ab") as f:
        f.write(path.with_name("tail.jsonl").read_bytes())
    return path


ENV = {**os.environ, "LUMOR_BATCH_FAULT_COMMIT_DELAY": "0.02"}


def cmd(inp: Path, out: Path, cfg: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "lumor_redact.cli", "batch", str(inp), "-o", str(out), "--config", str(cfg),
            "--rules-only", "--workers", "2", "--chunk-records", str(CHUNK), "--no-progress", "-q", *extra]


def group_alive(pgid: int) -> list[int]:
    alive = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                stat = (d / "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[2]) == pgid and fields[0] != "Z":
                alive.append(int(d.name))
    return alive


def journal_lines(state: Path) -> int:
    try:
        return (state / "journal").read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def kill_when(proc: subprocess.Popen, cond, timeout: float = 60.0, whole_group: bool = True) -> bool:
    """SIGKILL the run once `cond()` holds; False if it finished first."""
    t0 = time.monotonic()
    while proc.poll() is None:
        if cond():
            if whole_group:
                os.killpg(proc.pid, signal.SIGKILL)
            else:
                os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
            return True
        if time.monotonic() - t0 > timeout:
            os.killpg(proc.pid, signal.SIGKILL)
            raise AssertionError("run did not progress")
        time.sleep(0.005)
    return False


def wait_group_gone(pgid: int, timeout: float = 10.0) -> None:
    t0 = time.monotonic()
    while group_alive(pgid):
        if time.monotonic() - t0 > timeout:
            for pid in group_alive(pgid):
                os.kill(pid, signal.SIGKILL)
            raise AssertionError("worker processes outlived their killed parent")
        time.sleep(0.05)


def tree(d: Path) -> dict[str, bytes]:
    return {str(p.relative_to(d)): p.read_bytes() for p in sorted(d.rglob("*")) if p.is_file()}


def test_sigkill_at_random_points_then_resume_equals_uninterrupted(tmp_path):
    rng = random.Random(20240611)
    inp = make_input(tmp_path / "calls.jsonl")
    cfg = write_rules_toml(tmp_path / "rules.toml")
    n_chunks = (182 + CHUNK - 1) // CHUNK

    ref = tmp_path / "ref"
    r = subprocess.run(cmd(inp, ref / "calls.jsonl", cfg), capture_output=True, timeout=120)
    assert r.returncode == 1, r.stderr.decode()[-2000:]          # two bad records: exit 1
    expected = tree(ref)
    assert len(expected["calls.errors.jsonl"].splitlines()) == 2

    out = tmp_path / "run"
    state = out / ".calls.jsonl.lumor-batch"
    kills = 0
    # 1) kill the whole process group once k chunks are journaled
    k = rng.randrange(2, n_chunks // 2)
    p = subprocess.Popen(cmd(inp, out / "calls.jsonl", cfg), start_new_session=True, env=ENV,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    kills += kill_when(p, lambda: journal_lines(state) >= k)
    wait_group_gone(p.pid)
    assert not (out / "calls.jsonl").exists() and state.is_dir()
    done1 = journal_lines(state)
    assert done1 >= k

    # 2) resume, and kill only the parent at a random moment: the workers must exit by themselves
    k2 = rng.randrange(done1 + 1, n_chunks - 2)
    p = subprocess.Popen(cmd(inp, out / "calls.jsonl", cfg, "--resume"), start_new_session=True, env=ENV,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    kills += kill_when(p, lambda: journal_lines(state) >= k2, whole_group=False)
    wait_group_gone(p.pid)

    # 3) resume, killed after a seeded delay (possibly while workers start), then finish
    delay = rng.uniform(0.05, 0.6)
    p = subprocess.Popen(cmd(inp, out / "calls.jsonl", cfg, "--resume"), start_new_session=True, env=ENV,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    t0 = time.monotonic()
    kills += kill_when(p, lambda: time.monotonic() - t0 >= delay)
    wait_group_gone(p.pid)
    r = subprocess.run(cmd(inp, out / "calls.jsonl", cfg, "--resume", "--summary-json"), capture_output=True,
                       timeout=120)
    assert r.returncode == 1, r.stderr.decode()[-2000:]
    summary = json.loads(r.stdout)
    assert summary["records"] == 182 and summary["failed"] == 2
    assert kills >= 2
    assert tree(out) == expected                 # record for record, sidecars included
    assert not state.exists()
