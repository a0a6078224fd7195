"""The input / results split: fitted to the inputs until the person drags the handle."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QScrollArea, QSplitter

from tests.waits import WAIT_MS

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from workbench.ui.rerank.pane import RerankPane

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _inputs_fit(pane: RerankPane) -> bool:
    """Nothing to scroll to (read from the range: the bar itself shows or hides a turn later)."""
    inputs = pane.findChild(QScrollArea, "rerankInputScroll")
    assert inputs is not None
    return inputs.verticalScrollBar().maximum() == 0


def test_the_inputs_stay_fitted_as_the_pane_shrinks_until_the_handle_is_dragged(
    pane: RerankPane, qtbot: QtBot
) -> None:
    """Fitted on the first show only, the inputs got just the height they ask for, and a pane
    made a little shorter (a smaller window, a window manager's own size) shrank both parts
    by their share: the inputs scrolled. The split the person drags is theirs, and kept."""
    splitter = pane.findChild(QSplitter, "rerankSplitter")
    assert splitter is not None
    qtbot.waitUntil(lambda: _inputs_fit(pane), timeout=WAIT_MS)
    pane.resize(1200, 760)
    qtbot.waitUntil(lambda: _inputs_fit(pane), timeout=WAIT_MS)
    top, results = splitter.sizes()
    assert results >= 0.25 * (top + results) - 1  # the results keep a useful share
    splitter.moveSplitter(top // 2, 1)  # what dragging the handle does
    dragged = splitter.sizes()[0]
    pane.resize(1200, 740)
    qtbot.waitUntil(lambda: splitter.sizes()[0] < dragged, timeout=WAIT_MS)  # shared out
    assert not _inputs_fit(pane)  # not fitted again over the person's choice
