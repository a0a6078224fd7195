"""Checked reads of values a server sent: a wrong type or range is a ProtocolError naming the field.

Flavour modules read every value they pass on through these, so a citation `start` that is not a
number, a `relevance_score` sent as a string, a tool-call `index` that is not an integer or a token
count above 1e308 stops at the wire boundary with a clear message instead of a traceback far away
(issue 20). An absent or `null` optional field is fine; a present one of the wrong type is not.
`.where` holds the field path; the stream mapper adds the event number in front of it.
"""

from __future__ import annotations

import math
from typing import Any

from workbench.api.errors import ProtocolError
from workbench.api.text import Text

MAX_OFFSET = 2**31 - 1
"""Largest text offset or list index accepted: Qt keeps positions in a C int."""
MAX_COUNT = 1e15
"""Largest token count or billed unit accepted; real counts are many orders of magnitude below."""


def shown(value: Any) -> str:
    """A short, printable rendering of a bad value for an error message."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def bad(path: str, expected: Text, value: Any) -> ProtocolError:
    """The error for a value of the wrong type or range at `path` (the value shown as data)."""
    return ProtocolError(Text("expected %1, got %2", expected, shown(value)), where=path)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def text_at(obj: dict[str, Any], key: str, path: str = "") -> str | None:
    """`obj[key]` as text; None when absent or null.

    Raises:
        ProtocolError: when present and not a string.
    """
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return value
    raise bad(_join(path, key), Text("text"), value)


def index_value(value: Any, path: str, *, high: int = MAX_OFFSET) -> int:
    """A non-negative whole number up to `high` (an integral float such as `3.0` is accepted).

    Raises:
        ProtocolError: for any other value.
    """
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= high:
        return value
    raise bad(path, Text("a whole number from 0 to %1", high), value)


def index_at(obj: dict[str, Any], key: str, path: str = "", *, default: int = 0) -> int:
    """`obj[key]` as a non-negative whole number; `default` when absent or null."""
    value = obj.get(key)
    return default if value is None else index_value(value, _join(path, key))


def count_value(value: Any, path: str) -> float:
    """A finite number from 0 to MAX_COUNT (token counts, billed units).

    Raises:
        ProtocolError: for any other value.
    """
    if (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and 0 <= value <= MAX_COUNT
        and math.isfinite(value)
    ):
        return float(value)
    raise bad(path, Text("a count from 0 to %1", f"{MAX_COUNT:g}"), value)


def count_at(obj: dict[str, Any], key: str, path: str = "") -> float | None:
    """`obj[key]` as a count; None when absent or null."""
    value = obj.get(key)
    return None if value is None else count_value(value, _join(path, key))


def score_value(value: Any, path: str) -> float:
    """A finite number (relevance scores; servers differ in range, so only finiteness is checked).

    Raises:
        ProtocolError: for a string, a boolean, null, NaN or an infinite value.
    """
    if (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and abs(value) <= 1e308
        and math.isfinite(value)
    ):
        return float(value)
    raise bad(path, Text("a finite number"), value)


def count_map(value: Any, path: str) -> dict[str, float]:
    """A `{name: count}` map; keys whose value is null are skipped, non-numbers are not.

    Args:
        value: the wire value (absent or null gives an empty map).
        path: its field path.

    Raises:
        ProtocolError: when it is not an object, or a value is not a count.
    """
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise bad(path, Text("an object of counts"), value)
    return {k: count_value(v, _join(path, k)) for k, v in value.items() if v is not None}


def objects_at(obj: dict[str, Any], key: str, path: str = "") -> list[dict[str, Any]]:
    """`obj[key]` as a list of objects; empty when absent or null.

    Raises:
        ProtocolError: when it is not a list, or an item is not an object.
    """
    value = obj.get(key)
    if value is None:
        return []
    where = _join(path, key)
    if not isinstance(value, list):
        raise bad(where, Text("a list"), value)
    for pos, item in enumerate(value):
        if not isinstance(item, dict):
            raise bad(f"{where}[{pos}]", Text("an object"), item)
    return value


def finite_object_at(obj: dict[str, Any], key: str, path: str = "") -> dict[str, Any]:
    """`obj[key]` as an object holding no NaN or infinite number (it may be sent back later).

    Raises:
        ProtocolError: when present and not an object, or a number in it is not finite.
    """
    value = object_at(obj, key, path)
    stack: list[tuple[Any, str]] = [(value, _join(path, key))]
    while stack:
        item, where = stack.pop()
        if isinstance(item, float) and not math.isfinite(item):
            raise bad(where, Text("a finite number"), item)
        if isinstance(item, dict):
            stack.extend((v, f"{where}.{k}") for k, v in item.items())
        elif isinstance(item, list):
            stack.extend((v, f"{where}[{i}]") for i, v in enumerate(item))
    return value


def object_at(obj: dict[str, Any], key: str, path: str = "") -> dict[str, Any]:
    """`obj[key]` as an object; empty when absent or null.

    Raises:
        ProtocolError: when present and not an object.
    """
    value = obj.get(key)
    if value is None:
        return {}
    if isinstance(value, dict):
        return value
    raise bad(_join(path, key), Text("an object"), value)
