"""Endpoint form values: an endpoint's settings put in the fields, and what the fields hold read
back into a validated `EndpointConfig`.

The texts keep the form's translation context ("EndpointForm"): they were the form's before they
moved here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication

from workbench.api.errors import InputError
from workbench.core.endpoint_headers import SECRET_MASK
from workbench.core.endpoint_refusals import refusal
from workbench.core.endpoints import EndpointConfig, proxy_has_user, with_proxy_password
from workbench.ui.common.l10n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtWidgets import QComboBox

_FIELD_NAMES = {
    "name": QT_TRANSLATE_NOOP("EndpointForm", "Name"),
    "base_url": QT_TRANSLATE_NOOP("EndpointForm", "Base URL"),
    "timeout_s": QT_TRANSLATE_NOOP("EndpointForm", "Timeout"),
    "connect_timeout_s": QT_TRANSLATE_NOOP("EndpointForm", "Connect timeout"),
    "prices": QT_TRANSLATE_NOOP("EndpointForm", "Prices"),
    "extra_headers": QT_TRANSLATE_NOOP("EndpointForm", "Extra headers"),
}
"""The form's name for a settings field an error names (translated where shown)."""


def set_combo(combo: QComboBox, value: object) -> None:
    """Choose the item whose data is `value` (as a string), else the first."""
    index = combo.findData(str(value))
    combo.setCurrentIndex(max(index, 0))


def shown_proxy(proxy: str | None) -> str:
    """The proxy as its field shows it ("" for none)."""
    # A proxy password lives in the keyring: shown masked; left masked, it is kept.
    masked = with_proxy_password(proxy, SECRET_MASK)
    return (masked if proxy_has_user(proxy) else proxy) or ""


def validated(base: EndpointConfig, fields: dict[str, Any]) -> EndpointConfig:
    """The endpoint `base` with the settings the form's `fields` hold put over it.

    Raises:
        InputError: a field is invalid; `.where` names the field.
    """
    try:
        return EndpointConfig.model_validate({**base.model_dump(), **fields})
    except ValidationError as exc:
        first = exc.errors()[0]
        field = str(first["loc"][0]) if first["loc"] else ""
        where = _FIELD_NAMES.get(field, field)
        title = QCoreApplication.translate("EndpointForm", "Invalid endpoint")
        # The reason in the form's words (core's `refusal`, as an import says it), translated.
        raise InputError(
            refusal(first), title=title, where=QCoreApplication.translate("EndpointForm", where)
        ) from exc
