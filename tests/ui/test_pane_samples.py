"""The Rerank pane's live request body, and each pane's `load_sample()` against the sandbox."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtGui import QTextCursor

from tests.ui.conftest import destroyed_after, select_flavour, shown
from tests.waits import WAIT_MS
from workbench.api.models import Flavour
from workbench.ui import resources
from workbench.ui.chat.pane import ChatPane
from workbench.ui.rerank.pane import RerankPane

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

    from workbench.ui.services import Services

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

RECIPES = [
    {"title": "Red lentil dal", "text": "Simmer red lentils.", "minutes": "25"},
    {"title": "Beef stew", "text": "Braise for three hours.", "minutes": "200"},
]


@pytest.fixture
def rerank(services: Services, qtbot: QtBot) -> Iterator[RerankPane]:
    with destroyed_after(shown(RerankPane(services=services))) as widget:
        yield widget
        qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)


@pytest.fixture
def chat(services: Services, qtbot: QtBot) -> ChatPane:
    widget = ChatPane(services=services)
    qtbot.addWidget(widget)
    widget.setup.model.setText("command-r-plus-08-2024")
    return widget


def _body(pane: RerankPane) -> Any:
    return json.loads(pane.request_body_text())


WIRE: dict[Flavour, dict[str, Any]] = {
    Flavour.COHERE_V1: {
        "query": "lentils",
        "documents": RECIPES,
        "rank_fields": ["title", "text"],
        "model": "rerank-v3.5",
    },
    Flavour.COHERE_V2: {
        "model": "rerank-v3.5",
        "query": "lentils",
        "documents": [
            "title: Red lentil dal\ntext: Simmer red lentils.",
            "title: Beef stew\ntext: Braise for three hours.",
        ],
    },
}
"""The bodies the wire spec gives for these inputs (v2 takes text: objects are rendered)."""


@pytest.mark.parametrize("flavour", [Flavour.COHERE_V1, Flavour.COHERE_V2])
def test_request_body_shows_the_wire_body_as_soon_as_inputs_arrive(
    rerank: RerankPane, services: Services, qtbot: QtBot, flavour: Flavour
) -> None:
    select_flavour(services, flavour)
    rerank.form.model.setText("rerank-v3.5")
    rerank.set_documents(RECIPES)
    rerank.form.set_rank_fields(["title", "text"])
    # No wait: a hand-off from another pane (or a sample) shows its body at once.
    rerank.set_query("lentils")
    assert _body(rerank) == WIRE[flavour]
    # Typing follows too (debounced while keys arrive).
    rerank.query.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(rerank.query, " soup")
    qtbot.waitUntil(lambda: _body(rerank)["query"] == "lentils soup", timeout=WAIT_MS)
    rerank.run()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert rerank.results.model.hits()[0].index == 0
    assert _body(rerank) == {**WIRE[flavour], "query": "lentils soup"}


def test_request_body_says_what_is_missing(rerank: RerankPane) -> None:
    assert rerank.request_body_text().startswith("// Add documents")
    rerank.set_documents(RECIPES)
    assert "Type a query" in rerank.request_body_text()


def test_rerank_load_sample_ranks_the_recipes_by_their_rank_fields(
    rerank: RerankPane, services: Services, qtbot: QtBot
) -> None:
    sample = resources.sample("rerank_objects.json")
    rerank.load_sample()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert rerank.query.toPlainText() == sample["query"]
    assert rerank.form.rank_fields() == sample["rank_fields"]
    hits = rerank.results.model.hits()
    assert len(hits) == len(sample["documents"])
    top = sample["documents"][hits[0].index]
    assert "lentil" in (top["title"] + top["text"]).lower()
    body = _body(rerank)
    assert body["query"] == sample["query"]
    assert body["documents"][0].startswith("title: ")  # v2: rendered by the chosen fields
    assert "cuisine" not in body["documents"][0]


def test_chat_load_sample_gives_a_grounded_answer_with_citations(
    chat: ChatPane, services: Services, qtbot: QtBot
) -> None:
    sample = resources.sample("chat_documents.json")
    chat.load_sample()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    turn = chat.session().turns[-1]
    assert turn.user == sample["message"]
    assert turn.reply is not None
    assert turn.reply.cut_off is None
    assert turn.reply.citations
    assert "single sign-on" in turn.reply.text.lower()
    assert "could not find" not in turn.reply.text
    cited = {source for c in turn.reply.citations for source in c.document_ids}
    assert cited <= {d["id"] for d in sample["documents"]}
    assert "sso-guide" in cited
    assert chat.transcript.highlighted_spans(0)  # the cited spans are highlighted
    editor = chat.documents.editor.value()
    assert [d["id"] for d in editor] == [d["id"] for d in sample["documents"]]
    assert editor[0]["title"] == sample["documents"][0]["data"]["title"]


def test_chat_tools_sample_asks_for_a_tool_call(
    chat: ChatPane, services: Services, qtbot: QtBot
) -> None:
    chat.load_sample("tools")
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    reply = chat.session().turns[-1].reply
    assert reply is not None
    assert reply.finish_reason == "TOOL_CALL"
    assert [(c.name, c.parameters) for c in reply.tool_calls] == [
        ("get_weather", {"city": "São Paulo"})
    ]


def test_chat_cancel_stops_the_turn_and_keeps_it(
    chat: ChatPane, services: Services, qtbot: QtBot
) -> None:
    chat.send("Tell me a long story about rerankers")
    assert chat.is_streaming()
    chat.cancel()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    reply = chat.session().turns[-1].reply
    assert reply is not None
    assert reply.cut_off == "Stopped by you"
