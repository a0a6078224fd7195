"""Errors the core adds to the api's tree: settings files and the OS keyring.

WorkbenchError (workbench.api.errors)
└── CoreError                .detail = what happened, in words
    ├── SettingsError        the settings file is unreadable or invalid (.where names the spot)
    └── SecretStoreError     the keyring failed (.advice says how to fix it)
        └── InsecureKeyringError   no secure backend: keys are never kept in plain text instead
"""

from __future__ import annotations

from workbench.api.errors import WorkbenchError
from workbench.api.text import Text


class CoreError(WorkbenchError):
    """Base of the core's errors: a title, a detail line and where it happened."""

    default_title = "Workbench error"

    def __init__(
        self, detail: str | Text, *, where: str = "", title: str | None = None, advice: str = ""
    ) -> None:
        self.detail = str(detail)
        self.detail_text = detail if isinstance(detail, Text) else None
        """The detail as the core made it, when it is the workbench's own words: the GUI shows
        it in its language (the English `detail` is what the log and the command line say)."""
        self.advice = advice
        super().__init__(title=title, where=where)

    def __str__(self) -> str:
        line = super().__str__()
        extra = " ".join(part for part in (self.detail, self.advice) if part)
        return f"{line}: {extra}" if extra else line


def os_reason(exc: OSError) -> str:
    """Why the OS refused a file operation, in its own words ("No space left on device"),
    without the path it names (the caller says which file, as the person knows it)."""
    return exc.strerror or str(exc)


class SettingsError(CoreError):
    """The settings file could not be read or does not hold valid settings."""

    default_title = "Settings could not be loaded"


class SecretStoreError(CoreError):
    """The OS keyring refused an operation or is unavailable."""

    default_title = "Keyring error"


class InsecureKeyringError(SecretStoreError):
    """No secure keyring backend is available; keys are never stored in plain text instead."""

    default_title = "No secure keyring available"
