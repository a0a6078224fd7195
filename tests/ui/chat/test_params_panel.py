"""Parameters panel: every parameter out of range is refused with its range named; unset is not sent."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit

from tests.ui.shown_texts import switch_language
from tests.ui.tr import tr
from tests.waits import WAIT_MS
from workbench.api import flavour_traits
from workbench.api.errors import InputError
from workbench.api.models import Flavour
from workbench.ui.chat.params_panel import ParamsPanel, all_specs
from workbench.ui.common.l10n import format_decimal
from workbench.ui.i18n import apply_language

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

OUT_OF_RANGE = [
    ("temperature", "2.5", ("%1 to %2", "0", "2")),
    ("temperature", "-0.1", ("%1 to %2", "0", "2")),
    ("p", "0", ("%1 to %2", 0.01, 0.99)),
    ("p", "1", ("%1 to %2", 0.01, 0.99)),
    ("k", "501", ("%1 to %2", "0", "500")),
    ("k", "-1", ("%1 to %2", "0", "500")),
    ("k", "2.5", ("%1 to %2", "0", "500")),
    ("frequency_penalty", "1.5", ("%1 to %2", "0", "1")),
    ("presence_penalty", "-1", ("%1 to %2", "0", "1")),
    ("max_tokens", "0", ("a whole number ≥ %1", "1")),
    ("seed", "abc", ("a whole number",)),
    ("seed", str(2**64), ("%1 to %2", str(-(2**63)), str(2**63 - 1))),
    ("temperature", "nan", ("%1 to %2", "0", "2")),
    ("stop_sequences", "a\nb\nc\nd\ne\nf", ("at most %1 lines", "5")),
]
"""(parameter, typed, the range named: its source text and values, shown in the run's language;
a float value is shown in the run's locale, "0,01" in Italian)."""


@pytest.fixture
def panel(qtbot: QtBot) -> ParamsPanel:
    widget = ParamsPanel()
    qtbot.addWidget(widget)
    widget.set_flavour(Flavour.COHERE_V1)
    return widget


@pytest.mark.parametrize(("name", "typed", "range_text"), OUT_OF_RANGE)
def test_out_of_range_value_is_refused_with_its_range(
    panel: ParamsPanel, name: str, typed: str, range_text: tuple[str, ...]
) -> None:
    source, *values = range_text
    shown_values = [format_decimal(v) if isinstance(v, float) else v for v in values]
    allowed = tr("ParamsPanel", source, *shown_values)
    panel.set_text(name, typed)
    with pytest.raises(InputError) as info:
        panel.params()
    assert info.value.where == f"parameters.{name}"
    assert allowed in str(info.value)
    assert allowed in panel.error_text()
    # What the person typed stays in the field.
    field = panel.field(name)
    if isinstance(field, QPlainTextEdit):
        shown = field.toPlainText()
    else:
        assert isinstance(field, QLineEdit)  # every parameter with a range is typed, not picked
        shown = field.text()
    assert shown == typed


def test_a_number_is_read_in_the_locales_form_and_the_wires(panel: ParamsPanel) -> None:
    """Typing "0,5" in the Italian window was refused ("'0,5' non è un numero")."""
    point = QLocale().decimalPoint()
    panel.set_text("temperature", f"0{point}5")
    panel.set_text("p", "0.25")  # the wire's form, pasted, is read in every language
    params = panel.params()
    assert (params.temperature, params.p) == (0.5, 0.25)
    assert panel.error_text() == ""
    # The body carries JSON numbers, never the typed text.
    assert '"temperature": 0.5' in json.dumps(params.model_dump(exclude_none=True))


def test_a_mark_that_may_group_digits_is_refused_not_guessed(panel: ParamsPanel) -> None:
    """ "1,000" read as 1.0 (or "1.000,5" as 1.0005) would send another number than meant."""
    locale = QLocale()
    typed = f"1{locale.groupSeparator()}000{locale.decimalPoint()}5"
    panel.set_text("temperature", typed)
    with pytest.raises(InputError) as info:
        panel.params()
    ambiguous = tr(
        "ParamsPanel",
        "%1: %2 is ambiguous; write it with “%3” as the decimal mark and no group separator; "
        "allowed %4",
        tr("ParamsPanel", "Temperature"),
        repr(typed),
        locale.decimalPoint(),
        tr("ParamsPanel", "%1 to %2", 0, 2),
    )
    assert info.value.server_message == ambiguous
    assert panel.error_text() == ambiguous


@pytest.mark.usefixtures("restore_language")
def test_english_refuses_a_comma_and_italian_reads_it_as_the_decimal_mark(
    panel: ParamsPanel, qtbot: QtBot
) -> None:
    apply_language("en")
    panel.set_text("temperature", "1,000")
    assert "is ambiguous" in panel.error_text()
    apply_language("it")
    panel.set_text("temperature", "1,000")
    assert panel.params().temperature == 1.0
    panel.set_text("temperature", "1.000,5")
    assert "è ambiguo" in panel.error_text()


@pytest.mark.usefixtures("restore_language")
def test_italian_numbers_in_placeholders_tips_and_a_language_switch(
    panel: ParamsPanel, qtbot: QtBot
) -> None:
    """The placeholder said "non impostato (predefinito 0.75)" and the tip "da 0.01 a 0.99"."""
    p = panel.field("p")
    assert isinstance(p, QLineEdit)
    switch_language(qtbot, "it", lambda: p.placeholderText() == "non impostato (predefinito 0,75)")
    assert p.toolTip() == "Campionamento nucleus. Ammesso: da 0,01 a 0,99."
    seed = panel.field("seed")
    assert isinstance(seed, QLineEdit)
    assert seed.toolTip().endswith(f"da {-(2**63)} a {2**63 - 1}.")  # every digit kept
    panel.set_text("temperature", "0,5")
    temperature = panel.field("temperature")
    assert isinstance(temperature, QLineEdit)
    # A switch writes it with the new mark: English reads no "0,5".
    switch_language(qtbot, "en", lambda: temperature.text() == "0.5")
    assert p.placeholderText() == "unset (default 0.75)"
    assert panel.params().temperature == 0.5
    switch_language(qtbot, "it", lambda: temperature.text() == "0,5")


def test_unset_fields_are_not_sent_and_set_ones_are(panel: ParamsPanel) -> None:
    assert panel.params().model_dump(exclude_defaults=True) == {}
    panel.set_text("temperature", "2")
    panel.set_text("p", "0.01")
    panel.set_text("k", "500")
    panel.set_text("seed", "-7")
    panel.set_text("stop_sequences", "END\n\nSTOP")
    panel.set_text("prompt_truncation", "AUTO")
    panel.set_text("citation_mode", "accurate")
    params = panel.params()
    assert (params.temperature, params.p, params.k, params.seed) == (2.0, 0.01, 500, -7)
    assert params.stop_sequences == ["END", "STOP"]
    assert (params.prompt_truncation, params.citation_mode) == ("AUTO", "accurate")
    assert panel.error_text() == ""


def test_flavour_hides_what_it_lacks(panel: ParamsPanel) -> None:
    panel.set_text("k", "10")
    panel.set_text("prompt_truncation", "AUTO")
    panel.set_flavour(Flavour.OPENAI)
    assert panel.field("k").isHidden()
    assert panel.field("p").isHidden()
    assert panel.field("citation_mode").isHidden()
    assert not panel.field("temperature").isHidden()
    assert panel.params().k is None  # hidden: kept in the field, not sent
    assert panel.params().prompt_truncation is None
    assert not panel.search_queries_only()
    panel.set_text("stop_sequences", "a\nb\nc\nd\ne")
    with pytest.raises(InputError, match=tr("ParamsPanel", "at most %1 lines", 4)):
        panel.params()
    panel.set_flavour(Flavour.COHERE_V2)
    assert not panel.field("k").isHidden()
    assert panel.field("prompt_truncation").isHidden()
    assert panel.params().k == 10


def test_params_changed_follows_every_kind_of_field(panel: ParamsPanel, qtbot: QtBot) -> None:
    line = panel.field("temperature")
    assert isinstance(line, QLineEdit)
    line.setFocus()
    with qtbot.waitSignal(panel.params_changed, timeout=WAIT_MS):
        qtbot.keyClicks(line, "0")  # a keystroke, before the person leaves the field
    stops = panel.field("stop_sequences")
    assert isinstance(stops, QPlainTextEdit)
    with qtbot.waitSignal(panel.params_changed, timeout=WAIT_MS):
        stops.setPlainText("END")
    with qtbot.waitSignal(panel.params_changed, timeout=WAIT_MS):
        panel.set_text("citation_mode", "FAST")
    sqo = panel.findChild(QCheckBox, "paramSearchQueriesOnly")
    assert sqo is not None
    with qtbot.waitSignal(panel.params_changed, timeout=WAIT_MS):
        sqo.setChecked(True)


@pytest.mark.parametrize("flavour", list(Flavour))
def test_panel_shows_exactly_the_flavours_parameter_table(
    panel: ParamsPanel, flavour: Flavour
) -> None:
    traits = flavour_traits(flavour)
    panel.set_flavour(flavour)
    shown = [spec.name for spec in all_specs() if not panel.field(spec.name).isHidden()]
    assert shown == [spec.name for spec in traits.params]
    sqo = panel.findChild(QCheckBox, "paramSearchQueriesOnly")
    assert sqo is not None
    assert sqo.isHidden() is not traits.search_queries_only
