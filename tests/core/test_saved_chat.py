"""The chat history file: saved to the config folder and read back; a damaged file names the spot."""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING

import pytest

from workbench.api.errors import InputError
from workbench.api.models import Citation
from workbench.core.chat_session import ChatFrame, ChatSession, Reply
from workbench.core.saved_chat import SavedChat, default_history_path, load_chat, save_chat

if TYPE_CHECKING:
    from pathlib import Path

FRAME = ChatFrame(model="command-r", preamble="Be brief.")


def test_history_round_trips_through_the_config_folder() -> None:
    session = ChatSession()
    session.send("Où est le café ☕ 😀?", FRAME)
    cite = Citation(start=0, end=5, text="Ici ☕", document_ids=["d1"])
    session.finish(Reply(text="Ici ☕ !", citations=[cite], status="finish: COMPLETE"))
    path = save_chat(SavedChat(preamble="Be brief.", turns=session.turns, extras={"tools": "[]"}))
    assert path == default_history_path()
    assert str(path.parent) == os.environ["WORKBENCH_CONFIG_DIR"]
    loaded = load_chat()
    assert loaded.turns == session.turns
    assert loaded.extras == {"tools": "[]"}
    assert "key" not in json.loads(path.read_text(encoding="utf-8"))


def test_missing_history_is_empty_and_damaged_history_names_the_spot(tmp_path: Path) -> None:
    assert load_chat(tmp_path / "none.json").turns == []
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "cohere-workbench.chat",\n "turns": [}', encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_chat(bad)
    assert info.value.where == "bad.json line 2, column 12"
    bad.write_text('{"format": "cohere-workbench.chat", "turns": [{"user": 5}]}', encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_chat(bad)
    assert info.value.where == "bad.json: turns.0.user"
    bad.write_text("[]", encoding="utf-8")
    with pytest.raises(InputError, match="Not a chat history"):
        load_chat(bad)
