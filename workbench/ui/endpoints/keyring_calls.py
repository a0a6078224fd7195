"""Endpoints pane keyring work that needs no form: the key typed checked, secret headers moved
out of plain settings, an endpoint's key and secret values forgotten.

The coroutines run through the pane's task runner. The texts keep the pane's translation context
("EndpointsPane"): they were the pane's before they moved here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from workbench.api.keys import check_key
from workbench.core.endpoints import EndpointSecrets

if TYPE_CHECKING:
    from workbench.ui.endpoint_session import EndpointSession
    from workbench.ui.notices import NoticeCenter


def typed_key(raw: str, notices: NoticeCenter) -> str:
    """The key typed (`raw`), trimmed (with a notice) and checked; '' when none was typed.

    Raises:
        InputError: a header cannot carry it (the message never shows it).
    """
    if not raw.strip():
        return ""
    checked = check_key(raw)
    if checked.trimmed:
        notices.info(
            QCoreApplication.translate("EndpointsPane", "Key trimmed"),
            QCoreApplication.translate(
                "EndpointsPane", "Spaces or line breaks around the pasted key were removed."
            ),
        )
    return checked.value


async def move_plain_secrets(session: EndpointSession, notices: NoticeCenter) -> None:
    """Move secret headers that older versions saved in plain settings into the keyring."""
    moved = await session.move_plain_secrets()
    if moved:
        notices.info(
            QCoreApplication.translate("EndpointsPane", "Secret headers moved to the keyring"),
            QCoreApplication.translate(
                "EndpointsPane", "Saved in plain settings by an older version: %1"
            ).replace("%1", ", ".join(moved)),
        )


async def forget_all(session: EndpointSession, endpoint_id: str) -> None:
    """Delete the endpoint's key and secret values from the keyring."""
    await session.set_key(endpoint_id, None)
    await session.store_secrets(endpoint_id, EndpointSecrets())
