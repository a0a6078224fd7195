"""Endpoints copied in and out: duplicates with a free name, JSON export without keys, and import
with clear errors."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from workbench.api import jsontext
from workbench.api.errors import InputError
from workbench.api.redact import redact_json
from workbench.api.text import Text
from workbench.api.urls import has_user_info, user_info_error
from workbench.core.endpoint_refusals import refusal
from workbench.core.endpoints import EndpointConfig, new_endpoint_id

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

EXPORT_FORMAT = "cohere-workbench.endpoints"


def duplicate(endpoint: EndpointConfig, taken_names: set[str]) -> EndpointConfig:
    """A copy with a fresh id and a name not in `taken_names` ("X (copy)", "X (copy 2)", ...)."""
    name = unique_name(f"{endpoint.name} (copy)", taken_names)
    return endpoint.model_copy(update={"id": new_endpoint_id(), "name": name, "is_sandbox": False})


def unique_name(wanted: str, taken: set[str]) -> str:
    """`wanted`, or `wanted 2`, `wanted 3`, ... whichever is free."""
    if wanted not in taken:
        return wanted
    n = 2
    while f"{wanted} {n}" in taken:
        n += 1
    return f"{wanted} {n}"


def export_endpoints(endpoints: list[EndpointConfig]) -> str:
    """JSON text for these endpoints: settings only, never a key, no sandbox endpoint."""
    items = [
        e.model_dump(mode="json", exclude={"is_sandbox"}) for e in endpoints if not e.is_sandbox
    ]
    text = json.dumps({"format": EXPORT_FORMAT, "version": 1, "endpoints": items}, indent=2)
    # Belt and braces: secrets live in the keyring, not in settings.
    return redact_json(text, indent=2)


def import_endpoints(text: str, existing: list[EndpointConfig]) -> list[EndpointConfig]:
    """Parse exported JSON into new endpoints (fresh ids, names made unique against `existing`).

    Args:
        text: the file's content.
        existing: endpoints already saved.

    Returns:
        The imported endpoints, ready to add.

    Raises:
        InputError: the text is not an endpoints export; `.where` names the line or entry.
    """
    try:
        raw: Any = jsontext.loads(text)
    except json.JSONDecodeError as exc:
        raise _input_error(
            Text("Not valid JSON: %1", jsontext.reason(exc)),
            f"line {exc.lineno}, column {exc.colno}",
        ) from exc
    items = raw.get("endpoints") if isinstance(raw, dict) else raw
    if not isinstance(items, list):
        raise _input_error(Text("Expected an object with an `endpoints` list"), "top level")
    taken = {e.name for e in existing}
    imported: list[EndpointConfig] = []
    for i, item in enumerate(items):
        imported.append(_import_one(item, i, taken))
        taken.add(imported[-1].name)
    return imported


def _import_one(item: Any, index: int, taken: set[str]) -> EndpointConfig:
    if not isinstance(item, dict):
        raise _input_error(Text("Each endpoint must be an object"), f"endpoints[{index}]")
    clean = {k: v for k, v in item.items() if k not in {"id", "is_sandbox", "api_key", "key"}}
    if isinstance(clean.get("base_url"), str) and has_user_info(clean["base_url"]):
        # Saved, the password would sit in plain settings; sent, it would replace the key.
        raise user_info_error(title=_IMPORT_TITLE, where=f"endpoints[{index}].base_url")
    try:
        endpoint = EndpointConfig.model_validate(clean)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join([f"endpoints[{index}]", *(str(p) for p in first["loc"])])
        raise _input_error(_invalid(item, first), where) from exc
    return endpoint.model_copy(update={"name": unique_name(endpoint.name, taken)})


def _invalid(item: dict[str, Any], error: ErrorDetails) -> Text:
    """Why an imported endpoint is refused, naming it by its name when it has one (a file holds
    several) and the field as the Endpoints form labels it; pydantic's own line for an error
    `refusal` does not know."""
    reason = refusal(error)
    name = item.get("name")
    if isinstance(name, str) and name.strip():
        return Text("Invalid endpoint %1: %2", repr(name.strip()), reason)
    return Text("Invalid endpoint: %1", reason)


_IMPORT_TITLE = "Cannot import endpoints"


def _input_error(message: Text, where: str) -> InputError:
    return InputError(message, title=_IMPORT_TITLE, where=where)
