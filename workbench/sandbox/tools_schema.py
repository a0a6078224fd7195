"""Read tool definitions in both wire forms (v1 parameter_definitions, JSON-schema functions)."""

from __future__ import annotations

import re
from typing import Any

from workbench.sandbox import validate as v
from workbench.sandbox.prompt import Tool, ToolParam

# v1 definitions use Python-ish type names ("str", "int", "float", "List[str]").
_V1_TYPES = {
    "str": "string",
    "int": "integer",
    "float": "number",
    "bool": "boolean",
    "dict": "object",
}
_V1_LIST = re.compile(r"(?:list|array)(?:\[(\w+)\])?")
# A v1 description that is nothing but a list of words: "celsius or fahrenheit", "a, b or c".
_WORD_LIST = re.compile(r"\s*(\w+(?:\s*,\s*\w+)*)\s*,?\s+or\s+(\w+)\s*\.?\s*")
# Cohere's v1 reference: "only the characters a-z, A-Z, 0-9, _ and must not begin with a digit".
_V1_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_V1_NAME_RULE = "may hold only a-z, A-Z, 0-9 and _, and must not begin with a digit"
# OpenAI's function-name rule, which Cohere v2 and Azure's inference routes follow.
_FUNCTION_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")
_FUNCTION_NAME_RULE = "may hold only a-z, A-Z, 0-9, _ and -, at most 64 characters"


def _schema_type(spec: Any) -> str:
    if not isinstance(spec, dict):
        return "string"
    kind = spec.get("type", "string")
    if isinstance(kind, list):  # e.g. ["string", "null"]
        kind = next((k for k in kind if k != "null"), "string")
    return str(kind).lower()


def _v1_type(raw: str) -> tuple[str, str]:
    """The JSON-schema type and item type of a v1 type name ("List[int]" → array of integer)."""
    listed = _V1_LIST.fullmatch(raw)
    if listed:
        item = listed.group(1) or "str"
        return "array", _V1_TYPES.get(item, item)
    return _V1_TYPES.get(raw, raw), ""


def _described_choices(description: str) -> tuple[str, ...]:
    listed = _WORD_LIST.fullmatch(description)
    if not listed:
        return ()
    return (*tuple(w.strip() for w in listed.group(1).split(",")), listed.group(2))


def _v1_param(name: str, spec: Any) -> ToolParam:
    spec = spec if isinstance(spec, dict) else {}
    kind, items = _v1_type(str(spec.get("type", "str")).lower().replace(" ", ""))
    description = str(spec.get("description", ""))
    choices = _described_choices(description) if kind == "string" else ()
    required = bool(spec.get("required", False))
    return ToolParam(name, kind, required, description, choices, items)


def v1_tools(items: list[Any]) -> tuple[Tool, ...]:
    """Tools in v1 form: `{name, description, parameter_definitions: {p: {type, required}}}`."""
    tools = []
    seen: dict[str, str] = {}
    for i, item in enumerate(items):
        where = f"tools[{i}]"
        if not isinstance(item, dict):
            raise v.bad(where, "must be an object")
        name = _name(item.get("name"), f"{where}.name", _V1_NAME, _V1_NAME_RULE, seen)
        definitions = item.get("parameter_definitions") or {}
        if not isinstance(definitions, dict):
            raise v.bad(f"{where}.parameter_definitions", "must be an object")
        params = tuple(_v1_param(p, spec) for p, spec in definitions.items())
        tools.append(Tool(name, str(item.get("description", "")), params))
    return tuple(tools)


def _name(value: Any, where: str, rule: re.Pattern[str], words: str, seen: dict[str, str]) -> str:
    """A tool's name, checked against the flavour's rule and the names before it (`seen`)."""
    if value is None or value == "":
        raise v.bad(where, "is required", status=422)
    if not isinstance(value, str):
        raise v.bad(where, f"must be a string, got {v.type_name(value)}")
    if not rule.fullmatch(value):
        raise v.bad(where, f"{words}, got {value!r}")
    if value in seen:
        raise v.bad(where, f"repeats the name of {seen[value]} ({value!r}); tool names must differ")
    seen[value] = where
    return value


def _schema_param(name: str, spec: Any, required: bool) -> ToolParam:
    spec = spec if isinstance(spec, dict) else {}
    kind = _schema_type(spec)
    return ToolParam(
        name,
        kind,
        required,
        str(spec.get("description", "")),
        _choices(spec),
        _schema_type(spec.get("items")) if kind == "array" else "",
        str(spec.get("format", "")).lower(),
    )


def function_tools(items: list[Any]) -> tuple[Tool, ...]:
    """Tools in JSON-schema form: `{type: function, function: {name, description, parameters}}`."""
    tools = []
    seen: dict[str, str] = {}
    for i, item in enumerate(items):
        where = f"tools[{i}]"
        if not isinstance(item, dict):
            raise v.bad(where, "must be an object")
        if item.get("type", "function") != "function":
            raise v.bad(f"{where}.type", f"must be 'function', got {item.get('type')!r}")
        function = item.get("function")
        if not isinstance(function, dict):
            raise v.bad(f"{where}.function", "is required", status=422)
        where_name = f"{where}.function.name"
        name = _name(function.get("name"), where_name, _FUNCTION_NAME, _FUNCTION_NAME_RULE, seen)
        schema = function.get("parameters") or {}
        if not isinstance(schema, dict):
            raise v.bad(f"{where}.function.parameters", "must be a JSON Schema object")
        properties = schema.get("properties") or {}
        required = set(schema.get("required") or [])
        params = tuple(_schema_param(p, spec, p in required) for p, spec in properties.items())
        tools.append(Tool(name, str(function.get("description", "")), params))
    return tuple(tools)


def _choices(spec: dict[str, Any]) -> tuple[str, ...]:
    enum = spec.get("enum")
    return tuple(str(c) for c in enum) if isinstance(enum, list) else ()
