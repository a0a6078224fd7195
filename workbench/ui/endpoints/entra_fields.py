"""The endpoint form's Microsoft Entra ID rows: the token's scope and the token command."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.api.entra_defaults import DEFAULT_SCOPE, DEFAULT_TOKEN_COMMAND  # not httpx
from workbench.ui.endpoints.fields import add_row, line_edit

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

    from workbench.core.endpoints import EndpointConfig


class EntraFields:
    """Two fields shown only while Entra ID is the authentication scheme (no key is stored then)."""

    def __init__(self, parent: QWidget) -> None:
        self.scope: QLineEdit = line_edit(parent, "entraScope", "Entra ID scope", DEFAULT_SCOPE)
        self.scope.setToolTip(
            "The scope the token is asked for. Azure AI Foundry: https://ai.azure.com/.default; "
            "Azure OpenAI also takes https://cognitiveservices.azure.com/.default."
        )
        self.command: QLineEdit = line_edit(
            parent,
            "tokenCommand",
            "Token command",
            "azure-identity if installed, else the Azure CLI",
        )
        self.command.setToolTip(
            "A command printing the token as JSON (accessToken, expires_on), run without a shell; "
            f"{{scope}} is filled in. Default without azure-identity: {DEFAULT_TOKEN_COMMAND}"
        )

    @property
    def edits(self) -> tuple[QLineEdit, QLineEdit]:
        """Both fields, for wiring their edits."""
        return self.scope, self.command

    def add_rows(self, form: QFormLayout) -> None:
        """Add the rows (hidden until `show_rows(form, True)`)."""
        add_row(form, "Scope:", self.scope)
        add_row(form, "Token command:", self.command)

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
