"""Chat side tabs: setup, parameters, documents, tools, tool results, trace, sources, queries."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QTabWidget, QWidget

from workbench.api.models import Flavour
from workbench.core.chat_inputs import parse_documents, parse_tools
from workbench.ui.widgets.chat_controls import (
    DOCUMENTS_SAMPLE,
    TOOLS_SAMPLE,
    EditorPage,
    PreamblePage,
    QueriesPage,
)
from workbench.ui.widgets.chat_sources import SourcesView
from workbench.ui.widgets.params_panel import ParamsPanel
from workbench.ui.widgets.tool_results_form import ToolResultsForm
from workbench.ui.widgets.trace import TraceView

if TYPE_CHECKING:
    from workbench.core.endpoints import EndpointConfig


def _check_documents(value: Any) -> None:
    parse_documents(value)


def _check_tools(value: Any) -> None:
    parse_tools(value)


class ChatSideTabs(QTabWidget):
    """The pages beside the transcript; each one is an attribute the chat pane wires."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chat_side_tabs")
        self.setAccessibleName("Chat settings and details")
        self.params = ParamsPanel(parent=self)
        self.setup = PreamblePage(self)
        self.documents = EditorPage(
            "Documents",
            "chat_documents",
            "RAG documents: strings or objects; `id` and `_excludes` are honoured (Cohere only).",
            DOCUMENTS_SAMPLE,
            self,
        )
        self.tools = EditorPage(
            "Tools",
            "chat_tools",
            "v1 `parameter_definitions` or JSON-schema functions; "
            "converted for the endpoint's flavour.",
            TOOLS_SAMPLE,
            self,
        )
        self.documents.editor.set_checker(_check_documents)
        self.tools.editor.set_checker(_check_tools)
        self.tool_results = ToolResultsForm(parent=self)
        self.trace = TraceView(parent=self)
        self.sources = SourcesView(parent=self)
        self.queries = QueriesPage(self)
        for page, title in (
            (self.setup, "Setup"), (self.params, "Parameters"), (self.documents, "Documents"),
            (self.tools, "Tools"), (self.tool_results, "Tool results"), (self.trace, "Trace"),
            (self.sources, "Sources"), (self.queries, "Search queries"),
        ):  # fmt: skip
            self.addTab(page, title)

    def set_endpoint(self, endpoint: EndpointConfig | None) -> None:
        """Fit the pages to the endpoint: its flavour's parameters, documents, default model."""
        flavour = endpoint.flavour if endpoint else Flavour.COHERE_V2
        self.params.set_flavour(flavour)
        has_docs = flavour is not Flavour.OPENAI
        self.setTabEnabled(self.indexOf(self.documents), has_docs)
        self.setTabToolTip(
            self.indexOf(self.documents),
            "" if has_docs else "This flavour has no RAG documents.",
        )
        model = endpoint.model if endpoint and endpoint.model else "server's default"
        self.setup.model.setPlaceholderText(model)
