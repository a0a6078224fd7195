"""Price fields follow the GUI's locale: "0,50" in Italian, "0.50" in English, stored as numbers."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QLocale

from tests.ui.conftest import CHAT_MODEL
from tests.ui.endpoints.test_pane import _button, _edit, _type
from tests.ui.shown_texts import switch_language
from tests.waits import WAIT_MS
from workbench.ui.endpoints.price_edit import parse_price, price_text

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from workbench.core.endpoints import Prices
    from workbench.ui.endpoints.pane import EndpointsPane
    from workbench.ui.services import Services

pytestmark = pytest.mark.usefixtures("restore_language")


def _save(pane: EndpointsPane, services: Services, qtbot: QtBot) -> Prices:
    _type(qtbot, _edit(pane, "model"), CHAT_MODEL)  # v2 is refused without one
    _button(pane, "saveEndpointButton").click()
    qtbot.waitUntil(services.tasks.is_idle, timeout=WAIT_MS)
    saved = services.session.current()
    assert saved is not None
    return saved.prices


@pytest.mark.parametrize(("language", "typed"), [("it", "0,50"), ("en", "0.50")])
def test_a_price_is_typed_in_the_locales_way_and_stored_as_a_number(
    pane: EndpointsPane, services: Services, qtbot: QtBot, language: str, typed: str
) -> None:
    field = _edit(pane, "priceInput")
    switch_language(qtbot, language, lambda: field.validator().locale() == QLocale())
    _type(qtbot, field, typed)
    assert field.text() == typed  # the validator let every key through
    assert field.hasAcceptableInput()
    prices = _save(pane, services, qtbot)
    assert prices.input_per_million == 0.5
    assert _edit(pane, "priceInput").text() == typed  # shown back the same way


def test_a_language_switch_shows_the_same_price_with_the_new_decimal_mark(
    pane: EndpointsPane, services: Services, qtbot: QtBot
) -> None:
    field = _edit(pane, "priceOutput")
    switch_language(qtbot, "en", lambda: field.validator().locale() == QLocale())
    _type(qtbot, field, "2.5")
    switch_language(qtbot, "it", lambda: field.text() == "2,50")
    assert _save(pane, services, qtbot).output_per_million == 2.5


def test_prices_read_and_show_per_locale() -> None:
    italian, english = QLocale("it_IT"), QLocale("en_US")
    assert parse_price("0,50", italian) == 0.5
    assert parse_price("0.50", english) == 0.5
    assert parse_price("0.0025", italian) == 0.0025  # pasted from data: the C form
    assert parse_price("", italian) is None
    assert price_text(0.5, italian) == "0,50"
    assert price_text(0.0025, english) == "0.0025"
    assert price_text(1234.5, italian) == "1234,50"
