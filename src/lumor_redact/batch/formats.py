"""Readers and writers for stored transcripts, one class per format.

Every format splits a file into *raw records* (bytes: one JSONL line, or a whole VTT/SRT/STT
file), and turns one raw record into a *plan*: the texts to redact and how to put the masked
texts back. The split is cheap and runs in the parent process; parsing, redaction and
serialisation run in the workers, so the parent only moves bytes.

    fmt = get_format("jsonl", fields=("transcript",))
    for rec in fmt.read("calls.jsonl"): ...        # parsed records (dicts)
    fmt.write(records, "out.jsonl")                # atomic (temp file + rename)

A record that cannot be read (invalid UTF-8 or JSON, missing or non-string text field) raises
`InputError` whose message names positions and field paths only, never the content.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, ClassVar, Iterable, Iterator, Sequence

import regex

from lumor_redact.entities import Entity, RedactionResult
from lumor_redact.errors import InputError
from lumor_redact.batch.tracks import Token, Track, same_text

__all__ = [
    "RawRecord", "Plan", "Format", "JsonlFormat", "TextFormat", "TextLinesFormat", "VttFormat",
    "SrtFormat", "DeepgramFormat", "AssemblyAIFormat", "AwsTranscribeFormat", "SttJsonFormat",
    "FORMATS", "get_format", "format_for_path", "parse_field_path", "DEFAULT_MAX_RECORD_BYTES",
]

DEFAULT_MAX_RECORD_BYTES = 64 * 1024 * 1024
_ID_MAX = 256


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One record as read from disk, before parsing. `error` is set when it cannot even be read."""

    index: int                 # 0-based position of the record in its file
    line: int | None           # 1-based line number (line formats only)
    data: bytes
    error: str | None = None


# ----------------------------------------------------------------------------- entity rows
def entity_row(e: Entity, text: str, *, where: str | None = None, include_values: bool = False,
               audio: tuple[float | None, float | None] | None = None, **extra: Any) -> dict[str, Any]:
    """One entity of the sidecar. Offsets are into `text`; the value only if asked for."""
    row: dict[str, Any] = {}
    if where is not None:
        row["field"] = where
    row.update(label=e.label, start=e.start, end=e.end, masked_start=e.masked_start,
               masked_end=e.masked_end, score=round(e.score, 4), detector=e.detector)
    a0, a1 = audio if audio is not None else (e.audio_start, e.audio_end)
    if a0 is not None or a1 is not None:
        row["audio_start"] = a0
        row["audio_end"] = a1
    row.update(extra)
    if include_values:
        row["value"] = text[e.start:e.end]
    return row


class Plan:
    """The texts of one record to redact, with callbacks that put each result back.

    Callbacks registered with `add` run in order when the results arrive; those registered with
    `after` run once all results are bound (used to render places from word tracks).
    """

    __slots__ = ("texts", "_cbs", "_after", "rows", "detector_errors", "finish_record")

    def __init__(self) -> None:
        self.texts: list[str] = []
        self._cbs: list[Callable[[RedactionResult], None]] = []
        self._after: list[Callable[[], None]] = []
        self.rows: list[dict[str, Any]] = []
        self.detector_errors: list[str] = []
        self.finish_record: Callable[[], bytes] = lambda: b""

    def add(self, text: str, cb: Callable[[RedactionResult], None]) -> None:
        self.texts.append(text)
        self._cbs.append(cb)

    def after(self, fn: Callable[[], None]) -> None:
        self._after.append(fn)

    def finish(self, results: Sequence[RedactionResult]) -> bytes:
        if len(results) != len(self._cbs):
            raise ValueError("result count does not match the plan")
        for cb, res in zip(self._cbs, results):
            for err in res.errors:
                if err not in self.detector_errors:
                    self.detector_errors.append(err)
            cb(res)
        for fn in self._after:
            fn()
        return self.finish_record()


# A failed record's stand-in, when asked for: no text of the record, only why it failed.
PLACEHOLDER_KEY = "_lumor_error"
PLACEHOLDER_TEXT = "[REDACTION FAILED]"


# ----------------------------------------------------------------------------- base class
class Format:
    """A transcript format. Subclasses set `name`, `extensions` and implement parse/plan/dump."""

    name: ClassVar[str] = ""
    extensions: ClassVar[tuple[str, ...]] = ()
    per_line: ClassVar[bool] = False        # one record per line, else one record per file

    def __init__(self, *, include_values: bool = False, max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES) -> None:
        self.include_values = include_values
        self.max_record_bytes = max_record_bytes

    def describe(self) -> dict[str, Any]:
        """What makes two runs of this format produce the same output (for resume checks)."""
        return {"name": self.name, "include_values": self.include_values, "max_record_bytes": self.max_record_bytes}

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"

    # -- reading raw records (parent process) -------------------------------------
    def iter_raw(self, path: str | os.PathLike[str]) -> Iterator[RawRecord]:
        if self.per_line:
            yield from _iter_lines(path, self.max_record_bytes, skip_blank=self._skip_blank_lines)
            return
        size = os.path.getsize(path)
        if size > self.max_record_bytes:
            yield RawRecord(0, None, b"", f"file of {size} bytes exceeds max_record_bytes={self.max_record_bytes}")
            return
        with open(path, "rb") as f:
            yield RawRecord(0, None, f.read())

    _skip_blank_lines: ClassVar[bool] = True

    def iter_raw_fileobj(self, f: Any, size: int | None = None) -> Iterator[RawRecord]:
        """`iter_raw` over an open binary file (the Ray reader opens files itself)."""
        if self.per_line:
            yield from iter_lines(f, self.max_record_bytes, skip_blank=self._skip_blank_lines)
            return
        if size is not None and size > self.max_record_bytes:
            yield RawRecord(0, None, b"", f"file of {size} bytes exceeds max_record_bytes={self.max_record_bytes}")
            return
        data = f.read(self.max_record_bytes + 1)
        if len(data) > self.max_record_bytes:
            yield RawRecord(0, None, b"", f"file exceeds max_record_bytes={self.max_record_bytes}")
            return
        yield RawRecord(0, None, data)

    # -- per record (worker process) ---------------------------------------------
    def parse(self, data: bytes) -> Any:
        raise NotImplementedError

    def record_id(self, rec: Any) -> str | int | None:
        return None

    def plan(self, rec: Any) -> Plan:
        """The texts of `rec` to redact; `plan.finish(results)` returns the masked record's bytes."""
        raise NotImplementedError

    def dump(self, rec: Any) -> bytes:
        raise NotImplementedError

    def placeholder(self, rid: str | int | None, reason: str) -> bytes | None:
        """What takes a failed record's place in the output when placeholders are asked for (one
        line in line formats, so output line N is still input line N); None: nothing (a file
        format's failed file has no output file)."""
        return None

    # -- user API -------------------------------------------------------------------
    def read(self, path: str | os.PathLike[str]) -> Iterator[Any]:
        """Parsed records of a file, in order. Raises `InputError` on the first unreadable one."""
        for raw in self.iter_raw(path):
            if raw.error:
                raise InputError(f"{os.fspath(path)!r}, record {raw.index}: {raw.error}")
            try:
                yield self.parse(raw.data)
            except InputError as exc:
                where = f"line {raw.line}" if raw.line is not None else f"record {raw.index}"
                raise InputError(f"{os.fspath(path)!r}, {where}: {exc}") from None

    def write(self, records: Iterable[Any], path: str | os.PathLike[str]) -> None:
        """Write records to `path` atomically: a temp file beside it, fsynced, then renamed."""
        atomic_write(path, (self.dump(r) for r in records))


def atomic_write(path: str | os.PathLike[str], chunks: Iterable[bytes]) -> None:
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            for c in chunks:
                f.write(c)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _iter_lines(path: str | os.PathLike[str], limit: int, *, skip_blank: bool) -> Iterator[RawRecord]:
    """Lines of a file, each without its line ending; over-long lines become error records."""
    with open(path, "rb", buffering=1 << 20) as f:
        yield from iter_lines(f, limit, skip_blank=skip_blank)


def iter_lines(f: Any, limit: int, *, skip_blank: bool) -> Iterator[RawRecord]:
    """`_iter_lines` over an open binary file with `readline(size)` (also used by the Ray reader)."""
    index = 0
    lineno = 0
    while True:
        line = f.readline(limit + 1)
        if not line:
            return
        lineno += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:                     # skip the rest of the line without holding it
                more = f.readline(1 << 20)
                if not more or more.endswith(b"\n"):
                    break
            yield RawRecord(index, lineno, b"", f"line longer than max_record_bytes={limit}")
            index += 1
            continue
        if line.endswith(b"\n"):
            line = line[:-1]
        if line.endswith(b"\r"):
            line = line[:-1]
        if skip_blank and not line.strip():
            continue
        yield RawRecord(index, lineno, line)
        index += 1


def decode_utf8(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"invalid UTF-8 at byte {exc.start}") from None


def load_json(data: bytes) -> Any:
    text = decode_utf8(data)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        # exc.msg is a fixed phrase ("Expecting value"); the document itself is never quoted
        raise InputError(f"invalid JSON: {exc.msg} at character {exc.pos}") from None
    except RecursionError:
        raise InputError("invalid JSON: nested too deeply") from None


def dump_json(obj: Any, *, indent: int | None = None) -> str:
    try:
        s = json.dumps(obj, ensure_ascii=False, indent=indent)
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:  # lone surrogates from \ud800 escapes: keep them escaped
        return json.dumps(obj, ensure_ascii=True, indent=indent)


def _safe_id(value: Any) -> str | int | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        return value[:_ID_MAX]
    return None


# ----------------------------------------------------------------------------- field paths
WILD = object()


def parse_field_path(spec: str) -> tuple[Any, ...]:
    """`transcript`, `meta.summary`, `utterances[].text` (= `utterances.*.text`), `turns[0].text`."""
    if not spec or not spec.strip():
        raise InputError("empty field path")
    segs: list[Any] = []
    for part in spec.split("."):
        if part == "":
            raise InputError(f"field path {spec!r} has an empty segment")
        m = regex.fullmatch(r"([^\[\]]*)((?:\[\d*\])*)", part)
        if m is None:
            raise InputError(f"field path {spec!r}: cannot parse segment {part!r}")
        key, brackets = m.group(1), m.group(2)
        if key == "*":
            segs.append(WILD)
        elif key.isdigit() and not brackets:
            segs.append(int(key))
        elif key:
            segs.append(key)
        for b in regex.findall(r"\[(\d*)\]", brackets):
            segs.append(WILD if b == "" else int(b))
    return tuple(segs)


def _fmt_path(path: list[Any]) -> str:
    out = ""
    for s in path:
        if isinstance(s, int):
            out += f"[{s}]"
        else:
            out += ("." if out else "") + s
    return out


def resolve_field(obj: Any, spec: str, segs: tuple[Any, ...]) -> list[tuple[str, Any, Any]]:
    """Every (concrete path, container, key) the path names in `obj`, each holding a str."""
    found: list[tuple[str, Any, Any]] = []

    def walk(node: Any, i: int, path: list[Any]) -> None:
        seg = segs[i]
        last = i == len(segs) - 1
        if seg is WILD:
            if not isinstance(node, list):
                raise InputError(f"field {spec!r}: {_fmt_path(path) or 'record'} is {_kind(node)}, expected a list")
            keys: Iterable[Any] = range(len(node))
        elif isinstance(seg, int):
            if not isinstance(node, list):
                raise InputError(f"field {spec!r}: {_fmt_path(path) or 'record'} is {_kind(node)}, expected a list")
            if seg >= len(node):
                raise InputError(f"field {spec!r}: {_fmt_path(path + [seg])} is missing")
            keys = (seg,)
        else:
            if not isinstance(node, dict):
                raise InputError(f"field {spec!r}: {_fmt_path(path) or 'record'} is {_kind(node)}, expected an object")
            if seg not in node:
                raise InputError(f"field {spec!r}: {_fmt_path(path + [seg])} is missing")
            keys = (seg,)
        for k in keys:
            child = node[k]
            if last:
                if not isinstance(child, str):
                    raise InputError(f"field {_fmt_path(path + [k])} is {_kind(child)}, expected a string")
                found.append((_fmt_path(path + [k]), node, k))
            else:
                walk(child, i + 1, path + [k])

    walk(obj, 0, [])
    return found


def _kind(v: Any) -> str:
    if v is None:
        return "null"
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean",
            int: "a number", float: "a number"}.get(type(v), type(v).__name__)


# ----------------------------------------------------------------------------- JSONL
class JsonlFormat(Format):
    """JSON Lines: one object a line; the text field(s) masked, every other field unchanged."""

    name = "jsonl"
    extensions = (".jsonl", ".ndjson")
    per_line = True

    def __init__(self, *, fields: Sequence[str] = ("text",), id_field: str = "id", **kw: Any) -> None:
        super().__init__(**kw)
        if not fields:
            raise InputError("at least one text field is needed")
        self.fields = tuple(fields)
        self._paths = [(f, parse_field_path(f)) for f in self.fields]
        self.id_field = id_field

    def describe(self) -> dict[str, Any]:
        return {**super().describe(), "fields": list(self.fields), "id_field": self.id_field}

    def parse(self, data: bytes) -> Any:
        obj = load_json(data)
        if not isinstance(obj, dict):
            raise InputError(f"record is {_kind(obj)}, expected a JSON object")
        return obj

    def record_id(self, rec: Any) -> str | int | None:
        return _safe_id(rec.get(self.id_field)) if isinstance(rec, dict) else None

    def plan(self, rec: Any) -> Plan:
        plan = Plan()
        seen: set[tuple[int, Any]] = set()
        for spec, segs in self._paths:
            for where, container, key in resolve_field(rec, spec, segs):
                if (id(container), key) in seen:
                    continue
                seen.add((id(container), key))
                text = container[key]

                def put(res: RedactionResult, container: Any = container, key: Any = key,
                        where: str = where, text: str = text) -> None:
                    container[key] = res.text
                    plan.rows.extend(entity_row(e, text, where=where, include_values=self.include_values)
                                     for e in res.entities)

                plan.add(text, put)
        plan.finish_record = lambda: self.dump(rec)
        return plan

    def dump(self, rec: Any) -> bytes:
        return (dump_json(rec) + "\n").encode("utf-8")

    def placeholder(self, rid: str | int | None, reason: str) -> bytes | None:
        row: dict[str, Any] = {} if rid is None else {self.id_field: rid}
        row[PLACEHOLDER_KEY] = reason
        return (dump_json(row) + "\n").encode("utf-8")


# ----------------------------------------------------------------------------- plain text
class TextFormat(Format):
    """A plain-text transcript: the whole file is one record."""

    name = "txt"
    extensions = (".txt",)

    def parse(self, data: bytes) -> Any:
        return decode_utf8(data)

    def plan(self, rec: Any) -> Plan:
        plan = Plan()
        out: list[str] = [rec]

        def put(res: RedactionResult) -> None:
            out[0] = res.text
            plan.rows.extend(entity_row(e, rec, include_values=self.include_values) for e in res.entities)

        plan.add(rec, put)
        plan.finish_record = lambda: self.dump(out[0])
        return plan

    def dump(self, rec: Any) -> bytes:
        return rec.encode("utf-8")


class TextLinesFormat(TextFormat):
    """Plain text, one record a line (blank lines kept as empty records)."""

    name = "txt-lines"
    extensions = ()
    per_line = True
    _skip_blank_lines = False

    def dump(self, rec: Any) -> bytes:
        return (rec + "\n").encode("utf-8")

    def placeholder(self, rid: str | int | None, reason: str) -> bytes | None:
        return (PLACEHOLDER_TEXT + "\n").encode("utf-8")


# ----------------------------------------------------------------------------- captions
_TIME = regex.compile(r"(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})")
_TAG = regex.compile(r"<[^<>\n]*>|\{\\[^{}\n]*\}")


def _seconds(stamp: str) -> float | None:
    m = _TIME.match(stamp.strip())
    if m is None:
        return None
    h, mi, s, ms = m.groups()
    return int(h or 0) * 3600 + int(mi) * 60 + int(s) + int(ms.ljust(3, "0")) / 1000


@dataclass(slots=True)
class Cue:
    """A caption cue: its payload lines [first, last) in the document and its timing."""

    first: int
    last: int
    start: float | None
    end: float | None


@dataclass(slots=True)
class Captions:
    """A parsed VTT/SRT document: its lines (line endings stripped) and where the cues are."""

    lines: list[str]
    cues: list[Cue]
    notes: list[tuple[int, int]] = field(default_factory=list)   # VTT NOTE blocks: line ranges
    newline: str = "\n"
    bom: bool = False

    def render(self) -> str:
        return ("\ufeff" if self.bom else "") + self.newline.join(self.lines)


class _CaptionFormat(Format):
    """WebVTT and SRT share a shape: blocks separated by blank lines, cues with a timing line.

    The cue texts are joined (tags removed, cues separated by a space) and redacted as one
    text, so an entity said across two cues ("oh four one two" | "three four five …") is still
    found; each cue it touches shows the replacement once. Cue ids, timings, settings, tags and
    STYLE/REGION blocks are kept as they are. VTT NOTE blocks are redacted on their own.
    """

    is_vtt: ClassVar[bool] = False

    def parse(self, data: bytes) -> Any:
        text = decode_utf8(data)
        bom = text.startswith("\ufeff")
        if bom:
            text = text[1:]
        newline = "\r\n" if "\r\n" in text else "\n"
        lines = text.replace("\r\n", "\n").split("\n")
        cues: list[Cue] = []
        notes: list[tuple[int, int]] = []
        i, n = 0, len(lines)
        if self.is_vtt:
            if not lines or not lines[0].startswith("WEBVTT"):
                raise InputError("not a WebVTT file: the first line must start with 'WEBVTT'")
            while i < n and lines[i].strip():     # header block
                i += 1
        while i < n:
            if not lines[i].strip():
                i += 1
                continue
            j = i
            while j < n and lines[j].strip():
                j += 1
            block = range(i, j)
            timing = next((k for k in block if "-->" in lines[k]), None)
            if self.is_vtt and lines[i].startswith("NOTE"):
                notes.append((i, j))
            elif timing is not None and not (self.is_vtt and lines[i].startswith(("STYLE", "REGION"))):
                left, _, right = lines[timing].partition("-->")
                cues.append(Cue(timing + 1, j, _seconds(left), _seconds(right.split()[0] if right.split() else "")))
            i = j
        return Captions(lines, cues, notes, newline, bom)

    def plan(self, rec: Any) -> Plan:
        doc: Captions = rec
        plan = Plan()
        # Joined text: cue payloads with tags removed; segments map joined offsets back.
        segs: list[tuple[int, int, int, int]] = []    # (joined_start, joined_end, cue, payload_start)
        parts: list[str] = []
        pos = 0
        payloads = ["\n".join(doc.lines[c.first:c.last]) for c in doc.cues]
        for ci, payload in enumerate(payloads):
            if ci:
                parts.append(" ")
                pos += 1
            last = 0
            for m in [*_TAG.finditer(payload), None]:
                a = m.start() if m else len(payload)
                if a > last:
                    piece = payload[last:a].replace("\n", " ")
                    segs.append((pos, pos + len(piece), ci, last))
                    parts.append(piece)
                    pos += len(piece)
                if m:
                    last = m.end()
        joined = "".join(parts)
        seg_starts = [s[0] for s in segs]

        def put(res: RedactionResult) -> None:
            import bisect

            edits: dict[int, list[tuple[int, int, str]]] = {}
            for e in res.entities:
                repl = res.text[e.masked_start:e.masked_end]
                done_cues: set[int] = set()
                k = max(0, bisect.bisect_right(seg_starts, e.start) - 1)
                cues_hit: list[int] = []
                while k < len(segs) and segs[k][0] < e.end:
                    js, je, ci, ps = segs[k]
                    a, b = max(e.start, js), min(e.end, je)
                    if a < b:
                        first_in_cue = ci not in done_cues
                        done_cues.add(ci)
                        if not cues_hit or cues_hit[-1] != ci:
                            cues_hit.append(ci)
                        edits.setdefault(ci, []).append((ps + a - js, ps + b - js, repl if first_in_cue else ""))
                    k += 1
                extra: dict[str, Any] = {}
                audio: tuple[float | None, float | None] | None = None
                if cues_hit:
                    extra = {"cue": cues_hit[0], "cue_end": cues_hit[-1]}
                    audio = (doc.cues[cues_hit[0]].start, doc.cues[cues_hit[-1]].end)
                plan.rows.append(entity_row(e, joined, include_values=self.include_values, audio=audio, **extra))
            # apply per cue, right to left; payload line count may change
            new_payloads = list(payloads)
            for ci, ed in edits.items():
                p = new_payloads[ci]
                for a, b, r in sorted(ed, reverse=True):
                    p = p[:a] + r + p[b:]
                new_payloads[ci] = p
            out: list[str] = []
            cursor = 0
            for c, p in zip(doc.cues, new_payloads):
                out.extend(doc.lines[cursor:c.first])
                out.extend(p.split("\n") if c.last > c.first else [])
                cursor = c.last
            out.extend(doc.lines[cursor:])
            # cue line ranges shift; notes are rewritten below by content position, so map them
            shift_map = _line_shift(doc, new_payloads)
            doc.lines = out
            doc.notes = [(shift_map(a), shift_map(b)) for a, b in doc.notes]

        if joined.strip():
            plan.add(joined, put)
        for ni, (a, b) in enumerate(list(doc.notes)):
            body = "\n".join(doc.lines[a:b])[4:]     # text after the NOTE keyword

            def put_note(res: RedactionResult, ni: int = ni, body: str = body) -> None:
                a2, b2 = doc.notes[ni]
                doc.lines[a2:b2] = ("NOTE" + res.text).split("\n")
                plan.rows.extend(entity_row(e, body, where=f"note[{ni}]", include_values=self.include_values)
                                 for e in res.entities)

            if body.strip():
                plan.add(body, put_note)
        plan.finish_record = lambda: self.dump(doc)
        return plan

    def dump(self, rec: Any) -> bytes:
        return rec.render().encode("utf-8")


def _line_shift(doc: Captions, new_payloads: list[str]) -> Callable[[int], int]:
    """Map a line index of the old document to the new one (cue payloads may change length)."""
    marks: list[tuple[int, int]] = []   # (old line index after cue, cumulative delta)
    delta = 0
    for c, p in zip(doc.cues, new_payloads):
        if c.last > c.first:
            delta += len(p.split("\n")) - (c.last - c.first)
        marks.append((c.last, delta))

    def f(i: int) -> int:
        d = 0
        for last, dl in marks:
            if last <= i:
                d = dl
            else:
                break
        return i + d

    return f


class VttFormat(_CaptionFormat):
    name = "vtt"
    extensions = (".vtt",)
    is_vtt = True


class SrtFormat(_CaptionFormat):
    name = "srt"
    extensions = (".srt",)


# ----------------------------------------------------------------------------- STT JSON
def _num(v: Any) -> float | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, str):
        try:
            return float(v)
        except ValueError:
            return None
    return None


class _SttBuilder:
    """Shared machinery of the STT JSON formats: tracks, places and fallbacks."""

    def __init__(self, fmt: "Format", plan: Plan) -> None:
        self.fmt = fmt
        self.plan = plan

    def track(self, tokens: Sequence[Token], where: str, index_name: str = "words") -> Track:
        tr = Track(tokens)

        def bind(res: RedactionResult) -> None:
            tr.bind(res)
            for k, e in enumerate(tr.entities):
                first, last = tr.token_range(k)
                self.plan.rows.append(entity_row(e, tr.text, where=where, include_values=self.fmt.include_values,
                                                 audio=tr.audio_span(k), **{index_name: [first, last]}))

        if tr.text.strip():
            self.plan.add(tr.text, bind)
        return tr

    def text(self, container: Any, key: Any, where: str,
             audio: tuple[float | None, float | None] | None = None) -> None:
        """Redact a string on its own (generated text, or a place that does not match its words)."""
        value = container.get(key) if isinstance(container, dict) else None
        if not isinstance(value, str) or not value.strip():
            return

        def put(res: RedactionResult) -> None:
            container[key] = res.text
            self.plan.rows.extend(entity_row(e, value, where=where, include_values=self.fmt.include_values,
                                             audio=audio) for e in res.entities)

        self.plan.add(value, put)

    def place(self, container: Any, key: Any, tr: Track, indices: Sequence[int] | None, where: str,
              audio: tuple[float | None, float | None] | None = None) -> None:
        """A string that is a rendering of `indices` of `tr`: rebuilt from the masked words.

        Falls back to redacting the string on its own when it does not match those words.
        """
        value = container.get(key) if isinstance(container, dict) else None
        if not isinstance(value, str):
            return
        if indices is not None and same_text(value, tr.original(indices)):
            idx = list(indices)
            self.plan.after(lambda: container.__setitem__(key, tr.render(idx)))
        else:
            self.text(container, key, where, audio)

    def time_range(self, tr: Track, start: float | None, end: float | None) -> list[int] | None:
        if start is None or end is None or not tr.tokens:
            return None
        eps = 1e-6
        idx = [i for i, t in enumerate(tr.tokens)
               if t.start is not None and t.end is not None and t.start >= start - eps and t.end <= end + eps]
        return idx or None


class SttJsonFormat(Format):
    """A stored STT result (one JSON file a call), vendor detected from its shape."""

    name = "stt-json"
    extensions = (".json",)

    def parse(self, data: bytes) -> Any:
        obj = load_json(data)
        if not isinstance(obj, dict):
            raise InputError(f"transcript JSON is {_kind(obj)}, expected an object")
        return obj

    @staticmethod
    def detect(obj: Any) -> type["SttJsonFormat"] | None:
        if not isinstance(obj, dict):
            return None
        res = obj.get("results")
        if isinstance(res, dict):
            if isinstance(res.get("channels"), list):
                return DeepgramFormat
            if "transcripts" in res or "items" in res:
                return AwsTranscribeFormat
        if isinstance(obj.get("words"), list) or ("text" in obj and any(k in obj for k in ("audio_url", "status", "utterances"))):
            return AssemblyAIFormat
        return None

    def record_id(self, rec: Any) -> str | int | None:
        if not isinstance(rec, dict):
            return None
        meta = rec.get("metadata")
        if isinstance(meta, dict) and meta.get("request_id") is not None:
            return _safe_id(meta.get("request_id"))
        for k in ("id", "jobName"):
            if rec.get(k) is not None:
                return _safe_id(rec.get(k))
        return None

    def plan(self, rec: Any) -> Plan:
        cls = self.detect(rec) if type(self) is SttJsonFormat else type(self)
        if cls is None:
            raise InputError("unrecognised transcript JSON (expected Deepgram, AssemblyAI or AWS Transcribe); "
                             "pass --format")
        plan = Plan()
        b = _SttBuilder(self, plan)
        cls._plan(b, rec)  # type: ignore[attr-defined]
        plan.finish_record = lambda: self.dump(rec)
        return plan

    def dump(self, rec: Any) -> bytes:
        return (dump_json(rec, indent=2) + "\n").encode("utf-8")


class DeepgramFormat(SttJsonFormat):
    """Deepgram pre-recorded response: channels → alternatives → transcript, words, paragraphs;
    plus utterances, and generated text (summaries, topics, intents, sentiments) redacted as text.
    Deepgram's own `entities` values are rebuilt from the masked words."""

    name = "deepgram"

    @staticmethod
    def _plan(b: _SttBuilder, rec: dict[str, Any]) -> None:
        res = rec.get("results")
        if not isinstance(res, dict) or not isinstance(res.get("channels"), list):
            raise InputError("not a Deepgram result: results.channels is missing")
        word_index: dict[tuple[Any, ...], tuple[Track, int]] = {}
        for ci, ch in enumerate(res["channels"]):
            alts = ch.get("alternatives") if isinstance(ch, dict) else None
            if not isinstance(alts, list):
                continue
            for ai, alt in enumerate(alts):
                if not isinstance(alt, dict):
                    continue
                where = f"results.channels[{ci}].alternatives[{ai}]"
                words = [w for w in alt.get("words") or [] if isinstance(w, dict)]
                if not words:
                    b.text(alt, "transcript", where + ".transcript")
                    continue
                toks = [Token(_dg_word(w), False, _num(w.get("start")), _num(w.get("end"))) for w in words]
                tr = b.track(toks, where)
                if ai == 0:
                    for i, w in enumerate(words):
                        word_index.setdefault((ci, toks[i].start, toks[i].end, _dg_word(w)), (tr, i))
                b.plan.after(_mask_dg_words(tr, words))
                b.place(alt, "transcript", tr, range(len(toks)), where + ".transcript")
                _dg_paragraphs(b, alt, tr, where)
                for key in ("entities",):
                    for k, ent in enumerate(alt.get(key) or []):
                        if isinstance(ent, dict):
                            idx = _word_slice(ent, len(toks))
                            b.place(ent, "value", tr, idx, f"{where}.{key}[{k}].value")
                for key in ("summaries", "topics"):
                    for k, item in enumerate(alt.get(key) or []):
                        if isinstance(item, dict):
                            idx = _word_slice(item, len(toks))
                            for tk in ("text", "summary"):
                                b.place(item, tk, tr, idx, f"{where}.{key}[{k}].{tk}")
                for k, hit in enumerate(_search_hits(alt)):
                    b.text(hit, "snippet", f"{where}.search.hits[{k}].snippet")
        for ui, utt in enumerate(res.get("utterances") or []):
            if not isinstance(utt, dict):
                continue
            where = f"results.utterances[{ui}]"
            words = [w for w in utt.get("words") or [] if isinstance(w, dict)]
            chan = utt.get("channel", 0)
            hits = [word_index.get((chan, _num(w.get("start")), _num(w.get("end")), _dg_word(w))) for w in words]
            if words and all(h is not None for h in hits) and len({id(h[0]) for h in hits}) == 1:  # type: ignore[index]
                tr = hits[0][0]  # type: ignore[index]
                idx = [h[1] for h in hits]  # type: ignore[index]
                b.plan.after(_mask_dg_words(tr, words, idx))
                b.place(utt, "transcript", tr, idx, where + ".transcript")
            elif words:                          # words not found in a channel: own track
                toks = [Token(_dg_word(w), False, _num(w.get("start")), _num(w.get("end"))) for w in words]
                tr = b.track(toks, where)
                b.plan.after(_mask_dg_words(tr, words))
                b.place(utt, "transcript", tr, range(len(toks)), where + ".transcript")
            else:
                b.text(utt, "transcript", where + ".transcript")
        summ = res.get("summary")
        if isinstance(summ, dict):
            for k in ("short", "result"):
                if isinstance(summ.get(k), str) and summ.get(k) not in ("success", "failure"):
                    b.text(summ, k, f"results.summary.{k}")
        for key in ("sentiments", "topics", "intents"):
            block = res.get(key)
            if isinstance(block, dict):
                for si, seg in enumerate(block.get("segments") or []):
                    if isinstance(seg, dict):
                        b.text(seg, "text", f"results.{key}.segments[{si}].text")


def _dg_word(w: dict[str, Any]) -> str:
    v = w.get("punctuated_word")
    if not isinstance(v, str):
        v = w.get("word")
    return v if isinstance(v, str) else ""


def _word_slice(item: dict[str, Any], n: int) -> list[int] | None:
    a, z = item.get("start_word"), item.get("end_word")
    if isinstance(a, int) and isinstance(z, int) and 0 <= a < z <= n:
        return list(range(a, z))
    return None


def _search_hits(alt: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for s in alt.get("search") or []:
        if isinstance(s, dict):
            out.extend(h for h in s.get("hits") or [] if isinstance(h, dict))
    return out


def _mask_dg_words(tr: Track, words: list[dict[str, Any]], idx: Sequence[int] | None = None) -> Callable[[], None]:
    def run() -> None:
        for j, w in enumerate(words):
            i = idx[j] if idx is not None else j
            if not tr.touched(i):
                continue
            masked = tr.masked_token(i)
            if "punctuated_word" in w:
                w["punctuated_word"] = masked
            if "word" in w:
                w["word"] = masked
    return run


def _dg_paragraphs(b: _SttBuilder, alt: dict[str, Any], tr: Track, where: str) -> None:
    pars = alt.get("paragraphs")
    if not isinstance(pars, dict):
        return
    plist = pars.get("paragraphs") if isinstance(pars.get("paragraphs"), list) else []
    cursor = 0
    sentences: list[tuple[dict[str, Any], str]] = []   # (sentence, original text)
    for pi, p in enumerate(plist):
        if not isinstance(p, dict):
            continue
        for si, s in enumerate(p.get("sentences") or []):
            if not isinstance(s, dict) or not isinstance(s.get("text"), str):
                continue
            n = len(s["text"].split())
            idx = list(range(cursor, cursor + n)) if cursor + n <= len(tr) else None
            if idx is not None and not same_text(s["text"], tr.original(idx)):
                idx = b.time_range(tr, _num(s.get("start")), _num(s.get("end")))
            else:
                cursor += n
            sentences.append((s, s["text"]))
            b.place(s, "text", tr, idx, f"{where}.paragraphs.paragraphs[{pi}].sentences[{si}].text",
                    audio=(_num(s.get("start")), _num(s.get("end"))))
    full = pars.get("transcript")
    if not isinstance(full, str):
        return
    # The paragraph transcript is the sentences with speaker headings: replace each sentence in order.
    spots: list[int] = []
    pos = 0
    for _, orig in sentences:
        k = full.find(orig, pos)
        if k < 0:
            spots = []
            break
        spots.append(k)
        pos = k + len(orig)
    if sentences and spots:
        def rebuild() -> None:
            out, last = [], 0
            for (s, orig), k in zip(sentences, spots):
                out.append(full[last:k])
                out.append(s["text"])
                last = k + len(orig)
            out.append(full[last:])
            pars["transcript"] = "".join(out)
        b.plan.after(rebuild)
    else:
        b.text(pars, "transcript", where + ".paragraphs.transcript")


class AssemblyAIFormat(SttJsonFormat):
    """AssemblyAI transcript (GET /v2/transcript/{id}, times in ms): text, words, utterances,
    and when stored alongside, sentences/paragraphs; entities, sentiment, highlights, chapters,
    summary and content-safety texts are masked too."""

    name = "assemblyai"

    @staticmethod
    def _plan(b: _SttBuilder, rec: dict[str, Any]) -> None:
        words = [w for w in rec.get("words") or [] if isinstance(w, dict)]
        ms = 1000.0

        def tok(w: dict[str, Any]) -> Token:
            s, e = _num(w.get("start")), _num(w.get("end"))
            return Token(w.get("text") if isinstance(w.get("text"), str) else "", False,
                         None if s is None else s / ms, None if e is None else e / ms)

        if not words:
            if "text" not in rec:
                raise InputError("not an AssemblyAI transcript: neither 'words' nor 'text'")
            b.text(rec, "text", "text")
            tr = None
        else:
            toks = [tok(w) for w in words]
            tr = b.track(toks, "words")
            b.plan.after(_mask_aai_words(tr, words, range(len(words))))
            b.place(rec, "text", tr, range(len(toks)), "text")
        key_index: dict[tuple[Any, ...], int] = {}
        if tr is not None:
            for i, w in enumerate(words):
                key_index.setdefault((_num(w.get("start")), _num(w.get("end")), w.get("text")), i)

        def segment_list(items: Any, where: str, text_key: str = "text") -> None:
            for k, item in enumerate(items or []):
                if not isinstance(item, dict):
                    continue
                w_where = f"{where}[{k}]"
                iw = [w for w in item.get("words") or [] if isinstance(w, dict)]
                start, end = _num(item.get("start")), _num(item.get("end"))
                ts = item.get("timestamp")
                if isinstance(ts, dict):
                    start, end = _num(ts.get("start")), _num(ts.get("end"))
                audio = (None if start is None else start / ms, None if end is None else end / ms)
                if tr is None:
                    if iw:   # no top-level words: the segment's words are its own track
                        t2 = b.track([tok(w) for w in iw], w_where)
                        b.plan.after(_mask_aai_words(t2, iw, range(len(iw))))
                        b.place(item, text_key, t2, range(len(iw)), f"{w_where}.{text_key}")
                    else:
                        b.text(item, text_key, f"{w_where}.{text_key}", audio)
                    continue
                if iw:
                    idx = [key_index.get((_num(w.get("start")), _num(w.get("end")), w.get("text"))) for w in iw]
                    if all(i is not None for i in idx):
                        b.plan.after(_mask_aai_words(tr, iw, idx))  # type: ignore[arg-type]
                        b.place(item, text_key, tr, idx, f"{w_where}.{text_key}", audio)  # type: ignore[arg-type]
                        continue
                    t2 = b.track([tok(w) for w in iw], w_where)
                    b.plan.after(_mask_aai_words(t2, iw, range(len(iw))))
                    b.place(item, text_key, t2, range(len(iw)), f"{w_where}.{text_key}", audio)
                    continue
                rng = b.time_range(tr, audio[0], audio[1])
                b.place(item, text_key, tr, rng, f"{w_where}.{text_key}", audio)

        for key in ("utterances", "sentences", "paragraphs", "entities", "sentiment_analysis_results"):
            segment_list(rec.get(key), key)
        for key in ("iab_categories_result", "content_safety_labels", "auto_highlights_result"):
            block = rec.get(key)
            if isinstance(block, dict):
                if key == "auto_highlights_result":
                    for k, h in enumerate(block.get("results") or []):
                        if isinstance(h, dict):
                            b.text(h, "text", f"{key}.results[{k}].text")
                else:
                    segment_list(block.get("results"), f"{key}.results")
        for k, ch in enumerate(rec.get("chapters") or []):
            if isinstance(ch, dict):
                for tk in ("summary", "headline", "gist"):
                    b.text(ch, tk, f"chapters[{k}].{tk}")
        if isinstance(rec.get("summary"), str):
            b.text(rec, "summary", "summary")


def _mask_aai_words(tr: Track, words: list[dict[str, Any]], idx: Sequence[int]) -> Callable[[], None]:
    def run() -> None:
        for j, w in enumerate(words):
            if tr.touched(idx[j]):
                w["text"] = tr.masked_token(idx[j])
    return run


class AwsTranscribeFormat(SttJsonFormat):
    """AWS Transcribe job output: results.transcripts, results.items (pronunciation and
    punctuation, times as strings), channel_labels.channels[].items, audio_segments."""

    name = "aws"

    @staticmethod
    def _plan(b: _SttBuilder, rec: dict[str, Any]) -> None:
        res = rec.get("results")
        if not isinstance(res, dict):
            raise InputError("not an AWS Transcribe result: 'results' is missing")
        items = [it for it in res.get("items") or [] if isinstance(it, dict)]
        transcripts = [t for t in res.get("transcripts") or [] if isinstance(t, dict)]
        if not items:
            for k, t in enumerate(transcripts):
                b.text(t, "transcript", f"results.transcripts[{k}].transcript")
            return
        toks = [_aws_token(it) for it in items]
        tr = b.track(toks, "results.items", index_name="items")
        b.plan.after(_mask_aws_items(tr, items, range(len(items))))
        for k, t in enumerate(transcripts):
            b.place(t, "transcript", tr, range(len(toks)) if len(transcripts) == 1 else None,
                    f"results.transcripts[{k}].transcript")
        key_index: dict[tuple[Any, ...], int] = {}
        for i, it in enumerate(items):
            if it.get("type") != "punctuation":
                key_index.setdefault((_num(it.get("start_time")), _num(it.get("end_time")), toks[i].text), i)
        chans = res.get("channel_labels")
        if isinstance(chans, dict):
            for c, ch in enumerate(chans.get("channels") or []):
                if not isinstance(ch, dict):
                    continue
                citems = [it for it in ch.get("items") or [] if isinstance(it, dict)]
                idx: list[int | None] = []
                for it in citems:
                    if it.get("type") == "punctuation":
                        idx.append(None)
                    else:
                        idx.append(key_index.get((_num(it.get("start_time")), _num(it.get("end_time")),
                                                  _aws_token(it).text)))
                if all(i is not None for i, it in zip(idx, citems) if it.get("type") != "punctuation"):
                    b.plan.after(_mask_aws_mapped(tr, citems, idx))
                else:   # cannot map: redact the channel's own items as a track
                    t2 = b.track([_aws_token(it) for it in citems], f"results.channel_labels.channels[{c}].items",
                                 index_name="items")
                    b.plan.after(_mask_aws_items(t2, citems, range(len(citems))))
        by_id: dict[Any, int] = {}
        for i, it in enumerate(items):
            by_id.setdefault(it.get("id", i), i)
        for s, seg in enumerate(res.get("audio_segments") or []):
            if not isinstance(seg, dict):
                continue
            ids = seg.get("items")
            seg_idx = [by_id.get(x) for x in ids] if isinstance(ids, list) else []
            ok = bool(seg_idx) and all(i is not None for i in seg_idx)
            audio = (_num(seg.get("start_time")), _num(seg.get("end_time")))
            b.place(seg, "transcript", tr, seg_idx if ok else None, f"results.audio_segments[{s}].transcript", audio)  # type: ignore[arg-type]


def _aws_token(it: dict[str, Any]) -> Token:
    alts = it.get("alternatives")
    content = ""
    if isinstance(alts, list) and alts and isinstance(alts[0], dict) and isinstance(alts[0].get("content"), str):
        content = alts[0]["content"]
    return Token(content, it.get("type") == "punctuation", _num(it.get("start_time")), _num(it.get("end_time")))


def _set_aws_content(it: dict[str, Any], value: str) -> None:
    for a in it.get("alternatives") or []:
        if isinstance(a, dict) and "content" in a:
            a["content"] = value


def _mask_aws_items(tr: Track, items: list[dict[str, Any]], idx: Sequence[int]) -> Callable[[], None]:
    def run() -> None:
        for j, it in enumerate(items):
            i = idx[j]
            if it.get("type") != "punctuation" and tr.touched(i):
                _set_aws_content(it, tr.masked_token(i))
    return run


def _mask_aws_mapped(tr: Track, items: list[dict[str, Any]], idx: Sequence[int | None]) -> Callable[[], None]:
    def run() -> None:
        for it, i in zip(items, idx):
            if i is not None and tr.touched(i):
                _set_aws_content(it, tr.masked_token(i))
    return run


# ----------------------------------------------------------------------------- registry
FORMATS: dict[str, type[Format]] = {
    f.name: f for f in (JsonlFormat, TextFormat, TextLinesFormat, VttFormat, SrtFormat, SttJsonFormat,
                        DeepgramFormat, AssemblyAIFormat, AwsTranscribeFormat)
}


def get_format(name: str, **kw: Any) -> Format:
    """A format by name; `fields`/`id_field` apply to JSONL only and are ignored by the others."""
    cls = FORMATS.get(name)
    if cls is None:
        raise InputError(f"unknown format {name!r}; use one of {', '.join(FORMATS)}")
    if cls is not JsonlFormat:
        kw.pop("fields", None)
        kw.pop("id_field", None)
    return cls(**kw)


def format_for_path(path: str | os.PathLike[str]) -> str | None:
    """The format name an extension implies (`.json` → stt-json, vendor found per file)."""
    suffix = Path(path).suffix.lower()
    for name, cls in FORMATS.items():
        if suffix in cls.extensions:
            return name
    return None
