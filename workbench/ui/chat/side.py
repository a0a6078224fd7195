"""Chat side panel: a section list (setup, parameters, documents, tools, results…) beside its pages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from workbench.api import flavour_traits
from workbench.api.models import DEFAULT_FLAVOUR
from workbench.core.chat_inputs import parse_documents, parse_tools
from workbench.core.chat_models import safety_choices
from workbench.ui.chat.controls import EditorPage, PreamblePage, QueriesPage
from workbench.ui.chat.conversation_pages import HistoryPage, RequestPage
from workbench.ui.chat.model_options import ModelOptions
from workbench.ui.chat.params_panel import ParamsPanel
from workbench.ui.chat.sources import SourcesView
from workbench.ui.chat.tool_results_form import ToolResultsForm
from workbench.ui.chat.trace import TraceView
from workbench.ui.common.remembered import scrolling
from workbench.ui.common.retranslate import Retranslating
from workbench.ui.common.undoable import replace_text

if TYPE_CHECKING:
    from workbench.core.endpoints import EndpointConfig

_LIST_PADDING = 16
"""Pixels beside the longest title, so no section name is ever elided."""
_ROW_PADDING = 8
"""Pixels above plus below each title: rows a pointer can hit, and that read as a list of places."""


def _check_documents(value: Any) -> None:
    parse_documents(value)


def _check_tools(value: Any) -> None:
    parse_tools(value)


class ChatSidePanel(Retranslating, QWidget):
    """The pages beside the transcript; each one is an attribute the chat pane wires.

    A vertical list names every section at once (a tab bar this narrow scrolled, hiding Setup
    and Parameters behind arrows). Arrow keys move in the list; Ctrl+Tab / Ctrl+Shift+Tab (and
    Ctrl+PgDown / Ctrl+PgUp) step through the enabled sections from anywhere in the panel.
    """

    current_changed = Signal(int)
    """Emitted with the index of the section now shown."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatSidePanel")
        self._endpoint: EndpointConfig | None = None
        self._typing_model = False
        """The person is typing a model name: its safety modes wait until they are done."""
        self.sections = QListWidget(self)  # made first: Tab visits the list, then its page
        self.sections.setObjectName("chatSideSections")
        self._build_pages()
        self.pages = QStackedWidget(self)
        self.pages.setObjectName("chatSidePages")
        for page, _title, _about in self._page_list():
            self._add_section(page)
        self.retranslate_ui()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sections)
        layout.addWidget(scrolling(self.pages, "chatSideScroll"), 1)
        self._add_shortcuts()
        self._connect_signals()
        self.sections.setCurrentRow(0)

    def _build_pages(self) -> None:
        self.params = ParamsPanel(parent=self)
        self.model_options = ModelOptions(parent=self)
        self.setup = PreamblePage(self)
        # Nothing attached at first: what the next message carries is shown as chips above the
        # message box, and the example prompts attach the samples they need (issue 19).
        self.documents = EditorPage(self._documents_texts, "chatDocuments", "[]", self)
        self.tools = EditorPage(self._tools_texts, "chatTools", "[]", self)
        self.documents.editor.set_checker(_check_documents)
        self.tools.editor.set_checker(_check_tools)
        self.tool_results = ToolResultsForm(parent=self)
        self.trace = TraceView(parent=self)
        self.sources = SourcesView(parent=self)
        self.queries = QueriesPage(self)
        self.history = HistoryPage(self)
        self.request = RequestPage(self)

    def _documents_texts(self) -> tuple[str, str, str, str]:
        hint = self.tr(
            "RAG documents: strings or objects; `id` and `_excludes` are honoured (Cohere only)."
        )
        empty = self.tr("Empty: no documents are sent.")
        return self.tr("Documents"), self.tr("D&ocuments"), hint, empty

    def _tools_texts(self) -> tuple[str, str, str, str]:
        hint = self.tr(
            "v1 `parameter_definitions` or JSON-schema functions; "
            "converted for the endpoint's flavour."
        )
        return self.tr("Tools"), self.tr("T&ools"), hint, self.tr("Empty: no tools are sent.")

    def _page_list(self) -> tuple[tuple[QWidget, str, str], ...]:
        """Every page with its section title and description, in the current language."""
        return (
            (self.setup, self.tr("Setup"), self.tr("Model and preamble / system message")),
            (
                self.params,
                self.tr("Parameters"),
                self.tr("Generation parameters sent with each turn"),
            ),
            (
                self.documents,
                self.tr("Documents"),
                self.tr("RAG documents the answer is grounded on"),
            ),
            (self.tools, self.tr("Tools"), self.tr("Tools the model may call")),
            (
                self.model_options,
                self.tr("Model"),
                self.tr("Reasoning, response format, tool choice and images"),
            ),
            (
                self.tool_results,
                self.tr("Tool results"),
                self.tr("Outputs for the model's tool calls"),
            ),
            (
                self.trace,
                self.tr("Trace"),
                self.tr("Each turn's steps: tool plan, calls, search, finish"),
            ),
            (self.sources, self.tr("Sources"), self.tr("The documents the answer cites")),
            (
                self.queries,
                self.tr("Search queries"),
                self.tr("Search queries the model generated"),
            ),
            (
                self.history,
                self.tr("History"),
                self.tr("The conversation the next request carries; edit, import"),
            ),
            (
                self.request,
                self.tr("Request"),
                self.tr("The exact body and URL the next Send posts"),
            ),
        )

    def _add_section(self, page: QWidget) -> None:
        self.pages.addWidget(page)
        QListWidgetItem(self.sections)
        page.setProperty("chatSectionOwnName", bool(page.accessibleName()))

    def retranslate_ui(self) -> None:
        """Set the section titles and descriptions in the current language."""
        self.setAccessibleName(self.tr("Chat settings and details"))
        self.sections.setAccessibleName(self.tr("Chat sections"))
        self.pages.setAccessibleName(self.tr("Chat section page"))
        for row, (page, title, about) in enumerate(self._page_list()):
            item = self.sections.item(row)
            item.setText(title)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, title)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, about)
            item.setToolTip(about)
            if not page.property("chatSectionOwnName"):
                page.setAccessibleName(title)
        self._fit_list()
        self._show_endpoint()
        self._name_shortcuts()

    def _name_shortcuts(self) -> None:
        """What the shortcuts sheet says they do (again after a language switch)."""
        for shortcut in getattr(self, "_shortcuts", []):
            forward = shortcut.property("step") > 0
            shortcut.setWhatsThis(
                self.tr("Next section") if forward else self.tr("Previous section")
            )

    def _fit_list(self) -> None:
        # As wide as its longest title and no wider: the pages get the rest of the column.
        lst = self.sections
        lst.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lst.setTextElideMode(Qt.TextElideMode.ElideNone)
        lst.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        lst.setUniformItemSizes(True)
        metrics = lst.fontMetrics()
        for row in range(lst.count()):
            item = lst.item(row)
            advance = metrics.horizontalAdvance(item.text())
            item.setSizeHint(QSize(advance + _LIST_PADDING, metrics.height() + _ROW_PADDING))
        width = lst.sizeHintForColumn(0) + 2 * lst.frameWidth() + _LIST_PADDING
        lst.setFixedWidth(width)
        lst.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)

    def _add_shortcuts(self) -> None:
        keys = (
            (QKeySequence.StandardKey.NextChild, 1),
            (QKeySequence("Ctrl+PgDown"), 1),
            (QKeySequence.StandardKey.PreviousChild, -1),
            (QKeySequence("Ctrl+PgUp"), -1),
        )
        self._shortcuts: list[QShortcut] = []
        for key, step in keys:
            shortcut = QShortcut(key, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setProperty("step", step)
            shortcut.activated.connect(
                self._on_next_shortcut_activated
                if step > 0
                else self._on_previous_shortcut_activated
            )
            self._shortcuts.append(shortcut)
        self._name_shortcuts()

    def _connect_signals(self) -> None:
        self.sections.currentRowChanged.connect(self._on_sections_current_row_changed)
        self.setup.model.textEdited.connect(self._on_model_text_edited)
        self.setup.model.editingFinished.connect(self._on_model_editing_finished)

    # --- public API ---------------------------------------------------------------------------

    def show_section(self, page: QWidget) -> None:
        """Bring one page (e.g. `sources`) to the front, as clicking its section does."""
        row = self.pages.indexOf(page)
        if row < 0:
            raise ValueError(f"{page.objectName()!r} is not a chat side page")
        self.sections.setCurrentRow(row)

    def current_section(self) -> QWidget:
        """The page shown now."""
        page = self.pages.currentWidget()
        assert page is not None  # the pages are built with the panel and never removed
        return page

    def section_titles(self) -> list[str]:
        """Every section's title, in order."""
        return [self.sections.item(row).text() for row in range(self.sections.count())]

    def is_section_enabled(self, page: QWidget) -> bool:
        """Whether a page's section can be chosen (Documents is off for OpenAI endpoints)."""
        item = self.sections.item(self.pages.indexOf(page))
        return item is not None and bool(item.flags() & Qt.ItemFlag.ItemIsEnabled)

    def set_endpoint(self, endpoint: EndpointConfig | None) -> None:
        """Fit the pages to the endpoint: its flavour's parameters, documents, default model."""
        self._endpoint = endpoint
        flavour = endpoint.flavour if endpoint else DEFAULT_FLAVOUR
        self.params.set_flavour(flavour)
        self.history.set_flavour(flavour)
        self._show_endpoint()

    def fill_model(self, name: str) -> None:
        """Put a model name in Setup as one undo step (a whole name: nothing waits for typing)."""
        replace_text(self.setup.model, name)
        self._typing_model = False  # the fill's insert reads as typing; it is not
        self.fit_model(self._endpoint)

    def fit_model(self, endpoint: EndpointConfig | None) -> None:
        """Fit the Model page and the safety modes to the model named in Setup, else to the
        endpoint's."""
        model = self.setup.model.text().strip() or (endpoint.model if endpoint else None)
        self.model_options.set_model(model)
        if not self._typing_model:  # "command-a-" on the way to another name is no model
            self.params.set_choices("safety_mode", safety_choices(model))

    def _show_endpoint(self) -> None:
        endpoint = self._endpoint
        has_docs = flavour_traits(endpoint.flavour if endpoint else DEFAULT_FLAVOUR).documents
        why = "" if has_docs else self.tr("This flavour has no RAG documents.")
        self._set_section_enabled(self.documents, has_docs, why)
        model = endpoint.model if endpoint and endpoint.model else self.tr("server's default")
        self.setup.model.setPlaceholderText(model)

    # --- internals ------------------------------------------------------------------------------

    def _set_section_enabled(self, page: QWidget, enabled: bool, why: str) -> None:
        row = self.pages.indexOf(page)
        item = self.sections.item(row)
        flags = item.flags()
        on = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        item.setFlags(flags | on if enabled else flags & ~on)
        about = item.data(Qt.ItemDataRole.AccessibleDescriptionRole)
        item.setToolTip(why or str(about))
        page.setEnabled(enabled)
        if not enabled and self.sections.currentRow() == row:
            self._step(1)  # as a tab bar does: never leave a disabled page in front

    def _step(self, by: int) -> None:
        count = self.sections.count()
        row = self.sections.currentRow()
        for _ in range(count):
            row = (row + by) % count
            if self.sections.item(row).flags() & Qt.ItemFlag.ItemIsEnabled:
                self.sections.setCurrentRow(row)
                return

    def _on_model_text_edited(self) -> None:
        self._typing_model = True

    def _on_model_editing_finished(self) -> None:
        self._typing_model = False
        self.fit_model(self._endpoint)

    def _on_next_shortcut_activated(self) -> None:
        self._step(1)

    def _on_previous_shortcut_activated(self) -> None:
        self._step(-1)

    def _on_sections_current_row_changed(self, row: int) -> None:
        if row >= 0:
            self.pages.setCurrentIndex(row)
            self.current_changed.emit(row)
