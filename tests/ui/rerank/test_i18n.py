"""The Rerank pane in Italian: texts, accessible names and figures switch live (issue 18)."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QLabel, QPushButton, QTableView

from tests.hostile_server import Answer, HostileServer
from tests.ui.conftest import select_flavour, use_odd_server
from tests.ui.marked import MarkingTranslator
from tests.ui.rerank.test_pane import FRUIT, child, error_text, fill, run, status
from tests.ui.shown_texts import Texts, shown_texts, still_english, switch_language
from tests.waits import WAIT_MS
from workbench.api.errors import InputError
from workbench.api.models import Flavour
from workbench.ui.common.core_text import shown
from workbench.ui.common.error_text import error_line, error_title

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from workbench.ui.rerank.pane import RerankPane
    from workbench.ui.services import Services

pytestmark = [
    pytest.mark.usefixtures("restore_language"),
    pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
]


def _run_text(pane: RerankPane) -> str:
    return str(child(pane, QPushButton, "rerankRun").text())


def _all_texts(pane: RerankPane) -> Texts:
    """What every tab of the pane shows (documents as JSON and as a table, results, comparison)."""
    found: Texts = {}
    for documents_tab in (1, 0):
        pane.editor.tabs.setCurrentIndex(documents_tab)
        for results_tab in (1, 0):
            pane.results.setCurrentIndex(results_tab)
            found |= shown_texts(pane)
    return found


def _to(qtbot: QtBot, pane: RerankPane, language: str) -> None:
    wanted = "Esegu&i  (Ctrl+Invio)" if language == "it" else "Ru&n  (Ctrl+Return)"
    switch_language(qtbot, language, lambda: _run_text(pane) == wanted)


def test_rerank_pane_switches_to_italian_live_and_back(
    pane: RerankPane, services: Services, qtbot: QtBot
) -> None:
    _to(qtbot, pane, "en")
    fill(pane, "apple pie", FRUIT)
    run(pane, services, qtbot)
    english = _all_texts(pane)
    _to(qtbot, pane, "it")
    italian = _all_texts(pane)
    left = still_english(english, italian)
    assert not left, " | ".join(sorted(set(left.values())))
    assert pane.accessibleName() == "Rerank"
    assert pane.run_button.accessibleName() == "Esegui il rerank"
    assert pane.query_tokens.text().endswith("token (unknown model)")
    assert pane.results.tabText(0) == "Ri&sultati"
    table = child(pane, QTableView, "rerankResultsTable")
    headers = [table.model().headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Posizione", "Indice", "Punteggio", "Documento"]
    # The summary was redrawn in Italian from the last results.
    assert re.match(r"3 risultati in \d+,\d ms · 1 unità di ricerca", status(pane)), status(pane)
    _to(qtbot, pane, "en")
    assert status(pane).startswith("3 results in ")  # English plural forms (workbench_en.ts)
    assert pane.results.tabText(0) == "Res&ults"


def test_scores_and_durations_follow_the_italian_locale(
    pane: RerankPane, services: Services, qtbot: QtBot
) -> None:
    _to(qtbot, pane, "it")
    fill(pane, "apple pie", FRUIT)
    run(pane, services, qtbot)
    table = child(pane, QTableView, "rerankResultsTable")
    score = table.model().index(0, 2).data()
    assert re.fullmatch(r"0,\d{4}", score), score
    spoken = table.model().index(0, 2).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == f"punteggio {score}"
    assert "punteggio 0," in pane.results.detail.toPlainText()
    assert re.search(r"in \d+,\d ms", status(pane))
    assert pane.preview.toPlainText().lstrip().startswith("{")  # the body stays JSON
    assert '"query": "apple pie"' in pane.preview.toPlainText()


def test_a_field_one_document_lacks_is_said_in_the_italian_singular(
    pane: RerankPane, qtbot: QtBot
) -> None:
    """The plural form followed the total of documents: "manca in 1 documenti su 3"."""
    _to(qtbot, pane, "it")
    fill(pane, "q", [{"title": "a", "text": "x"}, {"title": "b", "text": "y"}, {"text": "z"}])
    qtbot.waitUntil(lambda: pane.form.fields.count() == 2, timeout=WAIT_MS)
    pane.form.set_rank_fields(["title", "text"])
    warning = child(pane, QLabel, "rerankFieldsWarning").text()
    assert warning == "⚠ “title” manca in 1 documento su 3", warning


def test_the_document_count_is_grouped_in_italian(pane: RerankPane, qtbot: QtBot) -> None:
    """Qt's %Ln groups by CLDR, which leaves four digits bare in Italian: "1200 documenti"."""
    _to(qtbot, pane, "it")
    pane.set_documents([f"doc {i}" for i in range(1200)])
    assert child(pane, QLabel, "rerankDocumentCount").text() == "1.200 documenti"


def test_pasted_and_imported_broken_documents_are_refused_in_italian(
    pane: RerankPane, qtbot: QtBot, tmp_path: Path
) -> None:
    """The refusal's words were built in English in the core, so an Italian window showed
    "Invalid JSON: Expecting value"; the parser's reason is translated too, as the JSON
    editor's is."""
    _to(qtbot, pane, "it")
    QGuiApplication.clipboard().setText("[1, ]")
    paste = pane.editor.findChild(QAction, "rerankPaste")
    assert paste is not None
    paste.trigger()
    assert error_text(pane) == "JSON non valido: atteso un valore · in riga 1, colonna 5"
    broken = tmp_path / "broken.jsonl"
    broken.write_text('"ok"\n{"text": oops}\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        pane.editor.import_file(broken)
    assert error_line(caught.value) == (
        "JSON non valido: atteso un valore · in broken.jsonl, riga 2, colonna 10"
    )
    wide = tmp_path / "wide.csv"
    wide.write_text("title,text\nA,alpha,extra\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        pane.editor.import_file(wide)
    assert error_title(caught.value) == "Attesi 2 campi, trovati 3"
    assert str(caught.value) == "Expected 2 fields, found 3 · at wide.csv, line 2"
    pane.editor.json.set_text('[{"text": "a\\nb"}]')
    notes = [shown(note) for note in pane.editor.export_file(tmp_path / "out.txt")]
    assert notes == [
        "1 documento aveva degli a capo, uniti con spazi",
        "I documenti oggetto sono stati scritti come testo “chiave: valore”",
    ]


def test_notes_on_values_sent_as_text_follow_the_language(
    pane: RerankPane, services: Services, qtbot: QtBot
) -> None:
    """The note was an English f-string made in the core: the Italian window showed
    "“year”: 2 non-string values sent as text"; it is now said, and said again on a switch, in
    the GUI's language (a marking translator stands for one: the note must go through it)."""
    select_flavour(services, Flavour.COHERE_V1)
    docs = [{"text": "apple pie", "year": 2020}, {"text": "pear", "year": 2021, "ok": True}]
    fill(pane, "apple", docs)
    run(pane, services, qtbot)
    notes = child(pane, QLabel, "rerankResultNotes")
    assert notes.isVisibleTo(pane)
    marking = MarkingTranslator(frozenset({"Core"}))
    QCoreApplication.installTranslator(marking)  # a language switch: the notes are redrawn
    try:
        marked = [
            "• «“year”: 2 non-string values sent as text (first at documents[0])»",
            "• «“ok”: 1 non-string value sent as text (first at documents[1])»",
        ]
        # Waited for whole: the Italian notes hold « » of their own before the redraw.
        qtbot.waitUntil(lambda: notes.text().splitlines() == marked, timeout=WAIT_MS)
    finally:
        QCoreApplication.removeTranslator(marking)


def _odd_answer(
    pane: RerankPane, services: Services, qtbot: QtBot, answer: Answer, **fields: Any
) -> str:
    """The error line in Italian after a run against a server that answers `answer`."""
    with HostileServer() as server:
        use_odd_server(services, server, answer, **fields)
        _to(qtbot, pane, "it")
        fill(pane, "apple", FRUIT)
        run(pane, services, qtbot)
    return error_text(pane)


def test_a_server_value_of_the_wrong_type_is_refused_in_italian(
    pane: RerankPane, services: Services, qtbot: QtBot
) -> None:
    """The wire layer's "expected a finite number, got 'high'" was English in the Italian
    window; the server's value stays as it came."""
    body = json.dumps({"results": [{"index": 0, "relevance_score": "high"}]}).encode()
    shown_error = _odd_answer(pane, services, qtbot, Answer.whole(body))
    assert "in results[0].relevance_score" in shown_error, shown_error
    assert shown_error.endswith(": atteso un numero finito, trovato 'high'")


def test_an_answer_that_is_no_json_is_refused_in_italian(
    pane: RerankPane, services: Services, qtbot: QtBot
) -> None:
    """The client's "the answer is not JSON" was English in the Italian window; the parser's
    reason and the answer's start stay as they came."""
    shown_error = _odd_answer(pane, services, qtbot, Answer.whole(b"<html>oops</html>"))
    assert shown_error.endswith(
        ": la risposta non è JSON (Expecting value): b'<html>oops</html>'"
    ), shown_error
    shown_error = _odd_answer(pane, services, qtbot, Answer.whole(b"[1, 2]"))
    assert shown_error.endswith(": la risposta non è un oggetto JSON"), shown_error


def test_an_answer_cut_short_is_refused_in_italian(
    pane: RerankPane, services: Services, qtbot: QtBot
) -> None:
    """A body shorter than its Content-Length: "the connection broke" was English."""
    short = Answer.whole(b'{"results', headers={"Content-Length": "500"})
    shown_error = _odd_answer(pane, services, qtbot, short)
    assert ": la connessione si è interrotta: peer closed connection" in shown_error, shown_error


def test_a_ca_bundle_that_cannot_be_loaded_is_refused_in_italian(
    pane: RerankPane, services: Services, qtbot: QtBot, tmp_path: Path
) -> None:
    """ "cannot load the CA bundle" was English; the TLS library's reason stays as it came."""
    bundle = tmp_path / "not-a-bundle.pem"
    bundle.write_text("not a certificate", encoding="utf-8")
    answer = Answer.whole(b'{"results": []}')
    shown_error = _odd_answer(pane, services, qtbot, answer, ca_bundle=str(bundle))
    assert ": impossibile caricare il bundle CA: [X509" in shown_error, shown_error


def test_a_rerank_answer_of_the_wrong_shape_is_refused_in_italian(
    pane: RerankPane, services: Services, qtbot: QtBot
) -> None:
    """ "the answer has no `results` list" was English in the Italian window."""
    shown_error = _odd_answer(pane, services, qtbot, Answer.whole(b'{"id": "x"}'))
    assert shown_error.endswith(
        "in results · POST /s/odd/v2/rerank: la risposta non ha un elenco `results`"
    ), shown_error
    body = json.dumps({"results": [{"relevance_score": 0.5}]}).encode()
    shown_error = _odd_answer(pane, services, qtbot, Answer.whole(body))
    assert shown_error.endswith(": un risultato ha bisogno di `index` e `relevance_score`"), (
        shown_error
    )
