"""Pane routes: what one pane asks of another, carried out by the window (panes never import each
other: attributes down, messages up).

Each pane's requests are wired once, when the pane is built; a request that cannot be carried out
says why in a warning notice, and one carried out clears the history pane's earlier refusal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication, QObject

from workbench.api.errors import InputError
from workbench.api.models import ChatRequest, RerankRequest
from workbench.ui.common.error_text import error_message
from workbench.ui.common.l10n import fill

if TYPE_CHECKING:
    from workbench.core.rerank_handoff import RankedDocument
    from workbench.core.runs.demo import DemoScript
    from workbench.core.runs.store import RunRecord
    from workbench.ui.main_window import MainWindow
    from workbench.ui.notices import NoticeCenter
    from workbench.ui.services import Services
    from workbench.ui.window.notice_views import NoticeViews


class PaneRoutes(QObject):
    """Carries out the panes' requests of each other on the window's panes."""

    def __init__(self, window: MainWindow, *, services: Services, views: NoticeViews) -> None:
        """Route between the panes of `window`; refusals go to the notices."""
        super().__init__(window)
        self._window = window
        self._services = services
        self._notices: NoticeCenter = services.notices
        self._views = views

    def connect_pane(self, key: str) -> None:
        """Wire one pane's requests (once, when the pane is built)."""
        window = self._window
        if key == "chat":
            window.chat_pane.rerank_requested.connect(self._on_chat_pane_rerank_requested)
            window.chat_pane.rerank_row_requested.connect(self._on_chat_pane_rerank_row_requested)
            window.chat_pane.endpoint_edit_requested.connect(
                self._on_chat_pane_endpoint_edit_requested
            )
        elif key == "rerank":
            window.rerank_pane.chat_documents_requested.connect(
                self._on_rerank_pane_chat_documents_requested
            )
        elif key == "history":
            history = window.history_pane
            history.run_open_requested.connect(self._on_history_pane_run_open_requested)
            history.replay_requested.connect(self._on_history_pane_replay_requested)
            history.demo_requested.connect(self._on_history_pane_demo_requested)
        elif key == "evaluation":
            window.evaluation_pane.rerank_open_requested.connect(
                self._on_evaluation_pane_rerank_open_requested
            )
        elif key == "qa":
            window.qa_pane.run_inspect_requested.connect(self._on_qa_pane_run_inspect_requested)

    def _on_chat_pane_rerank_requested(self, query: str) -> None:
        self._window.rerank_pane.set_query(query)
        self._window.show_pane("rerank")

    def _on_chat_pane_rerank_row_requested(self, rank: int) -> None:
        if self._window.rerank_pane.select_rank(rank):
            self._window.show_pane("rerank")

    def _on_chat_pane_endpoint_edit_requested(self, endpoint_id: str) -> None:
        # The Endpoints pane follows the current endpoint: making it current selects it there.
        if self._services.session.endpoint(endpoint_id) is not None:
            self._services.session.set_current(endpoint_id)
            self._window.show_pane("endpoints")

    def _on_rerank_pane_chat_documents_requested(self, ranked: list[RankedDocument]) -> None:
        self._window.chat_pane.take_ranked_documents(ranked)
        self._window.show_pane("chat")

    def _on_history_pane_run_open_requested(self, kind: str, inputs: dict[str, Any]) -> None:
        reason = _unopenable(kind, inputs)
        if not reason:
            try:
                if not self._open_stored(kind, inputs["request"]):
                    self._notices.warn(
                        QCoreApplication.translate("MainWindow", "This run cannot be opened now"),
                        QCoreApplication.translate(
                            "MainWindow",
                            "A chat turn is answering: stop it or wait for its end first.",
                        ),
                    )
                    return
            except ValidationError:
                reason = QCoreApplication.translate(
                    "MainWindow", "Its stored request is not one this program can read."
                )
        if reason:
            self._notices.warn(
                QCoreApplication.translate("MainWindow", "This run cannot be opened"), reason
            )
            return
        self._views.drop_error("history")  # opened: a refusal said before is over
        self._window.show_pane("rerank" if kind == "rerank" else "chat")

    def _open_stored(self, kind: str, request: Any) -> bool:
        """Open a stored request in its pane; False while a chat turn is answering.

        Raises:
            ValidationError: the stored request is not one of its kind.
        """
        if kind == "rerank":
            self._window.rerank_pane.open_request(RerankRequest.model_validate(request))
            return True
        return self._window.chat_pane.open_request(ChatRequest.model_validate(request))

    def _on_evaluation_pane_rerank_open_requested(self, request: RerankRequest) -> None:
        self._window.rerank_pane.open_request(request)
        self._window.show_pane("rerank")

    def _on_history_pane_replay_requested(self, record: RunRecord, speed: float) -> None:
        try:
            self._window.chat_pane.replay(record, speed)
        except (KeyError, ValidationError, InputError) as exc:
            detail = error_message(exc) if isinstance(exc, InputError) else str(exc)
            self._notices.warn(
                QCoreApplication.translate("MainWindow", "This turn cannot be replayed"), detail
            )
            return
        self._views.drop_error("history")
        self._window.show_pane("chat")

    def _on_qa_pane_run_inspect_requested(self, run_id: str) -> None:
        self._window.show_pane("history")
        if not self._window.history_pane.show_run(run_id):
            self._notices.warn(
                QCoreApplication.translate("MainWindow", "This run is not in the history"),
                QCoreApplication.translate(
                    "MainWindow", "It was not recorded (the history is off) or has been deleted."
                ),
            )

    def _on_history_pane_demo_requested(self, script: DemoScript, speed: float) -> None:
        if not self._window.chat_pane.play_script(script, speed):
            self._notices.warn(
                QCoreApplication.translate("MainWindow", "The demo cannot start now"),
                QCoreApplication.translate(
                    "MainWindow", "A chat turn is answering: stop it or wait for its end first."
                ),
            )
            return
        self._views.drop_error("history")
        self._window.show_pane("chat")


def _unopenable(kind: str, inputs: dict[str, Any]) -> str:
    """Why a stored run cannot be opened back in its pane ('' when it can be tried)."""
    if kind not in ("chat", "rerank"):
        return fill(
            QCoreApplication.translate(
                "MainWindow", "Its kind %1 is not one the workbench opens (chat, rerank)."
            ),
            kind,
        )
    if "request" not in inputs:
        return QCoreApplication.translate(
            "MainWindow", "It was recorded without its inputs (imported from an older file?)."
        )
    return ""
