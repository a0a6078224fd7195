"""The chat history file: `SavedChat` (turns plus the preamble), and writing and reading it.

What is written is redacted JSON, written atomically; reading says where a damaged file went wrong
(never a traceback). Building the turns is `chat_session`'s job; this module only keeps them.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from workbench.api import jsontext
from workbench.api.errors import InputError
from workbench.api.redact import redact_json
from workbench.api.text import Text
from workbench.core.atomic import write_atomically
from workbench.core.chat_session import Turn  # noqa: TC001  # pydantic needs it at run time
from workbench.core.errors import os_reason
from workbench.core.settings import config_dir
from workbench.core.text_files import read_file_text

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

HISTORY_FORMAT = "cohere-workbench.chat"
HISTORY_FILE = "chat_history.json"


class SavedChat(BaseModel):
    """The history file: turns plus the preamble (never a key or an endpoint secret)."""

    model_config = ConfigDict(extra="ignore", defer_build=True)  # built on first use

    format: str = HISTORY_FORMAT
    version: int = 1
    preamble: str = ""
    turns: list[Turn] = Field(default_factory=list)
    extras: dict[str, Any] = Field(default_factory=dict)
    """Editor texts the pane restores (documents, tools), kept verbatim."""


def default_history_path() -> Path:
    """Where the chat history lives: `chat_history.json` in the config folder."""
    return config_dir() / HISTORY_FILE


def save_chat(chat: SavedChat, path: Path | None = None) -> Path:
    """Write the history atomically (temporary file, then replace).

    Returns:
        The path written.
    """
    return write_chat(dump_chat(chat), path)


def dump_chat(chat: SavedChat) -> str:
    """The history file's text (what `save_chat` writes)."""
    return chat.model_dump_json(indent=2, exclude_none=True)


def write_chat(payload: str, path: Path | None = None) -> Path:
    """Write a history file's text atomically; the slow half of `save_chat`, safe in a thread.

    Returns:
        The path written.
    """
    # History and exports never carry a secret, and stay readable JSON.
    return write_redacted([redact_json(payload, indent=2)], path)


def write_redacted(pieces: Sequence[str], path: Path | None = None) -> Path:
    """Write a history file's text, given in pieces each already redacted, atomically.

    The pieces are written one by one: encoding a whole long history at once held the GIL for
    milliseconds, a stall of the UI thread while the writer thread ran (issue 15).

    Returns:
        The path written.
    """
    target = path or default_history_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, pieces, prefix=".chat-", suffix=".json")
    return target


def load_chat(path: Path | None = None) -> SavedChat:
    """Read a history file; a missing file is an empty chat.

    Raises:
        InputError: the file cannot be read, is not text, is not valid JSON or is not a chat
            history (`.where` says where).
    """
    source = path or default_history_path()
    if not source.exists():
        return SavedChat()
    try:  # its own file, but a disk can mangle it: said, never a traceback
        text = read_file_text(source)
    except OSError as exc:
        reason = Text("cannot read it: %1", os_reason(exc))  # the OS's words stay
        raise InputError(reason, title=source.name) from None
    try:
        data = jsontext.loads(text)
    except json.JSONDecodeError as exc:
        where = f"{source.name} line {exc.lineno}, column {exc.colno}"
        raise InputError(
            jsontext.reason(exc), title="Chat history is not valid JSON", where=where
        ) from exc
    if not isinstance(data, dict) or data.get("format") != HISTORY_FORMAT:
        raise InputError(
            Text("expected an object with format %1", repr(HISTORY_FORMAT)),
            title="Not a chat history file",
            where=source.name,
        )
    try:
        return SavedChat.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = f"{source.name}: " + ".".join(str(p) for p in first["loc"])
        raise InputError(first["msg"], title="Chat history is damaged", where=where) from exc
