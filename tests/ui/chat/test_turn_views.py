"""Send computes the views of the turns that changed only, not of the whole conversation; a tool
call reads the same in a turn's view while it streams and once it ended."""

from __future__ import annotations

import json

from workbench.api.models import ToolCall
from workbench.api.redact import register_secret
from workbench.api.stream import ChatSnapshot, ToolCallState
from workbench.core.chat_session import Reply, Turn
from workbench.core.citations import CitationMap
from workbench.ui.chat.turn_views import TurnViews
from workbench.ui.chat.turns import display_of


def _cites(_index: int) -> CitationMap:
    return CitationMap()


def test_unchanged_turns_keep_their_views_and_a_new_reply_is_drawn_again() -> None:
    turns = [Turn(user=f"question {n}", reply=Reply(text=f"answer {n}")) for n in range(3)]
    turns.append(Turn(user="in flight"))
    views = TurnViews()
    displays, traces = views.of(turns, _cites, ())
    turns[3].reply = Reply(text="answer 3")
    again, traced = views.of(turns, _cites, ())
    assert all(again[n] is displays[n] and traced[n] is traces[n] for n in range(3))
    assert again[3] is not displays[3]
    assert again[3] != displays[3]  # the answer that arrived shows


def test_new_labels_or_a_forget_compute_every_view_again() -> None:
    turns = [Turn(user="question", reply=Reply(text="answer"))]
    views = TurnViews()
    first, _ = views.of(turns, _cites, ())
    relabelled, _ = views.of(turns, _cites, (("doc-1", "rank 1 · score 0.90"),))
    assert relabelled[0] is not first[0]
    views.forget()
    fresh, _ = views.of(turns, _cites, (("doc-1", "rank 1 · score 0.90"),))
    assert fresh[0] is not relabelled[0]
    assert fresh[0] == relabelled[0]


def test_a_tool_call_reads_as_json_while_it_streams_and_once_ended_masked_both_times() -> None:
    """The finished turn showed Python's repr (`get_weather({'city': 'São Paulo'})`) where the
    streaming one had shown the JSON that arrived."""
    register_secret("sk-live-0123456789abcdef")
    arguments = '{"city": "São Paulo", "note": "key sk-live-0123456789abcdef"}'
    live = ChatSnapshot(
        tool_calls=(ToolCallState(index=0, name="get_weather", arguments_json=arguments),)
    )
    call = ToolCall(name="get_weather", parameters=json.loads(arguments))
    turn = Turn(user="weather?")
    streaming = display_of(0, turn, CitationMap(), snap=live).tool_calls
    turn.reply = Reply(tool_calls=[call])
    ended = display_of(0, turn, CitationMap()).tool_calls
    assert streaming == ended
    (line,) = ended
    assert line.startswith('get_weather({"city": "São Paulo", "note": "key ')
    assert "0123456789abcdef" not in line
