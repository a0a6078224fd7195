"""Chat pane widgets: the endpoint row, the conversation column and the side panel, laid out in
a splitter the side panel's toggle folds.

The base of `ChatPane`, as a Designer form would be: it holds no texts (the pane's
`retranslate_ui` sets its own, so they stay in the pane's translation context) and no behaviour.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from workbench.ui.chat.attachments import AttachmentChips
from workbench.ui.chat.controls import Composer
from workbench.ui.chat.demo_bar import DemoBar
from workbench.ui.chat.first_screen import ExamplePrompts
from workbench.ui.chat.side import ChatSidePanel
from workbench.ui.chat.side_toggle import SidePanelToggle
from workbench.ui.chat.transcript import Transcript
from workbench.ui.common.endpoint_picker import EndpointPicker
from workbench.ui.common.layered import Layered
from workbench.ui.common.pane_error import PaneErrorLine
from workbench.ui.common.remembered import RememberedSplitter

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from workbench.ui.chat.demo_bar import DemoHost
    from workbench.ui.services import Services


class ChatWidgets(QWidget):
    """The endpoint and the side toggle on top; the turns beside the side panel below."""

    def _build_widgets(self, services: Services, demo_host: DemoHost) -> None:
        """Build every widget; `demo_host` is what the demo bar replays its turns in."""
        self.endpoint_picker = EndpointPicker(session=services.session, pane="chat", parent=self)
        left = self._build_conversation_column(demo_host)
        self._build_side_panel()
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("chatSplitter")
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)  # folding is the toggle's job, said and undone there
        # A child of the splitter, living as long as it: sizes kept across windows.
        RememberedSplitter(splitter, services.settings)
        self.side_toggle = SidePanelToggle(self.tabs, store=services.settings, parent=self)
        QWidget.setTabOrder(self.endpoint_picker.combo, self.side_toggle)  # its row, then down
        top = QHBoxLayout()
        top.addWidget(self.endpoint_picker, 1)
        top.addWidget(self.side_toggle)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def _build_conversation_column(self, demo_host: DemoHost) -> QWidget:
        """The turns (or the example prompts), the error line, the chips and the message box."""
        # Made in reading order, which Tab follows: examples (or turns), chips, message box.
        # The examples stand in for the transcript while the conversation has no turn; they
        # take turns in one place, so the first Send lays nothing out again (issue 15).
        first_screen = Layered(self)
        self.examples = ExamplePrompts(parent=first_screen)
        self.transcript = Transcript(parent=first_screen)
        first_screen.hold(self.examples, self.transcript)
        self.chips = AttachmentChips(parent=self)
        self.composer = Composer(self)
        self.demo = DemoBar(demo_host, parent=self)
        self.error = PaneErrorLine(self)
        self.error.setObjectName("chatError")
        self.chips.set_fallback_focus(self.composer.message)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)  # the pane has margins; height goes to the turns
        left_layout.addWidget(self.demo)
        left_layout.addWidget(first_screen, 1)
        left_layout.addWidget(self.error)
        left_layout.addWidget(self.chips)
        left_layout.addWidget(self.composer)
        return left

    def _build_side_panel(self) -> None:
        self.tabs = ChatSidePanel(parent=self)
        # The pages the pane wires (and tests drive), named as before the tabs moved out.
        self.params, self.setup = self.tabs.params, self.tabs.setup
        self.model_options = self.tabs.model_options
        self.documents, self.tools = self.tabs.documents, self.tabs.tools
        self.tool_results, self.trace = self.tabs.tool_results, self.tabs.trace
        self.sources, self.queries = self.tabs.sources, self.tabs.queries
        self.history, self.request = self.tabs.history, self.tabs.request

    def _request_inputs_changed(self) -> tuple[SignalInstance, ...]:
        """The change signals of every input the next request is made of."""
        return (
            self.composer.message.textChanged,
            self.setup.model.textChanged,
            self.setup.preamble.textChanged,
            self.documents.editor.editor.textChanged,
            self.tools.editor.editor.textChanged,
            self.params.params_changed,
            self.model_options.options_changed,
        )
