"""Rerank request preview: the body a run would send, highlighted and read-only, with Copy body."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from workbench.api.errors import InputError
from workbench.ui.common.error_text import error_line
from workbench.ui.common.json_editor import JsonHighlighter
from workbench.ui.common.retranslate import Retranslating
from workbench.ui.rerank.texts import RerankTexts

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.api.models import Document


class RequestBodyBox(Retranslating, QWidget):
    """A "Request body" box and its "Copy body" button; the pane fills one and wires the other."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("rerankRequestPreview")
        self.text.setReadOnly(True)
        self._highlighter = JsonHighlighter(self.text.document(), palette=self.text.palette())
        self.copy = QPushButton(self)
        self.copy.setObjectName("rerankCopyBody")
        self._label = label = QLabel(self)
        label.setBuddy(self.text)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addStretch(1)
        row.addWidget(self.copy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.text, 1)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        """Colour the body again in a new theme's colours."""
        if event.type() == QEvent.Type.PaletteChange:
            self._highlighter.recolour(self.palette())
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set the static texts in the current language."""
        self.text.setAccessibleName(self.tr("Request body"))
        self.copy.setText(self.tr("Cop&y body"))
        self.copy.setAccessibleName(self.tr("Copy request body"))
        self._label.setText(self.tr("Request &body"))


def body_preview_text(
    docs: list[Document] | None,
    typed: str,
    body: Callable[[list[Document]], str],
    limit: int | None,
) -> str:
    """The "Request body" text: `body` of the first `limit` documents, or why there is none."""
    if docs is None and not typed.strip():
        return RerankTexts().no_documents()
    if docs is None:
        return RerankTexts().bad_documents()
    try:
        text = body(docs[:limit] if limit else docs)
    except InputError as exc:
        return "// " + error_line(exc)
    if limit and len(docs) > limit:
        text += "\n" + RerankTexts().more_documents(len(docs) - limit)
    return text
