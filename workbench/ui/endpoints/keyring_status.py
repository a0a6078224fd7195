"""The endpoints pane's keyring banner: says when keys cannot be stored securely, and how to fix it."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from workbench.ui.common.a11y import StatusLabel
from workbench.ui.common.core_text import shown
from workbench.ui.common.retranslate import Retranslating

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from workbench.core.secrets import SecretStore


class KeyringBanner(Retranslating, StatusLabel):
    """Hidden while the keyring is secure; otherwise a warning with the fix."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyringBanner")
        self.setWordWrap(True)
        self.setProperty("role", "warning")
        self._advice: str | None = None
        self.retranslate_ui()
        self.hide()

    def retranslate_ui(self) -> None:
        """Set the texts in the current language (also on `LanguageChange`)."""
        self.setAccessibleName(self.tr("Keyring status"))
        if self._advice is not None:
            text = self.tr("No secure keyring is available, so keys cannot be stored. %1")
            self.setText(text.replace("%1", shown(self._advice)))

    async def check(self, secrets: SecretStore) -> None:
        """Ask the store which backend it uses (off the UI thread) and warn if it is not secure."""
        status_fn = getattr(secrets, "status", None)
        if status_fn is None:
            return
        status = await asyncio.to_thread(status_fn)  # finding the backend may touch D-Bus
        if not status.secure:
            self.show_advice(status.advice)

    def show_advice(self, advice: str) -> None:
        """Show that keys cannot be stored, with this advice on how to fix it."""
        self._advice = advice  # core's English (INSECURE_ADVICE), shown translated
        self.retranslate_ui()
        self.show()
