"""Documents as table rows: one column per key (strings live in `text`), editable in place."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal

from workbench.core.rerank_docs import key_inventory

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtCore import QObject

    from workbench.api.models import Document
    from workbench.ui.common.table_models import AnyIndex


class DocumentsTableModel(QAbstractTableModel):
    """Edits a document list as rows. A string document is a row with only `text` filled.

    Editing another column of a string document turns it into an object (`text` plus that key);
    clearing every other cell of an object whose only key left is `text` keeps it an object, so
    the shape never changes behind the person's back beyond what they typed.
    """

    documents_edited = Signal()
    """The person changed a cell, or added or removed a row or column."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._docs: list[Document] = []
        self._columns: list[str] = ["text"]

    # --- content ----------------------------------------------------------------------------

    def set_documents(self, documents: Sequence[Document]) -> None:
        """Show a new list (no `documents_edited`: this is not an edit)."""
        self.beginResetModel()
        self._docs = list(documents)
        self._columns = [k.key for k in key_inventory(self._docs)] or ["text"]
        self.endResetModel()

    def documents(self) -> list[Document]:
        """The documents as edited."""
        return list(self._docs)

    def columns(self) -> list[str]:
        """The column keys in order."""
        return list(self._columns)

    def add_column(self, key: str) -> bool:
        """Add an empty column; False when the key is blank or already there."""
        key = key.strip()
        if not key or key in self._columns:
            return False
        at = len(self._columns)
        self.beginInsertColumns(QModelIndex(), at, at)
        self._columns.append(key)
        self.endInsertColumns()
        return True

    def insert_document(self, row: int, document: Document = "") -> None:
        """Insert a document at `row`."""
        row = max(0, min(row, len(self._docs)))
        self.beginInsertRows(QModelIndex(), row, row)
        self._docs.insert(row, document)
        self.endInsertRows()
        self.documents_edited.emit()

    def remove_documents(self, rows: Sequence[int]) -> None:
        """Remove the documents on `rows`."""
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self._docs):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._docs[row]
                self.endRemoveRows()
        self.documents_edited.emit()

    # --- Qt model -----------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._docs)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section]
        return str(section)  # the index the server will report

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        value = self._cell(index.row(), index.column())
        if value is None:
            return ""
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        if role == Qt.ItemDataRole.DisplayRole and len(text) > 300:
            return text[:300] + "…"  # long cells would slow painting; the editor gets it all
        return text

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row, key = index.row(), self._columns[index.column()]
        text = str(value)
        doc = self._docs[row]
        if isinstance(doc, str):
            if key == "text":
                new: Document = text
            elif not text:
                return False
            else:
                new = {"text": doc, key: text}
        else:
            if not text and key not in doc:
                return False
            new = {**doc, key: text}
        if new == doc:
            return False
        self._docs[row] = new
        self.dataChanged.emit(index, index)
        self.documents_edited.emit()
        return True

    def _cell(self, row: int, column: int) -> Any:
        doc = self._docs[row]
        key = self._columns[column]
        if isinstance(doc, str):
            return doc if key == "text" else None
        return doc.get(key)
