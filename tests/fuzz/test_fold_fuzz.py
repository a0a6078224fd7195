"""Property tests of the fold: any sequence of well-typed events folds, and the result is usable.

The flavour mappers guarantee types and ranges (tests/fuzz/test_wire_fuzz.py); here every event
they can produce comes in any order and number, and the snapshot must still print, anchor its
citations and give each tool call's parameters, and folding from an older snapshot again must
not leak later pieces into it.
"""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.strategies import CLEAN_JSON, CLEAN_TEXT
from workbench.api.events import (
    CitationsAdded,
    SearchQueriesGenerated,
    SearchResultsReceived,
    StreamEnded,
    StreamEvent,
    StreamFailed,
    StreamStarted,
    TextDelta,
    ThinkingDelta,
    ToolCallCompleted,
    ToolCallDelta,
    ToolCallStarted,
    ToolPlanDelta,
    UnknownEvent,
    UsageReported,
)
from workbench.api.models import Citation, ToolCall, Usage
from workbench.api.stream import ChatSnapshot, accumulate
from workbench.cli.output import chat_json, print_chat_details, print_json
from workbench.core.citations import StreamingCitations, resolve_citations, segments

TEXT = CLEAN_TEXT
INDEX = st.integers(0, 4)
OFFSET = st.integers(0, 2**31 - 1) | st.integers(0, 40)
COUNT = st.none() | st.floats(0, 1e15) | st.integers(0, 10**6)
OBJECTS = st.dictionaries(TEXT, CLEAN_JSON, max_size=3)
CALL = st.builds(ToolCall, id=st.none() | TEXT, name=TEXT, parameters=OBJECTS)
CITATION = st.builds(
    Citation,
    start=OFFSET,
    end=OFFSET,
    text=TEXT,
    document_ids=st.lists(TEXT, max_size=2),
    type=st.none() | st.sampled_from(["TEXT_CONTENT", "PLAN", "THINKING_CONTENT"]),
)
EVENTS: st.SearchStrategy[StreamEvent] = st.one_of(
    st.builds(StreamStarted, st.none() | TEXT),
    st.builds(TextDelta, TEXT),
    st.builds(ThinkingDelta, TEXT),
    st.builds(ToolPlanDelta, TEXT),
    st.builds(CitationsAdded, st.lists(CITATION, max_size=3).map(tuple)),
    st.builds(ToolCallStarted, INDEX, st.none() | TEXT, TEXT),
    st.builds(ToolCallDelta, INDEX, TEXT | st.sampled_from(['{"a": ', "1}", "[", "NaN"])),
    st.builds(ToolCallCompleted, INDEX, CALL),
    st.builds(SearchQueriesGenerated, st.lists(TEXT, max_size=2).map(tuple)),
    st.builds(
        SearchResultsReceived,
        st.lists(OBJECTS, max_size=2).map(tuple),
        st.lists(OBJECTS, max_size=2).map(tuple),
    ),
    st.builds(
        UsageReported,
        st.builds(
            Usage,
            input_tokens=COUNT,
            output_tokens=COUNT,
            billed_units=st.dictionaries(TEXT, st.floats(0, 1e15), max_size=2),
        ),
    ),
    st.builds(StreamEnded, st.none() | TEXT, st.none() | OBJECTS),
    st.builds(StreamFailed, TEXT),
    st.builds(UnknownEvent, TEXT),
)


def _fold(start: ChatSnapshot, events: list[StreamEvent]) -> ChatSnapshot:
    snap = start
    for event in events:
        snap = accumulate(snap, event)
    return snap


@given(st.lists(EVENTS, max_size=25))
def test_any_event_sequence_folds_to_a_usable_snapshot(events: list[StreamEvent]) -> None:
    snap = _fold(ChatSnapshot(), events)
    out = io.StringIO()
    print_json(chat_json(snap, None, 1.0), out)
    print_chat_details(snap, 1.0, out)
    out.getvalue().encode("utf-8")
    cmap = resolve_citations(snap.text, snap.citations)
    assert cmap.spans == StreamingCitations().update(snap.text, snap.citations)
    segments(cmap, len(snap.text))
    for call in snap.tool_calls:
        call.parameters()


@given(st.lists(EVENTS, max_size=10), st.lists(EVENTS, max_size=10), st.lists(EVENTS, max_size=10))
def test_folding_from_an_older_snapshot_again_does_not_see_later_pieces(
    common: list[StreamEvent], first: list[StreamEvent], second: list[StreamEvent]
) -> None:
    base = _fold(ChatSnapshot(), common)
    _fold(base, first)
    assert _fold(base, second) == _fold(_fold(ChatSnapshot(), common), second)
