"""The endpoint editor: every setting of one endpoint, with the final URL and a masked key field."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from workbench.api import flavour_traits
from workbench.api.errors import InputError
from workbench.api.models import AuthScheme, Flavour
from workbench.core.endpoints import (
    FLAVOUR_LABELS,
    EndpointConfig,
    EndpointSecrets,
    Prices,
    split_proxy,
)
from workbench.ui.common.demo import HIDDEN_PROPERTY, is_demo, mark_hidden, shown_url
from workbench.ui.common.error_text import error_message
from workbench.ui.common.l10n import fill
from workbench.ui.common.retranslate import Retranslating
from workbench.ui.endpoints.form_values import set_combo, shown_proxy, validated
from workbench.ui.endpoints.form_widgets import EndpointFormWidgets
from workbench.ui.endpoints.url_preview import apply_pasted_url, check_url, final_urls


def auth_labels() -> dict[AuthScheme, str]:
    """Each authentication scheme as the form lists it, in the current language."""
    return {
        AuthScheme.BEARER: "Authorization: Bearer",
        AuthScheme.API_KEY: QCoreApplication.translate("EndpointForm", "api-key header"),
        AuthScheme.X_API_KEY: QCoreApplication.translate("EndpointForm", "x-api-key header"),
        AuthScheme.ENTRA: QCoreApplication.translate("EndpointForm", "Microsoft Entra ID (no key)"),
        AuthScheme.NONE: QCoreApplication.translate("EndpointForm", "No authentication"),
    }


class EndpointForm(Retranslating, EndpointFormWidgets):
    """Edits one endpoint; `endpoint()` validates and returns it, `key_text()` the typed key."""

    changed = Signal()
    """The person edited a field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original: EndpointConfig | None = None
        self._hint: str | None = None
        """The stored key's hint as the pane gave it (None: not yet): said again on a switch."""
        self.retranslate_ui()
        self._connect_signals()
        self._update_url_preview()

    # --- texts and wiring ---------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every static text in the current language (also on `LanguageChange`)."""
        texts = (
            (self._name, self.tr("&Name:"), self.tr("Endpoint name")),
            (self._url, self.tr("&Base URL:"), self.tr("Base URL")),
            (self._flavour, self.tr("F&lavour:"), self.tr("Flavour")),
            (self._model, self.tr("&Model:"), self.tr("Model")),
            (self._auth, self.tr("A&uthentication:"), self.tr("Authentication scheme")),
            (self._key, self.tr("API &key:"), self.tr("API key")),
        )
        for label, (widget, text, accessible) in zip(self._row_labels, texts, strict=True):
            label.setText(text)
            widget.setAccessibleName(accessible)
        self._name.setPlaceholderText(self.tr("e.g. Azure rerank (Sweden)"))
        self._model.setPlaceholderText(self.tr("server's default (one model per deployment)"))
        self._key.setPlaceholderText(self.tr("paste a key to store it in the keyring"))
        self._final_url.setAccessibleName(self.tr("Final URLs"))
        self._url_warning.setAccessibleName(self.tr("URL warning"))  # described so when shown
        self._summary_label.setText(self.tr("Connection:"))
        # No name of its own: a screen reader reads the summary shown, the role described.
        self._summary.setAccessibleDescription(self.tr("Connection summary"))
        self._key_hint.setAccessibleName(self.tr("Stored key"))
        self._model_problem.setAccessibleName(self.tr("Model problem"))
        if self._model_problem.text():
            self._model_problem.setText(self._model_needed_text())
        self._forget_key.setText(self.tr("For&get stored key"))
        self._forget_key.setAccessibleName(self.tr("Forget stored key"))
        if self._hint is not None:
            self.set_key_hint(self._hint)
        for index, text in enumerate(auth_labels().values()):
            self._auth.setItemText(index, text)
        self._retranslate_connection()
        self._entra.retranslate()
        self._update_url_preview()

    def _retranslate_connection(self) -> None:
        self._advanced.setTitle(self.tr("C&onnection"))
        texts = (
            (self._api_version, "api-version:", "api-version"),
            (self._extra, "extra-parameters:", self.tr("extra-parameters header")),
            (self._ca_bundle, self.tr("CA bundle:"), self.tr("Custom CA bundle")),
            (self._proxy, self.tr("Proxy:"), self.tr("Proxy")),
            (self._timeout, self.tr("Timeout:"), self.tr("Timeout")),
            (self._connect_timeout, self.tr("Connect timeout:"), self.tr("Connect timeout")),
            (self._headers.field, self.tr("Extra headers:"), None),
        )
        for label, (widget, text, accessible) in zip(self._adv_labels, texts, strict=True):
            label.setText(text)
            if accessible is not None:
                widget.setAccessibleName(accessible)
        self._api_version.setPlaceholderText(self.tr("not sent (e.g. 2024-05-01-preview)"))
        self._extra.setItemText(0, self.tr("not sent"))
        self._ca_bundle.setPlaceholderText(self.tr("system trust store"))
        self._proxy.setPlaceholderText(self.tr("system proxy settings"))
        self._browse_ca.setText(self.tr("Browse…"))
        self._browse_ca.setAccessibleName(self.tr("Browse for a CA bundle"))
        self._prices.setTitle(self.tr("&Prices (for cost estimates)"))
        prices = (
            (
                self._price_in,
                self.tr("Input / 1M tokens:"),
                self.tr("Input price per million tokens"),
            ),
            (
                self._price_out,
                self.tr("Output / 1M tokens:"),
                self.tr("Output price per million tokens"),
            ),
            (
                self._price_search,
                self.tr("Search / 1,000 units:"),
                self.tr("Price per 1,000 search units"),
            ),
        )
        for label, (widget, text, accessible) in zip(self._price_labels, prices, strict=True):
            label.setText(text)
            widget.setAccessibleName(accessible)
            widget.setPlaceholderText(self.tr("unknown"))

    def _connect_signals(self) -> None:
        for edit in (
            self._name,
            self._url,
            self._model,
            self._key,
            self._api_version,
            self._ca_bundle,
            self._proxy,
            self._price_in,
            self._price_out,
            self._price_search,
            *self._entra.edits,
        ):
            edit.textEdited.connect(self._on_field_edited)
        for combo in (self._flavour, self._auth, self._extra):
            combo.activated.connect(self._on_field_edited)
        for spin in (self._timeout, self._connect_timeout):
            spin.valueChanged.connect(self._on_field_edited)
        self._headers.edited.connect(self._on_field_edited)
        self._url.editingFinished.connect(self._on_url_editing_finished)
        self._browse_ca.clicked.connect(self._on_browse_ca_clicked)

    # --- public -----------------------------------------------------------------------------

    @property
    def forget_key_button(self) -> QPushButton:
        """The button that deletes the stored key (the pane wires it)."""
        return self._forget_key

    def load(self, endpoint: EndpointConfig) -> None:
        """Show an endpoint (the key field starts empty: keys are never shown again)."""
        self._original = endpoint
        self._show_model_problem("")
        self._name.setText(endpoint.name)
        self._url.setText(endpoint.base_url)
        self._url.setReadOnly(endpoint.is_sandbox)
        set_combo(self._flavour, endpoint.flavour)
        self._model.setText(endpoint.model or "")
        set_combo(self._auth, endpoint.auth)
        self._key.clear()
        self._entra.load(endpoint)
        self._api_version.setText(endpoint.api_version or "")
        set_combo(self._extra, endpoint.extra_parameters or "")
        self._ca_bundle.setText(endpoint.ca_bundle or "")
        self._proxy.setText(shown_proxy(endpoint.proxy))
        self._timeout.setValue(endpoint.timeout_s)
        self._connect_timeout.setValue(endpoint.connect_timeout_s)
        self._headers.set_headers(endpoint.extra_headers, endpoint.keyring_headers)
        for edit, value in (
            (self._price_in, endpoint.prices.input_per_million),
            (self._price_out, endpoint.prices.output_per_million),
            (self._price_search, endpoint.prices.per_thousand_search_units),
        ):
            edit.set_value(value)
        self._update_url_preview()

    def endpoint(self) -> EndpointConfig:
        """The endpoint as edited (same id as loaded).

        Raises:
            InputError: a field is invalid; `.where` names the field.
        """
        base = self._original or EndpointConfig(name="new", base_url="https://example.invalid")
        if not base.is_sandbox:
            self._apply_pasted_url()
            self._update_url_preview()
        fields: dict[str, Any] = {
            "name": self._name.text(),
            "base_url": self._url.text(),
            "flavour": self.flavour(),
            "model": self._model.text(),
            "auth": self.auth_scheme(),
            **self._entra.values(),
            "api_version": self._api_version.text(),
            "extra_parameters": self._extra.currentData() or None,
            "ca_bundle": self._ca_bundle.text(),
            "proxy": self._proxy.text(),
            "timeout_s": self._timeout.value(),
            "connect_timeout_s": self._connect_timeout.value(),
            "extra_headers": self._headers.block().plain,
            "keyring_headers": list(self._headers.block().secret),
            "prices": Prices(
                input_per_million=self._price_in.value(),
                output_per_million=self._price_out.value(),
                per_thousand_search_units=self._price_search.value(),
                currency=base.prices.currency,
            ),
        }
        if not base.is_sandbox:
            check_url(fields["base_url"])
        return validated(base, fields)

    def check_model(self, endpoint: EndpointConfig) -> None:
        """Refuse to save what the panes would refuse: no model where the flavour's chat call
        needs one (a connection test still runs: it asks `/info`, which needs no model).

        Said at the Model field, in words, and raised for the pane's "Not saved" line.

        Raises:
            InputError: the flavour needs a model and none is typed.
        """
        if not flavour_traits(endpoint.flavour).model_required or endpoint.model:
            self._show_model_problem("")
            return
        text = self._model_needed_text()
        self._show_model_problem(text)
        raise InputError(text, title=self.tr("Model required"), where=self.tr("Model"))

    def _model_needed_text(self) -> str:
        return self.tr(
            "%1 needs a model name: Chat refuses to send without one. On an Azure serverless "
            "deployment any name works (the deployment serves its own model)."
        ).replace("%1", FLAVOUR_LABELS[self.flavour()])

    def _show_model_problem(self, text: str) -> None:
        self._model_problem.setText(text)
        self._model_problem.setVisible(bool(text))

    def model_problem(self) -> str:
        """What the Model field's message says now ("" when nothing)."""
        return self._model_problem.text()

    def key_text(self) -> str:
        """The key typed in the masked field, as typed ('' keeps the stored one; none with
        Entra ID)."""
        return "" if self.auth_scheme() is AuthScheme.ENTRA else self._key.text()

    def typed_secrets(self) -> EndpointSecrets:
        """Secret header values and the proxy password as typed (SECRET_MASK: keep the stored).

        Raises:
            InputError: an extra header line is malformed.
        """
        password = split_proxy(self._proxy.text().strip() or None)[1]
        return EndpointSecrets(self._headers.block().secret, password)

    def clear_key(self) -> None:
        """Empty the key field (after it was stored)."""
        self._key.clear()

    def set_key_hint(self, hint: str) -> None:
        """Show what may be shown of the stored key (`stored ••••1234`), or that there is none."""
        self._hint = hint
        stored = hint.startswith("stored")
        if stored:
            hint = self.tr("stored %1").replace("%1", hint.removeprefix("stored").strip())
        elif hint == "keyring unavailable":
            hint = self.tr("keyring unavailable")
        self._key_hint.setText(hint or self.tr("no key stored"))
        self._forget_key.setEnabled(stored)

    # --- slots ------------------------------------------------------------------------------

    def _on_field_edited(self, *_: object) -> None:
        self._update_url_preview()
        if self._model_problem.text() and (
            self._model.text().strip() or not flavour_traits(self.flavour()).model_required
        ):
            self._show_model_problem("")  # fixed: a model typed, or a flavour that needs none
        self.changed.emit()

    def _on_url_editing_finished(self) -> None:
        self._apply_pasted_url()
        self._on_field_edited()

    def _apply_pasted_url(self) -> None:
        # Also run on save and test: Ctrl+S leaves the focus in the field (no editingFinished).
        apply_pasted_url(self._url, self._flavour, self._api_version)

    def _on_browse_ca_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a CA bundle"),
            "",
            self.tr("PEM bundles (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self._ca_bundle.setText(path)
            self._on_field_edited()

    # --- helpers ----------------------------------------------------------------------------

    def apply_demo_mode(self, on: bool) -> None:
        """Hide the connection details behind a masked summary (on), or show them again."""
        self._update_url_preview()

    def _show_rows(self) -> None:
        # With Entra ID there is no key to type or store: its two rows take the key's place.
        # Demo mode hides every row that says where and how to connect (issue 17).
        demo = is_demo()
        entra = self.auth_scheme() is AuthScheme.ENTRA
        for row, visible in (
            (self._url, True),
            (self._final_url, True),
            (self._url_warning, True),
            (self._auth, True),
            (self._key, not entra),
            (self._key_row, not entra),
        ):
            self._main.setRowVisible(row, visible and not demo)
        self._entra.show_rows(self._main, entra and not demo)
        self._main.setRowVisible(self._summary, demo)
        mark_hidden(self._advanced, demo)
        for widget in self._connection_widgets():
            widget.setProperty(HIDDEN_PROPERTY, demo)
        if demo:
            url = shown_url(self._url.text().strip()) or "—"
            auth = auth_labels()[self.auth_scheme()]  # as the hidden list says it
            # One pass: a URL may hold "%2" of its own (an escaped "/" is "%2F").
            self._summary.setText(fill(self.tr("Hidden in demo mode: %1 · %2"), url, auth))

    def _connection_widgets(self) -> list[QWidget]:
        """What demo mode hides besides the Connection box: URL, key and auth rows, labels too."""
        fields: list[QWidget] = [
            self._url,
            self._final_url,
            self._url_warning,
            self._auth,
            self._key,
            self._key_hint,
            self._forget_key,
            *self._entra.edits,
        ]
        labels = [self._main.labelForField(w) for w in fields]
        return [*fields, *(w for w in labels if w is not None)]

    def _update_url_preview(self) -> None:
        self._show_rows()
        text = self._url.text().strip()
        try:
            urls, warning = final_urls(text, self.flavour(), self._api_version.text().strip())
        except InputError as exc:
            # The refusal takes the final URLs' row; the warning's row, which `_show_rows` has
            # just shown, is hidden below like any empty warning.
            urls, warning = error_message(exc), ""
        self._final_url.setText(urls)
        self._url_warning.setText(warning)
        self._url_warning.setVisible(bool(warning) and not is_demo())

    def auth_scheme(self) -> AuthScheme:
        """The authentication scheme currently chosen."""
        return AuthScheme(self._auth.currentData())

    def flavour(self) -> Flavour:
        """The flavour currently chosen (Qt hands enum data back as plain strings)."""
        return Flavour(self._flavour.currentData())
