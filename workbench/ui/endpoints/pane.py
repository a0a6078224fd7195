"""Endpoints pane: add, edit, duplicate, delete, import/export endpoints; keys; test connection."""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QMessageBox

from workbench.api.errors import InputError
from workbench.core.endpoint_transfer import duplicate, unique_name
from workbench.core.endpoints import EndpointConfig, EndpointSecrets
from workbench.core.errors import SecretStoreError
from workbench.core.probe import probe_endpoint
from workbench.ui.common.keys import with_keys, without_mnemonic
from workbench.ui.common.retranslate import Retranslating
from workbench.ui.endpoints.fields import capture, restore
from workbench.ui.endpoints.keyring_calls import forget_all, move_plain_secrets, typed_key
from workbench.ui.endpoints.outcome import SaveOutcome
from workbench.ui.endpoints.probe_text import report_text
from workbench.ui.endpoints.questions import ask_delete
from workbench.ui.endpoints.transfer import (
    ask_export_path,
    ask_import_path,
    export_file,
    import_file,
)
from workbench.ui.endpoints.widgets import EndpointsWidgets

if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

    from PySide6.QtWidgets import QWidget

    from workbench.ui.services import Services

_TEST_TASK = "endpoints.test"


class EndpointsPane(Retranslating, EndpointsWidgets):
    """The saved endpoints on the left, the selected one's form on the right."""

    probe_finished = Signal(object)
    """A connection test finished with this `ProbeReport`."""
    key_stored = Signal(str)
    """A key was stored in the keyring for this endpoint id."""

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services.session, parent)
        self.setObjectName("endpointsPane")
        self._services = services
        self._session = services.session
        self._drafts: dict[str, dict[str, Any]] = {}
        self._shown_id: str | None = None
        self._dirty = False
        """The form shown has edits not saved yet (kept as a draft when another is chosen)."""
        self._outcome = SaveOutcome(
            result=self._result, error=self._error, banner=self._banner, notices=services.notices
        )
        self.retranslate_ui()
        self._connect_signals()
        self._select(self._session.current())
        self._services.tasks.start(
            "endpoints.keyring-check", self._banner.check(services.secrets), owner=self
        )
        moving = move_plain_secrets(self._session, services.notices)
        self._services.tasks.start("endpoints.move-secrets", moving, owner=self)

    def retranslate_ui(self) -> None:
        """Set every static text in the current language (also on `LanguageChange`)."""
        self.setAccessibleName(self.tr("Endpoints"))
        self._list.setAccessibleName(self.tr("Saved endpoints"))
        # Alt+I (Italian Alt+E): Revert takes the E, and the section reaches Import.
        self._list_section.setTitle(self.tr("Saved endpo&ints"))
        for button, text, tip in (
            (self._add, self.tr("&Add"), self.tr("Add a new endpoint")),
            (self._duplicate, self.tr("Duplicate"), ""),  # through the section's letter
            (self._delete, self.tr("&Delete"), ""),
            (self._import, self.tr("Import…"), self.tr("Import endpoints (JSON)")),
            (self._export, self.tr("E&xport…"), self.tr("Export without keys")),
            (self._save, self.tr("&Save"), with_keys(self.tr("Save"), "Ctrl+S")),
            (self._revert, self.tr("R&evert"), self.tr("Discard unsaved edits")),
        ):
            button.setText(text)
            button.setAccessibleName(without_mnemonic(text).rstrip("…"))
            button.setToolTip(tip)
        self._name_test_button()
        self._result.setAccessibleName(self.tr("Connection test result"))
        self._result.say_again()
        self._name_shortcuts()
        self._error.setAccessibleName(self.tr("Endpoint error"))
        self._scroll.setAccessibleName(self.tr("Endpoint details"))

    def _connect_signals(self) -> None:
        self._list.selectionModel().selectionChanged.connect(self._on_list_selection_changed)
        self._add.clicked.connect(self._on_add_clicked)
        self._duplicate.clicked.connect(self._on_duplicate_clicked)
        self._delete.clicked.connect(self._on_delete_clicked)
        self._import.clicked.connect(self._on_import_clicked)
        self._export.clicked.connect(self._on_export_clicked)
        self._save.clicked.connect(self._on_save_clicked)
        self._revert.clicked.connect(self._on_revert_clicked)
        self._test.clicked.connect(self._on_test_clicked)
        self._form.changed.connect(self._on_form_changed)
        self._form.forget_key_button.clicked.connect(self._on_forget_key_clicked)
        self._session.endpoints_changed.connect(self._on_session_endpoints_changed)
        self._session.current_changed.connect(self._on_session_current_changed)
        self._services.tasks.state_changed.connect(self._name_test_button)
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.activated.connect(self._on_save_clicked)
        # Window-wide while this pane shows (a hidden tab's shortcuts are inactive).
        cancel = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        cancel.activated.connect(self.cancel)
        self._shortcuts = (save, cancel)
        self._name_shortcuts()

    def _name_test_button(self) -> None:
        """Test connection, or Stop while a test runs: the button stays usable under the
        keyboard's focus (a button greyed out while focused sends the focus to the top of the
        window, and nothing there says how to stop the test)."""
        if self._services.tasks.is_running(_TEST_TASK):
            self._test.setText(self.tr("S&top test  (Esc)"))
            self._test.setAccessibleName(self.tr("Stop the connection test"))
        else:
            self._test.setText(self.tr("&Test connection"))
            self._test.setAccessibleName(self.tr("Test connection"))

    def _name_shortcuts(self) -> None:
        """What the shortcuts sheet says they do (again after a language switch)."""
        if hasattr(self, "_shortcuts"):
            save, cancel = self._shortcuts
            save.setWhatsThis(self._save.accessibleName())
            cancel.setWhatsThis(self.tr("Stop the connection test"))

    # --- public (also used by tests and the main window's menu) ------------------------------

    def cancel(self) -> None:
        """Stop what this pane is doing (a connection test, a keyring call)."""
        if self._services.tasks.cancel_owned_by(self):
            self._result.say(lambda: self.tr("Cancelled."))

    def shown_endpoint_id(self) -> str | None:
        """Id of the endpoint in the form."""
        return self._shown_id

    def is_dirty(self) -> bool:
        """Whether the form has unsaved edits."""
        return self._dirty

    def has_unsaved(self) -> bool:
        """Whether any endpoint has edits not saved: the form shown, or a draft kept aside."""
        return self._dirty or any(self._session.endpoint(i) for i in self._drafts)

    async def save_all(self) -> bool:
        """Save the form and every draft, keys through the keyring, as Save does for each.

        Returns:
            True once all are saved; False at the first refused (left shown, its error said)
            or when the keyring did not take a key (said by the notice of that failure).
        """
        back = self._session.endpoint(self._shown_id)
        pending = []
        for endpoint_id in [self._shown_id, *self._drafts]:
            endpoint = self._session.endpoint(endpoint_id)
            if endpoint is None or (endpoint_id == self._shown_id and not self._dirty):
                continue
            if endpoint_id != self._shown_id:
                self._select(endpoint)  # its draft goes back in the form, to be read from there
            saving = self._save_shown()
            if saving is False:
                return False
            if saving is not True:
                pending.append(saving)
        self._select(back)
        return all(await asyncio.gather(*pending))

    def import_from(self, path: Path) -> list[EndpointConfig]:
        """Add the endpoints exported in this file; errors become notices naming where."""
        added = import_file(path, self._session, self._services.notices)
        if added:
            self._select(added[0])
        return added

    def export_to(self, path: Path) -> None:
        """Write every endpoint (never a key) to this file."""
        export_file(path, self._session, self._services.notices)

    # --- selection --------------------------------------------------------------------------

    def _select(self, endpoint: EndpointConfig | None) -> None:
        row = self._model.row_of(endpoint.id if endpoint else None)
        if row < 0 and self._model.rowCount() > 0:
            row = 0
        if row >= 0:
            self._list.setCurrentIndex(self._model.index(row, 0))
        else:
            self._show(None)

    def _show(self, endpoint: EndpointConfig | None) -> None:
        self._keep_draft()
        self._shown_id = endpoint.id if endpoint else None
        self._form.setEnabled(endpoint is not None)
        for b in (self._save, self._revert, self._test, self._duplicate, self._delete):
            b.setEnabled(endpoint is not None)
        self._result.say(None)
        self._error.clear_error()  # it was about the endpoint shown before
        if endpoint is None:
            return
        self._form.load(endpoint)
        draft = self._drafts.pop(endpoint.id, None)
        if draft is not None:
            restore(self._form, draft)
        self._dirty = draft is not None
        self._form.set_key_hint("")
        if endpoint.needs_key:
            self._services.tasks.start(
                "endpoints.key-hint", self._load_key_hint(endpoint.id), owner=self
            )

    def _keep_draft(self) -> None:
        if self._dirty and self._shown_id is not None:
            self._drafts[self._shown_id] = capture(self._form)
        self._dirty = False

    def _on_list_selection_changed(self, selected: QItemSelection, _: QItemSelection) -> None:
        indexes = selected.indexes()
        endpoint = self._model.endpoint_at(indexes[0].row()) if indexes else None
        if endpoint is None or endpoint.id == self._shown_id:
            return
        self._show(endpoint)
        self._session.set_current(endpoint.id)

    def _on_session_endpoints_changed(self) -> None:
        shown = self._session.endpoint(self._shown_id)
        self._select(shown or self._session.current())
        if shown is not None and not self._dirty:
            # Changed elsewhere (the sandbox got its port and key): show the new state.
            self._shown_id = None
            self._show(shown)

    def _on_session_current_changed(self) -> None:
        current = self._session.current()
        if current is not None and current.id != self._shown_id:
            self._select(current)

    def _on_form_changed(self) -> None:
        self._dirty = True

    # --- list buttons -----------------------------------------------------------------------

    def _taken_names(self) -> set[str]:
        return {e.name for e in self._session.endpoints()}

    def _on_add_clicked(self) -> None:
        endpoint = EndpointConfig(
            name=unique_name(self.tr("New endpoint"), self._taken_names()), base_url="https://"
        )
        self._session.save_endpoint(endpoint)
        self._select(endpoint)
        self._form.setFocus()

    def _on_duplicate_clicked(self) -> None:
        original = self._session.endpoint(self._shown_id)
        if original is None:
            return
        copy = duplicate(original, self._taken_names())
        self._session.save_endpoint(copy)
        self._services.notices.info(
            self.tr("Duplicated as “%1”").replace("%1", copy.name),
            self.tr("The key is not copied."),
        )
        self._select(copy)

    def _on_delete_clicked(self) -> None:
        endpoint = self._session.endpoint(self._shown_id)
        if endpoint is None:
            return
        ask_delete(self, endpoint.name, partial(self._on_confirm_delete_answered, endpoint.id))

    def _on_confirm_delete_answered(
        self, endpoint_id: str, answer: QMessageBox.StandardButton
    ) -> None:
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_endpoint(endpoint_id)

    def delete_endpoint(self, endpoint_id: str) -> None:
        """Remove an endpoint now and delete its key from the keyring in the background."""
        endpoint = self._session.endpoint(endpoint_id)
        if endpoint is None:
            return
        self._drafts.pop(endpoint_id, None)
        if self._shown_id == endpoint_id:
            self._dirty = False
            self._shown_id = None
        self._session.remove_endpoint(endpoint_id)
        self._services.tasks.start(
            f"endpoints.forget.{endpoint_id}", forget_all(self._session, endpoint_id)
        )
        self._services.notices.info(self.tr("Deleted “%1”").replace("%1", endpoint.name))
        self._select(self._session.current())

    def _on_import_clicked(self) -> None:
        path = ask_import_path(self)
        if path is not None:
            self.import_from(path)

    def _on_export_clicked(self) -> None:
        path = ask_export_path(self)
        if path is not None:
            self.export_to(path)

    # --- form buttons -----------------------------------------------------------------------

    def _on_save_clicked(self) -> None:
        self._save_shown()

    def _save_shown(self) -> bool | asyncio.Task[bool]:
        """Save the form: False when refused (the error said), True when saved, else the task
        storing its key or secrets in the keyring (True when they are stored)."""
        try:
            endpoint = self._form.endpoint()
            self._form.check_model(endpoint)
            typed = self._form.typed_secrets()
            key = typed_key(self._form.key_text(), self._services.notices)
        except InputError as exc:
            self._outcome.refused(exc, at_model=bool(self._form.model_problem()))
            return False
        before = self._session.endpoint(endpoint.id)
        self._session.save_endpoint(endpoint)
        self._dirty = False
        self._error.clear_error()
        if not typed.is_empty():
            self._form.load(endpoint)  # secrets typed in clear now show masked
        to_keyring = not typed.is_empty() or (before is not None and before.has_secrets)
        name = endpoint.name
        if not key and not to_keyring:
            self._outcome.saved(name)
            return True
        # "Saved" waits for the keyring: a key it could not store was not saved (issue 19).
        self._outcome.storing(name)
        return self._services.tasks.start(
            f"endpoints.store-secrets.{endpoint.id}",
            self._store_in_keyring(endpoint, key, typed if to_keyring else None),
            owner=self,
        )

    def _on_revert_clicked(self) -> None:
        endpoint = self._session.endpoint(self._shown_id)
        self._dirty = False
        self._drafts.pop(self._shown_id or "", None)
        if endpoint is not None:
            self._form.load(endpoint)
            self._shown_id = None
            self._show(endpoint)

    def _on_forget_key_clicked(self) -> None:
        if self._shown_id is not None:
            self._services.tasks.start(
                f"endpoints.store-key.{self._shown_id}",
                self._forget_key(self._shown_id),
                owner=self,
            )

    def _on_test_clicked(self) -> None:
        if self._services.tasks.is_running(_TEST_TASK):
            self.cancel()
            return
        try:
            endpoint = self._form.endpoint()
            typed = self._form.typed_secrets()
            key = typed_key(self._form.key_text(), self._services.notices)
        except InputError as exc:
            self._outcome.test_refused(exc)
            return
        self._error.clear_error()
        self._services.tasks.start(_TEST_TASK, self._run_test(endpoint, key, typed), owner=self)

    # --- async work (through the runner) ----------------------------------------------------

    async def _load_key_hint(self, endpoint_id: str) -> None:
        try:
            hint = await self._session.key_hint(endpoint_id)
        except SecretStoreError:
            hint = "keyring unavailable"  # the banner above says why and how to fix it
        if endpoint_id == self._shown_id:
            self._form.set_key_hint(hint)

    async def _store_in_keyring(
        self, endpoint: EndpointConfig, key: str, typed: EndpointSecrets | None
    ) -> bool:
        """Store the key and secret values, then say what was saved, or what was not and why
        (False)."""
        try:
            if typed is not None:
                await self._session.store_secrets(endpoint.id, typed)
            if key:
                await self._store_key(endpoint.id, key)
        except SecretStoreError as exc:
            shown = endpoint.id == self._shown_id
            self._outcome.keyring_failed(exc, endpoint.name, bool(key), shown=shown)
            return False
        if endpoint.id == self._shown_id:
            self._outcome.stored(endpoint.name, bool(key))
        return True

    async def _store_key(self, endpoint_id: str, key: str) -> None:
        await self._session.set_key(endpoint_id, key)
        hint = await self._session.key_hint(endpoint_id)
        if endpoint_id == self._shown_id:
            self._form.clear_key()
            self._form.set_key_hint(hint)
        self._services.notices.info(self.tr("Key stored in the keyring"), hint)
        self.key_stored.emit(endpoint_id)

    async def _forget_key(self, endpoint_id: str) -> None:
        await self._session.set_key(endpoint_id, None)
        if endpoint_id == self._shown_id:
            self._form.set_key_hint("")
        self._services.notices.info(self.tr("Stored key deleted from the keyring"))

    async def _run_test(
        self, endpoint: EndpointConfig, entered_key: str, typed: EndpointSecrets
    ) -> None:
        self._result.say(lambda: self.tr("Testing…"))
        key: str | None = entered_key
        if not key and endpoint.needs_key:
            key = await self._session.read_key(endpoint.id)
        secrets = (await self._session.read_secrets(endpoint.id)).merged(typed)
        report = await probe_endpoint(endpoint, key, secrets)
        self._result.say(partial(report_text, report))
        self.probe_finished.emit(report)
