"""History files: run files and demo scripts written and read, a failure said on the status line.

The texts keep the pane's translation context ("HistoryPane"): they were the pane's before they
moved here, and the translations hold them there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication

from workbench.api.errors import InputError
from workbench.core.atomic import write_export
from workbench.core.errors import os_reason
from workbench.core.runs import demo, portable
from workbench.ui.common.error_text import error_line
from workbench.ui.common.l10n import fill

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from workbench.core.runs.store import RunRecord
    from workbench.ui.common.a11y import StatusLabel

T = TypeVar("T")


def written(path: Path, text: str, status: StatusLabel) -> bool:
    """Write `text` to `path`; a failure (a folder, a full disk, a read-only share) is said
    on the status line, and False returned."""
    try:
        write_export(path, text)
    except OSError as exc:
        reason = f"{path.name}: {os_reason(exc)}"
        status.say(
            lambda: fill(QCoreApplication.translate("HistoryPane", "Not written: %1"), reason)
        )
        return False
    return True


def read_demo(path: Path, status: StatusLabel) -> demo.DemoScript | None:
    """The demo script in `path` (None, the file named on the status line, when it is bad)."""
    return _read(
        path,
        status,
        demo.loads,
        lambda: QCoreApplication.translate("HistoryPane", "Not opened: %1"),
    )


def read_runs(path: Path, status: StatusLabel) -> list[RunRecord] | None:
    """The runs of a portable file, with fresh ids (None, the file named on the status line,
    when it is malformed)."""
    return _read(
        path,
        status,
        lambda text: portable.fresh_ids(portable.loads(text)),
        lambda: QCoreApplication.translate("HistoryPane", "Not imported: %1"),
    )


def _read(
    path: Path, status: StatusLabel, parse: Callable[[str], T], failed: Callable[[], str]
) -> T | None:
    """`parse` of the file's text; None, with `failed` ("Not …: %1") and why on the status
    line, when the file cannot be read or parsed."""
    try:
        return parse(portable.read_file(path))
    except (OSError, InputError) as exc:
        error = exc  # `exc` is unbound after the block; the line is made again later
        status.say(lambda: fill(failed(), _file_reason(path, error)))
        return None


def _file_reason(path: Path, exc: OSError | InputError) -> str:
    """Why a file was not read, after its name, in the current language (made again when the
    language changes)."""
    reason = os_reason(exc) if isinstance(exc, OSError) else error_line(exc)
    return f"{path.name}: {reason}"
