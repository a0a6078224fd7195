"""JSON editor: line numbers, syntax colours, Format, and debounced validation that marks line:column."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.api.errors import InputError
from workbench.ui.common.a11y import StatusLabel
from workbench.ui.common.error_text import error_message, error_title, shown_where
from workbench.ui.common.json_highlight import CodeEdit
from workbench.ui.common.json_highlight import JsonHighlighter as JsonHighlighter
from workbench.ui.common.json_load import ChunkedLoader
from workbench.ui.common.json_marks import mark_error, marked_position
from workbench.ui.common.json_pretty import pretty_json
from workbench.ui.common.json_text import parse_json, placed
from workbench.ui.common.keys import with_keys
from workbench.ui.common.l10n import fill
from workbench.ui.common.retranslate import Retranslating

if TYPE_CHECKING:
    from collections.abc import Callable

_REWRITTEN = re.compile("[\r\u2028\u2029\x00]")
"""Characters QTextDocument stores differently from how they were inserted."""
_NOT_BLANK = re.compile(r"\S")
_TEXT_PLACE = re.compile(r"line \d+, column \d+")
"""Where a problem with the text itself is (bad JSON, or empty), as `parse_json` says it."""
HIGHLIGHT_LIMIT = 200_000
"""Texts longer than this (in characters) are shown without syntax colours."""
_DEBOUNCE_MS = 250
"""Quiet time after the last keystroke before parsing; large texts wait longer (see _delay_ms)."""


class JsonEditor(Retranslating, QWidget):
    """Edits JSON; validates it a moment after typing stops and marks the first error's position."""

    validity_changed = Signal(bool, str)
    """Emitted (ok, message) after each validation whose outcome differs from the previous one."""
    value_changed = Signal(object)
    """Emitted with the parsed value after a validation that succeeded and found new text."""

    def __init__(self, *, parent: QWidget | None = None, name: str = "JSON") -> None:
        super().__init__(parent)
        self.setObjectName("jsonEditor")
        self._checker: Callable[[Any], None] | None = None
        self._state: tuple[bool, str] | None = None
        self._last_value: Any = None
        self._validated_revision = -1
        self._empty_hint = ""
        self._optional = False
        """An empty text means "none" (see `set_optional`), never an error."""
        self._touched = False
        """The person typed here, or asked for the value: an empty text is an error from now on."""
        self._emit_pending = False
        """A load's text validated: `value_changed` follows when the load ends (issue 15)."""
        self._name = name
        self._build_ui()
        self.retranslate_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        self._edit = CodeEdit(self)
        self._edit.setObjectName("jsonEditorText")
        self._highlighter = JsonHighlighter(self._edit.document(), palette=self._edit.palette())
        self._message = StatusLabel(self)
        self._message.setObjectName("jsonEditorMessage")
        self._message.setWordWrap(True)
        self._message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._format_action = QAction(self)
        self._format_action.setObjectName("jsonEditorFormat")
        self._format_action.setShortcut(QKeySequence("Ctrl+Shift+F"))
        self._format_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self._format_action)
        self._format_button = format_button = QToolButton(self)
        format_button.setDefaultAction(self._format_action)
        format_button.setObjectName("jsonEditorFormatButton")
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._load = ChunkedLoader(
            self._edit, self, validate=self._validate_inserted, ended=self._on_load_ended
        )
        bar = QHBoxLayout()
        bar.addWidget(self._message, 1)
        bar.addWidget(format_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._edit, 1)
        layout.addLayout(bar)
        self.setFocusProxy(self._edit)

    def set_name(self, name: str) -> None:
        """Name what the editor holds ("Documents"), already translated: a pane calls this from
        its own `retranslate_ui()`; the accessible names are made from it."""
        self._name = name
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        """Colour the text and mark the error again in a new theme's colours; grey the text while
        the editor is switched off (the syntax colours made a disabled editor look in use: the
        Model page's schema with the Text format chosen)."""
        kind = event.type()
        if kind in (QEvent.Type.EnabledChange, QEvent.Type.PaletteChange):
            self._highlighter.recolour(self.palette(), muted=not self.isEnabled())
        if kind == QEvent.Type.PaletteChange and (where := self.error_position()):
            self._mark(f"line {where[0]}, column {where[1]}")
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every static text in the current language (also on `LanguageChange`)."""
        self._edit.setAccessibleName(self._name)
        self._message.setAccessibleName(self.tr("%1 validation").replace("%1", self._name))
        self._format_action.setText(self.tr("&Format"))
        self._format_action.setToolTip(with_keys(self.tr("Pretty-print the JSON"), "Ctrl+Shift+F"))
        self._format_button.setAccessibleName(self.tr("Format %1").replace("%1", self._name))
        if self._edit.toolTip():
            self._edit.setToolTip(self.tr("Syntax colours are off for texts this large"))

    def _connect_signals(self) -> None:
        self._edit.textChanged.connect(self._on_edit_text_changed)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._format_action.triggered.connect(self._on_format_action_triggered)

    # --- public API ---------------------------------------------------------------------------

    @property
    def editor(self) -> QPlainTextEdit:
        """The text widget (for buddies, focus and tests)."""
        return self._edit

    def text(self) -> str:
        """The text as typed (all of it: a load still going in is finished first)."""
        self.finish_loading()
        return self._edit.toPlainText()

    def is_blank(self) -> bool:
        """Whether the text is empty or only white space (without copying a long text out)."""
        if (loading := self._load.whole) is not None:
            return _NOT_BLANK.search(loading) is None
        block = self._edit.document().begin()
        while block.isValid():
            if block.text().strip():
                return False
            block = block.next()
        return True

    def is_loading(self) -> bool:
        """Whether a long text is still going in (see `set_text`)."""
        return self._load.is_loading()

    def set_text(self, text: str) -> None:
        """Replace the text (undoable, one step) and validate it.

        Up to LOAD_CHUNK characters this happens at once. A longer text goes in a chunk per
        event-loop turn, the editor read-only meanwhile, and is validated after the last chunk,
        so the window keeps painting; `text()`, `value()` and `validate_now()` finish a load
        still under way at once, so a caller never sees half a text.

        Above HIGHLIGHT_LIMIT characters the colours are switched off: QSyntaxHighlighter
        colours every line at once, about 180 ms for a megabyte, which would freeze the window.
        """
        self.finish_loading(validate=False)  # an earlier load goes in whole, as its own step
        large = len(text) > HIGHLIGHT_LIMIT
        # Not setDocument(None): PySide then hands the highlighter to Python, and when its
        # wrapper went the C++ destructor re-laid out the live document into half-destroyed
        # Python slots (a segfault between tests).
        self._highlighter.enabled = not large
        self._edit.setToolTip(
            self.tr("Syntax colours are off for texts this large") if large else ""
        )
        all_in = self._load.begin(text)
        self._timer.stop()
        if all_in:
            self._validate_inserted(text)

    def finish_loading(self, *, validate: bool = True) -> None:
        """Put the rest of a load under way in now, and validate it unless told not to."""
        self._load.finish(validate=validate)

    def set_value(self, value: Any) -> None:
        """Show `value` pretty-printed."""
        self.set_text(pretty_json(value))  # json.dumps(value, indent=2, ensure_ascii=False)

    def value(self) -> Any:
        """Parse and check the current text.

        Returns:
            The parsed value.

        Raises:
            InputError: with `.where` = "line L, column C" for bad JSON, or the checker's place.
        """
        self.finish_loading()
        if self._optional and self.is_blank():
            return None
        if self._validated_revision == self._revision() and self._state and self._state[0]:
            return self._last_value
        if not self._touched and not self.text().strip():
            # Asked for the value (a run): the empty editor's hint turns into the error.
            self._touched = True
            self._validated_revision = -1
            self.validate_now()
        value = parse_json(self.text())
        if self._checker is not None:
            self._checker(value)
        return value

    def named_value(self) -> Any:
        """`value()`, a problem with the text placed in this editor by its name ("Tools, line 1,
        column 11"): for a refusal said away from the editor, where a pane has several.

        A checker's place (`tools[0].name`) already says what it is in, and stays as it is.
        """
        try:
            return self.value()
        except InputError as exc:
            if _TEXT_PLACE.fullmatch(exc.where):
                raise placed(exc, self._name) from exc
            raise

    def set_empty_hint(self, hint: str) -> None:
        """Greet an empty editor with `hint` (neutral, in the editor and under it) instead of
        "The JSON is empty" in red, until the person types or asks for the value."""
        self._empty_hint = hint
        self._edit.setPlaceholderText(hint)
        self._validated_revision = -1
        self.validate_now()

    def set_optional(self, hint: str) -> None:
        """Hold something that may be left out (documents, tools): an empty text means none.

        `hint` greets it, neutral, however often it is emptied (not "The JSON is empty" in red),
        and `value()` gives None for it.
        """
        self._optional = True
        self.set_empty_hint(hint)

    def set_checker(self, checker: Callable[[Any], None] | None) -> None:
        """Install a check run on every parsed value; it raises InputError to flag a problem."""
        self._checker = checker
        self._validated_revision = -1
        self._timer.start(self._delay_ms())

    def validate_now(self) -> bool:
        """Validate immediately (skipping the debounce); True when the text is valid."""
        self.finish_loading()
        self._timer.stop()
        self._validate()
        return bool(self._state and self._state[0])

    def is_valid(self) -> bool:
        """Outcome of the latest validation (of the whole text: a load under way finishes)."""
        self.finish_loading()
        return bool(self._state and self._state[0])

    def message(self) -> str:
        """The latest validation message ("" when valid)."""
        self.finish_loading()
        return self._state[1] if self._state else ""

    def format(self) -> bool:
        """Pretty-print the text if it parses; True when it did."""
        return self._on_format_action_triggered()

    # --- internals ------------------------------------------------------------------------------

    def _revision(self) -> int:
        return self._edit.document().revision()

    def _delay_ms(self) -> int:
        # Parsing a megabyte costs ~10 ms; wait longer on big texts so typing stays smooth.
        return _DEBOUNCE_MS + min(750, self._edit.document().characterCount() // 2000)

    def _on_edit_text_changed(self) -> None:
        if not self._load.inserting:
            self._touched = True
        self._timer.start(self._delay_ms())

    def _on_timer_timeout(self) -> None:
        if not self._load.is_loading():  # a load validates once it is all in
            self._validate()

    def _on_load_ended(self, announce: bool) -> None:
        self._timer.stop()
        if self._emit_pending:
            self._emit_pending = False
            if announce:
                self.value_changed.emit(self._last_value)

    def _validate_inserted(self, text: str) -> None:
        # The text just inserted is what the editor holds, unless Qt rewrote line or paragraph
        # separators in it; then read it back.
        self._validate(None if _REWRITTEN.search(text) else text)

    def _on_format_action_triggered(self) -> bool:
        if self._optional and self.is_blank():
            return False  # nothing to format, and nothing wrong
        try:
            value = parse_json(self.text())
        except InputError as exc:
            self._show_error(exc)
            return False
        self.set_value(value)
        return True

    def _validate(self, typed: str | None = None) -> None:
        revision = self._revision()
        if revision == self._validated_revision:
            return
        self._validated_revision = revision
        # Read once: copying a megabyte of documents out of Qt costs ~10 ms a time.
        text = self._edit.toPlainText() if typed is None else typed
        if self._empty_hint and (self._optional or not self._touched) and not text.strip():
            self._show_hint()
            return
        try:
            value = parse_json(text)
            if self._checker is not None:
                self._checker(value)
        except InputError as exc:
            self._show_error(exc)
            return
        self._last_value = value
        self._edit.setExtraSelections([])
        self._set_message("", "")
        self._set_state(True, "")
        if self._load.is_loading():
            self._emit_pending = True  # a load's views follow on the next turn (issue 15)
        else:
            self.value_changed.emit(value)

    def _show_error(self, exc: InputError) -> None:
        where = shown_where(exc.where)
        title = error_title(exc)  # a title made from values (a Text) is translated too
        message = fill(self.tr("%1 at %2"), title, where) if exc.where else title
        if exc.server_message:  # the reason, such as a checker's "needs a string `name`"
            reason = QCoreApplication.translate("Errors", "%1: %2")
            message = fill(reason, message, error_message(exc))
        self._set_message(message, "error")
        self._mark(exc.where)
        self._set_state(False, message)

    def _show_hint(self) -> None:
        # Nothing is wrong: no message, no red mark. Not valid (there is no value yet), unless
        # empty means none.
        self._set_message(self._empty_hint, "hint")
        self._edit.setExtraSelections([])
        self._set_state(self._optional, "")

    def _set_message(self, text: str, role: str) -> None:
        self._message.setText(text)
        if self._message.property("role") != role:
            self._message.setProperty("role", role)  # common.qss greys hints
            if self._message.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
                # Not polished yet (being built), it is styled by the new role when first shown.
                self._message.style().unpolish(self._message)
                self._message.style().polish(self._message)

    def _set_state(self, ok: bool, message: str) -> None:
        if self._state != (ok, message):
            self._state = (ok, message)
            self.validity_changed.emit(ok, message)

    def _mark(self, where: str) -> None:
        mark_error(self._edit, where)

    def error_position(self) -> tuple[int, int] | None:
        """(line, column) of the marked error, 1-based, or None when nothing is marked."""
        self.finish_loading()
        return marked_position(self._edit)
