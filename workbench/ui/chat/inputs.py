"""Filling the chat pane's inputs: a shipped sample, an example prompt, or the request of a
recorded turn."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCursor

from workbench.ui import resources
from workbench.ui.common.undoable import replace_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QPlainTextEdit

    from workbench.api.models import ChatRequest
    from workbench.ui.chat.first_screen import Example, ExamplePrompts
    from workbench.ui.chat.side import ChatSidePanel

TOOLS_SAMPLE_MESSAGE = "What is the weather in São Paulo right now?"
"""The question the "tools" sample asks with the JSON-schema tools sample."""


def attach_sample(kind: Example, side: ChatSidePanel, examples: ExamplePrompts) -> str:
    """Put a sample's documents or tools in their editors; returns the sample's question.

    "rag" is `chat_documents.json`'s question over its documents (a grounded answer with
    citations); "tools" offers the JSON-schema tools and asks for a tool call; "plain" attaches
    nothing.
    """
    if kind == "tools":
        side.tools.editor.set_value(resources.sample("tools_json_schema.json"))
        return TOOLS_SAMPLE_MESSAGE
    if kind == "plain":
        return examples.prompt("plain")
    sample = resources.sample("chat_documents.json")
    # The sample is in the wire's {"id", "data": {...}} form; the editor takes flat objects.
    flat = [{"id": d["id"], **d["data"]} for d in sample["documents"]]
    side.documents.editor.set_value(flat)
    return str(sample["message"])


def fill_example(
    kind: Example, side: ChatSidePanel, examples: ExamplePrompts, message: QPlainTextEdit
) -> None:
    """Fill the message box with an example's prompt, its samples attached; nothing is sent."""
    attach_sample(kind, side, examples)
    replace_text(message, examples.prompt(kind))
    message.moveCursor(QTextCursor.MoveOperation.End)
    message.setFocus()


def fill_from_request(request: ChatRequest, side: ChatSidePanel, message: QPlainTextEdit) -> None:
    """Put a recorded request's message, preamble, model, documents, tools and every parameter
    that was set back in the inputs (the conversation before it is the caller's to restore)."""
    # One undo step each: Ctrl+Z brings back what the person had typed there.
    replace_text(message, request.message or "")
    replace_text(side.setup.preamble, request.preamble or "")
    if request.model:
        side.fill_model(request.model)
    if request.documents:
        side.documents.editor.set_value(request.documents)
    if request.tools:
        side.tools.editor.set_value([t.model_dump(exclude_none=True) for t in request.tools])
    for name, value in request.params.model_dump(exclude_none=True).items():
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        with contextlib.suppress(KeyError):  # a parameter this panel does not show
            side.params.set_text(name, str(value))
