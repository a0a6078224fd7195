"""The pane's titled sections: Alt+letter reaches the controls that have no letter of their own
(the side pages, the composer and the cards together outnumber the free letters)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtWidgets import QGroupBox, QTabWidget, QToolButton, QWidget

from tests.ui.conftest import new_chat_pane
from tests.ui.sections import press_section_letter, wait_for_focus
from tests.waits import WAIT_MS
from workbench.core.runs.demo import DemoScript

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

    from workbench.ui.chat.pane import ChatPane
    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def pane(services: Services, qtbot: QtBot) -> ChatPane:
    widget = new_chat_pane(services, qtbot)
    widget.resize(1200, 800)
    with qtbot.waitActive(widget):  # shortcuts work only in the active window
        widget.show()
        widget.activateWindow()
    return widget


def _temperature(pane: ChatPane, _qtbot: QtBot) -> QWidget:
    pane.tabs.show_section(pane.params)
    return pane.params.field("temperature")


def _documents(pane: ChatPane, _qtbot: QtBot) -> QWidget:
    pane.tabs.show_section(pane.documents)
    return pane.documents.editor.editor


def _tools(pane: ChatPane, _qtbot: QtBot) -> QWidget:
    pane.tabs.show_section(pane.tools)
    return pane.tools.editor.editor


def _response_format(pane: ChatPane, _qtbot: QtBot) -> QWidget:
    pane.tabs.show_section(pane.model_options)
    assert not pane.model_options.reasoning_box.isEnabled()  # this model does not think
    return pane.model_options.format_kind  # the first choice it takes


def _history(pane: ChatPane, _qtbot: QtBot) -> QWidget:
    pane.tabs.show_section(pane.history)
    return pane.history.editor.editor


def _first_example(pane: ChatPane, _qtbot: QtBot) -> QWidget:
    return pane.examples.buttons["plain"]


def _first_chip(pane: ChatPane, qtbot: QtBot) -> QWidget:
    pane.documents.editor.set_text('["a note about huts"]')
    qtbot.waitUntil(lambda: bool(pane.chips.chips()), timeout=WAIT_MS)
    button = pane.chips.chips()[0].findChild(QToolButton)
    assert button is not None
    return button


def _first_call(pane: ChatPane, qtbot: QtBot) -> QWidget:
    pane.load_sample("tools")  # the model calls get_weather: a form for its outputs
    qtbot.waitUntil(lambda: pane.findChild(QGroupBox, "toolResult0") is not None, timeout=WAIT_MS)
    pane.tabs.show_section(pane.tool_results)
    modes = pane.findChild(QTabWidget, "toolResult0Mode")
    assert modes is not None
    return modes.tabBar()  # Fields or JSON, then the fields


def _demo_speed(pane: ChatPane, _qtbot: QtBot) -> QWidget:
    assert pane.play_script(DemoScript([], "nothing to play"))
    return pane.demo.speed  # Previous and Next turn are off: nothing was played, none is left


@pytest.mark.parametrize(
    ("section", "first"),
    [
        ("chatParamsSection", _temperature),
        ("chatDocumentsSection", _documents),
        ("chatToolsSection", _tools),
        ("chatModelOptionsBody", _response_format),
        ("chatHistorySection", _history),
        ("chatExamplesSection", _first_example),
        ("chatAttachments", _first_chip),
        ("chatDemoBar", _demo_speed),
        ("chatToolCalls", _first_call),
    ],
)
def test_a_sections_alt_letter_focuses_its_first_control(
    pane: ChatPane, qtbot: QtBot, section: str, first: Callable[[ChatPane, QtBot], QWidget]
) -> None:
    wanted = first(pane, qtbot)
    press_section_letter(pane, qtbot, section, pane.composer.message)
    wait_for_focus(qtbot, wanted)
