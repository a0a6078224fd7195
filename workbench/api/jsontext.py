"""JSON from untrusted text: nesting depth, numbers and lone surrogates checked, one error type.

`json.loads` alone lets four things through that later crash far from the input (issue 20):
nesting deep enough to raise `RecursionError` (in the parser or in whatever walks the value next),
integers too long to convert (a bare `ValueError`), `NaN`/`Infinity` and overflowing floats (which
`json.dumps(allow_nan=False)` refuses when the value is sent on), and `\\ud83c`-style escapes that
decode to lone surrogates (which no UTF-8 encoder accepts). Every failure here is a
`json.JSONDecodeError` (so a `ValueError`) with a position, as callers already expect.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from workbench.api.text import Text, english

MAX_DEPTH = 100
"""Deepest nesting accepted; far beyond any real document, tool schema or answer."""

_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89abcdefABCDEF]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_BRACKETS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.DOTALL)
_LONG_DIGITS = re.compile(r"\d{4000,}")


PARSER_REASONS = (
    english("Expecting value"),
    english("Expecting ',' delimiter"),
    english("Expecting ':' delimiter"),
    english("Expecting property name enclosed in double quotes"),
    english("Unterminated string starting at"),
    english("Invalid control character at"),
    english("Invalid \\escape"),
    english("Invalid \\uXXXX escape"),
    english("Extra data"),
    english("Illegal trailing comma before end of object"),
    english("Illegal trailing comma before end of array"),
)
"""The reasons Python's JSON parser gives (`JSONDecodeError.msg`): fixed words the GUI translates."""


class JsonTextError(json.JSONDecodeError):
    """Text that is not JSON we can use; `.lineno`/`.colno`/`.pos` say where, `.text` why."""

    def __init__(self, msg: str | Text, doc: str, pos: int) -> None:
        super().__init__(str(msg), doc, pos)
        self.text = msg if isinstance(msg, Text) else Text(msg)


def reason(exc: json.JSONDecodeError) -> Text:
    """Why `exc`'s text is not JSON, as a text the GUI shows in its language (`str()` is the
    parser's English): one of `PARSER_REASONS`, or the checks' own words here."""
    return exc.text if isinstance(exc, JsonTextError) else Text(exc.msg)


class _Rejected(ValueError):
    def __init__(self, message: Text, literal: str) -> None:
        super().__init__(str(message))
        self.text = message
        self.literal = literal


def _reject_constant(name: str) -> Any:
    raise _Rejected(Text("%1 is not a JSON number", name), name)


def _finite_float(literal: str) -> float:
    value = float(literal)
    if not math.isfinite(value):
        raise _Rejected(Text("the number %1 is out of range", literal), literal)
    return value


def loads(
    data: str | bytes,
    *,
    finite: bool = True,
    keep_surrogates: bool = False,
    max_depth: int = MAX_DEPTH,
) -> Any:
    """Parse JSON text that came from outside (a server, a file, a paste).

    Args:
        data: the text (bytes are decoded as JSON's own rules say: UTF-8, -16 or -32).
        finite: reject `NaN`, `Infinity` and numbers beyond a float's range (files and request
            values); wire answers keep them so the field that holds one can be named.
        keep_surrogates: leave lone surrogates in strings (a stream joins an emoji split across
            two deltas itself); by default each becomes U+FFFD.
        max_depth: the deepest nesting of arrays and objects accepted.

    Returns:
        The value.

    Raises:
        JsonTextError: with the message and position of the first problem.
    """
    text = _decoded(data)
    hooks: dict[str, Any] = (
        {"parse_constant": _reject_constant, "parse_float": _finite_float} if finite else {}
    )
    try:
        value = json.loads(text, **hooks)
    except json.JSONDecodeError as exc:
        raise JsonTextError(exc.msg, text, exc.pos) from None
    except RecursionError:
        raise _too_deep(text, max_depth) from None
    except _Rejected as exc:
        raise JsonTextError(exc.text, text, max(text.find(exc.literal), 0)) from None
    except ValueError as exc:  # an integer literal longer than Python converts
        found = _LONG_DIGITS.search(text)
        raise JsonTextError(str(exc).split(";")[0], text, found.start() if found else 0) from None
    if not within_depth(value, max_depth):
        raise _too_deep(text, max_depth)
    if not keep_surrogates and _ESCAPED_SURROGATE.search(text):
        value = replace_lone_surrogates(value)
    return value


def _decoded(data: str | bytes) -> str:
    if isinstance(data, str):
        return data
    try:
        return data.decode(json.detect_encoding(data))
    except UnicodeDecodeError as exc:
        raise JsonTextError(Text("the text is not UTF-8"), "", 0) from exc


def _too_deep(text: str, max_depth: int) -> JsonTextError:
    depth = 0
    for match in _BRACKETS.finditer(text):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
            if depth > max_depth:
                return JsonTextError(_nested(max_depth), text, match.start())
        elif token in ("]", "}"):
            depth -= 1
    return JsonTextError(_nested(max_depth), text, 0)


def _nested(max_depth: int) -> Text:
    # A plain number: "100", never grouped, in the English line as in the GUI.
    return Text("nested deeper than %1 levels", str(max_depth))


def within_depth(value: Any, max_depth: int = MAX_DEPTH) -> bool:
    """Whether arrays and objects in `value` nest at most `max_depth` deep (no recursion used)."""
    stack: list[tuple[Any, int]] = [(value, 1)] if isinstance(value, dict | list) else []
    while stack:
        item, depth = stack.pop()
        if depth > max_depth:
            return False
        children = item.values() if isinstance(item, dict) else item
        stack.extend((c, depth + 1) for c in children if isinstance(c, dict | list))
    return True


def has_escaped_surrogate(text: str) -> bool:
    """Whether JSON text holds a `\\udXXX` escape, the only way a surrogate gets into its strings."""
    return _ESCAPED_SURROGATE.search(text) is not None


def fix_surrogates(text: str) -> str:
    """`text` with surrogate pairs joined into one character and lone surrogates as U+FFFD."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def replace_lone_surrogates(value: Any) -> Any:
    """A JSON value with `fix_surrogates` applied to every string, keys included."""
    if isinstance(value, str):
        return fix_surrogates(value)
    if isinstance(value, list):
        return [replace_lone_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {fix_surrogates(k): replace_lone_surrogates(v) for k, v in value.items()}
    return value
