"""JSON pretty-printed exactly as `json.dumps(value, indent=2, ensure_ascii=False)`, faster.

With `indent`, the standard library falls back to its pure-Python encoder: 15-18 ms for a megabyte
of documents, all of it on the UI thread when the documents editor is filled (issue 15). Here the
strings go through the C string encoders and only the nesting is walked in Python, in about half
the time. Anything unusual (a subclass, a non-string key, a float that is not finite, a cycle) is
left to `json.dumps` itself, so the text, and every error, stays the standard library's.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring, encode_basestring_ascii
from typing import Any

_INDENT = "  "


class _Unusual(Exception):
    """A value this printer leaves to json.dumps."""


def pretty_json(value: Any) -> str:
    """`value` as `json.dumps(value, indent=2, ensure_ascii=False)` writes it.

    Args:
        value: a JSON value (dicts, lists, strings, numbers, booleans, None).

    Returns:
        The indented JSON text.
    """
    out: list[str] = []
    try:
        _write(value, "\n", out, 0)
    except (_Unusual, RecursionError):
        return json.dumps(value, indent=2, ensure_ascii=False)
    return "".join(out)


def _quote(text: str) -> str:
    # The ASCII encoder is the faster one; on ASCII without DEL (which only it escapes) both
    # write the same.
    if text.isascii() and "\x7f" not in text:
        return encode_basestring_ascii(text)
    return encode_basestring(text)


def _scalar(value: Any) -> str:
    kind = type(value)
    if kind is str:
        return _quote(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is int:
        return int.__repr__(value)
    if kind is float and value - value == 0.0:  # finite: NaN and infinities are json's to write
        return float.__repr__(value)
    raise _Unusual


def _write(value: Any, newline: str, out: list[str], depth: int) -> None:
    """Append `value`'s text to `out`; `newline` is a line break plus the current indent."""
    kind = type(value)
    if kind is not list and kind is not dict:
        out.append(_scalar(value))
        return
    if depth > 200:  # a cycle, or nesting json.dumps itself would refuse: its error, its words
        raise _Unusual
    if not value:
        out.append("[]" if kind is list else "{}")
        return
    inner = newline + _INDENT
    if kind is list:
        out.append("[")
        for n, item in enumerate(value):
            out.append(inner if n == 0 else "," + inner)
            _write(item, inner, out, depth + 1)
        out.append(newline + "]")
        return
    out.append("{")
    for n, (key, item) in enumerate(value.items()):
        if type(key) is not str:
            raise _Unusual
        out.append((inner if n == 0 else "," + inner) + _quote(key) + ": ")
        _write(item, inner, out, depth + 1)
    out.append(newline + "}")
