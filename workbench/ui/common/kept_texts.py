"""A pane's text inputs kept across restarts: saved as they are edited, put back at start."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from workbench.api.errors import InputError
from workbench.core.saved_texts import load_texts, write_texts
from workbench.ui.common.background_save import BackgroundWriter, SaveSoon
from workbench.ui.common.json_editor import JsonEditor

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from PySide6.QtCore import SignalInstance

    from workbench.ui.services import Services

TextInput = QPlainTextEdit | QLineEdit | JsonEditor


class KeptTexts(QObject):
    """Saves the named inputs' texts as typed, a moment after an edit (and at quit if that
    save is due), in `<pane>_inputs.json`; `restore` puts them back (a text not valid JSON or
    not a number yet comes back as it was)."""

    def __init__(
        self,
        *,
        pane: str,
        inputs: Mapping[str, TextInput],
        not_saved: Callable[[], str],
        services: Services,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._pane, self._inputs, self._notices = pane, dict(inputs), services.notices
        self._writer = BackgroundWriter(
            key=f"{pane}.save",
            title=not_saved,
            tasks=services.tasks,
            notices=services.notices,
            thread_name=f"{pane}-inputs",
        )
        self._soon = SaveSoon(self)
        self._soon.due.connect(self.save)

    def watch(self) -> None:
        """Save a moment after any of the inputs changes, from now on."""
        self._soon.watch(*(_changed(widget) for widget in self._inputs.values()))

    def save(self) -> None:
        """Save the texts as they are now (written in the background)."""
        self._soon.saved()
        texts = {name: _text(widget) for name, widget in self._inputs.items()}
        self._writer.submit(write_texts, self._pane, texts)

    def restore(self) -> bool:
        """Put the saved texts back; False when none were saved or the file is damaged (said)."""
        try:
            saved = load_texts(self._pane)
        except InputError as exc:
            self._notices.post_error(exc)
            return False
        if saved is None:
            return False
        for name, widget in self._inputs.items():
            if name in saved:
                _set_text(widget, saved[name])
        return True


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
