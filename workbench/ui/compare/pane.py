"""Compare pane: one conversation sent to two or three routes at once, streaming side by side.

Each column names its route, says what that route could not do (read from the flavour's traits),
streams its answer and shows its time to first token, tokens per second, tokens and cost. Stop
stops every column; a follow-up can go to one column alone. A preset puts one deployment's native
route beside its `/chat/completions` route.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSplitter, QVBoxLayout, QWidget

from workbench.api.errors import InputError
from workbench.core.chat_compare import native_and_compatible
from workbench.ui import resources
from workbench.ui.common.a11y import StatusLabel, swap_enabled
from workbench.ui.common.kept_texts import KeptTexts
from workbench.ui.common.keys import escape_key, native, run_keys, with_keys
from workbench.ui.common.l10n import fill
from workbench.ui.common.pane_error import PaneErrorLine, log_shown
from workbench.ui.common.retranslate import Retranslating
from workbench.ui.compare.column import CompareColumn
from workbench.ui.compare.inputs import CompareInputs
from workbench.ui.compare.kept_routes import kept_routes
from workbench.ui.compare.targets import Target
from workbench.ui.endpoint_session import likely_for

if TYPE_CHECKING:
    from workbench.ui.services import Services

COLUMNS = 3
"""Columns shown; the third may be off."""


class ComparePane(Retranslating, QWidget):
    """Inputs above, one column per route below, Send / Stop / preset and a status line."""

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._round: set[int] = set()
        """The columns sent to since every column was last idle."""
        self.setObjectName("comparePane")
        # A column that fails says so over its own answers: the status bar needs not repeat it.
        services.tasks.errors_shown_inline("compare.column")
        self._build_ui()
        self._connect_signals()
        self.retranslate_ui()
        self._pick_defaults()
        self._set_busy()
        self._kept = KeptTexts(
            pane="compare",
            inputs={**self.inputs.kept(), "routes": kept_routes([c.picker for c in self.columns])},
            not_saved=lambda: QCoreApplication.translate("ComparePane", "Compare inputs not saved"),
            services=services,
            parent=self,
        )
        self._kept.restore()
        self._kept.watch()

    # --- layout -------------------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.inputs = CompareInputs(parent=self)
        self.columns = [
            CompareColumn(services=self._services, position=i, optional=i >= 2, parent=self)
            for i in range(COLUMNS)
        ]
        self.send_button = QPushButton(self)
        self.send_button.setObjectName("compareSend")
        self.stop_button = QPushButton(self)
        self.stop_button.setObjectName("compareStop")
        self.clear_button = QPushButton(self)
        self.clear_button.setObjectName("compareClear")
        self.preset_button = QPushButton(self)
        self.preset_button.setObjectName("comparePreset")
        self.status = StatusLabel(self)
        self.status.setObjectName("compareStatus")
        self.status.setWordWrap(True)
        self.error = PaneErrorLine(self)
        self.error.setObjectName("compareError")
        self._send_shortcut = run_keys(self)
        self._stop_shortcut = escape_key(self)
        columns = QSplitter(Qt.Orientation.Horizontal, self)
        columns.setObjectName("compareColumns")
        for column in self.columns:
            columns.addWidget(column)
        outer = QSplitter(Qt.Orientation.Vertical, self)
        outer.addWidget(self.inputs)
        outer.addWidget(columns)
        outer.setStretchFactor(0, 1)
        outer.setStretchFactor(1, 3)
        buttons = QHBoxLayout()
        for button in (self.send_button, self.stop_button, self.clear_button, self.preset_button):
            buttons.addWidget(button)
        buttons.addWidget(self.status, 1)
        box = QVBoxLayout(self)
        box.addWidget(outer, 1)
        box.addWidget(self.error)
        box.addLayout(buttons)

    def retranslate_ui(self) -> None:
        """Set the pane's texts in the current language."""
        if isinstance(self.error.error(), InputError):
            # Its words (an editor's name, a parameter's range) were translated when it was
            # made: said again from the inputs once every part has retranslated.
            QTimer.singleShot(0, self, self._say_refusal_again)
        self.setAccessibleName(self.tr("Compare"))
        keys = native("Ctrl+Return")  # as the platform writes it (⌘↩ on macOS)
        self.send_button.setText(self.tr("&Send to all  (%1)").replace("%1", keys))
        self.send_button.setAccessibleName(self.tr("Send to every column"))
        self.stop_button.setText(self.tr("S&top all  (Esc)"))
        self.stop_button.setAccessibleName(self.tr("Stop every column"))
        self.send_button.setToolTip(with_keys(self.tr("Send to every column"), "Ctrl+Return"))
        self.stop_button.setToolTip(with_keys(self.tr("Stop every column"), "Esc"))
        self._send_shortcut.setWhatsThis(self.tr("Send to every column"))  # the shortcuts sheet's
        self._stop_shortcut.setWhatsThis(self.tr("Stop every column"))
        self.clear_button.setText(self.tr("Cl&ear"))
        self.clear_button.setAccessibleName(self.tr("Clear every conversation"))
        self.preset_button.setText(self.tr("&Native vs /chat/completions"))
        self.preset_button.setAccessibleName(self.tr("Compare native and compatible routes"))
        self.preset_button.setToolTip(
            self.tr("Column 1's deployment on its own route and on its /chat/completions route")
        )
        self.status.setAccessibleName(self.tr("Compare status"))
        self.error.setAccessibleName(self.tr("Compare error"))

    def _connect_signals(self) -> None:
        self.send_button.clicked.connect(self._on_send_button_clicked)
        self._send_shortcut.activated.connect(self._on_send_button_clicked)
        self.stop_button.clicked.connect(self.cancel)
        self._stop_shortcut.activated.connect(self.cancel)
        self.clear_button.clicked.connect(self.clear)
        self.preset_button.clicked.connect(self.native_versus_compatible)
        self._services.tasks.state_changed.connect(self._on_tasks_state_changed)
        for column in self.columns:
            column.continue_requested.connect(self._on_column_continue_requested)

    def _pick_defaults(self) -> None:
        """The Chat pane's endpoint, then another chat deployment, else the first one's own
        `/chat/completions` route: never a rerank deployment's (it has no chat)."""
        session = self._services.session
        first = session.selected("chat")
        if first is None:
            return
        targets = [Target(first.id)]
        others = [e for e in session.endpoints() if e.id != first.id and likely_for("chat", e)]
        pair = native_and_compatible(first)
        if others:
            targets.append(Target(others[0].id))
        elif pair is not None:
            targets.append(Target(first.id, pair[1]))
        for column, target in zip(self.columns, targets, strict=False):
            column.pick(target)

    # --- public API (tests drive these like the buttons) --------------------------------------

    def send(self, message: str) -> None:
        """Type a message and press Send."""
        self.inputs.message.setPlainText(message)
        self._on_send_button_clicked()

    def cancel(self) -> None:
        """Stop every column (Stop, Esc, Run, Cancel); what arrived stays, marked as stopped."""
        for column in self.columns:
            column.stop()

    def clear(self) -> None:
        """Forget every column's conversation."""
        if self.is_streaming():
            return
        for column in self.columns:
            column.clear()
        self.status.clear()

    def is_streaming(self) -> bool:
        """Whether any column's turn is in flight."""
        return any(column.is_streaming() for column in self.columns)

    def native_versus_compatible(self) -> bool:
        """Column 1's deployment on its own route beside its `/chat/completions` route.

        Returns:
            False (and says why) when column 1's endpoint has no other route to compare.
        """
        target = self.columns[0].picked()
        endpoint = self._services.session.endpoint(target.endpoint_id) if target else None
        pair = native_and_compatible(endpoint) if endpoint else None
        if endpoint is None or pair is None:
            self.status.setText(
                self.tr("Pick a deployment on its own route in column 1 for this preset.")
            )
            return False
        self.columns[0].pick(Target(endpoint.id))
        self.columns[1].pick(Target(endpoint.id, pair[1]))
        self.columns[2].pick(None)
        self.status.setText(
            self.tr("“%1” on its own route and on /chat/completions.").replace("%1", endpoint.name)
        )
        return True

    def load_sample(self) -> None:
        """The shipped RAG sample, sent to the columns as they are picked."""
        sample = resources.sample("chat_documents.json")
        flat = [{"id": d["id"], **d["data"]} for d in sample["documents"]]
        self.inputs.documents.set_value(flat)
        self.send(sample["message"])

    # --- slots --------------------------------------------------------------------------------

    def _on_send_button_clicked(self) -> None:
        message = self.inputs.message.toPlainText()
        if self.is_streaming() or not message.strip():
            return
        try:
            frame = self.inputs.frame()
        except InputError as exc:
            self._refuse(exc)
            return
        if self._refuse_removed(self.columns):
            return
        self.error.clear_error()
        sent = {column.position for column in self.columns if column.send(message, frame)}
        self._round |= sent
        if not sent:
            self.status.setText(self.tr("Pick a route in at least one column."))
            return
        self.inputs.message.clear()
        self._set_busy()

    def _on_column_continue_requested(self, position: int, message: str) -> None:
        try:
            frame = self.inputs.frame()
        except InputError as exc:
            self._refuse(exc)
            return
        column = self.columns[position]
        if self._refuse_removed([column]):
            return
        self.error.clear_error()
        if column.send(message, frame):
            column.follow_up.clear()  # only now: a refused follow-up stays to be sent again
            self._round.add(position)
        self._set_busy()

    def _refuse(self, exc: InputError) -> None:
        """Say once, above the buttons, why nothing was sent (kept in the notice log)."""
        self.status.clear()  # the last round's "Done" would read as this Send's outcome
        self.error.show_error(exc)
        log_shown(self._services.notices, exc, "compare")

    def _say_refusal_again(self) -> None:
        """The inputs' refusal on show, in the current language (kept as it is when the inputs
        are fine by now: it is about the last Send)."""
        if not isinstance(self.error.error(), InputError):
            return
        try:
            self.inputs.frame()
        except InputError as exc:
            self.error.show_error(exc)

    def _refuse_removed(self, columns: list[CompareColumn]) -> bool:
        """Refuse to send while a column's route belongs to a removed endpoint (True if so)."""
        gone = [str(column.position + 1) for column in columns if column.route_removed()]
        if not gone:
            return False
        self.status.clear()  # as in `_refuse`: nothing went out, so no earlier "Done"
        # Handed over as a function: the line says it again in a new language.
        self.error.show_error(partial(self._removed_text, ", ".join(gone)))
        return True

    def _removed_text(self, columns: str) -> str:
        text = self.tr("The endpoint of column %1 was removed: pick another route for it.")
        return fill(text, columns)

    def _on_tasks_state_changed(self) -> None:
        # Columns end inside their own tasks: the round is over once the runner lets them go.
        if not self._round or self.is_streaming():
            return
        sent, self._round = self._round, set()
        failed = [self.columns[i] for i in sorted(sent) if self.columns[i].failed()]
        stopped = [self.columns[i] for i in sorted(sent) if self.columns[i].stopped()]
        self._set_busy()
        answered = len(sent) - len(failed) - len(stopped)
        parts = [self.tr("Done: %n column(s) answered.", "", answered)]
        if stopped:  # what arrived stays; the status must not read as complete answers
            parts.append(fill(self.tr("Stopped by you: column %1."), _numbers(stopped)))
        if failed:  # each failed column says what failed over its answers; here, which ones
            parts.append(self.tr("Failed: column %1.").replace("%1", _numbers(failed)))
        self.status.setText(" ".join(parts))

    def _set_busy(self) -> None:
        busy = self.is_streaming()
        inputs = (self.send_button, self.clear_button, self.preset_button)
        # Send pressed from the keyboard went grey under the focus, which Qt sent to the top of
        # the window, where Esc stops nothing: Stop takes it, and gives it back to Send.
        usable, greyed = ((self.stop_button,), inputs) if busy else (inputs, (self.stop_button,))
        swap_enabled(usable, greyed, usable[0])
        if busy:
            self.status.setText(self.tr("Answering…"))


def _numbers(columns: list[CompareColumn]) -> str:
    """The columns' numbers as people count them ("1, 3")."""
    return ", ".join(str(column.position + 1) for column in columns)
