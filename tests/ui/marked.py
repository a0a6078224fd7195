"""A translator that marks the error tree's fixed words, so a test sees which ones were translated.

Every text of the "Errors" context comes back as «text»; other contexts are left to the
translators below it. A line built in English (an f-string, `str(exc)`) shows no marks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

if TYPE_CHECKING:
    from collections.abc import Iterator


class MarkingTranslator(QTranslator):
    """Marks every "Errors" text; says nothing about the others (None: not translated here)."""

    def translate(
        self, context: str, source: str, _disambiguation: str | None = None, _n: int = -1
    ) -> str | None:
        return f"«{source}»" if context == "Errors" else None

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def marked_errors() -> Iterator[None]:
    """The error tree's fixed words marked «…» for the test's length."""
    translator = MarkingTranslator()
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)
