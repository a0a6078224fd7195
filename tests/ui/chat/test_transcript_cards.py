"""Transcript made to read: turns on cards with space between, icon buttons on hover and Tab."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.tr import before, tr
from tests.waits import WAIT_MS
from workbench.core.chat_metrics import TurnMetrics
from workbench.ui.chat.transcript import Transcript, TurnDisplay
from workbench.ui.chat.turns import describe

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

CARD = QColor(200, 230, 255)
"""A card colour no text or background of the test uses, so a pixel says where cards are."""
TURNS = [
    TurnDisplay(index=0, user="first question", text="First answer.", status="finish: COMPLETE"),
    TurnDisplay(index=1, user="second question", text="Second answer.", status="finish: COMPLETE"),
    TurnDisplay(index=2, user="third question", text="Third answer.", status="finish: COMPLETE"),
]


@pytest.fixture
def transcript(qtbot: QtBot) -> Transcript:
    widget = Transcript()
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.AlternateBase, CARD)
    widget.setPalette(palette)
    qtbot.addWidget(widget)
    widget.resize(500, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_turns(TURNS)
    widget.verticalScrollBar().setValue(0)
    return widget


def test_each_turn_is_a_card_with_space_between_turns(transcript: Transcript) -> None:
    cards = transcript.visible_cards()
    assert [turn for turn, _ in cards] == [0, 1, 2]
    rects = [rect for _, rect in cards]
    for upper, lower in itertools.pairwise(rects):
        assert lower.top() - upper.bottom() >= 8  # space between turns
    layout = transcript.document().documentLayout()
    block = transcript.document().begin()
    while block.isValid():  # every line of a turn lies on that turn's card
        if block.text() in {"first question", "Second answer.", "third question"}:
            y = layout.blockBoundingRect(block).center().y()
            assert sum(r.top() <= y <= r.bottom() for r in rects) == 1
        block = block.next()
    image = transcript.viewport().grab().toImage()
    inside = QPoint(round(rects[1].left()) + 5, round(rects[1].center().y()))
    gap = QPoint(inside.x(), round((rects[0].bottom() + rects[1].top()) / 2))
    assert image.pixelColor(inside) == CARD  # painted in the palette's AlternateBase
    assert image.pixelColor(gap) != CARD


def test_actions_are_icon_buttons_with_tips_shown_on_hover(
    transcript: Transcript, qtbot: QtBot
) -> None:
    actions = transcript.turn_actions
    transcript.clearFocus()  # the keyboard's turn shows its actions too
    QApplication.sendEvent(transcript, QEvent(QEvent.Type.Leave))  # and the mouse left
    assert not actions.isVisible()
    _, card = transcript.visible_cards()[1]
    QTest.mouseMove(transcript.viewport(), card.center().toPoint())
    qtbot.waitUntil(actions.isVisible, timeout=WAIT_MS)
    assert actions.turn == 1
    assert card.contains(actions.geometry().topLeft().toPointF())
    for button in (actions.copy, actions.edit):
        assert button.isVisible()
        assert not button.icon().isNull()
        assert button.toolTip()
        assert button.accessibleName()
        assert not button.text()  # an icon, not a text link
    assert actions.copy.accessibleName() == tr("TurnActions", "Copy answer")
    assert not actions.regenerate.isVisible()  # only the last turn can be regenerated
    with qtbot.waitSignal(transcript.copy_requested, timeout=WAIT_MS) as copied:
        actions.copy.click()
    assert copied.args == [1]
    assert "[" not in transcript.toPlainText()  # no bracketed links left in the text


def test_actions_are_reached_and_used_from_the_keyboard(
    transcript: Transcript, qtbot: QtBot
) -> None:
    actions = transcript.turn_actions
    transcript.activateWindow()
    transcript.setFocus()
    qtbot.waitUntil(transcript.hasFocus, timeout=WAIT_MS)
    qtbot.waitUntil(actions.isVisible, timeout=WAIT_MS)
    assert actions.turn == 2  # the last turn first
    assert actions.regenerate.isVisible()
    QTest.keyClick(transcript, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert actions.turn == 1
    QTest.keyClick(transcript, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is actions.copy, timeout=WAIT_MS)
    QTest.keyClick(actions.copy, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is actions.edit
    with qtbot.waitSignal(transcript.edit_requested, timeout=WAIT_MS) as edit:
        QTest.keyClick(actions.edit, Qt.Key.Key_Space)
    assert edit.args == [1]
    assert actions.isVisible()
    transcript.set_turns([])  # a new conversation: no actions on turns that are gone
    assert not actions.isVisible()


def test_one_muted_metrics_line_per_answer(transcript: Transcript) -> None:
    text = transcript.toPlainText()
    assert text.count("finish: COMPLETE") == len(TURNS)
    placeholder = transcript.palette().color(QPalette.ColorRole.PlaceholderText)
    block = transcript.document().begin()
    lines = []
    while block.isValid():
        if block.text() == "finish: COMPLETE":
            lines.append(block)
            assert block.layout().lineCount() == 1
            fmt = block.begin().fragment().charFormat()
            assert fmt.foreground().color() == placeholder
        block = block.next()
    assert len(lines) == len(TURNS)


def test_the_metrics_line_does_not_repeat_billed_tokens(qapp: QApplication) -> None:
    def metrics(billed: dict[str, float]) -> TurnMetrics:
        return TurnMetrics(
            finish_reason="COMPLETE",
            time_to_first_token_s=0.1,
            tokens_per_s=50.0,
            tokens_estimated=False,
            input_tokens=52,
            output_tokens=24,
            billed_units=billed,
            cost=None,
            currency="USD",
            total_s=0.2,
        )

    billed = before(tr("ChatTurns", "billed %1"))
    assert billed not in describe(metrics({"input_tokens": 52, "output_tokens": 24}))
    line = describe(metrics({"input_tokens": 40, "output_tokens": 24, "search_units": 1}))
    assert f"{billed}input_tokens 40, search_units 1" in line
