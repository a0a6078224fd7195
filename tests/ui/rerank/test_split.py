"""The input / results split: fitted to the inputs until the person drags the handle."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QScrollArea, QSplitter

from tests.ui.shown_texts import switch_language
from tests.waits import WAIT_MS
from workbench.ui.rerank.pane import RESULTS_SHARE

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

    from workbench.ui.rerank.pane import RerankPane
    from workbench.ui.services import Services

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


def _to(qtbot: QtBot, pane: RerankPane, language: str) -> None:
    wanted = "Esegu&i  (Ctrl+Invio)" if language == "it" else "Ru&n  (Ctrl+Return)"
    switch_language(qtbot, language, lambda: pane.run_button.text() == wanted)


def _settled(qtbot: QtBot, read: Callable[[], int]) -> int:
    """What `read` gives once the layouts and fits a switch asked for have all run.

    In the Italian pass the pane starts in Italian: switched to English, its inputs fit at once
    in the taller Italian split, before the layout requests that shrink it have been delivered.
    """
    seen: list[int] = []

    def steady() -> bool:
        QCoreApplication.sendPostedEvents()  # the content's layout requests start a refit
        seen.append(read())
        return len(seen) >= 3 and seen[-1] == seen[-2] == seen[-3]

    qtbot.waitUntil(steady, timeout=WAIT_MS)
    return seen[-1]


def _settled_top(qtbot: QtBot, pane: RerankPane, splitter: QSplitter) -> int:
    """The top part's height once fitted for good (see `_settled`)."""
    qtbot.waitUntil(lambda: _inputs_fit(pane), timeout=WAIT_MS)
    top = _settled(qtbot, lambda: splitter.sizes()[0])
    assert _inputs_fit(pane)
    return top


def _input_scroll_range(pane: RerankPane) -> int:
    inputs = pane.findChild(QScrollArea, "rerankInputScroll")
    assert inputs is not None
    return inputs.verticalScrollBar().maximum()


@pytest.mark.usefixtures("restore_language")
def test_the_inputs_are_fitted_again_when_they_ask_for_more_height_in_place(
    pane: RerankPane, qtbot: QtBot
) -> None:
    """Fitted on shows and resizes only, inputs that grew with no resize scrolled above results
    with room to spare: switched to Italian at run time, the longer rows wrap (14 px at
    1200 x 800). They are fitted again whenever their content asks for a new size."""
    splitter = pane.findChild(QSplitter, "rerankSplitter")
    assert splitter is not None
    _to(qtbot, pane, "en")
    pane.resize(1200, 790)
    _settled_top(qtbot, pane, splitter)
    # A fit only ever grows the inputs: in the Italian pass they were fitted to the Italian
    # rows before the switch. Started from nothing, the fit gives the English rows their own.
    inputs = pane.findChild(QScrollArea, "rerankInputScroll")
    assert inputs is not None
    content = inputs.widget()
    assert content is not None
    rows = content.layout()
    assert rows is not None
    splitter.setSizes([1, sum(splitter.sizes()) - 1])
    rows.invalidate()  # their content asks again, as a switch makes it
    english = _settled_top(qtbot, pane, splitter)
    _to(qtbot, pane, "it")
    qtbot.waitUntil(lambda: splitter.sizes()[0] > english and _inputs_fit(pane), timeout=WAIT_MS)
    top, results = splitter.sizes()
    assert results >= RESULTS_SHARE * (top + results) - 1  # the results keep their share


def test_the_inputs_are_fitted_again_in_demo_mode(
    pane: RerankPane, services: Services, qtbot: QtBot
) -> None:
    """Demo mode enlarges every font for a projector: the inputs still fit where there is room.
    (The pane's other rows grow too, so the splitter is also resized: this held before the
    refit on layout requests, and guards the case presenters meet most.)"""
    splitter = pane.findChild(QSplitter, "rerankSplitter")
    assert splitter is not None
    qtbot.waitUntil(lambda: _inputs_fit(pane), timeout=WAIT_MS)
    before = splitter.sizes()[0]
    services.demo.set_on(True, remember=False)
    try:
        qtbot.waitUntil(lambda: splitter.sizes()[0] > before and _inputs_fit(pane), timeout=WAIT_MS)
        top, results = splitter.sizes()
        assert results >= RESULTS_SHARE * (top + results) - 1
    finally:
        services.demo.set_on(False, remember=False)  # the application's font is shared


@pytest.mark.usefixtures("restore_language")
def test_a_dragged_split_is_not_fitted_again_when_the_inputs_grow(
    pane: RerankPane, qtbot: QtBot
) -> None:
    """The split the person drags is theirs, whatever the inputs come to ask for."""
    splitter = pane.findChild(QSplitter, "rerankSplitter")
    assert splitter is not None
    _to(qtbot, pane, "en")
    splitter.moveSplitter(_settled_top(qtbot, pane, splitter) - 40, 1)  # a drag of the handle
    dragged = splitter.sizes()
    scrolled = _settled(qtbot, lambda: _input_scroll_range(pane))
    _to(qtbot, pane, "it")
    qtbot.waitUntil(lambda: _input_scroll_range(pane) > scrolled, timeout=WAIT_MS)  # rows wrapped
    QCoreApplication.processEvents()  # a refit, wrongly queued, would have run by now
    assert splitter.sizes() == dragged
