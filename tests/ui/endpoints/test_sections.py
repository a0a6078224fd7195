"""The pane's titled sections: Alt+letter reaches the controls that have no letter of their own
(Duplicate, Import…, the Connection and Prices fields; the pane has more controls than free
letters, in Italian fewer still)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QLineEdit, QListView, QWidget

from tests.ui.sections import press_section_letter, wait_for_focus

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from workbench.ui.endpoints.pane import EndpointsPane

# The offscreen platform plugin warns on every show(); it says nothing about our code.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.mark.parametrize(
    ("section", "kind", "first"),
    [
        ("endpointListSection", QListView, "endpointList"),
        ("connectionGroup", QLineEdit, "apiVersion"),
        ("pricesGroup", QLineEdit, "priceInput"),
    ],
)
def test_a_sections_alt_letter_focuses_its_first_control(
    pane: EndpointsPane, qtbot: QtBot, section: str, kind: type[QWidget], first: str
) -> None:
    wanted = pane.findChild(kind, first)
    assert wanted is not None
    start = pane.findChild(QLineEdit, "endpointName")
    assert start is not None
    pane.show()
    press_section_letter(pane, qtbot, section, start)
    wait_for_focus(qtbot, wanted)
