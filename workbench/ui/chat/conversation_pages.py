"""Chat side pages for the conversation itself: the editable History and the next Request's body."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.api.models import Flavour
from workbench.core.chat_history_io import neutral_json, parse_entries
from workbench.ui.common.a11y import StatusLabel
from workbench.ui.common.json_editor import JsonEditor

if TYPE_CHECKING:
    from collections.abc import Sequence

    from workbench.api.models import ChatMessage
    from workbench.core.chat_request_preview import RequestPreview

EXPORT_FILTERS: dict[str, Flavour] = {
    "Cohere v1 chat_history (*.json)": Flavour.COHERE_V1,
    "Cohere v2 messages (*.json)": Flavour.COHERE_V2,
    "OpenAI messages (*.json)": Flavour.OPENAI,
}
IMPORT_FILTER = "Conversation (*.json);;All files (*)"


def _button(text: str, name: str, accessible: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    return button


def _check_history(value: Any) -> None:
    parse_entries(value, "history", strict=True)


class HistoryPage(QWidget):
    """The conversation the next request carries, as neutral JSON to edit, import and export.

    Edits stay in the editor until Apply; a turn that ends meanwhile does not overwrite them.
    """

    apply_requested = Signal()
    revert_requested = Signal()
    import_chosen = Signal(object)
    """Emitted with the Path of a conversation file to import."""
    export_chosen = Signal(object, object)
    """Emitted with (Path, Flavour) of the file to write and the form to write it in."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("chat_history_page")
        self.editor = JsonEditor(parent=self, name="Conversation history")
        self.editor.setObjectName("chat_history_json")
        self.editor.setAccessibleName("Conversation history")
        self.editor.set_checker(_check_history)
        self.editor.set_text("[]")
        self._shown = self.editor.text()
        self._flavour = Flavour.COHERE_V2
        label = QLabel("Co&nversation history:", self)
        label.setBuddy(self.editor.editor)
        hint = QLabel(
            "What the next request carries: [{role, content, tool_calls?, tool_results?, "
            "tool_plan?}]. Paste v1 chat_history or v2 / OpenAI messages too; Apply replaces "
            "the conversation.",
            self,
        )
        hint.setWordWrap(True)
        self.apply = _button("&Apply", "chat_history_apply", "Apply history", self)
        self.revert = _button("&Undo edits", "chat_history_revert", "Undo history edits", self)
        self.import_button = _button("&Import…", "chat_history_import", "Import history", self)
        self.export_button = _button("E&xport…", "chat_history_export", "Export history", self)
        self.status = StatusLabel(self)
        self.status.setObjectName("chat_history_status")
        self.status.setAccessibleName("History status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout(label, hint)
        self._connect_signals()

    def _layout(self, label: QLabel, hint: QLabel) -> None:
        buttons = QHBoxLayout()
        for button in (self.apply, self.revert, self.import_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(hint)
        layout.addWidget(self.editor, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

    def _connect_signals(self) -> None:
        self.apply.clicked.connect(self.apply_requested)
        self.revert.clicked.connect(self.revert_requested)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.export_button.clicked.connect(self._on_export_button_clicked)

    # --- public API ---------------------------------------------------------------------------

    def is_edited(self) -> bool:
        """Whether the editor holds changes not yet applied."""
        return self.editor.text() != self._shown

    def show_history(self, messages: Sequence[ChatMessage], *, force: bool = False) -> None:
        """Show the conversation; unapplied edits are kept unless `force`."""
        if self.is_edited() and not force:
            self.status.setText(
                "The conversation changed; your edits are kept. Apply uses them, Undo edits shows it."
            )
            return
        self.editor.set_value(neutral_json(messages))
        self._shown = self.editor.text()

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

    def _on_import_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import conversation", "", IMPORT_FILTER)
        if path:
            self.import_chosen.emit(Path(path))

    def _on_export_button_clicked(self) -> None:
        first = next(k for k, v in EXPORT_FILTERS.items() if v is self._flavour)
        path, chosen = QFileDialog.getSaveFileName(
            self, "Export conversation", "conversation.json", ";;".join(EXPORT_FILTERS), first
        )
        if path:
            self.export_chosen.emit(Path(path), EXPORT_FILTERS.get(chosen, self._flavour))


class RequestPage(QWidget):
    """The exact body and URL the next Send would post, with a Copy button."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("chat_request_page")
        self.url = QLineEdit(self)
        self.url.setObjectName("chat_request_url")
        self.url.setAccessibleName("Request URL")
        self.url.setReadOnly(True)
        url_label = QLabel("&URL:", self)
        url_label.setBuddy(self.url)
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("chat_request_body")
        self.body.setAccessibleName("Request body")
        self.body.setReadOnly(True)
        self.body.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        body_label = QLabel("Request &body (the message box is the new message):", self)
        body_label.setBuddy(self.body)
        self.copy = _button("Cop&y body", "chat_request_copy", "Copy request body", self)
        self.problem = StatusLabel(self)
        self.problem.setObjectName("chat_request_problem")
        self.problem.setAccessibleName("Request problem")
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(url_label)
        layout.addWidget(self.url)
        layout.addWidget(body_label)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.copy, 0, Qt.AlignmentFlag.AlignLeft)
        self.copy.clicked.connect(self._on_copy_clicked)

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
        self.problem.setText(f"Send would be refused: {message}")
        self.copy.setEnabled(False)

    def _on_copy_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.body.toPlainText())
