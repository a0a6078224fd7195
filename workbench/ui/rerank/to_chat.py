"""Rerank to chat: the "Send top N to Chat" control under the ranked results."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget

from workbench.ui.common.retranslate import Retranslating

DEFAULT_N = 3
"""How many of the best results go to chat unless the person says otherwise."""


class ToChatBar(Retranslating, QWidget):
    """A count and a button: hand the best N results to the Chat pane as its documents."""

    requested = Signal(int)
    """Emitted with N when the person asks for the top N results in chat."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rerankToChatBar")
        self.count = QSpinBox(self)
        self.count.setObjectName("rerankToChatCount")
        self.count.setRange(1, 1000)
        self.count.setValue(DEFAULT_N)
        self._label = QLabel(self)
        self._label.setBuddy(self.count)
        self.button = QPushButton(self)
        self.button.setObjectName("rerankToChat")
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self._label)
        box.addWidget(self.count)
        box.addWidget(self.button)
        self.button.clicked.connect(self._on_button_clicked)
        self.retranslate_ui()
        self.set_available(0)

    def retranslate_ui(self) -> None:
        """Set the texts in the current language."""
        self._label.setText(self.tr("T&op:"))
        self.count.setAccessibleName(self.tr("How many results to send to chat"))
        self.button.setText(self.tr("&Send to Chat"))
        self.button.setAccessibleName(self.tr("Send the top results to the Chat pane"))
        self.button.setToolTip(
            self.tr("The best results become the Chat pane's documents; its citations lead back")
        )

    def set_available(self, results: int) -> None:
        """Offer the hand-off only when there are results (N at most their number)."""
        self.button.setEnabled(results > 0)
        self.count.setEnabled(results > 0)
        if results > 0:
            self.count.setMaximum(results)

    def _on_button_clicked(self) -> None:
        self.requested.emit(self.count.value())
