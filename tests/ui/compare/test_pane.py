"""The Compare pane against the sandbox: three routes streaming at once, each with its figures."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.compare.conftest import compare_pane
from tests.ui.conftest import CHAT_MODEL, endpoint_for, run_async
from tests.ui.paints import counted, painted
from tests.ui.tr import tr
from tests.waits import WAIT_MS
from workbench.api.models import Flavour
from workbench.core.runs.search import RunFilter
from workbench.core.turns import STOPPED
from workbench.ui import resources
from workbench.ui.compare.targets import Target
from workbench.ui.i18n import apply_language

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

    from workbench.core.runs.store import RunRecord
    from workbench.ui.compare.pane import ComparePane
    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

QUESTION = "Which plan includes single sign-on?"
SLOW = {"x-sandbox-fault": "slow_stream_ms=50"}


def _words(source: str) -> str:
    """The longest fixed part of a figure's text in the run's language ("tokens in " of
    "tokens in %1 / out %2"), to find it in a line of figures."""
    return max(re.split(r"%\d", tr("CompareFigures", source)), key=len)


@pytest.fixture
def pane(services: Services) -> Iterator[ComparePane]:
    """Its columns on the v1, v2 and OpenAI-compatible sandbox routes."""
    with compare_pane(services, tuple(Flavour)) as widget:
        yield widget


def _documents(pane: ComparePane) -> None:
    sample = resources.sample("chat_documents.json")
    pane.inputs.documents.set_value([{"id": d["id"], **d["data"]} for d in sample["documents"]])


def _runs(services: Services) -> list[RunRecord]:
    assert services.history is not None
    services.history.writer.flush()
    store = services.history.store
    return [r for r in (store.get(s.id) for s in store.find(RunFilter())) if r is not None]


def _slow_everywhere(services: Services) -> None:
    for endpoint in services.session.endpoints():
        services.session.save_endpoint(endpoint.model_copy(update={"extra_headers": SLOW}))


def test_three_columns_stream_with_their_own_figures(
    pane: ComparePane, services: Services, qtbot: QtBot
) -> None:
    _documents(pane)
    pane.send(QUESTION)
    assert pane.is_streaming()
    assert not pane.send_button.isEnabled()
    assert pane.stop_button.isEnabled()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    for column in pane.columns:
        reply = column.session.turns[-1].reply
        assert reply is not None
        assert reply.text
        assert reply.cut_off is None
        assert reply.text in column.view.toPlainText()
        assert not column.view.document().isUndoAvailable()  # a step a tick only held memory
        figures = column.figures.text()
        assert _words("first token %1 ms") in figures
        assert _words("%1 tokens/s") in figures
        assert _words("tokens in %1 / out %2") in figures
        assert _words("cost ≈ %1") in figures
    assert pane.send_button.isEnabled()
    assert pane.status.text() == tr("ComparePane", "Done: %n column(s) answered.", n=3)
    records = _runs(services)
    assert sorted(r.kind for r in records) == ["chat", "chat", "chat"]
    assert {r.outcome for r in records} == {"ok"}


def test_a_finished_turns_figures_wrap_to_the_columns_width(
    pane: ComparePane, services: Services, qtbot: QtBot
) -> None:
    """On one line, a column narrower than its figures cut them after "tokens in"."""
    _documents(pane)
    pane.send(QUESTION)
    label = pane.columns[1].figures
    assert not label.wordWrap()  # streaming: one line of fixed height, no relayout per tick
    one_line = label.height()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert label.wordWrap()
    qtbot.waitUntil(lambda: label.height() == label.heightForWidth(label.width()), timeout=WAIT_MS)
    assert label.fontMetrics().horizontalAdvance(label.text()) > label.width()  # too long…
    assert label.height() > one_line  # …so on more lines, every figure shown


def test_the_compatible_route_says_what_it_could_not_do(
    pane: ComparePane, services: Services, qtbot: QtBot
) -> None:
    _documents(pane)
    pane.send(QUESTION)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    v1, v2, compatible = pane.columns
    assert {g.kind for g in compatible.gap_list()} == {"documents", "citations"}
    assert _words("This route takes no documents: they were not sent.") in compatible.gaps.text()
    assert _words("This route gives no citations.") in compatible.gaps.text()
    assert compatible.gaps.isVisible()
    assert _words("This route gives no citations.") in compatible.gaps.accessibleName()  # read out
    assert not v2.gaps.isVisible()
    cited = len(v2.session.turns[-1].reply.citations)  # type: ignore[union-attr]
    assert cited
    assert tr("CompareColumn", "%n citation(s)", n=cited) in v2.figures.text()
    assert tr("CompareColumn", "%n citation(s)", n=2).split()[-1] not in compatible.figures.text()
    assert v1.session.turns[-1].reply.citations  # type: ignore[union-attr]
    assert not compatible.session.turns[-1].reply.citations  # type: ignore[union-attr]
    records = {r.endpoint: r for r in _runs(services)}
    sent = records[endpoint_for(services, Flavour.OPENAI).name].inputs["request"]
    assert not sent["documents"]
    assert records[endpoint_for(services, Flavour.COHERE_V2).name].inputs["request"]["documents"]


def test_stop_stops_every_column_and_keeps_what_arrived(
    pane: ComparePane, services: Services, qtbot: QtBot
) -> None:
    _slow_everywhere(services)
    pane.send("Tell me a long story about rerankers and chat models")
    qtbot.waitUntil(lambda: all(c.answer_text() for c in pane.columns), timeout=WAIT_MS)
    pane.stop_button.click()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    for column in pane.columns:
        reply = column.session.turns[-1].reply
        assert reply is not None
        assert reply.cut_off == STOPPED
        assert reply.text
        # Named as the Chat pane's transcript and Trace name it: "Cut off" is for what the
        # server or the network cut, not for the person's own choice.
        figures = column.figures.text()
        assert figures.startswith(tr("Core", "Stopped by you") + " · "), figures
        assert tr("CompareColumn", "Cut off: %1", "") not in figures
    assert {r.outcome for r in _runs(services)} == {"stopped"}
    assert pane.send_button.isEnabled()


@pytest.mark.usefixtures("restore_language")
def test_stop_is_said_in_italian_in_an_italian_gui(
    pane: ComparePane, services: Services, qtbot: QtBot
) -> None:
    apply_language("it")
    _slow_everywhere(services)
    pane.send("Tell me a long story about rerankers and chat models")
    qtbot.waitUntil(lambda: all(c.answer_text() for c in pane.columns), timeout=WAIT_MS)
    pane.stop_button.click()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    for column in pane.columns:
        figures = column.figures.text()
        assert figures.startswith("Fermata da te · "), figures
        assert "Interrotta" not in figures
        assert column.session.turns[-1].reply.cut_off == STOPPED  # type: ignore[union-attr]


def test_a_column_failing_its_first_turn_says_so_without_an_earlier_answer(
    pane: ComparePane, services: Services, qtbot: QtBot
) -> None:
    """It said "The answers shown are from before" of a first turn, with nothing before it."""
    broken = {"x-sandbox-fault": "drop_after_events=3"}
    first = services.session.endpoints()[0]
    services.session.save_endpoint(first.model_copy(update={"extra_headers": broken}))
    pane.send(QUESTION)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    failed = [column for column in pane.columns if column.failed()]
    assert len(failed) == 1
    said = failed[0].stale.text()
    assert said.startswith(
        tr("CompareColumn", "The last turn failed: its answer is cut short or missing. %1", "")
    )


def test_a_follow_up_goes_to_one_column_alone(
    pane: ComparePane, services: Services, qtbot: QtBot
) -> None:
    pane.send("Tell me about rerankers")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    first, second, _third = pane.columns
    second.follow_up.setText("And about chat models?")
    second.continue_button.click()
    assert second.is_streaming()
    assert not first.is_streaming()
    assert not pane.send_button.isEnabled()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert [len(c.session.turns) for c in pane.columns] == [1, 2, 1]
    assert second.session.turns[-1].user == "And about chat models?"
    assert "And about chat models?" in second.view.toPlainText()
    assert "And about chat models?" not in first.view.toPlainText()
    follow_up = next(r for r in _runs(services) if "And about chat models?" in json.dumps(r.inputs))
    assert follow_up.endpoint == endpoint_for(services, Flavour.COHERE_V2).name
    history = follow_up.inputs["request"]["history"]
    assert [m["role"] for m in history] == ["user", "assistant"]


def test_the_preset_compares_a_deployments_native_and_compatible_routes(
    pane: ComparePane, services: Services, qtbot: QtBot
) -> None:
    v2 = endpoint_for(services, Flavour.COHERE_V2)
    pane.columns[0].pick(Target(v2.id))
    pane.preset_button.click()
    assert pane.columns[0].picked() == Target(v2.id)
    assert pane.columns[1].picked() == Target(v2.id, Flavour.OPENAI)
    assert pane.columns[2].picked() is None
    _documents(pane)
    pane.send(QUESTION)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    native, compatible, off = pane.columns
    assert native.session.turns[-1].reply.citations  # type: ignore[union-attr]
    assert {g.kind for g in compatible.gap_list()} == {"documents", "citations"}
    assert compatible.session.turns[-1].reply.text  # type: ignore[union-attr]
    assert not off.session.turns
    names = sorted(r.endpoint for r in _runs(services))
    assert names == [v2.name, f"{v2.name} · /chat/completions"]
    assert pane.status.text() == tr("ComparePane", "Done: %n column(s) answered.", n=2)


def test_the_preset_refuses_an_endpoint_already_on_the_compatible_route(
    pane: ComparePane, services: Services
) -> None:
    pane.columns[0].pick(Target(endpoint_for(services, Flavour.OPENAI).id))
    assert not pane.native_versus_compatible()
    refused = tr("ComparePane", "Pick a deployment on its own route in column 1 for this preset.")
    assert pane.status.text() == refused


def test_send_from_the_keyboard_hands_the_focus_to_stop_and_back(
    pane: ComparePane, services: Services, qtbot: QtBot
) -> None:
    """Send went grey under the focus, which Qt sent to the window's tab bar: Esc stopped
    nothing there, and the keyboard had no way back to the pane's buttons."""
    _slow_everywhere(services)
    pane.inputs.message.setPlainText("Tell me a long story about rerankers and chat models")
    pane.activateWindow()
    pane.send_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(pane.send_button, Qt.Key.Key_Space)
    assert pane.is_streaming()
    assert QApplication.focusWidget() is pane.stop_button
    qtbot.waitUntil(lambda: any(c.answer_text() for c in pane.columns), timeout=WAIT_MS)
    qtbot.keyClick(pane.stop_button, Qt.Key.Key_Escape)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert {c.session.turns[-1].reply.cut_off for c in pane.columns} == {STOPPED}  # type: ignore[union-attr]
    assert QApplication.focusWidget() is pane.send_button


def test_cancel_from_the_window_stops_every_column(
    pane: ComparePane, services: Services, qtbot: QtBot
) -> None:
    _slow_everywhere(services)
    pane.send("Tell me a long story about rerankers and chat models")
    pane.cancel()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert all(c.session.turns[-1].reply is not None for c in pane.columns)
    assert all(c.session.turns[-1].reply.cut_off == STOPPED for c in pane.columns)  # type: ignore[union-attr]
    assert pane.send_button.isEnabled()


def test_a_deployment_on_another_route_has_a_client_of_its_own(
    services: Services, qtbot: QtBot
) -> None:
    v2 = endpoint_for(services, Flavour.COHERE_V2)
    session = services.session
    native = run_async(qtbot, session.client_for(v2.id))
    compatible = run_async(qtbot, session.client_for(v2.id, Flavour.OPENAI))
    assert compatible is not native
    assert compatible.connection.flavour is Flavour.OPENAI
    assert run_async(qtbot, session.client_for(v2.id, Flavour.OPENAI)) is compatible
    assert run_async(qtbot, session.client_for(v2.id, Flavour.COHERE_V2)) is native
    session.save_endpoint(v2.model_copy(update={"model": CHAT_MODEL}))
    assert run_async(qtbot, session.client_for(v2.id, Flavour.OPENAI)) is not compatible


@pytest.mark.usefixtures("restore_language")
def test_a_language_switch_rewrites_the_figures_and_gaps_at_once(
    pane: ComparePane, services: Services, qtbot: QtBot
) -> None:
    apply_language("en")
    _documents(pane)
    pane.send(QUESTION)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    v2, compatible = pane.columns[1], pane.columns[2]
    assert "first token" in v2.figures.text()
    assert "citation" in v2.figures.text()
    apply_language("it")
    qtbot.waitUntil(lambda: "primo token" in v2.figures.text(), timeout=WAIT_MS)
    assert "citazion" in v2.figures.text()
    assert "Questa route non dà citazioni." in compatible.gaps.text()
    assert "first token" not in compatible.figures.text()


def test_a_long_answer_growing_at_the_end_does_not_repaint_the_scroll_bar(
    pane: ComparePane, qtbot: QtBot
) -> None:
    # Three bars repainted at every tick of three streams: a fifth of what the pane's drawing
    # cost (issue 15). At the end of a long answer the handle does not move by a pixel.
    view = pane.columns[0].view
    view.setPlainText("\n".join(f"line {n}" for n in range(50_000)))
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    painted(view.viewport(), qtbot)
    painted(view.viewport(), qtbot)
    paints = counted(bar)
    for n in range(5):
        view.appendPlainText(f"more {n}")  # follows the end, as a streaming column does
        painted(view.viewport(), qtbot)
    painted(view.viewport(), qtbot)
    assert paints.count == 0
    assert bar.value() == bar.maximum()
