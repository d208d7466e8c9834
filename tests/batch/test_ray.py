"""The Ray engine on a local Ray (num_cpus=2): same output as the process pool, record for record."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

ray = pytest.importorskip("ray")
pytest.importorskip("ray.data")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from batch_helpers import read_jsonl, write_jsonl  # noqa: E402
from lumor_redact.batch.runner import run_batch  # noqa: E402
from lumor_redact.batch.sample import generate_calls, to_deepgram, to_record, to_vtt  # noqa: E402


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
    yield
    ray.shutdown()


def tree(d: Path) -> dict[str, bytes]:
    return {str(p.relative_to(d)): p.read_bytes() for p in sorted(d.rglob("*")) if p.is_file()}


def test_ray_engine_equals_process_pool(local_ray, tmp_path, config):
    from lumor_redact.batch.ray_engine import run_ray

    d = tmp_path / "in"
    d.mkdir()
    calls = list(generate_calls(60, seed=9))
    write_jsonl(d / "calls.jsonl", [to_record(c) for c in calls[:50]])
    with open(d / "calls.jsonl", "ab") as f:
        f.write(b'{"id": "bad", "text": ["x"]}\nnot json\n')
    write_jsonl(d / "more.jsonl", [to_record(c) for c in calls[50:]])
    (d / "c.vtt").write_text(to_vtt(calls[0]))
    (d / "c.json").write_text(json.dumps(to_deepgram(calls[1])))
    pool = run_batch([d], tmp_path / "pool", config=config, workers=2, progress=False, chunk_records=8)
    rs = run_ray([d], tmp_path / "ray", config=config, workers=2, progress=False, chunk_records=8)
    assert (rs.records, rs.failed) == (pool.records, pool.failed) == (64, 2)
    assert rs.entities == pool.entities
    assert tree(tmp_path / "ray") == tree(tmp_path / "pool")


def test_redact_dataset_and_parquet(local_ray, tmp_path, config):
    from lumor_redact.batch.ray_engine import ENTITIES_COLUMN, ERROR_COLUMN, redact_dataset, run_ray

    rows = [{"id": i, "text": t, "n": i * 2} for i, t in enumerate(
        ["card 4111 1111 1111 1111", "nothing here", "mail jo@example.com", None])]
    ds = ray.data.from_items(rows)
    out = redact_dataset(ds, config=config, concurrency=2, batch_size=2).take_all()
    out.sort(key=lambda r: r["id"])
    assert [r["text"] for r in out] == ["card [CREDIT_CARD]", "nothing here", "mail [EMAIL_ADDRESS]", None]
    assert [r["n"] for r in out] == [0, 2, 4, 6]
    assert json.loads(out[0][ENTITIES_COLUMN])[0]["label"] == "CREDIT_CARD"
    assert out[0][ERROR_COLUMN] is None and "expected a string" in out[3][ERROR_COLUMN]

    pq.write_table(pa.Table.from_pylist([r for r in rows if r["text"] is not None]), tmp_path / "calls.parquet")
    s = run_ray([str(tmp_path / "calls.parquet")], tmp_path / "pq", config=config, workers=2)
    assert (s.records, s.failed) == (3, 0)
    got = pa.concat_tables([pq.read_table(p) for p in sorted((tmp_path / "pq" / "data").glob("*.parquet"))])
    assert sorted(got.column("text").to_pylist()) == ["card [CREDIT_CARD]", "mail [EMAIL_ADDRESS]", "nothing here"]
    assert set(got.column_names) == {"id", "text", "n"}
    ents = read_jsonl(tmp_path / "pq" / "entities.jsonl")
    assert [len(e["entities"]) for e in ents] == [1, 0, 1]


def test_interrupted_ray_run_resumes_to_the_same_output(local_ray, tmp_path, config, monkeypatch):
    from lumor_redact.batch import runner
    from lumor_redact.batch.ray_engine import run_ray

    d = tmp_path / "in"
    d.mkdir()
    calls = list(generate_calls(40, seed=5))
    write_jsonl(d / "a.jsonl", [to_record(c) for c in calls[:25]])
    write_jsonl(d / "b.jsonl", [to_record(c) for c in calls[25:]])
    pool = run_batch([d], tmp_path / "pool", config=config, workers=2, progress=False, chunk_records=4)

    real = runner.OrderedWriter.write_chunk
    calls_made = []

    def stop_after_seven(self, chunk, outcomes):
        if len(calls_made) == 7:
            raise KeyboardInterrupt  # the driver stopped mid-run, after chunk 6 was committed
        calls_made.append(chunk)
        return real(self, chunk, outcomes)

    monkeypatch.setattr(runner.OrderedWriter, "write_chunk", stop_after_seven)
    with pytest.raises(KeyboardInterrupt):
        run_ray([d], tmp_path / "ray", config=config, workers=2, progress=False, chunk_records=4)
    monkeypatch.setattr(runner.OrderedWriter, "write_chunk", real)
    assert (tmp_path / "ray" / ".lumor-batch").is_dir()          # the state is kept for resume

    rs = run_ray([d], tmp_path / "ray", config=config, workers=2, progress=False, chunk_records=4, resume=True)
    assert rs.resumed_from == 28 and rs.records == pool.records == 40   # 7 chunks of 4 were not redone
    assert tree(tmp_path / "ray") == tree(tmp_path / "pool")
