"""Rerank pane: query, documents and rank_fields in, ranked results (and a comparison) out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from workbench.ui.services import Services


class RerankPane(QWidget):
    """Placeholder with the pinned constructor; the full pane lands in a later commit."""

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.setObjectName("rerankPane")
        self.setAccessibleName("Rerank")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Rerank playground", self))
