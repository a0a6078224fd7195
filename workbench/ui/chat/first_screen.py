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
from workbench.ui.common.section import Section

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
        # A section: its Alt letter reaches the examples, which have none of their own (the
        # side pages beside them take the free letters).
        self.section = section = Section("chatExamplesSection", inner, flat=True)
        self.heading = QLabel(section)
        self.heading.setObjectName("chatExamplesHeading")
        self.heading.setWordWrap(True)
        self.buttons: dict[Example, QCommandLinkButton] = {}
        box = QVBoxLayout(section)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.heading)
        layout = QVBoxLayout(inner)
        layout.addStretch(1)
        layout.addWidget(section)
        for kind in EXAMPLES:
            # A command link: its description (the prompt) wraps, so a narrow column still
            # shows the whole prompt.
            button = QCommandLinkButton(section)
            button.setObjectName(f"chatExample{kind.capitalize()}")
            policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
            policy.setHeightForWidth(True)
            button.setSizePolicy(policy)
            button.clicked.connect(partial(self.example_chosen.emit, kind))
            box.addWidget(button)
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
        self.section.setTitle(self.tr("Start &with an example"))
        heading = self.tr("Each fills the message box, and Send sends it.")
        self.heading.setText(heading)
        self.setAccessibleName(self.tr("Example prompts"))
        self.setAccessibleDescription(
            self.tr("Start with an example: it fills the message box, and Send sends it.")
        )
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
