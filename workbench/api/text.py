"""Texts for people made below the GUI: an English template with %1, %2… and its values (issue 18).

The API and core layers know no Qt, so they cannot translate. A text they make for people is a
`Text`: `str()` gives the English line the command line prints, and the GUI looks the template up
as its translation key (`workbench/ui/common/core_text.py`) and fills in the values in the
current locale, so the English exists once, here. A text without values that is kept as a plain
string (a cut-off reason stored with a turn) is marked with `english()` instead.

Every template is written as a literal in a `Text(…)` or `english(…)` call, so a test can list
them all and check the GUI's catalogue holds each one (tests/ui/test_core_text.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeAlias

Value: TypeAlias = "str | int | float | Text"
"""A value put into a template: a string stays as it is, a number is shown in the locale's way,
a text is shown as its own (translated) line."""


@dataclass(frozen=True, slots=True)
class Text:
    """An English template with numbered markers, and the values they stand for.

    Integers are grouped ("12,345" in English); a float keeps `decimals` places.
    """

    template: str
    values: tuple[Value, ...] = ()
    decimals: int = 1
    """Places after the point for float values."""

    def __init__(self, template: str, *values: Value, decimals: int = 1) -> None:
        object.__setattr__(self, "template", template)
        object.__setattr__(self, "values", values)
        object.__setattr__(self, "decimals", decimals)

    def __str__(self) -> str:
        return fill(self.template, [english_value(v, self.decimals) for v in self.values])


def english(template: str) -> str:
    """Mark a fixed English text the GUI translates by its words, and return it unchanged."""
    return template


def english_value(value: Value, decimals: int = 1) -> str:
    """A value as the English line shows it: 12,345 and 1.5; a string as it is."""
    if isinstance(value, bool | str | Text):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.{decimals}f}"


def fill(template: str, values: list[str]) -> str:
    """Put values into %1, %2… in one pass (a value holding "%2" stays as it is)."""

    def value(match: re.Match[str]) -> str:
        at = int(match.group(1)) - 1
        return values[at] if 0 <= at < len(values) else match.group(0)

    return _MARKER.sub(value, template)


_MARKER = re.compile(r"%(\d)")
