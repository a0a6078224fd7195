"""User-facing messages: the Notice value, and the one NoticeCenter every pane posts to."""

from __future__ import annotations

import dataclasses
import logging
import traceback
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from PySide6.QtCore import QCoreApplication, QObject, Signal

from workbench.api.errors import WorkbenchError
from workbench.api.redact import redact_text
from workbench.api.text import Text
from workbench.ui.common.core_text import shown
from workbench.ui.common.error_text import shown_title, shown_where
from workbench.ui.common.l10n import fill

Level = Literal["info", "warning", "error"]
_log = logging.getLogger("workbench.notices")
_HISTORY_LIMIT = 500


@dataclass(frozen=True)
class Notice:
    """One message for people: a title line, optional detail and where it happened."""

    level: Level
    title: str
    detail: str = ""
    where: str = ""
    at: datetime = field(default_factory=datetime.now, compare=False)
    pane: str = ""
    """The pane it is about (its registry key: "rerank", "chat", …); "" when it did not say."""
    inline: bool = False
    """The pane shows it beside its cause: it goes to the notice log, never to the status bar."""
    texts: tuple[Text | None, Text | None] = field(default=(None, None), compare=False)
    """The title and detail as the core made them (`workbench.api.text`), shown translated."""
    facts: ErrorFacts | None = field(default=None, compare=False)
    """An error's status, route and request id, which end `detail`: kept apart to be shown
    with their words in the current language."""

    def redacted(self) -> Notice:
        """The same notice with every secret masked (the center posts only these)."""
        return dataclasses.replace(
            self,
            title=redact_text(self.title),
            detail=redact_text(self.detail),
            where=redact_text(self.where),
            facts=self.facts.redacted() if self.facts is not None else None,
        )

    @classmethod
    def from_error(cls, exc: WorkbenchError, *, pane: str = "", inline: bool = False) -> Notice:
        """An error notice built from a known error: title, where, then the server's own text."""
        bits = [getattr(exc, "detail", "") or exc.server_message, getattr(exc, "advice", "")]
        said = " ".join(b for b in bits if b)
        facts = ErrorFacts(exc.status, exc.route or "", exc.request_id or "", said)
        return cls(
            "error",
            exc.title,
            detail=facts.english(),
            where=exc.where,
            pane=pane,
            inline=inline,
            texts=(exc.title_text, _own_words(exc)),
            facts=facts if facts.any() else None,
        )

    def shown_text(self) -> str:
        """The line the GUI shows: `text()` with its fixed parts in the current language.

        The notice itself keeps what was posted (the log is written in English); a title from
        the error tree is translated here (`ui/common/error_text.py`), the detail stays as it
        came (often the server's own words).
        """
        title_text = self.texts[0]
        line = shown(title_text) if title_text is not None else shown_title(self.title)
        if self.where:
            line = fill(
                QCoreApplication.translate("Notice", "%1 — at %2"), line, shown_where(self.where)
            )
        if self.detail:
            line = fill(QCoreApplication.translate("Notice", "%1: %2"), line, self._shown_detail())
        return line

    def _shown_detail(self) -> str:
        detail_text = self.texts[1]
        if self.facts is None:
            return shown(detail_text) if detail_text is not None else self.detail
        said = shown(detail_text) if detail_text is not None else self.facts.said
        return self.facts.shown(said)

    def shown_level(self) -> str:
        """The level as the notice list shows it, in the current language."""
        labels = {
            "info": QCoreApplication.translate("Notice", "info"),
            "warning": QCoreApplication.translate("Notice", "warning"),
            "error": QCoreApplication.translate("Notice", "error"),
        }
        return labels[self.level]

    def text(self) -> str:
        """One line: title, where, detail."""
        line = self.title
        if self.where:
            line += f" — at {self.where}"
        if self.detail:
            line += f": {self.detail}"
        return line


def _own_words(exc: WorkbenchError) -> Text | None:
    """An error's detail and advice as the workbench made them, to be shown in the GUI's
    language; None when there is nothing of its own (a server's text stays as it came).

    A core error's advice is a fixed text of the Core catalogue (`english()`); it goes in as a
    `Text`, as a value kept as a string is shown as it is.
    """
    detail = _detail(exc)
    advice: str = getattr(exc, "advice", "")
    if not advice:
        return detail if isinstance(detail, Text) else None
    return Text("%1 %2", detail, Text(advice)) if detail else Text(advice)


def _detail(exc: WorkbenchError) -> Text | str:
    """A core error's detail, else the error's message: a `Text` where the workbench made it."""
    if getattr(exc, "detail", ""):
        made: Text | None = getattr(exc, "detail_text", None)
        return made or str(getattr(exc, "detail", ""))
    return exc.message_text or exc.server_message


@dataclass(frozen=True)
class ErrorFacts:
    """What an error notice's detail ends with: `(HTTP 429, /v2/chat, request id abc)`."""

    status: int | None
    route: str
    request_id: str
    said: str
    """The detail before them: the server's own words, or the error's, and any advice."""

    def any(self) -> bool:
        return self.status is not None or bool(self.route or self.request_id)

    def english(self) -> str:
        """The detail as the log gets it."""
        request = f"request id {self.request_id}" if self.request_id else ""
        return self._joined(self.said, request)

    def shown(self, said: str) -> str:
        """The detail as the GUI shows it, `said` first (already in the current language)."""
        request = ""
        if self.request_id:
            request = fill(QCoreApplication.translate("Notice", "request id %1"), self.request_id)
        return self._joined(said, request)

    def _joined(self, said: str, request: str) -> str:
        status = f"HTTP {self.status}" if self.status is not None else ""
        facts = ", ".join(f for f in (status, self.route, request) if f)
        return " ".join(b for b in (said, f"({facts})" if facts else "") if b)

    def redacted(self) -> ErrorFacts:
        return ErrorFacts(
            self.status,
            redact_text(self.route),
            redact_text(self.request_id),
            redact_text(self.said),
        )


@dataclass(frozen=True)
class CrashReport:
    """An unexpected exception (a bug): shown in the crash dialog with its traceback."""

    summary: str
    traceback: str
    at: datetime = field(default_factory=datetime.now, compare=False)
    texts: tuple[Text | None, Text | None] = field(default=(None, None), compare=False)
    """The title and detail as the core made them (`workbench.api.text`), shown translated."""

    @classmethod
    def from_exception(cls, exc: BaseException, context: str = "") -> CrashReport:
        """Capture the exception's type, message and full traceback, every secret masked (the
        report is shown, copied into bug reports and logged)."""
        summary = f"{type(exc).__name__}: {exc}"
        if context:
            summary = f"{summary} (in {context})"
        text = "".join(traceback.format_exception(exc))
        return cls(summary=redact_text(summary), traceback=redact_text(text))


class NoticeCenter(QObject):
    """The single bus for user messages; the main window shows them, tests read `history()`."""

    notice_posted = Signal(object)
    """A `Notice` was posted."""
    crash_reported = Signal(object)
    """A `CrashReport` for an unexpected exception; the main window opens the crash dialog."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._history: list[Notice] = []
        self._crashes: list[CrashReport] = []

    def post(self, notice: Notice) -> None:
        """Record and broadcast a notice, every secret in it masked."""
        notice = notice.redacted()
        self._history.append(notice)
        del self._history[:-_HISTORY_LIMIT]
        _log.log(_LOG_LEVELS[notice.level], "%s", notice.text())
        self.notice_posted.emit(notice)

    def info(self, title: str, detail: str = "") -> None:
        """Post an info notice."""
        self.post(Notice("info", title, detail))

    def warn(self, title: str, detail: str = "", where: str = "") -> None:
        """Post a warning notice."""
        self.post(Notice("warning", title, detail, where))

    def post_error(
        self, exc: BaseException, context: str = "", *, pane: str = "", inline: bool = False
    ) -> None:
        """A known error becomes an error notice; anything else is reported as a crash.

        Args:
            exc: what went wrong.
            context: what was running (a task's key), for a crash report.
            pane: the pane it is about ("" when not known).
            inline: the pane shows it by itself (the notice is logged, not put on the status bar).
        """
        if isinstance(exc, WorkbenchError):
            self.post(Notice.from_error(exc, pane=pane, inline=inline))
        else:
            self.report_crash(exc, context)

    def report_crash(self, exc: BaseException, context: str = "") -> None:
        """Record an unexpected exception and ask for the crash dialog."""
        report = CrashReport.from_exception(exc, context)
        self._crashes.append(report)
        _log.error("Unexpected error: %s\n%s", report.summary, report.traceback)
        self.crash_reported.emit(report)

    def history(self) -> list[Notice]:
        """Notices posted so far, oldest first."""
        return list(self._history)

    def crashes(self) -> list[CrashReport]:
        """Crash reports so far, oldest first (tests assert this stays empty)."""
        return list(self._crashes)


_LOG_LEVELS: dict[str, int] = {
    "info": logging.INFO,
    "warning": logging.WARNING,
    "error": logging.ERROR,
}
