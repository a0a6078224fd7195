"""A pane's text inputs and choices kept across restarts: saved on change, put back at start."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox

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


def listed_choice(combo: QComboBox) -> KeptChoice:
    """The entry picked in `combo`, by its data (None: ""); put back while it is listed."""
    return KeptChoice(
        read=partial(listed_data, combo),
        put=partial(_pick_listed, combo),
        changed=(combo.currentIndexChanged,),
    )


def number_choice(box: QSpinBox) -> KeptChoice:
    """The number in `box`; put back while it is a whole number in the box's range."""
    return KeptChoice(
        read=partial(_number, box), put=partial(_put_number, box), changed=(box.valueChanged,)
    )


def ticked_choice(box: QAbstractButton) -> KeptChoice:
    """Whether `box` is ticked ("true" or "false")."""
    return KeptChoice(read=partial(_ticked, box), put=partial(_tick, box), changed=(box.toggled,))


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


def listed_data(combo: QComboBox) -> str:
    """The data of the entry picked in `combo`, as kept ("" for none)."""
    return str(combo.currentData() or "")


def listed_row(combo: QComboBox, data: str) -> int:
    """The row of the entry whose data is kept as `data`, or -1 when it is not listed."""
    return next((r for r in range(combo.count()) if str(combo.itemData(r) or "") == data), -1)


def _pick_listed(combo: QComboBox, data: str) -> None:
    row = listed_row(combo, data)
    if row >= 0:
        combo.setCurrentIndex(row)


def _number(box: QSpinBox) -> str:
    return str(box.value())


def _put_number(box: QSpinBox, text: str) -> None:
    if text.isascii() and text.isdigit() and box.minimum() <= int(text) <= box.maximum():
        box.setValue(int(text))


def _ticked(box: QAbstractButton) -> str:
    return "true" if box.isChecked() else "false"


def _tick(box: QAbstractButton, text: str) -> None:
    if text in ("true", "false"):
        box.setChecked(text == "true")
