"""Request-body checks whose messages name the field at fault, as the real services do."""

from __future__ import annotations

import json
from typing import Any

from workbench.sandbox.errors import SandboxHTTPError

_PREFIX = "invalid request: "


def bad(field: str, problem: str, status: int = 400) -> SandboxHTTPError:
    """An error about `field` (a path such as `documents[2]`)."""
    return SandboxHTTPError(status, f"{_PREFIX}{field} {problem}", param=field)


def parse_body(raw: bytes) -> dict[str, Any]:
    """Decode a JSON object body; a syntax error names its line and column."""
    try:
        body = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise SandboxHTTPError(400, f"{_PREFIX}body is not UTF-8 (byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        message = f"{_PREFIX}invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        raise SandboxHTTPError(400, message) from exc
    if not isinstance(body, dict):
        raise SandboxHTTPError(400, f"{_PREFIX}body must be a JSON object")
    return body


def _type_name(value: object) -> str:
    return {bool: "boolean", int: "integer", float: "number", str: "string", list: "array"}.get(
        type(value), "object" if isinstance(value, dict) else "null"
    )


def required(body: dict[str, Any], field: str) -> Any:
    """The value of a required field, or a 422 naming it."""
    if body.get(field) is None:
        raise bad(field, "is required", status=422)
    return body[field]


def string(body: dict[str, Any], field: str, *, need: bool = False) -> str | None:
    """A string field (None when absent and optional)."""
    value = required(body, field) if need else body.get(field)
    if value is not None and not isinstance(value, str):
        raise bad(field, f"must be a string, got {_type_name(value)}")
    return value


def integer(
    body: dict[str, Any], field: str, *, low: int | None = None, high: int | None = None
) -> int | None:
    """An optional integer field within low..high (inclusive)."""
    value = body.get(field)
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise bad(field, f"must be an integer, got {_type_name(value)}")
    _check_range(field, value, low, high)
    return value


def number(body: dict[str, Any], field: str, low: float, high: float) -> float | None:
    """An optional number field within low..high (inclusive)."""
    value = body.get(field)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise bad(field, f"must be a number, got {_type_name(value)}")
    _check_range(field, value, low, high)
    return float(value)


def _check_range(field: str, value: float, low: float | None, high: float | None) -> None:
    if (low is not None and value < low) or (high is not None and value > high):
        span = f"between {low:g} and {high:g}" if low is not None and high is not None else ""
        span = span or (f"at least {low:g}" if low is not None else f"at most {high:g}")
        raise bad(field, f"must be {span} (inclusive), got {value:g}")


def boolean(body: dict[str, Any], field: str) -> bool:
    """An optional boolean field (False when absent)."""
    value = body.get(field, False)
    if value is None:
        return False
    if not isinstance(value, bool):
        raise bad(field, f"must be a boolean, got {_type_name(value)}")
    return value


def array(body: dict[str, Any], field: str, *, need: bool = False) -> list[Any]:
    """An array field (empty when absent and optional)."""
    value = required(body, field) if need else body.get(field)
    if value is None:
        return []
    if not isinstance(value, list):
        raise bad(field, f"must be an array, got {_type_name(value)}")
    return value


def string_list(body: dict[str, Any], field: str, *, most: int | None = None) -> list[str]:
    """An optional array of strings (a lone string counts as a one-item list, as OpenAI allows)."""
    value = body.get(field)
    if isinstance(value, str):
        value = [value]
        body = {field: value}
    items = array(body, field)
    for i, item in enumerate(items):
        if not isinstance(item, str):
            raise bad(f"{field}[{i}]", f"must be a string, got {_type_name(item)}")
    if most is not None and len(items) > most:
        raise bad(field, f"may hold at most {most} items, got {len(items)}")
    return items


def choice(body: dict[str, Any], field: str, options: tuple[str, ...]) -> str | None:
    """An optional string field that must be one of `options` (compared case-sensitively)."""
    value = string(body, field)
    if value is not None and value not in options:
        raise bad(field, f"must be one of {', '.join(options)}, got {value!r}")
    return value
