"""Adapters from STT engines' streaming messages to `StreamRedactor` input.

Two engines' documented shapes are read, as parsed JSON (dicts) or JSON text:

- Deepgram live streaming, the `Results` message:
  `{"type": "Results", "channel_index": [0, 1], "is_final": bool, "speech_final": bool,
    "channel": {"alternatives": [{"transcript": str, "words": [{"word", "start", "end",
    "confidence", "speaker"?, "punctuated_word"?}]}]}}`; `UtteranceEnd` messages end an
  utterance; other message types (`Metadata`, `SpeechStarted`) carry no text.
- AWS Transcribe streaming, a `TranscriptEvent`:
  `{"Transcript": {"Results": [{"ResultId", "StartTime", "EndTime", "IsPartial", "ChannelId"?,
    "Alternatives": [{"Transcript": str, "Items": [{"Content", "StartTime", "EndTime",
    "Type": "pronunciation" | "punctuation", "Confidence"?, "Speaker"?, "Stable"?}]}]}]}}`,
  optionally wrapped as `{"TranscriptEvent": {...}}`. The Python SDK's event objects
  (snake_case attributes: `transcript.results[i].alternatives[0].items[j].content` …) are read
  the same way.

Each message becomes `SttResult`s: words with timestamps, the transcript text, whether it is
final, and whether it ends an utterance. `SttFeeder` applies them to a stream: interim results
are previewed for display and never committed, final results are committed, and (optionally)
an utterance end flushes what is held. With AWS partial-result stabilization, items marked
stable can be committed before their segment is final (`commit_stable=True`).

Interim and final results follow the engines' model: an interim result is the whole current
segment so far and is replaced by the next interim or by the segment's final result; finals are
consecutive pieces of the call. That is exactly `preview` and `feed` on a `StreamRedactor`.
"""
from __future__ import annotations

import json
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from lumor_redact.errors import InputError
from lumor_redact.stream import StreamRedactor, StreamUpdate, Word

__all__ = ["SttResult", "SttFeeder", "from_deepgram", "from_aws_transcribe", "parse_message", "feed_results"]


@dataclass(frozen=True, slots=True)
class SttResult:
    """One STT result, engine-neutral. The repr shows no transcript text."""

    words: tuple[Word, ...]
    text: str
    is_final: bool
    end_of_utterance: bool = False
    channel: int | str | None = None
    result_id: str | None = None
    # AWS partial-result stabilization: how many leading words will not change any more
    stable_words: int = 0

    def __repr__(self) -> str:
        return (f"SttResult(words={len(self.words)}, len={len(self.text)}, final={self.is_final}, "
                f"end_of_utterance={self.end_of_utterance}, channel={self.channel!r})")


# ---------------------------------------------------------------------------- parsing
def _load(message: Any) -> Any:
    if isinstance(message, (bytes, bytearray)):
        try:
            message = message.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"STT message is not valid UTF-8 (byte {exc.start})") from None
    if isinstance(message, str):
        try:
            return json.loads(message)
        except json.JSONDecodeError as exc:
            raise InputError(f"STT message is not valid JSON ({exc.msg} at position {exc.pos})") from None
    return message


def _get(obj: Any, *names: str, default: Any = None) -> Any:
    """A field by its JSON name or its SDK attribute name (first that exists)."""
    for name in names:
        if isinstance(obj, Mapping):
            if name in obj:
                return obj[name]
        elif hasattr(obj, name):
            return getattr(obj, name)
    return default


def _number(value: Any, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InputError(f"{what} must be a number, got {type(value).__name__}")
    return float(value)


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise InputError(f"{what} must be a string, got {type(value).__name__}")
    return value


def from_deepgram(message: Any) -> SttResult | None:
    """A Deepgram live message as an `SttResult`; None for messages without a transcript."""
    msg = _load(message)
    if not isinstance(msg, Mapping):
        raise InputError(f"Deepgram message must be a JSON object, got {type(msg).__name__}")
    kind = msg.get("type", "Results" if "channel" in msg else None)
    channel_index = msg.get("channel_index") or msg.get("channel")
    channel = channel_index[0] if isinstance(channel_index, list) and channel_index else None
    if kind == "UtteranceEnd":
        return SttResult((), "", True, True, channel)
    if kind != "Results":
        return None
    ch = msg.get("channel")
    alts = ch.get("alternatives") if isinstance(ch, Mapping) else None
    if not isinstance(alts, list):
        raise InputError("Deepgram Results message has no channel.alternatives list")
    if not alts:
        return SttResult((), "", bool(msg.get("is_final")), bool(msg.get("speech_final")), channel)
    alt = alts[0]
    if not isinstance(alt, Mapping):
        raise InputError("Deepgram alternative must be an object")
    transcript = _text(alt.get("transcript", ""), "Deepgram transcript")
    words = []
    raw_words = alt.get("words", [])
    if not isinstance(raw_words, list):
        raise InputError("Deepgram words must be a list")
    for i, w in enumerate(raw_words):
        if not isinstance(w, Mapping):
            raise InputError(f"Deepgram word {i} must be an object")
        text = w.get("punctuated_word") or w.get("word")
        words.append(Word(_text(text, f"Deepgram word {i}"), _number(w.get("start"), f"Deepgram word {i} start"),
                          _number(w.get("end"), f"Deepgram word {i} end"), w.get("confidence"), w.get("speaker")))
    is_final = bool(msg.get("is_final"))
    end = bool(msg.get("speech_final")) or bool(msg.get("from_finalize"))
    return SttResult(tuple(words), transcript, is_final, end and is_final, channel)


def from_aws_transcribe(event: Any) -> list[SttResult]:
    """An AWS Transcribe streaming TranscriptEvent as `SttResult`s (one per result)."""
    ev = _load(event)
    ev = _get(ev, "TranscriptEvent", default=ev)
    transcript = _get(ev, "Transcript", "transcript")
    if transcript is None:
        raise InputError("AWS TranscriptEvent has no Transcript")
    results = _get(transcript, "Results", "results", default=[])
    if not isinstance(results, (list, tuple)):
        raise InputError("AWS Transcript.Results must be a list")
    out = []
    for r in results:
        partial = bool(_get(r, "IsPartial", "is_partial", default=False))
        alts = _get(r, "Alternatives", "alternatives", default=[]) or []
        alt = alts[0] if alts else {}
        text = _text(_get(alt, "Transcript", "transcript", default="") or "", "AWS transcript")
        words: list[Word] = []
        stable = 0
        all_stable = True
        for i, item in enumerate(_get(alt, "Items", "items", default=[]) or []):
            content = _text(_get(item, "Content", "content", default=""), f"AWS item {i} content")
            kind = str(_get(item, "Type", "item_type", "type", default="pronunciation")).lower()
            is_stable = bool(_get(item, "Stable", "stable", default=False))
            if kind.endswith("punctuation"):
                if words:  # punctuation belongs to the word before it, without a space
                    w = words[-1]
                    words[-1] = Word(w.text + content, w.start, w.end, w.confidence, w.speaker)
                continue
            start = _number(_get(item, "StartTime", "start_time", default=0.0), f"AWS item {i} StartTime")
            end = _number(_get(item, "EndTime", "end_time", default=start), f"AWS item {i} EndTime")
            words.append(Word(content, start, end, _get(item, "Confidence", "confidence"),
                              _get(item, "Speaker", "speaker")))
            if is_stable and all_stable:
                stable = len(words)
            else:
                all_stable = False
        out.append(SttResult(tuple(words), text, not partial, not partial,
                             _get(r, "ChannelId", "channel_id"), _get(r, "ResultId", "result_id"),
                             stable if partial else len(words)))
    return out


def parse_message(message: Any) -> list[SttResult]:
    """Any supported engine's message (detected by shape) as `SttResult`s."""
    msg = _load(message)
    if isinstance(msg, Mapping) and ("TranscriptEvent" in msg or "Transcript" in msg):
        return from_aws_transcribe(msg)
    if isinstance(msg, Mapping) and (msg.get("type") in ("Results", "UtteranceEnd", "Metadata", "SpeechStarted")
                                     or "channel" in msg):
        r = from_deepgram(msg)
        return [r] if r is not None else []
    if hasattr(msg, "transcript"):  # an AWS SDK event object
        return from_aws_transcribe(msg)
    raise InputError("unrecognised STT message: expected a Deepgram Results/UtteranceEnd message "
                     "or an AWS Transcribe TranscriptEvent")


# ----------------------------------------------------------------------------- feeding
class SttFeeder:
    """Applies `SttResult`s to a `StreamRedactor`: interim → preview, final → feed.

    flush_on_end_of_utterance: flush the held tail when the engine says the utterance ended
        (Deepgram `speech_final`/`UtteranceEnd`, an AWS final result). Off by default: a caller
        who pauses in the middle of a card number would otherwise split it.
    commit_stable: commit AWS items marked stable before their segment is final (lower latency
        with partial-result stabilization).
    channel: only results of this channel are applied (None: all).
    """

    def __init__(self, stream: StreamRedactor, *, flush_on_end_of_utterance: bool = False,
                 commit_stable: bool = False, channel: int | str | None = None) -> None:
        self.stream = stream
        self.flush_on_end_of_utterance = flush_on_end_of_utterance
        self.commit_stable = commit_stable
        self.channel = channel
        self._committed: OrderedDict[str, int] = OrderedDict()  # result id -> words committed early

    def __repr__(self) -> str:
        return f"SttFeeder({self.stream!r})"

    def push_message(self, message: Any) -> list[StreamUpdate]:
        """Parse one engine message and apply every result in it."""
        return [u for r in parse_message(message) for u in self.push(r)]

    def push(self, result: SttResult) -> list[StreamUpdate]:
        """Apply one result. Returns the updates it produced, in order: releases (is_final True:
        append their text to the redacted transcript) and at most one preview (is_final False:
        the display of everything not yet released, replacing the previous preview)."""
        if self.channel is not None and result.channel is not None and result.channel != self.channel:
            return []
        words = result.words
        rid = result.result_id
        done = self._committed.get(rid, 0) if rid is not None else 0
        out: list[StreamUpdate] = []
        if not result.is_final:
            if self.commit_stable and rid is not None and result.stable_words > done:
                # the last stable word waits until the word after it (and its punctuation) is known
                upto = result.stable_words - (1 if result.stable_words >= len(words) else 0)
                if upto > done:
                    out.append(self.stream.feed_words(list(words[done:upto])))
                    self._remember(rid, upto)
                    done = upto
            if words:
                shown = " ".join(w.text for w in words[done:])
            else:
                shown = result.text
            out.append(self.stream.preview(shown))
            return out
        if rid is not None:
            self._committed.pop(rid, None)
        if words:
            out.append(self.stream.feed_words(list(words[done:])))
        elif result.text.strip():
            out.append(self.stream.feed(result.text + " "))
        if result.end_of_utterance and self.flush_on_end_of_utterance:
            out.append(self.stream.flush(mask_open=True))  # a pause may split a number: fail closed
        return out

    def _remember(self, result_id: str, n: int) -> None:
        self._committed[result_id] = n
        self._committed.move_to_end(result_id)
        while len(self._committed) > 64:  # a result id left open by the engine is forgotten
            self._committed.popitem(last=False)


def feed_results(stream: StreamRedactor, results: Iterable[SttResult], **options: Any) -> list[StreamUpdate]:
    """Apply a sequence of results with a fresh `SttFeeder` (convenience for replays)."""
    feeder = SttFeeder(stream, **options)
    return [u for r in results for u in feeder.push(r)]
