"""The Endpoints pane shows the core's explanations in Italian: Test connection, URL problems."""

from __future__ import annotations

import json
import shlex
import sys
from typing import TYPE_CHECKING

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import QCoreApplication

from tests.ui.endpoints.test_entra import _choose_entra
from tests.ui.endpoints.test_entra import _type as _type_entra
from tests.ui.endpoints.test_pane import (
    _button,
    _edit,
    _headers_field,
    _label,
    _test_connection,
    _type,
    _type_headers,
)
from tests.ui.marked import marked_core as marked_core
from tests.ui.shown_texts import switch_language
from tests.ui.test_pane_errors import _LockedKeyring
from tests.waits import WAIT_MS
from workbench.core.endpoint_refusals import field_label
from workbench.core.endpoints import EndpointConfig, Prices
from workbench.ui.common.core_text import shown
from workbench.ui.endpoints.form_values import _FIELD_NAMES
from workbench.ui.i18n import apply_language

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from workbench.ui.endpoints.pane import EndpointsPane
    from workbench.ui.services import Services


pytestmark = pytest.mark.usefixtures("restore_language")


def test_a_failed_connection_test_is_explained_in_italian(
    pane: EndpointsPane, qtbot: QtBot
) -> None:
    apply_language("it")
    _type(qtbot, _edit(pane, "apiKey"), "definitely-wrong-key")
    report = _test_connection(pane, qtbot)
    assert not report.ok
    shown = _label(pane, "testResultLabel").text()
    assert shown.startswith("✘ Autenticazione non riuscita"), shown
    assert "Chiave sbagliata: il server l'ha rifiutata." in shown
    assert "Route: /" in shown
    assert "URL chiamato: http://127.0.0.1:" in shown
    assert "Wrong key" not in shown
    # The report itself, as the command line and the logs see it, stays English.
    assert str(report.explanation).startswith("Wrong key")


def test_a_successful_connection_test_reads_italian(pane: EndpointsPane, qtbot: QtBot) -> None:
    apply_language("it")
    report = _test_connection(pane, qtbot)
    assert report.ok
    assert _label(pane, "testResultLabel").text().startswith("✔ Connesso: ")


def test_a_url_problem_reads_italian(pane: EndpointsPane, qtbot: QtBot) -> None:
    apply_language("it")
    _type(qtbot, _edit(pane, "baseUrl"), "ftp://example.com")
    final = _label(pane, "finalUrlLabel")
    qtbot.waitUntil(lambda: "atteso un URL http:// o https://" in final.text(), timeout=WAIT_MS)


def test_an_endpoints_file_that_is_no_json_is_refused_in_italian(
    pane: EndpointsPane, services: Services, tmp_path: Path
) -> None:
    """The reason was built in English in the core ("Not valid JSON: …"); the parser's own
    words stay as they came, as the JSON editor's do."""
    apply_language("it")
    bad = tmp_path / "bad.json"
    bad.write_text('{"endpoints": [\n  {"name": "x",}\n]}', encoding="utf-8")
    assert pane.import_from(bad) == []
    notice = services.notices.history()[-1]
    assert notice.shown_text() == (
        "Impossibile importare gli endpoint — in riga 2, colonna 16: "
        "JSON non valido: atteso un nome di proprietà tra virgolette doppie"
    )
    assert notice.detail.startswith("Not valid JSON: ")  # the log stays English
    listed = tmp_path / "listed.json"
    listed.write_text('{"endpoints": [42]}', encoding="utf-8")
    assert pane.import_from(listed) == []
    shown = services.notices.history()[-1].shown_text()
    assert shown.endswith("in endpoints[0]: Ogni endpoint deve essere un oggetto")


def test_an_imported_header_the_workbench_sets_is_refused_in_italian(
    pane: EndpointsPane, services: Services, tmp_path: Path
) -> None:
    """The reason was pydantic's English line, shown as it was in the Italian window:
    "Invalid endpoint: Value error, header 'Host' is managed by the HTTP client"."""
    apply_language("it")
    source = tmp_path / "endpoints.json"
    endpoint = {"name": "gateway", "base_url": "https://h.example", "extra_headers": {"Host": "x"}}
    source.write_text(json.dumps({"endpoints": [endpoint]}), encoding="utf-8")
    assert pane.import_from(source) == []
    notice = services.notices.history()[-1]
    assert notice.shown_text() == (
        "Impossibile importare gli endpoint — in endpoints[0].extra_headers: "
        "Endpoint 'gateway' non valido: L'intestazione 'Host' deriva dall'URL di base"
    )
    assert notice.detail == "Invalid endpoint 'gateway': Header 'Host' comes from the base URL"


@pytest.mark.parametrize(
    ("changes", "where", "said"),
    [
        (
            {"flavour": "cohere-v3"},
            "flavour",
            "Endpoint 'gateway' non valido: il campo Variante (flavour) deve essere uno tra "
            "cohere-v1, cohere-v2, openai",
        ),
        ({"name": " "}, "name", "Endpoint non valido: il campo Nome non deve essere vuoto"),
        (
            {"timeout_s": "fast"},
            "timeout_s",
            "Endpoint 'gateway' non valido: il campo Timeout deve essere un numero",
        ),
        (
            {"base_url": None},
            "base_url",
            "Endpoint 'gateway' non valido: il campo URL di base deve essere un testo",
        ),
        (
            {"auth": "basic"},
            "auth",
            "Endpoint 'gateway' non valido: il campo Schema di autenticazione deve essere uno "
            "tra bearer, api-key, x-api-key, entra, none",
        ),
        (
            {"prices": {"output_per_million": -2.5}},
            "prices.output_per_million",
            "Endpoint 'gateway' non valido: il campo Prezzo di output per milione di token deve "
            "essere almeno 0",
        ),
    ],
    ids=["flavour", "blank-name", "timeout", "base-url", "auth", "price"],
)
def test_an_imported_field_pydantic_refuses_is_explained_in_italian(
    pane: EndpointsPane,
    services: Services,
    tmp_path: Path,
    changes: dict[str, object],
    where: str,
    said: str,
) -> None:
    """The reason was pydantic's English line, shown as it was in the Italian window ("Input
    should be 'cohere-v1', 'cohere-v2' or 'openai'", "Value error, must not be empty")."""
    apply_language("it")
    source = tmp_path / "endpoints.json"
    endpoint = {"name": "gateway", "base_url": "https://h.example", **changes}
    source.write_text(json.dumps({"endpoints": [endpoint]}), encoding="utf-8")
    assert pane.import_from(source) == []
    notice = services.notices.history()[-1]
    assert notice.shown_text() == (
        f"Impossibile importare gli endpoint — in endpoints[0].{where}: {said}"
    )
    assert notice.detail.startswith("Invalid endpoint")  # the log stays English


def _core(source: str) -> str:
    """A core text added with this change, as the catalogue says it (English until the
    Italian catalogue holds it)."""
    return QCoreApplication.translate("Core", source)


@pytest.mark.parametrize(
    ("changes", "where", "said"),
    [
        (
            {"extra_headers": {"X-Route": "eu", "X-Tenant": 5}},
            "extra_headers.X-Tenant",
            "Endpoint 'gateway' non valido: L'intestazione 'X-Tenant' %1",
        ),
        (
            {"prices": {"currency": ["EUR"]}},
            "prices.currency",
            "Endpoint 'gateway' non valido: il campo %2 deve essere un testo",
        ),
    ],
    ids=["header-value", "currency"],
)
def test_an_imported_nested_value_is_named_by_its_own_name_in_italian(
    pane: EndpointsPane,
    services: Services,
    tmp_path: Path,
    changes: dict[str, object],
    where: str,
    said: str,
) -> None:
    """A header's value of the wrong type was named by the whole field ("il campo Intestazioni
    aggiuntive deve essere un testo") and the currency by the prices ("il campo Prezzi …")."""
    apply_language("it")
    source = tmp_path / "endpoints.json"
    endpoint = {"name": "gateway", "base_url": "https://h.example", **changes}
    source.write_text(json.dumps({"endpoints": [endpoint]}), encoding="utf-8")
    assert pane.import_from(source) == []
    notice = services.notices.history()[-1]
    reason = said.replace("%1", _core("must have a text value"))
    reason = reason.replace("%2", _core("Price currency"))
    assert notice.shown_text() == (
        f"Impossibile importare gli endpoint — in endpoints[0].{where}: {reason}"
    )


def test_an_imported_file_missing_a_field_says_so_in_italian(
    pane: EndpointsPane, services: Services, tmp_path: Path
) -> None:
    """ "Field required" was pydantic's English."""
    apply_language("it")
    source = tmp_path / "endpoints.json"
    source.write_text(json.dumps({"endpoints": [{"name": "gateway"}]}), encoding="utf-8")
    assert pane.import_from(source) == []
    assert services.notices.history()[-1].shown_text() == (
        "Impossibile importare gli endpoint — in endpoints[0].base_url: "
        "Endpoint 'gateway' non valido: manca il campo URL di base"
    )


FORM_WORDS = {
    "name": ("EndpointForm", "Name"),
    "base_url": ("EndpointForm", "Base URL"),
    "flavour": ("EndpointForm", "Flavour"),
    "model": ("EndpointForm", "Model"),
    "auth": ("EndpointForm", "Authentication scheme"),
    "entra_scope": ("EntraFields", "Entra ID scope"),
    "token_command": ("EntraFields", "Token command"),
    "api_version": ("EndpointForm", "api-version"),
    "extra_parameters": ("EndpointForm", "extra-parameters header"),
    "ca_bundle": ("EndpointForm", "Custom CA bundle"),
    "proxy": ("EndpointForm", "Proxy"),
    "timeout_s": ("EndpointForm", "Timeout"),
    "connect_timeout_s": ("EndpointForm", "Connect timeout"),
    "prices": ("EndpointForm", "Prices"),
    "prices.input_per_million": ("EndpointForm", "Input price per million tokens"),
    "prices.output_per_million": ("EndpointForm", "Output price per million tokens"),
    "prices.per_thousand_search_units": ("EndpointForm", "Price per 1,000 search units"),
    "extra_headers": ("EndpointForm", "Extra headers"),
    "keyring_headers": ("EndpointForm", "Extra headers"),
}
"""Each settings field by the form's words for it: its accessible name, or the name the form's
own errors give it (`_FIELD_NAMES`)."""


@pytest.mark.parametrize("language", ["en", "it"])
def test_an_import_names_each_field_as_the_endpoints_form_does(language: str) -> None:
    """An import's reason names the field ("Variante (flavour)"), so it must be the form's word
    for it in either language; a field added to the settings needs its label."""
    apply_language(language)
    nested = {f"prices.{name}" for name in Prices.model_fields if name != "currency"}
    assert set(FORM_WORDS) == {*EndpointConfig.model_fields, *nested} - {"id", "is_sandbox"}
    for field, source in _FIELD_NAMES.items():
        assert FORM_WORDS[field] == ("EndpointForm", source)
    for field, (context, source) in FORM_WORDS.items():
        form = QCoreApplication.translate(context, source)
        assert shown(field_label(tuple(field.split(".")))) == form, field


@pytest.mark.usefixtures("marked_core")
def test_an_endpoints_file_of_the_wrong_shape_names_its_place_translated(
    pane: EndpointsPane, services: Services, tmp_path: Path
) -> None:
    """The place "top level" was a fixed English word shown as it was in the Italian GUI; a
    marking translator stands for the language."""
    listed = tmp_path / "list.json"
    listed.write_text('{"endpoints": 5}', encoding="utf-8")
    assert pane.import_from(listed) == []
    shown = services.notices.history()[-1].shown_text()
    assert "«top level»" in shown, shown
    assert "«Expected an object with an `endpoints` list»" in shown


def test_an_extra_header_problem_reads_italian_and_follows_a_switch(
    pane: EndpointsPane, services: Services, qtbot: QtBot
) -> None:
    """The field's problem line was made in English twice over ("Extra headers, line 2: Header
    'X-A' appears twice"): its place by the field, its reason by the core."""
    apply_language("it")
    _type_headers(qtbot, pane, "X-A: 1\nX-A: 2")
    problem = _label(pane, "extraHeadersError")
    assert (
        problem.text() == "Intestazioni aggiuntive, riga 2: L'intestazione 'X-A' compare due volte"
    )
    _headers_field(pane).setPlainText("X-Client-Name demo")
    assert problem.text() == (
        "Intestazioni aggiuntive, riga 1: Atteso “Nome: valore” (i due punti tra il nome e il "
        "valore)"
    )
    switch_language(qtbot, "en", lambda: problem.text().startswith("Extra headers, line 1: "))
    assert problem.text().endswith(
        ": Expected “Name: value” (a colon between the name and the value)"
    )
    _button(pane, "saveEndpointButton").click()
    notice = services.notices.history()[-1]
    assert notice.detail.startswith("Expected “Name: value”")  # the log stays English


def test_a_token_command_that_is_not_there_is_explained_in_italian(
    pane: EndpointsPane, qtbot: QtBot
) -> None:
    """The token command's failures were English f-strings made in the wire layer."""
    apply_language("it")
    _choose_entra(pane)
    _type_entra(qtbot, _edit(pane, "tokenCommand"), "no-such-token-tool-here --json")
    report = _test_connection(pane, qtbot)
    assert not report.ok
    assert str(report.explanation).startswith("the token command 'no-such-token-tool-here'")
    shown = _label(pane, "testResultLabel").text().splitlines()
    assert shown[0].startswith("✘ Accesso non riuscito"), shown
    assert shown[1] == (
        "il comando del token 'no-such-token-tool-here' non è stato trovato: controlla che il "
        "nome del comando sia scritto bene e che si trovi nel PATH"
    )


def test_a_token_a_header_cannot_carry_is_refused_in_italian(
    pane: EndpointsPane, qtbot: QtBot, tmp_path: Path
) -> None:
    """The refusal was put together from English pieces: the credential, its verb ("printed")
    and what the token holds ("a control character")."""
    script = tmp_path / "token.py"
    answer = json.dumps({"accessToken": "ab\ncdHIDDEN", "expires_in": 3600})
    script.write_text(f"import sys\nsys.stdout.write({answer!r})\n", encoding="utf-8")
    apply_language("it")
    _choose_entra(pane)
    _type_entra(qtbot, _edit(pane, "tokenCommand"), shlex.join([sys.executable, str(script)]))
    report = _test_connection(pane, qtbot)
    assert not report.ok
    shown = _label(pane, "testResultLabel").text()
    assert shown.startswith("✘ Accesso non riuscito · in comando del token: "), shown
    assert (
        "il comando del token ha stampato un token che un'intestazione non può trasportare: "
        "contiene un carattere di controllo (il token non viene mostrato)" in shown
    ), shown
    assert "HIDDEN" not in shown


def test_a_key_a_header_cannot_carry_is_refused_in_italian(
    pane: EndpointsPane, qtbot: QtBot
) -> None:
    """ "the key contains a character outside ASCII inside it" was an English f-string."""
    apply_language("it")
    _type(qtbot, _edit(pane, "model"), "rerank-v3.5")  # v2 is refused without one
    _type(qtbot, _edit(pane, "apiKey"), "abcédefHIDDEN")
    _button(pane, "saveEndpointButton").click()
    shown = _label(pane, "endpointsError").text()
    assert shown == (
        "Non salvato: Chiave API inutilizzabile · in chiave API: la chiave contiene un carattere "
        "non ASCII al suo interno, che un'intestazione HTTP non può trasportare; copia di nuovo "
        "la chiave dalla sua origine"
    ), shown


def test_a_refused_save_is_said_again_in_a_new_language(pane: EndpointsPane, qtbot: QtBot) -> None:
    """ "Not saved: …" was handed to the error line as finished words, so it stayed in the
    language it was made in."""
    apply_language("en")
    error = _label(pane, "endpointsError")
    _type(qtbot, _edit(pane, "model"), "rerank-v3.5")
    _type(qtbot, _edit(pane, "baseUrl"), "ftp://example.com")
    _button(pane, "saveEndpointButton").click()
    assert error.text().startswith("Not saved: Invalid endpoint · at Base URL: "), error.text()
    switch_language(qtbot, "it", lambda: error.text().startswith("Non salvato: "))
    assert "atteso un URL http:// o https://" in error.text(), error.text()
    assert error.accessibleName() == error.text()  # read out in the new language too
    _type(qtbot, _edit(pane, "baseUrl"), "https://example.com")
    model = _edit(pane, "model")
    model.clear()
    model.textEdited.emit("")
    _button(pane, "saveEndpointButton").click()
    assert error.text() == "Non salvato: il campo Modello richiede un nome (vedi il messaggio lì)."
    switch_language(qtbot, "en", lambda: error.text().startswith("Not saved: the Model field"))


KEYRING_FAILURES = [
    (
        "none",
        "the keyring found (keyring.backends.fail.Keyring) would not keep keys safe. Keys are "
        "stored only",
        "il portachiavi trovato (keyring.backends.fail.Keyring) non terrebbe le chiavi al "
        "sicuro. Le chiavi sono conservate solo",
    ),
    (
        "locked",
        "Storing the key in the keyring failed: the collection is locked. Check that the "
        "keyring is unlocked, then try again.",
        "Archiviazione della chiave nel portachiavi non riuscita: the collection is locked. "
        "Verifica che il portachiavi sia sbloccato, poi riprova.",
    ),
]
"""(backend, the notice's English detail, its Italian): the keyring's own words stay."""


@pytest.mark.parametrize(("backend", "english", "italian"), KEYRING_FAILURES)
def test_a_key_the_keyring_did_not_store_is_said_again_in_a_new_language(
    pane: EndpointsPane,
    services: Services,
    qtbot: QtBot,
    keyring_errors_expected: list[object],
    backend: str,
    english: str,
    italian: str,
) -> None:
    """The keyring's failure was handed to the error line as finished words; the notice said
    the core's English f-strings in the Italian window ("Storing the key in the keyring
    failed: …", "the keyring found (…) would not keep keys safe"), advice and all."""
    apply_language("en")
    error = _label(pane, "endpointsError")
    _type(qtbot, _edit(pane, "model"), "rerank-v3.5")
    _type(qtbot, _edit(pane, "apiKey"), "a-key-that-goes-nowhere")
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring() if backend == "none" else _LockedKeyring())
    try:
        _button(pane, "saveEndpointButton").click()
        qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    finally:
        keyring.set_keyring(previous)
    said = "The keyring did not store it, and nothing was written elsewhere: "
    assert error.text().startswith(said), error.text()
    notice = services.notices.history()[-1]
    assert english in notice.shown_text(), notice.shown_text()
    italian_line = "Il portachiavi non l'ha archiviata e non è stato scritto nulla altrove: "
    switch_language(qtbot, "it", lambda: error.text().startswith(italian_line))
    assert italian in notice.shown_text(), notice.shown_text()
    assert notice.detail.startswith(english)  # the log keeps the English


def test_a_blank_name_saved_from_the_form_is_refused_in_italian(
    pane: EndpointsPane, services: Services, qtbot: QtBot
) -> None:
    """Save with the name cleared said pydantic's "Value error, must not be empty" in the Italian
    window; the import already said it in the form's words."""
    apply_language("it")
    before = services.session.current()
    _type(qtbot, _edit(pane, "endpointName"), "  ")
    _button(pane, "saveEndpointButton").click()
    notice = services.notices.history()[-1]
    assert (notice.level, notice.where) == ("error", "Nome")
    assert notice.shown_text().endswith("il campo Nome non deve essere vuoto")
    assert "Value error" not in notice.shown_text()
    assert services.session.current() == before  # nothing saved, nothing typed lost
    assert _edit(pane, "endpointName").text() == "  "
