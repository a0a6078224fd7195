"""The newer v2 chat fields: thinking, response_format, strict_tools, images, per-model refusals.

Read from the request before the answer is drafted, then applied to it: reasoning models think
first, JSON is answered when asked for, images are described. What the API refuses, the sandbox
refuses with a 400 naming the field.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.sandbox import validate as v
from workbench.sandbox.images import SeenImage, check_limits, image_answer, read_image
from workbench.sandbox.models import traits
from workbench.sandbox.reasoning import thinking_budget, thinking_text
from workbench.sandbox.schema_answer import json_answer

if TYPE_CHECKING:
    from workbench.sandbox.prompt import Answer, Prompt


@dataclass(frozen=True)
class Features:
    """What the newer fields asked for."""

    thinking_budget: int | None = None
    """None: no thinking; 0: thinking without a budget; n: at most n words."""
    json: bool = False
    schema: dict[str, Any] | None = None
    last_images: tuple[SeenImage, ...] = ()
    """The images of the last user message."""


def _response_format(
    body: dict[str, Any], schema_key: str = "json_schema"
) -> tuple[bool, dict[str, Any] | None]:
    """Cohere's `response_format`; v2 names the schema `json_schema`, v1 `schema`."""
    fmt = body.get("response_format")
    if fmt is None:
        return False, None
    if not isinstance(fmt, dict):
        raise v.bad("response_format", "must be an object")
    kind = fmt.get("type")
    if kind not in ("text", "json_object"):
        raise v.bad("response_format.type", f"must be one of text, json_object, got {kind!r}")
    schema = fmt.get(schema_key)
    if schema is not None and not isinstance(schema, dict):
        raise v.bad(f"response_format.{schema_key}", "must be an object")
    if kind != "json_object":
        if schema is not None:
            raise v.bad(f"response_format.{schema_key}", "must not be set when type is text")
        return False, None
    for other in ("documents", "tools"):
        if body.get(other):
            raise v.bad("response_format", f"is not supported together with {other}")
    return True, schema


def _images(messages: list[dict[str, Any]]) -> tuple[list[SeenImage], list[SeenImage]]:
    every: list[SeenImage] = []
    last: list[SeenImage] = []
    for i, message in enumerate(messages):
        content = message.get("content")
        if not isinstance(content, list):
            continue
        seen = [
            read_image(block, f"messages[{i}].content[{j}]")
            for j, block in enumerate(content)
            if isinstance(block, dict) and block.get("type") == "image_url"
        ]
        if seen and str(message.get("role")).lower() != "user":
            raise v.bad(f"messages[{i}].content", "only user messages may carry images")
        every += seen
        if str(message.get("role")).lower() == "user":
            last = seen
    return every, last


def read_features(body: dict[str, Any], messages: list[dict[str, Any]]) -> Features:
    """Check the newer fields against the model and read what they ask for."""
    model = traits(str(body.get("model", "")))
    mode = v.choice(body, "safety_mode", ("CONTEXTUAL", "STRICT", "OFF"))
    if mode is not None and mode not in model.safety_modes:
        raise v.bad("safety_mode", f"{mode} is not supported by model '{body.get('model')}'")
    v.boolean(body, "strict_tools")
    if body.get("tool_choice") == "REQUIRED" and not body.get("tools"):
        raise v.bad("tool_choice", "REQUIRED needs tools")
    wants_json, schema = _response_format(body)
    every, last = _images(messages)
    if every and not model.vision:
        raise v.bad("messages", f"model '{body.get('model')}' does not support image inputs")
    check_limits(every)
    budget = thinking_budget(body, model.reasoning)
    return Features(budget, wants_json, schema, tuple(last))


def v1_features(body: dict[str, Any]) -> Features:
    """What `/v1/chat` asks for of the same: `response_format`, its schema named `schema`."""
    wants_json, schema = _response_format(body, "schema")
    return Features(json=wants_json, schema=schema)


def shape_answer(answer: Answer, prompt: Prompt, features: Features, *, broken: bool) -> Answer:
    """The drafted answer with JSON or an image description in place of its text."""
    if answer.tool_calls:
        return answer
    if features.json:
        text = json_answer(features.schema, prompt.message, broken=broken)
        return dataclasses.replace(answer, text=text, citations=())
    if features.last_images:
        text = image_answer(list(features.last_images), prompt.message)
        return dataclasses.replace(answer, text=text, citations=())
    return answer


def thinking_for(answer: Answer, prompt: Prompt, features: Features) -> str:
    """The thinking to send before the answer ("" for none)."""
    if features.thinking_budget is None:
        return ""
    return thinking_text(prompt, answer, features.thinking_budget)


def _openai_format(body: dict[str, Any]) -> tuple[bool, dict[str, Any] | None]:
    fmt = body.get("response_format")
    if not isinstance(fmt, dict) or fmt.get("type") in (None, "text"):
        return False, None
    kind = v.choice(fmt, "type", ("text", "json_object", "json_schema"), at="response_format")
    if kind == "json_object":
        return True, None
    inner = fmt.get("json_schema")
    schema = inner.get("schema") if isinstance(inner, dict) else None
    if not isinstance(schema, dict):
        raise v.bad("response_format.json_schema.schema", "must be an object", status=422)
    return True, schema


def openai_features(body: dict[str, Any], messages: list[dict[str, Any]]) -> Features:
    """The same for the OpenAI-style route: `response_format` in its spelling, image parts."""
    wants_json, schema = _openai_format(body)
    every, last = _images(messages)
    if every and not traits(str(body.get("model", ""))).vision:
        raise v.bad("messages", f"model '{body.get('model')}' does not support image inputs")
    check_limits(every)
    return Features(None, wants_json, schema, tuple(last))
