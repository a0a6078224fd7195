"""The conversation model: history, regenerate, edit-and-resend, tool continuation."""

from __future__ import annotations

import pytest

from workbench.api.errors import InputError
from workbench.api.events import (
    StreamEnded,
    TextDelta,
    ToolCallCompleted,
    ToolCallDelta,
    ToolCallStarted,
    ToolPlanDelta,
)
from workbench.api.models import Citation, GenerationParams, ToolCall, ToolResult, ToolSpec
from workbench.api.stream import ChatSnapshot, accumulate
from workbench.core.chat_session import (
    ChatFrame,
    ChatSession,
    Reply,
    history_of,
    reply_from_snapshot,
)

FRAME = ChatFrame(
    model="command-r",
    preamble="Be brief.",
    documents=[{"id": "d1", "text": "Paris is sunny."}],
    tools=[ToolSpec(name="get_weather")],
    params=GenerationParams(temperature=0.2, seed=3),
)


def _fold(*events: object) -> ChatSnapshot:
    snap = ChatSnapshot()
    for event in events:
        snap = accumulate(snap, event)  # type: ignore[arg-type]
    return snap


def _answered(session: ChatSession, message: str, answer: str) -> None:
    session.send(message, FRAME)
    session.finish(Reply(text=answer, finish_reason="COMPLETE"))


def test_send_frames_the_message_with_history_and_settings() -> None:
    session = ChatSession()
    _answered(session, "Hi", "Hello!")
    request = session.send("Weather?", FRAME)
    assert request.message == "Weather?"
    assert request.preamble == "Be brief."
    assert [(m.role, m.content) for m in request.history] == [
        ("user", "Hi"),
        ("assistant", "Hello!"),
    ]
    assert request.documents == FRAME.documents
    assert request.tools == FRAME.tools
    assert request.params.seed == 3
    assert request.model == "command-r"


def test_regenerate_resends_the_last_message_without_its_reply() -> None:
    session = ChatSession()
    _answered(session, "one", "1")
    _answered(session, "two", "2")
    request = session.regenerate(FRAME)
    assert request.message == "two"
    assert [m.content for m in request.history] == ["one", "1"]
    assert session.turns[-1].reply is None


def test_edit_and_resend_drops_later_turns() -> None:
    session = ChatSession()
    for n in range(3):
        _answered(session, f"q{n}", f"a{n}")
    request = session.edit_and_resend(1, "q1 edited", FRAME)
    assert request.message == "q1 edited"
    assert [m.content for m in request.history] == ["q0", "a0"]
    assert [t.user for t in session.turns] == ["q0", "q1 edited"]


def test_kept_history_messages_equal_a_fresh_build_through_every_change() -> None:
    """Each turn's messages are built once (issue 15); the history stays what `history_of` makes
    from scratch through new replies, regenerate, edit, replace and clear."""
    session = ChatSession()

    def same() -> None:
        assert session.history() == history_of(session.turns)

    for n in range(3):
        _answered(session, f"q{n}", f"a{n}")
        same()
    first = session.history()
    assert all(a is b for a, b in zip(first, session.history(), strict=True))  # kept, shared
    session.regenerate(FRAME)
    same()
    session.finish(Reply(text="a2 again"))
    same()
    assert session.history()[-1].content == "a2 again"
    session.edit_and_resend(1, "q1 edited", FRAME)
    session.finish(Reply(text="a1 edited"))
    same()
    assert [m.content for m in session.history()] == ["q0", "a0", "q1 edited", "a1 edited"]
    session.replace_history(session.history()[:2])
    same()
    session.clear()
    assert session.history() == []
    _answered(session, "again", "fresh")
    assert [m.content for m in session.history()] == ["again", "fresh"]


def test_tool_round_trip_builds_history_with_calls_and_results() -> None:
    session = ChatSession()
    session.send("Weather in Paris?", FRAME)
    snap = _fold(
        ToolPlanDelta("I will look it up."),
        ToolCallStarted(0, "call_1", "get_weather"),
        ToolCallDelta(0, '{"city": '),
        ToolCallDelta(0, '"Paris"}'),
        ToolCallCompleted(
            0, ToolCall(id="call_1", name="get_weather", parameters={"city": "Paris"})
        ),
        StreamEnded("TOOL_CALL"),
    )
    reply = reply_from_snapshot(snap)
    assert reply.tool_calls == [
        ToolCall(id="call_1", name="get_weather", parameters={"city": "Paris"})
    ]
    session.finish(reply)
    result = ToolResult(call=reply.tool_calls[0], outputs=[{"forecast": "sunny"}])
    request = session.continue_with([result], FRAME)
    assert request.message is None
    assert request.tool_results == [result]
    assert [m.role for m in request.history] == ["user", "assistant"]
    assert request.history[1].tool_plan == "I will look it up."
    session.finish(Reply(text="Sunny.", finish_reason="COMPLETE"))
    follow_up = session.send("Thanks", FRAME)
    assert [m.role for m in follow_up.history] == ["user", "assistant", "tool", "assistant"]
    assert follow_up.history[2].tool_results == [result]


def test_continue_without_tool_calls_is_refused() -> None:
    session = ChatSession()
    _answered(session, "Hi", "Hello")
    with pytest.raises(InputError, match="no tool calls"):
        session.continue_with([], FRAME)


def test_edit_of_a_tool_results_turn_is_refused() -> None:
    session = ChatSession()
    with pytest.raises(InputError) as info:
        session.edit_and_resend(0, "x", FRAME)
    assert info.value.where == "turn 1"


def test_partial_reply_keeps_text_and_reason_and_drops_incomplete_calls() -> None:
    snap = _fold(TextDelta("Partial ans"), ToolCallStarted(0, "c", "f"), ToolCallDelta(0, '{"a":'))
    reply = reply_from_snapshot(snap, cut_off="Stopped by you")
    assert (reply.text, reply.cut_off, reply.tool_calls) == ("Partial ans", "Stopped by you", [])


def test_a_reason_said_again_is_kept_as_written_in_the_file() -> None:
    """The GUI says a failure again in the language of the moment; the file keeps the line."""
    reply = Reply(text="Half", cut_off="Errore del server · HTTP 503")
    written = reply.model_dump_json()
    reply.say_cut_off_with(lambda: "Server error · HTTP 503")
    assert reply.cut_off_now() == "Server error · HTTP 503"
    assert reply.model_dump_json() == written
    assert Reply.model_validate_json(written).cut_off_now() == "Errore del server · HTTP 503"
    assert Reply(text="Whole").cut_off_now() is None


def test_failed_empty_turn_is_left_out_of_history() -> None:
    session = ChatSession()
    session.send("lost", FRAME)
    session.finish(Reply(cut_off="HTTP 503"))
    request = session.send("again", FRAME)
    assert request.history == []


def test_citations_are_anchored_once_per_reply_and_follow_a_new_reply() -> None:
    text = "Paris is sunny today."
    cite = Citation(start=9, end=14, text="sunny", document_ids=["d1"])
    session = ChatSession()
    session.send("Weather?", FRAME)
    assert session.citations(0).spans == ()  # no reply yet
    session.finish(Reply(text=text, citations=[cite]))
    first = session.citations(0)
    assert [(s.start, s.end, s.anchoring) for s in first.spans] == [(9, 14, "code_points")]
    assert session.citations(0) is first  # kept, not anchored again
    session.regenerate(FRAME)
    assert session.citations(0).spans == ()  # the reply it was anchored for is gone
    given = first
    session.finish(Reply(text=text, citations=[cite]), given)
    assert session.citations(0) is given  # anchored while streaming, taken as it is
