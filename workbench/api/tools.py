"""Tool specs: read v1 `parameter_definitions` or JSON-schema function form; write either.
And whether a conversation answers every tool call it makes."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from workbench.api.errors import InputError
from workbench.api.models import ToolSpec
from workbench.api.text import Text

if TYPE_CHECKING:
    from collections.abc import Iterable

# Cohere v1 writes Python-style type names; JSON Schema has its own. Unknown names pass verbatim.
_V1_TO_SCHEMA = {
    "str": "string",
    "string": "string",
    "int": "integer",
    "integer": "integer",
    "float": "number",
    "number": "number",
    "bool": "boolean",
    "boolean": "boolean",
    "list": "array",
    "dict": "object",
    "object": "object",
}
_SCHEMA_TO_V1 = {
    "string": "str",
    "integer": "int",
    "number": "float",
    "boolean": "bool",
    "array": "list",
    "object": "dict",
}
_GENERIC = re.compile(r"^(list|dict)\[(.*)\]$", re.IGNORECASE)


def _v1_type_to_schema(v1_type: str) -> dict[str, Any]:
    match = _GENERIC.match(v1_type.strip())
    if match and match.group(1).lower() == "list":
        return {"type": "array", "items": _v1_type_to_schema(match.group(2))}
    if match:
        return {"type": "object"}
    return {"type": _V1_TO_SCHEMA.get(v1_type.strip().lower(), v1_type)}


def _schema_from_definitions(definitions: dict[str, Any], where: str) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    required: list[str] = []
    for name, definition in definitions.items():
        if not isinstance(definition, dict):
            raise InputError(
                Text("expected an object"), where=f"{where}.parameter_definitions.{name}"
            )
        prop = _v1_type_to_schema(str(definition.get("type", "str")))
        if definition.get("description"):
            prop["description"] = definition["description"]
        properties[name] = prop
        if definition.get("required"):
            required.append(name)
    schema: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        schema["required"] = required
    return schema


def tool_from_json(obj: Any, where: str = "tools[0]") -> ToolSpec:
    """Read a tool in any of the forms people paste.

    Args:
        obj: v1 `{"name", "description", "parameter_definitions"}`, or JSON-schema function form
            `{"type": "function", "function": {...}}` or `{"name", "description", "parameters"}`.
        where: where the tool sits in the input, for error messages.

    Returns:
        The neutral spec (parameters as a JSON schema).

    Raises:
        InputError: when the object is none of these forms.
    """
    if not isinstance(obj, dict):
        raise InputError(Text("a tool must be a JSON object"), where=where)
    if isinstance(obj.get("function"), dict):
        obj, where = obj["function"], f"{where}.function"
    name = obj.get("name")
    if not isinstance(name, str) or not name:
        raise InputError(Text("a tool needs a non-empty string `name`"), where=f"{where}.name")
    description = obj.get("description") or ""
    if "parameter_definitions" in obj:
        definitions = obj["parameter_definitions"] or {}
        if not isinstance(definitions, dict):
            raise InputError(Text("expected an object"), where=f"{where}.parameter_definitions")
        parameters = _schema_from_definitions(definitions, where)
    else:
        parameters = obj.get("parameters") or {"type": "object", "properties": {}}
        if not isinstance(parameters, dict):
            raise InputError(Text("expected a JSON schema object"), where=f"{where}.parameters")
    return ToolSpec(name=name, description=str(description), parameters=parameters)


def _schema_to_v1_type(prop: dict[str, Any]) -> str:
    kind = prop.get("type", "str")
    if isinstance(kind, list):  # ["string", "null"]: the first non-null type
        kind = next((k for k in kind if k != "null"), "string")
    if kind == "array" and isinstance(prop.get("items"), dict):
        return f"List[{_schema_to_v1_type(prop['items'])}]"
    return _SCHEMA_TO_V1.get(str(kind), str(kind))


def tool_to_v1(spec: ToolSpec) -> dict[str, Any]:
    """The tool in Cohere v1 form, with `parameter_definitions`."""
    properties = spec.parameters.get("properties") or {}
    required = set(spec.parameters.get("required") or [])
    definitions: dict[str, Any] = {}
    for name, prop in properties.items():
        prop = prop if isinstance(prop, dict) else {}
        definition: dict[str, Any] = {
            "type": _schema_to_v1_type(prop),
            "required": name in required,
        }
        if prop.get("description"):
            definition["description"] = prop["description"]
        definitions[name] = definition
    return {
        "name": spec.name,
        "description": spec.description,
        "parameter_definitions": definitions,
    }


def tool_to_function(spec: ToolSpec) -> dict[str, Any]:
    """The tool in JSON-schema function form (Cohere v2, OpenAI)."""
    function: dict[str, Any] = {"name": spec.name, "parameters": spec.parameters}
    if spec.description:
        function["description"] = spec.description
    return {"type": "function", "function": function}


Step = tuple[bool, list[str]]
"""One message of a conversation for `check_calls_answered`: whether it is a tool message, and
the call ids it answers (a tool message) or makes (any other)."""


def check_calls_answered(steps: Iterable[Step], path: str) -> None:
    """Refuse a conversation where a message's tool calls are not all answered by the tool
    messages right after it (a message typed instead of the results, say).

    Cohere v2 and OpenAI-style servers refuse such a conversation with a 400; the workbench says
    which message before sending. v1 carries results apart (`tool_results`) and takes it. The
    chat pane checks its conversation and the v2 and OpenAI bodies their wire messages, each
    told as steps.

    Raises:
        InputError: naming the message that made the calls (`{path}[i].tool_calls`).
    """
    waiting: set[str] = set()
    asked_at = 0
    for pos, (answers, ids) in enumerate(steps):
        if answers:
            waiting.difference_update(ids)
            continue
        if waiting:
            break
        waiting, asked_at = set(ids), pos
    if waiting:
        raise InputError(
            Text(
                "the tool calls of this answer have no results: send them first (tool results), "
                "or start a new conversation"
            ),
            where=f"{path}[{asked_at}].tool_calls",
        )
