"""Role colours come from the style sheet, so painted text follows the dark scheme too."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from workbench.ui.app import apply_colour_scheme
from workbench.ui.chat.transcript_format import cited, link, warning
from workbench.ui.common.json_editor import JsonEditor
from workbench.ui.common.roles import role_background, role_colour

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot


def test_role_colours_follow_the_scheme(qapp: QApplication) -> None:
    assert role_colour("error") == QColor("#c42b1c")  # no sheet applied: the light one
    try:
        apply_colour_scheme(qapp, Qt.ColorScheme.Dark)
        assert role_colour("error") == QColor("#ff8a80")
        assert role_colour("success") == QColor("#81c784")
        apply_colour_scheme(qapp, Qt.ColorScheme.Light)
        assert role_colour("error") == QColor("#c42b1c")
        assert role_colour("warning") == QColor("#9a4f00")
        assert role_background("citation") == QColor("#fff3b0")
    finally:
        qapp.setStyleSheet("")
        qapp.setPalette(qapp.style().standardPalette())


def test_json_error_mark_takes_the_schemes_red(qapp: QApplication, qtbot: QtBot) -> None:
    editor = JsonEditor()
    qtbot.addWidget(editor)
    try:
        apply_colour_scheme(qapp, Qt.ColorScheme.Dark)
        editor.set_text("[1, , 2]")
        assert not editor.is_valid()
        spot = editor.editor.extraSelections()[-1]
        assert spot.format.underlineColor() == QColor("#ff8a80")
    finally:
        qapp.setStyleSheet("")
        qapp.setPalette(qapp.style().standardPalette())


def test_transcript_formats_follow_the_dark_scheme(qapp: QApplication) -> None:
    try:
        apply_colour_scheme(qapp, Qt.ColorScheme.Dark)
        assert cited("0:1", ["doc_0"]).background().color() == QColor("#5c4a00")
        assert warning().foreground().color() == QColor("#ff8a80")
        assert link("https://example.com").foreground().color() == QColor("#8cc7b0")
    finally:
        qapp.setStyleSheet("")
        qapp.setPalette(qapp.style().standardPalette())
