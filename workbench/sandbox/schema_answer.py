"""JSON answers for `response_format`: a value that follows the schema, built from the schema.

Deterministic and small: every required property (and every listed one), the first `enum`
value, `const`, one array item, strings taken from the question. `break_schema` (a fault) drops
the first required property, or turns the value into the wrong type, so tests see a failure.
"""

from __future__ import annotations

import json
from typing import Any


def _string(schema: dict[str, Any], name: str, question: str) -> str:
    text = question.strip() or "answer"
    if schema.get("format") == "date":
        return "2026-12-02"
    value = f"{name}: {text}" if name else text
    most = schema.get("maxLength")
    return value[:most] if isinstance(most, int) else value


def _number(schema: dict[str, Any], whole: bool) -> float | int:
    low = schema.get("minimum", schema.get("exclusiveMinimum", 0))
    value = low + 1 if "exclusiveMinimum" in schema else low
    return int(value) if whole else float(value)


def value_for(schema: Any, question: str, name: str = "", depth: int = 0) -> Any:
    """A value following `schema` (JSON Schema subset Cohere documents)."""
    if not isinstance(schema, dict) or depth > 8:
        return None
    if "const" in schema:
        return schema["const"]
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return schema["enum"][0]
    for key in ("anyOf", "oneOf"):
        if isinstance(schema.get(key), list) and schema[key]:
            return value_for(schema[key][0], question, name, depth + 1)
    kind = schema.get("type")
    kind = kind[0] if isinstance(kind, list) and kind else kind
    if kind == "object" or "properties" in schema:
        props = schema.get("properties")
        props = props if isinstance(props, dict) else {}
        return {k: value_for(s, question, k, depth + 1) for k, s in props.items()}
    if kind == "array":
        count = max(1, int(schema.get("minItems", 1)))
        return [value_for(schema.get("items", {}), question, name, depth + 1)] * count
    if kind in ("integer", "number"):
        return _number(schema, kind == "integer")
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    return _string(schema, name, question)


def _broken(schema: dict[str, Any] | None, value: Any) -> Any:
    required = schema.get("required") if isinstance(schema, dict) else None
    if isinstance(value, dict) and isinstance(required, list) and required:
        return {k: val for k, val in value.items() if k != required[0]}
    return [value] if not isinstance(value, list) else {"not": "an array"}


def json_answer(schema: dict[str, Any] | None, question: str, *, broken: bool) -> str:
    """The answer text: JSON following `schema` (an object when there is none)."""
    value = value_for(schema, question) if schema else {"answer": question.strip() or "answer"}
    if broken:
        value = _broken(schema, value)
    return json.dumps(value, ensure_ascii=False)
