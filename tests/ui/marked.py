"""A translator that marks the fixed words of a context, so a test sees which ones were translated.

Every text of a marked context ("Errors", the error tree's titles and places; "Core", the texts
the Qt-free core makes) comes back as «text»; other contexts are left to the translators below
it. A line built in English (an f-string, `str(exc)`) shows no marks.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

if TYPE_CHECKING:
    from collections.abc import Iterator


class MarkingTranslator(QTranslator):
    """Marks every text of its contexts; says nothing about the others (None: not translated
    here)."""

    def __init__(self, contexts: frozenset[str] = frozenset({"Errors"})) -> None:
        super().__init__()
        self._contexts = contexts

    def translate(
        self, context: str, source: str, _disambiguation: str | None = None, _n: int = -1
    ) -> str | None:
        return f"«{source}»" if context in self._contexts else None

    def isEmpty(self) -> bool:
        return False


@contextmanager
def marking(*contexts: str) -> Iterator[None]:
    """These contexts' texts marked «…» inside the block: installing the translator posts
    LanguageChange, as a language switch does, so shown texts redraw (and again after)."""
    translator = MarkingTranslator(frozenset(contexts))
    QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)


def _marked(contexts: frozenset[str]) -> Iterator[None]:
    with marking(*contexts):
        yield


@pytest.fixture
def marked_errors() -> Iterator[None]:
    """The error tree's fixed words marked «…» for the test's length."""
    yield from _marked(frozenset({"Errors"}))


@pytest.fixture
def marked_core() -> Iterator[None]:
    """The core's texts and the error tree's fixed words marked «…» for the test's length."""
    yield from _marked(frozenset({"Core", "Errors"}))
