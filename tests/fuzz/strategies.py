"""Hypothesis strategies for hostile input: JSON values, mutations of recorded streams, chunkings."""

from __future__ import annotations

import itertools
import json
from typing import Any

from hypothesis import strategies as st

# Text with everything a server can send through JSON escapes, lone surrogates included.
ANY_CHAR = st.characters(exclude_categories=())
TEXT = st.text(ANY_CHAR, max_size=12)
KEYS = (
    "type", "event_type", "index", "start", "end", "text", "id", "name", "arguments", "parameters",
    "delta", "message", "content", "citations", "sources", "document_ids", "documents",
    "search_queries", "search_results", "tool_calls", "tool_call_delta", "function", "usage",
    "tokens", "billed_units", "meta", "finish_reason", "response", "choices", "error",
    "prompt_tokens", "completion_tokens", "input_tokens", "output_tokens", "thinking",
    "tool_plan", "reasoning_content", "relevance_score", "results", "token_count",
    "relevant_spans", "score",
)  # fmt: skip
NASTY = st.sampled_from(
    [
        "abc", "", -1, 2**31, 2**64, 10**30, 1e308, float("inf"), float("-inf"), float("nan"),
        True, False, None, [], {}, [None], {"": None}, "\ud83c", "\udf89", 0.5, "0", "[DONE]",
        "__DEEP__",
    ]
)  # fmt: skip
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats()
    | TEXT
    | NASTY
)
JSON = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS) | TEXT, inner, max_size=4)
    ),
    max_leaves=16,
)

CLEAN_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=12)
CLEAN_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | CLEAN_TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(CLEAN_TEXT, inner, max_size=4),
    max_leaves=16,
)
"""JSON as the wire layer hands it on: no lone surrogates, no NaN or infinity."""


@st.composite
def mutated(draw: st.DrawFn, value: Any, depth: int = 0) -> Any:
    """`value` with one change somewhere inside: a value replaced, a key dropped or added."""
    here = draw(st.integers(0, 3)) == 0 or depth > 8
    if isinstance(value, dict) and value and not here:
        key = draw(st.sampled_from(sorted(value)))
        copy = dict(value)
        action = draw(st.sampled_from(["inside", "drop", "add"]))
        if action == "drop":
            del copy[key]
        elif action == "add":
            copy[draw(st.sampled_from(KEYS))] = draw(JSON)
        else:
            copy[key] = draw(mutated(value[key], depth + 1))
        return copy
    if isinstance(value, list) and value and not here:
        pos = draw(st.integers(0, len(value) - 1))
        items = list(value)
        items[pos] = draw(mutated(value[pos], depth + 1))
        return items
    return draw(JSON)


@st.composite
def mutated_events(draw: st.DrawFn, events: list[dict[str, Any]]) -> list[Any]:
    """A recorded event list with a few events changed, dropped, repeated or swapped."""
    out: list[Any] = list(events)
    for _ in range(draw(st.integers(1, 4))):
        if not out:
            break
        pos = draw(st.integers(0, len(out) - 1))
        action = draw(st.sampled_from(["mutate", "mutate", "mutate", "drop", "repeat", "swap"]))
        if action == "mutate":
            out[pos] = draw(mutated(out[pos]))
        elif action == "drop":
            del out[pos]
        elif action == "repeat":
            out.insert(pos, out[pos])
        else:
            other = draw(st.integers(0, len(out) - 1))
            out[pos], out[other] = out[other], out[pos]
    return out


DEEP = "[" * 3000 + "]" * 3000
"""Nesting deep enough to exhaust Python's recursion limit in `json.loads`."""


def dumps(value: Any, *, ascii_only: bool) -> str:
    """JSON text; with `ascii_only` False a lone surrogate stays raw (and breaks UTF-8 later).

    The string `"__DEEP__"` anywhere becomes `DEEP` (json.dumps itself cannot write it).
    """
    return json.dumps(value, ensure_ascii=ascii_only).replace('"__DEEP__"', DEEP)


EVENT_TYPES = {
    "event_type": [
        "stream-start", "search-queries-generation", "search-results", "text-generation",
        "citation-generation", "tool-calls-chunk", "tool-calls-generation", "stream-end", "debug",
    ],
    "type": [
        "message-start", "content-start", "content-delta", "content-end", "tool-plan-delta",
        "tool-call-start", "tool-call-delta", "tool-call-end", "citation-start", "citation-end",
        "message-end", "debug",
    ],
}  # fmt: skip


@st.composite
def shaped_event(draw: st.DrawFn) -> dict[str, Any]:
    """An event object of a known type (v1 or v2 naming) whose other fields are random."""
    key = draw(st.sampled_from(sorted(EVENT_TYPES)))
    fields = draw(st.dictionaries(st.sampled_from(KEYS), JSON, max_size=5))
    return {**fields, key: draw(st.sampled_from(EVENT_TYPES[key]))}


def encode(text: str) -> bytes:
    """UTF-8, letting lone surrogates through as the invalid bytes a broken server would send."""
    return text.encode("utf-8", "surrogatepass")


@st.composite
def chunked(draw: st.DrawFn, body: bytes) -> list[bytes]:
    """The body cut into pieces at random places (as a socket hands it over)."""
    cuts = sorted(draw(st.sets(st.integers(0, len(body)), max_size=6)))
    edges = [0, *cuts, len(body)]
    return [body[a:b] for a, b in itertools.pairwise(edges)]


@st.composite
def byte_damage(draw: st.DrawFn, body: bytes) -> bytes:
    """The body with a few bytes flipped, inserted or deleted, or cut short."""
    data = bytearray(body)
    for _ in range(draw(st.integers(1, 3))):
        if not data:
            break
        pos = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "insert", "delete", "truncate"]))
        if action == "flip":
            data[pos] = draw(st.integers(0, 255))
        elif action == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=4))
        elif action == "delete":
            del data[pos]
        else:
            del data[pos:]
    return bytes(data)
