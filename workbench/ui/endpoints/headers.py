"""Extra request headers of one endpoint, typed as "Name: value" lines and checked as you type."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from workbench.api.errors import InputError
from workbench.core.endpoint_headers import (
    HeaderBlock,
    format_header_block,
    parse_header_block,
    parse_header_lines,
)
from workbench.ui.common.a11y import StatusLabel
from workbench.ui.common.error_text import error_message, shown_where
from workbench.ui.common.l10n import QT_TRANSLATE_NOOP, fill
from workbench.ui.common.retranslate import Retranslating

PLAIN_SETTINGS_NOTE = QT_TRANSLATE_NOOP(
    "HeadersEditor",
    "One “Name: value” per line, sent with every request (e.g. X-Client-Name: demo, or "
    "x-sandbox-fault: status=503 against the local sandbox). Stored in plain settings and "
    "included in exports, except secret headers: write “secret Name: value” (headers named "
    "like a key, such as Ocp-Apim-Subscription-Key, are secret anyway) and the value is kept "
    "in the keyring and shown as ••••••••. The API key goes in the API key field.",
)
"""Shown under the field: where these headers are kept, and how to keep one in the keyring."""


class HeadersEditor(Retranslating, QWidget):
    """A small "Name: value" editor with a line-numbered error under it; `headers()` validates."""

    edited = Signal()
    """The person changed the text (not emitted by `set_headers`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("extraHeadersEditor")
        self._field = QPlainTextEdit(self)
        self._field.setObjectName("extraHeaders")
        self._field.setPlaceholderText("X-Client-Name: demo-laptop\nx-sandbox-fault: status=503")
        self._field.setTabChangesFocus(True)  # Tab moves on, as in every other field
        self._field.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self._field.setFixedHeight(self._field.fontMetrics().lineSpacing() * 4 + 12)
        self._error = StatusLabel(self)
        self._error.setObjectName("extraHeadersError")
        self._error.setProperty("role", "warning")
        self._error.setWordWrap(True)
        self._error.hide()
        self._note = note = QLabel(self)
        note.setObjectName("extraHeadersNote")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._field)
        layout.addWidget(self._error)
        layout.addWidget(note)
        self.setFocusProxy(self._field)
        self._field.textChanged.connect(self._on_field_text_changed)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        """Set every static text in the current language (also on `LanguageChange`)."""
        note = QCoreApplication.translate("HeadersEditor", PLAIN_SETTINGS_NOTE)
        self._field.setAccessibleName(self.tr("Extra request headers"))
        self._field.setAccessibleDescription(note)
        self._error.setAccessibleName(self.tr("Extra headers problem"))
        self._note.setText(note)
        self._show_problem()  # the line's place and reason in the new language

    @property
    def field(self) -> QPlainTextEdit:
        """The text field (a form label's buddy)."""
        return self._field

    def set_headers(self, headers: dict[str, str], secret_names: list[str] | None = None) -> None:
        """Show these headers, one per line, then the secret ones with their values masked."""
        with QSignalBlocker(self._field):
            self._field.setPlainText(format_header_block(headers, secret_names or []))
        self._show_problem()

    def block(self) -> HeaderBlock:
        """The headers typed, split into plain and secret ones.

        Raises:
            InputError: as `headers()`.
        """
        return parse_header_block(self._field.toPlainText())

    def headers(self) -> dict[str, str]:
        """The headers typed.

        Raises:
            InputError: a line is malformed or refused; `.where` is "Extra headers, line N".
        """
        return parse_header_lines(self._field.toPlainText())

    def _on_field_text_changed(self) -> None:
        self._show_problem()
        self.edited.emit()

    def _show_problem(self) -> None:
        try:
            self.headers()
        except InputError as exc:
            self._error.setText(_problem_line(exc))
            self._error.show()
        else:
            self._error.clear()
            self._error.hide()


def _problem_line(exc: InputError) -> str:
    """ "Extra headers, line 3: Header 'X A' is not a valid header name…" in the current language
    (the header's name stays as typed; its value is never shown)."""
    template = QCoreApplication.translate("Errors", "%1: %2")
    return fill(template, shown_where(exc.where), error_message(exc))
