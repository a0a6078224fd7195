"""A pane's current error, shown once beside its cause, and the bar over results it made stale.

Issue 19: an error stays on show only while it is true. A pane owns one `PaneErrorLine` per
cause (the run, the form): the line shows the error in words, tells screen readers (its
accessible name is the message, its description the role), and is cleared by the pane when the
cause is fixed or the next action succeeds. The main window's status bar never repeats what a
line shows: it hears of each change through `error_changed`. A `StaleBar` sits over results from
before a failed run and dims them, so they cannot be read as the answer to the last run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QGraphicsOpacityEffect, QWidget

from workbench.api.errors import WorkbenchError
from workbench.ui.common.a11y import StatusLabel
from workbench.ui.common.error_text import error_line
from workbench.ui.common.l10n import fill

if TYPE_CHECKING:
    from workbench.ui.notices import NoticeCenter

DIMMED_OPACITY = 0.45
"""How visible stale results stay: readable, yet plainly not the current answer."""

Shown = WorkbenchError | str | Callable[[], str]
"""An error as a pane hands it over: a known error or a function saying the whole sentence in the
current language (both drawn again on a language switch), or words (drawn as they are)."""
Why = Shown
"""Why results are stale: a failed run's error, or a function saying the whole sentence in the
current language (results outdated for another reason, such as documents that no longer parse)."""


def shown_text(error: Shown) -> str:
    """The words a `PaneErrorLine` or a `StaleBar` shows for an error, in the current language."""
    if isinstance(error, WorkbenchError):
        return error_line(error)
    return error if isinstance(error, str) else error()


class PaneErrorLine(StatusLabel):
    """One cause's current error in a pane: hidden while there is none."""

    error_changed = Signal(str)
    """The error shown changed; payload: the text now shown, "" once cleared."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._error: Shown | None = None
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setProperty("role", "error")  # the style sheet colours it, dark scheme too
        self.setVisible(False)

    def show_error(self, error: Shown) -> None:
        """Show `error` as the cause's current error (replacing any earlier one)."""
        self._error = error
        self._draw()
        self.setVisible(True)
        self.error_changed.emit(self.text())

    def clear_error(self) -> None:
        """The cause is fixed or the next action succeeded: show nothing."""
        if self._error is None:
            return
        self._error = None
        self.clear()
        self.setVisible(False)
        self.error_changed.emit("")

    def has_error(self) -> bool:
        """Whether an error is on show."""
        return self._error is not None

    def error(self) -> Shown | None:
        """The error on show, as handed over (None when there is none)."""
        return self._error

    def changeEvent(self, event: QEvent) -> None:
        """Draw the error again in a new language (its title and place are translated)."""
        if event.type() == QEvent.Type.LanguageChange and self._error is not None:
            self._draw()
        super().changeEvent(event)

    def _draw(self) -> None:
        if self._error is not None:
            self.setText(shown_text(self._error))


class StaleBar(StatusLabel):
    """A bar over results from before a failed run: says so, and dims the results it covers.

    Its text passes the redactor and demo mode's masks (a server's message may name a host);
    screen readers read it as the bar's name.
    """

    def __init__(self, covers: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._covers = covers
        self._why: Why | None = None
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setProperty("role", "warning")
        self.setVisible(False)

    def mark_stale(self, why: Why) -> None:
        """The results shown are from before: say why, and dim them."""
        self._why = why
        self._draw()
        self.setVisible(True)
        effect = QGraphicsOpacityEffect(self._covers)
        effect.setOpacity(DIMMED_OPACITY)
        self._covers.setGraphicsEffect(effect)  # replaces (and deletes) an earlier one

    def mark_current(self) -> None:
        """The results shown answer the last run: no bar, no dimming."""
        if self._why is None:
            return
        self._why = None
        self.clear()
        self.setVisible(False)
        self._covers.setGraphicsEffect(None)  # type: ignore[arg-type]  # Qt takes None: no effect

    def is_stale(self) -> bool:
        """Whether the results are marked as from before."""
        return self._why is not None

    def why(self) -> Why | None:
        """What made them stale, as handed over."""
        return self._why

    def changeEvent(self, event: QEvent) -> None:
        """Say it again in a new language."""
        if event.type() == QEvent.Type.LanguageChange and self._why is not None:
            self._draw()
        super().changeEvent(event)

    def _draw(self) -> None:
        why = self._why
        assert why is not None
        if callable(why):
            text = why()
        else:
            template = QCoreApplication.translate(
                "StaleBar", "These results are from the previous run; the last run failed: %1"
            )
            text = fill(template, shown_text(why))
        self.setText(text)


def log_shown(notices: NoticeCenter, error: WorkbenchError, pane: str) -> None:
    """Keep an error a pane shows by itself in the notice log, never on the status bar."""
    notices.post_error(error, pane=pane, inline=True)
