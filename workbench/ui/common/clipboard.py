"""Copying to the clipboard: text leaves the program there, so it passes the redactor first."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from workbench.api.redact import redact_json, redact_text


def copy_text(text: str) -> None:
    """Put `text` on the clipboard, every registered secret (and in demo mode every host)
    masked."""
    QGuiApplication.clipboard().setText(redact_text(text))


def copy_json(text: str) -> None:
    """Put the text of a JSON document on the clipboard, masked so that it stays JSON: it is
    copied to be pasted into a file or a request (`redact_json`). Where masking has to write
    the document again, an indented text stays indented."""
    QGuiApplication.clipboard().setText(redact_json(text, indent=2 if "\n" in text else None))
