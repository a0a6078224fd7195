"""A generation parameter's typed text read as its value, or refused naming its range.

Shared by the panes that take generation parameters as typed text (Chat's parameters panel,
Compare's parameters), so a refusal reads the same, in the GUI's language, in both. The words
keep the "ParamsPanel" translation context they were first written in.

Numbers are shown in the GUI's locale ("0,75" in Italian) and read in it, or in the wire's form
("0.75", pasted from data or a script); what is sent is a number, never the typed text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale

from workbench.api.errors import InputError
from workbench.ui.common.l10n import fill, format_decimal

if TYPE_CHECKING:
    from collections.abc import Iterable

    from PySide6.QtWidgets import QLineEdit

    from workbench.api import FlavourTraits, ParamTrait


def label_text(text: str) -> str:
    """A parameter catalogue's label, tip or default (English in `api`) in the GUI's language."""
    return QCoreApplication.translate("ParamsPanel", text) if text else text


def default_text(spec: ParamTrait) -> str:
    """A parameter's server default as the form shows it: a number the locale's way ("0,75"),
    words in the GUI's language ("casuale")."""
    try:
        return _fmt(float(spec.default))
    except ValueError:  # words ("random", "model's limit")
        return label_text(spec.default)


def range_text(spec: ParamTrait, traits: FlavourTraits) -> str:
    """The allowed values in words."""
    if spec.kind == "lines":
        return QCoreApplication.translate("ParamsPanel", "at most %1 lines").replace(
            "%1", str(traits.stop_sequence_limit)
        )
    if spec.kind == "choice":
        return QCoreApplication.translate(
            "ParamsPanel", "one of %1 (other values are sent verbatim)"
        ).replace("%1", ", ".join(spec.choices))
    if spec.high is None:
        if spec.low is None:
            return QCoreApplication.translate("ParamsPanel", "a whole number")
        return QCoreApplication.translate("ParamsPanel", "a whole number ≥ %1").replace(
            "%1", _fmt(spec.low)
        )
    return fill(
        QCoreApplication.translate("ParamsPanel", "%1 to %2"), _fmt(spec.low), _fmt(spec.high)
    )


def _fmt(number: float | None) -> str:
    if number is None:
        return "?"
    if float(number).is_integer():
        # Digits alone, as the int came: the seed's 64-bit bounds lose digits as a float.
        return str(int(number))
    return format_decimal(number)


def c_form(text: str, point: str) -> str | None:
    """Number text typed where `point` is the decimal mark, in the form `int()` and `float()`
    read ("0,5" → "0.5" where the mark is a comma); the wire's form ("0.5") is read everywhere.

    None when a mark may be a group separator ("1,000" in English, "1.000,5" in Italian): a
    guess could send a thousand times the number meant, so it is refused, not guessed.
    """
    if "," not in text:
        return text
    if point != "," or "." in text:
        return None
    return text.replace(",", ".")


def retype_numbers(fields: Iterable[QLineEdit], point: str) -> str:
    """Write the numbers typed in `fields` with the current locale's decimal mark, where they
    were typed with `point` (a switch to English turns "0,5" into "0.5", which it reads).

    Returns:
        The current mark, for the next switch.
    """
    now = QLocale().decimalPoint()
    if now == point:
        return now
    for field in fields:
        plain = c_form(field.text().strip(), point)
        if plain is not None and _is_number(plain) and plain.replace(".", now) != field.text():
            field.setText(plain.replace(".", now))
    return now


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def parse_value(spec: ParamTrait, text: str, traits: FlavourTraits) -> Any:
    """Parse one field's text; None when blank (unset).

    Raises:
        InputError: the text is not a value of the right kind, or out of range (range named).
    """
    if spec.kind == "lines":
        lines = [line for line in text.splitlines() if line]
        if len(lines) > traits.stop_sequence_limit:
            given = QCoreApplication.translate("ParamsPanel", "%1: %2 given, allowed %3")
            raise _refused(given, spec, traits, str(len(lines)))
        return lines or None
    stripped = text.strip()
    if not stripped:
        return None
    if spec.kind == "choice":
        return stripped
    number = _number(spec, stripped, traits)
    too_low = spec.low is not None and number < spec.low
    too_high = spec.high is not None and number > spec.high
    if too_low or too_high or number != number:  # NaN compares unequal to itself
        out = QCoreApplication.translate("ParamsPanel", "%1: %2 is out of range; allowed %3")
        raise _refused(out, spec, traits, stripped)
    return number


def _number(spec: ParamTrait, typed: str, traits: FlavourTraits) -> float:
    """The number typed (an int for a whole-number parameter), in the locale's form or C's."""
    point = QLocale().decimalPoint()
    plain = c_form(typed, point)
    if plain is None:
        ambiguous = QCoreApplication.translate(
            "ParamsPanel",
            "%1: %2 is ambiguous; write it with “%3” as the decimal mark and no group "
            "separator; allowed %4",
        )
        raise _refused(ambiguous, spec, traits, repr(typed), point)
    try:
        return int(plain) if spec.kind == "int" else float(plain)
    except ValueError:
        kind = (
            QCoreApplication.translate("ParamsPanel", "a whole number")
            if spec.kind == "int"
            else QCoreApplication.translate("ParamsPanel", "a number")
        )
        wrong = QCoreApplication.translate("ParamsPanel", "%1: %2 is not %3; allowed %4")
        raise _refused(wrong, spec, traits, repr(typed), kind) from None


def _refused(template: str, spec: ParamTrait, traits: FlavourTraits, *values: str) -> InputError:
    """A refusal of `spec`'s text: `template` filled with the label, `values`, then the range.

    The words are made only for one: every Send parses every field.
    """
    label, allowed = label_text(spec.label), range_text(spec, traits)
    return InputError(fill(template, label, *values, allowed), where=f"parameters.{spec.name}")
