"""A GUI text as the run's language shows it, for tests that also run in Italian (issue 18)."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication


def tr(context: str, source: str, *values: object, n: int = -1) -> str:
    """`source` translated in `context` (plural form for `n`), %1, %2… filled with `values`
    (a marker with no value stays, for `before`)."""
    text = QCoreApplication.translate(context, source, None, n)

    def value(match: re.Match[str]) -> str:
        at = int(match.group(1)) - 1
        return str(values[at]) if at < len(values) else match.group(0)

    return re.sub(r"%(\d)", value, text)


def before(text: str, marker: str = "%1") -> str:
    """The fixed start of a translated text, up to its first marker (for `startswith`)."""
    return text.split(marker, 1)[0]
