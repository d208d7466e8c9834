"""`lumor-redact stream`: redact a live transcript from stdin and print it as it is released.

Each input line is one chunk:
- plain text: fed as is, newline included (so a line is a turn);
- a JSON object `{"text": "...", "is_final": true}` (text fed exactly as given; `is_final`
  false previews it) or `{"words": [{"word", "start", "end", "confidence"?, "speaker"?}],
  "is_final": ...}` (word timestamps);
- a Deepgram live `Results`/`UtteranceEnd` message or an AWS Transcribe `TranscriptEvent`.
Released text goes to stdout as soon as it is released (unbuffered); at end of input whatever
is held is flushed. With `--json` every update is one JSON line instead.

    lumor-redact stream --rules-only < call.txt
    my_stt_client | lumor-redact stream --json --interim
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict
from typing import Any, TextIO


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("stream", help="redact a live transcript from stdin as it arrives (a live demo)")
    p.add_argument("--json", action="store_true", help="print every update as a JSON line (text, entities, …)")
    p.add_argument("--interim", action="store_true",
                   help="also show interim (non-final) results, masked: on stderr, or as JSON lines with --json")
    p.add_argument("--max-hold-words", type=int, metavar="N", help="release held text fail-closed beyond N words")
    p.add_argument("--max-hold-seconds", type=float, metavar="S", help="… or beyond S seconds of audio")
    p.add_argument("--flush-on-utterance-end", action="store_true",
                   help="flush when the STT engine says an utterance ended (Deepgram speech_final, AWS final)")
    p.add_argument("--commit-stable", action="store_true",
                   help="commit AWS items marked stable before their segment is final")
    p.add_argument("--bleep", action="store_true", help="at the end, print the audio ranges to bleep (JSON)")
    from lumor_redact.cli import add_config_option

    add_config_option(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from lumor_redact.cli import redactor_from_args
    from lumor_redact.stream import StreamRedactor
    from lumor_redact.stt import SttFeeder

    opts: dict[str, Any] = {}
    if args.max_hold_words is not None:
        opts["max_hold_words"] = args.max_hold_words
    if args.max_hold_seconds is not None:
        opts["max_hold_seconds"] = args.max_hold_seconds
    stream = StreamRedactor(redactor_from_args(args), **opts)
    feeder = SttFeeder(stream, flush_on_end_of_utterance=args.flush_on_utterance_end,
                       commit_stable=args.commit_stable)
    out = _Output(sys.stdout, sys.stderr, as_json=args.json, interim=args.interim)
    try:
        for lineno, raw in enumerate(iter(sys.stdin.buffer.readline, b""), 1):
            for update in _updates(stream, feeder, _decode(raw, lineno), lineno):
                out.emit(update)
        out.emit(stream.flush())
        out.finish(stream.bleep_ranges() if args.bleep else None)
    except BrokenPipeError:  # the reader went away (| head): stop quietly, held text unreleased
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0


def _decode(raw: bytes, lineno: int) -> str:
    from lumor_redact.errors import InputError

    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"line {lineno}: not valid UTF-8 (byte {exc.start})") from None


def _updates(stream: Any, feeder: Any, line: str, lineno: int) -> list[Any]:
    from lumor_redact.errors import InputError
    from lumor_redact.stream import Word

    stripped = line.strip()
    if not stripped.startswith("{"):
        return [stream.feed(line)]
    try:
        obj = json.loads(stripped)
    except json.JSONDecodeError as exc:
        raise InputError(f"line {lineno}: not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise InputError(f"line {lineno}: expected a JSON object")
    is_final = obj.get("is_final", True)
    if not isinstance(is_final, bool):
        raise InputError(f"line {lineno}: is_final must be true or false")
    if "words" in obj and "channel" not in obj:
        words = obj["words"]
        if not isinstance(words, list) or not all(isinstance(w, dict) for w in words):
            raise InputError(f"line {lineno}: words must be a list of objects")
        try:
            ws = [Word(w.get("word", w.get("text")), w["start"], w["end"], w.get("confidence"), w.get("speaker"))
                  for w in words]
        except KeyError as exc:
            raise InputError(f"line {lineno}: a word has no {exc.args[0]!r}") from None
        return [stream.feed_words(ws, is_final=is_final)]
    if "text" in obj and not any(k in obj for k in ("channel", "Transcript", "TranscriptEvent", "type")):
        return [stream.feed(obj["text"], is_final=is_final)]
    try:
        return feeder.push_message(obj)
    except InputError as exc:
        raise InputError(f"line {lineno}: {exc}") from None


class _Output:
    def __init__(self, out: TextIO, err: TextIO, *, as_json: bool, interim: bool) -> None:
        self.out, self.err, self.as_json, self.interim = out, err, as_json, interim
        self.last = "\n"

    def emit(self, u: Any) -> None:
        if not u.is_final and not self.interim:
            return
        if self.as_json:
            rec = {"text": u.text, "is_final": u.is_final, "start": u.start, "end": u.end,
                   "entities": [asdict(e) for e in u.entities], "held_words": u.held_words, "forced": u.forced}
            self.out.write(json.dumps(rec) + "\n")
            self.out.flush()
        elif u.is_final:
            if u.text:
                self.out.write(u.text)
                self.out.flush()
                self.last = u.text
        elif u.text:
            self.err.write(f"~ {u.text}\n")
            self.err.flush()

    def finish(self, bleeps: list[tuple[float, float]] | None) -> None:
        if not self.as_json and not self.last.endswith("\n"):
            self.out.write("\n")
            self.out.flush()
        if bleeps is not None:
            target = self.out if self.as_json else self.err
            target.write(json.dumps({"bleep_ranges": bleeps}) + "\n")
            target.flush()
