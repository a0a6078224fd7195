"""What an Italian window may show: every static text Italian, none still the English source.

Used by tests/ui/test_accessibility.py and tests/ui/test_i18n.py (issue 18). The texts come from
the `.ts` file itself: a shown text passes when it is one of its Italian translations (with its
%1, %2 … filled in by anything), an API name on the allow-list, or has no letters at all.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from workbench.ui.common.a11y import StatusLabel

if TYPE_CHECKING:
    from collections.abc import Iterator

TS = Path(__file__).resolve().parents[2] / "resources" / "i18n" / "workbench_it.ts"

NOT_YET_TRANSLATED: tuple[str, ...] = ()
"""Subtrees left out until their own branch (i18n-panes) wraps them; drop a name to check it."""

ALLOWED = frozenset(
    {
        # Flavour names, auth and header names, export formats, product and model names: API
        # names the Italian pages keep as they are.
        "Cohere v1",
        "Cohere v2",
        "OpenAI-compatible",
        "OpenAI-compatible (/chat/completions)",
        "Authorization: Bearer",
        "api-version",
        "api-version:",
        "extra-parameters:",
        "pass-through",
        "drop",
        "error",
        "curl",
        "httpx",
        "cohere",
        "openai",
        "Cohere Workbench",
    }
)
"""Texts shown as they are in every language."""


def _plain(text: str) -> str:
    return " ".join(text.replace("&&", "\0").replace("&", "").replace("\0", "&").split())


@cache
def _catalogue() -> tuple[dict[str, str], list[re.Pattern[str]]]:
    english: dict[str, str] = {}
    patterns: list[re.Pattern[str]] = []
    for message in ET.parse(TS).getroot().iter("message"):
        source = _plain(message.findtext("source", ""))
        translation = message.find("translation")
        assert translation is not None
        forms = [f.text or "" for f in translation.findall("numerusform")] or [
            translation.text or ""
        ]
        for form in forms:
            shown = _plain(form)
            if shown != source and "%" not in source:
                english[source] = shown
            # Buttons' accessible names drop the "…" of their text.
            parts = re.split(r"%(?:\d|n)", shown.removesuffix("…"))
            body = ".*".join(re.escape(p) for p in parts)
            patterns.append(re.compile(body + "…?", re.DOTALL))
    return english, patterns


def _excluded(widget: QWidget) -> bool:
    current: QWidget | None = widget
    while current is not None:
        if current.objectName() in NOT_YET_TRANSLATED:
            return True
        current = current.parentWidget()
    return False


def shown_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for each static text a visible widget under `root` shows or announces."""
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or _excluded(widget):
            continue
        where = f"{type(widget).__name__} {widget.objectName()}"
        yield from _texts_of(widget, where)


def _texts_of(widget: QWidget, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(widget, StatusLabel):
        # Its text is a status or data (a URL, a result); its role is the description.
        yield where + " (role)", widget.accessibleDescription()
        return
    yield where + " (accessible name)", widget.accessibleName()
    yield where + " (tool tip)", widget.toolTip()
    if isinstance(widget, QLabel | QAbstractButton):
        yield where, widget.text()
    if isinstance(widget, QGroupBox):
        yield where, widget.title()
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        yield where + " (placeholder)", widget.placeholderText()
    if isinstance(widget, QComboBox) and not widget.isEditable():
        yield where + " (first item)", widget.itemText(0)
    if isinstance(widget, QTabWidget):
        for index in range(widget.count()):
            yield f"{where} tab {index}", widget.tabText(index)
            yield f"{where} tab {index} (tool tip)", widget.tabToolTip(index)
    if isinstance(widget, QMenu):
        yield where, widget.title()
        for action in widget.actions():
            yield f"{where} action {action.objectName()}", action.text()


def english_leftovers(root: QWidget) -> list[str]:
    """Texts still in English although the `.ts` has an Italian translation for them."""
    english, _ = _catalogue()
    return [
        f"{where}: {text!r} (Italian: {english[_plain(text)]!r})"
        for where, text in shown_texts(root)
        if _plain(text) in english and _plain(text) not in ALLOWED
    ]


def not_italian(root: QWidget) -> list[str]:
    """Static texts that are no Italian translation of the `.ts` and not on the allow-list."""
    _, patterns = _catalogue()
    problems = []
    for where, text in shown_texts(root):
        plain = _plain(text)
        if not re.search(r"[A-Za-z]", plain) or plain in ALLOWED or "://" in plain:
            continue
        if not any(p.fullmatch(plain) for p in patterns):
            problems.append(f"{where}: {text!r}")
    return problems
