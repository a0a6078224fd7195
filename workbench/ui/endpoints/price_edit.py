"""A price field in the GUI's locale: "0,50" in Italian, "0.50" in English, kept as a number."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale
from PySide6.QtGui import QDoubleValidator
from PySide6.QtWidgets import QLineEdit

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

_MAX_DECIMALS = 6


def parse_price(text: str, locale: QLocale) -> float | None:
    """A price typed in `locale` ("0,50" in Italian), or the C form ("0.50") pasted from data.

    Returns:
        The number, or None for an empty field or text that is no number in either form.
    """
    text = text.strip()
    if not text:
        return None
    for reading in (locale, QLocale.c()):
        value, ok = reading.toDouble(text)
        if ok and value >= 0:
            return value
    return None


def price_text(value: float | None, locale: QLocale) -> str:
    """A price as the field shows it: two decimals or as many as it has ("0,50", "0,0025"),
    the locale's decimal mark, no grouping."""
    if value is None:
        return ""
    plain = QLocale(locale)
    plain.setNumberOptions(plain.numberOptions() | QLocale.NumberOption.OmitGroupSeparator)
    shortest = QLocale.c().toString(
        value, "f", QLocale.FloatingPointPrecisionOption.FloatingPointShortest
    )
    decimals = max(2, len(shortest.partition(".")[2]))
    return plain.toString(value, "f", min(decimals, _MAX_DECIMALS))


class PriceEdit(QLineEdit):
    """A non-negative price, empty meaning unknown, typed and shown in the GUI's locale.

    The number is read as the text changes, so a language switch shows the same number with the
    new decimal mark (`LanguageChange`), and the endpoint stores it locale-neutral.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: float | None = None
        self._validator = QDoubleValidator(0.0, 1e9, _MAX_DECIMALS, self)
        self._validator.setNotation(QDoubleValidator.Notation.StandardNotation)
        self._validator.setLocale(QLocale())
        self.setValidator(self._validator)
        self.textChanged.connect(self._on_text_changed)

    def value(self) -> float | None:
        """The price typed, or None when the field is empty."""
        return self._value

    def set_value(self, value: float | None) -> None:
        """Show a price in the current locale."""
        self.setText(price_text(value, QLocale()))

    def changeEvent(self, event: QEvent) -> None:
        """On a language switch, the same number in the new locale's way."""
        if event.type() == QEvent.Type.LanguageChange and self._validator.locale() != QLocale():
            value = self._value
            self._validator.setLocale(QLocale())
            self.set_value(value)
        super().changeEvent(event)

    def _on_text_changed(self, text: str) -> None:
        self._value = parse_price(text, self._validator.locale())
