"""Chat history on disk: written off the UI thread in order, read back at start-up."""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from workbench.api.errors import InputError
from workbench.core.chat_session import (
    SavedChat,
    default_history_path,
    load_chat,
    write_chat,
)

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from workbench.core.chat_session import Reply, Turn
    from workbench.ui.async_bridge import TaskRunner
    from workbench.ui.common.json_editor import JsonEditor
    from workbench.ui.notices import NoticeCenter

SAVE_KEY = "chat.save"


def restore_editors(saved: SavedChat, editors: Mapping[str, JsonEditor]) -> None:
    """Put back the text each named editor held when `saved` was written."""
    for key, editor in editors.items():
        text = saved.extras.get(key)
        if isinstance(text, str):
            editor.set_text(text)


class HistoryDumper:
    """Builds the history file's text, serializing each turn only once.

    A finished turn is not changed again (regenerate and edit make new turns; a reply is attached
    once), so its JSON is kept, keyed by the turn and its reply objects, and a save serializes
    only what is new. Serializing the whole conversation on the UI thread at every turn end
    grew to ~28 ms at 500 turns (issue 15); pydantic holds the GIL, so a thread would not help.
    """

    def __init__(self) -> None:
        self._cache: dict[int, tuple[Turn, Reply | None, str]] = {}

    def dump(self, chat: SavedChat) -> str:
        """The file's text: `chat` as JSON that `load_chat` reads back."""
        kept: dict[int, tuple[Turn, Reply | None, str]] = {}
        parts = []
        for turn in chat.turns:
            hit = self._cache.get(id(turn))
            if hit is None or hit[0] is not turn or hit[1] is not turn.reply:
                hit = (turn, turn.reply, turn.model_dump_json(exclude_none=True))
            kept[id(turn)] = hit
            parts.append(hit[2])
        self._cache = kept
        head = json.dumps(
            chat.model_dump(exclude={"turns"}, exclude_none=True), indent=2, ensure_ascii=False
        )
        turns = '  "turns": [\n    ' + ",\n    ".join(parts) + "\n  ]" if parts else '  "turns": []'
        return head.removesuffix("\n}") + ",\n" + turns + "\n}\n"


class ChatHistory:
    """Saves the conversation after each change and restores it; failures become notices."""

    def __init__(self, *, tasks: TaskRunner, notices: NoticeCenter) -> None:
        self._tasks = tasks
        self._notices = notices
        # One writer thread, so history files land in the order they were taken.
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chat-history")
        self._dumper = HistoryDumper()

    def save_from(
        self, preamble: str, turns: list[Turn], editors: Mapping[str, JsonEditor]
    ) -> None:
        """Save the conversation with the text of each named editor (restored by name)."""
        extras = {key: editor.text() for key, editor in editors.items()}
        self.save(SavedChat(preamble=preamble, turns=turns, extras=extras))

    def save(self, chat: SavedChat) -> None:
        """Write the history in the background (the JSON is taken now, the disk is not waited on)."""
        payload = self._dumper.dump(chat)
        written = self._writer.submit(write_chat, payload, default_history_path())
        self._tasks.start(SAVE_KEY, self._report_save(written))

    async def _report_save(self, written: Future[Path]) -> None:
        try:
            # Shielded: quitting or a newer save must not cancel a write still queued.
            await asyncio.shield(asyncio.wrap_future(written))
        except OSError as exc:
            title = QCoreApplication.translate("ChatHistory", "Chat history not saved")
            self._notices.warn(title, str(exc))

    def load(self) -> SavedChat | None:
        """The saved conversation, or None when the file is unreadable (said in a notice)."""
        try:
            return load_chat()
        except InputError as exc:
            self._notices.post_error(exc)
            return None
