"""Numbers, durations, scores and dates as the GUI shows them, in the current default locale.

The language choice (`ui/i18n.py`) sets `QLocale`'s default, so "1.234,5 ms" reads right in
Italian and "1,234.5 ms" in English. Only what is shown goes through here: what is copied or
exported as data stays locale-neutral (plain `str(value)` or JSON).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

if TYPE_CHECKING:
    from datetime import datetime


def format_number(value: float, decimals: int = 0) -> str:
    """A number with the locale's group and decimal separators and a fixed number of decimals.

    Every group of thousands is marked, four-digit numbers too: Qt follows CLDR's minimum
    grouping digits (two for Italian, "1234,5" but "12.345,5"), and a column of figures reads
    unevenly that way; issue 18 asks for "1.234,5 ms".
    """
    locale = QLocale()
    plain = QLocale(locale)
    omit = QLocale.NumberOption.OmitGroupSeparator
    plain.setNumberOptions(plain.numberOptions() | omit)
    text = plain.toString(float(value), "f", decimals)
    if locale.numberOptions() & omit:
        return text
    return _grouped(text, locale)


def format_decimal(value: float, most: int = 6) -> str:
    """A number with as many decimals as it needs, at most `most` ("1,5", "30", "0,01").

    For a value that has no fixed precision (a parameter's bound, a server's Retry-After):
    fixed places would add zeros it never had ("30,00").
    """
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return format_number(value, min(places, most))


def format_count(n: int) -> str:
    """A whole number with the locale's group separator ("12.345")."""
    return format_number(n, 0)


def format_ms(ms: float) -> str:
    """A duration in milliseconds, one decimal ("1.234,5 ms")."""
    return f"{format_number(ms, 1)} ms"


def format_seconds(s: float) -> str:
    """A duration in seconds, two decimals ("3,25 s")."""
    return f"{format_number(s, 2)} s"


def format_score(score: float) -> str:
    """A relevance score, four decimals ("0,9876")."""
    return format_number(score, 4)


def format_datetime(dt: datetime, *, seconds: bool = False) -> str:
    """A date and time in the locale's short format; an aware time is shown in local time.

    Args:
        dt: the moment.
        seconds: show the seconds too (a list of runs started within one minute).
    """
    if dt.tzinfo is not None:
        dt = dt.astimezone()
    locale = QLocale()
    moment = QDateTime(
        QDate(dt.year, dt.month, dt.day),
        QTime(dt.hour, dt.minute, dt.second, dt.microsecond // 1000),
    )
    if not seconds:
        return locale.toString(moment, QLocale.FormatType.ShortFormat)
    clock = locale.timeFormat(QLocale.FormatType.ShortFormat)
    if "ss" not in clock:
        clock = clock.replace("mm", "mm:ss", 1)
    return locale.toString(moment, f"{locale.dateFormat(QLocale.FormatType.ShortFormat)} {clock}")


def _grouped(text: str, locale: QLocale) -> str:
    sign = locale.negativeSign()
    negative = text.startswith(sign)
    whole, point, fraction = text.removeprefix(sign).partition(locale.decimalPoint())
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    body = locale.groupSeparator().join(groups) + point + fraction
    return sign + body if negative else body


def QT_TRANSLATE_NOOP(
    context: str, source: str, disambiguation: str | None = None, n: int | None = None
) -> str:
    """Mark `source` for translation in `context` (lupdate reads the call) and return it as is.

    PySide6's own QT_TRANSLATE_NOOP is typed as returning `object`; this one keeps `str`. Show
    the text with `QCoreApplication.translate(context, source)`.

    A counted text ("%n request(s)", shown with `translate(context, source, None, n)`) is marked
    with a number written out as `n`, any number: lupdate's Python reader files a message with
    plural forms only when that argument is a number literal, not a name.
    """
    del context, disambiguation, n  # only lupdate reads them
    return source


def fill(template: str, *args: object) -> str:
    """Put the arguments into a translated text's %1, %2 … markers, in one pass.

    One pass, so an argument that itself holds "%2" (a server's message) is left as it is.
    `self.tr("Not imported: %1")` then `fill(…, reason)`: the translator may move the markers.
    """
    return _MARKER.sub(lambda m: _argument(args, int(m.group(1)), m.group(0)), template)


def _argument(args: tuple[object, ...], number: int, marker: str) -> str:
    return str(args[number - 1]) if 1 <= number <= len(args) else marker


_MARKER = re.compile(r"%(\d)")
