"""Rerank request preview: the body a run would send, highlighted and read-only, kept up to date
after a pause in typing, with Copy body."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.api.errors import InputError
from workbench.ui.common.clipboard import copy_json
from workbench.ui.common.error_text import error_line
from workbench.ui.common.json_editor import JsonHighlighter
from workbench.ui.common.remembered import is_collapsed, set_collapsed
from workbench.ui.common.retranslate import Retranslating
from workbench.ui.rerank.texts import RerankTexts

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.api.models import Document
    from workbench.core.settings import SettingsStore
    from workbench.ui.rerank.editor import DocumentsEditor

PREVIEW_DOCS = 50
"""The live body preview lists this many documents; "Copy body" copies them all."""
PAUSE_MS = 300
"""How long typing pauses before the body is drawn again."""


class RequestBodyBox(Retranslating, QWidget):
    """A "Request body" box and its "Copy body" button; the pane fills one and wires the other."""

    def __init__(self, *, store: SettingsStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rerankRequestBody")
        self._store = store
        # Made in the order Tab visits them: the fold, Copy body beside it, then the body below.
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("rerankRequestBodyToggle")
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.copy = QPushButton(self)
        self.copy.setObjectName("rerankCopyBody")
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("rerankRequestPreview")
        self.text.setReadOnly(True)
        self._highlighter = JsonHighlighter(self.text.document(), palette=self.text.palette())
        self._label = label = QLabel(self)
        label.setBuddy(self.text)
        row = QHBoxLayout()
        row.addWidget(self.toggle)
        row.addWidget(label)
        row.addStretch(1)
        row.addWidget(self.copy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.text, 1)
        self.toggle.toggled.connect(self._on_toggle_toggled)
        self.toggle.setChecked(not is_collapsed(store, self.objectName()))
        self._on_toggle_toggled(self.toggle.isChecked())
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        """Colour the body again in a new theme's colours."""
        if event.type() == QEvent.Type.PaletteChange:
            self._highlighter.recolour(self.palette())
        super().changeEvent(event)

    def is_open(self) -> bool:
        """Whether the body shows (folded, only its title row and Copy body remain)."""
        return self.toggle.isChecked()

    def _on_toggle_toggled(self, shown: bool) -> None:
        self.text.setVisible(shown)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        # Folded, the box keeps its title row only, and the column's spare height goes above it.
        policy = QSizePolicy.Policy.Preferred if shown else QSizePolicy.Policy.Maximum
        self.setSizePolicy(QSizePolicy.Policy.Preferred, policy)
        set_collapsed(self._store, self.objectName(), not shown)

    def retranslate_ui(self) -> None:
        """Set the static texts in the current language."""
        self.text.setAccessibleName(self.tr("Request body"))
        self.copy.setText(self.tr("Cop&y body"))
        self.copy.setAccessibleName(self.tr("Copy request body"))
        self._label.setText(self.tr("Request &body"))
        self.toggle.setAccessibleName(self.tr("Show request body"))
        self.toggle.setToolTip(self.tr("Show or hide the request body"))


def body_preview_text(
    docs: list[Document] | None,
    blank: bool,
    body: Callable[[list[Document]], str],
    limit: int | None,
    *,
    problem: str = "",
) -> str:
    """The "Request body" text: `body` of the first `limit` documents, or why there is none
    (`blank`: nothing is typed in the documents editor; `problem`: the editor's message)."""
    if docs is None and blank:
        return RerankTexts().no_documents()
    if docs is None:
        return RerankTexts().bad_documents(problem)
    try:
        text = body(docs[:limit] if limit else docs)
    except InputError as exc:
        return "// " + error_line(exc)
    if limit and len(docs) > limit:
        text += "\n" + RerankTexts().more_documents(len(docs) - limit)
    return text


class BodyPreview(QObject):
    """Draws the body of the editor's documents in the "Request body" box: after a pause in
    typing (`schedule`), or at once (`refresh`); `copy` copies the body of them all."""

    def __init__(
        self,
        *,
        editor: DocumentsEditor,
        box: QPlainTextEdit,
        body: Callable[[list[Document]], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._editor = editor
        self._box = box
        self._body = body
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self.refresh)

    def schedule(self) -> None:
        """Draw the body again once typing pauses."""
        self._timer.start()

    def refresh(self) -> None:
        """Draw the body now (a programmatic change or a run shows it at once)."""
        self._timer.stop()
        text = self.text(PREVIEW_DOCS)
        if text != self._box.toPlainText():  # a run with nothing changed colours nothing again
            self._box.setPlainText(text)

    def text(self, limit: int | None) -> str:
        """The body of the first `limit` documents (all when None), or why there is none."""
        editor = self._editor
        blank = editor.json.is_blank()
        docs = editor.last_documents()
        problem = editor.json.message()
        return body_preview_text(docs, blank, self._body, limit, problem=problem)

    def copy(self) -> None:
        """Copy the body of every document (the box lists only the first `PREVIEW_DOCS`)."""
        copy_json(self.text(None))
