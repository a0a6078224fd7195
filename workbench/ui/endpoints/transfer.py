"""Import and export of endpoint files for the endpoints pane: file dialogs, reading, notices."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from workbench.api.errors import InputError
from workbench.core.atomic import write_export
from workbench.core.endpoint_transfer import export_endpoints, import_endpoints
from workbench.core.errors import os_reason
from workbench.core.text_files import read_file_text
from workbench.ui.common.demo import is_demo
from workbench.ui.common.l10n import fill

if TYPE_CHECKING:
    from workbench.core.endpoints import EndpointConfig
    from workbench.ui.endpoint_session import EndpointSession
    from workbench.ui.notices import NoticeCenter


def ask_import_path(parent: QWidget) -> Path | None:
    """The file the person chose to import, or None."""
    title = QCoreApplication.translate("EndpointTransfer", "Import endpoints")
    path, _ = QFileDialog.getOpenFileName(parent, title, "", "JSON (*.json)")
    return Path(path) if path else None


def ask_export_path(parent: QWidget) -> Path | None:
    """The file the person chose to export to, or None."""
    title = QCoreApplication.translate("EndpointTransfer", "Export endpoints (no keys)")
    path, _ = QFileDialog.getSaveFileName(parent, title, "endpoints.json", "JSON (*.json)")
    return Path(path) if path else None


def import_file(
    path: Path, session: EndpointSession, notices: NoticeCenter
) -> list[EndpointConfig]:
    """Save the endpoints exported in this file; errors become notices naming where.

    Returns:
        The endpoints added (none when the file could not be read).
    """
    try:
        added = import_endpoints(read_file_text(path), session.endpoints())
    except InputError as exc:
        notices.post_error(exc)
        return []
    except OSError as exc:
        title = QCoreApplication.translate("EndpointTransfer", "Cannot read %1").replace(
            "%1", path.name
        )
        notices.post_error(_os_refusal(exc, title))
        return []
    for endpoint in added:
        session.save_endpoint(endpoint)
    count = len(added)  # no %n plural: lupdate marks plurals of translate() only for literals
    notices.info(
        fill(QCoreApplication.translate("EndpointTransfer", "Endpoints imported: %1"), count),
        QCoreApplication.translate("EndpointTransfer", "Enter each one's key, then Save."),
    )
    return added


def export_file(path: Path, session: EndpointSession, notices: NoticeCenter) -> None:
    """Write every endpoint (never a key; extra headers included) to this file; a failure (a
    folder, a full disk, a read-only share) becomes an error notice naming the file."""
    try:
        write_export(path, export_endpoints(session.endpoints()))
    except OSError as exc:
        title = QCoreApplication.translate("EndpointTransfer", "Cannot write %1").replace(
            "%1", path.name
        )
        notices.post_error(_os_refusal(exc, title))
        return
    detail = QCoreApplication.translate(
        "EndpointTransfer", "Keys are not exported. Extra headers are, as they are not secret."
    )
    if is_demo():  # the redactor masked them: say so, or the file looks broken later
        detail += " " + QCoreApplication.translate(
            "EndpointTransfer", "Demo mode is on: hosts are written as host.invalid."
        )
    title = QCoreApplication.translate("EndpointTransfer", "Exported endpoints to %1")
    notices.info(fill(title, path.name), detail)


def _os_refusal(exc: OSError, title: str) -> InputError:
    """A file the OS refused, named once by `title` ("Cannot read exports"), with the OS's
    reason: no errno, no full path, and no place repeating the name ("— at exports")."""
    return InputError(os_reason(exc), title=title)
