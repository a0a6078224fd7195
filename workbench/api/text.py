"""Texts for people made below the GUI: an English template with %1, %2… and its values (issue 18).

The API and core layers know no Qt, so they cannot translate. A text they make for people is a
`Text`: `str()` gives the English line the command line prints, and the GUI looks the template up
as its translation key (`workbench/ui/common/core_text.py`) and fills in the values in the
current locale, so the English exists once, here. A text without values that is kept as a plain
string (a cut-off reason stored with a turn) is marked with `english()` instead.

Every template is written as a literal in a `Text(…)` or `english(…)` call, so a test can list
them all and check the GUI's catalogue holds each one (tests/ui/test_core_text.py).

A text that counts something ("1 request", "2 requests") is written the way Qt writes its plural
texts: `Text("%n request(s): %1", figures, count=n)`. The English line picks the singular or the
plural by the rule of `counted`; the GUI translates the template with Qt's plural forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeAlias

Value: TypeAlias = "str | int | float | Figure | Text"
"""A value put into a template: a string stays as it is, a number is shown in the locale's way,
a text is shown as its own (translated) line."""


@dataclass(frozen=True, slots=True)
class Figure:
    """A number the English line writes ungrouped ("1234 ms", "0.995", "2.5 s"), as the command
    line and the reports always have, while the GUI writes it the locale's way ("1.234",
    "0,995", "2,5" in Italian).

    For the figures of the QA checks, whose English lines scripts read; a new text takes a plain
    int or float (grouped in English too). An identifier that is a number (a status code, an
    index, a character offset) goes in as a string: no locale writes it differently.
    """

    value: float
    decimals: int | None = 0
    """Places after the point; None: as few as the value needs (Python's "g": 1, 2.5, 0.25)."""

    def __str__(self) -> str:
        if self.decimals is None:
            return f"{self.value:g}"
        return f"{self.value:.{self.decimals}f}"


@dataclass(frozen=True, slots=True)
class Text:
    """An English template with numbered markers, and the values they stand for.

    Integers are grouped ("12,345" in English); a float keeps `decimals` places; a `Figure`
    keeps its own.
    """

    template: str
    values: tuple[Value, ...] = ()
    decimals: int = 1
    """Places after the point for float values."""
    count: int | None = None
    """What a counted template's %n stands for: it picks the singular or the plural form."""

    def __init__(
        self, template: str, *values: Value, decimals: int = 1, count: int | None = None
    ) -> None:
        object.__setattr__(self, "template", template)
        object.__setattr__(self, "values", values)
        object.__setattr__(self, "decimals", decimals)
        object.__setattr__(self, "count", count)

    def __str__(self) -> str:
        shown = [english_value(v, self.decimals) for v in self.values]
        if self.count is None:
            return fill(self.template, shown)
        return fill(english_form(self.template, self.count), shown, english_value(self.count))


def english(template: str) -> str:
    """Mark a fixed English text the GUI translates by its words, and return it unchanged."""
    return template


def english_value(value: Value, decimals: int = 1) -> str:
    """A value as the English line shows it: 12,345 and 1.5; a string or a figure as it is."""
    if isinstance(value, bool | str | Figure | Text):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.{decimals}f}"


def counted(template: str, count: int) -> str:
    """A counted English template ("%n request(s)") for `count`, its %n filled: "1 request".

    For English lines made without a `Text` (the reports' own sentences).
    """
    return str(Text(template, count=count))


def english_form(template: str, count: int) -> str:
    """The English singular or plural of a counted template, its %n still in it.

    The sources are written as Qt's are, the plural ending in brackets right after the noun:
    "%n request(s)" and "%n match(es)" read "1 request", "1 match" for one, and "0 requests",
    "2 matches" for any other count, as the English plural forms of the GUI's translation file
    do. A text whose words would change more than that is put another way.
    """
    return _ENDING.sub(r"\1" if count != 1 else "", template)


_ENDING = re.compile(r"(?<=\w)\((\w+)\)")
"""A plural ending right after a word: the "(s)" of "request(s)"."""


def fill(template: str, values: list[str], count: str | None = None) -> str:
    """Put values into %1, %2… (and `count` into %n) in one pass (a value holding "%2" stays as
    it is)."""

    def value(match: re.Match[str]) -> str:
        if match.group(1) == "n":
            return match.group(0) if count is None else count
        at = int(match.group(1)) - 1
        return values[at] if 0 <= at < len(values) else match.group(0)

    return _MARKER.sub(value, template)


_MARKER = re.compile(r"%(\d|n)")
