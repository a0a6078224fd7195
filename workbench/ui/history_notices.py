"""The run history at start-up and quit: opened, or a notice why not; what it refused, said.

Its modules load only when it opens (after the first paint), so the window never waits for them.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from workbench.api.redact import redact_text
from workbench.ui.common.core_text import shown
from workbench.ui.common.l10n import fill

if TYPE_CHECKING:
    import asyncio

    from workbench.core.runs.aside import KeptAside
    from workbench.core.runs.history import History
    from workbench.ui.notices import NoticeCenter


def open_history(notices: NoticeCenter, loop: asyncio.AbstractEventLoop) -> History | None:
    """The run history, or None (with a notice saying why) when its file cannot be opened.

    Writes the database refuses later are said too, on `loop` (the writer has its own thread),
    and runs a side file kept at the last close once they are in the history.
    """
    import sqlite3  # here, as the history's own modules: not needed for the first paint

    from workbench.core.runs.database import unopened_reason
    from workbench.core.runs.history import History

    def refused(exc: sqlite3.Error) -> None:
        loop.call_soon_threadsafe(_say_runs_not_recorded, notices, str(exc))

    def restored(news: KeptAside) -> None:
        loop.call_soon_threadsafe(_say_restored, notices, news)

    try:
        history = History(on_refused=refused, on_restored=restored)
    except (OSError, sqlite3.Error) as exc:
        reason = QCoreApplication.translate("App", "The history database could not be opened: %1")
        title = QCoreApplication.translate("App", "Run history is off")
        notices.warn(title, fill(reason, unopened_reason(exc)))
        return None
    if history.notice:
        started_afresh = QCoreApplication.translate("App", "Run history started afresh")
        notices.warn(started_afresh, shown(history.notice))
    return history


def _say_runs_not_recorded(notices: NoticeCenter, reason: str) -> None:
    """Say that the run history refused writes (once per spell: the writer tells only then)."""
    title = QCoreApplication.translate("App", "Runs not recorded")
    detail = QCoreApplication.translate(
        "App",
        "The run history refused a write (%1). What it refused is kept and written once it "
        "accepts writes again; if it still refuses when the workbench closes, it is kept in a "
        "file beside the history and added at the next start.",
    )
    notices.warn(title, fill(detail, reason))


def _say_restored(notices: NoticeCenter, news: KeptAside) -> None:
    """Say that runs kept aside at the last close are in the history now, or why they are not."""
    if news.error:
        title = QCoreApplication.translate("App", "Kept runs not restored")
        detail = QCoreApplication.translate(
            "App",
            "The runs kept aside in %1 could not be added to the run history (%2). The file "
            "was kept.",
        )
        notices.warn(title, fill(detail, news.path, news.error))
        return
    title = QCoreApplication.translate("App", "Runs restored: %1")
    detail = QCoreApplication.translate(
        "App",
        "The run history refused these runs when the workbench last closed; they were kept "
        "aside and are in the history now.",
    )
    notices.info(fill(title, news.runs), detail)


def say_kept(notices: NoticeCenter, kept: list[KeptAside]) -> None:
    """Say where runs the history refused at quit went: on stderr, the only place still seen,
    and as notices, which the log keeps."""
    from workbench.core.runs.aside import kept_line

    for news in kept:
        line = redact_text(f"workbench: {kept_line(news)}")  # as every line printed
        print(line, file=sys.stderr, flush=True)  # noqa: T201
        if news.error:
            title = QCoreApplication.translate("App", "Runs not recorded: %1")
            detail = QCoreApplication.translate(
                "App", "The run history refused them and %1 could not be written (%2)."
            )
            notices.warn(fill(title, news.runs), fill(detail, news.path, news.error))
        else:
            title = QCoreApplication.translate("App", "Runs kept aside: %1")
            detail = QCoreApplication.translate(
                "App",
                "The run history refused them; they were kept in %1 and are added to it at "
                "the next start.",
            )
            notices.warn(fill(title, news.runs), fill(detail, news.path))
