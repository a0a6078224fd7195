"""The fold keeps text as pieces: still plain `str` to read, pure, and linear over long answers."""

from __future__ import annotations

from dataclasses import replace

from workbench.api.events import (
    StreamEnded,
    StreamStarted,
    TextDelta,
    ThinkingDelta,
    ToolPlanDelta,
)
from workbench.api.stream import ChatSnapshot, accumulate


def _fold(*events: object, start: ChatSnapshot | None = None) -> ChatSnapshot:
    snap = start or ChatSnapshot()
    for event in events:
        snap = accumulate(snap, event)  # type: ignore[arg-type]
    return snap


def test_text_thinking_and_plan_read_as_plain_strings() -> None:
    snap = _fold(
        StreamStarted("r"),
        ThinkingDelta("Let me "),
        ThinkingDelta("think."),
        ToolPlanDelta("Plan"),
        TextDelta("Bonjour "),
        TextDelta("😀"),
    )
    assert (snap.text, snap.thinking, snap.tool_plan) == ("Bonjour 😀", "Let me think.", "Plan")
    assert type(snap.text) is str
    assert snap.text[8:] == "😀"
    assert "text='Bonjour 😀'" in repr(snap)
    assert ChatSnapshot().text == ""


def test_folding_again_from_an_older_snapshot_leaves_later_snapshots_alone() -> None:
    base = _fold(TextDelta("a"), TextDelta("b"))
    first = _fold(TextDelta("c"), TextDelta("d"), start=base)
    assert first.text == "abcd"
    second = _fold(TextDelta("X"), start=base)  # a branch from the same state
    third = _fold(TextDelta("Y"), start=_fold(TextDelta("c"), start=base))
    assert (base.text, first.text, second.text, third.text) == ("ab", "abcd", "abX", "abcY")
    assert _fold(TextDelta("e"), start=first).text == "abcde"
    assert _fold(TextDelta("z")).text == "z"  # the shared empty start is never extended in place
    assert ChatSnapshot().text == ""


def test_snapshots_compare_by_content_not_by_how_the_text_was_cut() -> None:
    one = _fold(TextDelta("hello "), TextDelta("world"), StreamEnded("COMPLETE"))
    other = _fold(TextDelta("hel"), TextDelta("lo world"), StreamEnded("COMPLETE"))
    assert one == other
    assert hash(one) == hash(other)
    assert one != _fold(TextDelta("hello"), TextDelta(" there"), StreamEnded("COMPLETE"))
    assert replace(one, raw={"x": 1}) == one  # the raw response is not compared
    assert replace(one, event_count=0).text == "hello world"


def test_a_long_answer_folds_without_copying_the_text_per_event() -> None:
    pieces = [f"word{n} " for n in range(50_000)]
    snap = _fold(*(TextDelta(p) for p in pieces))
    assert snap.text == "".join(pieces)
    assert snap.event_count == len(pieces)
