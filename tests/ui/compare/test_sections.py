"""The pane's titled sections: Alt+letter reaches the controls that have no letter of their own
(each column's follow-up and Continue, Format and the parameters under the inputs' tabs)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.compare.conftest import compare_pane
from tests.ui.sections import press_section_letter, wait_for_focus
from tests.waits import WAIT_MS
from workbench.api.models import Flavour

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from pytestqt.qtbot import QtBot

    from workbench.ui.compare.pane import ComparePane
    from workbench.ui.services import Services

# The offscreen platform plugin warns on every show(); it says nothing about our code.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def pane(services: Services) -> Iterator[ComparePane]:
    with compare_pane(services, (Flavour.COHERE_V2, Flavour.OPENAI, None)) as widget:
        yield widget


def _column_picker(position: int) -> Callable[[ComparePane], QWidget]:
    return lambda pane: pane.columns[position].picker


def _tab_bar(pane: ComparePane) -> QWidget:
    return pane.inputs.tabs.tabBar()


@pytest.mark.parametrize(
    ("section", "first"),
    [
        ("compareColumn1", _column_picker(0)),
        ("compareColumn2", _column_picker(1)),
        ("compareColumn3", _column_picker(2)),  # off, yet its route can be picked
        ("compareMoreInputs", _tab_bar),
    ],
)
def test_a_sections_alt_letter_focuses_its_first_control(
    pane: ComparePane, qtbot: QtBot, section: str, first: Callable[[ComparePane], QWidget]
) -> None:
    wanted = first(pane)
    press_section_letter(pane, qtbot, section, pane.inputs.message)
    wait_for_focus(qtbot, wanted)


def test_a_columns_letter_leads_back_to_its_follow_up(pane: ComparePane, qtbot: QtBot) -> None:
    # The follow-up and Continue have no letter of their own: the column's leads to the one
    # last used, so Alt+2 returns to the follow-up being typed.
    column = pane.columns[1]
    with qtbot.waitActive(pane):
        pane.activateWindow()
    column.follow_up.setFocus()
    pane.inputs.message.setFocus()
    QTest.keySequence(pane.inputs.message, QKeySequence.mnemonic(column.title()))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is column.follow_up, timeout=WAIT_MS)
