"""QA pane endpoint box: the saved endpoints, and the one a run checks kept in it till the run ends.

An endpoint removed mid-run stays in the box, marked "(removed)" in the GUI's language: another
name in the box would look like the endpoint checked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.ui.qa.texts import removed_name

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox

    from workbench.core.endpoints import EndpointConfig
    from workbench.ui.endpoint_session import EndpointSession


class EndpointBox:
    """Fills the endpoint box from the session and keeps the endpoint checked in it."""

    def __init__(self, *, combo: QComboBox, session: EndpointSession) -> None:
        self._combo = combo
        self._session = session
        self.checking: EndpointConfig | None = None
        """The endpoint the run going on checks (None between runs)."""

    def chosen(self) -> EndpointConfig | None:
        """The endpoint chosen in the box, if it is still saved."""
        return self._session.endpoint(self._combo.currentData())

    def select(self, endpoint_id: str) -> None:
        """Choose this endpoint, when the box has it."""
        index = self._combo.findData(endpoint_id)
        if index >= 0:
            self._combo.setCurrentIndex(index)

    def removed(self, endpoint: EndpointConfig) -> bool:
        """Whether `endpoint` is no longer saved."""
        return self._session.endpoint(endpoint.id) is None

    def fill(self) -> None:
        """List the saved endpoints (and the one checked, if removed), keeping the choice."""
        combo = self._combo
        chosen = combo.currentData()
        combo.clear()
        for endpoint in self._session.endpoints():
            combo.addItem(endpoint.name, endpoint.id)
        checking = self.checking
        if checking is not None and combo.findData(checking.id) < 0:
            # removed mid-run: another name in the box would look like the endpoint checked
            combo.addItem(removed_name(checking.name), checking.id)
        if chosen is not None:
            self.select(chosen)

    def name_removed(self) -> None:
        """Mark the endpoint checked, kept in the box though removed, in the current language."""
        checking = self.checking
        if checking is None or not self.removed(checking):
            return
        row = self._combo.findData(checking.id)
        if row >= 0:
            self._combo.setItemText(row, removed_name(checking.name))
