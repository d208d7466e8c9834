"""Pipecat frame processor that redacts user transcriptions in a voice-agent pipeline.

Place it right after the STT service, before the context aggregator:

    from lumor_redact.integrations.pipecat import TranscriptRedactor

    pipeline = Pipeline([transport.input(), stt, TranscriptRedactor(Redactor()),
                         context_aggregator.user(), llm, tts, transport.output(),
                         context_aggregator.assistant()])

What it does to frames (everything else passes through untouched, in order):
- `TranscriptionFrame` (final): committed to a per-user `StreamRedactor`; the masked text it
  releases goes on as a new `TranscriptionFrame` (same user, timestamp, language; the raw STT
  `result` is dropped, since it holds the unredacted text). What may still grow into an entity
  is held back while the user is speaking, and released when the turn ends (a `finalized`
  transcription, the user or VAD stopping, a transcription arriving while the user is not
  speaking) or at `EndFrame`, so the LLM gets the whole turn. A number or spelling still open
  at that point (the caller paused in the middle of a card number) is released as
  `[REDACTED]`, and its continuation in the next transcription is masked too.

Pipecat processes system frames (user/VAD started and stopped speaking) ahead of queued data
frames, so "speaking" is a hint: when it is wrong, a turn is flushed early, which costs some
over-masking of an open number, never a leak.
- `InterimTranscriptionFrame`: previewed (masked for display, never committed): a new interim
  frame with the masked text of everything not yet released.
- `EagerTranscriptionFrame` (a provisional end of turn, pipecat ≥ 1.x): the turn text is masked
  as a whole and passed on.
So the LLM context, the logs and every downstream processor only ever see masked text.

`pipecat-ai` is an optional dependency (`pip install lumor-redact[pipecat]`); this module is
the only one that imports it, and nothing in the core imports this module.
"""
from __future__ import annotations

import asyncio
import copy
from collections import OrderedDict
from typing import Any

from pipecat.frames import frames as _frames
from pipecat.frames.frames import (
    CancelFrame,
    EndFrame,
    Frame,
    InterimTranscriptionFrame,
    TranscriptionFrame,
    UserStartedSpeakingFrame,
    UserStoppedSpeakingFrame,
)
from pipecat.processors.frame_processor import FrameDirection, FrameProcessor

from lumor_redact.mask import PseudonymTable
from lumor_redact.pipeline import Redactor
from lumor_redact.stream import AsyncStreamRedactor, StreamOptions, StreamRedactor, StreamUpdate

__all__ = ["TranscriptRedactor"]

# Frames that only some pipecat versions have.
_VAD_STARTED = getattr(_frames, "VADUserStartedSpeakingFrame", None)
_VAD_STOPPED = getattr(_frames, "VADUserStoppedSpeakingFrame", None)
_EAGER = getattr(_frames, "EagerTranscriptionFrame", None)
_STARTED = tuple(t for t in (UserStartedSpeakingFrame, _VAD_STARTED) if t is not None)
_STOPPED = tuple(t for t in (UserStoppedSpeakingFrame, _VAD_STOPPED) if t is not None)


class TranscriptRedactor(FrameProcessor):
    """Masks personal information in transcription frames before anything downstream sees them.

    One instance per call (pipeline). `redactor` may be shared across calls; pseudonyms
    (`[PERSON_1]`) are numbered per instance, shared by every user of the call.
    `stream_options` tunes the hold-back (see `StreamOptions`); `max_users` bounds the
    per-user streams kept (beyond it the least recently heard user's stream is dropped, and
    with it any words it still held: never released unmasked).
    """

    def __init__(self, redactor: Redactor | None = None, *, stream_options: StreamOptions | None = None,
                 max_users: int = 16, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._redactor = redactor if redactor is not None else Redactor()
        self._options = stream_options or StreamOptions()
        self._pseudonyms = PseudonymTable()
        self._streams: OrderedDict[str, AsyncStreamRedactor] = OrderedDict()
        self._templates: dict[str, TranscriptionFrame] = {}
        self._max_users = max_users
        self._speaking = False

    # ------------------------------------------------------------------ frames
    async def process_frame(self, frame: Frame, direction: FrameDirection) -> None:
        await super().process_frame(frame, direction)
        if isinstance(frame, InterimTranscriptionFrame):
            await self._interim(frame, direction)
            return
        if isinstance(frame, TranscriptionFrame):
            await self._final(frame, direction)
            return
        if _EAGER is not None and isinstance(frame, _EAGER):
            await self._eager(frame, direction)
            return
        if _STARTED and isinstance(frame, _STARTED):
            self._speaking = True
        elif (_STOPPED and isinstance(frame, _STOPPED)) or isinstance(frame, EndFrame):
            self._speaking = False
            await self._flush_all()  # the held tail goes out before the turn (or the call) ends
        elif isinstance(frame, CancelFrame):
            self._streams.clear()  # cancelled: what was held is dropped, never released unmasked
        await self.push_frame(frame, direction)

    async def _final(self, frame: TranscriptionFrame, direction: FrameDirection) -> None:
        stream = self._stream(frame.user_id)
        self._templates[frame.user_id] = frame
        text = frame.text if isinstance(frame.text, str) else ""
        update = await stream.feed(text + " " if text and not text[-1].isspace() else text)
        finalized = bool(getattr(frame, "finalized", False))
        if finalized or not self._speaking:
            update = update.followed_by(await stream.flush(mask_open=True))
        await self._push_release(frame, update, direction, finalized=finalized)

    async def _interim(self, frame: InterimTranscriptionFrame, direction: FrameDirection) -> None:
        stream = self._stream(frame.user_id)
        preview = await stream.preview(frame.text if isinstance(frame.text, str) else "")
        text = preview.text.strip()
        if text:
            out = InterimTranscriptionFrame(text=text, user_id=frame.user_id, timestamp=frame.timestamp,
                                            language=frame.language)
            await self.push_frame(out, direction)

    async def _eager(self, frame: Any, direction: FrameDirection) -> None:
        # A predicted end of turn carries the turn's text as a whole: mask it as a whole,
        # with a copy of the call's pseudonyms (it may be withdrawn).
        table = copy.deepcopy(self._pseudonyms)
        text = frame.text if isinstance(frame.text, str) else ""
        res = await asyncio.to_thread(self._redactor.redact, text, pseudonyms=table)
        out = type(frame)(text=res.text, user_id=frame.user_id, timestamp=frame.timestamp, language=frame.language)
        await self.push_frame(out, direction)

    async def _flush_all(self) -> None:
        for user_id, stream in list(self._streams.items()):
            update = await stream.flush(mask_open=True)
            template = self._templates.get(user_id)
            if template is not None:
                await self._push_release(template, update, FrameDirection.DOWNSTREAM, finalized=False)

    async def _push_release(self, frame: TranscriptionFrame, update: StreamUpdate, direction: FrameDirection,
                            *, finalized: bool) -> None:
        text = update.text.strip()
        if not text:
            return
        out = TranscriptionFrame(text=text, user_id=frame.user_id, timestamp=frame.timestamp, language=frame.language)
        if finalized and hasattr(out, "finalized"):
            out.finalized = True
        await self.push_frame(out, direction)

    # ----------------------------------------------------------------- streams
    def _stream(self, user_id: str) -> AsyncStreamRedactor:
        s = self._streams.get(user_id)
        if s is None:
            while len(self._streams) >= self._max_users:
                # the least recently heard user's held words are dropped with it (fail closed)
                old, _ = self._streams.popitem(last=False)
                self._templates.pop(old, None)
            s = AsyncStreamRedactor(StreamRedactor(self._redactor, options=self._options,
                                                   pseudonyms=self._pseudonyms))
            self._streams[user_id] = s
        else:
            self._streams.move_to_end(user_id)
        return s
