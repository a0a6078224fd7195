"""RunView: one run in the inspector and timeline, followed live while it is still running.

A running run is read again on a timer: only the events recorded since the last look (by their
number) are fetched and appended, so a long stream costs each tick what arrived since the one
before, and the UI never re-reads or re-lays out what it already shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from workbench.core.runs.inspect import describe, describe_head, event_line
from workbench.core.runs.timeline import group_timeline, timeline_of
from workbench.ui.common.core_text import shown as say
from workbench.ui.common.demo import shown
from workbench.ui.common.l10n import fill, format_count

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QPlainTextEdit

    from workbench.core.runs.store import RunRecord, RunStore
    from workbench.ui.history.timeline import TimelineChart

LIVE_INTERVAL_MS = 200
"""How often a running run is read again (a few times a second: smooth, and cheap)."""


class RunView(QObject):
    """Shows one run (or none) in an inspector and a timeline; follows it while it runs."""

    run_finished = Signal(str)
    """Emitted with the run id when a run followed live is no longer running."""

    def __init__(
        self,
        *,
        store: Callable[[], RunStore | None],
        inspector: QPlainTextEdit,
        timeline: TimelineChart,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._inspector = inspector
        self._timeline = timeline
        self._record: RunRecord | None = None
        self._shown: list[RunRecord] = []
        """What `redraw` shows again: the run, or a batched run's requests."""
        self._seq = 0
        self._times: list[float] = []
        """The followed run's event times, extended by each tick (not rebuilt from every event)."""
        self._timer = QTimer(self)
        self._timer.setInterval(LIVE_INTERVAL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    def record(self) -> RunRecord | None:
        """The run shown, with the events read so far."""
        return self._record

    def is_live(self) -> bool:
        """Whether the run shown is followed as it runs."""
        return self._timer.isActive()

    def event_count(self) -> int:
        """How many of the run's events the inspector shows."""
        return 0 if self._record is None else len(self._record.events)

    def redraw(self) -> None:
        """Show the finished run (or requests) again, its fixed words in the current language."""
        if self._shown and not self._timer.isActive():
            self.show_group(list(self._shown))

    def show(self, record: RunRecord | None) -> None:
        """Show this run (events loaded); a running one is then followed until it ends."""
        self._timer.stop()
        self._shown = [] if record is None else [record]
        self._record = record
        self._seq = 0 if record is None else len(record.events)
        if record is None:
            self._inspector.clear()
            self._timeline.set_timeline(None)
            return
        if record.outcome == "running":
            self._inspector.setPlainText(shown(describe_head(record, say)))
            self._append([event_line(e) for e in record.events])
            self._times = [e.t for e in record.events]
            self._timer.start()
        else:
            self._inspector.setPlainText(shown(describe(record, say)))
        self._timeline.set_timeline(timeline_of(record))

    def show_group(self, records: list[RunRecord]) -> None:
        """Show the requests of one entry: a run alone, or a batched run's requests in order,
        each with its own bytes and timings, on one timeline."""
        if len(records) < 2:
            self.show(records[0] if records else None)
            return
        self._timer.stop()
        self._shown = list(records)
        self._record = records[0]
        self._seq = len(records[0].events)
        parts = []
        for number, record in enumerate(records, start=1):
            title = fill(
                self.tr("— request %1 of %2 —"), format_count(number), format_count(len(records))
            )
            parts.append(title + "\n" + describe(record, say))
        self._inspector.setPlainText(shown("\n".join(parts)))
        self._timeline.set_timeline(group_timeline(records))

    def stop(self) -> None:
        """Stop following (the pane is hidden); what is shown stays."""
        self._timer.stop()

    def _append(self, lines: list[str]) -> None:
        if lines:  # masked as the rest of the inspector is (demo mode: hosts too)
            self._inspector.appendPlainText(shown("\n".join(lines)))

    def _on_timer_timeout(self) -> None:
        store, record = self._store(), self._record
        if store is None or record is None:
            self._timer.stop()
            return
        now = store.summary(record.id)
        if now is None:  # deleted meanwhile
            self.show(None)
            return
        news = store.events_after(record.id, self._seq)
        if news:
            self._seq = news[-1][0]
            record.events.extend(event for _, event in news)
            self._times.extend(event.t for _, event in news)
            self._append([event_line(event) for _, event in news])
        if now.outcome != "running":
            now.events = record.events
            self.show(now)
            self.run_finished.emit(now.id)
            return
        record.t_headers, record.status = now.t_headers, now.status
        if news or record.t_first is None:
            record.t_first = record.events[0].t if record.events else None
            record.t_last = record.events[-1].t if record.events else None
            self._timeline.set_timeline(timeline_of(record, self._times))
