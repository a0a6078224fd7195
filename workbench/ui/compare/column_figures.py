"""A Compare column's figures: one line while a turn streams, wrapped once it ends, and what they say."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QSizePolicy

from workbench.core.turns import STOPPED
from workbench.ui.common.a11y import StatusLabel
from workbench.ui.common.core_text import shown
from workbench.ui.compare.figures import turn_figures

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent
    from PySide6.QtWidgets import QWidget

    from workbench.core.chat_session import Reply
    from workbench.core.endpoints import Prices
    from workbench.core.turns import TurnRun


class FiguresLabel(StatusLabel):
    """A column's figures. While a turn streams, one line that never changes size: a wrapping
    label relaid the whole pane (and its three transcripts) at every tick of every column
    (benchmarks/chat_compare.py). A finished turn's figures wrap onto the lines they need at the
    column's width, one relayout a turn: on one line, a narrow column cut them after the first
    few ("… tokens in" and no more)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def wrap(self, on: bool) -> None:
        """Wrap the figures (a finished turn's), or keep them on one line (a streaming one's)."""
        if on != self.wordWrap():
            self.setWordWrap(on)
            self.updateGeometry()

    def sizeHint(self) -> QSize:
        """Qt: wrapped, as tall as the lines the text needs at the label's width (QLabel's own
        hint is for a width of its choosing: two lines showed in a box four lines tall)."""
        hint = super().sizeHint()
        if self.wordWrap() and self.width() > 0:
            hint.setHeight(self.heightForWidth(self.width()))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Qt: wrapped text needs another height at another width."""
        super().resizeEvent(event)
        if self.wordWrap() and event.size().width() != event.oldSize().width():
            self.updateGeometry()


def figures_label(name: str, parent: QWidget) -> FiguresLabel:
    """The label a column's figures are written to, at every tick while it streams."""
    label = FiguresLabel(parent)
    label.setObjectName(name)
    return label


def final_figures(run: TurnRun, reply: Reply, prices: Prices | None, cited: str) -> str:
    """The figures line of a finished turn, in the current language.

    `cited` says how many citations the answer has ("" for none): the column says it, as lupdate
    finds plural forms only in a class's own tr().
    """
    tail = [turn_figures(run, prices)]
    if cited:
        tail.insert(0, cited)
    failed = run.error is not None and not run.stopped
    if reply.cut_off and not failed:  # a failure is said once, on the bar over the answers
        reason = shown(reply.cut_off)  # core's fixed reasons, translated
        # Stopping is the person's own choice, named as the Chat pane's transcript and
        # Trace name it; "Cut off" is for what the server or the network cut.
        stopped = reply.cut_off == STOPPED
        cut_off = QCoreApplication.translate("CompareColumn", "Cut off: %1")
        tail.insert(0, reason if stopped else cut_off.replace("%1", reason))
    if reply.tool_calls:
        calls = ", ".join(call.name for call in reply.tool_calls)
        tool_calls = QCoreApplication.translate("CompareColumn", "Tool calls: %1")
        tail.insert(0, tool_calls.replace("%1", calls))
    return " · ".join(tail)
