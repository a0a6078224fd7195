"""Endpoint form URL help: the final URLs a base URL gives, a pasted full route taken apart into
its fields, and the check of the base URL before a save or a test.

The texts keep the form's translation context ("EndpointForm"): they were the form's before they
moved here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from workbench.api.errors import InputError
from workbench.api.urls import build_url, parse_pasted_url, repeated_version, route_family
from workbench.core.endpoints import is_plain_http_off_loopback
from workbench.ui.common.core_text import shown
from workbench.ui.endpoints.form_values import set_combo

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox, QLineEdit

    from workbench.api.models import Flavour


def final_urls(text: str, flavour: Flavour, api_version: str) -> tuple[str, str]:
    """The final-URL lines for the base URL `text`, and warnings: unencrypted, or a version the
    routes add again.

    Both are "" for an empty URL; `api_version` is the field's (blank: the URL's own, if any).

    Raises:
        InputError: `text` is not a URL the form can use.
    """
    pasted = parse_pasted_url(text) if text else None
    if pasted is None:
        return "", ""
    version = api_version or pasted.api_version
    urls = [
        f"{kind}: {build_url(pasted.base_url, flavour, kind, version)}"
        for kind in ("rerank", "chat", "info")
    ]
    family = route_family(pasted.base_url, flavour)
    if family:
        looks = QCoreApplication.translate("EndpointForm", "Looks like: %1")
        urls.insert(0, looks.replace("%1", family))
    warnings = []
    repeated = repeated_version(pasted.base_url, flavour)
    if repeated is not None:
        warnings.append(shown(repeated))
    if is_plain_http_off_loopback(text):
        warnings.append(
            QCoreApplication.translate(
                "EndpointForm",
                "Plain http:// to another machine: the key and your data travel "
                "unencrypted. Use https:// unless this is a trusted network.",
            )
        )
    return "\n".join(urls), "\n".join(warnings)


def apply_pasted_url(url: QLineEdit, flavour: QComboBox, api_version: QLineEdit) -> None:
    """Take a pasted full route apart: keep its base in `url`, fill in the flavour and the
    api-version it shows (an api-version already typed stays)."""
    try:
        pasted = parse_pasted_url(url.text())
    except InputError:
        return
    if pasted.base_url != url.text().strip():
        url.setText(pasted.base_url)
        if pasted.flavour is not None:
            set_combo(flavour, pasted.flavour)
    if pasted.api_version and not api_version.text():
        api_version.setText(pasted.api_version)


def check_url(text: str) -> None:
    """Refuse a base URL the form cannot use, naming the Base URL field.

    Raises:
        InputError: `text` is not an http:// or https:// URL the form can use.
    """
    try:
        parse_pasted_url(text)
    except InputError as exc:
        title = QCoreApplication.translate("EndpointForm", "Invalid endpoint")
        where = QCoreApplication.translate("EndpointForm", "Base URL")
        message = exc.message_text or exc.server_message
        raise InputError(message, title=title, where=where) from exc
