"""Read tool definitions in both wire forms (v1 parameter_definitions, JSON-schema functions)."""

from __future__ import annotations

from typing import Any

from workbench.sandbox import validate as v
from workbench.sandbox.prompt import Tool, ToolParam


def _schema_type(spec: Any) -> str:
    if not isinstance(spec, dict):
        return "string"
    kind = spec.get("type", "string")
    if isinstance(kind, list):  # e.g. ["string", "null"]
        kind = next((k for k in kind if k != "null"), "string")
    return str(kind).lower()


def v1_tools(items: list[Any]) -> tuple[Tool, ...]:
    """Tools in v1 form: `{name, description, parameter_definitions: {p: {type, required}}}`."""
    tools = []
    for i, item in enumerate(items):
        where = f"tools[{i}]"
        if not isinstance(item, dict):
            raise v.bad(where, "must be an object")
        name = v.string(item, "name", need=True) if "name" in item else None
        if not name:
            raise v.bad(f"{where}.name", "is required", status=422)
        definitions = item.get("parameter_definitions") or {}
        if not isinstance(definitions, dict):
            raise v.bad(f"{where}.parameter_definitions", "must be an object")
        params = tuple(
            ToolParam(
                p,
                str(spec.get("type", "str")).lower() if isinstance(spec, dict) else "str",
                bool(spec.get("required", False)) if isinstance(spec, dict) else False,
                str(spec.get("description", "")) if isinstance(spec, dict) else "",
            )
            for p, spec in definitions.items()
        )
        tools.append(Tool(name, str(item.get("description", "")), _v1_types(params)))
    return tuple(tools)


def _v1_types(params: tuple[ToolParam, ...]) -> tuple[ToolParam, ...]:
    # v1 definitions use Python-ish type names ("str", "int", "float", "List[str]").
    mapping = {
        "str": "string",
        "int": "integer",
        "float": "number",
        "bool": "boolean",
        "dict": "object",
    }
    return tuple(
        ToolParam(
            p.name,
            mapping.get(p.type, "array" if p.type.startswith("list") else p.type),
            p.required,
            p.description,
        )
        for p in params
    )


def function_tools(items: list[Any]) -> tuple[Tool, ...]:
    """Tools in JSON-schema form: `{type: function, function: {name, description, parameters}}`."""
    tools = []
    for i, item in enumerate(items):
        where = f"tools[{i}]"
        if not isinstance(item, dict):
            raise v.bad(where, "must be an object")
        if item.get("type", "function") != "function":
            raise v.bad(f"{where}.type", f"must be 'function', got {item.get('type')!r}")
        function = item.get("function")
        if not isinstance(function, dict):
            raise v.bad(f"{where}.function", "is required", status=422)
        name = function.get("name")
        if not isinstance(name, str) or not name:
            raise v.bad(f"{where}.function.name", "is required", status=422)
        schema = function.get("parameters") or {}
        if not isinstance(schema, dict):
            raise v.bad(f"{where}.function.parameters", "must be a JSON Schema object")
        properties = schema.get("properties") or {}
        required = set(schema.get("required") or [])
        params = tuple(
            ToolParam(
                p,
                _schema_type(spec),
                p in required,
                str(spec.get("description", "")) if isinstance(spec, dict) else "",
                _choices(spec),
            )
            for p, spec in properties.items()
        )
        tools.append(Tool(name, str(function.get("description", "")), params))
    return tuple(tools)


def _choices(spec: Any) -> tuple[str, ...]:
    enum = spec.get("enum") if isinstance(spec, dict) else None
    return tuple(str(c) for c in enum) if isinstance(enum, list) else ()
