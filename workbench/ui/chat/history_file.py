"""Chat history on disk: written off the UI thread in order, read back at start-up."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from workbench.api.errors import InputError
from workbench.api.redact import mask_key, redact_json, redact_secrets, registered_secrets
from workbench.core.chat_session import TurnMemo
from workbench.core.saved_chat import (
    SavedChat,
    default_history_path,
    load_chat,
    write_redacted,
)
from workbench.ui.common.background_save import BackgroundWriter, SaveSoon

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from pathlib import Path

    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QPlainTextEdit

    from workbench.ui.async_bridge import TaskRunner
    from workbench.ui.chat.controller import ChatController
    from workbench.ui.common.json_editor import JsonEditor
    from workbench.ui.notices import NoticeCenter

SAVE_KEY = "chat.save"
DRAFT = "draft"
"""The unsent message's key among the saved extras."""


def restore_editors(saved: SavedChat, editors: Mapping[str, JsonEditor]) -> None:
    """Put back the text each named editor held when `saved` was written."""
    for key, editor in editors.items():
        text = saved.extras.get(key)
        if isinstance(text, str):
            editor.set_text(text)


_SEPARATOR = ",\n    "
_JOINT = re.compile(r"[\s,]")
"""What stands beside every border between the file's pieces (see `HistoryDumper.redacted`)."""


class HistoryDumper:
    """Builds the history file's text, serializing and redacting each turn only once.

    A finished turn is not changed again (regenerate and edit make new turns; a reply is attached
    once), so its JSON is kept, keyed by the turn and its reply objects, and a save serializes
    only what is new. Serializing the whole conversation on the UI thread at every turn end
    grew to ~28 ms at 500 turns (issue 15); pydantic holds the GIL, so a thread would not help.
    Redacting the whole text in the writer thread held the GIL too (~17 ms at 500 turns, long
    single calls the UI thread waited on), so each turn's JSON is also kept redacted.
    """

    def __init__(self) -> None:
        self._memo: TurnMemo[_Kept] = TurnMemo()
        """Each turn's JSON (and that JSON redacted), kept while the turn stays the same."""
        self._state: object = None
        """The secrets `_Kept.masked` was redacted under."""

    def dump(self, chat: SavedChat) -> str:
        """The file's text: `chat` as JSON that `load_chat` reads back (not yet redacted)."""
        return "".join(self._pieces(chat, [kept.json for kept in self._turns(chat)]))

    def redacted(self, chat: SavedChat) -> list[str] | None:
        """The file's text in pieces, each redacted, whose join is `redact_secrets` of the whole
        (but for keys, which keep a secret of under 8 characters: `mask_key`); None when that
        cannot be promised (then redact the whole `dump`: `write_whole`).

        Secrets only: demo mode masks host names on show, but the file is what the next start
        puts back, and a host masked in it was lost for good (the run history keeps them too).

        Every border between two pieces has white space or a comma on one side (the JSON's
        line breaks and indents, and the commas between turns), and so does no mask while no
        registered secret holds one: the header and URL patterns stop at white space,
        `}` and `]`, and the pieces are whole JSON values. So nothing masked reaches across a
        border, and masking piece by piece masks exactly what one pass over the whole does.
        Except where that pass would leave a turn (or the head) that no longer parses: that
        piece is masked string by string instead (`redact_json`), so the file stays readable.
        """
        state = frozenset(registered_secrets())
        if any(_JOINT.search(value) for value in state):
            return None
        turns = self._turns(chat)
        if state != self._state:
            self._state = state
            for kept in turns:
                kept.masked = None
        parts = []
        for kept in turns:
            if kept.masked is None:
                kept.masked = redact_json(kept.json, redact_secrets)
            parts.append(kept.masked)
        return self._pieces(chat, parts, masked=True)

    def _turns(self, chat: SavedChat) -> list[_Kept]:
        return self._memo.of(
            chat.turns, lambda _, turn: _Kept(turn.model_dump_json(exclude_none=True))
        )

    @staticmethod
    def _pieces(chat: SavedChat, parts: list[str], *, masked: bool = False) -> list[str]:
        """The head, the turns' parts with their separators, and the end; when `masked`, the
        head and the fixed texts around the turns are redacted (the parts come so). The fixed
        texts hold the key "turns", masked as keys are (`mask_key`)."""
        mask: Callable[[str], str] = _mask_key if masked else str
        head = json.dumps(
            chat.model_dump(exclude={"turns"}, exclude_none=True), indent=2, ensure_ascii=False
        )
        if masked:
            head = redact_json(head, redact_secrets, indent=2)
        pieces = [head.removesuffix("\n}") + ",\n"]
        if not parts:
            return [*pieces, mask('  "turns": []'), mask("\n}\n")]
        pieces.append(mask('  "turns": [\n    '))
        separator = mask(_SEPARATOR)
        for part in parts:
            pieces += [part, separator]
        pieces[-1] = mask("\n  ]")
        return [*pieces, mask("\n}\n")]


def _mask_key(key: str) -> str:
    return mask_key(key, redact_secrets)


def write_whole(payload: str, path: Path) -> Path:
    """Write a history file's whole text with its secrets redacted (hosts kept: `redacted`)."""
    return write_redacted([redact_json(payload, redact_secrets, indent=2)], path)


@dataclass(slots=True, eq=False)
class _Kept:
    json: str
    masked: str | None = None


class ChatHistory:
    """Saves the conversation after each change and restores it; failures become notices."""

    def __init__(self, *, tasks: TaskRunner, notices: NoticeCenter) -> None:
        self._notices = notices
        self._writer = BackgroundWriter(
            key=SAVE_KEY,
            title=lambda: QCoreApplication.translate("ChatHistory", "Chat history not saved"),
            tasks=tasks,
            notices=notices,
            thread_name="chat-history",
        )
        self._dumper = HistoryDumper()

    def save(self, chat: SavedChat) -> None:
        """Write the history in the background (the JSON is taken now, the disk is not waited on)."""
        path = default_history_path()
        pieces = self._dumper.redacted(chat)
        if pieces is None:
            self._writer.submit(write_whole, self._dumper.dump(chat), path)
        else:
            self._writer.submit(write_redacted, pieces, path)

    def load(self) -> SavedChat | None:
        """The saved conversation, or None when the file is unreadable (said in a notice)."""
        try:
            return load_chat()
        except InputError as exc:
            self._notices.post_error(exc)
            return None


class ConversationFile(QObject):
    """The chat pane's conversation on disk: its turns, the preamble, the named editors' texts
    and the unsent message.

    Saved when a turn ends or the conversation is cleared or replaced, and also a moment after
    an input is edited (`watch`) and at quit if that save is still due: a preamble or documents
    edited after the last turn were lost at quit, and the next start brought the older back.
    """

    def __init__(
        self,
        *,
        history: ChatHistory,
        controller: ChatController,
        preamble: QPlainTextEdit,
        editors: Mapping[str, JsonEditor],
        draft: QPlainTextEdit,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._history, self._controller = history, controller
        self._preamble, self._editors, self._draft = preamble, dict(editors), draft
        self._soon = SaveSoon(self)
        self._soon.due.connect(self.save)

    def watch(self, *changed: SignalInstance) -> None:
        """Save a moment after any of these signals (once edits pause), and at quit if due."""
        self._soon.watch(*changed)

    def save(self) -> None:
        """Save the conversation as it is now (written in the background)."""
        self._soon.saved()
        turns = self._controller.turns
        unfinished = self._controller.unfinished
        if unfinished is not None:  # a turn in flight is saved once it ends, with its reply
            turns = turns[:unfinished]
        extras = {key: editor.text() for key, editor in self._editors.items()}
        extras[DRAFT] = self._draft.toPlainText()
        chat = SavedChat(preamble=self._preamble.toPlainText(), turns=turns, extras=extras)
        self._history.save(chat)

    def restore(self) -> bool:
        """Put the saved conversation back (turns, preamble, editors, the unsent message);
        False when none was read."""
        saved = self._history.load()
        if saved is None:
            return False
        self._controller.restore(saved.turns)
        self._preamble.setPlainText(saved.preamble)
        restore_editors(saved, self._editors)
        draft = saved.extras.get(DRAFT)
        if isinstance(draft, str) and draft:
            self._draft.setPlainText(draft)
        return True
