"""DemoBar: steps through a demo script in the chat pane, one replayed turn at a time (no network)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import ValidationError
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDoubleSpinBox, QHBoxLayout, QLabel, QPushButton, QWidget

from workbench.api.errors import InputError
from workbench.core.runs.demo import DemoScript, DemoSteps
from workbench.ui.chat.questions import confirm_discard
from workbench.ui.common.a11y import StatusLabel
from workbench.ui.common.error_text import error_message
from workbench.ui.common.l10n import fill, format_count
from workbench.ui.common.retranslate import Retranslating
from workbench.ui.common.section import Section

if TYPE_CHECKING:
    from workbench.core.chat_session import ChatSession
    from workbench.core.runs.store import RunRecord

NEXT_KEY = "F8"
PREVIOUS_KEY = "Shift+F8"


class DemoHost(Protocol):
    """What the bar asks of the chat pane."""

    def replay(self, record: RunRecord, speed: float = 1.0) -> None:
        """Play a recorded turn back as a new, marked turn."""
        ...

    def is_streaming(self) -> bool:
        """Whether a turn is in flight."""
        ...

    def session(self) -> ChatSession:
        """The conversation."""
        ...

    def truncate(self, keep: int) -> None:
        """Keep only the first `keep` turns."""
        ...


class DemoBar(Retranslating, Section):
    """Where a demo stands, with Previous and Next turn (F8 / Shift+F8), its speed and End.

    A section titled over the bar: its Alt letter reaches the buttons, which have none of their
    own (the bar shows beside every side page, whose controls take the free letters).
    """

    def __init__(self, host: DemoHost, parent: QWidget | None = None) -> None:
        super().__init__("chatDemoBar", parent, flat=True)
        self._host = host
        self._steps: DemoSteps | None = None
        self.position = StatusLabel(self)  # read out as where the demo stands
        self.position.setObjectName("chatDemoPosition")
        self.position.setProperty("role", "warning")  # coloured: nobody takes a replay for live
        self.previous = QPushButton(self)
        self.previous.setObjectName("chatDemoPrevious")
        self.next = QPushButton(self)
        self.next.setObjectName("chatDemoNext")
        self.speed = QDoubleSpinBox(self)
        self.speed.setObjectName("chatDemoSpeed")
        self.speed.setRange(0.1, 100.0)
        self.speed.setValue(1.0)
        self.speed_label = QLabel(self)
        self.speed_label.setObjectName("chatDemoSpeedLabel")
        self.speed_label.setBuddy(self.speed)
        self.end = QPushButton(self)
        self.end.setObjectName("chatDemoEnd")
        self.next_shortcut = QShortcut(QKeySequence(NEXT_KEY), self)
        self.previous_shortcut = QShortcut(QKeySequence(PREVIOUS_KEY), self)
        box = QHBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.position, 1)
        for widget in (self.previous, self.next, self.speed_label, self.speed, self.end):
            box.addWidget(widget)
        self.next.clicked.connect(self.step_forward)
        self.next_shortcut.activated.connect(self.step_forward)
        self.previous.clicked.connect(self.step_back)
        self.previous_shortcut.activated.connect(self.step_back)
        self.end.clicked.connect(self.stop)
        self.retranslate_ui()
        self.hide()

    def retranslate_ui(self) -> None:
        """Set the static texts in the current language."""
        self.setAccessibleName(self.tr("Demo script"))
        self.setTitle(self.tr("Demo scr&ipt"))
        self.position.setAccessibleName(self.tr("Demo script position"))
        self.previous.setText(self.tr("Previous turn"))
        self.previous.setAccessibleName(self.tr("Previous turn"))
        self.previous.setToolTip(
            self.tr("Take the last replayed turn back (%1)").replace("%1", PREVIOUS_KEY)
        )
        self.next.setText(self.tr("Next turn"))
        self.next.setAccessibleName(self.tr("Next turn"))
        self.next.setToolTip(self.tr("Replay the script's next turn (%1)").replace("%1", NEXT_KEY))
        self.next_shortcut.setWhatsThis(self.tr("Next turn"))  # as the shortcuts sheet says it
        self.previous_shortcut.setWhatsThis(self.tr("Previous turn"))
        self.speed_label.setText(self.tr("Speed"))
        self.speed.setAccessibleName(self.tr("Demo replay speed"))
        self.speed.setToolTip(self.tr("How many times faster than it was recorded"))
        self.end.setText(self.tr("End demo"))
        self.end.setAccessibleName(self.tr("End demo"))
        self.refresh()

    # --- stepping -------------------------------------------------------------------------------

    def steps(self) -> DemoSteps | None:
        """Where the demo shown stands (None: no demo)."""
        return self._steps

    def start(self, script: DemoScript, speed: float = 1.0) -> None:
        """Show the bar for this script, nothing played yet."""
        self._steps = DemoSteps(script)
        self.speed.setValue(speed)
        self.show()
        self.refresh()
        self.next.setFocus(Qt.FocusReason.OtherFocusReason)

    def stop(self) -> None:
        """End the demo (the turns shown stay in the conversation)."""
        self._steps = None
        self.hide()

    def step_forward(self) -> None:
        """Replay the next turn of the script (nothing while a turn is in flight)."""
        steps = self._steps
        if steps is None or not steps.has_next() or self._host.is_streaming():
            return
        length = len(self._host.session().turns)
        record = steps.forward(length)
        try:
            self._host.replay(record, self.speed.value())
        except (KeyError, ValidationError, InputError) as exc:
            steps.back()
            self._host.truncate(length)
            reason = error_message(exc) if isinstance(exc, InputError) else str(exc)
            self.position.setText(self.tr("This turn cannot be replayed: %1").replace("%1", reason))
            return
        self.refresh()

    def step_back(self) -> None:
        """Take the last replayed turn back out of the conversation; live turns asked after it
        go with it only once the person agrees (they are nowhere else)."""
        steps = self._steps
        if steps is None or not steps.has_previous() or self._host.is_streaming():
            return
        after = len(self._host.session().turns) - steps.back_keeps() - 1
        confirm_discard(self, after, partial(self._take_back, steps), loss="step")

    def _take_back(self, steps: DemoSteps) -> None:
        # Asked: the demo may have ended, or a turn started, while the question was open.
        if steps is self._steps and steps.has_previous() and not self._host.is_streaming():
            self._host.truncate(steps.back())
            self.refresh()

    def refresh(self, *_args: Any) -> None:
        """Say where the demo stands; enable what can be done now."""
        steps = self._steps
        if steps is None:
            return
        busy = self._host.is_streaming()
        self.previous.setEnabled(steps.has_previous() and not busy)
        self.next.setEnabled(steps.has_next() and not busy)
        title = steps.script.title or self.tr("Demo script")
        text = self.tr("▶ %1: turn %2 of %3, replayed with no network")
        # One pass: the title is a file's name, and may hold a "%2" of its own.
        self.position.setText(
            fill(text, title, format_count(steps.played), format_count(steps.total))
        )
