"""Chat controls: the composer (message, Send/Stop/Regenerate/Copy, busy, status) and side editors."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.ui.common.a11y import StatusLabel
from workbench.ui.common.json_editor import JsonEditor

DOCUMENTS_SAMPLE = """[
  {"id": "menu", "title": "Café Zürich", "text": "Le café coûte €3 😀 et le thé €2."}
]"""
TOOLS_SAMPLE = """[
  {
    "name": "get_weather",
    "description": "Current weather for a city",
    "parameter_definitions": {"city": {"type": "str", "description": "City name", "required": true}}
  }
]"""


def _button(text: str, name: str, accessible: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(accessible)
    return button


class Composer(QWidget):
    """Message box and the turn buttons; Ctrl+Return sends, Esc stops."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatComposer")
        self.editing = StatusLabel(self)
        self.editing.setObjectName("chatEditing")
        self.editing.setAccessibleName("Editing notice")
        self.editing.hide()
        self.cancel_edit = _button("Cancel e&dit", "chatCancelEdit", "Cancel edit", self)
        self.cancel_edit.hide()
        label = QLabel("&Message:", self)
        self.message = QPlainTextEdit(self)
        self.message.setObjectName("chatMessage")
        self.message.setAccessibleName("Message")
        self.message.setPlaceholderText("Type a message; Ctrl+Return sends, Esc stops.")
        self.message.setTabChangesFocus(True)
        self.message.setMaximumHeight(110)
        label.setBuddy(self.message)
        self.send = _button("&Send", "chatSend", "Send", self)
        self.send.setToolTip("Send (Ctrl+Return)")
        self.stop = _button("S&top", "chatStop", "Stop", self)
        self.stop.setToolTip("Stop the answer and keep what arrived (Esc)")
        self.stop.setEnabled(False)
        self.regenerate = _button("Re&generate", "chatRegenerate", "Regenerate", self)
        self.copy = _button("&Copy answer", "chatCopy", "Copy last answer", self)
        self.clear = _button("C&lear", "chatClear", "Clear conversation", self)
        self.busy = QProgressBar(self)
        self.busy.setObjectName("chatBusy")
        self.busy.setAccessibleName("Answer in progress")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.hide()
        self.status = StatusLabel(self)
        self.status.setObjectName("chatStatus")
        self.status.setAccessibleName("Chat status")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.setWordWrap(True)
        self.send_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        self.send_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.stop_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.stop_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._layout(label)

    def _layout(self, label: QLabel) -> None:
        edit_bar = QHBoxLayout()
        edit_bar.addWidget(self.editing, 1)
        edit_bar.addWidget(self.cancel_edit)
        buttons = QHBoxLayout()
        for widget in (self.send, self.stop, self.regenerate, self.copy, self.clear, self.busy):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(edit_bar)
        layout.addWidget(label)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

    def begin_edit(self, index: int, text: str) -> None:
        """Put turn `index`'s message in the box and say what Send will do with it."""
        self.message.setPlainText(text)
        self.editing.setText(
            f"Editing turn {index + 1}: Send replaces it and drops the turns after it."
        )
        self.editing.show()
        self.cancel_edit.show()
        self.message.setFocus()

    def end_edit(self) -> None:
        """Back to sending new turns."""
        self.editing.hide()
        self.cancel_edit.hide()

    def set_busy(self, busy: bool) -> None:
        """Send and friends off while a turn streams; Stop on."""
        for widget in (self.send, self.regenerate, self.clear):
            widget.setEnabled(not busy)
        self.stop.setEnabled(busy)
        self.busy.setVisible(busy)


class EditorPage(QWidget):
    """A JsonEditor with a buddy label and a hint (documents, tools)."""

    def __init__(self, title: str, name: str, hint: str, sample: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.editor = JsonEditor(parent=self, name=title)
        self.editor.setObjectName(name)
        self.editor.setAccessibleName(title)
        self.editor.set_text(sample)
        label = QLabel(f"{title}:", self)
        label.setBuddy(self.editor.editor)
        note = QLabel(hint, self)
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(note)
        layout.addWidget(self.editor, 1)


class PreamblePage(QWidget):
    """The system message and the model name."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.model = QLineEdit(self)
        self.model.setObjectName("chatModel")
        self.model.setAccessibleName("Model")
        model_label = QLabel("M&odel:", self)
        model_label.setBuddy(self.model)
        self.preamble = QPlainTextEdit(self)
        self.preamble.setObjectName("chatPreamble")
        self.preamble.setAccessibleName("Preamble / system message")
        self.preamble.setTabChangesFocus(True)
        label = QLabel("&Preamble / system message:", self)
        label.setBuddy(self.preamble)
        layout = QVBoxLayout(self)
        layout.addWidget(model_label)
        layout.addWidget(self.model)
        layout.addWidget(label)
        layout.addWidget(self.preamble, 1)


class QueriesPage(QWidget):
    """Search queries the model generated; one can be handed to the rerank playground."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.list = QListWidget(self)
        self.list.setObjectName("chatSearchQueries")
        self.list.setAccessibleName("Generated search queries")
        label = QLabel("Generated search &queries:", self)
        label.setBuddy(self.list)
        self.rerank = _button(
            "Try in reran&k", "chatQueryToRerank", "Try query in rerank playground", self
        )
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.rerank)

    def set_queries(self, queries: list[str]) -> None:
        """Show these queries, the first selected."""
        self.list.clear()
        self.list.addItems(queries)
        if queries:
            self.list.setCurrentRow(0)
