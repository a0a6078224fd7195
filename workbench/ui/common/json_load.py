"""The JSON editor's loading: a long text goes in a chunk per event-loop turn, so the window
keeps painting (issue 15)."""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor

from workbench.ui.common.json_text import chunks
from workbench.ui.common.undoable import replace_document

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QPlainTextEdit


class ChunkedLoader:
    """Puts texts into the editor's text widget; a long one a chunk per turn, read-only meanwhile.

    After the last chunk, on a turn of its own, it hands the whole text to `validate`; on the
    turn after that the load ends: the widget as writable as before, then `ended(announce)`,
    `announce` False when the load was finished early without validating.
    """

    def __init__(
        self,
        edit: QPlainTextEdit,
        owner: QObject,
        *,
        validate: Callable[[str], None],
        ended: Callable[[bool], None],
    ) -> None:
        self._edit = edit
        self._validate = validate
        self._ended = ended
        self._whole: str | None = None
        """The whole text of a load still going in (a chunk per turn), else None."""
        self._pending: deque[str] = deque()
        """The chunks of that load not yet in the editor."""
        self._was_read_only = False
        self._checked = False
        """The load is all in and validated; the views hear of it on the next turn."""
        self._inserting = False
        self._timer = QTimer(owner)  # the owner's child, made where the owner made its own
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def whole(self) -> str | None:
        """The whole text of a load still going in, else None."""
        return self._whole

    @property
    def inserting(self) -> bool:
        """Whether the text is changing because of a load (not because someone typed)."""
        return self._inserting

    def is_loading(self) -> bool:
        """Whether a long text is still going in."""
        return self._whole is not None

    def begin(self, text: str) -> bool:
        """Replace the text with `text` (one undo step); True when it all went in at once.

        Otherwise the first chunk is in and the rest follow, one each event-loop turn.
        """
        pieces = chunks(text)
        self._insert(pieces[0], replace=True)
        if len(pieces) == 1:
            return True
        self._whole, self._pending = text, deque(pieces[1:])
        self._was_read_only = self._edit.isReadOnly()
        self._edit.setReadOnly(True)  # typing between chunks would land inside the load
        self._timer.start()
        return False

    def finish(self, *, validate: bool) -> None:
        """Put the rest of a load under way in now, and validate it unless told not to."""
        if self._whole is None:
            return
        self._timer.stop()
        if self._pending:
            self._insert("".join(self._pending), replace=False)
            self._pending.clear()
        if validate and not self._checked:
            self._check(self._whole)
        self._end(announce=validate)

    def _insert(self, text: str, *, replace: bool) -> None:
        """Replace the whole text with `text`, or append it to the undo step of the last replace."""
        self._inserting = True  # the document says it changed at the block's end: still ours
        try:
            if replace:
                replace_document(self._edit.document(), text)
            else:
                cursor = QTextCursor(self._edit.document())
                cursor.movePosition(QTextCursor.MoveOperation.End)
                cursor.joinPreviousEditBlock()
                cursor.insertText(text)
                cursor.endEditBlock()
        finally:
            self._inserting = False

    def _on_timer_timeout(self) -> None:
        # One step a turn: each chunk, then the parse and checks, then the views that follow.
        if self._whole is None:
            return
        if self._pending:
            self._insert(self._pending.popleft(), replace=False)
        elif not self._checked:
            self._check(self._whole)
        else:
            self._end(announce=True)
            return
        self._timer.start()

    def _check(self, whole: str) -> None:
        self._checked = True
        self._validate(whole)

    def _end(self, *, announce: bool) -> None:
        self._whole, self._checked = None, False
        self._edit.setReadOnly(self._was_read_only)
        self._ended(announce)
