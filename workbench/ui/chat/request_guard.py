"""The chat request the pane's inputs make, refused with the reason before anything is sent."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from workbench.api import flavour_traits
from workbench.api.errors import InputError
from workbench.api.models import DEFAULT_FLAVOUR
from workbench.core.chat_checks import cautions, check_calls_answered, check_request
from workbench.core.chat_inputs import parse_documents, parse_tools
from workbench.core.chat_session import ChatFrame
from workbench.ui.common.pane_error import log_shown
from workbench.ui.notices import Notice

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.api.models import ChatRequest
    from workbench.core.chat_session import ChatSession
    from workbench.core.endpoints import EndpointConfig
    from workbench.ui.chat.side import ChatSidePanel
    from workbench.ui.common.pane_error import PaneErrorLine
    from workbench.ui.endpoint_session import EndpointSession
    from workbench.ui.notices import NoticeCenter


class RequestGuard:
    """Makes the request from the side pages and the endpoint, and says why when it cannot.

    What the API would refuse is said on the pane's error line (and kept in the notice log),
    and the conversation is left as it was.
    """

    def __init__(
        self,
        *,
        endpoints: EndpointSession,
        tabs: ChatSidePanel,
        conversation: Callable[[], ChatSession],
        error: PaneErrorLine,
        notices: NoticeCenter,
    ) -> None:
        self._endpoints, self._tabs, self._conversation = endpoints, tabs, conversation
        self._error, self._notices = error, notices

    def endpoint(self) -> EndpointConfig:
        """The chat's endpoint.

        Raises:
            InputError: no endpoint is chosen.
        """
        endpoint = self._endpoints.selected("chat")
        if endpoint is None:
            # The pane's context: the strings were the pane's before the checks moved here.
            title = QCoreApplication.translate(
                "ChatPane", "No endpoint: add one in the Endpoints pane"
            )
            raise InputError(title=title, where=QCoreApplication.translate("ChatPane", "Endpoint"))
        return endpoint

    def takes_documents(self) -> bool:
        """Whether the chat's endpoint takes RAG documents (with none chosen, the default
        flavour's answer)."""
        endpoint = self._endpoints.selected("chat")
        return flavour_traits(endpoint.flavour if endpoint else DEFAULT_FLAVOUR).documents

    def frame(self) -> ChatFrame:
        """What the side pages add to every message: model, preamble, documents, tools, params.

        Raises:
            InputError: no endpoint, or documents or tools that do not parse.
        """
        tabs = self._tabs
        has_docs = flavour_traits(self.endpoint().flavour).documents
        # Named where the refusal is said: "at Tools, line 1, column 11", not just the place.
        documents = parse_documents(tabs.documents.editor.named_value()) if has_docs else []
        return ChatFrame(
            model=tabs.setup.model.text().strip() or None,
            preamble=tabs.setup.preamble.toPlainText(),
            documents=documents,
            tools=parse_tools(tabs.tools.editor.named_value()),
            params=tabs.model_options.apply(tabs.params.params()),
            search_queries_only=tabs.params.search_queries_only(),
        )

    def build(self, make: Callable[[ChatFrame], ChatRequest]) -> ChatRequest | None:
        """`make(frame)`, checked; None (the refusal said, the turns as they were) if refused."""
        session = self._conversation()
        before = list(session.turns)
        try:
            request = make(self.frame())
            # What the API would refuse is said here, before anything is sent.
            self._check(request)
        except InputError as exc:
            session.turns = before
            self.refuse(exc)
            return None
        self._caution(request)
        return request

    def _check(self, request: ChatRequest) -> None:
        endpoint = self.endpoint()
        check_request(request, endpoint.model)
        if flavour_traits(endpoint.flavour).history_field == "messages":
            check_calls_answered(request)

    def _caution(self, request: ChatRequest) -> None:
        """Say what Cohere's documents would refuse where the reference has not checked it;
        the request still goes (the server decides)."""
        for caution in cautions(request, self.endpoint().model):
            notice = Notice.from_error(caution, pane="chat")
            self._notices.post(replace(notice, level="warning"))

    def refuse(self, exc: InputError) -> None:
        """Say once, above the message box, why nothing was sent (kept in the notice log)."""
        self._error.show_error(exc)
        log_shown(self._notices, exc, "chat")

    def recheck(self, message: str, editing: int | None) -> None:
        """After an edit, a refusal on show is checked again: gone once the inputs are fine."""
        if not self._error.has_error():
            return
        try:
            request = self._conversation().preview(message, self.frame(), editing)
            self._check(request)
        except InputError as exc:
            self._error.show_error(exc)
            return
        self._error.clear_error()
