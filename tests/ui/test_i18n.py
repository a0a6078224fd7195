"""Language: View > Language switches live and is remembered; numbers follow the locale (issue 18)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QMenu, QPushButton, QTabWidget, QToolButton

from tests.ui.italian_texts import english_leftovers, not_italian
from tests.waits import WAIT_MS
from workbench.api.errors import InputError, RateLimited
from workbench.ui.common import l10n
from workbench.ui.common.error_text import error_line, error_title, shown_where
from workbench.ui.common.json_editor import JsonEditor
from workbench.ui.i18n import apply_language, locale_for, workbench_translation
from workbench.ui.main_window import MainWindow
from workbench.ui.notices import Notice

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from workbench.ui.services import Services

pytestmark = pytest.mark.usefixtures("restore_language")


@pytest.fixture
def window(services: Services, qtbot: QtBot) -> Iterator[MainWindow]:
    main = MainWindow(services=services)
    qtbot.addWidget(main)
    yield main
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)


def _tabs(window: MainWindow) -> list[str]:
    tabs = window.findChild(QTabWidget, "paneTabs")
    assert tabs is not None
    return [tabs.tabText(i) for i in range(tabs.count())]


def _view_title(window: MainWindow) -> str:
    menu = window.findChild(QMenu, "viewMenu")
    assert menu is not None
    return menu.title()


def test_view_menu_switches_to_italian_live_and_back(window: MainWindow, qtbot: QtBot) -> None:
    window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: _view_title(window) == "&View", timeout=WAIT_MS)
    assert _tabs(window) == [
        "Rerank",
        "Chat",
        "Endpoints",
        "History",
        "Evaluation",
        "QA",
        "Compare",
    ]
    window.language_actions["it"].trigger()
    qtbot.waitUntil(lambda: _view_title(window) == "&Visualizza", timeout=WAIT_MS)
    assert _tabs(window) == [
        "Rerank",
        "Chat",
        "Endpoint",
        "Cronologia",
        "Valutazione",
        "QA",
        "Confronto",
    ]
    compare = window.pane("compare")
    send = compare.findChild(QPushButton, "compareSend")
    assert send is not None
    assert send.text() == "Invia a &tutte  (Ctrl+Invio)"
    follow_up = compare.findChild(QPushButton, "compareContinue2")
    assert follow_up is not None
    assert follow_up.accessibleName() == "Continua solo la colonna 2"
    assert window.language_actions["it"].isChecked()
    assert window.language_actions["system"].text() == "&Sistema"
    window.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: _view_title(window) == "&View", timeout=WAIT_MS)
    assert _tabs(window)[3] == "History"


def test_language_choice_is_remembered(
    window: MainWindow, services: Services, qtbot: QtBot
) -> None:
    window.language_actions["it"].trigger()
    assert services.settings.settings.language == "it"
    again = MainWindow(services=services)
    qtbot.addWidget(again)
    assert again.language_actions["it"].isChecked()
    window.language_actions["system"].trigger()
    assert services.settings.settings.language == "system"


def test_italian_numbers_dates_and_durations(qapp: object) -> None:
    apply_language("it")
    assert QLocale().language() == QLocale.Language.Italian
    assert l10n.format_ms(1234.5) == "1.234,5 ms"
    assert l10n.format_count(12345) == "12.345"
    assert l10n.format_count(-1234567) == "-1.234.567"
    assert l10n.format_score(0.98765) == "0,9877"
    assert l10n.format_seconds(3.25) == "3,25 s"
    assert l10n.format_number(2.5, 1) == "2,5"
    assert [l10n.format_decimal(v) for v in (1.5, 30.0, 0.01, 1e-5)] == [
        "1,5",
        "30",
        "0,01",
        "0,00001",
    ]
    assert l10n.format_datetime(datetime(2026, 12, 2, 15, 4)) == "02/12/26 15:04"
    apply_language("en")
    assert l10n.format_ms(1234.5) == "1,234.5 ms"
    assert l10n.format_score(0.98765) == "0.9877"


def test_unknown_choice_follows_the_system(qapp: object) -> None:
    assert locale_for("klingon") == QLocale.system()
    assert locale_for("it").language() == QLocale.Language.Italian
    assert locale_for("en").language() == QLocale.Language.English


def test_source_checkout_compiles_its_translation_on_demand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_CACHE_DIR", str(tmp_path))
    first = workbench_translation("it")
    assert first is not None
    assert first.parent == tmp_path / "i18n"
    assert first.stat().st_size > 0
    assert workbench_translation("it") == first  # kept, not compiled again
    assert workbench_translation("xx") is None


def test_error_titles_and_places_are_shown_in_italian(qapp: object) -> None:
    apply_language("it")
    assert error_title(InputError("x", title="Invalid URL")) == "URL non valido"
    assert error_title(InputError("x", title="A title made from data")) == "A title made from data"
    assert shown_where("line 4, column 17") == "riga 4, colonna 17"
    assert shown_where("documents[2].text") == "documents[2].text"  # an API path stays
    notice = Notice("error", "Authentication failed", "bad key", "line 3")
    assert notice.shown_text() == "Autenticazione non riuscita — in riga 3: bad key"
    assert notice.text() == "Authentication failed — at line 3: bad key"  # what the log gets
    assert notice.shown_level() == "errore"


def test_an_error_notice_names_its_request_id_in_italian(qapp: object) -> None:
    apply_language("it")
    error = RateLimited("slow down", status=429, route="/v2/chat", request_id="abc")
    notice = Notice.from_error(error)
    assert notice.shown_text().endswith(": slow down (HTTP 429, /v2/chat, id richiesta abc)")
    assert notice.detail == "slow down (HTTP 429, /v2/chat, request id abc)"  # the log's


def test_a_retry_delay_is_written_the_italian_way(qapp: object) -> None:
    """The delay was formatted with Python's "g": "riprova tra 1.5 s" in the Italian window."""
    apply_language("it")
    error = RateLimited("slow down", status=429, route="/v2/chat")
    error.retry_after = 1.5
    assert error_line(error).endswith("; riprova tra 1,5 s"), error_line(error)
    error.retry_after = 30
    assert error_line(error).endswith("; riprova tra 30 s")
    assert str(error).endswith("; retry after 30 s")  # the command line's line stays


def test_json_editor_names_follow_the_language(qtbot: QtBot) -> None:
    editor = JsonEditor(name="Documents")
    qtbot.addWidget(editor)
    apply_language("it")
    editor.set_name("Documenti")
    button = editor.findChild(QToolButton, "jsonEditorFormatButton")
    assert button is not None
    assert button.accessibleName() == "Formatta Documenti"
    assert editor.editor.accessibleName() == "Documenti"


def test_fill_puts_arguments_in_one_pass() -> None:
    assert l10n.fill("%1 at %2", "50%2 off", "line 1") == "50%2 off at line 1"
    assert l10n.fill("%2 before %1", "a", "b") == "b before a"
    assert l10n.fill("%3 missing", "a") == "%3 missing"


@pytest.mark.parametrize("key", ["endpoints", "history"])
def test_no_english_left_in_italian(
    window: MainWindow, services: Services, qtbot: QtBot, key: str
) -> None:
    window.show()
    window.show_pane(key)
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    window.language_actions["it"].trigger()
    qtbot.waitUntil(lambda: _view_title(window) == "&Visualizza", timeout=WAIT_MS)
    assert not english_leftovers(window), "\n".join(english_leftovers(window))
    assert not not_italian(window), "\n".join(not_italian(window))
