"""A pane's text inputs kept across restarts: saved as they are edited, put back at start."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from workbench.core.saved_texts import load_texts, write_texts
from workbench.ui.common.background_save import KeptInputs
from workbench.ui.common.json_editor import JsonEditor

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping

    from PySide6.QtCore import QObject, SignalInstance

    from workbench.ui.services import Services

TextInput = QPlainTextEdit | QLineEdit | JsonEditor


class KeptTexts(KeptInputs[dict[str, str]]):
    """The named inputs' texts as typed, in `<pane>_inputs.json` (a text not valid JSON or not
    a number yet comes back as it was)."""

    def __init__(
        self,
        *,
        pane: str,
        inputs: Mapping[str, TextInput],
        not_saved: Callable[[], str],
        services: Services,
        parent: QObject,
    ) -> None:
        super().__init__(
            key=pane,
            load=partial(load_texts, pane),
            write=partial(write_texts, pane),
            not_saved=not_saved,
            services=services,
            parent=parent,
        )
        self._inputs = dict(inputs)

    def _take(self) -> dict[str, str]:
        return {name: _text(widget) for name, widget in self._inputs.items()}

    def _put(self, saved: dict[str, str]) -> None:
        for name, widget in self._inputs.items():
            if name in saved:
                _set_text(widget, saved[name])

    def _changes(self) -> Iterable[SignalInstance]:
        return (_changed(widget) for widget in self._inputs.values())


def _text(widget: TextInput) -> str:
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    return widget.text()


def _set_text(widget: TextInput, text: str) -> None:
    if isinstance(widget, QPlainTextEdit):
        widget.setPlainText(text)
    elif isinstance(widget, QLineEdit):
        widget.setText(text)
    else:
        widget.set_text(text)


def _changed(widget: TextInput) -> SignalInstance:
    if isinstance(widget, JsonEditor):
        return widget.editor.textChanged
    return widget.textChanged
