"""Rerank pane widgets: every control built, named, given its buddy label and laid out, the
inputs above the results in a splitter fitted to them.

The base of `RerankPane`, as a Designer form would be: it holds no texts (the pane's
`retranslate_ui` sets them, so they stay in the pane's translation context) and no behaviour.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from workbench.ui.common.a11y import StatusLabel
from workbench.ui.common.endpoint_picker import EndpointPicker
from workbench.ui.common.keys import escape_key, run_keys
from workbench.ui.common.pane_error import PaneErrorLine, StaleBar
from workbench.ui.common.remembered import FittedSplitter, RememberedSplitter, scrolling
from workbench.ui.common.section import Section
from workbench.ui.rerank.body_preview import RequestBodyBox
from workbench.ui.rerank.editor import DocumentsEditor
from workbench.ui.rerank.form import RerankForm
from workbench.ui.rerank.to_chat import ToChatBar
from workbench.ui.rerank.view import RerankResultsView

if TYPE_CHECKING:
    from workbench.core.settings import SettingsStore
    from workbench.ui.services import Services

RESULTS_SHARE = 0.25
"""The least share of the pane's height the results get at first (a few rows and the hint)."""


class RerankWidgets(QWidget):
    """The endpoint on top; query and documents beside the options; results, error and Run below."""

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rerankPane")
        self._build_ui(services)

    def _build_ui(self, services: Services) -> None:
        left, right, output = self._containers(services.settings)
        self.endpoint_picker = EndpointPicker(session=services.session, pane="rerank", parent=self)
        self.query = QPlainTextEdit(self)
        self.query.setObjectName("rerankQuery")
        self.query.setTabChangesFocus(True)
        self.query.setMaximumHeight(self.fontMetrics().height() * 4)
        self.query_tokens = QLabel(self)
        self.query_tokens.setObjectName("rerankQueryTokens")
        # The documents and their tools are a section: more controls than free Alt letters.
        # Flat: a title over the editor, as its label was, and no frame.
        self._docs_section = Section("rerankDocumentsSection", left, flat=True)
        # Each made where it stays (see _containers).
        self.editor = DocumentsEditor(parent=self._docs_section)
        self.form = RerankForm(parent=right)
        # Under the form's other options (before Compare with, as Tab goes).
        self.split = QCheckBox(self.form.more)
        self.split.setObjectName("rerankSplitBatches")
        self.split.setVisible(False)
        self.form.add_option(self.split)
        self.compare_with = QComboBox(self)
        self.compare_with.setObjectName("rerankCompareWith")
        self.request_body = RequestBodyBox(store=services.settings, parent=right)
        self.preview, self.copy_body = self.request_body.text, self.request_body.copy
        # The results sit above the Run row: made first, Tab reaches them first (issue 19).
        self.results = RerankResultsView(parent=output)
        self.run_button = QPushButton(self)
        self.run_button.setObjectName("rerankRun")
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("rerankCancel")
        self.busy = QProgressBar(self)
        self.busy.setObjectName("rerankBusy")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.status = StatusLabel(self)
        self.status.setObjectName("rerankStatus")
        self.error = PaneErrorLine(self)
        self.error.setObjectName("rerankError")
        self.stale = StaleBar(self.results, output)
        self.stale.setObjectName("rerankStale")
        self.to_chat = ToChatBar(parent=self)
        self._layout(left, right, output)
        self._build_shortcuts()

    def _build_shortcuts(self) -> None:
        self._run_shortcut = run_keys(self)
        self._cancel_shortcut = escape_key(self)

    def _containers(self, store: SettingsStore) -> tuple[QWidget, QWidget, QWidget]:
        """The splitters, scroll areas and columns, made before what goes in them.

        Under the style sheet, moving a built subtree to another parent repolishes all of it:
        the pane built its columns, then moved them into scroll areas, those into a splitter,
        that into another, half its construction before the first paint (issue 15). The big
        parts are now made in their column, the rest placed once. None of these takes the
        focus, so Tab still visits the widgets in the order they are made.
        """
        self._vertical = vertical = FittedSplitter(self)
        vertical.setObjectName("rerankSplitter")
        top = QSplitter(Qt.Orientation.Horizontal, vertical)
        top.setObjectName("rerankInputSplitter")
        left, right = QWidget(top), QWidget(top)
        self._input_scroll = scrolling(left, "rerankInputScroll")  # scrolls, rather than cut
        top.addWidget(self._input_scroll)
        top.addWidget(scrolling(right, "rerankOptionsScroll"))
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        output = QWidget(vertical)
        vertical.addWidget(top)
        vertical.addWidget(output)
        vertical.setChildrenCollapsible(False)
        top.setChildrenCollapsible(False)
        RememberedSplitter(top, store)  # a child of the splitter: lives as long
        if not RememberedSplitter(vertical, store).restored:
            # No sizes remembered: the inputs get the height they ask for, the results what is
            # left (at least `RESULTS_SHARE`), until the person drags the handle.
            vertical.fit_first_part_to(self._input_scroll, keep=RESULTS_SHARE)
        return left, right, output

    def _layout(self, left: QWidget, right: QWidget, output: QWidget) -> None:
        self._fill_columns(left, right)
        output_box = QVBoxLayout(output)
        output_box.setContentsMargins(0, 0, 0, 0)
        output_box.addWidget(self.stale)
        output_box.addWidget(self.results, 1)
        run_row = QHBoxLayout()
        run_row.addWidget(self.run_button)
        run_row.addWidget(self.cancel_button)
        run_row.addWidget(self.busy)
        run_row.addWidget(self.status, 1)
        run_row.addWidget(self.to_chat)
        outer = QVBoxLayout(self)
        outer.addWidget(self.endpoint_picker)
        outer.addWidget(self._vertical, 1)
        outer.addWidget(self.error)
        outer.addLayout(run_row)

    def _fill_columns(self, left: QWidget, right: QWidget) -> None:
        self._query_label = query_label = QLabel(left)
        query_label.setBuddy(self.query)
        self._compare_label = compare_label = QLabel(right)
        compare_label.setBuddy(self.compare_with)
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        query_row = QHBoxLayout()
        query_row.addWidget(query_label)
        query_row.addStretch(1)
        query_row.addWidget(self.query_tokens)
        left_box.addLayout(query_row)
        left_box.addWidget(self.query)
        docs_box = QVBoxLayout(self._docs_section)
        docs_box.setContentsMargins(0, 0, 0, 0)
        docs_box.addWidget(self.editor)
        left_box.addWidget(self._docs_section, 1)
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.addWidget(self.form)
        compare_row = QHBoxLayout()
        compare_row.addWidget(compare_label)
        compare_row.addWidget(self.compare_with, 1)
        right_box.addLayout(compare_row)
        right_box.addWidget(self.request_body, 1)
        right_box.addStretch(0)  # takes the height the request body leaves when folded
