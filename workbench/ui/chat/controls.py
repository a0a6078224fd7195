"""Chat controls: the composer (message, Send/Stop/Regenerate/Copy, busy, status) and side editors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workbench.ui.common.a11y import StatusLabel, swap_enabled
from workbench.ui.common.busy_bar import BusyBar
from workbench.ui.common.flow_layout import FlowLayout
from workbench.ui.common.json_editor import JsonEditor
from workbench.ui.common.keys import escape_cancels, native, run_keys, with_keys
from workbench.ui.common.layered import Layered
from workbench.ui.common.retranslate import Retranslating
from workbench.ui.common.section import Section
from workbench.ui.common.undoable import replace_text

if TYPE_CHECKING:
    from collections.abc import Callable


def _button(name: str, parent: QWidget) -> QPushButton:
    """A push button with its object name; its texts are set by the owner's retranslate_ui."""
    button = QPushButton(parent)
    button.setObjectName(name)
    return button


def _texts(button: QPushButton, text: str, accessible: str) -> None:
    button.setText(text)
    button.setAccessibleName(accessible)


class Composer(Retranslating, QWidget):
    """Message box and the turn buttons; Ctrl+Return sends, Esc stops.

    Esc stops with the focus anywhere in `pane` (the transcript, the side panel), as Esc
    cancels in the other panes; the placeholder and Stop's tool tip promise no less.
    """

    def __init__(self, pane: QWidget) -> None:
        super().__init__(pane)
        self.setObjectName("chatComposer")
        self._editing_turn: int | None = None
        self.editing = StatusLabel(self)
        self.editing.setObjectName("chatEditing")
        self.editing.hide()
        self.cancel_edit = _button("chatCancelEdit", self)
        self.cancel_edit.hide()
        # Connected before the pane ends the edit: the draft is back before the notice goes.
        self.cancel_edit.clicked.connect(self._on_cancel_edit_clicked)
        self._draft = ""
        """What the box held before Edit replaced it (Cancel edit puts it back)."""
        self._label = label = QLabel(self)
        self.message = QPlainTextEdit(self)
        self.message.setObjectName("chatMessage")
        self.message.setTabChangesFocus(True)
        self.message.setMaximumHeight(110)
        label.setBuddy(self.message)
        self.send = _button("chatSend", self)
        self.stop = _button("chatStop", self)
        self.stop.setEnabled(False)
        self.regenerate = _button("chatRegenerate", self)
        self.copy = _button("chatCopy", self)
        self.clear = _button("chatClear", self)
        # Its place is kept while hidden: showing it moves nothing, so a Send does not lay the
        # pane out again (issue 15: in the buttons' row it wrapped to a row of its own).
        self._busy_place = Layered(self)
        self._busy_place.setObjectName("chatBusyPlace")
        self._busy_place.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.busy = BusyBar(self._busy_place)
        self.busy.setObjectName("chatBusy")
        self.busy.setMaximumWidth(120)
        self.busy.hide()
        self._busy_place.hold(self.busy)
        self.status = StatusLabel(self)
        self.status.setObjectName("chatStatus")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setWordWrap(True)
        # Anywhere in the pane (the side panel's editors too), and from the keypad: as in the
        # other panes, where it worked only with the focus in the message box.
        self.send_shortcut = run_keys(pane)
        self.stop_shortcut = escape_cancels(pane, self.stop.click)
        # On only while Stop is: an idle Esc reaches the focused control (a popup, an editor).
        self.stop_shortcut.setEnabled(False)
        self._layout(label)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set the static texts in the current language."""
        self.editing.setAccessibleName(self.tr("Editing notice"))
        _texts(self.cancel_edit, self.tr("Cancel e&dit"), self.tr("Cancel edit"))
        self._label.setText(self.tr("&Message:"))
        self.message.setAccessibleName(self.tr("Message"))
        keys = native("Ctrl+Return")  # as the platform writes it (⌘↩ on macOS)
        self.message.setPlaceholderText(
            self.tr("Type a message; %1 sends, Esc stops.").replace("%1", keys)
        )
        _texts(self.send, self.tr("&Send"), self.tr("Send"))
        self.send.setToolTip(with_keys(self.tr("Send"), "Ctrl+Return"))
        _texts(self.stop, self.tr("S&top"), self.tr("Stop"))
        self.send_shortcut.setWhatsThis(self.tr("Send"))  # as the shortcuts sheet lists them
        self.stop_shortcut.setWhatsThis(self.tr("Stop"))
        self.stop.setToolTip(self.tr("Stop the answer and keep what arrived (Esc)"))
        _texts(self.regenerate, self.tr("Re&generate"), self.tr("Regenerate"))
        _texts(self.copy, self.tr("&Copy answer"), self.tr("Copy last answer"))
        _texts(self.clear, self.tr("C&lear"), self.tr("Clear conversation"))
        self.busy.setAccessibleName(self.tr("Answer in progress"))
        self.status.setAccessibleName(self.tr("Chat status"))
        if self._editing_turn is not None:
            self._show_editing(self._editing_turn)

    def _show_editing(self, index: int) -> None:
        notice = self.tr("Editing turn %1: Send replaces it and drops the turns after it.")
        self.editing.setText(notice.replace("%1", str(index + 1)))

    def _layout(self, label: QLabel) -> None:
        edit_bar = QHBoxLayout()
        edit_bar.addWidget(self.editing, 1)
        edit_bar.addWidget(self.cancel_edit)
        buttons = FlowLayout()  # wraps in a narrow window instead of cutting a button
        for widget in (self.send, self.stop, self.regenerate, self.copy, self.clear):
            buttons.addWidget(widget)
        status = QHBoxLayout()
        status.addWidget(self._busy_place)
        status.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(edit_bar)
        layout.addWidget(label)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addLayout(status)

    def begin_edit(self, index: int, text: str) -> None:
        """Put turn `index`'s message in the box and say what Send will do with it (the draft
        it replaces is kept for Cancel edit, and Ctrl+Z brings it back too)."""
        if self._editing_turn is None:  # editing another turn: the draft is the one before both
            self._draft = self.message.toPlainText()
        replace_text(self.message, text)
        self._editing_turn = index
        self._show_editing(index)
        self.editing.show()
        self.cancel_edit.show()
        self.message.setFocus()

    def _on_cancel_edit_clicked(self) -> None:
        if self._editing_turn is not None:
            replace_text(self.message, self._draft)  # one undo step: the turn's text is back
            self._draft = ""

    def end_edit(self) -> None:
        """Back to sending new turns."""
        self._editing_turn = None
        self.editing.hide()
        self.cancel_edit.hide()

    def set_busy(self, busy: bool) -> None:
        """Send and friends off while a turn streams, Stop and Esc on; the busy bar goes when done.

        The keyboard follows: from a control going grey to Stop, from Stop back to the message.
        The bar is shown by `show_busy` when the pane draws the turn's start: the paint it
        causes came before the request was written (issue 15).
        """
        going = (self.send, self.regenerate, self.clear)
        self.stop_shortcut.setEnabled(busy)
        if busy:
            # Qt sends the focus of a control disabled on to the next one, Copy answer: the
            # next Space copied instead of stopping. Stop takes it, as Cancel does elsewhere.
            swap_enabled((self.stop,), going, self.stop)
        else:
            swap_enabled(going, (self.stop,), self.message)  # the next message, not Copy answer
            self.busy.hide()

    def show_busy(self) -> None:
        """Show the busy bar of a turn already set busy."""
        self.busy.show()


class EditorPage(Retranslating, QWidget):
    """A JsonEditor with a hint, in a section titled as its label was (documents, tools); it may
    be left empty.

    `texts` gives the title, the section's title (with its Alt letter), the hint and what the
    empty editor says in the current language; it is called again on a language switch. The
    section's letter leads to the editor, as a label's did, and also reaches its Format button.
    """

    def __init__(
        self,
        texts: Callable[[], tuple[str, str, str, str]],
        name: str,
        sample: str,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._texts = texts
        title = texts()[0]
        # Flat: its title stands where the label stood, over the hint and the editor.
        self._section = Section(f"{name}Section", self, flat=True)
        self.editor = JsonEditor(parent=self._section, name=title)
        self.editor.setObjectName(name)
        self.editor.set_text(sample)
        self._note = QLabel(self._section)
        self._note.setWordWrap(True)
        box = QVBoxLayout(self._section)
        # Under its title, as under the label; the page has its margins.
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self._note)
        box.addWidget(self.editor, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self._section)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set the title and the hint in the current language."""
        title, heading, hint, empty = self._texts()
        self.editor.setAccessibleName(title)
        self.editor.set_name(title)
        self.editor.set_optional(empty)  # empty sends none: no "The JSON is empty" in red
        self._section.setTitle(heading)
        self._note.setText(hint)


class PreamblePage(Retranslating, QWidget):
    """The system message and the model name."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.model = QLineEdit(self)
        self.model.setObjectName("chatModel")
        self._model_label = QLabel(self)
        self._model_label.setBuddy(self.model)
        self.preamble = QPlainTextEdit(self)
        self.preamble.setObjectName("chatPreamble")
        self.preamble.setTabChangesFocus(True)
        self._label = QLabel(self)
        self._label.setBuddy(self.preamble)
        layout = QVBoxLayout(self)
        layout.addWidget(self._model_label)
        layout.addWidget(self.model)
        layout.addWidget(self._label)
        layout.addWidget(self.preamble, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set the static texts in the current language."""
        self.model.setAccessibleName(self.tr("Model"))
        self._model_label.setText(self.tr("M&odel:"))
        self.preamble.setAccessibleName(self.tr("Preamble / system message"))
        self._label.setText(self.tr("Pream&ble / system message:"))


class QueriesPage(Retranslating, QWidget):
    """Search queries the model generated; one can be handed to the rerank playground."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setObjectName("chatSearchQueries")
        self._label = QLabel(self)
        self._label.setBuddy(self.list)
        self.rerank = _button("chatQueryToRerank", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self._label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.rerank)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set the static texts in the current language."""
        self.list.setAccessibleName(self.tr("Generated search queries"))
        self._label.setText(self.tr("Generated search &queries:"))
        _texts(self.rerank, self.tr("Try in reran&k"), self.tr("Try query in rerank playground"))

    def set_queries(self, queries: list[str]) -> None:
        """Show these queries, the first selected."""
        self.list.clear()
        self.list.addItems(queries)
        if queries:
            self.list.setCurrentRow(0)
