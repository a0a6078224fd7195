"""Rerank request: the pane's inputs read into the request its endpoint takes, or the input error
that says what is missing.

The texts keep the pane's translation context ("RerankPane"): they were the pane's before they
moved here, and the translations hold them there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from workbench.api.errors import InputError
from workbench.core.rerank_docs import (
    check_chunk_budget,
    check_documents,
    rules_for,
    stringify_values,
)

if TYPE_CHECKING:
    from workbench.api.models import Document, RerankRequest
    from workbench.core.endpoints import EndpointConfig
    from workbench.ui.endpoint_session import EndpointSession
    from workbench.ui.rerank.widgets import RerankWidgets


class RequestReader:
    """Reads the query, documents and options into a request; raises `InputError` for bad input."""

    def __init__(self, *, widgets: RerankWidgets, session: EndpointSession) -> None:
        self._widgets = widgets
        self._session = session

    def endpoint(self) -> EndpointConfig:
        """The pane's endpoint, when its flavour has a rerank route."""
        current = self._session.selected("rerank")
        if current is None:
            raise InputError(
                title=QCoreApplication.translate(
                    "RerankPane", "No endpoint: add one in the Endpoints pane"
                ),
                where=QCoreApplication.translate("RerankPane", "Endpoint"),
            )
        if not rules_for(current.flavour).supported:
            raise InputError(
                title=QCoreApplication.translate(
                    "RerankPane",
                    "This endpoint's flavour has no rerank route; pick a Cohere v1 or v2 endpoint",
                ),
                where=current.name,
            )
        return current

    def request(self, *, documents: list[Document] | None = None) -> RerankRequest:
        """The request for the endpoint: of `documents`, else of the editor's (then also checked
        against the chunk budget)."""
        widgets = self._widgets
        endpoint = self.endpoint()
        query = widgets.query.toPlainText().strip()
        if not query:
            raise InputError(
                title=QCoreApplication.translate("RerankPane", "Type a query"), where="query"
            )
        docs = documents if documents is not None else widgets.editor.documents()
        rules = rules_for(endpoint.flavour)
        if documents is None:
            chunks = widgets.form.max_chunks.value() or None
            check_chunk_budget(len(docs), chunks, rules, split=widgets.split.isChecked())
        return widgets.form.request(query, stringify_values(docs).documents, rules)

    def compare_endpoint(self) -> EndpointConfig | None:
        """The endpoint chosen to compare with (None: no comparison)."""
        endpoint_id = self._widgets.compare_with.currentData()
        if not endpoint_id:
            return None
        other = self._session.endpoint(str(endpoint_id))
        if other is not None and not rules_for(other.flavour).supported:
            raise InputError(
                title=QCoreApplication.translate(
                    "RerankPane", "The comparison endpoint has no rerank route"
                ),
                where=other.name,
            )
        return other

    def checked(self) -> tuple[RerankRequest, EndpointConfig | None]:
        """The request and the endpoint to compare with, its documents fit for both flavours."""
        request = self.request()
        other = self.compare_endpoint()
        if other is not None:
            check_documents(request.documents, rules_for(other.flavour))
        return request, other
