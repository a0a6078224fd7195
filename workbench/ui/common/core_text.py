"""Texts made in the Qt-free layers (`workbench.api.text.Text`), shown in the GUI's language.

The API and core layers write their texts for people in English, once: the command line prints
them as they are. Each template is listed here for lupdate, so the GUI finds it by its English
words in the "Core" context and fills in the values in the current locale (numbers through
`l10n`). The templates themselves are listed in `catalogue_api`, `catalogue_core` and
`catalogue_qa`, by the layer that writes them. A text not listed (a server's own message, a jsonschema message) shows as it came.
tests/ui/test_core_text.py checks that every template of the core is listed (issue 18).

A counted template ("%n request(s): %1", a `Text` with a `count`) is listed with a number as its
fourth argument, so lupdate gives it plural forms, and is shown in the form Qt's plural rules
pick for the count: "1 richiesta", "2 richieste".
"""

from __future__ import annotations

import re
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from workbench.api.redact import redact_text
from workbench.api.text import Figure, Text, Value, english_form
from workbench.ui.common.catalogue_api import API_TEXTS
from workbench.ui.common.catalogue_core import CORE_TEXTS
from workbench.ui.common.catalogue_qa import QA_TEXTS
from workbench.ui.common.l10n import fill, format_count, format_number

CATALOGUE = (*API_TEXTS, *CORE_TEXTS, *QA_TEXTS)
"""Every template of `workbench.api` and `workbench.core`, marked for translation."""


def shown(text: str | Text) -> str:
    """A core text in the current language: a `Text` with its values filled in the locale's
    way, a plain string (a fixed reason kept as text) translated when it is in the catalogue.

    Redacted, as the English line is: a value may hold a URL with a key in it.
    """
    if isinstance(text, str):
        return redact_text(QCoreApplication.translate("Core", text))
    if text.count is None:
        template = QCoreApplication.translate("Core", text.template)
    else:
        template = counted_form(text.template, text.count)
    return redact_text(fill(template, *(_value(value, text.decimals) for value in text.values)))


def counted_form(template: str, count: int) -> str:
    """A counted template in the form Qt's plural rules pick for `count`, its %n filled in the
    locale's way ("1.234 richieste"); the English rule of the core where no translation has it.
    """
    plain = str(count)
    form = QCoreApplication.translate("Core", template, None, count)
    if form == template.replace("%n", plain):  # untranslated: Qt left "1 request(s)"
        form = english_form(template, count).replace("%n", plain)
    grouped = format_count(count)
    if grouped == plain:
        return form
    # Qt writes %n as plain digits ("1234"): put them back the locale's way. Only a count of
    # 1,000 or more is written differently, and no sentence holds such a figure of its own; a
    # marker (%1) is a single digit after a %.
    return re.sub(rf"(?<![%\d]){plain}(?!\d)", grouped, form)


def _value(value: Value, decimals: int) -> str:
    if isinstance(value, bool | str):
        return str(value)
    if isinstance(value, Text):
        return shown(value)
    if isinstance(value, Figure):
        return format_number(value.value, _places(value))
    if isinstance(value, int):
        return format_count(value)
    return format_number(value, decimals)


def _places(figure: Figure) -> int:
    """A figure's places after the point: its own, or as many as its English shows ("2.5": 1;
    "1.5e-05": 6)."""
    if figure.decimals is not None:
        return figure.decimals
    exponent = Decimal(str(figure)).normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0
