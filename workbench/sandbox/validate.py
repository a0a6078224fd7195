"""Request-body checks whose messages name the field at fault, as the real services do."""

from __future__ import annotations

import json
import re
from typing import Any

from workbench.sandbox.errors import SandboxHTTPError

_PREFIX = "invalid request: "
MAX_DEPTH = 100
"""Deepest nesting of arrays and objects a body (or JSON inside one) may have."""
_BRACKETS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.DOTALL)
_LONG_DIGITS = re.compile(r"\d{4000,}")


def bad(field: str, problem: str, status: int = 400) -> SandboxHTTPError:
    """An error about `field` (a path such as `documents[2]`)."""
    return SandboxHTTPError(status, f"{_PREFIX}{field} {problem}", param=field)


def path(at: str, field: str) -> str:
    """The path of `field` inside the object at `at`: `thinking.type`, `documents[2]._excludes`.

    The field checks below read `field` from the object they are given; `at` says where that
    object sits in the body ("" for the body itself), so that the message and `param` name the
    field as the request spells it rather than a bare `type` that could be anywhere.
    """
    return f"{at}.{field}" if at else field


def loads(text: str) -> Any:
    """`json.loads` that fails only with `json.JSONDecodeError`, nesting capped at `MAX_DEPTH`.

    Deep nesting raises RecursionError in the parser (or in whatever walks the value next,
    answering 500 or dropping the connection), and an integer too long to convert raises a bare
    ValueError: both become a syntax error with a position, as the real services answer 400.
    """
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise _too_deep(text) from None
    except ValueError as exc:
        found = _LONG_DIGITS.search(text)
        where = found.start() if found else 0
        raise json.JSONDecodeError(str(exc).split(";")[0], text, where) from None
    if not _within_depth(value):
        raise _too_deep(text)
    return value


def _too_deep(text: str) -> json.JSONDecodeError:
    depth, where = 0, 0
    for match in _BRACKETS.finditer(text):
        if match.group() in ("[", "{"):
            depth += 1
            if depth > MAX_DEPTH:
                where = match.start()
                break
        elif match.group() in ("]", "}"):
            depth -= 1
    return json.JSONDecodeError(f"nested too deeply (more than {MAX_DEPTH} levels)", text, where)


def _within_depth(value: Any) -> bool:
    stack: list[tuple[Any, int]] = [(value, 1)] if isinstance(value, dict | list) else []
    while stack:  # no recursion: the value may be as deep as the parser allowed
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            return False
        children = item.values() if isinstance(item, dict) else item
        stack.extend((c, depth + 1) for c in children if isinstance(c, dict | list))
    return True


def check_encoding(content_encoding: str | None) -> None:
    """Refuse a compressed request body: the sandbox, unsure that the services decode one, takes
    only plain JSON (a body marked gzip that is not gzip was read as plain JSON before)."""
    if content_encoding and content_encoding.strip().lower() != "identity":
        raise bad(
            "Content-Encoding",
            f"header {content_encoding!r} is not accepted on a request; send the body uncompressed",
        )


def parse_body(raw: bytes) -> dict[str, Any]:
    """Decode a JSON object body; a syntax error names its line and column."""
    try:
        body = loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise SandboxHTTPError(400, f"{_PREFIX}body is not UTF-8 (byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        message = f"{_PREFIX}invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        raise SandboxHTTPError(400, message) from exc
    if not isinstance(body, dict):
        raise SandboxHTTPError(400, f"{_PREFIX}body must be a JSON object")
    return body


def type_name(value: object) -> str:
    """The JSON name of a value's type, for messages."""
    return {bool: "boolean", int: "integer", float: "number", str: "string", list: "array"}.get(
        type(value), "object" if isinstance(value, dict) else "null"
    )


def required(body: dict[str, Any], field: str, *, at: str = "") -> Any:
    """The value of a required field, or a 422 naming it (as `path(at, field)`)."""
    if body.get(field) is None:
        raise bad(path(at, field), "is required", status=422)
    return body[field]


def string(body: dict[str, Any], field: str, *, need: bool = False, at: str = "") -> str | None:
    """A string field (None when absent and optional)."""
    value = required(body, field, at=at) if need else body.get(field)
    if value is not None and not isinstance(value, str):
        raise bad(path(at, field), f"must be a string, got {type_name(value)}")
    return value


def integer(
    body: dict[str, Any],
    field: str,
    *,
    low: int | None = None,
    high: int | None = None,
    at: str = "",
) -> int | None:
    """An optional integer field within low..high (inclusive)."""
    value = body.get(field)
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise bad(path(at, field), f"must be an integer, got {type_name(value)}")
    _check_range(path(at, field), value, low, high)
    return value


def number(
    body: dict[str, Any], field: str, low: float, high: float, *, at: str = ""
) -> float | None:
    """An optional number field within low..high (inclusive)."""
    value = body.get(field)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise bad(path(at, field), f"must be a number, got {type_name(value)}")
    _check_range(path(at, field), value, low, high)
    return float(value)


def _check_range(field: str, value: float, low: float | None, high: float | None) -> None:
    if (low is not None and value < low) or (high is not None and value > high):
        span = f"between {low:g} and {high:g}" if low is not None and high is not None else ""
        span = span or (f"at least {low:g}" if low is not None else f"at most {high:g}")
        raise bad(field, f"must be {span} (inclusive), got {value:g}")


def boolean(body: dict[str, Any], field: str, *, at: str = "") -> bool:
    """An optional boolean field (False when absent)."""
    value = body.get(field, False)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise bad(path(at, field), f"must be a boolean, got {type_name(value)}")
    return value


def array(body: dict[str, Any], field: str, *, need: bool = False, at: str = "") -> list[Any]:
    """An array field (empty when absent and optional)."""
    value = required(body, field, at=at) if need else body.get(field)
    if value is None:
        return []
    if not isinstance(value, list):
        raise bad(path(at, field), f"must be an array, got {type_name(value)}")
    return value


def string_list(
    body: dict[str, Any],
    field: str,
    *,
    most: int | None = None,
    lone: bool = False,
    at: str = "",
) -> list[str]:
    """An optional array of strings; with `lone`, a lone string counts as a one-item list (as
    OpenAI's `stop` allows; Cohere refuses it)."""
    value = body.get(field)
    if lone and isinstance(value, str):
        value = [value]
        body = {field: value}
    items = array(body, field, at=at)
    for i, item in enumerate(items):
        if not isinstance(item, str):
            raise bad(f"{path(at, field)}[{i}]", f"must be a string, got {type_name(item)}")
    if most is not None and len(items) > most:
        raise bad(path(at, field), f"may hold at most {most} items, got {len(items)}")
    return items


def choice(
    body: dict[str, Any], field: str, options: tuple[str, ...], *, at: str = ""
) -> str | None:
    """An optional string field that must be one of `options` (compared case-sensitively)."""
    value = string(body, field, at=at)
    if value is not None and value not in options:
        raise bad(path(at, field), f"must be one of {', '.join(options)}, got {value!r}")
    return value
