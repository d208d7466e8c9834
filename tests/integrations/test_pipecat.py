"""TranscriptRedactor in a real Pipecat pipeline (pipecat's own test runner, in-process)."""
from __future__ import annotations

import asyncio

import pytest

pytest.importorskip("pipecat")

from pipecat.frames.frames import (  # noqa: E402
    InterimTranscriptionFrame,
    TextFrame,
    TranscriptionFrame,
    UserStartedSpeakingFrame,
    UserStoppedSpeakingFrame,
)

from lumor_redact import Redactor, RedactorConfig  # noqa: E402
from lumor_redact.integrations.pipecat import TranscriptRedactor  # noqa: E402

_utils = pytest.importorskip("pipecat.tests.utils")
run_test, SleepFrame = _utils.run_test, _utils.SleepFrame


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor(RedactorConfig(disable_detectors=frozenset({"ner"})))


def tf(text: str, **kw) -> TranscriptionFrame:
    return TranscriptionFrame(text=text, user_id="caller", timestamp="2026-01-01T00:00:00Z", result={"raw": text},
                              **kw)


def itf(text: str) -> InterimTranscriptionFrame:
    return InterimTranscriptionFrame(text=text, user_id="caller", timestamp="2026-01-01T00:00:00Z",
                                     result={"raw": text})


def texts(frames, kind):
    return [f.text for f in frames if type(f) is kind]


def run(processor, frames):
    down, _ = asyncio.run(run_test(processor, frames_to_send=frames))
    return down


def test_finals_and_interims_reach_downstream_masked(redactor):
    # SleepFrames keep pipecat from running the (system) speaking frames ahead of the text
    frames = [
        UserStartedSpeakingFrame(), SleepFrame(0.05),
        itf("my mobile is oh four"),
        tf("my mobile is oh four one two"),
        itf("three four five"),
        tf("three four five six seven eight"), SleepFrame(0.05),
        UserStoppedSpeakingFrame(), SleepFrame(0.05),
        tf("and my email is sarah at gmail dot com"),
    ]
    down = run(TranscriptRedactor(redactor), frames)
    finals = texts(down, TranscriptionFrame)
    interims = texts(down, InterimTranscriptionFrame)
    joined = " ".join(finals)
    assert joined == "my mobile is [PHONE_NUMBER] and my email is [EMAIL_ADDRESS]"
    for t in finals + interims:
        for secret in ("four", "five", "sarah", "gmail"):
            assert secret not in t
    assert interims and all("[…]" in t or "[PHONE_NUMBER]" in t for t in interims)
    # the raw STT payload, which holds the unredacted text, is not passed on
    assert all(f.result is None for f in down if isinstance(f, TextFrame) and hasattr(f, "result"))
    # the held tail goes out before the frame that ends the turn
    kinds = [type(f).__name__ for f in down]
    assert kinds.index("UserStoppedSpeakingFrame") > kinds.index("TranscriptionFrame")


def test_number_split_across_finals_while_speaking(redactor):
    frames = [
        UserStartedSpeakingFrame(), SleepFrame(0.05),
        tf("my card is four one one one one one one one"),
        tf("one one one one one one one one thanks"), SleepFrame(0.05),
        UserStoppedSpeakingFrame(),
    ]
    down = run(TranscriptRedactor(redactor), frames)
    joined = " ".join(texts(down, TranscriptionFrame))
    assert joined == "my card is [CREDIT_CARD] thanks"


def test_pause_inside_a_number_fails_closed(redactor):
    """No speaking signals: every final ends a turn. The open half of the card number and its
    continuation are masked, never released in the clear."""
    frames = [tf("my card is four one one one one one one one"), tf("one one one one one one one one thanks")]
    down = run(TranscriptRedactor(redactor), frames)
    joined = " ".join(texts(down, TranscriptionFrame))
    assert "one" not in joined and "four" not in joined
    assert joined.startswith("my card") and joined.endswith("[REDACTED] thanks")


def test_finalized_transcription_flushes(redactor):
    frames = [tf("my name is", finalized=True), tf("okay")]
    down = run(TranscriptRedactor(redactor), frames)
    got = [f for f in down if type(f) is TranscriptionFrame]
    assert got[0].text == "my name is" and got[0].finalized
    assert " ".join(f.text for f in got) == "my name is okay"


def test_other_frames_untouched(redactor):
    down = run(TranscriptRedactor(redactor), [TextFrame(text="bot says four one one one")])
    assert texts(down, TextFrame) == ["bot says four one one one"]
