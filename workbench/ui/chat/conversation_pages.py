"""Chat side pages for the conversation itself: the editable History and the next Request's body."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.api import flavour_traits
from workbench.api.models import DEFAULT_FLAVOUR, Flavour
from workbench.core.chat_history_io import neutral_json, parse_entries
from workbench.ui.common.a11y import StatusLabel
from workbench.ui.common.clipboard import copy_json
from workbench.ui.common.demo import UrlField
from workbench.ui.common.json_editor import JsonEditor
from workbench.ui.common.retranslate import Retranslating
from workbench.ui.common.section import Section

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from PySide6.QtGui import QShowEvent

    from workbench.api.models import ChatMessage
    from workbench.core.chat_request_preview import RequestPreview

EXPORT_FILTERS: dict[str, Flavour] = {
    f"{t.short_label} {t.history_field} (*.json)": t.flavour for t in map(flavour_traits, Flavour)
}
"""One file type per flavour, e.g. "Cohere v1 chat_history (*.json)" (API names: not translated)."""
_EMPTY = "[]"
"""What the History editor holds for an empty conversation (and while a newer one waits)."""


def _button(name: str, parent: QWidget) -> QPushButton:
    """A push button with its object name; its texts are set by the owner's retranslate_ui."""
    button = QPushButton(parent)
    button.setObjectName(name)
    return button


def _texts(button: QPushButton, text: str, accessible: str) -> None:
    button.setText(text)
    button.setAccessibleName(accessible)


def import_filter() -> str:
    """The Import… dialog's file types in the current language."""
    return QCoreApplication.translate("HistoryPage", "Conversation (*.json);;All files (*)")


def _check_history(value: Any) -> None:
    parse_entries(value, "history", strict=True)


class HistoryPage(Retranslating, QWidget):
    """The conversation the next request carries, as neutral JSON to edit, import and export.

    Edits stay in the editor until Apply; a turn that ends meanwhile does not overwrite them.
    While the page is hidden the editor is not refilled: the newest conversation waits and is
    written in when the page is shown or the editor is asked for (issue 15: refilling it with the
    whole conversation at every turn end cost ~50 ms and, as undoable edits, hundreds of MiB).
    A refill is never an undo step; the person's own edits are.
    """

    apply_requested = Signal()
    revert_requested = Signal()
    import_chosen = Signal(object)
    """Emitted with the Path of a conversation file to import."""
    export_chosen = Signal(object, object)
    """Emitted with (Path, Flavour) of the file to write and the form to write it in."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("chatHistoryPage")
        # Flat: its title stands where the label stood. Its letter leads to the editor, as the
        # label's did, and reaches the buttons and Format, which have no free letter each.
        self._section = Section("chatHistorySection", self, flat=True)
        self._editor = JsonEditor(parent=self._section, name="Conversation history")
        self._editor.setObjectName("chatHistoryJson")
        self._editor.set_checker(_check_history)
        self._pending: Sequence[ChatMessage] | Callable[[], Sequence[ChatMessage]] | None = None
        """The conversation to write in when the editor is next shown or read."""
        self._fill([])
        self._flavour = DEFAULT_FLAVOUR
        self._hint = hint = QLabel(self._section)
        hint.setWordWrap(True)
        self.apply = _button("chatHistoryApply", self._section)
        self.revert = _button("chatHistoryRevert", self._section)
        self.import_button = _button("chatHistoryImport", self._section)
        self.export_button = _button("chatHistoryExport", self._section)
        self.status = StatusLabel(self)
        self.status.setObjectName("chatHistoryStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout(hint)
        self.retranslate_ui()
        self._connect_signals()

    def retranslate_ui(self) -> None:
        """Set the static texts in the current language."""
        self._editor.setAccessibleName(self.tr("Conversation history"))
        self._editor.set_name(self.tr("Conversation history"))
        self._section.setTitle(self.tr("C&onversation history"))
        self._hint.setText(
            self.tr(
                "What the next request carries: [{role, content, tool_calls?, tool_results?, "
                "tool_plan?}]. Paste v1 chat_history or v2 / OpenAI messages too; Apply replaces "
                "the conversation."
            )
        )
        _texts(self.apply, self.tr("&Apply"), self.tr("Apply history"))
        _texts(self.revert, self.tr("&Undo edits"), self.tr("Undo history edits"))
        _texts(self.import_button, self.tr("Import…"), self.tr("Import history"))
        _texts(self.export_button, self.tr("Export…"), self.tr("Export history"))
        self.status.setAccessibleName(self.tr("History status"))

    def _layout(self, hint: QLabel) -> None:
        buttons = QHBoxLayout()
        for button in (self.apply, self.revert, self.import_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QVBoxLayout(self._section)
        # Under its title, as under the label; the page has its margins.
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(hint)
        box.addWidget(self._editor, 1)
        box.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self._section, 1)
        layout.addWidget(self.status)

    def _connect_signals(self) -> None:
        self.apply.clicked.connect(self.apply_requested)
        self.revert.clicked.connect(self.revert_requested)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)

    # --- public API ---------------------------------------------------------------------------

    @property
    def editor(self) -> JsonEditor:
        """The JSON editor, holding the newest conversation (written in now if it waited)."""
        self._fill_pending()
        return self._editor

    def is_edited(self) -> bool:
        """Whether the editor holds changes not yet applied."""
        return self._editor.text() != self._shown

    def is_pending(self) -> bool:
        """Whether a newer conversation waits to be written into the hidden editor."""
        return self._pending is not None

    def show_history(
        self,
        messages: Sequence[ChatMessage] | Callable[[], Sequence[ChatMessage]],
        *,
        force: bool = False,
    ) -> None:
        """Show the conversation (or what a callable returns, when it is needed); unapplied edits
        are kept unless `force`. While the page is hidden it waits, and the editor lets go of the
        text it held (so Clear frees it)."""
        if self.is_edited() and not force:
            self.status.setText(
                self.tr(
                    "The conversation changed; your edits are kept. Apply uses them, Undo edits "
                    "shows it."
                )
            )
            return
        if self.isVisible():
            self._pending = None
            self._fill(messages)
            return
        self._pending = messages
        if self._shown != _EMPTY:
            self._fill([])

    def messages(self) -> list[ChatMessage]:
        """The edited conversation.

        Raises:
            InputError: bad JSON (`.where` is "line L, column C") or a bad entry (`history[i]…`).
        """
        return parse_entries(self.editor.value(), "history", strict=True)

    def set_flavour(self, flavour: Flavour) -> None:
        """The form Export… offers first (the endpoint's)."""
        self._flavour = flavour

    def set_busy(self, busy: bool) -> None:
        """No Apply or Import while a turn streams: the turn would land on a replaced history."""
        for button in (self.apply, self.import_button):
            button.setEnabled(not busy)

    # --- internals ------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        """Write in the conversation that waited while the page was hidden."""
        super().showEvent(event)
        # On the next turn of the loop, not now: a page is also shown while the chat pane is
        # being torn down (its stack shows the next page), when asking it for the conversation
        # would reach a half-destroyed pane; the timer dies with this page. Reading the editor
        # fills it at once (`editor`), so nothing sees the stale text.
        QTimer.singleShot(0, self, self._fill_pending)

    def _fill_pending(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            self._fill(pending)

    def _fill(self, messages: Sequence[ChatMessage] | Callable[[], Sequence[ChatMessage]]) -> None:
        shown = messages() if callable(messages) else messages
        document = self._editor.editor.document()
        # Off while refilling: the old text is not kept as an undo step (and the stacks empty).
        document.setUndoRedoEnabled(False)
        try:
            self._editor.set_value(neutral_json(shown))
        finally:
            document.setUndoRedoEnabled(True)
        self._shown = self._editor.text()

    def _on_import_button_clicked(self) -> None:
        title = self.tr("Import conversation")
        path, _ = QFileDialog.getOpenFileName(self, title, "", import_filter())
        if path:
            self.import_chosen.emit(Path(path))

    def _on_export_button_clicked(self) -> None:
        first = next(k for k, v in EXPORT_FILTERS.items() if v is self._flavour)
        title, filters = self.tr("Export conversation"), ";;".join(EXPORT_FILTERS)
        path, chosen = QFileDialog.getSaveFileName(self, title, "conversation.json", filters, first)
        if path:
            self.export_chosen.emit(Path(path), EXPORT_FILTERS.get(chosen, self._flavour))


class RequestPage(Retranslating, QWidget):
    """The exact body and URL the next Send would post, with a Copy button."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("chatRequestPage")
        self.url = UrlField(self)  # masked in demo mode
        self.url.setObjectName("chatRequestUrl")
        self._url_label = url_label = QLabel(self)
        url_label.setBuddy(self.url)
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("chatRequestBody")
        self.body.setReadOnly(True)
        self.body.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self._body_label = body_label = QLabel(self)
        body_label.setBuddy(self.body)
        body_label.setWordWrap(True)  # a long translation must not widen the side column
        self.copy = _button("chatRequestCopy", self)
        self.problem = StatusLabel(self)
        self.problem.setObjectName("chatRequestProblem")
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(url_label)
        layout.addWidget(self.url)
        layout.addWidget(body_label)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.copy, 0, Qt.AlignmentFlag.AlignLeft)
        self.retranslate_ui()
        self.copy.clicked.connect(self._on_copy_clicked)

    def retranslate_ui(self) -> None:
        """Set the static texts in the current language."""
        self.url.setAccessibleName(self.tr("Request URL"))
        self._url_label.setText(self.tr("&URL:"))
        self.body.setAccessibleName(self.tr("Request body"))
        self._body_label.setText(self.tr("Request &body (the message box is the new message):"))
        _texts(self.copy, self.tr("C&opy body"), self.tr("Copy request body"))
        self.problem.setAccessibleName(self.tr("Request problem"))

    def show_preview(self, preview: RequestPreview) -> None:
        """Show what Send would post."""
        self.url.setText(preview.url)
        text = preview.body_text()
        if text != self.body.toPlainText():  # keeps the scroll position when nothing changed
            self.body.setPlainText(text)
        self.problem.setText("")
        self.copy.setEnabled(True)

    def show_problem(self, url: str, message: str) -> None:
        """Say why Send would be refused now (the last good body is greyed out, not lost)."""
        self.url.setText(url)
        self.problem.setText(self.tr("Send would be refused: %1").replace("%1", message))
        self.copy.setEnabled(False)

    def _on_copy_clicked(self) -> None:
        copy_json(self.body.toPlainText())
