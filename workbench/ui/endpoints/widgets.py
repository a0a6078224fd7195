"""Endpoints pane widgets: the list with its buttons, the form in its scroll area, the actions.

The base of `EndpointsPane`, as a Designer form would be: it holds no texts (the pane's
`retranslate_ui` sets them, so they stay in the pane's translation context) and no behaviour.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workbench.ui.common.a11y import StatusLabel
from workbench.ui.common.pane_error import PaneErrorLine
from workbench.ui.common.section import Section
from workbench.ui.common.table_models import EndpointListModel
from workbench.ui.endpoints.form import EndpointForm
from workbench.ui.endpoints.keyring_status import KeyringBanner

if TYPE_CHECKING:
    from workbench.ui.endpoint_session import EndpointSession


class EndpointsWidgets(QWidget):
    """The saved endpoints on the left, the selected one's form on the right."""

    def __init__(self, session: EndpointSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build_ui(session)
        self._lay_out()

    def _button(self, name: str, parent: QWidget | None = None) -> QPushButton:
        button = QPushButton(parent or self)
        button.setObjectName(name)
        return button

    def _build_ui(self, session: EndpointSession) -> None:
        self._banner = KeyringBanner(self)
        self._model = EndpointListModel(session, self)
        # The list and its buttons are a section: its letter leads to the list, as the label's
        # did, and reaches the rarer buttons (Duplicate, Import), which have no free letter each.
        self._list_section = section = Section("endpointListSection", self, flat=True)
        self._list = QListView(section)
        self._list.setObjectName("endpointList")
        self._list.setModel(self._model)
        self._add = self._button("addEndpointButton", section)
        self._duplicate = self._button("duplicateEndpointButton", section)
        self._delete = self._button("deleteEndpointButton", section)
        self._import = self._button("importEndpointsButton", section)
        self._export = self._button("exportEndpointsButton", section)
        self._form = EndpointForm(self)
        self._save = self._button("saveEndpointButton")
        self._revert = self._button("revertEndpointButton")
        self._test = self._button("testConnectionButton")
        self._result = StatusLabel(self)
        self._result.setObjectName("testResultLabel")
        self._result.setWordWrap(True)
        self._result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._error = PaneErrorLine(self)
        self._error.setObjectName("endpointsError")

    def _lay_out(self) -> None:
        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.addWidget(self._list_section, 1)
        inner = QVBoxLayout(self._list_section)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self._list, 1)
        for row in ((self._add, self._duplicate, self._delete), (self._import, self._export)):
            buttons = QHBoxLayout()
            for b in row:
                buttons.addWidget(b)
            inner.addLayout(buttons)
        self._scroll = scroll = QScrollArea(self)
        scroll.setObjectName("endpointFormScroll")
        # Not a Tab stop of its own: focusing a field inside scrolls it into view.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._form)
        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.addWidget(scroll, 1)
        actions = QHBoxLayout()
        for b in (self._save, self._revert, self._test):
            actions.addWidget(b)
        actions.addStretch(1)
        rv.addLayout(actions)
        rv.addWidget(self._result)
        rv.addWidget(self._error)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        outer = QVBoxLayout(self)
        outer.addWidget(self._banner)
        outer.addWidget(splitter, 1)
