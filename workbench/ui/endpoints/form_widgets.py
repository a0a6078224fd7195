"""Endpoint form widgets: every field built, named, given its buddy label, and laid out.

The base of `EndpointForm`, as a Designer form would be: it holds no texts (the form's
`retranslate_ui` sets them, so they stay in the form's translation context) and no behaviour.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.core.endpoints import AUTH_LABELS, FLAVOUR_LABELS
from workbench.ui.common.a11y import StatusLabel
from workbench.ui.common.section import Section
from workbench.ui.endpoints.entra_fields import EntraFields
from workbench.ui.endpoints.fields import (
    add_row,
    combo_box,
    line_edit,
    price_edit,
    seconds_spin,
)
from workbench.ui.endpoints.headers import HeadersEditor

_EXTRA_PARAMETERS = ["", "pass-through", "drop", "error"]


class EndpointFormWidgets(QWidget):
    """Name, URL, flavour, model and key on top; the Connection and Prices sections below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build_ui()
        self._layout_fields()

    def _build_ui(self) -> None:
        self._name = line_edit(self, "endpointName")
        self._url = line_edit(self, "baseUrl")
        self._url.setPlaceholderText("https://<deployment>.<region>.models.ai.azure.com")
        self._final_url = StatusLabel(self)
        self._final_url.setObjectName("finalUrlLabel")
        self._final_url.setTextInteractionFlags(
            self._final_url.textInteractionFlags().TextSelectableByMouse
        )
        self._final_url.setWordWrap(True)
        self._url_warning = StatusLabel(self)
        self._url_warning.setObjectName("urlWarningLabel")
        self._url_warning.setProperty("role", "warning")
        self._url_warning.setWordWrap(True)
        # Flavour names are API names ("Cohere v2", "OpenAI-compatible"): never translated.
        self._flavour = combo_box(
            self, "flavour", "", {f.value: t for f, t in FLAVOUR_LABELS.items()}
        )
        self._model = line_edit(self, "model")
        self._model_problem = StatusLabel(self)
        self._model_problem.setObjectName("modelProblemLabel")
        self._model_problem.setProperty("role", "error")
        self._model_problem.setWordWrap(True)
        self._model_problem.setVisible(False)
        self._auth = combo_box(self, "authScheme", "", {a.value: t for a, t in AUTH_LABELS.items()})
        self._key = line_edit(self, "apiKey")
        self._key.setEchoMode(QLineEdit.EchoMode.Password)
        self._key_hint = StatusLabel(self)
        self._key_hint.setObjectName("keyHintLabel")
        self._forget_key = QPushButton(self)
        self._forget_key.setObjectName("forgetKeyButton")
        self._entra = EntraFields(self)
        # Demo mode's stand-in for the hidden rows. A plain label: the redactor would take the
        # auth label "Authorization: Bearer" for a header with its key.
        self._summary = QLabel(self)
        self._summary.setObjectName("connectionSummaryLabel")
        self._summary.setWordWrap(True)
        self._build_connection_fields()

    def _build_connection_fields(self) -> None:
        self._api_version = line_edit(self, "apiVersion")
        self._extra = combo_box(self, "extraParameters", "", {v: v for v in _EXTRA_PARAMETERS})
        self._ca_bundle = line_edit(self, "caBundle")
        self._browse_ca = QPushButton(self)
        self._browse_ca.setObjectName("browseCaButton")
        self._proxy = line_edit(self, "proxy")
        self._timeout = seconds_spin(self, "timeout", "", 120)
        self._connect_timeout = seconds_spin(self, "connectTimeout", "", 10)
        self._headers = HeadersEditor(self)  # created in layout order: that is the Tab order
        self._price_in = price_edit(self, "priceInput")
        self._price_out = price_edit(self, "priceOutput")
        self._price_search = price_edit(self, "priceSearch")

    def _layout_fields(self) -> None:
        main = self._main = QFormLayout()
        self._row_labels = [add_row(main, "", self._name)]
        self._summary_label = QLabel(self)
        main.addRow(self._summary_label, self._summary)
        self._row_labels.append(add_row(main, "", self._url))
        main.addRow("", self._final_url)
        main.addRow("", self._url_warning)
        self._row_labels += [add_row(main, "", widget) for widget in (self._flavour, self._model)]
        main.addRow("", self._model_problem)
        self._row_labels += [add_row(main, "", widget) for widget in (self._auth, self._key)]
        key_row = QHBoxLayout()
        key_row.addWidget(self._key_hint, 1)
        key_row.addWidget(self._forget_key)
        main.addRow("", key_row)
        self._key_row = key_row
        self._entra.add_rows(main)
        self._layout_sections()

    def _layout_sections(self) -> None:
        # Alt+letter goes to a section, not to each of its fields: 26 letters minus the menu
        # bar's cannot cover every field of this pane without two controls sharing one.
        self._advanced = advanced = Section("connectionGroup", self)
        adv = QFormLayout(advanced)
        self._adv_labels = [add_row(adv, "", w) for w in (self._api_version, self._extra)]
        ca_row = QHBoxLayout()
        ca_row.addWidget(self._ca_bundle, 1)
        ca_row.addWidget(self._browse_ca)
        ca_label = QLabel(advanced)
        ca_label.setBuddy(self._ca_bundle)
        adv.addRow(ca_label, ca_row)
        self._adv_labels.append(ca_label)
        self._adv_labels += [
            add_row(adv, "", w) for w in (self._proxy, self._timeout, self._connect_timeout)
        ]
        headers_label = QLabel(advanced)
        headers_label.setBuddy(self._headers.field)
        adv.addRow(headers_label, self._headers)
        self._adv_labels.append(headers_label)
        self._prices = prices = Section("pricesGroup", self)
        pr = QFormLayout(prices)
        self._price_labels = [
            add_row(pr, "", w) for w in (self._price_in, self._price_out, self._price_search)
        ]
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self._main)
        outer.addWidget(advanced)
        outer.addWidget(prices)
        outer.addStretch(1)
