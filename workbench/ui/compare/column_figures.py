"""A Compare column's figures: a line that never relays the pane out, and what it says at the end."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QSizePolicy

from workbench.core.turns import STOPPED
from workbench.ui.common.a11y import StatusLabel
from workbench.ui.common.core_text import shown
from workbench.ui.compare.figures import turn_figures

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from workbench.core.chat_session import Reply
    from workbench.core.endpoints import Prices
    from workbench.core.turns import TurnRun


def figures_label(name: str, parent: QWidget) -> StatusLabel:
    """The one line a column's figures are written to, at every tick while it streams."""
    label = StatusLabel(parent)
    label.setObjectName(name)
    # One line that never changes size: a wrapping label relaid the whole pane (and its three
    # transcripts) at every tick of every column (benchmarks/chat_compare.py).
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
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
