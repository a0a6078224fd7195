"""Texts the Qt-free core makes: English on the command line, translated in the GUI (issue 18).

A test that checks Italian words switches to Italian itself; the others read the GUI's words
through `tr`, so the file passes in either language (tests/run runs it in Italian too).
"""

from __future__ import annotations

import ast
import json
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest

from tests.conftest import SANDBOX_TEST_KEY
from tests.ui.tr import before, tr
from workbench.api import chat_request_body
from workbench.api.entra import EntraToken
from workbench.api.entra import _check_sendable as check_sendable
from workbench.api.errors import InputError, ProtocolError, SignInError, WorkbenchError
from workbench.api.framing import LineSplitter
from workbench.api.models import (
    ChatRequest,
    Flavour,
    GenerationParams,
    ImagePart,
    RerankHit,
    RerankResponse,
    ResponseFormat,
)
from workbench.api.text import Figure, Text
from workbench.api.transport_errors import mapped_errors
from workbench.cli import main
from workbench.core.chat_checks import cautions, check_request
from workbench.core.chat_session import ChatFrame, ChatSession
from workbench.core.endpoint_headers import parse_header_lines
from workbench.core.probe_routes import RouteCheck, routes_line
from workbench.core.qa import checks_latency, checks_rerank
from workbench.core.qa.model import LatencySummary
from workbench.core.rerank_docs import check_chunk_budget, check_documents, rules_for
from workbench.core.runs.inspect import describe
from workbench.core.runs.store import RunRecord
from workbench.core.saved_chat import load_chat
from workbench.core.structured import check_answer
from workbench.core.turns import STOPPED
from workbench.ui.chat.turns import schema_verdict
from workbench.ui.common.core_text import CATALOGUE, shown
from workbench.ui.common.error_text import error_line, error_title
from workbench.ui.i18n import apply_language
from workbench.ui.linguist import update_ts

if TYPE_CHECKING:
    from collections.abc import Iterator

    from workbench.sandbox.runner import RunningSandbox

pytestmark = pytest.mark.usefixtures("restore_language")

REPO = Path(__file__).resolve().parents[2]
MARKERS = {"Text", "english"}


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _calls(path: Path, names: set[str]) -> Iterator[ast.Call]:
    """The calls of `path` to one of `names`."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names:
            yield node


def _core_texts() -> Iterator[tuple[str, ast.Call]]:
    """Every literal template in a `Text(…)` or `english(…)` call of workbench/api and core,
    with its call."""
    for folder in ("api", "core"):
        for path in (REPO / "workbench" / folder).rglob("*.py"):
            for call in _calls(path, MARKERS):
                template = _literal(call.args[0]) if call.args else None
                if template is not None:
                    yield template, call


def _core_templates() -> set[str]:
    return {template for template, _call in _core_texts()}


def _counted_core_templates() -> set[str]:
    """The templates of the core's `Text(…, count=…)` calls: those said with plural forms."""
    return {
        template
        for template, call in _core_texts()
        if any(keyword.arg == "count" for keyword in call.keywords)
    }


CATALOGUE_FILES = sorted((REPO / "workbench" / "ui" / "common").glob("catalogue_*.py"))


def _plural_catalogue_entries() -> set[str]:
    """The catalogue's entries marked as counted: a number as their fourth argument."""
    calls = [c for path in CATALOGUE_FILES for c in _calls(path, {"QT_TRANSLATE_NOOP"})]
    return {_literal(call.args[1]) or "" for call in calls if len(call.args) == 4}


def _budget_error() -> InputError:
    with pytest.raises(InputError) as caught:
        check_chunk_budget(1000, 10, rules_for(Flavour.COHERE_V1), split=False)
    return caught.value


def test_every_core_template_is_in_the_gui_catalogue() -> None:
    templates = _core_templates()
    assert len(templates) > 40  # the scan found the core's texts
    assert not templates - set(CATALOGUE), "add these to a workbench/ui/common/catalogue_*.py"
    assert not set(CATALOGUE) - templates, "no longer in the core: remove from its catalogue_*.py"


def test_every_counted_core_template_has_plural_forms_in_the_gui_catalogue(
    tmp_path: Path,
) -> None:
    """A count said with `Text(…, count=n)` is looked up with Qt's plural forms: lupdate must
    file its template as a plural message ("1 richiesta", "2 richieste"), and only those."""
    counted = _counted_core_templates()
    assert "%n request(s): %1" in counted  # the scan found the counted texts
    assert counted == _plural_catalogue_entries()
    for template in _core_templates():
        assert ("%n" in template) == (template in counted), template
    scratch = tmp_path / "workbench_en.ts"
    update_ts(CATALOGUE_FILES, scratch, "en")  # the English file keeps the plural messages only
    plural = {m.findtext("source") for m in ET.parse(scratch).iter("message")}
    assert plural == counted


def test_a_counted_text_reads_in_its_plural_form_with_its_number_grouped() -> None:
    """The latency check said "1 richieste" in the Italian window and "1 requests" in English."""
    apply_language("it")
    assert shown(Text("%n request(s): %1", "p50", count=1)) == "1 richiesta: p50"
    assert shown(Text("%n request(s): %1", "p50", count=1234)) == "1.234 richieste: p50"
    assert shown(Text("%1 of %n request(s) failed (%2); %3", "1", "x", "y", count=1)) == (
        "richiesta non riuscita: 1 su 1 (x); y"
    )
    apply_language("en")
    assert shown(Text("%n request(s): %1", "p50", count=1)) == "1 request: p50"
    assert shown(Text("%n request(s): %1", "p50", count=1234)) == "1,234 requests: p50"


def test_a_text_reads_as_english_with_grouped_numbers() -> None:
    text = Text("%1 documents cost %2 and %3", 12345, 0.25, Text("Stopped by you"), decimals=2)
    assert str(text) == "12,345 documents cost 0.25 and Stopped by you"
    assert str(_budget_error()).startswith(
        "1,000 documents x 10 chunks each must stay below 10,000: lower max_chunks_per_doc to 9"
    )


def test_chunk_budget_refusal_reads_italian_in_the_gui_and_english_on_the_command_line(
    sandbox: RunningSandbox,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    apply_language("it")
    exc = _budget_error()
    assert error_title(exc) == (
        "1.000 documenti x 10 chunk ciascuno devono restare sotto 10.000: abbassa "
        "max_chunks_per_doc a 9 o dividi in lotti"
    )
    assert error_line(exc).endswith("in max_chunks_per_doc")
    # The command line, even in a process whose Qt speaks Italian, prints the English.
    documents = tmp_path / "documents.json"
    documents.write_text(json.dumps([f"document {i}" for i in range(1000)]), encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_API_KEY", SANDBOX_TEST_KEY)
    argv = ["rerank", "--url", sandbox.base_url + "/v1/rerank", "--model", "m"]
    argv += ["--query", "q", "--documents", str(documents), "--max-chunks-per-doc", "10"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "1,000 documents x 10 chunks each must stay below 10,000" in err
    apply_language("en")
    assert error_title(exc) == exc.title


def test_a_cautioned_request_and_a_schema_problem_read_italian() -> None:
    apply_language("it")
    request = ChatRequest(
        message="hi",
        params=GenerationParams(response_format=ResponseFormat(type="json_object")),
        documents=["a document"],
    )
    check_request(request)  # said, not refused: the rule is unverified on Azure
    (caution,) = cautions(request)
    assert error_title(caution) == "Formato della risposta e documents"
    assert error_line(caution).endswith(
        "il riferimento di Cohere non combina un response_format JSON con documents (non "
        "verificato su Azure); la richiesta parte comunque e decide il server"
    )
    assert str(caution).endswith("it is sent anyway, for the server to decide")
    assert schema_verdict("[1]", ResponseFormat(type="json_object")) == (
        "JSON ✗ $: non è un oggetto JSON"
    )
    verdict = check_answer('{"a": ', ResponseFormat(type="json_object"))
    assert verdict is not None
    assert shown(verdict.problems[0].message).startswith("JSON non valido (riga 1, colonna 7): ")
    assert shown(STOPPED) == "Fermata da te"
    apply_language("en")
    assert shown(STOPPED) == "Stopped by you"


def test_the_chat_pane_verdict_on_a_schema_that_cannot_be_used_says_so() -> None:
    """In the run's language (the GUI's words around the schema's path, which stays)."""
    missing = ResponseFormat(type="json_object", json_schema={"$ref": "#/defs/missing"})
    nowhere = tr("Core", "the reference %1 leads nowhere", "#/defs/missing")
    assert schema_verdict('{"a": 1}', missing) == tr("TurnTexts", "JSON ✗ %1", f"$.$ref: {nowhere}")
    remote = ResponseFormat(type="json_object", json_schema={"$ref": "https://nowhere.invalid/s"})
    unusable = before(tr("Core", "the schema cannot be used: %1"))
    assert schema_verdict('{"a": 1}', remote).startswith(
        tr("TurnTexts", "JSON ✗ %1", f"(schema): {unusable}")
    )


def test_a_stored_run_reads_italian_in_the_inspector_and_english_on_the_command_line() -> None:
    record = RunRecord(
        id="r1",
        kind="chat",
        created=0.0,
        method="POST",
        url="http://127.0.0.1:9/v2/chat",
        status=200,
        outcome="ok",
        answer="Bonjour",
        t_headers=0.012,
        cost=0.0025,
        currency="USD",
    )
    english = describe(record)
    assert "status 200  outcome ok" in english
    assert "answer: Bonjour" in english
    apply_language("it")
    italian = describe(record, shown)
    assert "stato 200  esito ok" in italian
    assert "intestazioni 12 ms · primo token — · ultimo —" in italian
    assert "costo stimato: 0.002500 USD" in italian
    assert "risposta: Bonjour" in italian
    assert describe(record) == english  # the command line's text does not follow the GUI


def test_a_document_of_the_wrong_type_reads_italian_in_the_gui() -> None:
    apply_language("it")
    with pytest.raises(InputError) as caught:
        check_documents(["a document", 42], rules_for(Flavour.COHERE_V2))
    assert (
        error_title(caught.value)
        == "Un documento deve essere una stringa o un oggetto, non un numero"
    )
    assert caught.value.where == "documents[1]"
    assert caught.value.title == "A document must be a string or an object, not a number"


def test_the_routes_line_reads_italian_in_the_gui_and_english_on_the_command_line() -> None:
    checks = [
        RouteCheck("/v2/chat", None),
        RouteCheck("/v1/chat", 404),
        RouteCheck("/v2/rerank", 200),
    ]
    line = routes_line(checks)
    assert str(line) == "Routes: /v2/chat ✘ (no answer) · /v1/chat ✘ (404) · /v2/rerank ✔"
    apply_language("it")
    assert shown(line) == "Route: /v2/chat ✘ (nessuna risposta) · /v1/chat ✘ (404) · /v2/rerank ✔"


def test_the_entra_sign_in_line_reads_italian_in_the_gui() -> None:
    token = EntraToken("t", expires_at=time.time() + 3600, credential="the token command")
    assert str(token.describe()).endswith("(in 60 min).")
    apply_language("it")
    shown_line = shown(token.describe())
    assert shown_line.startswith(
        "Accesso effettuato con il comando del token; il token scade alle "
    )
    assert shown_line.endswith("(tra 60 min).")


def test_a_token_azure_identity_gave_that_a_header_cannot_carry_reads_italian() -> None:
    """The credential's class name stays as it is (an API name); the sentence around it was
    put together from English pieces."""
    token = EntraToken(
        "ab\x7fcd", expires_at=time.time() + 3600, credential="DefaultAzureCredential"
    )
    with pytest.raises(SignInError) as caught:
        check_sendable(token)
    assert caught.value.server_message == (
        "DefaultAzureCredential gave a token a header cannot carry: it contains a control "
        "character (the token is not shown); check what the command prints"
    )
    apply_language("it")
    assert error_line(caught.value) == (
        "Accesso non riuscito · in DefaultAzureCredential: DefaultAzureCredential ha fornito un "
        "token che un'intestazione non può trasportare: contiene un carattere di controllo (il "
        "token non viene mostrato); controlla cosa stampa il comando"
    )


def test_the_conversations_refusals_read_italian_in_the_gui() -> None:
    """They were plain English strings: the Italian window showed them as they were."""
    apply_language("it")
    session = ChatSession()
    with pytest.raises(InputError) as empty:
        session.regenerate(ChatFrame())
    assert error_line(empty.value) == (
        "Dati non validi · in conversazione: Non c'è ancora nessun turno da rigenerare."
    )
    with pytest.raises(InputError) as no_turn:
        session.edit_and_resend(2, "hi", ChatFrame())
    assert error_line(no_turn.value).endswith(": Il turno 3 non ha un messaggio da modificare.")
    assert str(no_turn.value) == "Invalid input · at turn 3: Turn 3 has no message to edit."


def test_a_history_file_of_another_format_is_refused_in_italian(tmp_path: Path) -> None:
    path = tmp_path / "chat.json"
    path.write_text('{"format": "something else"}', encoding="utf-8")
    apply_language("it")
    with pytest.raises(InputError) as caught:
        load_chat(path)
    assert error_line(caught.value) == (
        "Non è un file di cronologia della chat · in chat.json: "
        "atteso un oggetto con format 'cohere-workbench.chat'"
    )


def test_a_history_refusal_stays_english_on_the_command_line_of_an_italian_process(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    apply_language("it")
    history = tmp_path / "history.json"
    history.write_text(json.dumps([{"role": "robot"}]), encoding="utf-8")
    monkeypatch.setenv("WORKBENCH_API_KEY", SANDBOX_TEST_KEY)
    argv = ["chat", "--url", "http://127.0.0.1:9", "--model", "m", "--message", "hi"]
    assert main([*argv, "--history", str(history)]) == 2
    assert capsys.readouterr().err == "workbench: history.json: [0].role: unknown role 'robot'\n"


def test_an_extra_header_problem_reads_italian_in_the_gui() -> None:
    apply_language("it")
    with pytest.raises(InputError) as caught:
        parse_header_lines("X-A: 1\nx-a: 2")
    assert error_line(caught.value) == (
        "Intestazione aggiuntiva non valida · in Intestazioni aggiuntive, riga 2: "
        "L'intestazione 'x-a' compare due volte"
    )
    assert caught.value.server_message == "Header 'x-a' appears twice"


def test_what_a_flavour_cannot_send_reads_italian_in_the_gui() -> None:
    """The codecs' refusals, said on the Chat pane's Request page and error line, were English
    f-strings; the flavour's name stays an API name."""
    apply_language("it")
    image = ImagePart(url="data:image/png;base64,iVBORw0KGgo=")
    with pytest.raises(InputError) as images:
        chat_request_body(Flavour.COHERE_V1, ChatRequest(message="hi", images=[image]), "m")
    assert error_line(images.value) == (
        "Dati non validi · in images: Cohere v1 non può trasportare immagini (usa Cohere v2)"
    )
    queries = ChatRequest(message="hi", search_queries_only=True)
    with pytest.raises(InputError) as openai:
        chat_request_body(Flavour.OPENAI, queries, "m")
    assert error_line(openai.value).endswith(
        ": La route compatibile con OpenAI non ha search_queries_only"
    )
    assert openai.value.server_message == "The OpenAI-compatible route has no search_queries_only"


HTTPX_WORDS = [
    (
        httpx.ConnectError("All connection attempts failed"),
        "Connessione non riuscita · POST /v2/chat: Nessun tentativo di connessione è riuscito",
        "Could not connect · POST /v2/chat: All connection attempts failed",
    ),
    (
        httpx.RemoteProtocolError("Server disconnected"),
        "Risposta inattesa dal server · POST /v2/chat: la connessione si è interrotta: Il server "
        "si è disconnesso",
        "Unexpected answer from the server · POST /v2/chat: the connection broke: Server "
        "disconnected",
    ),
]
"""(what httpx raised, the GUI's Italian line, the command line's English)."""


@pytest.mark.parametrize(("raised", "italian", "english"), HTTPX_WORDS)
def test_httpxs_own_words_read_italian_in_the_gui(
    raised: Exception, italian: str, english: str
) -> None:
    """httpx's "All connection attempts failed" stood in the server's place in an Italian
    error line; the OS's own words ("[Errno 111] Connection refused") would stay."""
    apply_language("it")
    with pytest.raises(WorkbenchError) as caught, mapped_errors("POST /v2/chat"):
        raise raised
    assert error_line(caught.value) == italian
    assert str(caught.value) == english


def test_a_stream_line_past_the_limit_reads_italian_with_its_number_grouped() -> None:
    """The decoder's limit was written into an English f-string ("10,000 bytes")."""
    apply_language("it")
    with pytest.raises(ProtocolError) as caught:
        LineSplitter(max_line=10_000).feed(b"x" * 20_000)
    assert error_line(caught.value) == (
        "Risposta inattesa dal server · in byte 0: una riga dello stream è più lunga di 10.000 byte"
    )
    assert caught.value.server_message == "a stream line is longer than 10,000 bytes"


def test_a_qa_reason_reads_its_numbers_the_guis_way_and_the_reports_english_way() -> None:
    """The latency check's figures were an English f-string: "1,234 ms" in the Italian window."""
    summary = LatencySummary(ttft_p50=1234.4, ttft_p95=2345.6, total_p50=12345.0, total_p95=None)
    figures = checks_latency._figures(summary)
    apply_language("it")
    said = shown(figures)
    assert "1.234 ms" in said
    assert "12.345 ms" in said
    assert str(figures).startswith("first token p50 1,234 ms, p95 2,346 ms")


def test_a_qa_figure_reads_the_guis_way_and_the_command_lines_way_ungrouped() -> None:
    """The QA checks wrote their scores, times and counts into English strings: the Italian
    window read "#2 0.995, #0 0.412" and "1234 ms"; the command line never grouped them."""
    hits = [RerankHit(index=2, relevance_score=0.9951), RerankHit(index=1234, relevance_score=0.4)]
    order = checks_rerank._order(RerankResponse(results=hits))
    took = Text("the server answered HTTP %1 in %2 ms", "200", Figure(1234.4))
    waited = Text("after a 429, waited %1 s as Retry-After said", Figure(2.5, None))
    assert str(order) == "#2 0.995, #1234 0.400"
    assert str(took) == "the server answered HTTP 200 in 1234 ms"
    assert str(waited) == "after a 429, waited 2.5 s as Retry-After said"
    assert str(Text("%1 s", Figure(1.5e-05, None))) == "1.5e-05 s"
    apply_language("it")
    assert shown(order) == "#2 0,995; #1234 0,400"  # the status code and the index as they are
    assert shown(took) == "il server ha risposto HTTP 200 in 1.234 ms"
    assert shown(waited) == "dopo un 429, attesi 2,5 s come indicava Retry-After"
    assert shown(Text("%1 s", Figure(1.5e-05, None))) == "0,000015 s"
    apply_language("en")
    assert shown(took) == "the server answered HTTP 200 in 1,234 ms"
