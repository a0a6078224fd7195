"""The endpoint form's Microsoft Entra ID rows: the token's scope and the token command."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from workbench.api.entra_defaults import DEFAULT_SCOPE, DEFAULT_TOKEN_COMMAND  # not httpx
from workbench.ui.endpoints.fields import add_row, line_edit

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

    from workbench.core.endpoints import EndpointConfig


class EntraFields:
    """Two fields shown only while Entra ID is the authentication scheme (no key is stored then)."""

    def __init__(self, parent: QWidget) -> None:
        self.scope: QLineEdit = line_edit(parent, "entraScope", placeholder=DEFAULT_SCOPE)
        self.command: QLineEdit = line_edit(parent, "tokenCommand")
        self._labels: list[QLabel] = []

    def retranslate(self) -> None:
        """Set the rows' texts in the current language (the form calls this)."""
        self.scope.setAccessibleName(QCoreApplication.translate("EntraFields", "Entra ID scope"))
        self.scope.setToolTip(
            QCoreApplication.translate(
                "EntraFields",
                "The scope the token is asked for. Azure AI Foundry: "
                "https://ai.azure.com/.default; Azure OpenAI also takes "
                "https://cognitiveservices.azure.com/.default.",
            )
        )
        self.command.setAccessibleName(QCoreApplication.translate("EntraFields", "Token command"))
        self.command.setPlaceholderText(
            QCoreApplication.translate(
                "EntraFields", "azure-identity if installed, else the Azure CLI"
            )
        )
        tip = QCoreApplication.translate(
            "EntraFields",
            "A command printing the token as JSON (accessToken, expires_on), run without a "
            "shell; {scope} is filled in. Default without azure-identity: %1",
        )
        self.command.setToolTip(tip.replace("%1", DEFAULT_TOKEN_COMMAND))
        # Shown instead of the key's rows: Token command takes API key's letter.
        texts = (
            QCoreApplication.translate("EntraFields", "S&cope:"),
            QCoreApplication.translate("EntraFields", "To&ken command:"),
        )
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)

    @property
    def edits(self) -> tuple[QLineEdit, QLineEdit]:
        """Both fields, for wiring their edits."""
        return self.scope, self.command

    def add_rows(self, form: QFormLayout) -> None:
        """Add the rows (hidden until `show_rows(form, True)`)."""
        self._labels = [add_row(form, "", self.scope), add_row(form, "", self.command)]

    def show_rows(self, form: QFormLayout, visible: bool) -> None:
        """Show or hide both rows, labels included."""
        for edit in self.edits:
            form.setRowVisible(edit, visible)

    def load(self, endpoint: EndpointConfig) -> None:
        """Show the endpoint's scope and command (empty for the defaults)."""
        self.scope.setText(endpoint.entra_scope or "")
        self.command.setText(endpoint.token_command or "")

    def values(self) -> dict[str, Any]:
        """The fields as EndpointConfig values (blank becomes None there)."""
        return {"entra_scope": self.scope.text(), "token_command": self.command.text()}
