"""The Model page in the chat pane against the sandbox: a reasoning turn, a schema-checked JSON
answer, an image question, and choices that follow the model."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QMimeData, QPointF, QSize, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QComboBox

from tests.folders import unmakeable
from tests.imaging import png
from tests.ui.conftest import new_chat_pane, select_flavour
from tests.ui.tr import before, tr
from tests.waits import WAIT_MS
from workbench.api.events import TextDelta, ThinkingDelta
from workbench.api.models import Flavour
from workbench.api.stream import ChatSnapshot, accumulate
from workbench.core.chat_session import Turn
from workbench.core.citations import CitationMap
from workbench.ui.chat.turns import display_of, trace_of

if TYPE_CHECKING:
    from collections.abc import Callable

    from pytestqt.qtbot import QtBot

    from workbench.core.chat_session import Reply
    from workbench.ui.chat.pane import ChatPane
    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def pane(services: Services, qtbot: QtBot) -> ChatPane:
    select_flavour(services, Flavour.COHERE_V2)
    return new_chat_pane(services, qtbot)


def _ask(pane: ChatPane, services: Services, qtbot: QtBot, message: str) -> Reply:
    pane.send(message)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    reply = pane.session().turns[-1].reply
    assert reply is not None
    return reply


def test_reasoning_turn_shows_a_folded_thinking_block(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    pane.setup.model.setText("command-a-reasoning-08-2025")
    assert pane.model_options.reasoning_box.isEnabled()
    reply = _ask(pane, services, qtbot, "Why is the sky blue?")
    assert reply.thinking.startswith("The question is: Why is the sky blue")
    shown = pane.transcript.toPlainText()
    thinking = before(tr("TranscriptTexts", "Thinking (%n words)", n=2), "2")
    assert f"▸ {thinking}" in shown
    assert reply.thinking not in shown
    assert before(tr("ChatTurns", "thought ≈%1 tokens")) in pane.transcript.turns()[-1].status
    pane.transcript.toggle_thinking(0)
    shown = pane.transcript.toPlainText()
    assert f"▾ {thinking}" in shown
    assert reply.thinking in shown
    assert shown.index(reply.thinking) < shown.index(reply.text)


def test_thinking_budget_and_off_reach_the_request(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    pane.setup.model.setText("command-a-plus-05-2026")
    options = pane.model_options
    options.thinking.setCurrentIndex(options.thinking.findData("enabled"))
    options.budget.setValue(3)
    assert len(_ask(pane, services, qtbot, "Why is the sky blue?").thinking.split()) == 3
    options.thinking.setCurrentIndex(options.thinking.findData("disabled"))
    assert _ask(pane, services, qtbot, "Hello").thinking == ""


def test_thinking_block_is_open_while_thinking_and_folds_when_the_answer_starts() -> None:
    turn = Turn(user="Why?")
    snap = accumulate(ChatSnapshot(), ThinkingDelta("Let me see"))
    assert display_of(0, turn, CitationMap(), snap).thinking_open
    snap = accumulate(snap, TextDelta("Because"))
    assert not display_of(0, turn, CitationMap(), snap).thinking_open


def test_tool_plan_that_arrived_as_thinking_shows_in_the_trace(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    pane.setup.model.setText("command-a-reasoning-08-2025")
    pane.tools.editor.set_text(
        '[{"name": "get_weather", "parameters": {"type": "object",'
        ' "properties": {"city": {"type": "string"}}}}]'
    )
    reply = _ask(pane, services, qtbot, "Weather in Lisbon?")
    assert reply.tool_calls
    assert not reply.tool_plan
    assert "get_weather" in trace_of(0, pane.session().turns[0]).thinking_plan
    steps = pane.trace.steps(0)
    plan = pane.trace.detail(0, steps.index(tr("TraceView", "Tool plan")))
    assert plan.startswith(before(tr("TraceView", "(thinking) %1")))
    assert "get_weather" in plan


def test_json_schema_answer_is_checked_on_the_turn(
    pane: ChatPane, services: Services, qtbot: QtBot
) -> None:
    pane.setup.model.setText("command-a-03-2025")
    options = pane.model_options
    options.format_kind.setCurrentIndex(options.format_kind.findData("json_schema"))
    assert options.schema.isEnabled()
    reply = _ask(pane, services, qtbot, "A film as JSON")
    assert tr("ChatTurns", "JSON ✓ follows the schema") in reply.status
    assert "JSON ✓" in pane.transcript.toPlainText()
    pane.documents.editor.set_text('["Paris is in France."]')
    _ask(pane, services, qtbot, "Again, with documents")
    # Sent: Cohere's reference refuses the pair, but that is unverified on Azure.
    assert len(pane.session().turns) == 2
    (caution,) = [n for n in services.notices.history() if n.level == "warning"]
    assert (caution.pane, caution.where) == ("chat", "params.response_format")
    said = tr(
        "Core",
        "Cohere's reference does not combine a JSON response_format with %1 (not checked on "
        "Azure); it is sent anyway, for the server to decide",
        "documents",
    )
    assert said in caution.shown_text()
    assert not pane.error.has_error()  # nothing was refused


def test_a_schema_that_cannot_be_used_is_refused_before_sending(
    pane: ChatPane, services: Services
) -> None:
    """It was sent, and the answer's check ran into it afterwards."""
    pane.setup.model.setText("command-a-03-2025")
    options = pane.model_options
    options.format_kind.setCurrentIndex(options.format_kind.findData("json_schema"))
    options.schema.set_text('{"type": "object", "properties": {"a": {"$ref": "#/$defs/gone"}}}')
    pane.send("A film as JSON")
    assert not pane.is_streaming()
    assert pane.session().turns == []
    assert "$.properties.a" in pane.error.text()
    assert tr("Core", "the reference %1 leads nowhere", "#/$defs/gone") in pane.error.text()
    assert pane.composer.message.toPlainText() == "A film as JSON"  # kept to send again


def test_image_question_with_thumbnails_and_estimate(
    pane: ChatPane, services: Services, qtbot: QtBot, tmp_path: Path
) -> None:
    pane.setup.model.setText("command-a-vision-07-2025")
    options = pane.model_options
    assert options.images_box.isEnabled()
    picture = tmp_path / "red.png"
    picture.write_bytes(png(40, 30))
    assert options.strip.add_file(picture)
    assert options.strip.count() == 1
    assert not options.strip.item(0).icon().isNull()
    estimate = tr("ModelOptions", "%n image(s) · ≈ %1 tokens · %2 KB (estimate)", 512, n=1)
    assert options.estimate.text().startswith(before(estimate, " · %2"))
    options.detail.setCurrentIndex(options.detail.findData("low"))
    assert "≈ 256 " in options.estimate.text()
    reply = _ask(pane, services, qtbot, "What is this?")
    assert "PNG 40x30" in reply.text
    assert "detail low" in reply.text
    assert options.strip.count() == 0
    assert pane.session().turns[0].images[0].detail == "low"
    assert not options.strip.add_file(tmp_path)


def test_choices_follow_the_model(pane: ChatPane) -> None:
    options = pane.model_options
    pane.setup.model.setText("command-a-03-2025")
    assert not options.reasoning_box.isEnabled()
    assert not options.images_box.isEnabled()
    assert "CONTEXTUAL, STRICT" in options.family_note.text()
    safety = pane.params.field("safety_mode")
    assert isinstance(safety, QComboBox)
    assert [safety.itemText(i) for i in range(safety.count())] == ["", "CONTEXTUAL", "STRICT"]
    pane.setup.model.setText("command-r-plus-08-2024")
    assert [safety.itemText(i) for i in range(safety.count())][-1] == "OFF"
    assert not options.tool_choice.isEnabled()
    assert "OFF" in options.family_note.text()
    pane.setup.model.setText("my-own-deployment")
    assert options.reasoning_box.isEnabled()
    assert options.images_box.isEnabled()


def test_images_come_by_paste_and_by_drop(pane: ChatPane, qtbot: QtBot, tmp_path: Path) -> None:
    pane.setup.model.setText("command-a-vision-07-2025")
    strip = pane.model_options.strip
    image = QImage(20, 10, QImage.Format.Format_RGB32)
    image.fill(0xFF0000)
    QGuiApplication.clipboard().setImage(image)
    qtbot.keyClick(strip, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert strip.count() == 1
    assert (strip.images()[0].width, strip.images()[0].height) == (20, 10)
    picture = tmp_path / "dropped.png"
    picture.write_bytes(png(3, 3))
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(picture))])
    drop = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    strip.dropEvent(drop)
    assert [i.name for i in strip.images()][1] == "dropped.png"
    strip.setCurrentRow(0)
    qtbot.keyClick(strip, Qt.Key.Key_Delete)
    assert [i.name for i in strip.images()] == ["dropped.png"]


def test_images_pasted_or_dropped_into_the_message_box(
    pane: ChatPane, qtbot: QtBot, tmp_path: Path
) -> None:
    pane.setup.model.setText("command-a-plus-05-2026")
    message = pane.composer.message
    image = QImage(6, 4, QImage.Format.Format_RGB32)
    image.fill(0x00FF00)
    QGuiApplication.clipboard().setImage(image)
    qtbot.keyClick(message, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert pane.model_options.strip.count() == 1
    assert message.toPlainText() == ""
    attached = tr("ChatPane", "%n image(s) attached to the next message (Model page).", n=1)
    assert attached in pane.composer.status.text()
    picture = tmp_path / "chart.png"
    picture.write_bytes(png(5, 5))
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(picture))])
    drop = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    # Qt delivers a drop only inside a real drag; the filter the message box carries is called
    # as Qt would call it.
    assert pane.model_options.strip.eventFilter(message.viewport(), drop)
    assert [i.name for i in pane.model_options.strip.images()][-1] == "chart.png"


@pytest.mark.parametrize(
    "after_the_read",
    [lambda picture: picture.write_bytes(png(3, 3)), lambda picture: picture.unlink()],
    ids=["changed", "removed"],
)
def test_an_image_file_is_read_once_and_its_thumbnail_is_what_is_sent(
    pane: ChatPane,
    services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    after_the_read: Callable[[Path], object],
) -> None:
    """The strip read the file a second time for the thumbnail: a file changed in between showed
    another picture than the one sent, and one gone said Python's error with its whole path."""
    pane.setup.model.setText("command-a-vision-07-2025")
    picture = tmp_path / "red.png"
    picture.write_bytes(png(40, 30))
    reads: list[Path] = []
    real_read = Path.read_bytes

    def read_then_change(path: Path) -> bytes:  # the disk's edge: the file moves under us
        data = real_read(path)
        if path == picture:
            reads.append(path)
            after_the_read(picture)
        return data

    monkeypatch.setattr(Path, "read_bytes", read_then_change)
    strip = pane.model_options.strip
    assert strip.add_file(picture)
    assert len(reads) == 1
    image = strip.images()[0]
    assert (image.width, image.height) == (40, 30)
    assert strip.item(0).icon().availableSizes() == [QSize(64, 48)]  # 40x30 fitted, not 3x3
    assert not [n for n in services.notices.history() if n.level == "error"]


def _folder(tmp_path: Path, name: str) -> Path:
    """A folder named like an image: reading it fails, for root as for anyone."""
    folder = tmp_path / name
    folder.mkdir()
    return folder


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda tmp: _folder(tmp, "photos.png"), errno.EISDIR),
        (lambda tmp: unmakeable(tmp, "red.png"), errno.ENOTDIR),
    ],
    ids=["a-folder", "under-a-file"],
)
def test_an_unreadable_image_file_is_said_by_its_name_and_the_os_reason(
    pane: ChatPane,
    services: Services,
    tmp_path: Path,
    make: Callable[[Path], Path],
    code: int,
) -> None:
    """A file that could not be attached was left out without a word (`failed` went nowhere)."""
    pane.setup.model.setText("command-a-vision-07-2025")
    path = make(tmp_path)
    assert not pane.model_options.strip.add_file(path)
    assert pane.model_options.strip.count() == 0
    notice = services.notices.history()[-1]
    assert (notice.level, notice.pane, notice.where) == ("error", "chat", path.name)
    assert notice.title == "Cannot read image"
    assert notice.detail == os.strerror(code)
    assert str(tmp_path) not in notice.text() + notice.shown_text()
