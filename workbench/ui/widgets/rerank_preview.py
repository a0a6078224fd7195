"""Rerank request preview: the body a run would send, highlighted and read-only, with Copy body."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from workbench.ui.widgets.json_editor import JsonHighlighter


class RequestPreview(QWidget):
    """A "Request body" box and its "Copy body" button; the pane fills one and wires the other."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("rerankRequestPreview")
        self.text.setAccessibleName("Request body")
        self.text.setReadOnly(True)
        self._highlighter = JsonHighlighter(self.text.document())
        self.copy = QPushButton("Cop&y body", self)
        self.copy.setObjectName("rerankCopyBody")
        self.copy.setAccessibleName("Copy request body")
        label = QLabel("Request &body", self)
        label.setBuddy(self.text)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addStretch(1)
        row.addWidget(self.copy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.text, 1)
