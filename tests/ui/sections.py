"""Pressing a titled section's Alt letter in a pane, as a person does, for the section tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGroupBox

from tests.waits import WAIT_MS

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget
    from pytestqt.qtbot import QtBot


def press_section_letter(pane: QWidget, qtbot: QtBot, section: str, start: QWidget) -> None:
    """Press Alt and the letter of `pane`'s section named `section`, the focus in `start`.

    Shortcuts work only in the active window: `pane`'s is made active first.
    """
    box = pane.findChild(QGroupBox, section)
    assert box is not None, section
    letter = QKeySequence.mnemonic(box.title())
    assert not letter.isEmpty(), box.title()
    with qtbot.waitActive(pane.window()):
        pane.window().activateWindow()
    start.setFocus()
    QTest.keySequence(start, letter)


def wait_for_focus(qtbot: QtBot, wanted: QWidget) -> None:
    """Wait until `wanted` holds the keyboard focus."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is wanted, timeout=WAIT_MS)
