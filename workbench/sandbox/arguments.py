"""Fill a tool's parameters from the user's message: place names, numbers, quoted text."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from workbench.sandbox.text import words

if TYPE_CHECKING:
    from collections.abc import Sequence

    from workbench.sandbox.prompt import ToolParam

_PLACE_NAMES = frozenset(
    [
        "location",
        "city",
        "place",
        "country",
        "region",
        "destination",
        "origin",
        "address",
        "town",
        "area",
        "where",
    ]
)
_FREE_TEXT = frozenset(
    ["query", "q", "search", "question", "text", "prompt", "topic", "keywords", "input", "message"]
)
_NOT_NAMES = frozenset(
    [
        "What",
        "Whats",
        "How",
        "Is",
        "Are",
        "The",
        "Please",
        "Can",
        "Could",
        "Tell",
        "Show",
        "Find",
        "Get",
        "Give",
        "I",
        "In",
        "At",
        "For",
        "Will",
        "Would",
        "Do",
        "Does",
        "When",
        "Where",
        "Which",
        "Who",
        "Why",
        "Hi",
        "Hello",
        "Hey",
        "And",
        "Or",
        "Then",
        "Also",
        "Look",
        "Check",
        "Search",
        "Use",
        "Call",
    ]
)
_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")
_QUOTED = re.compile(r"\"([^\"]+)\"|“([^”]+)”|'([^']+)'")
_WORD = re.compile("[\\w'\u2019-]+")  # apostrophes, straight and curly


def capitalised_phrases(message: str) -> list[str]:
    """Runs of capitalised words (e.g. "New York"), skipping question words and "I".

    A sentence's first word is capitalised anyway, so phrases that open a sentence come last.
    """
    inner: list[str] = []
    openers: list[str] = []
    current: list[str] = []
    opens_sentence = False
    last_end = 0
    for match in _WORD.finditer(message):
        word, gap = match.group(0), message[last_end : match.start()]
        at_start = not message[: match.start()].strip() or gap.strip()[-1:] in {".", "!", "?"}
        if current and (gap != " " or not word[0].isupper() or word in _NOT_NAMES):
            (openers if opens_sentence else inner).append(" ".join(current))
            current = []
        if word[0].isupper() and word not in _NOT_NAMES:
            if not current:
                opens_sentence = bool(at_start)
            current.append(word)
        last_end = match.end()
    if current:
        (openers if opens_sentence else inner).append(" ".join(current))
    return inner + openers


def _kind(param: ToolParam) -> str:
    name = param.name.lower().replace("-", "_")
    parts = set(name.split("_"))
    if param.type in {"number", "integer", "float", "int", "double"}:
        return "number"
    if param.type in {"boolean", "bool"}:
        return "boolean"
    if param.type in {"array", "list"} or param.type.startswith(("list", "array")):
        return "array"
    if param.type in {"object", "dict"}:
        return "object"
    if parts & _PLACE_NAMES:
        return "place"
    if parts & _FREE_TEXT:
        return "free"
    return "string"


def _choice(param: ToolParam, message: str) -> str | None:
    # An enum parameter takes a value the message names, else (when required) its first value.
    said = set(words(message))
    named = [c for c in param.choices if c.lower() in said]
    if named:
        return named[0]
    return param.choices[0] if param.required else None


def fill_parameters(params: Sequence[ToolParam], message: str) -> dict[str, Any]:
    """Values for `params` taken from `message`; required ones always get a value."""
    numbers = [n.replace(",", ".") for n in _NUMBER.findall(message)]
    names = capitalised_phrases(message)
    quoted = [next(g for g in m.groups() if g) for m in _QUOTED.finditer(message)]
    free = message.strip().rstrip("?!.").strip()
    values: dict[str, Any] = {}
    for param in params:
        kind = _kind(param)
        value: Any = None
        if param.choices:
            value = _choice(param, message)
        elif kind == "number":
            if numbers:
                raw = numbers.pop(0)
                value = int(float(raw)) if param.type in {"integer", "int"} else float(raw)
            elif param.required:
                value = 1
        elif kind == "boolean":
            value = param.name.lower() in message.lower() if param.required else None
        elif kind == "array":
            value = names[:] or ([free] if param.required else None)
        elif kind == "object":
            value = {} if param.required else None
        elif kind == "place":
            value = names.pop(0) if names else (free if param.required else None)
        elif kind == "free":
            value = quoted.pop(0) if quoted else free
        else:
            value = (
                quoted.pop(0)
                if quoted
                else names.pop(0)
                if names
                else free
                if param.required
                else None
            )
        if value is not None:
            values[param.name] = value
    return values
