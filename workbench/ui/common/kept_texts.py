"""A pane's text inputs and choices kept across restarts: saved as they change, put back at start."""

from __future__ import annotations

from dataclasses import dataclass
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


@dataclass(frozen=True)
class KeptChoice:
    """A choice kept as text: how to read it, how to put it back, which signals say it changed.

    The callables must not hold the pane (a reference cycle, see `SaveSoon`): functions of the
    widgets they read.
    """

    read: Callable[[], str]
    put: Callable[[str], None]
    changed: tuple[SignalInstance, ...]


class KeptTexts(KeptInputs[dict[str, str]]):
    """The named inputs' texts as typed, in `<pane>_inputs.json` (a text not valid JSON or not
    a number yet comes back as it was), and the named choices as their texts."""

    def __init__(
        self,
        *,
        pane: str,
        inputs: Mapping[str, TextInput | KeptChoice],
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
        for widget in self._inputs.values():
            yield from widget.changed if isinstance(widget, KeptChoice) else (_changed(widget),)


def _text(widget: TextInput | KeptChoice) -> str:
    if isinstance(widget, KeptChoice):
        return widget.read()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    return widget.text()


def _set_text(widget: TextInput | KeptChoice, text: str) -> None:
    if isinstance(widget, KeptChoice):
        widget.put(text)
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(text)
    elif isinstance(widget, QLineEdit):
        widget.setText(text)
    else:
        widget.set_text(text)


def _changed(widget: TextInput) -> SignalInstance:
    if isinstance(widget, JsonEditor):
        return widget.editor.textChanged
    return widget.textChanged
