"""Chat history on disk: written off the UI thread in order, read back at start-up."""

from __future__ import annotations

import asyncio
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from workbench.api.errors import InputError
from workbench.core.chat_session import (
    SavedChat,
    default_history_path,
    dump_chat,
    load_chat,
    write_chat,
)

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

    from workbench.core.chat_session import Turn
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


class ChatHistory:
    """Saves the conversation after each change and restores it; failures become notices."""

    def __init__(self, *, tasks: TaskRunner, notices: NoticeCenter) -> None:
        self._tasks = tasks
        self._notices = notices
        # One writer thread, so history files land in the order they were taken.
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chat-history")

    def save_from(
        self, preamble: str, turns: list[Turn], editors: Mapping[str, JsonEditor]
    ) -> None:
        """Save the conversation with the text of each named editor (restored by name)."""
        extras = {key: editor.text() for key, editor in editors.items()}
        self.save(SavedChat(preamble=preamble, turns=turns, extras=extras))

    def save(self, chat: SavedChat) -> None:
        """Write the history in the background (the JSON is taken now, the disk is not waited on)."""
        payload = dump_chat(chat)
        written = self._writer.submit(write_chat, payload, default_history_path())
        self._tasks.start(SAVE_KEY, self._report_save(written))

    async def _report_save(self, written: Future[Path]) -> None:
        try:
            # Shielded: quitting or a newer save must not cancel a write still queued.
            await asyncio.shield(asyncio.wrap_future(written))
        except OSError as exc:
            self._notices.warn("Chat history not saved", str(exc))

    def load(self) -> SavedChat | None:
        """The saved conversation, or None when the file is unreadable (said in a notice)."""
        try:
            return load_chat()
        except InputError as exc:
            self._notices.post_error(exc)
            return None
