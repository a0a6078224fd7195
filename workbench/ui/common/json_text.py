"""The JSON editor's text: parsed with the line and column of the first error, errors placed
inside a named editor, and long texts cut into the chunks they are loaded in."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication

from workbench.api import jsontext
from workbench.api.errors import InputError
from workbench.ui.common.core_text import shown

LOAD_CHUNK = 256_000
"""Texts longer than this (in characters) go into the editor a chunk per event-loop turn: a
megabyte put in at once held the window still for 20-40 ms, and its parse and the views that
follow it for as long again (issue 15)."""
FIRST_CHUNK = 64_000
"""The first chunk, smaller: its turn also makes the text, and it already fills the screen."""


def chunks(text: str, size: int = LOAD_CHUNK, first: int = FIRST_CHUNK) -> list[str]:
    """`text` cut into pieces of about `size` characters (the first of about `first`), each
    ending after a line break when one is near (so no piece ends inside a line's "\\r\\n");
    joined they are `text`. A text of at most `size` characters is one piece."""
    if len(text) <= size:
        return [text]
    pieces = []
    start, step = 0, min(first, size)
    while len(text) - start > size:
        cut = text.find("\n", start + step, start + 2 * step)
        end = cut + 1 if cut >= 0 else start + step
        if text[end - 1] == "\r":
            end += 1  # "\r\n" stays whole
        pieces.append(text[start:end])
        start, step = end, size
    if start < len(text):
        pieces.append(text[start:])
    return pieces


def decode_error_where(exc: json.JSONDecodeError) -> str:
    """Name where a JSON decode error is, as people count: 'line L, column C' (1-based)."""
    return f"line {exc.lineno}, column {exc.colno}"


def parse_json(text: str) -> Any:
    """Parse `text` as JSON, raising InputError naming the line and column of the first error.

    Args:
        text: the JSON text.

    Returns:
        The parsed value.
    """
    if not text.strip():
        title = QCoreApplication.translate("JsonEditor", "The JSON is empty")
        raise InputError(title=title, where="line 1, column 1")
    try:
        return jsontext.loads(text)
    except json.JSONDecodeError as exc:
        template = QCoreApplication.translate("JsonEditor", "Invalid JSON: %1")
        title = template.replace("%1", shown(jsontext.reason(exc)))
        raise InputError(title=title, where=decode_error_where(exc)) from exc


def placed(exc: InputError, place: str) -> InputError:
    """The same error placed inside `place` ("Tools, line 1, column 11"), its words kept (a
    translated title or message is still translated where it is shown)."""
    title = exc.title_text if exc.title_text is not None else exc.title
    message = exc.message_text if exc.message_text is not None else exc.server_message
    return InputError(message, title=title, where=f"{place}, {exc.where}" if exc.where else place)
