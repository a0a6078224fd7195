"""The Chat pane's Request section kept current: rebuilt when it is shown, and a moment after the
last edit while it is (not at every keystroke), never while it is hidden."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QPlainTextEdit

    from workbench.api.models import ChatRequest
    from workbench.core.chat_request_preview import RequestPreview
    from workbench.ui.chat.conversation_control import ConversationControl
    from workbench.ui.chat.side import ChatSidePanel
    from workbench.ui.endpoint_session import EndpointSession

PREVIEW_DELAY_MS = 250
"""How long the Request section waits after the last keystroke before rebuilding the body."""


class RequestRefresh(QObject):
    """Rebuilds the Request section from the message box and what Send would post for it."""

    def __init__(
        self,
        *,
        tabs: ChatSidePanel,
        control: ConversationControl,
        endpoints: EndpointSession,
        message: QPlainTextEdit,
        build: Callable[[str], ChatRequest],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._tabs, self._control, self._endpoints = tabs, control, endpoints
        self._message, self._build = message, build
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh)

    def refresh(self) -> RequestPreview | None:
        """Rebuild the section now; returns what it shows (None when Send is refused)."""
        self._timer.stop()
        message = self._message.toPlainText()
        return self._control.refresh_request(
            self._endpoints.selected("chat"), message, lambda: self._build(message)
        )

    def schedule(self) -> None:
        """An input changed: rebuild in a moment, if the section is shown."""
        if self._tabs.current_section() is self._tabs.request:
            self._timer.start()

    def refresh_if_shown(self) -> None:
        """Rebuild now if the section is the one shown (it has just been brought to the front)."""
        if self._tabs.current_section() is self._tabs.request:
            self.refresh()
