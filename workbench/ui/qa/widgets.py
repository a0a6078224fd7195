"""QA pane widgets: every control built, named, given its buddy label, and laid out.

The base of `QaPane`, as a Designer form would be: it holds no texts (the pane's
`retranslate_ui` sets them, so they stay in the pane's translation context) and no behaviour.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workbench.core.qa.catalogue import GROUPS
from workbench.ui.common.a11y import StatusLabel
from workbench.ui.common.keys import run_keys
from workbench.ui.common.pane_error import PaneErrorLine
from workbench.ui.qa.results import QaResultsTree


class QaWidgets(QWidget):
    """Endpoint, checks and request count on top; the live list of checks, the evidence of the
    selected one and the latency chart below; Run, Cancel and the save buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("qaPane")
        self._build_ui()
        self._lay_out()

    def _named(self, widget: Any, name: str) -> Any:
        widget.setObjectName(name)
        return widget

    def _build_ui(self) -> None:
        self.endpoint = self._named(QComboBox(self), "qaEndpoint")
        self.endpoint_label = self._named(QLabel(self), "qaEndpointLabel")
        self.endpoint_label.setBuddy(self.endpoint)
        self.groups: dict[str, QCheckBox] = {}
        for group in GROUPS:
            box = self._named(QCheckBox(self), f"qaGroup{group.capitalize()}")
            box.setChecked(True)
            self.groups[group] = box
        self.requests = self._named(QSpinBox(self), "qaRequests")
        self.requests.setRange(1, 200)
        self.requests.setValue(10)
        self.requests_label = self._named(QLabel(self), "qaRequestsLabel")
        self.requests_label.setBuddy(self.requests)
        self.run_button = self._named(QPushButton(self), "qaRun")
        # Ctrl+Return runs the pane showing, as in Rerank and Chat (a shortcut of this pane only).
        self._run_shortcut = run_keys(self)
        self.cancel_button = self._named(QPushButton(self), "qaCancel")
        self.progress = self._named(QProgressBar(self), "qaProgress")
        self.results = self._named(QaResultsTree(self), "qaResults")
        self.results_label = self._named(QLabel(self), "qaResultsLabel")
        self.results_label.setBuddy(self.results)
        self.details = self._named(QPlainTextEdit(self), "qaDetails")
        self.details.setReadOnly(True)
        self.details_label = self._named(QLabel(self), "qaDetailsLabel")
        self.details_label.setBuddy(self.details)
        self.open_run = self._named(QPushButton(self), "qaOpenRun")
        self.chart = self._named(QSvgWidget(self), "qaChart")
        self.chart.setMinimumHeight(200)
        self.chart.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable, so it can be announced
        self.mask_hosts = self._named(QCheckBox(self), "qaMaskHosts")
        self.save_report_button = self._named(QPushButton(self), "qaSaveReport")
        self.save_junit_button = self._named(QPushButton(self), "qaSaveJunit")
        self.status = self._named(StatusLabel(self), "qaStatus")
        self.error = self._named(PaneErrorLine(self), "qaError")
        self.status.setWordWrap(True)

    def _lay_out(self) -> None:
        form, split = self._form(), self._split()
        saves = QHBoxLayout()
        saves.addWidget(self.mask_hosts)
        saves.addStretch(1)
        saves.addWidget(self.save_report_button)
        saves.addWidget(self.save_junit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(split, 1)
        layout.addLayout(saves)
        layout.addWidget(self.error)
        layout.addWidget(self.status)

    def _form(self) -> QGridLayout:
        """The endpoint, the groups of checks, and the request count beside Run."""
        form = QGridLayout()
        form.addWidget(self.endpoint_label, 0, 0)
        form.addWidget(self.endpoint, 0, 1, 1, 3)
        groups = QHBoxLayout()
        for group_box in self.groups.values():
            groups.addWidget(group_box)
        groups.addStretch(1)
        form.addLayout(groups, 1, 0, 1, 4)
        form.addWidget(self.requests_label, 2, 0)
        run_row = QHBoxLayout()  # a count's width, not the window's; progress beside Run
        self.requests.setMaximumWidth(self.fontMetrics().horizontalAdvance("0000") * 3)
        run_row.addWidget(self.requests)
        run_row.addWidget(self.run_button)
        run_row.addWidget(self.cancel_button)
        run_row.addWidget(self.progress, 1)
        run_row.addStretch(0)
        form.addLayout(run_row, 2, 1, 1, 3)
        form.setColumnStretch(1, 1)
        return form

    def _split(self) -> QSplitter:
        """The checks beside their evidence, the run link and the chart."""
        left = QWidget(self)
        box = QVBoxLayout(left)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.results_label)
        box.addWidget(self.results, 1)
        right = QWidget(self)
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.details_label)
        side.addWidget(self.details, 1)
        side.addWidget(self.open_run)
        side.addWidget(self.chart)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setObjectName("qaSplitter")
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        return split
