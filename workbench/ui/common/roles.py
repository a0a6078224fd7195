"""Colours by role ("error", "warning", "citation", …) read from the style sheet, for painted text.

Labels take a role as a property (`setProperty("role", "error")`) and the style sheet colours
them; text Qt paints itself (item model foregrounds, text formats, extra selections) has no
selector to match, so it asks here. Both read the same rules, so the dark scheme's tones reach
painted text as well.
"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from workbench.ui import resources

_RULE = re.compile(r'\[role="(?P<role>\w+)"\]\s*\{(?P<body>[^}]*)\}')
"""A role rule, e.g. `QLabel[role="error"] { color: #c42b1c; }`."""
_DECLARATION = re.compile(r"(?P<prop>background-color|color)\s*:\s*(?P<value>#[0-9a-fA-F]{3,8})")
"""A literal colour in a rule's body (`palette(...)` values are the palette's business)."""


def role_colour(role: str) -> QColor:
    """The text colour the application's style sheet gives this role.

    Raises:
        KeyError: the style sheet gives the role no literal text colour.
    """
    return QColor(_sheet_colours(_sheet())[role, "color"])


def role_background(role: str) -> QColor:
    """The background colour the application's style sheet gives this role.

    Raises:
        KeyError: the style sheet gives the role no literal background colour.
    """
    return QColor(_sheet_colours(_sheet())[role, "background-color"])


def _sheet() -> str:
    """The application's style sheet, or the light one when none is set (tests, early start)."""
    app = QApplication.instance()
    sheet = app.styleSheet() if isinstance(app, QApplication) else ""
    return sheet or _light_sheet()


@lru_cache(maxsize=1)
def _light_sheet() -> str:
    return resources.stylesheet(dark=False)  # read once: painting asks for colours often


@lru_cache(maxsize=4)
def _sheet_colours(sheet: str) -> dict[tuple[str, str], str]:
    # Later rules win, as in the style sheet itself (dark.qss follows common.qss).
    return {
        (rule["role"], declaration["prop"]): declaration["value"]
        for rule in _RULE.finditer(sheet)
        for declaration in _DECLARATION.finditer(rule["body"])
    }
