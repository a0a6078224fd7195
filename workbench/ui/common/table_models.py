"""Item models shared by the views: the endpoint list, and a base for fixed-column tables."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from workbench.core.endpoints import FLAVOUR_LABELS
from workbench.ui.common.demo import shown_url

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from workbench.core.endpoints import EndpointConfig
    from workbench.ui.endpoint_session import EndpointSession

ENDPOINT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""Role holding the endpoint id of a row."""

AnyIndex = QModelIndex | QPersistentModelIndex
"""Either kind of index Qt hands to a model's methods."""


class EndpointListModel(QAbstractListModel):
    """The saved endpoints: name shown, flavour and URL as tooltip, id under ENDPOINT_ID_ROLE."""

    def __init__(self, session: EndpointSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._items: list[EndpointConfig] = session.endpoints()
        session.endpoints_changed.connect(self._on_session_endpoints_changed)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008  Qt's signature
        """Number of endpoints (a flat list)."""
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Name, tooltip, accessible text or id for a row."""
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        endpoint = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return endpoint.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{FLAVOUR_LABELS[endpoint.flavour]} · {shown_url(endpoint.base_url)}"
        if role == ENDPOINT_ID_ROLE:
            return endpoint.id
        return None

    def row_of(self, endpoint_id: str | None) -> int:
        """The row of this endpoint id, or -1."""
        return next((i for i, e in enumerate(self._items) if e.id == endpoint_id), -1)

    def endpoint_at(self, row: int) -> EndpointConfig | None:
        """The endpoint shown in this row, or None."""
        return self._items[row] if 0 <= row < len(self._items) else None

    def _on_session_endpoints_changed(self) -> None:
        self.beginResetModel()
        self._items = self._session.endpoints()
        self.endResetModel()


class HeaderedTableModel(QAbstractTableModel):
    """A flat table whose columns are fixed: subclasses name them in HEADERS."""

    HEADERS: ClassVar[list[str]] = []

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008  Qt's signature
        """Number of columns (a flat table)."""
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """The column's name from HEADERS."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section]
        return None
