"""Chat pane: sends prompts and renders the streaming transcript, citations and tool traces."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from workbench.ui.services import Services


class ChatPane(QWidget):
    """Conversation view with a parameters panel, documents and tools editors and a trace."""

    rerank_requested = Signal(str)
    """Emitted with a generated search query the user wants to try in the rerank playground."""

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setObjectName("chat_pane")
        self.setAccessibleName("Chat")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Chat", self))
