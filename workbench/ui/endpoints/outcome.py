"""Endpoints pane outcome: what a save, a keyring call or a refused test did, said in the result
line and the error line beside the actions, and errors kept in the notice log.

The lines are handed functions, so a language switch says them again. The texts keep the pane's
translation context ("EndpointsPane"): they were the pane's before they moved here.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from workbench.core.errors import InsecureKeyringError
from workbench.ui.common.error_text import error_line
from workbench.ui.common.l10n import fill
from workbench.ui.common.pane_error import log_shown

if TYPE_CHECKING:
    from workbench.api.errors import InputError
    from workbench.core.errors import SecretStoreError
    from workbench.ui.common.a11y import StatusLabel
    from workbench.ui.common.pane_error import PaneErrorLine
    from workbench.ui.endpoints.keyring_status import KeyringBanner
    from workbench.ui.notices import NoticeCenter


class SaveOutcome:
    """Says in the pane's result and error lines what became of a save or a connection test."""

    def __init__(
        self,
        *,
        result: StatusLabel,
        error: PaneErrorLine,
        banner: KeyringBanner,
        notices: NoticeCenter,
    ) -> None:
        self._result = result
        self._error = error
        self._banner = banner
        self._notices = notices

    def saved(self, name: str) -> None:
        """The endpoint `name` is saved, with nothing for the keyring."""
        self._result.say(partial(_saved, name))

    def storing(self, name: str) -> None:
        """The endpoint `name` is saved; its key or secret values go to the keyring now."""
        self._result.say(partial(_storing, name))

    def stored(self, name: str, key: bool) -> None:
        """The keyring stored the key (`key`) or else the secret values of endpoint `name`."""
        self._result.say(partial(_stored, name, key))

    def refused(self, exc: InputError, *, at_model: bool) -> None:
        """Say once why nothing was saved: at the Model field when it is marked (`at_model`),
        else here."""
        self._result.say(None)
        # Handed over as functions: the line says them again in a new language.
        if at_model:
            self._error.show_error(_model_refusal)
        else:
            self._error.show_error(partial(_not_saved, exc))
        log_shown(self._notices, exc, "endpoints")

    def test_refused(self, exc: InputError) -> None:
        """The connection test did not start: the form holds something it cannot send."""
        self._result.say(None)
        self._error.show_error(exc)
        log_shown(self._notices, exc, "endpoints")

    def keyring_failed(self, exc: SecretStoreError, name: str, key: bool, *, shown: bool) -> None:
        """The keyring did not store the key (`key`) or secret values of endpoint `name`; the
        lines say so while it is the endpoint `shown`."""
        if isinstance(exc, InsecureKeyringError):
            self._banner.show_advice(exc.advice)
        log_shown(self._notices, exc, "endpoints")
        if not shown:
            return
        self._result.say(partial(_half_saved, name, key))
        self._error.show_error(partial(_not_stored, exc))  # said again after a switch


def _saved(name: str) -> str:
    return fill(QCoreApplication.translate("EndpointsPane", "Saved “%1”."), name)


def _storing(name: str) -> str:
    text = QCoreApplication.translate("EndpointsPane", "Saving “%1”: storing in the keyring…")
    return fill(text, name)


def _stored(name: str, key: bool) -> str:
    if key:
        text = QCoreApplication.translate("EndpointsPane", "Saved “%1” and its key in the keyring.")
    else:
        text = QCoreApplication.translate(
            "EndpointsPane", "Saved “%1” and its secret values in the keyring."
        )
    return fill(text, name)


def _model_refusal() -> str:
    return QCoreApplication.translate(
        "EndpointsPane", "Not saved: the Model field needs a name (see the message there)."
    )


def _not_saved(exc: InputError) -> str:
    return fill(QCoreApplication.translate("EndpointsPane", "Not saved: %1"), error_line(exc))


def _half_saved(name: str, key: bool) -> str:
    saved = QCoreApplication.translate(
        "EndpointsPane", "“%1”: its settings are saved; its key is NOT."
    )
    if not key:
        saved = QCoreApplication.translate(
            "EndpointsPane", "“%1”: its settings are saved; its secret values are NOT."
        )
    return fill(saved, name)


def _not_stored(exc: SecretStoreError) -> str:
    what = QCoreApplication.translate(
        "EndpointsPane", "The keyring did not store it, and nothing was written elsewhere: %1"
    )
    return fill(what, error_line(exc))
