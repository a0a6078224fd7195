"""Transcript end cards: what to do next after the last turn (a failure to act on, tools to answer).

They are real widgets under the last turn, not document text, so their buttons have names, take
the keyboard and never make the transcript lay out its document again (issue 19, items 2 and 4).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from workbench.ui.common.a11y import StatusLabel
from workbench.ui.common.l10n import fill
from workbench.ui.common.retranslate import Retranslating

if TYPE_CHECKING:
    from collections.abc import Callable


class _Card(Retranslating, QFrame):
    """A framed box in the palette's own colours (themes change them; no colour is fixed here)."""

    def __init__(self, name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.title = StatusLabel(self)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.title)

    def _button(self, name: str) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        self.buttons.addWidget(button)
        return button


class ErrorCard(_Card):
    """A turn that failed, in words (what Test connection says), with Retry and Edit endpoint."""

    retry_requested = Signal()
    """The person asked to send the failed turn again."""
    edit_endpoint_requested = Signal()
    """The person asked to open the endpoint the turn went to."""
    _texts: Callable[[], tuple[str, str]] | None = None
    """The shown failure's title and explanation, in the language of the moment."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("chatErrorCard", parent)
        self.explanation = StatusLabel(self)
        self.explanation.setObjectName("chatErrorExplanation")
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setObjectName("chatErrorTitle")
        self._layout.addWidget(self.explanation)
        self._layout.addLayout(self.buttons)
        self.retry = self._button("chatErrorRetry")
        self.edit_endpoint = self._button("chatErrorEditEndpoint")
        self.retry.clicked.connect(self.retry_requested)
        self.edit_endpoint.clicked.connect(self.edit_endpoint_requested)
        self.hide()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set the buttons' texts, tips and names in the current language."""
        self.setAccessibleName(self.tr("The last turn failed"))
        self.title.setAccessibleName(self.tr("The last turn failed"))
        self.explanation.setAccessibleName(self.tr("Likely cause"))
        self.retry.setText(self.tr("Retr&y"))
        self.retry.setToolTip(self.tr("Send the same turn again"))
        self.retry.setAccessibleName(self.tr("Retry"))
        self.edit_endpoint.setText(self.tr("Edit e&ndpoint"))
        self.edit_endpoint.setToolTip(self.tr("Open this endpoint in the Endpoints pane"))
        self.edit_endpoint.setAccessibleName(self.tr("Edit endpoint"))
        if self._texts is not None:
            self._say(*self._texts())

    def show_error(self, texts: Callable[[], tuple[str, str]], *, can_edit: bool) -> None:
        """Show a failure: its title, then the likely cause and what to try.

        `texts` gives both in the current language; the card asks again when it changes.
        """
        self._texts = texts
        self._say(*texts())
        self.edit_endpoint.setVisible(can_edit)
        self.show()

    def _say(self, title: str, explanation: str) -> None:
        self.title.setText("⚠ " + title)
        self.explanation.setText(explanation)
        self.explanation.setVisible(bool(explanation))
        self.setAccessibleDescription(f"{title}. {explanation}".strip())


class ToolWaitCard(_Card):
    """A turn that ended asking for tool results: which, and a button to the form that answers."""

    answer_requested = Signal()
    """The person asked for the Tool results form."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("chatToolWait", parent)
        self.title.setObjectName("chatToolWaitText")
        self._names: tuple[str, ...] = ()
        self._layout.addLayout(self.buttons)
        self.answer = self._button("chatToolWaitAnswer")
        self.answer.clicked.connect(self.answer_requested)
        self.hide()
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set the texts in the current language."""
        self.setAccessibleName(self.tr("Waiting for tool results"))
        self.title.setAccessibleName(self.tr("Waiting for tool results"))
        self.answer.setText(self.tr("E&nter tool results…"))
        self.answer.setToolTip(self.tr("Open the Tool results form to answer the call(s)"))
        self.answer.setAccessibleName(self.tr("Enter tool results"))
        if self._names:
            self._say()

    def show_calls(self, names: tuple[str, ...]) -> None:
        """Say which tools the model waits for."""
        self._names = names
        self._say()
        self.show()

    def _say(self) -> None:
        # The gear of the transcript's tool call line: an hourglass emoji is a blank box where
        # no font has it (the DejaVu fonts of a bare Debian).
        names = tuple(dict.fromkeys(self._names))
        if len(names) == 1:
            line = self.tr("⚙ Waiting for %1's result")
        else:
            line = self.tr("⚙ Waiting for the results of %1")
        self.title.setText(fill(line, ", ".join(names)))
        self.setAccessibleDescription(self.title.text())
