"""The batch runner: a process pool over chunks of records, ordered output, resumable.

How a run is laid out on disk (`calls.jsonl -o out/calls.jsonl`):

    out/calls.jsonl                    masked records, same format as the input
    out/calls.entities.jsonl           one line per record: entity spans (no values unless asked)
    out/calls.errors.jsonl             one line per failed record: position, id, reason
    out/.calls.jsonl.lumor-batch/      state of a run in progress (gone when it completes)

With several inputs (or a directory) `-o` is a directory: `out/<input name>` per input and
`out/entities.jsonl`, `out/errors.jsonl` for the whole run; the state is `out/.lumor-batch/`.

Why it loses nothing:
- the parent reads the inputs in chunks (a bounded number in flight), workers redact them, and
  the parent appends the results *in input order* to part files in the state directory;
- after each chunk the parts are fsynced and a line is appended (and fsynced) to a journal:
  the chunk number, the byte size of every part, the running counts. A run killed at any point
  is resumed by truncating the parts to the sizes of the last journal line and going on with
  the next chunk; chunk boundaries depend only on the input and the chunk options, so no
  record is done twice or lost;
- when every chunk is written, each part is renamed over its final name (atomic on one file
  system; the state directory sits beside the output for that reason) and the state removed.
Memory stays flat: nothing grows with the input except the counters.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import shutil
import signal
import sys
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from lumor_redact.batch.formats import DEFAULT_MAX_RECORD_BYTES, FORMATS, RawRecord, format_for_path
from lumor_redact.batch.worker import Outcome, RecordProcessor, SourceSpec
from lumor_redact.config import RedactorConfig
from lumor_redact.errors import InputError, RedactionError

__all__ = ["BatchSummary", "Layout", "InputFile", "plan_layout", "run_batch", "BatchInterrupted", "WorkerCrashed"]

log = logging.getLogger("lumor_redact.batch")

STATE_VERSION = 1
# Fault injection for the kill tests only: seconds to sleep between writing a chunk's data and
# journaling it, so that a SIGKILL often lands while unjournaled bytes sit in the part files.
_FAULT_COMMIT_DELAY = float(os.environ.get("LUMOR_BATCH_FAULT_COMMIT_DELAY", "0") or 0)
DEFAULT_CHUNK_RECORDS = 64
DEFAULT_CHUNK_BYTES = 1 << 20


class BatchInterrupted(RedactionError):
    """The run was interrupted (Ctrl-C); its state is kept for `--resume`."""

    def __init__(self, state: Path, records: int) -> None:
        super().__init__(f"interrupted after {records} records; the state is kept in {str(state)!r}: "
                         "rerun the same command with --resume to finish")
        self.state = state
        self.records = records


class WorkerCrashed(RedactionError):
    """A worker process died (killed, out of memory); the run can be resumed."""


# ----------------------------------------------------------------------------- layout
@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path
    source: str        # name shown in the sidecars (relative path)
    format: str
    output: Path


@dataclass(frozen=True, slots=True)
class Layout:
    files: tuple[InputFile, ...]
    entities: Path
    errors: Path
    state: Path
    dir_mode: bool


def _is_hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def plan_layout(inputs: Sequence[str | os.PathLike[str]], output: str | os.PathLike[str], fmt: str = "auto") -> Layout:
    """Which files to read, in which format, and where each output and sidecar goes."""
    if not inputs:
        raise InputError("no input given")
    if fmt != "auto" and fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; use auto or one of {', '.join(FORMATS)}")
    found: list[tuple[Path, str]] = []
    any_dir = False
    for inp in inputs:
        p = Path(inp)
        if p.is_dir():
            any_dir = True
            exts = FORMATS[fmt].extensions or (".txt",) if fmt != "auto" else \
                tuple(e for c in FORMATS.values() for e in c.extensions)
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p)
                if f.is_file() and not _is_hidden(rel) and f.suffix.lower() in exts:
                    name = rel.as_posix() if len(inputs) == 1 else (Path(p.resolve().name) / rel).as_posix()
                    found.append((f, name))
        elif p.is_file():
            found.append((p, p.name))
        else:
            raise InputError(f"input {str(p)!r} does not exist")
    if not found:
        raise InputError("no input files found (known extensions: "
                         + ", ".join(e for c in FORMATS.values() for e in c.extensions) + ")")
    out = Path(output)
    dir_mode = any_dir or len(found) > 1 or out.is_dir() or str(output).endswith(("/", os.sep))
    files: list[InputFile] = []
    for path, name in found:
        f = fmt if fmt != "auto" else format_for_path(path)
        if f is None:
            raise InputError(f"cannot tell the format of {str(path)!r} from its extension; pass --format")
        files.append(InputFile(path, name, f, out / name if dir_mode else out))
    if dir_mode:
        entities, errors, state = out / "entities.jsonl", out / "errors.jsonl", out / ".lumor-batch"
    else:
        stem = out.name[: -len(out.suffix)] if out.suffix else out.name
        entities = out.with_name(f"{stem}.entities.jsonl")
        errors = out.with_name(f"{stem}.errors.jsonl")
        state = out.with_name(f".{out.name}.lumor-batch")
    ins = {f.path.resolve() for f in files}
    outs = [f.output for f in files] + [entities, errors]
    seen: set[Path] = set()
    for o in outs:
        r = o.resolve()
        if r in seen:
            raise InputError(f"two outputs would be written to {str(o)!r}; rename an input or choose another -o")
        if r in ins:
            raise InputError(f"output {str(o)!r} is also an input; choose another -o")
        seen.add(r)
    return Layout(tuple(files), entities, errors, state, dir_mode)


# ----------------------------------------------------------------------------- summary
@dataclass(slots=True)
class BatchSummary:
    """What a run did. `failed > 0` means at least one record is in the errors sidecar."""

    records: int = 0
    ok: int = 0
    failed: int = 0
    warnings: int = 0
    entities: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    resumed_from: int = 0          # records already done by an earlier, interrupted run
    workers: int = 0
    engine: str = "process"
    outputs: list[str] = field(default_factory=list)
    entities_path: str = ""
    errors_path: str = ""

    @property
    def records_per_s(self) -> float:
        done = self.records - self.resumed_from
        return done / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d["records_per_s"] = round(self.records_per_s, 1)
        d["seconds"] = round(self.seconds, 3)
        return d

    def format(self) -> str:
        lines = [f"records: {self.records} ({self.ok} ok, {self.failed} failed"
                 + (f", {self.resumed_from} from the interrupted run" if self.resumed_from else "") + ")"]
        total = sum(self.entities.values())
        lines.append(f"entities: {total}" + (": " + ", ".join(f"{k} {v}" for k, v in
                                                              sorted(self.entities.items(), key=lambda kv: (-kv[1], kv[0])))
                                             if total else ""))
        if self.warnings:
            lines.append(f"warnings: {self.warnings} records had a detector error and were masked whole")
        lines.append(f"time: {self.seconds:.1f}s, {self.records_per_s:.0f} records/s, "
                     f"{self.workers} worker{'s' if self.workers != 1 else ''} ({self.engine})")
        if self.failed:
            lines.append(f"errors: see {self.errors_path}")
        return "\n".join(lines)


# ----------------------------------------------------------------------------- fingerprints
def _canon(v: Any) -> Any:
    if dataclasses.is_dataclass(v) and not isinstance(v, type):
        return {f.name: _canon(getattr(v, f.name)) for f in dataclasses.fields(v)}
    if isinstance(v, (frozenset, set)):
        return sorted(_canon(x) for x in v)
    if isinstance(v, dict) or hasattr(v, "items"):
        return {str(k): _canon(x) for k, x in sorted(v.items(), key=lambda kv: str(kv[0]))}
    if isinstance(v, (list, tuple)):
        return [_canon(x) for x in v]
    if isinstance(v, bytes):
        return "sha256:" + hashlib.sha256(v).hexdigest()
    return v


def config_fingerprint(config: RedactorConfig) -> str:
    return hashlib.sha256(json.dumps(_canon(config), sort_keys=True, default=str).encode()).hexdigest()


# ----------------------------------------------------------------------------- state + writer
def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class _Stats:
    def __init__(self, d: dict[str, Any] | None = None) -> None:
        d = d or {}
        self.records = int(d.get("records", 0))
        self.ok = int(d.get("ok", 0))
        self.failed = int(d.get("failed", 0))
        self.warnings = int(d.get("warnings", 0))
        self.labels: Counter[str] = Counter(d.get("labels", {}))

    def add(self, o: Outcome) -> None:
        self.records += 1
        if o.error is not None:
            self.failed += 1
        else:
            self.ok += 1
        self.warnings += o.warnings
        for label, n in o.labels:
            self.labels[label] += n

    def to_dict(self) -> dict[str, Any]:
        return {"records": self.records, "ok": self.ok, "failed": self.failed, "warnings": self.warnings,
                "labels": dict(sorted(self.labels.items()))}


class OrderedWriter:
    """Appends outcomes, chunk by chunk in order, to part files; journals each chunk; assembles.

    Also used by the Ray engine, which feeds it the ordered batches Ray returns.
    """

    def __init__(self, layout: Layout, manifest: dict[str, Any], *, resume: bool, restart: bool) -> None:
        self.layout = layout
        manifest = json.loads(json.dumps(manifest))     # compare as saved: tuples become lists
        self.state = layout.state
        self.journal_path = self.state / "journal"
        self.manifest_path = self.state / "manifest.json"
        self.last_chunk = -1
        self.done = False
        last: dict[str, Any] | None = None
        if self.state.exists():
            if restart:
                shutil.rmtree(self.state)
            elif not resume:
                raise InputError(f"an interrupted run left its state in {str(self.state)!r}: pass --resume to "
                                 "finish it, or --restart to discard it and start over")
            else:
                last = self._load_state(manifest)
        elif resume:
            log.info("nothing to resume: starting a new run")
        if not self.state.exists():
            self.state.mkdir(parents=True)
            tmp = self.state / "manifest.json.tmp"
            tmp.write_text(json.dumps(manifest, indent=1, sort_keys=True))
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
            os.replace(tmp, self.manifest_path)
            _fsync_dir(self.state)
        self.stats = _Stats(last.get("stats") if last else None)
        self.resumed_from = self.stats.records
        self.cur_file = -1
        self._out = None
        if last and last.get("done"):
            self.done = True
        # (file, index) of the last record committed: where a resumed run that reads its
        # records again (the Ray engine) picks up
        self.last_record: tuple[int, int] = tuple(last.get("last", (-1, -1))) if last else (-1, -1)  # type: ignore[assignment]
        if last and not self.done:
            self.last_chunk = int(last["chunk"])
            self.cur_file = int(last["file"])
            if self.cur_file >= 0:
                self._out = self._open(self._part(self.cur_file), int(last["out"]))
        self._ent = self._open(self.state / "entities.part", int(last["ent"]) if last else 0)
        self._err = self._open(self.state / "errors.part", int(last["err"]) if last else 0)
        self._journal = open(self.journal_path, "ab")

    def _part(self, fi: int) -> Path:
        return self.state / f"out-{fi:06d}.part"

    @staticmethod
    def _open(path: Path, size: int):
        if size == 0 or not path.exists():
            return open(path, "wb")
        f = open(path, "r+b")
        f.truncate(size)          # drop whatever the killed run wrote after its last journal line
        f.seek(size)
        return f

    def _load_state(self, manifest: dict[str, Any]) -> dict[str, Any] | None:
        try:
            saved = json.loads(self.manifest_path.read_text())
        except (OSError, ValueError):
            shutil.rmtree(self.state)       # killed before the manifest was complete: nothing done
            return None
        diff = [k for k in sorted(set(saved) | set(manifest)) if saved.get(k) != manifest.get(k)]
        if diff:
            raise InputError(f"cannot resume: the interrupted run in {str(self.state)!r} used different "
                             f"{', '.join(diff)}; rerun it as it was, or pass --restart to start over")
        last = None
        good = 0                             # byte offset after the last complete journal line
        try:
            with open(self.journal_path, "rb") as f:
                for line in f:
                    if not line.endswith(b"\n"):
                        break                # torn last line: the chunk before it is the last one
                    try:
                        entry = json.loads(line)
                    except ValueError:
                        break
                    if not isinstance(entry, dict):
                        break
                    last = entry
                    good += len(line)
            with open(self.journal_path, "r+b") as f:
                f.truncate(good)             # so lines appended from now on follow a clean end
        except FileNotFoundError:
            pass
        if last is None:
            # nothing committed: start the parts afresh
            for p in self.state.glob("*.part"):
                p.unlink()
            try:
                self.journal_path.unlink()
            except FileNotFoundError:
                pass
        return last

    # -- writing -----------------------------------------------------------------
    def write_chunk(self, chunk: int, outcomes: Iterable[Outcome]) -> None:
        last_outcome = None
        for o in outcomes:
            last_outcome = o
            if o.file != self.cur_file:
                if o.file < self.cur_file:
                    raise RuntimeError("outcomes out of order")
                self._close_out()
                self.cur_file = o.file
                self._out = open(self._part(o.file), "wb")
            if o.out is not None:
                self._out.write(o.out)  # type: ignore[union-attr]
            if o.entities is not None:
                self._ent.write(o.entities)
            if o.error is not None:
                self._err.write(o.error)
            self.stats.add(o)
        for f in (self._out, self._ent, self._err):
            if f is not None:
                f.flush()
                os.fsync(f.fileno())
        if _FAULT_COMMIT_DELAY:
            time.sleep(_FAULT_COMMIT_DELAY)          # tests: widen the window a kill can land in
        if last_outcome is not None:
            self.last_record = (last_outcome.file, last_outcome.index)
        entry = {"chunk": chunk, "file": self.cur_file, "last": list(self.last_record),
                 "out": self._out.tell() if self._out is not None else 0,
                 "ent": self._ent.tell(), "err": self._err.tell(), "stats": self.stats.to_dict()}
        self._journal.write((json.dumps(entry) + "\n").encode())
        self._journal.flush()
        os.fsync(self._journal.fileno())
        self.last_chunk = chunk

    def _close_out(self) -> None:
        if self._out is not None:
            self._out.flush()
            os.fsync(self._out.fileno())
            self._out.close()
            self._out = None

    def close(self) -> None:
        """Close files without assembling (interrupted run): the state stays for --resume."""
        self._close_out()
        for f in (self._ent, self._err, self._journal):
            try:
                f.close()
            except Exception:
                pass

    def finish(self) -> None:
        """All chunks written: move every part over its final name, then drop the state."""
        if not self.done:
            self._close_out()
            for f in (self._ent, self._err):
                f.flush()
                os.fsync(f.fileno())
            for fi in range(len(self.layout.files)):
                p = self._part(fi)
                if not p.exists():
                    p.touch()
            self._journal.write((json.dumps({"done": True, "stats": self.stats.to_dict()}) + "\n").encode())
            self._journal.flush()
            os.fsync(self._journal.fileno())
            self.done = True
        self.close()
        _fsync_dir(self.state)
        moves = [(self._part(fi), f.output) for fi, f in enumerate(self.layout.files)]
        moves += [(self.state / "entities.part", self.layout.entities), (self.state / "errors.part", self.layout.errors)]
        dirs: set[Path] = set()
        for src, dst in moves:
            if src.exists():               # a resumed finish may have moved some already
                dst.parent.mkdir(parents=True, exist_ok=True)
                os.replace(src, dst)
                dirs.add(dst.parent)
        for d in dirs:
            _fsync_dir(d)
        shutil.rmtree(self.state, ignore_errors=True)
        _fsync_dir(self.state.parent)

    def summary(self, **kw: Any) -> BatchSummary:
        s = self.stats
        return BatchSummary(records=s.records, ok=s.ok, failed=s.failed, warnings=s.warnings,
                            entities=dict(sorted(s.labels.items())), resumed_from=self.resumed_from,
                            outputs=[str(f.output) for f in self.layout.files],
                            entities_path=str(self.layout.entities), errors_path=str(self.layout.errors), **kw)


# ----------------------------------------------------------------------------- chunks
def iter_chunks(layout: Layout, specs: Sequence[SourceSpec], chunk_records: int,
                chunk_bytes: int) -> Iterator[tuple[int, list[tuple[int, RawRecord]], int]]:
    """(chunk number, [(file index, raw record)], bytes read); depends only on input + options."""
    k, buf, size = 0, [], 0
    for fi, (f, spec) in enumerate(zip(layout.files, specs)):
        fmt = spec.build()
        for raw in fmt.iter_raw(f.path):
            buf.append((fi, raw))
            size += len(raw.data) + (1 if raw.line is not None else 0)
            if len(buf) >= chunk_records or size >= chunk_bytes:
                yield k, buf, size
                k, buf, size = k + 1, [], 0
    if buf:
        yield k, buf, size


# ----------------------------------------------------------------------------- workers
_PROCESSOR: RecordProcessor | None = None
_INIT_ERROR: RedactionError | None = None


def _watch_parent(parent: int) -> None:
    """Exit when the parent dies (SIGKILL leaves pool workers blocked on their queue forever)."""
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(1)


def _init_worker(config: RedactorConfig, specs: Sequence[SourceSpec], batch_size: int, parent: int,
                 factory: Callable[[], Any] | None) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)     # Ctrl-C is the parent's to handle
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")               # one core per worker: no oversubscription
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    global _PROCESSOR, _INIT_ERROR
    try:
        redactor = factory() if factory is not None else _build_redactor(config)
        _PROCESSOR = RecordProcessor(redactor, specs, batch_size=batch_size)
    except Exception as exc:       # e.g. ConfigError (model missing): reported by _work, not a dead pool
        _INIT_ERROR = exc if isinstance(exc, RedactionError) else \
            RedactionError(f"a worker could not build its redactor ({type(exc).__name__})")


def _build_redactor(config: RedactorConfig):
    from lumor_redact.pipeline import Redactor

    return Redactor(config)


def _work(chunk: int, items: list[tuple[int, RawRecord]]) -> tuple[int, list[Outcome]]:
    if _INIT_ERROR is not None:
        raise _INIT_ERROR
    assert _PROCESSOR is not None, "worker not initialised"
    return chunk, _PROCESSOR.process(items)


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


# ----------------------------------------------------------------------------- progress
class _Progress:
    """tqdm on a terminal (bytes with ETA, records/s alongside), nothing in a pipe."""

    def __init__(self, enabled: bool | None, total: int, initial: int, records0: int) -> None:
        if enabled is None:
            enabled = sys.stderr.isatty()
        self.bar = None
        self.t0 = time.monotonic()
        self.records0 = records0
        self._last = 0.0
        if enabled:
            try:
                from tqdm import tqdm
            except ImportError:  # pragma: no cover - tqdm is a dependency
                return
            self.bar = tqdm(total=total, initial=initial, unit="B", unit_scale=True, unit_divisor=1024,
                            dynamic_ncols=True, file=sys.stderr, desc="redacting",
                            bar_format="{desc}: {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} "
                                       "[{elapsed}<{remaining}{postfix}]")

    def update(self, nbytes: int, stats: _Stats) -> None:
        if self.bar is None:
            return
        self.bar.update(nbytes)
        now = time.monotonic()
        if now - self._last > 0.5:
            self._last = now
            rate = (stats.records - self.records0) / max(now - self.t0, 1e-9)
            self.bar.set_postfix_str(f"{stats.records} records, {rate:.0f} rec/s, {stats.failed} failed",
                                     refresh=False)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


# ----------------------------------------------------------------------------- run
def drop_if_empty(writer: OrderedWriter) -> None:
    """A run that failed before committing any chunk leaves nothing to resume: no state either."""
    if writer.last_chunk < 0 and writer.stats.records == 0:
        shutil.rmtree(writer.state, ignore_errors=True)


def run_batch(inputs: Sequence[str | os.PathLike[str]], output: str | os.PathLike[str], *,
              config: RedactorConfig | None = None, workers: int | None = None, fmt: str = "auto",
              fields: Sequence[str] = ("text",), id_field: str = "id", include_values: bool = False,
              resume: bool = False, restart: bool = False, progress: bool | None = None,
              chunk_records: int = DEFAULT_CHUNK_RECORDS, chunk_bytes: int = DEFAULT_CHUNK_BYTES,
              max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES, batch_size: int = 64,
              redactor_factory: Callable[[], Any] | None = None, redactor: Any = None,
              placeholders: bool = False,
              _on_chunk: Callable[[int], None] | None = None) -> BatchSummary:
    """Redact every record of `inputs` into `output`; see the module docstring for the layout.

    workers: processes in the pool (default: every core); 0 runs in this process.
    redactor_factory: a picklable zero-argument callable building the Redactor in each worker,
        for redactors a config cannot describe (custom detectors); default `Redactor(config)`.
    redactor: an already built Redactor to use when workers == 0 (saves loading it twice).
    placeholders: a failed record of a line format (JSONL, text lines) leaves a line in the output
        ({"id": …, "_lumor_error": why} or "[REDACTION FAILED]"), so output line N is input line N.
    Returns the summary; `summary.failed` counts records that are in the errors sidecar.
    """
    t0 = time.monotonic()
    config = config or RedactorConfig()
    if workers is None:
        workers = default_workers()
    if workers < 0:
        raise InputError("workers must be 0 or more")
    if chunk_records < 1 or chunk_bytes < 1:
        raise InputError("chunk sizes must be positive")
    layout = plan_layout(inputs, output, fmt)
    specs = [SourceSpec(f.source, f.format, tuple(fields), id_field, include_values, max_record_bytes, placeholders)
             for f in layout.files]
    for s in specs:
        s.build()                                   # bad field paths fail here, before any work
    manifest = {
        "version": STATE_VERSION,
        "inputs": [[str(f.path.resolve()), f.path.stat().st_size, f.path.stat().st_mtime_ns] for f in layout.files],
        "outputs": [str(f.output.resolve()) for f in layout.files],
        "sources": [dataclasses.asdict(s) for s in specs],
        "chunking": [chunk_records, chunk_bytes],
        "config": config_fingerprint(config) if redactor_factory is None else
        f"{getattr(redactor_factory, '__module__', '')}.{getattr(redactor_factory, '__qualname__', type(redactor_factory).__name__)}",
    }
    writer = OrderedWriter(layout, manifest, resume=resume, restart=restart)
    if writer.done:                                  # killed while moving the finished parts
        writer.finish()
        return writer.summary(seconds=time.monotonic() - t0, workers=workers)

    total = sum(f.path.stat().st_size for f in layout.files)
    bar = _Progress(progress, total, 0, writer.stats.records)
    executor = None
    processor: RecordProcessor | None = None
    if workers == 0:
        if redactor is None:
            redactor = redactor_factory() if redactor_factory is not None else _build_redactor(config)
        processor = RecordProcessor(redactor, specs, batch_size=batch_size)
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        executor = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                       initializer=_init_worker,
                                       initargs=(config, specs, batch_size, os.getpid(), redactor_factory))
    window = max(2, 2 * workers + 1)
    pending: deque[tuple[int, Any, int]] = deque()
    try:
        chunks = iter_chunks(layout, specs, chunk_records, chunk_bytes)
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                try:
                    k, items, nbytes = next(chunks)
                except StopIteration:
                    exhausted = True
                    break
                if k <= writer.last_chunk:              # done by the interrupted run
                    bar.update(nbytes, writer.stats)
                    continue
                if executor is None:
                    pending.append((k, processor.process(items), nbytes))  # type: ignore[union-attr]
                else:
                    pending.append((k, executor.submit(_work, k, items), nbytes))
            if not pending:
                break
            k, fut, nbytes = pending.popleft()
            outcomes = fut if executor is None else fut.result()[1]
            writer.write_chunk(k, outcomes)
            bar.update(nbytes, writer.stats)
            if _on_chunk is not None:
                _on_chunk(k)
        writer.finish()
    except KeyboardInterrupt:
        writer.close()
        drop_if_empty(writer)
        raise BatchInterrupted(layout.state, writer.stats.records) from None
    except BaseException as exc:
        writer.close()
        drop_if_empty(writer)
        from concurrent.futures.process import BrokenProcessPool

        if isinstance(exc, BrokenProcessPool):
            raise WorkerCrashed(f"a worker process died ({type(exc).__name__}); the state is kept in "
                                f"{str(layout.state)!r}: rerun with --resume") from None
        raise
    finally:
        bar.close()
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
    return writer.summary(seconds=time.monotonic() - t0, workers=workers)
