"""Conversation files ⇄ neutral history: v1 `chat_history`, v2 / OpenAI `messages`, neutral lists.

Import is tolerant (any role case, string or block content, either tool-call shape) and names the
entry and field of the first problem, e.g. `messages[3].tool_call_id: required for role tool`.
Export builds the flavour's request body, so a file holds exactly what a request would carry. Nothing here
reads or writes a key: conversation files never contain one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from workbench.api import chat_request_body, flavour_traits, jsontext
from workbench.api.errors import InputError
from workbench.api.models import ChatMessage, ChatRequest, ImagePart, Role, ToolCall, ToolResult
from workbench.api.text import Text, english

if TYPE_CHECKING:
    from collections.abc import Sequence

    from workbench.api.models import Flavour

_EXPORT_MODEL = "model"
"""A stand-in for v2's required `model`; export keeps only the history field of the body."""

_ROLES: dict[str, Role] = {
    "user": "user",
    "chatbot": "assistant",
    "assistant": "assistant",
    "system": "system",
    "developer": "system",  # OpenAI's newer name for the system message
    "tool": "tool",
}
NEUTRAL_KEYS = frozenset(
    {"role", "content", "tool_calls", "tool_results", "tool_plan", "images", "thinking"}
)
WIRE_KEYS = frozenset(
    {"message", "tool_call_id", "citations", "name", "generation_id", "refusal", "id"}
)
"""Keys of the wire forms that the editor accepts beside the neutral ones (pasted entries)."""


class HistoryForm(StrEnum):
    """The shape a conversation came in, named for people (the GUI translates the name)."""

    V1 = english("Cohere v1 chat_history")
    MESSAGES = english("v2 / OpenAI messages")
    NEUTRAL = english("neutral history")


@dataclass(frozen=True)
class ImportedConversation:
    """A parsed conversation: its messages, the form it came in, and a preamble if it had one."""

    messages: list[ChatMessage]
    form: HistoryForm
    preamble: str | None = None


def _bad(where: str, message: Text) -> InputError:
    return InputError(message, title="Not a conversation", where=where)


# --- import ---------------------------------------------------------------------------------------


def parse_conversation(data: Any) -> ImportedConversation:
    """Read a conversation file's JSON, detecting its form.

    Accepts `{"chat_history": [...]}` (v1, with an optional `preamble`), `{"messages": [...]}`
    (Cohere v2 or OpenAI; a leading system message becomes the preamble), or a bare list of
    entries in any of those forms or the neutral one.

    Raises:
        InputError: naming the entry and field of the first problem.
    """
    if isinstance(data, dict) and "chat_history" in data:
        messages = parse_entries(data["chat_history"], "chat_history")
        preamble = data.get("preamble")
        if preamble is not None and not isinstance(preamble, str):
            raise _bad("preamble", Text("must be a string"))
        return ImportedConversation(messages, HistoryForm.V1, preamble)
    if isinstance(data, dict) and "messages" in data:
        messages = parse_entries(data["messages"], "messages")
        if messages and messages[0].role == "system":
            return ImportedConversation(messages[1:], HistoryForm.MESSAGES, messages[0].content)
        return ImportedConversation(messages, HistoryForm.MESSAGES)
    if isinstance(data, list):
        return ImportedConversation(parse_entries(data, "history"), _form_of(data))
    raise _bad(
        "(top level)",
        Text("expected an object with chat_history or messages, or a list of messages"),
    )


def _form_of(entries: list[Any]) -> HistoryForm:
    for entry in entries:
        if isinstance(entry, dict):
            if "message" in entry or str(entry.get("role", "")).upper() == "CHATBOT":
                return HistoryForm.V1
            if "tool_call_id" in entry:
                return HistoryForm.MESSAGES
    return HistoryForm.NEUTRAL


def parse_entries(entries: Any, where: str, *, strict: bool = False) -> list[ChatMessage]:
    """Neutral messages from a list of entries in any form; consecutive tool entries are merged.

    Args:
        entries: the list.
        where: its name in error places ("chat_history", "messages", "history").
        strict: reject keys no form knows (typos in the History editor); files are tolerant.

    Raises:
        InputError: naming the entry and field of the first problem.
    """
    if not isinstance(entries, list):
        raise _bad(where, Text("must be a list"))
    messages: list[ChatMessage] = []
    for pos, entry in enumerate(entries):
        message = _entry(entry, f"{where}[{pos}]", messages, strict=strict)
        last = messages[-1] if messages else None
        if message.role == "tool" and last is not None and last.role == "tool":
            # v2 and OpenAI send one tool message per call; neutral form groups them.
            merged = [*last.tool_results, *message.tool_results]
            messages[-1] = last.model_copy(update={"tool_results": merged})
        else:
            messages.append(message)
    return messages


def _entry(entry: Any, where: str, earlier: list[ChatMessage], *, strict: bool) -> ChatMessage:
    if not isinstance(entry, dict):
        raise _bad(where, Text("must be an object"))
    if strict:
        unknown = sorted(set(entry) - NEUTRAL_KEYS - WIRE_KEYS)
        if unknown:
            raise _bad(f"{where}.{unknown[0]}", Text("unknown field"))
    raw_role = entry.get("role")
    if not isinstance(raw_role, str):
        raise _bad(f"{where}.role", Text("required (user, assistant / CHATBOT, system or tool)"))
    role = _ROLES.get(raw_role.lower())
    if role is None:
        raise _bad(f"{where}.role", Text("unknown role %1", repr(raw_role)))
    if role == "tool":
        return ChatMessage(role="tool", tool_results=_tool_results(entry, where, earlier))
    text_key = "message" if "message" in entry and "content" not in entry else "content"
    blocks = _Blocks.read(entry.get(text_key), f"{where}.{text_key}")
    content = blocks.text
    images = blocks.images + _neutral_images(entry.get("images"), f"{where}.images")
    if role == "user":
        if not content and not images:
            # Sent, the server refused the whole request for it (Cohere: 400 "invalid request").
            raise _bad(f"{where}.{text_key}", Text("a user message needs text or an image"))
        return ChatMessage(role=role, content=content, images=images)
    if images:
        raise _bad(f"{where}.{text_key}", Text("only user messages carry images"))
    if role != "assistant":
        return ChatMessage(role=role, content=content)
    thinking = entry.get("thinking", blocks.thinking or None)
    if thinking is not None and not isinstance(thinking, str):
        raise _bad(f"{where}.thinking", Text("must be a string"))
    plan = entry.get("tool_plan")
    if plan is not None and not isinstance(plan, str):
        raise _bad(f"{where}.tool_plan", Text("must be a string"))
    calls = _calls(entry.get("tool_calls"), f"{where}.tool_calls", earlier)
    if text_key == "message" and calls and plan is None:
        # A v1 CHATBOT turn that called tools carries its tool plan as `message`.
        content, plan = "", content
    return ChatMessage(
        role=role, content=content, tool_plan=plan or None, tool_calls=calls, thinking=thinking
    )


@dataclass
class _Blocks:
    """A message's content read: text blocks joined, thinking blocks joined, image blocks."""

    text: str = ""
    thinking: str = ""
    images: list[ImagePart] = field(default_factory=list)

    @classmethod
    def read(cls, value: Any, where: str) -> _Blocks:
        if value is None or isinstance(value, str):
            return cls(text=value or "")
        if not isinstance(value, list):
            raise _bad(where, Text("must be a string or a list of content blocks"))
        out = cls()
        for pos, block in enumerate(value):
            kind = block.get("type") if isinstance(block, dict) else None
            if kind == "text" and isinstance(block.get("text"), str):
                out.text += block["text"]
            elif kind == "thinking" and isinstance(block.get("thinking"), str):
                out.thinking += block["thinking"]
            elif kind == "image_url":
                out.images.append(_image(block.get("image_url"), f"{where}[{pos}].image_url"))
            else:
                raise _bad(
                    f"{where}[{pos}]",
                    Text("only text, thinking and image blocks, got %1", repr(kind)),
                )
        return out


def _image(value: Any, where: str) -> ImagePart:
    if isinstance(value, str):  # OpenAI once allowed the URL alone
        value = {"url": value}
    if not isinstance(value, dict) or not isinstance(value.get("url"), str):
        raise _bad(where, Text("needs a url"))
    detail = value.get("detail")
    if detail not in (None, "auto", "low", "high"):
        raise _bad(f"{where}.detail", Text("must be auto, low or high"))
    return ImagePart(url=value["url"], detail=detail)


def _neutral_images(value: Any, where: str) -> list[ImagePart]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _bad(where, Text("must be a list of images"))
    return [_image(item, f"{where}[{pos}]") for pos, item in enumerate(value)]


def _calls(value: Any, where: str, earlier: list[ChatMessage]) -> list[ToolCall]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _bad(where, Text("must be a list"))
    taken = sum(len(m.tool_calls) for m in earlier)
    return [_call(item, f"{where}[{pos}]", f"call_{taken + pos}") for pos, item in enumerate(value)]


def _call(item: Any, where: str, fallback_id: str) -> ToolCall:
    if not isinstance(item, dict):
        raise _bad(where, Text("must be an object"))
    function = item.get("function")
    if isinstance(function, dict):  # v2 / OpenAI: arguments are JSON text
        name, where_name = function.get("name"), f"{where}.function.name"
        parameters = _arguments(function.get("arguments"), f"{where}.function.arguments")
    else:  # v1 and neutral: parameters are an object
        name, where_name = item.get("name"), f"{where}.name"
        parameters = item.get("parameters", {})
        if not isinstance(parameters, dict):
            raise _bad(f"{where}.parameters", Text("must be an object"))
    if not isinstance(name, str) or not name:
        raise _bad(where_name, Text("required"))
    call_id = item.get("id")
    if call_id is not None and not isinstance(call_id, str):
        raise _bad(f"{where}.id", Text("must be a string"))
    # v1 calls have no id; one is made up so the history can be sent to v2 / OpenAI as well.
    return ToolCall(id=call_id or fallback_id, name=name, parameters=parameters)


def _arguments(value: Any, where: str) -> dict[str, Any]:
    if value is None or value == "":
        return {}
    if isinstance(value, dict):
        return value
    if not isinstance(value, str):
        raise _bad(where, Text("must be JSON text"))
    try:
        parsed = jsontext.loads(value)
    except ValueError as exc:
        raise _bad(where, Text("not valid JSON (%1)", str(exc))) from None
    if not isinstance(parsed, dict):
        raise _bad(where, Text("must be a JSON object"))
    return parsed


def _tool_results(
    entry: dict[str, Any], where: str, earlier: list[ChatMessage]
) -> list[ToolResult]:
    if "tool_results" in entry:
        return _v1_results(entry["tool_results"], f"{where}.tool_results", earlier)
    call_id = entry.get("tool_call_id")
    if not isinstance(call_id, str) or not call_id:
        raise _bad(f"{where}.tool_call_id", Text("required for role tool"))
    call = next((c for m in reversed(earlier) for c in m.tool_calls if c.id == call_id), None)
    if call is None:
        raise _bad(f"{where}.tool_call_id", Text("no earlier tool call has id %1", repr(call_id)))
    return [ToolResult(call=call, outputs=_outputs(entry.get("content"), f"{where}.content"))]


def _v1_results(value: Any, where: str, earlier: list[ChatMessage]) -> list[ToolResult]:
    if not isinstance(value, list) or not value:
        raise _bad(where, Text("must be a non-empty list"))
    asked = list(earlier[-1].tool_calls) if earlier else []
    results: list[ToolResult] = []
    for pos, item in enumerate(value):
        at = f"{where}[{pos}]"
        if not isinstance(item, dict):
            raise _bad(at, Text("must be an object"))
        call = _call(item.get("call"), f"{at}.call", f"result_{len(earlier)}_{pos}")
        if not isinstance(item["call"].get("id"), str):
            # A v1 result answers the earlier call with its name and parameters: take its id,
            # so the pair survives being sent to v2 / OpenAI.
            key = (call.name, call.parameters)
            match = next((c for c in asked if (c.name, c.parameters) == key), None)
            if match is not None:
                asked.remove(match)
                call = match
        outputs = item.get("outputs")
        if not isinstance(outputs, list) or not all(isinstance(o, dict) for o in outputs):
            raise _bad(f"{at}.outputs", Text("must be a list of objects"))
        results.append(ToolResult(call=call, outputs=outputs))
    return results


def _outputs(content: Any, where: str) -> list[dict[str, Any]]:
    """A tool message's content as result objects: document blocks' data, or JSON / plain text."""
    if isinstance(content, list):
        outputs = []
        for pos, block in enumerate(content):
            kind = block.get("type") if isinstance(block, dict) else None
            if kind == "document" and isinstance(block.get("document"), dict):
                data = block["document"].get("data", {})
                outputs.append(data if isinstance(data, dict) else {"text": str(data)})
            elif kind == "text" and isinstance(block.get("text"), str):
                outputs += _outputs(block["text"], f"{where}[{pos}].text")
            else:
                raise _bad(
                    f"{where}[{pos}]", Text("expected a text or document block, got %1", repr(kind))
                )
        return outputs
    if not isinstance(content, str):
        raise _bad(where, Text("must be a string or a list of content blocks"))
    try:
        parsed = jsontext.loads(content)
    except ValueError:
        return [{"text": content}]
    if isinstance(parsed, dict):
        return [parsed]
    if isinstance(parsed, list) and all(isinstance(o, dict) for o in parsed):
        return parsed
    return [{"text": content}]


# --- export ---------------------------------------------------------------------------------------


def neutral_json(messages: Sequence[ChatMessage]) -> list[dict[str, Any]]:
    """The History editor's form: `{role, content, tool_calls?, tool_results?, tool_plan?}`."""
    out = []
    for message in messages:
        entry: dict[str, Any] = {"role": message.role, "content": message.content}
        if message.role == "tool":
            entry = {"role": "tool", "tool_results": _dump_results(message.tool_results)}
        if message.images:
            entry["images"] = [i.model_dump(exclude_none=True) for i in message.images]
        if message.thinking:
            entry["thinking"] = message.thinking
        if message.tool_plan:
            entry["tool_plan"] = message.tool_plan
        if message.tool_calls:
            entry["tool_calls"] = [c.model_dump(exclude_none=True) for c in message.tool_calls]
        out.append(entry)
    return out


def _dump_results(results: Sequence[ToolResult]) -> list[dict[str, Any]]:
    return [{"call": r.call.model_dump(exclude_none=True), "outputs": r.outputs} for r in results]


def export_conversation(
    messages: Sequence[ChatMessage], flavour: Flavour, preamble: str | None = None
) -> dict[str, Any]:
    """A conversation file in one flavour's form, exactly as a request would carry the history.

    The flavour's history field holds the conversation: v1 gives `{"chat_history": [...]}` (plus
    `preamble`); v2 and OpenAI give `{"messages": [...]}` with the preamble as the leading system
    message.

    Raises:
        InputError: when the flavour cannot carry it (a tool result with no call id for v2).
    """
    traits = flavour_traits(flavour)
    request = ChatRequest(message=None, preamble=preamble or None, history=list(messages))
    body = chat_request_body(flavour, request, _EXPORT_MODEL, stream=False)
    out: dict[str, Any] = {traits.history_field: body.get(traits.history_field, [])}
    if preamble and traits.preamble_field:
        out[traits.preamble_field] = preamble
    return out
