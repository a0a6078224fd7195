"""Chat first screen: example prompts shown in place of the empty transcript."""

from __future__ import annotations

from functools import partial
from typing import Literal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workbench.ui.common.retranslate import Retranslating

Example = Literal["plain", "rag", "tools"]
"""What an example brings: nothing, the sample documents, or the sample tools."""
EXAMPLES: tuple[Example, ...] = ("plain", "rag", "tools")


class ExamplePrompts(Retranslating, QScrollArea):
    """A few prompts to start from; choosing one fills the message box (it is not sent).

    The pane shows this while the conversation has no turn, and again after Clear. It scrolls
    rather than squeeze a prompt when the window is small.
    """

    example_chosen = Signal(str)
    """Emitted with the example's kind ("plain", "rag" or "tools") when one is clicked."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatExamples")
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget(self)
        inner.setObjectName("chatExamplesPage")
        self.heading = QLabel(inner)
        self.heading.setObjectName("chatExamplesHeading")
        self.heading.setWordWrap(True)
        self.buttons: dict[Example, QCommandLinkButton] = {}
        layout = QVBoxLayout(inner)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        for kind in EXAMPLES:
            # A command link: its description (the prompt) wraps, so a narrow column still
            # shows the whole prompt.
            button = QCommandLinkButton(inner)
            button.setObjectName(f"chatExample{kind.capitalize()}")
            policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
            policy.setHeightForWidth(True)
            button.setSizePolicy(policy)
            button.clicked.connect(partial(self.example_chosen.emit, kind))
            layout.addWidget(button)
            self.buttons[kind] = button
        layout.addStretch(2)
        self.setWidget(inner)
        self.retranslate_ui()

    def prompt(self, kind: Example) -> str:
        """The example's message in the current language."""
        prompts: dict[Example, str] = {
            "plain": self.tr("Explain in two sentences what a reranker does."),
            "rag": self.tr(
                "Which plan includes single sign-on, and what does it cost for 40 people?"
            ),
            "tools": self.tr("What is the weather in São Paulo right now?"),
        }
        return prompts[kind]

    def retranslate_ui(self) -> None:
        """Set the static texts in the current language."""
        heading = self.tr("Start with an example: it fills the message box, and Send sends it.")
        self.heading.setText(heading)
        self.setAccessibleName(self.tr("Example prompts"))
        self.setAccessibleDescription(heading)
        titles = {
            "plain": self.tr("Ask a question"),
            "rag": self.tr("Ask the sample documents"),
            "tools": self.tr("Try a tool call"),
        }
        attaches = {
            "plain": self.tr("Nothing attached"),
            "rag": self.tr("Attaches the sample documents (RAG with citations)"),
            "tools": self.tr("Attaches the sample get_weather tool"),
        }
        for kind, button in self.buttons.items():
            prompt = self.prompt(kind)
            button.setText(titles[kind])
            button.setDescription(f"“{prompt}”")
            button.setAccessibleName(self.tr("Example prompt: %1").replace("%1", prompt))
            button.setAccessibleDescription(attaches[kind])
            button.setToolTip(attaches[kind])
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
