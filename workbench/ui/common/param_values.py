"""A generation parameter's typed text read as its value, or refused naming its range.

Shared by the panes that take generation parameters as typed text (Chat's parameters panel,
Compare's parameters), so a refusal reads the same, in the GUI's language, in both. The words
keep the "ParamsPanel" translation context they were first written in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from workbench.api.errors import InputError
from workbench.ui.common.l10n import fill

if TYPE_CHECKING:
    from workbench.api import FlavourTraits, ParamTrait


def label_text(text: str) -> str:
    """A parameter catalogue's label, tip or default (English in `api`) in the GUI's language."""
    return QCoreApplication.translate("ParamsPanel", text) if text else text


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
    return str(int(number)) if float(number).is_integer() else f"{number:g}"


def parse_value(spec: ParamTrait, text: str, traits: FlavourTraits) -> Any:
    """Parse one field's text; None when blank (unset).

    Raises:
        InputError: the text is not a value of the right kind, or out of range (range named).
    """
    # The words of a refusal are made only for one: every Send parses every field.
    where = f"parameters.{spec.name}"
    if spec.kind == "lines":
        lines = [line for line in text.splitlines() if line]
        if len(lines) > traits.stop_sequence_limit:
            given = QCoreApplication.translate("ParamsPanel", "%1: %2 given, allowed %3")
            label, allowed = label_text(spec.label), range_text(spec, traits)
            raise InputError(fill(given, label, str(len(lines)), allowed), where=where)
        return lines or None
    stripped = text.strip()
    if not stripped:
        return None
    if spec.kind == "choice":
        return stripped
    try:
        number: float = int(stripped) if spec.kind == "int" else float(stripped)
    except ValueError:
        kind = (
            QCoreApplication.translate("ParamsPanel", "a whole number")
            if spec.kind == "int"
            else QCoreApplication.translate("ParamsPanel", "a number")
        )
        wrong = QCoreApplication.translate("ParamsPanel", "%1: %2 is not %3; allowed %4")
        label, allowed = label_text(spec.label), range_text(spec, traits)
        raise InputError(fill(wrong, label, repr(stripped), kind, allowed), where=where) from None
    too_low = spec.low is not None and number < spec.low
    too_high = spec.high is not None and number > spec.high
    if too_low or too_high or number != number:  # NaN compares unequal to itself
        out = QCoreApplication.translate("ParamsPanel", "%1: %2 is out of range; allowed %3")
        label, allowed = label_text(spec.label), range_text(spec, traits)
        raise InputError(fill(out, label, stripped, allowed), where=where)
    return number
