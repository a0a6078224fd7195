"""A status line kept as the way to make it, so a language switch says it again (StatusLabel.say)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from workbench.ui.common.a11y import StatusLabel

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot


def _line() -> str:
    return QCoreApplication.translate("StatusTest", "Saved.")


def test_say_shows_the_line_and_say_again_makes_it_anew(qtbot: QtBot) -> None:
    label = StatusLabel()
    qtbot.addWidget(label)
    label.setAccessibleName("Test status")
    made: list[str] = []

    def line() -> str:
        made.append(_line())
        return made[-1]

    label.say(line)
    assert (label.text(), label.accessibleName(), made) == ("Saved.", "Saved.", ["Saved."])
    label.say_again()
    assert made == ["Saved.", "Saved."]


def test_a_text_set_directly_or_nothing_is_not_made_again(qtbot: QtBot) -> None:
    label = StatusLabel()
    qtbot.addWidget(label)
    label.say(_line)
    label.setText("Plain")
    label.say_again()
    assert label.text() == "Plain"  # the earlier line does not come back over it
    label.say(None)
    label.say_again()
    assert label.text() == ""
