"""The JSON editor's fast pretty-printer writes what json.dumps writes; its chunks join back whole."""

from __future__ import annotations

import enum
import itertools
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.ui.common.json_pretty import pretty_json
from workbench.ui.common.json_text import chunks

# Fixed inputs (CI runs the same ones every time) and no example database in the work tree.
FIXED = settings(derandomize=True, database=None, deadline=None, max_examples=200)

SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
    | st.sampled_from(["\x7f", "\x00\x1f", '"\\/', "é ü", "\u2028\u2029", "😀", "\ud83c"])
)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(), inner, max_size=5),
    max_leaves=40,
)


def dumps(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


@FIXED
@given(JSON)
def test_pretty_json_writes_what_json_dumps_writes(value: Any) -> None:
    assert pretty_json(value) == dumps(value)


class Colour(enum.IntEnum):
    RED = 1


@pytest.mark.parametrize(
    "value",
    [
        (1, "two", [3.5]),  # a tuple
        {1: "int key", None: "null key", 2.5: "float key", False: "bool key"},
        [Colour.RED, {"c": Colour.RED}],  # subclasses of int
        [float("nan"), float("inf"), -float("inf")],
        [[[[[[[[[[[]]]]]]]]]]],
        {"deep": json.loads("[" * 300 + "]" * 300)},
        [],
        {},
        "",
        10**40,
    ],
)
def test_pretty_json_leaves_unusual_values_to_json_dumps(value: Any) -> None:
    assert pretty_json(value) == dumps(value)


def test_pretty_json_raises_what_json_dumps_raises() -> None:
    loop: list[Any] = []
    loop.append(loop)
    with pytest.raises(ValueError, match="Circular reference"):
        pretty_json(loop)
    with pytest.raises(TypeError, match="not JSON serializable"):
        pretty_json([{"a": object()}])


@FIXED
@given(
    st.text(alphabet="ab\r\n{}", max_size=400),
    st.integers(min_value=1, max_value=40),
    st.integers(min_value=1, max_value=40),
)
def test_chunks_join_back_and_never_split_a_crlf(text: str, size: int, first: int) -> None:
    pieces = chunks(text, size, first)
    assert "".join(pieces) == text
    assert all(pieces) or pieces == [""]
    assert all(len(piece) <= 2 * size + 1 for piece in pieces)
    assert len(pieces) == 1 or len(pieces[0]) <= 2 * min(first, size) + 1
    for piece, following in itertools.pairwise(pieces):
        assert not (piece.endswith("\r") and following.startswith("\n"))
