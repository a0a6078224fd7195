"""Rerank pane against the sandbox over loopback: strings, objects, rank_fields, errors, compare."""

from __future__ import annotations

import gc
import json
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
)

from tests.conftest import SANDBOX_TEST_KEY
from tests.ui.conftest import endpoint_for, run_async, select_flavour, use_endpoint
from tests.ui.endpoints.test_pane import USER_INFO_REFUSED
from tests.ui.tr import before, tr
from tests.waits import WAIT_MS
from workbench.api.errors import InputError
from workbench.api.models import Flavour, RerankHit, RerankRequest, RerankResponse
from workbench.core.chat_metrics import price_table
from workbench.core.endpoints import EndpointConfig, Prices
from workbench.sandbox.runner import SandboxConfig, start_sandbox
from workbench.ui.common.error_text import error_title
from workbench.ui.common.l10n import format_ms, format_number
from workbench.ui.rerank.editor import empty_hint
from workbench.ui.rerank.form import wordiest_keys
from workbench.ui.rerank.texts import RerankTexts, summary_line

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

    from workbench.api.models import Document
    from workbench.sandbox.runner import RunningSandbox
    from workbench.ui.rerank.pane import RerankPane
    from workbench.ui.services import Services

# The offscreen platform plugin warns on every show(); it says nothing about our code.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

RESULTS = "RerankTexts"
"""The translation context of the pane's figures texts."""
FRUIT = ["a recipe for banana bread", "apple pie with cinnamon apples", "changing a car tyre"]


@pytest.fixture(autouse=True)
def _collect_on_the_gui_thread() -> None:
    """Collect earlier tests' garbage here, on the GUI thread.

    Otherwise a collection may start on the sandbox's thread (it allocates heavily for large
    requests) and destroy leftover Qt objects with running timers there (such as a closed qasync
    loop's timer object), which Qt reports as a warning that fails the test.
    """
    gc.collect()


def child(pane: RerankPane, kind: type[Any], name: str) -> Any:
    found = pane.findChild(kind, name)
    assert found is not None, name
    return found


def fill(pane: RerankPane, query: str, documents: Any) -> None:
    pane.set_query(query)
    pane.editor.json.set_text(json.dumps(documents))


def run(pane: RerankPane, services: Services, qtbot: QtBot) -> None:
    query = child(pane, QPlainTextEdit, "rerankQuery")
    query.setFocus()
    qtbot.keyClick(query, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)


def ranking(pane: RerankPane) -> list[int]:
    return [hit.index for hit in pane.results.model.hits()]


def status(pane: RerankPane) -> str:
    return str(child(pane, QLabel, "rerankStatus").text())


def error_text(pane: RerankPane) -> str:
    label = child(pane, QLabel, "rerankError")
    return str(label.text()) if label.isVisible() else ""


def test_rerank_pane_ranks_string_documents_on_v2(pane, services, qtbot) -> None:
    fill(pane, "apple pie", FRUIT)
    run(pane, services, qtbot)
    assert error_text(pane) == ""
    assert ranking(pane)[0] == 1
    assert len(ranking(pane)) == 3
    assert status(pane).startswith(before(tr(RESULTS, "%1 result(s) in %2", 3, n=3), "%2"))
    assert tr(RESULTS, "%1 search unit(s)", 1, n=1) in status(pane)
    table = child(pane, QTableView, "rerankResultsTable")
    assert table.model().index(0, 1).data() == "1"
    detail = child(pane, QPlainTextEdit, "rerankResultDocument")
    assert "apple pie with cinnamon apples" in detail.toPlainText()


def test_status_estimates_the_cost_at_the_endpoints_search_price(pane, services, qtbot) -> None:
    # The fixture endpoints charge 2.0 per 1,000 search units; the sandbox bills one unit.
    fill(pane, "apple pie", FRUIT)
    run(pane, services, qtbot)
    assert (
        f"{tr(RESULTS, '%1 search unit(s)', 1, n=1)} · ≈ {format_number(0.002, 4)} USD"
        in status(pane)
    )
    assert pane.results.summary() == status(pane)


def test_compare_status_prices_each_side_at_its_own_endpoint(pane, services, qtbot) -> None:
    v1 = endpoint_for(services, Flavour.COHERE_V1)
    services.session.save_endpoint(v1.model_copy(update={"prices": Prices()}))
    fill(pane, "apple pie", FRUIT)
    pane.compare_with.setCurrentIndex(pane.compare_with.findData(v1.id))
    run(pane, services, qtbot)
    side_a, side_b = status(pane).split(" · B: ")
    unit = tr(RESULTS, "%1 search unit(s)", 1, n=1)
    assert side_a.startswith("A: " + before(tr(RESULTS, "%1 result(s) in %2", 3, n=3), " %2"))
    assert side_a.endswith(f"{unit} · ≈ {format_number(0.002, 4)} USD")
    assert side_b.endswith(unit)  # no price, no estimate


def test_summary_line_names_a_cost_only_when_priced() -> None:
    response = RerankResponse(results=[], billed_units={"search_units": 3.0}, latency_ms=12)
    line = (
        tr(RESULTS, "%1 result(s) in %2", 0, format_ms(12), n=0)
        + " · "
        + tr(RESULTS, "%1 search unit(s)", 3, n=3)
    )
    assert summary_line(response) == line
    euro = price_table(Prices(per_thousand_search_units=1.0, currency="EUR"))
    assert summary_line(response, euro) == f"{line} · ≈ {format_number(0.003, 4)} EUR"
    chat_only = price_table(Prices(input_per_million=1.0))
    assert summary_line(response, chat_only) == line


def test_rerank_pane_ranks_objects_on_v1_by_the_checked_fields(pane, services, qtbot) -> None:
    select_flavour(services, Flavour.COHERE_V1)
    docs = [
        {"title": "apple orchard", "text": "engine repair"},
        {"title": "engine repair", "text": "apple orchard"},
        {"title": "plum", "text": "pear"},
        {"title": "fig", "text": "date", "year": 2020},
    ]
    fill(pane, "apple orchard", docs)
    qtbot.waitUntil(lambda: pane.form.rank_fields() == ["text"], timeout=WAIT_MS)
    run(pane, services, qtbot)
    assert ranking(pane)[0] == 1
    pane.form.set_rank_fields(["title"])
    run(pane, services, qtbot)
    assert ranking(pane)[0] == 0
    # year was a number: it went out as text, and the pane said so.
    notes = child(pane, QLabel, "rerankResultNotes")
    sent_as_text = "“%1”: 1 non-string value sent as text (first at documents[%2])"
    assert tr("Core", sent_as_text, "year", 3) in notes.text()


def test_rank_fields_order_changes_a_truncated_v2_ranking(pane, services, qtbot) -> None:
    # v2 renders "key: value" lines in rank_fields order and cuts each document to
    # max_tokens_per_doc tokens: with three tokens only the first field's words survive.
    docs = [
        {"title": "apple orchard", "body": "engine repair manual"},
        {"title": "engine repair", "body": "apple orchard harvest"},
        {"title": "plum tree", "body": "pear jam"},
        {"title": "fig tree", "body": "date cake"},
    ]
    fill(pane, "apple orchard", docs)
    pane.form.max_tokens.setValue(3)
    pane.form.set_rank_fields(["title", "body"])
    run(pane, services, qtbot)
    assert ranking(pane)[0] == 0
    pane.form.set_rank_fields(["body", "title"])
    run(pane, services, qtbot)
    assert ranking(pane)[0] == 1


def test_rank_fields_picker_counts_keys_and_warns_about_missing_ones(pane, qtbot) -> None:
    fill(pane, "q", [{"title": "a", "text": "x"}, {"text": "y"}, {"text": "z"}])
    qtbot.waitUntil(lambda: pane.form.fields.count() == 2, timeout=WAIT_MS)
    fields = pane.form.fields
    assert fields.dragDropMode() == QAbstractItemView.DragDropMode.InternalMove
    labels = [fields.item(i).text() for i in range(fields.count())]
    assert labels == ["title  (1/3)", "text  (3/3)"]
    assert pane.form.rank_fields() == ["text"]
    pane.form.set_rank_fields(["title", "text"])
    warning = child(pane, QLabel, "rerankFieldsWarning")
    assert (
        tr(RESULTS, "“%1” is missing from %2 of %3 documents", "title", 2, 3, n=2) in warning.text()
    )


def test_a_field_one_document_lacks_is_counted_in_the_singular(pane, qtbot) -> None:
    """The plural form followed the total: Italian said "manca in 1 documenti su 3"."""
    fill(pane, "q", [{"title": "a", "text": "x"}, {"title": "b", "text": "y"}, {"text": "z"}])
    qtbot.waitUntil(lambda: pane.form.fields.count() == 2, timeout=WAIT_MS)
    pane.form.set_rank_fields(["title", "text"])
    warning = child(pane, QLabel, "rerankFieldsWarning").text()
    assert warning == "⚠ " + tr(
        RESULTS, "“%1” is missing from %2 of %3 documents", "title", 1, 3, n=1
    )


def test_empty_documents_editor_shows_a_hint_not_an_error_until_run(pane, services, qtbot) -> None:
    message = child(pane, QLabel, "jsonEditorMessage")
    assert message.text() == empty_hint()  # names Import… and Paste documents
    assert "empty" not in message.text()
    assert pane.editor.json.error_position() is None
    assert not child(pane, QLabel, "rerankError").isVisible()
    pane.set_query("apple")
    run(pane, services, qtbot)
    empty = tr("JsonEditor", "The JSON is empty")
    where = tr("Errors", "line %1, column %2", 1, 1)
    assert tr("JsonEditor", "%1 at %2", empty, where) in message.text()
    assert empty in child(pane, QLabel, "rerankError").text()


CSV_NO_TEXT = (
    "id,title,body\n"
    "1,Pancakes,Whisk flour eggs and milk then fry thin rounds in butter until golden\n"
    "2,Salad,Toss leaves with oil lemon and salt just before serving it\n"
)


def test_documents_without_text_rank_on_the_wordiest_key_and_say_so(pane, qtbot) -> None:
    # A pasted CSV: checking the first column would rank on ids.
    pane.editor.import_text(CSV_NO_TEXT)
    qtbot.waitUntil(lambda: pane.form.fields.count() == 3, timeout=WAIT_MS)
    assert pane.form.rank_fields() == ["body"]
    hint = child(pane, QLabel, "rerankFieldsWarning")
    assert not hint.isHidden()
    note = tr(
        "RerankForm",
        "No “text” key: ranking on %1, the key with the most text. "
        "Check other keys to rank on them instead.",
        "“body”",
        n=1,
    )
    assert hint.text() == note
    pane.form.set_rank_fields(["title", "body"])  # the person's choice: the note has done its job
    assert "most text" not in hint.text()


def test_wordiest_keys_measure_values_as_sent_and_keep_ties() -> None:
    docs: list[Document] = [
        {"id": 1, "a": "xx", "b": "yy"},
        {"id": 22, "a": "xxxx", "b": "yyyy"},
        "plain",
    ]
    assert wordiest_keys(docs, ["id", "a", "b"]) == ["a", "b"]
    assert wordiest_keys([{"meta": {"k": "long value"}, "t": "short"}], ["meta", "t"]) == ["meta"]
    assert wordiest_keys([], ["id"]) == ["id"]


def test_bad_json_names_line_and_column_and_sends_nothing(pane, services, qtbot) -> None:
    pane.set_query("apple")
    bad = '[\n  "one",\n  "two"\n  "three"\n]'
    pane.editor.json.set_text(bad)
    run(pane, services, qtbot)
    assert tr("Errors", "line %1, column %2", 4, 3) in error_text(pane)
    assert tr("Core", "Expecting ',' delimiter") in error_text(pane)
    assert ranking(pane) == []
    assert pane.editor.json.text() == bad
    assert any(n.where == "line 4, column 3" for n in services.notices.history())


def test_mixed_documents_are_refused_by_v2_with_the_document_named(pane, services, qtbot) -> None:
    fill(pane, "apple", ["apple", {"text": "apple"}])
    run(pane, services, qtbot)
    assert "documents[1]" in error_text(pane)
    select_flavour(services, Flavour.COHERE_V1)
    run(pane, services, qtbot)
    assert error_text(pane) == ""
    assert len(ranking(pane)) == 2


@pytest.mark.parametrize("flavour", [Flavour.COHERE_V1, Flavour.COHERE_V2])
def test_documents_with_none_of_the_rank_fields_are_named_and_nothing_is_sent(
    pane, services, qtbot, flavour: Flavour
) -> None:
    select_flavour(services, flavour)
    docs = [{"title": "lentil soup", "text": "red lentils"}, {"text": "beef stew"}]
    fill(pane, "lentils", docs)
    qtbot.waitUntil(lambda: pane.form.fields.count() == 2, timeout=WAIT_MS)
    pane.form.set_rank_fields(["title"])
    run(pane, services, qtbot)
    lacking = tr("Core", "%1 has none of the rank fields: %2", "documents[1]", "title")
    assert lacking in error_text(pane)
    assert ranking(pane) == []
    assert json.loads(pane.editor.json.text()) == docs


def test_rerank_pane_keeps_query_and_results_after_401(pane, services, qtbot) -> None:
    fill(pane, "apple pie", FRUIT)
    run(pane, services, qtbot)
    before = ranking(pane)
    endpoint = services.session.current()
    assert endpoint is not None
    run_async(qtbot, services.session.set_key(endpoint.id, "not-the-key"))
    run(pane, services, qtbot)
    assert "HTTP 401" in error_text(pane)
    assert tr("Errors", "Authentication failed") in error_text(pane)
    assert pane.query.toPlainText() == "apple pie"
    assert json.loads(pane.editor.json.text()) == FRUIT
    assert ranking(pane) == before
    assert services.notices.history()[-1].level == "error"
    run_button = child(pane, QPushButton, "rerankRun")
    assert run_button.isEnabled()


def test_a_saved_url_with_a_password_is_refused_not_sent(
    pane: RerankPane, services: Services, qtbot: QtBot, sandbox: RunningSandbox
) -> None:
    """An older version saved such a URL; its user info went as Basic auth: a bare 401."""
    url = sandbox.base_url.replace("http://", "http://user:hunter2pw@")
    _add_endpoint(services, qtbot, url, SANDBOX_TEST_KEY, "Old")
    fill(pane, "apple pie", FRUIT)
    run(pane, services, qtbot)
    shown = error_text(pane)
    assert "HTTP 401" not in shown
    assert tr("Core", USER_INFO_REFUSED) in shown
    assert "hunter2pw" not in shown
    assert "hunter2pw" not in services.notices.history()[-1].text()


@pytest.fixture
def troubled_sandbox() -> Iterator[RunningSandbox]:
    """A second sandbox that allows one request a minute."""
    with start_sandbox(SandboxConfig(key="troubled-test-key", rpm=1)) as running:
        yield running


def _add_endpoint(services: Services, qtbot: QtBot, url: str, key: str, name: str) -> str:
    endpoint = EndpointConfig(name=name, base_url=url, flavour=Flavour.COHERE_V2, model="m")
    services.session.save_endpoint(endpoint)
    run_async(qtbot, services.session.set_key(endpoint.id, key))
    use_endpoint(services, endpoint.id)
    return endpoint.id


def test_rate_limit_shows_the_servers_message_and_keeps_results(
    pane, services, qtbot, troubled_sandbox
) -> None:
    _add_endpoint(services, qtbot, troubled_sandbox.base_url, "troubled-test-key", "Slow one")
    fill(pane, "apple pie", FRUIT)
    run(pane, services, qtbot)
    assert ranking(pane)[0] == 1
    run(pane, services, qtbot)
    shown = error_text(pane)
    assert "HTTP 429" in shown
    assert tr("Errors", "Rate limited") in shown
    assert ranking(pane)[0] == 1
    assert pane.query.toPlainText() == "apple pie"


def test_server_error_shows_status_and_message(pane, services, qtbot) -> None:
    with start_sandbox(SandboxConfig(default_faults="status=500")) as broken:
        endpoint = EndpointConfig(
            name="Broken", base_url=broken.base_url, flavour=Flavour.COHERE_V1, auth="none"
        )
        services.session.save_endpoint(endpoint)
        use_endpoint(services, endpoint.id)
        fill(pane, "apple pie", FRUIT)
        run(pane, services, qtbot)
    shown = error_text(pane)
    assert "HTTP 500" in shown
    assert tr("Errors", "Server error") in shown
    assert ":" in shown.split("HTTP 500", 1)[1]  # the server's own message follows
    assert json.loads(pane.editor.json.text()) == FRUIT


def test_openai_flavour_cannot_rerank(pane, services, qtbot) -> None:
    openai = endpoint_for(services, Flavour.OPENAI)
    assert openai.id not in pane.endpoint_picker.endpoint_ids()  # not offered
    services.session.select("rerank", openai.id)  # settings from elsewhere can still name it
    fill(pane, "apple", FRUIT)
    run(pane, services, qtbot)
    route = "This endpoint's flavour has no rerank route; pick a Cohere v1 or v2 endpoint"
    assert tr("RerankPane", route) in error_text(pane)


def test_compare_runs_both_endpoints_and_shows_movements(pane, services, qtbot) -> None:
    # A (v2) keeps each document's first token only; B (v1) ranks the whole text.
    docs = ["zebra apple", "apple zebra", "kiwi apple apple", "plum pear", "fig date", "nut oat"]
    fill(pane, "apple", docs)
    pane.form.max_tokens.setValue(1)
    combo = pane.compare_with
    combo.setCurrentIndex(combo.findData(endpoint_for(services, Flavour.COHERE_V1).id))
    run(pane, services, qtbot)
    assert error_text(pane) == ""
    order_a = ranking(pane)
    assert order_a[0] == 1  # the only document whose first word is "apple"
    model = pane.results.compare_model
    comparison = model.comparison()
    assert comparison is not None
    order_b = [m.index for m in comparison.movements if m.rank_b is not None]
    assert order_b[0] == 2  # two apples in full text
    rows = {
        model.index(r, 0).data(): model.index(r, model.MOVE).data() for r in range(model.rowCount())
    }
    rank_a = order_a.index(2) + 1
    assert rows["2"] == f"▲ {rank_a - 1}"
    assert rows["1"].startswith("▼")
    summary = child(pane, QLabel, "rerankCompareSummary").text()
    assert "Sandbox · Cohere v2" in summary
    assert "Sandbox · Cohere v1" in summary
    assert "overlap@6: 6/6" in summary


def test_compare_view_shows_movements_for_a_known_pair(pane) -> None:
    def response(order: list[int]) -> RerankResponse:
        return RerankResponse(
            results=[RerankHit(index=i, relevance_score=1 - r / 10) for r, i in enumerate(order)]
        )

    request = RerankRequest(query="q", documents=["d0", "d1", "d2", "d3"], top_n=2)
    pane.results.show_comparison(response([0, 1, 2, 3]), response([2, 0, 1]), request, "A", "B")
    model = pane.results.compare_model
    cells = [[model.index(r, c).data() for c in (0, 1, 3, 5)] for r in range(model.rowCount())]
    assert cells == [
        ["2", "3", "1", "▲ 2"],
        ["0", "1", "2", "▼ 1"],
        ["1", "2", "3", "▼ 1"],
        ["3", "4", "—", tr("CompareModel", "only A")],
    ]
    summary = pane.results.compare_summary.text()
    assert "overlap@2: 1/2" in summary
    # Shared 0, 1, 2 in A's order sit at B positions 1, 2, 0: 1 concordant, 2 discordant.
    line = "A: %1  ·  B: %2  ·  overlap@%3: %4/%3  ·  Kendall's τ over %5 shared: %6"
    assert summary == tr(RESULTS, line, "A", "B", 2, 1, 3, format_number(-1 / 3, 3))


def test_escape_cancels_a_slow_run_and_keeps_inputs(pane, services, qtbot) -> None:
    slow = EndpointConfig(
        name="Slow",
        base_url=endpoint_for(services, Flavour.COHERE_V1).base_url,
        flavour=Flavour.COHERE_V1,
        auth="none",
    )
    with start_sandbox(SandboxConfig(default_faults="delay_ms=5000")) as delayed:
        services.session.save_endpoint(slow.model_copy(update={"base_url": delayed.base_url}))
        use_endpoint(services, slow.id)
        fill(pane, "apple", FRUIT)
        query = child(pane, QPlainTextEdit, "rerankQuery")
        qtbot.keyClick(query, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        run_button = child(pane, QPushButton, "rerankRun")
        qtbot.waitUntil(lambda: not run_button.isEnabled(), timeout=WAIT_MS)
        assert child(pane, QPushButton, "rerankCancel").isEnabled()
        qtbot.keyClick(query, Qt.Key.Key_Escape)
        qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    assert run_button.isEnabled()
    assert status(pane) == tr("RerankPane", "Cancelled")
    assert pane.query.toPlainText() == "apple"


def test_table_edits_show_in_the_json(pane, qtbot) -> None:
    fill(pane, "q", ["one", "two"])
    qtbot.waitUntil(lambda: pane.editor.model.rowCount() == 2, timeout=WAIT_MS)
    pane.editor.tabs.setCurrentIndex(1)
    model = pane.editor.model
    assert model.setData(model.index(1, 0), "TWO")
    pane.editor.tabs.setCurrentIndex(0)
    assert json.loads(pane.editor.json.text()) == ["one", "TWO"]
    pane.editor.tabs.setCurrentIndex(1)
    assert model.setData(model.index(0, 0), "ONE")
    qtbot.waitUntil(lambda: json.loads(pane.editor.json.text()) == ["ONE", "TWO"], timeout=WAIT_MS)
    pane.editor.json.set_text('[{"text": "a", "n": "1"}]')
    assert pane.editor.model.columns() == ["text", "n"]
    assert pane.editor.model.index(0, 1).data() == "1"


def test_import_and_export_files(pane, tmp_path, qtbot) -> None:
    source = tmp_path / "docs.csv"
    source.write_text("title,text\nA,alpha\nB,beta\n", encoding="utf-8")
    pane.editor.import_file(source)
    assert json.loads(pane.editor.json.text()) == [
        {"title": "A", "text": "alpha"},
        {"title": "B", "text": "beta"},
    ]
    out = tmp_path / "out.jsonl"
    assert pane.editor.export_file(out) == []
    assert out.read_text(encoding="utf-8").splitlines()[1] == '{"title": "B", "text": "beta"}'
    broken = tmp_path / "broken.jsonl"
    broken.write_text('"ok"\n{"text": oops}\n', encoding="utf-8")
    with pytest.raises(Exception, match="line 2, column 10") as caught:
        pane.editor.import_file(broken)
    assert "broken.jsonl" in str(caught.value)


def test_a_csv_with_a_repeated_column_is_refused_naming_it(pane, tmp_path) -> None:
    pane.editor.json.set_text('["kept"]')
    source = tmp_path / "products.csv"
    source.write_text("name,text,text\nKettle,Boils water fast,Stainless steel 1.7 l\n")
    with pytest.raises(InputError) as caught:
        pane.editor.import_file(source)
    assert caught.value.where == "products.csv, line 1"
    assert '"text"' in error_title(caught.value)
    assert json.loads(pane.editor.json.text()) == ["kept"]


def test_a_file_that_is_not_utf8_is_refused_naming_it(pane, tmp_path) -> None:
    pane.editor.json.set_text('["kept"]')
    source = tmp_path / "recipes.csv"
    source.write_bytes("title,text\ncaffè,più\n".encode("latin-1"))
    with pytest.raises(InputError) as caught:
        pane.editor.import_file(source)
    assert error_title(caught.value) == tr("Errors", "The file is not UTF-8 text")
    assert caught.value.where == "recipes.csv, byte 15"
    assert json.loads(pane.editor.json.text()) == ["kept"]


def test_a_utf16_file_with_its_byte_order_mark_is_imported(pane, tmp_path) -> None:
    """Windows PowerShell 5 writes UTF-16 (`>`, `Out-File`): it was "not UTF-8 text"."""
    source = tmp_path / "recipes.csv"
    source.write_bytes("title,text\ncaffè,più\n".encode("utf-16"))
    pane.editor.import_file(source)
    assert json.loads(pane.editor.json.text()) == [{"title": "caffè", "text": "più"}]


def test_request_preview_shows_the_wire_body(pane, services, qtbot) -> None:
    fill(pane, "apple", [{"title": "t", "text": "x"}])
    preview = child(pane, QPlainTextEdit, "rerankRequestPreview")
    qtbot.waitUntil(lambda: '"query": "apple"' in preview.toPlainText(), timeout=WAIT_MS)
    body = json.loads(preview.toPlainText())
    assert body["documents"] == ["text: x"]  # v2: objects rendered as text
    select_flavour(services, Flavour.COHERE_V1)
    pane.form.return_documents.setChecked(True)
    qtbot.waitUntil(lambda: '"return_documents": true' in preview.toPlainText(), timeout=WAIT_MS)
    body = json.loads(preview.toPlainText())
    assert body["documents"] == [{"title": "t", "text": "x"}]
    assert body["rank_fields"] == ["text"]


def test_v1_chunk_budget_is_checked_before_sending_and_batches_fix_it(
    pane, services, qtbot
) -> None:
    select_flavour(services, Flavour.COHERE_V1)
    docs = [f"document {i} about apples" if i % 7 == 0 else f"document {i}" for i in range(1000)]
    fill(pane, "apples", docs)
    run(pane, services, qtbot)
    budget = (
        "%1 documents x %2 chunks each must stay below %3: lower max_chunks_per_doc to %4 "
        "or split into batches"
    )
    refusal = tr("Core", budget, format_number(1000), 10, format_number(10_000), 9)
    assert refusal in error_text(pane)
    split = child(pane, QCheckBox, "rerankSplitBatches")
    assert split.isVisible()
    assert split.text() == RerankTexts().split_offer(1000, 999)  # batches of 999
    split.setChecked(True)
    pane.form.top_n.setValue(5)
    run(pane, services, qtbot)
    assert error_text(pane) == ""
    assert len(ranking(pane)) == 5
    assert all(i % 7 == 0 for i in ranking(pane))
    assert tr(RESULTS, "%1 search unit(s)", 11, n=11) in status(
        pane
    )  # the sandbox bills 10 for 999 documents, 1 for 1


def _sent_model(pane: RerankPane) -> str:
    # The body box shows the model a run would send; set_query redraws it at once.
    pane.set_query(pane.query.toPlainText())
    return str(json.loads(pane.request_body_text())["model"])


def test_model_named_by_info_is_asked_again_after_the_endpoint_is_edited(
    pane, services, qtbot
) -> None:
    endpoint = endpoint_for(services, Flavour.COHERE_V2)
    assert not endpoint.model  # v2 needs one: the pane asks GET /info
    fill(pane, "apple", FRUIT)
    run(pane, services, qtbot)
    assert _sent_model(pane) == SandboxConfig().chat_model
    with start_sandbox(SandboxConfig(chat_model="another-deployment")) as other:
        services.session.save_endpoint(endpoint.model_copy(update={"base_url": other.base_url}))
        qtbot.waitUntil(lambda: _sent_model(pane) == "<model named by GET /info>", timeout=WAIT_MS)
        run(pane, services, qtbot)
        assert _sent_model(pane) == "another-deployment"
        assert ranking(pane)[0] == 1


def test_compare_where_b_fails_keeps_as_answer_and_names_b(pane, services, qtbot) -> None:
    fill(pane, "apple pie", FRUIT)
    v1 = endpoint_for(services, Flavour.COHERE_V1)
    run_async(qtbot, services.session.set_key(v1.id, "not-the-key"))
    pane.compare_with.setCurrentIndex(pane.compare_with.findData(v1.id))
    run(pane, services, qtbot)
    assert ranking(pane)[0] == 1  # A (v2) answered: its ranking is shown
    shown = error_text(pane)
    assert "Sandbox · Cohere v1" in shown  # the failing endpoint is named
    assert "HTTP 401" in shown
    assert before(tr(RESULTS, "%1 result(s) in %2", 3, n=3), " %2") in status(pane)
    assert before(tr(RESULTS, "%1 failed (%2)", "B"), " (%2") in status(pane)
    assert services.notices.history()[-1].level == "error"


def test_rank_fields_order_changes_by_keyboard(pane, qtbot) -> None:
    fill(pane, "q", [{"title": "t", "text": "x", "body": "y"}])
    pane.form.set_rank_fields(["title", "text", "body"])
    fields = pane.form.fields
    fields.setFocus()
    fields.setCurrentRow(2)
    qtbot.keyClick(fields, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(fields, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert pane.form.rank_fields() == ["body", "title", "text"]
    assert fields.currentRow() == 0  # the moved key stays current, so it can move again
    qtbot.keyClick(fields, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert pane.form.rank_fields() == ["title", "body", "text"]
    # v2 renders objects to text in rank_fields order
    qtbot.waitUntil(lambda: "title: t\\nbody: y" in pane.request_body_text(), timeout=WAIT_MS)
    alt_up = QKeySequence("Alt+Up").toString(QKeySequence.SequenceFormat.NativeText)
    assert alt_up in fields.toolTip()
