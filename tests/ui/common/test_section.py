"""A section's Alt letter focuses a control that takes the focus: the last used, else the first;
a flat section draws its title alone, and only when a paint reaches it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QProxyStyle,
    QPushButton,
    QStyle,
    QStyleFactory,
    QVBoxLayout,
    QWidget,
)

from tests.ui.paints import counted
from tests.waits import WAIT_MS
from workbench.ui.common.section import Section

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    """A line edit above a section of three buttons, shown in the active window."""
    window = QWidget()
    qtbot.addWidget(window)
    outside = QLineEdit(window)
    section = Section("testSection", window)
    section.setTitle("&Options")
    buttons = [QPushButton(text, section) for text in ("First", "Second", "Third")]
    inner = QVBoxLayout(section)
    for button in buttons:
        inner.addWidget(button)
    outer = QVBoxLayout(window)
    outer.addWidget(outside)
    outer.addWidget(section)
    window.show()
    with qtbot.waitActive(window):  # shortcuts work only in the active window
        window.activateWindow()
    return window


def _parts(window: QWidget) -> tuple[QLineEdit, Section, list[QPushButton]]:
    outside = window.findChild(QLineEdit)
    section = window.findChild(Section)
    assert outside is not None
    assert section is not None
    return outside, section, section.findChildren(QPushButton)


def _press_letter(outside: QLineEdit, section: Section) -> None:
    outside.setFocus()
    QTest.keySequence(outside, QKeySequence.mnemonic(section.title()))


def test_the_letter_skips_a_disabled_first_control(window: QWidget, qtbot: QtBot) -> None:
    outside, section, (first, second, _) = _parts(window)
    first.setEnabled(False)  # QGroupBox's own choice: the letter then did nothing
    _press_letter(outside, section)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is second, timeout=WAIT_MS)


def test_the_letter_goes_back_to_the_control_last_used(window: QWidget, qtbot: QtBot) -> None:
    outside, section, (first, _, third) = _parts(window)
    _press_letter(outside, section)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first, timeout=WAIT_MS)
    third.setFocus()
    _press_letter(outside, section)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is third, timeout=WAIT_MS)
    third.hide()  # gone: the first again
    _press_letter(outside, section)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first, timeout=WAIT_MS)


def _colours_below_title(section: Section) -> set[int]:
    """The colours drawn under the title's row, where a frame's sides and bottom would be."""
    image = section.grab().toImage()
    top = section.fontMetrics().height() + 4
    return {image.pixel(x, y) for y in range(top, image.height()) for x in range(image.width())}


@pytest.mark.parametrize("flat", [True, False])
def test_a_flat_section_draws_its_title_alone(qtbot: QtBot, flat: bool) -> None:
    section = Section("testSection", flat=flat)
    qtbot.addWidget(section)
    section.setTitle("&Options")
    section.resize(200, 100)
    # A style draws a frame even around a flat QGroupBox (Fusion does): a flat Section is a
    # heading over its controls, where a label stood, so nothing but its background is drawn.
    assert (len(_colours_below_title(section)) == 1) is flat


def test_a_flat_section_leaves_no_margin_beside_or_under_its_controls(qtbot: QtBot) -> None:
    # As the label it replaces: the controls as wide as before, the column no wider.
    section = Section("testSection", flat=True)
    qtbot.addWidget(section)
    section.setTitle("&Options")
    section.setFont(QFont(section.font().family(), 20))  # the style measures the margins again
    margins = section.contentsMargins()
    assert (margins.left(), margins.right(), margins.bottom()) == (0, 0, 0)
    assert margins.top() >= section.fontMetrics().height()  # room for the title


class _GroupBoxDraws(QProxyStyle):
    """Fusion, counting the group boxes it draws."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self.count = 0

    def drawComplexControl(self, *args: Any) -> None:
        if args[0] == QStyle.ComplexControl.CC_GroupBox:
            self.count += 1
        super().drawComplexControl(*args)


def test_a_flat_section_draws_nothing_when_only_a_control_below_its_title_repaints(
    qtbot: QtBot,
) -> None:
    # A label is not opaque: at each of its repaints the section paints under it. A streaming
    # view's scroll bar did so 30 times a second in each Compare column (issue 15).
    section = Section("testSection", flat=True)
    qtbot.addWidget(section)
    style = _GroupBoxDraws()
    section.setStyle(style)
    section.setTitle("&Options")
    label = QLabel("Changing", section)
    QVBoxLayout(section).addWidget(label)
    section.resize(200, 100)
    section.show()
    qtbot.waitUntil(lambda: style.count > 0, timeout=WAIT_MS)
    paints = counted(label)
    drawn = style.count
    label.setText("Changed")
    qtbot.waitUntil(lambda: paints.count > 0, timeout=WAIT_MS)
    assert style.count == drawn
    section.setTitle("&Choices")  # the title band: drawn again
    qtbot.waitUntil(lambda: style.count > drawn, timeout=WAIT_MS)
