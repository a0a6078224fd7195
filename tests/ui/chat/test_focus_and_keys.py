"""The Chat pane from the keyboard alone: where the focus goes as a turn starts and ends, and
what Esc does, over loopback to the sandbox."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from tests.ui.conftest import new_chat_pane, slow_chat_streams
from tests.waits import WAIT_MS

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from workbench.ui.chat.pane import ChatPane
    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

STORY = "Tell me a long story about rerankers and chat models"


@pytest.fixture
def pane(services: Services, qtbot: QtBot) -> ChatPane:
    """A chat pane, shown in an active window, so the keyboard has somewhere to be."""
    widget = new_chat_pane(services, qtbot)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=WAIT_MS)
    return widget


def _named(pane: ChatPane, name: str) -> QWidget:
    widget = pane.findChild(QWidget, name)
    assert widget is not None, name
    return widget


def _focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus, timeout=WAIT_MS)


def _finish(pane: ChatPane, services: Services, qtbot: QtBot, message: str) -> None:
    pane.send(message)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)


@pytest.mark.parametrize("button", ["chatSend", "chatRegenerate"])
def test_a_turn_started_from_the_keyboard_hands_the_focus_to_stop_then_back(
    pane: ChatPane, services: Services, qtbot: QtBot, button: str
) -> None:
    """Send (or Regenerate) going grey sent the focus on to Copy answer: Space then copied."""
    _finish(pane, services, qtbot, "hello there")  # Regenerate needs a turn to answer again
    slow_chat_streams(services)
    pane.composer.message.setPlainText(STORY)
    pressed = _named(pane, button)
    _focus(qtbot, pressed)
    QTest.keyClick(pressed, Qt.Key.Key_Space)
    assert pane.is_streaming()
    stop = _named(pane, "chatStop")
    assert QApplication.focusWidget() is stop
    QTest.keyClick(stop, Qt.Key.Key_Space)  # the next Space stops, as the person meant
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    reply = pane.session().turns[-1].reply
    assert reply is not None
    assert reply.cut_off == "Stopped by you"
    assert isinstance(pressed, QPushButton)
    assert pressed.isEnabled()
    # Stop going grey in its turn hands the keyboard to the next message, not to Copy answer.
    assert QApplication.focusWidget() is _named(pane, "chatMessage")


@pytest.mark.parametrize("place", ["chatTranscript", "chatModel"])
def test_escape_stops_the_answer_with_the_focus_anywhere_in_the_pane(
    pane: ChatPane, services: Services, qtbot: QtBot, place: str
) -> None:
    """Esc was bound to the composer alone: from the transcript or the side panel it let the
    answer run on, though the message field's placeholder and Stop's tool tip promise Esc."""
    slow_chat_streams(services)
    pane.send(STORY)
    qtbot.waitUntil(lambda: bool(pane.live_snapshot().text), timeout=WAIT_MS)
    pane.tabs.show_section(pane.setup)  # where the model field is
    focused = _named(pane, place)
    _focus(qtbot, focused)
    QTest.keyClick(focused, Qt.Key.Key_Escape)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    reply = pane.session().turns[-1].reply
    assert reply is not None
    assert reply.cut_off == "Stopped by you"
    assert reply.text


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_ctrl_return_sends_with_the_focus_anywhere_in_the_pane(
    pane: ChatPane, services: Services, qtbot: QtBot, key: Qt.Key
) -> None:
    """Send's keys worked only in the message box, and not from the keypad's Enter: in the
    side panel (the model field) they did nothing, where Rerank and Compare run from anywhere."""
    pane.composer.message.setPlainText("hello there")
    pane.tabs.show_section(pane.setup)
    model = _named(pane, "chatModel")
    _focus(qtbot, model)
    pressed = Qt.KeyboardModifier.ControlModifier
    if key == Qt.Key.Key_Enter:
        pressed |= Qt.KeyboardModifier.KeypadModifier
    QTest.keyClick(model, key, pressed)
    assert pane.is_streaming()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    reply = pane.session().turns[-1].reply
    assert reply is not None
    assert reply.text


class _KeySpy(QObject):
    """Notes the keys a widget itself is handed (a shortcut that takes one leaves it out)."""

    def __init__(self) -> None:
        super().__init__()
        self.keys: list[int] = []

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            self.keys.append(event.key())
        return False


@pytest.mark.parametrize("place", ["chatMessage", "chatTranscript"])
def test_escape_reaches_the_focused_control_while_nothing_streams(
    pane: ChatPane, services: Services, qtbot: QtBot, place: str
) -> None:
    """Stop's Esc is on only while a turn streams: otherwise Esc is the focused control's (to
    close a popup, leave an editor), never taken by a Stop that has nothing to stop."""
    _finish(pane, services, qtbot, "hello there")
    focused = _named(pane, place)
    spy = _KeySpy()
    focused.installEventFilter(spy)
    _focus(qtbot, focused)
    QTest.keyClick(focused, Qt.Key.Key_Escape)
    focused.removeEventFilter(spy)
    assert spy.keys == [Qt.Key.Key_Escape]


def test_the_turn_buttons_are_reached_after_a_turn_ends_with_the_focus_in_the_transcript(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    """The bar came back only on a focus change: with the focus kept in the transcript while a
    turn streamed and ended, Tab went on to the message field past Copy, Edit and Regenerate."""
    _finish(pane, services, qtbot, "hello there")  # the transcript shows once there is a turn
    slow_chat_streams(services, ms_per_event=20)
    pane.send(STORY)
    message, transcript = _named(pane, "chatMessage"), _named(pane, "chatTranscript")
    _focus(qtbot, message)
    QTest.keyClick(message, Qt.Key.Key_Backtab)  # Shift+Tab, into the transcript
    qtbot.waitUntil(transcript.hasFocus, timeout=WAIT_MS)
    assert pane.is_streaming()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert transcript.hasFocus()
    QTest.keyClick(transcript, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is _named(pane, "chatTurnCopy")
    button = _named(pane, "chatTurnCopy")
    for name in ("chatTurnEdit", "chatTurnRegenerate"):  # the last turn's, so Regenerate too
        QTest.keyClick(button, Qt.Key.Key_Tab)
        button = _named(pane, name)
        assert QApplication.focusWidget() is button
    with qtbot.waitSignal(pane.transcript.regenerate_requested, timeout=WAIT_MS) as asked:
        QTest.keyClick(button, Qt.Key.Key_Space)
    assert asked.args == [1]
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
