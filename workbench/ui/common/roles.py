"""Colours by role ("error", "warning", "success") read from the style sheet, for painted text.

Labels take a role as a property (`setProperty("role", "error")`) and the style sheet colours
them; text Qt paints itself (item model foregrounds) has no selector to match, so it asks here.
Both read the same rules, so the dark scheme's lighter tones reach painted text as well.
"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from workbench.ui import resources

_RULE = re.compile(r'\[role="(?P<role>\w+)"\]\s*\{\s*color:\s*(?P<colour>#[0-9a-fA-F]{3,8})\s*;')
"""A role rule with a literal colour, e.g. `QLabel[role="error"] { color: #c42b1c; }`."""


def role_colour(role: str) -> QColor:
    """The colour the application's style sheet gives this role (the light sheet's if none is set).

    Raises:
        KeyError: the style sheet gives the role no literal colour.
    """
    app = QApplication.instance()
    sheet = app.styleSheet() if isinstance(app, QApplication) else ""
    return QColor(_role_colours(sheet or resources.stylesheet(dark=False))[role])


@lru_cache(maxsize=4)
def _role_colours(sheet: str) -> dict[str, str]:
    # Later rules win, as in the style sheet itself (dark.qss follows common.qss).
    return {m["role"]: m["colour"] for m in _RULE.finditer(sheet)}
