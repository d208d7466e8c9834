"""Redaction on Ray Data, for runs bigger than one machine (`pip install 'lumor-redact[ray]'`).

Two entry points:

- `redact_dataset(ds, fields=("text",))`: any Ray Dataset of records (from `read_json`,
  `read_parquet`, S3 …) → the same records with the text fields masked, plus two columns:
  `_lumor_entities` (JSON list of entity spans) and `_lumor_error` (null, or why the row failed;
  a failed row has its text columns nulled, never left raw). It is a `map_batches` over an
  actor pool: each actor builds its Redactor (and loads the model) once.
- `run_ray(inputs, output)`: what `lumor-redact batch --engine ray` runs. Workers read the
  files and redact them with the same code as the process pool; the driver receives the results
  in input order and writes them with the same atomic writer, so the output equals the
  process-pool run byte for byte. Parquet inputs go through `redact_dataset` and are written
  as Parquet part files.

Connect to a cluster with `ray.init(address=...)` before calling, `--ray-address`, or the
`RAY_ADDRESS` environment variable; without one a local Ray is started.
"""
from __future__ import annotations

import io
import json
import os
import time
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from lumor_redact.batch.formats import DEFAULT_MAX_RECORD_BYTES, JsonlFormat, RawRecord, parse_field_path
from lumor_redact.batch.runner import (DEFAULT_CHUNK_RECORDS, BatchSummary, OrderedWriter, STATE_VERSION,
                                       config_fingerprint, drop_if_empty, plan_layout)
from lumor_redact.batch.worker import Outcome, RecordProcessor, SourceSpec
from lumor_redact.config import RedactorConfig
from lumor_redact.errors import ConfigError, InputError

__all__ = ["redact_dataset", "run_ray", "read_records", "ENTITIES_COLUMN", "ERROR_COLUMN"]

ENTITIES_COLUMN = "_lumor_entities"
ERROR_COLUMN = "_lumor_error"


def _ray() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise ConfigError("the Ray engine needs Ray: pip install 'lumor-redact[ray]'") from None
    return ray


def _ensure_ray(address: str | None = None) -> Any:
    ray = _ray()
    if not ray.is_initialized():
        ray.init(address=address or os.environ.get("RAY_ADDRESS") or None, ignore_reinit_error=True,
                 log_to_driver=False, include_dashboard=False)
    return ray


def _actor_cpus(ray: Any, concurrency: int, num_cpus: float | None) -> float:
    """CPUs each actor reserves: 1, unless the pool would then hold every CPU of the cluster.

    Ray's read and list-files tasks need a free CPU slot; an actor pool holding them all makes
    the dataset wait forever (a 2-CPU machine with 2 actors). The reservation is bookkeeping:
    each actor still uses one core.
    """
    if num_cpus is not None:
        return num_cpus
    total = float(ray.cluster_resources().get("CPU", 1)) if ray.is_initialized() else 1.0
    if concurrency <= total - 1 or total <= 1:
        return 1.0
    return max(0.05, round((total - 1) / concurrency, 3))


def _build(config: RedactorConfig | None, factory: Callable[[], Any] | None) -> Any:
    if factory is not None:
        return factory()
    from lumor_redact.pipeline import Redactor

    return Redactor(config or RedactorConfig())


def _quiet_context(ray: Any, progress: bool | None) -> Any:
    """Ordered output; Ray's own progress bars only on a terminal, its INFO logs off."""
    import logging
    import sys

    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True
    ctx.enable_progress_bars = bool(progress) if progress is not None else sys.stderr.isatty()
    if hasattr(ctx, "print_on_execution_start"):
        ctx.print_on_execution_start = False
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    return ctx


# ----------------------------------------------------------------------------- datasets
class _RedactRows:
    """Actor: records (a pyarrow batch) → the same records masked, plus the two extra columns."""

    def __init__(self, config: RedactorConfig | None, fields: tuple[str, ...], id_field: str, include_values: bool,
                 batch_size: int, factory: Callable[[], Any] | None) -> None:
        self.fmt = JsonlFormat(fields=fields, id_field=id_field, include_values=include_values)
        self.proc = RecordProcessor(_build(config, factory), [], batch_size=batch_size)
        self.top = sorted({parse_field_path(f)[0] for f in fields if isinstance(parse_field_path(f)[0], str)})

    def __call__(self, table: Any) -> Any:
        import pyarrow as pa

        rows = table.to_pylist()
        plans: list[Any] = []
        errors: list[str | None] = [None] * len(rows)
        entities: list[str | None] = [None] * len(rows)
        live: list[int] = []
        from lumor_redact.pipeline import check_text

        for i, row in enumerate(rows):
            try:
                plan = self.fmt.plan(row)
                for t in plan.texts:
                    check_text(t, self.proc.max_chars)
            except InputError as exc:
                errors[i] = str(exc)
                continue
            except Exception as exc:
                errors[i] = f"could not read the record ({type(exc).__name__})"
                continue
            plan.finish_record = lambda: b""
            plans.append(plan)
            live.append(i)
        for i, plan, res in zip(live, plans, self.proc.redact_plans(plans)):
            if isinstance(res, str):
                errors[i] = res
                continue
            plan.finish(res)
            entities[i] = json.dumps(plan.rows, ensure_ascii=False)
        for i, err in enumerate(errors):
            if err is not None:
                for col in self.top:          # never pass a failed row's text on raw
                    if col in rows[i]:
                        rows[i][col] = None
        schema = table.schema
        for name in (ENTITIES_COLUMN, ERROR_COLUMN):
            if name not in schema.names:
                schema = schema.append(pa.field(name, pa.string()))
        for i, row in enumerate(rows):
            row[ENTITIES_COLUMN] = entities[i]
            row[ERROR_COLUMN] = errors[i]
        return pa.Table.from_pylist(rows, schema=schema)


def redact_dataset(ds: Any, *, config: RedactorConfig | None = None, fields: Sequence[str] = ("text",),
                   id_field: str = "id", include_values: bool = False, concurrency: int | None = None,
                   batch_size: int = DEFAULT_CHUNK_RECORDS, num_cpus: float | None = None,
                   redactor_factory: Callable[[], Any] | None = None) -> Any:
    """The records of `ds` with `fields` masked, plus `_lumor_entities` and `_lumor_error`.

    concurrency: actors in the pool (default: the cluster's CPUs). Each builds its Redactor once.
    num_cpus: CPUs each actor reserves (default 1, less when the pool would otherwise reserve
        every CPU and starve Ray's read tasks). Keep the text columns strings.
    """
    ray = _ray()
    if concurrency is None:
        concurrency = max(1, int(ray.cluster_resources().get("CPU", 1) // (num_cpus or 1))) if ray.is_initialized() else 1
    for f in fields:
        parse_field_path(f)
    return ds.map_batches(_RedactRows, batch_format="pyarrow", batch_size=batch_size, concurrency=concurrency,
                          num_cpus=_actor_cpus(ray, concurrency, num_cpus), zero_copy_batch=False,
                          fn_constructor_args=(config, tuple(fields), id_field, include_values, batch_size,
                                               redactor_factory))


def read_records(paths: str | Sequence[str]) -> Any:
    """A Dataset from JSONL (`.jsonl`, `.ndjson`, `.json` lines) or Parquet files, by extension."""
    ray = _ray()
    ps = [paths] if isinstance(paths, str) else list(paths)
    # Reads take no CPU slot: an actor pool as large as the cluster would otherwise starve them.
    remote = {"num_cpus": 0}
    if all(str(p).endswith(".parquet") for p in ps):
        return ray.data.read_parquet(ps, ray_remote_args=remote)
    return ray.data.read_json(ps, lines=True, ray_remote_args=remote)


# ----------------------------------------------------------------------------- raw-record path
def _raw_reader(paths: list[str], specs: list[SourceSpec], after: tuple[int, int] = (-1, -1)) -> Any:
    """A Ray datasource that reads files into raw records exactly as the process runner does,
    leaving out the records up to and including `after` = (file, index): those a resumed run
    has committed already."""
    from ray.data.datasource import FileBasedDatasource
    import pyarrow as pa

    index = {os.path.abspath(p): i for i, p in enumerate(paths)}

    class RawRecordDatasource(FileBasedDatasource):
        def _read_stream(self, f: Any, path: str) -> Iterator[Any]:
            fi = index.get(os.path.abspath(path))
            if fi is None:
                fi = index[os.path.abspath("/" + path.lstrip("/"))]
            fmt = specs[fi].build()
            cols: dict[str, list[Any]] = {"file": [], "index": [], "line": [], "data": [], "error": []}
            reader = io.BufferedReader(f, buffer_size=1 << 20)

            def block() -> Any:
                return pa.table({"file": pa.array(cols["file"], pa.int32()), "index": pa.array(cols["index"], pa.int64()),
                                 "line": pa.array(cols["line"], pa.int64()), "data": pa.array(cols["data"], pa.binary()),
                                 "error": pa.array(cols["error"], pa.string())})

            for raw in fmt.iter_raw_fileobj(reader, os.path.getsize(path) if os.path.exists(path) else None):
                if fi == after[0] and raw.index <= after[1]:
                    continue
                cols["file"].append(fi)
                cols["index"].append(raw.index)
                cols["line"].append(raw.line)
                cols["data"].append(raw.data)
                cols["error"].append(raw.error)
                if len(cols["file"]) >= 4096:
                    yield block()
                    cols = {k: [] for k in cols}
            if cols["file"]:
                yield block()

    # files an interrupted run finished are not read again; file ids stay those of `paths`
    return RawRecordDatasource(paths[max(after[0], 0):])


class _RedactRaw:
    """Actor: raw records → outcomes, with the process runner's `RecordProcessor`."""

    def __init__(self, config: RedactorConfig | None, specs: list[SourceSpec], batch_size: int,
                 factory: Callable[[], Any] | None) -> None:
        self.proc = RecordProcessor(_build(config, factory), specs, batch_size=batch_size)

    def __call__(self, table: Any) -> Any:
        import pyarrow as pa

        d = table.to_pydict()
        items = [(fi, RawRecord(ix, ln, data, err))
                 for fi, ix, ln, data, err in zip(d["file"], d["index"], d["line"], d["data"], d["error"])]
        outs = self.proc.process(items)
        return pa.table({
            "file": pa.array([o.file for o in outs], pa.int32()),
            "index": pa.array([o.index for o in outs], pa.int64()),
            "out": pa.array([o.out for o in outs], pa.binary()),
            "ent": pa.array([o.entities for o in outs], pa.binary()),
            "err": pa.array([o.error for o in outs], pa.binary()),
            "labels": pa.array([json.dumps(o.labels) for o in outs], pa.string()),
            "warnings": pa.array([o.warnings for o in outs], pa.int32()),
        })


def run_ray(inputs: Sequence[str | os.PathLike[str]], output: str | os.PathLike[str], *,
            config: RedactorConfig | None = None, workers: int | None = None, fmt: str = "auto",
            fields: Sequence[str] = ("text",), id_field: str = "id", include_values: bool = False,
            address: str | None = None, progress: bool | None = None, restart: bool = False,
            resume: bool = False, chunk_records: int = DEFAULT_CHUNK_RECORDS,
            max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES, batch_size: int = 64,
            redactor_factory: Callable[[], Any] | None = None, placeholders: bool = False) -> BatchSummary:
    """`lumor-redact batch --engine ray`: the process runner's output, computed on Ray.

    The driver commits results in order with the process runner's journal, so a run that was
    stopped (Ctrl-C, a lost driver, a cluster that went away) is finished with `resume=True`:
    the records it committed are not read again, and the output equals an uninterrupted run's.
    """
    t0 = time.monotonic()
    config = config or RedactorConfig()
    parquet = [p for p in inputs if str(p).endswith(".parquet")]
    if parquet:
        if len(parquet) != len(inputs):
            raise InputError("mix of Parquet and other inputs: run them separately")
        if resume:
            raise InputError("--resume is for line and file formats; a Parquet run is rewritten whole")
        return _run_parquet([str(p) for p in inputs], output, config=config, workers=workers, fields=fields,
                            id_field=id_field, include_values=include_values, address=address,
                            batch_size=chunk_records, factory=redactor_factory, t0=t0)
    layout = plan_layout(inputs, output, fmt)
    specs = [SourceSpec(f.source, f.format, tuple(fields), id_field, include_values, max_record_bytes, placeholders)
             for f in layout.files]
    for s in specs:
        s.build()
    ray = _ensure_ray(address)
    if workers is None or workers < 1:
        workers = max(1, int(ray.cluster_resources().get("CPU", 1)))
    manifest = {"version": STATE_VERSION, "engine": "ray", "inputs": [str(f.path.resolve()) for f in layout.files],
                "config": config_fingerprint(config), "placeholders": placeholders}
    writer = OrderedWriter(layout, manifest, resume=resume, restart=restart)
    if writer.done:
        writer.finish()
        return writer.summary(seconds=time.monotonic() - t0, workers=workers, engine="ray")
    ctx = _quiet_context(ray, progress)
    paths = [str(f.path.resolve()) for f in layout.files]
    # Reading is light; it must not wait for a CPU the actor pool holds (it would never get one)
    ds = ray.data.read_datasource(_raw_reader(paths, specs, writer.last_record), ray_remote_args={"num_cpus": 0})
    out = ds.map_batches(_RedactRaw, batch_format="pyarrow", batch_size=chunk_records, concurrency=workers,
                         num_cpus=_actor_cpus(ray, workers, None), zero_copy_batch=False,
                         fn_constructor_args=(config, specs, batch_size, redactor_factory))
    try:
        k = writer.last_chunk + 1
        for batch in out.iter_batches(batch_size=chunk_records, batch_format="pyarrow"):
            d = batch.to_pydict()
            outcomes = [Outcome(fi, ix, o, e, er, tuple(tuple(x) for x in json.loads(lb)), w)
                        for fi, ix, o, e, er, lb, w in zip(d["file"], d["index"], d["out"], d["ent"], d["err"],
                                                           d["labels"], d["warnings"])]
            writer.write_chunk(k, outcomes)
            k += 1
        writer.finish()
    except BaseException:
        writer.close()
        drop_if_empty(writer)   # otherwise the state stays for resume=True
        raise
    return writer.summary(seconds=time.monotonic() - t0, workers=workers, engine="ray")


def _run_parquet(inputs: list[str], output: str | os.PathLike[str], *, config: RedactorConfig, workers: int | None,
                 fields: Sequence[str], id_field: str, include_values: bool, address: str | None, batch_size: int,
                 factory: Callable[[], Any] | None, t0: float) -> BatchSummary:
    """Parquet in, Parquet part files out (OUTPUT/data/), JSONL sidecars beside them."""
    import shutil

    ray = _ensure_ray(address)
    out = Path(output)
    if out.exists() and any(out.iterdir()):
        raise InputError(f"output directory {str(out)!r} is not empty")
    _quiet_context(ray, None)
    ds = redact_dataset(read_records(inputs), config=config, fields=fields, id_field=id_field,
                        include_values=include_values, concurrency=workers, batch_size=batch_size,
                        redactor_factory=factory).materialize()
    tmp = out.with_name(f".{out.name}.lumor-batch")
    shutil.rmtree(tmp, ignore_errors=True)
    good = ds.filter(lambda r: r[ERROR_COLUMN] is None)
    good.drop_columns([ENTITIES_COLUMN, ERROR_COLUMN]).write_parquet(str(tmp / "data"))
    summary = BatchSummary(engine="ray", workers=workers or 0)
    labels: dict[str, int] = {}
    cols = [c for c in (id_field, ENTITIES_COLUMN, ERROR_COLUMN) if c in ds.schema().names]
    # tmp is a fresh directory renamed into place at the end, so plain writes are atomic enough
    with open(tmp / "entities.jsonl", "wb") as ent, open(tmp / "errors.jsonl", "wb") as err:
        for i, row in enumerate(ds.select_columns(cols).iter_rows()):
            rid = row.get(id_field)
            summary.records += 1
            if row[ERROR_COLUMN] is not None:
                summary.failed += 1
                err.write((json.dumps({"record": i, "id": rid, "reason": row[ERROR_COLUMN]}) + "\n").encode())
                continue
            summary.ok += 1
            ents = json.loads(row[ENTITIES_COLUMN])
            for e in ents:
                labels[e["label"]] = labels.get(e["label"], 0) + 1
            ent.write((json.dumps({"record": i, "id": rid, "entities": ents}, ensure_ascii=False) + "\n").encode())
        for f in (ent, err):
            f.flush()
            os.fsync(f.fileno())
    if out.exists():
        out.rmdir()
    os.replace(tmp, out)
    summary.entities = dict(sorted(labels.items()))
    summary.seconds = time.monotonic() - t0
    summary.outputs = [str(out / "data")]
    summary.entities_path = str(out / "entities.jsonl")
    summary.errors_path = str(out / "errors.jsonl")
    return summary
