"""A server that quotes the key inside its answer: the transcript, copy and export show it masked,
as the command line does, and the citation after it still lands on the cited words."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

import pytest
from PySide6.QtGui import QGuiApplication

from tests.hostile import CITED, Hostile, serve
from tests.ui.conftest import keyed_endpoint, new_chat_pane
from tests.waits import WAIT_MS
from workbench.api.models import Flavour
from workbench.api.redact import FRAGMENT, REDACTED

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from PySide6.QtWidgets import QTreeWidget
    from pytestqt.qtbot import QtBot

    from workbench.ui.chat.pane import ChatPane
    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

KEY = "hk-" + secrets.token_hex(20)


def _leaks(text: str) -> list[str]:
    return [
        KEY[i : i + FRAGMENT]
        for i in range(len(KEY) - FRAGMENT + 1)
        if KEY[i : i + FRAGMENT] in text
    ]


@pytest.fixture
def hostile() -> Iterator[Hostile]:
    yield from serve()


@pytest.fixture
def pane(services: Services, hostile: Hostile, qtbot: QtBot) -> ChatPane:
    """A chat pane sending to the hostile server, with KEY stored for it (and not yet read)."""
    keyed_endpoint(services, qtbot, hostile.base_url, KEY)
    return new_chat_pane(services, qtbot)


def test_a_key_echoed_inside_the_answer_is_masked_on_screen_in_copy_and_export(
    pane: ChatPane, hostile: Hostile, qtbot: QtBot, tmp_path: Path
) -> None:
    hostile.mode = "cited-echo"
    drawn: list[str] = []  # every state of the transcript, while it streams too
    document = pane.transcript.document()
    document.contentsChanged.connect(lambda: drawn.append(document.toPlainText()))
    with qtbot.waitSignal(pane.controller.turn_finished, timeout=WAIT_MS):
        pane.send("What is my key?")
    assert hostile.seen[-1]["authorization"] == f"Bearer {KEY}"  # the key did travel
    reply = pane.session().turns[0].reply
    assert reply is not None
    assert KEY in reply.text  # the answer did quote it
    shown = pane.transcript.toPlainText()
    assert f"Your key is {REDACTED}. {CITED}" in shown
    assert _leaks("\n".join(drawn)) == []
    assert pane.transcript.highlighted_spans(0) == {0: CITED}  # moved past the mask
    pane.transcript.copy_requested.emit(0)
    copied = QGuiApplication.clipboard().text()
    assert copied == f"Your key is {REDACTED}. {CITED}"
    path = tmp_path / "chat.json"
    assert pane.export_history(path, Flavour.COHERE_V2)
    exported = path.read_text(encoding="utf-8")
    assert REDACTED in exported
    assert _leaks(exported) == []


def test_a_key_quoted_in_a_failure_the_stream_reports_is_masked_in_the_transcript(
    pane: ChatPane, hostile: Hostile, qtbot: QtBot
) -> None:
    hostile.mode = "failed-echo"
    with qtbot.waitSignal(pane.controller.turn_finished, timeout=WAIT_MS):
        pane.send("What is my quota?")
    reply = pane.session().turns[0].reply
    assert reply is not None
    assert reply.text == "Half an answer"
    shown = pane.transcript.toPlainText()
    assert f"quota exceeded for key {REDACTED}" in shown
    assert _leaks(shown) == []
    assert _leaks("\n".join(_tree_texts(pane.trace))) == []


def _tree_texts(tree: QTreeWidget) -> Iterator[str]:
    """Every column's text and tool tip of every item in `tree`, depth first."""
    stack = [tree.topLevelItem(n) for n in range(tree.topLevelItemCount())]
    while stack:
        item = stack.pop()
        assert item is not None
        yield from (item.text(c) for c in range(tree.columnCount()))
        yield from (item.toolTip(c) for c in range(tree.columnCount()))
        stack += [item.child(n) for n in range(item.childCount())]
