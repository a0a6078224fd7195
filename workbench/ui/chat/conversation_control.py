"""The Chat pane's History and Request orchestration: apply, import, export, revert and preview."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from workbench.api.errors import InputError
from workbench.core.chat_history_io import export_conversation, parse_conversation
from workbench.core.chat_request_preview import RequestPreview, chat_url, preview_request
from workbench.core.endpoints import FLAVOUR_LABELS
from workbench.core.errors import os_reason
from workbench.core.rerank_io import decode_bytes
from workbench.core.saved_chat import write_chat
from workbench.ui.common.error_text import error_line
from workbench.ui.common.json_text import parse_json
from workbench.ui.common.l10n import fill
from workbench.ui.common.undoable import replace_text

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from PySide6.QtWidgets import QPlainTextEdit

    from workbench.api.models import ChatMessage, ChatRequest, Flavour
    from workbench.core.endpoints import EndpointConfig
    from workbench.ui.chat.controller import ChatController
    from workbench.ui.chat.conversation_pages import HistoryPage, RequestPage


class ConversationTexts(QObject):
    """The History section's counted status lines (a QObject, so lupdate files plural forms)."""

    def applied(self, count: int) -> str:
        """ "Applied: 4 message(s) in the conversation." """
        return self.tr("Applied: %n message(s) in the conversation.", "", count)

    def imported(self, count: int, name: str, form: str, *, preamble: bool) -> str:
        """What an import brought in, from which file and in which form (the core names the
        form in English: said here in the GUI's language)."""
        if preamble:
            done = self.tr(
                "Imported %n message(s) and its system message as the preamble from %1 (%2).",
                "",
                count,
            )
        else:
            done = self.tr("Imported %n message(s) from %1 (%2).", "", count)
        # The form's name is one of the core's fixed texts, listed in the "Core" catalogue.
        return fill(done, name, QCoreApplication.translate("Core", form))


def _chat_url(endpoint: EndpointConfig) -> str:
    try:
        return chat_url(endpoint)
    except InputError as exc:
        return error_line(exc)


@dataclass(kw_only=True, eq=False)
class ConversationControl:
    """Runs the History section's actions and fills the Request section for the Chat pane.

    The controller keeps the conversation; this reads it and asks it to replace it (the
    controller announces that, and the pane redraws).
    """

    history: HistoryPage
    request: RequestPage
    preamble: QPlainTextEdit
    conversation: ChatController

    def apply(self) -> bool:
        """Replace the conversation with the History section's; True when done."""
        messages = self.applicable()
        if messages is None:
            return False
        self.apply_messages(messages)
        return True

    def applicable(self) -> list[ChatMessage] | None:
        """The History section's messages, or None with why not in its status (a turn in
        flight, bad JSON, a bad entry)."""
        if self.conversation.is_streaming():
            self.history.status.setText(
                QCoreApplication.translate(
                    "ConversationControl", "Wait for the answer in flight, or stop it, to apply."
                )
            )
            return None
        try:
            return self.history.messages()
        except InputError as exc:
            self.history.status.setText(
                fill(
                    QCoreApplication.translate("ConversationControl", "Not applied: %1"),
                    error_line(exc),
                )
            )
            return None

    def apply_messages(self, messages: list[ChatMessage]) -> None:
        """Make `messages` the conversation, and say so."""
        self.conversation.replace_history(messages)
        self.history.status.setText(ConversationTexts().applied(len(messages)))

    def revert(self) -> None:
        """Drop the History section's edits and show the conversation as it is."""
        self.history.show_history(self.conversation.session.history(), force=True)
        self.history.status.setText(
            QCoreApplication.translate(
                "ConversationControl", "Edits dropped: showing the conversation as it is."
            )
        )

    def import_file(self, path: Path) -> bool:
        """Load a conversation file and make it the conversation; True when done."""
        if self.conversation.is_streaming():
            self.history.status.setText(
                QCoreApplication.translate(
                    "ConversationControl", "Wait for the answer in flight, or stop it, to import."
                )
            )
            return False
        try:
            imported = parse_conversation(parse_json(decode_bytes(path.read_bytes())))
        except (OSError, InputError) as exc:
            # The OS's reason without its errno and the full path: the file is named once.
            problem = error_line(exc) if isinstance(exc, InputError) else os_reason(exc)
            self.history.status.setText(
                fill(
                    QCoreApplication.translate("ConversationControl", "Not imported: %1: %2"),
                    path.name,
                    problem,
                )
            )
            return False
        if imported.preamble is not None:
            replace_text(self.preamble, imported.preamble)  # undoable: the typed one comes back
        self.conversation.replace_history(imported.messages)
        done = ConversationTexts().imported(
            len(imported.messages),
            path.name,
            imported.form.value,
            preamble=bool(imported.preamble),
        )
        self.history.status.setText(done)
        return True

    def export_file(self, path: Path, flavour: Flavour) -> bool:
        """Write the History section's conversation (and the preamble) in a flavour's form."""
        try:
            exported = export_conversation(
                self.history.messages(), flavour, self.preamble.toPlainText() or None
            )
            write_chat(json.dumps(exported, indent=2, ensure_ascii=False) + "\n", path)
        except InputError as exc:
            self.history.status.setText(
                fill(
                    QCoreApplication.translate("ConversationControl", "Not exported: %1"),
                    error_line(exc),
                )
            )
            return False
        except OSError as exc:
            self.history.status.setText(
                fill(
                    QCoreApplication.translate("ConversationControl", "Not exported: %1: %2"),
                    path.name,
                    os_reason(exc),
                )
            )
            return False
        # The flavour as the Endpoints pane names it ("Cohere v2", not "cohere-v2"): an API
        # name, not translated.
        self.history.status.setText(
            fill(
                QCoreApplication.translate("ConversationControl", "Exported to %1 (%2)."),
                path.name,
                FLAVOUR_LABELS[flavour],
            )
        )
        return True

    def refresh_request(
        self,
        endpoint: EndpointConfig | None,
        message: str,
        build: Callable[[], ChatRequest],
    ) -> RequestPreview | None:
        """Show the body `build` makes for `endpoint` (or why not); None when Send is refused."""
        if endpoint is None:
            self.request.show_problem(
                "",
                QCoreApplication.translate(
                    "ConversationControl", "no endpoint: add one in the Endpoints pane"
                ),
            )
            return None
        try:
            preview = preview_request(endpoint, build())
        except InputError as exc:
            self.request.show_problem(_chat_url(endpoint), error_line(exc))
            return None
        self.request.show_preview(preview)
        if not message.strip():
            self.request.problem.setText(
                QCoreApplication.translate(
                    "ConversationControl", "The message box is empty: Send needs a message."
                )
            )
        return preview
