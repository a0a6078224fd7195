"""Rerank request preview: the body a run would send, highlighted and read-only, with Copy body."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
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
from workbench.ui.common.error_text import error_line
from workbench.ui.common.json_editor import JsonHighlighter
from workbench.ui.common.remembered import is_collapsed, set_collapsed
from workbench.ui.common.retranslate import Retranslating
from workbench.ui.rerank.texts import RerankTexts

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.api.models import Document
    from workbench.core.settings import SettingsStore


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
