"""The transcript keeps the person's reading place when it draws the turns again."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint
from PySide6.QtGui import QPalette, QTextCursor

from tests.ui.conftest import new_chat_pane
from tests.waits import WAIT_MS
from workbench.ui.chat.transcript import Transcript, TurnDisplay

if TYPE_CHECKING:
    from PySide6.QtWidgets import QScrollBar
    from pytestqt.qtbot import QtBot

    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def transcript(qtbot: QtBot) -> Transcript:
    widget = Transcript()
    qtbot.addWidget(widget)
    widget.resize(480, 400)
    widget.show()
    return widget


def _turn(i: int, *, thinking_open: bool = False) -> TurnDisplay:
    """A long turn whose every word says where it is ("t3w17"), with a thinking block."""
    text = " ".join(f"t{i}w{w}" for w in range(120))
    thinking = " ".join(f"t{i}k{w}" for w in range(80))
    return TurnDisplay(
        index=i, user=f"q{i}", text=text, thinking=thinking, thinking_open=thinking_open, status="s"
    )


def _read_from_the_middle(transcript: Transcript, turns: int = 10) -> QScrollBar:
    transcript.set_turns([_turn(i) for i in range(turns)])
    bar = transcript.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)  # the person scrolled up to read
    return bar


def _word_on_top(transcript: Transcript) -> str:
    cursor = transcript.cursorForPosition(QPoint(40, 8))
    cursor.select(QTextCursor.SelectionType.WordUnderCursor)
    return cursor.selectedText()


@pytest.mark.parametrize("switch", ["theme", "language"])
def test_a_theme_or_language_switch_keeps_the_text_being_read(
    transcript: Transcript, switch: str
) -> None:
    """Either switch drew the turns again and jumped to the end."""
    bar = _read_from_the_middle(transcript)
    word, value = _word_on_top(transcript), bar.value()
    if switch == "theme":
        palette = QPalette(transcript.palette())
        palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Text))
        transcript.setPalette(palette)  # the PaletteChange a theme switch sends
    else:
        QCoreApplication.sendEvent(transcript, QEvent(QEvent.Type.LanguageChange))
    assert bar.value() == value < bar.maximum()
    assert _word_on_top(transcript) == word


def test_unfolding_a_thinking_block_above_keeps_the_text_being_read(
    transcript: Transcript,
) -> None:
    """Unfolding an earlier turn's thinking jumped to the end of the conversation."""
    bar = _read_from_the_middle(transcript)
    word = _word_on_top(transcript)
    transcript.toggle_thinking(0)  # a turn above the view
    assert bar.value() < bar.maximum()
    assert _word_on_top(transcript) == word
    reading = word[: word.index("w" if "w" in word else "k")]
    transcript.toggle_thinking(int(reading[1:]))  # the turn being read unfolds below its top
    assert bar.value() < bar.maximum()
    assert _word_on_top(transcript).startswith(reading)


def test_a_turn_finishing_leaves_a_view_scrolled_up_where_it_is(transcript: Transcript) -> None:
    bar = _read_from_the_middle(transcript)
    word, value = _word_on_top(transcript), bar.value()
    live = TurnDisplay(index=10, user="next", text="more " * 300, streaming=True)
    transcript.show_live(live)
    transcript.flush()
    transcript.finish_live(TurnDisplay(index=10, user="next", text="more " * 300, status="s"))
    assert bar.value() == value < bar.maximum()
    assert _word_on_top(transcript) == word


def test_a_view_at_the_end_stays_at_the_end(transcript: Transcript) -> None:
    transcript.set_turns([_turn(i) for i in range(10)])
    bar = transcript.verticalScrollBar()
    assert bar.value() == bar.maximum() > 0
    transcript.toggle_thinking(9)
    assert bar.value() == bar.maximum()
    transcript.show_live(TurnDisplay(index=10, user="next", text="more " * 300, streaming=True))
    transcript.flush()
    transcript.finish_live(TurnDisplay(index=10, user="next", text="more " * 300, status="s"))
    assert bar.value() == bar.maximum()


def test_a_regenerate_sent_while_reading_above_shows_the_new_turn(
    services: Services, qtbot: QtBot
) -> None:
    """A Send that draws the turns again (after a regenerate) keeps no reading place: the
    person asked for the new turn, which is at the end."""
    pane = new_chat_pane(services, qtbot)
    pane.resize(900, 420)
    pane.show()
    for number in range(5):
        pane.send(f"Question {number}: tell me about rerankers")
        qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    bar = pane.transcript.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=WAIT_MS)
    bar.setValue(0)
    pane.composer.regenerate.click()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert bar.value() == bar.maximum() > 0
