"""One Compare column: its route, its own conversation, the answer streaming in and its figures.

Each column keeps a conversation of its own (a `ChatSession`), so a follow-up can go to it alone.
Its turn runs through core's `stream_turn` as a keyed task on the shared runner, through the
endpoint's cached client (so every turn is a run in the record, as in the Chat pane). The answer is
appended to the view on a coalescing timer, only the text that is new since the last tick.
What is drawn once a turn (the picker's routes, headings, citations, the last figures) lives in
`route_picker`, `column_text` and `column_figures`.
"""

from __future__ import annotations

import asyncio
import functools
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from workbench.api.errors import WorkbenchError
from workbench.core.chat_compare import Gap, fit_frame, gaps
from workbench.core.chat_session import ChatSession, reply_from_snapshot
from workbench.core.turns import TurnRun, stream_turn
from workbench.ui.common.a11y import StatusLabel
from workbench.ui.common.error_text import cut_off_line
from workbench.ui.common.l10n import fill
from workbench.ui.common.pane_error import StaleBar, shown_text
from workbench.ui.common.section import Section
from workbench.ui.compare.column_figures import figures_label, final_figures
from workbench.ui.compare.column_text import answers_view, paint_citations, write_user
from workbench.ui.compare.figures import gap_text, live_figures, turn_figures
from workbench.ui.compare.route_picker import RoutePicker

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.api.models import ChatRequest
    from workbench.core.chat_session import ChatFrame, Reply
    from workbench.core.citations import CitationMap
    from workbench.core.endpoints import Prices
    from workbench.ui.compare.targets import Target
    from workbench.ui.services import Services

RENDER_MS = 33
"""How often a streaming column draws what arrived (about 30 times a second)."""
FIGURES_S = 0.25
"""How often a streaming column's figures are written again."""
YIELD_AFTER_S = 0.005
"""Longest stretch a column folds buffered events before letting Qt paint (three columns share
the one loop, so each gives way often)."""


class CompareColumn(Section):
    """One route of the comparison: picker, what it cannot do, the transcript, the figures."""

    finished = Signal(int)
    """Emitted with the column's position when its turn ended (complete, stopped or broken)."""
    continue_requested = Signal(int, str)
    """Emitted with the column's position and a follow-up for this column only."""

    def __init__(
        self, *, services: Services, position: int, optional: bool, parent: QWidget | None = None
    ) -> None:
        # A section titled with its number: Alt+1, 2, 3 leads to the column's route picker, or
        # to the control last used in it; Tab to its other controls (three follow-ups and
        # Continue buttons have no free letter each). The title stands where a label over the
        # answers stood ("Answers 1"): a column asks for no more height than before.
        super().__init__(f"compareColumn{position + 1}", parent, flat=True)
        self._services = services
        self.position = position
        self._optional = optional
        self._key = f"compare.column{position + 1}"
        self.session = ChatSession()
        self.run = TurnRun()
        self.target: Target | None = None
        """The route the last turn went to (picked when it was sent)."""
        self._live_at: int | None = None
        """Where the answer streaming in starts in the view (None when no turn streams)."""
        self._cited: list[tuple[int, CitationMap]] = []
        """Where each answer starts and its citations: painted again after a theme switch."""
        self._shown = 0
        self._figures_due = 0.0
        self._figures_text: Callable[[], str] | None = None
        """Makes the figures line again, in the language of the moment (a switch redraws it)."""
        self._gaps: tuple[Gap, ...] = ()
        self._build_ui()
        self._connect_signals()
        self.retranslate_ui()
        self.refill()

    # --- layout -------------------------------------------------------------------------------

    def _build_ui(self) -> None:
        n = self.position + 1
        self._routes = RoutePicker(f"compareTarget{n}", self, optional=self._optional)
        self.picker = self._routes.combo
        self._picker_label = QLabel(self)
        self._picker_label.setBuddy(self.picker)
        self.gaps = StatusLabel(self)  # read out as the gaps it lists, not a fixed name
        self.gaps.setObjectName(f"compareGaps{n}")
        self.gaps.setWordWrap(True)
        self.gaps.setProperty("role", "warning")
        self.view = answers_view(f"compareTranscript{n}", self)
        self.stale = StaleBar(self.view, self)
        self.stale.setObjectName(f"compareStale{n}")
        self.figures = figures_label(f"compareFigures{n}", self)
        self.follow_up = QLineEdit(self)
        self.follow_up.setObjectName(f"compareFollowUp{n}")
        self._follow_label = QLabel(self)
        self._follow_label.setBuddy(self.follow_up)
        self.continue_button = QPushButton(self)
        self.continue_button.setObjectName(f"compareContinue{n}")
        self._timer = QTimer(self)
        self._timer.setInterval(RENDER_MS)
        row = QHBoxLayout()
        row.addWidget(self._picker_label)
        row.addWidget(self.picker, 1)
        follow = QHBoxLayout()
        follow.addWidget(self._follow_label)
        follow.addWidget(self.follow_up, 1)
        follow.addWidget(self.continue_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(row)
        box.addWidget(self.gaps)
        box.addWidget(self.stale)
        box.addWidget(self.view, 1)
        box.addWidget(self.figures)
        box.addLayout(follow)

    def retranslate_ui(self) -> None:
        """Set the column's texts in the current language."""
        n = self.position + 1
        self.setTitle(self.tr("Column &%1").replace("%1", str(n)))
        self._picker_label.setText(self.tr("Route:"))
        self.picker.setAccessibleName(self.tr("Route of column %1").replace("%1", str(n)))
        self.gaps.setAccessibleName(self.tr("What column %1 could not do").replace("%1", str(n)))
        self.view.setAccessibleName(self.tr("Answers of column %1").replace("%1", str(n)))
        self.figures.setAccessibleName(self.tr("Figures of column %1").replace("%1", str(n)))
        self.stale.setAccessibleName(
            self.tr("Answers of column %1 from before").replace("%1", str(n))
        )
        self._follow_label.setText(self.tr("Follow-up:"))
        self.follow_up.setAccessibleName(self.tr("Follow-up for column %1").replace("%1", str(n)))
        self.follow_up.setPlaceholderText(self.tr("A message to this column only"))
        self.continue_button.setText(self.tr("Continue"))
        self.continue_button.setAccessibleName(
            self.tr("Continue column %1 alone").replace("%1", str(n))
        )
        self._routes.retranslate()
        if self._figures_text is not None:
            self.figures.setText(self._figures_text())
        self._show_gaps()

    def changeEvent(self, event: QEvent) -> None:
        """Apply a language switch at once; paint the citations in a new theme's colours."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self.refill()  # the routes' names are translated too
        elif event.type() == QEvent.Type.PaletteChange:
            for base, cmap in self._cited:
                paint_citations(self.view.document(), base, cmap)
        super().changeEvent(event)

    def _connect_signals(self) -> None:
        self._timer.timeout.connect(self._on_timer_timeout)
        self.continue_button.clicked.connect(self._on_continue_button_clicked)
        self.follow_up.returnPressed.connect(self._on_continue_button_clicked)
        self.picker.currentIndexChanged.connect(self._on_picker_current_index_changed)
        self._services.session.endpoints_changed.connect(self.refill)

    def apply_demo_mode(self, _on: bool) -> None:
        """List the routes again, their URLs masked or shown (docs/demo-mode.md)."""
        self.refill()

    # --- public API ---------------------------------------------------------------------------

    def refill(self) -> None:
        """List the saved endpoints and their `/chat/completions` routes, keeping the choice."""
        self._routes.refill(self._services.session.endpoints())
        self._sync_follow_up()

    def route_removed(self) -> bool:
        """Whether the route picked belongs to an endpoint that was removed."""
        target = self.picked()
        return target is not None and self._services.session.endpoint(target.endpoint_id) is None

    def stopped(self) -> bool:
        """Whether the last turn was stopped before it ended."""
        return self.run.stopped

    def pick(self, target: Target | None) -> None:
        """Choose a route as a person would (None: the column is off, where it can be)."""
        self._routes.pick(target)

    def picked(self) -> Target | None:
        """The route chosen now (None: off)."""
        return self._routes.picked()

    def is_streaming(self) -> bool:
        """Whether this column's turn is in flight."""
        return self._services.tasks.is_running(self._key)

    def answer_text(self) -> str:
        """The last answer's text as it stands (streaming or finished)."""
        return self.run.snapshot.text

    def gap_list(self) -> tuple[Gap, ...]:
        """What the last turn's route could not do."""
        return self._gaps

    def failed(self) -> bool:
        """Whether the last turn failed (not stopped: an error ended it)."""
        return self.stale.is_stale()

    def failure_text(self) -> str:
        """The column's failure in words, naming the column and its route ("" when none)."""
        error = self.run.error
        if not self.failed() or error is None:
            return ""
        target = self.target
        endpoint = self._services.session.endpoint(target.endpoint_id if target else "")
        template = self.tr("Column %1 (“%2”) failed: %3")
        return fill(
            template, self.position + 1, endpoint.name if endpoint else "", shown_text(error)
        )

    def _stale_text(self) -> str:
        return fill(
            # Said of the first turn too, whose answer is cut short or missing: "from before"
            # was wrong there.
            self.tr("The last turn failed: its answer is cut short or missing. %1"),
            self.failure_text(),
        )

    def clear(self) -> None:
        """Forget this column's conversation."""
        self.stale.mark_current()
        self.session.clear()
        self.view.clear()
        self._cited.clear()
        self._figures_text = None
        self.figures.clear()
        self.gaps.clear()
        self._gaps = ()

    def send(self, message: str, frame: ChatFrame) -> bool:
        """Send `message` in this column's conversation; False when the column is off or busy."""
        target = self.picked()
        if target is None or self.is_streaming():
            return False
        endpoint = self._services.session.endpoint(target.endpoint_id)
        if endpoint is None:
            return False
        flavour = target.flavour or endpoint.flavour
        self._gaps = gaps(flavour, frame)
        fitted = fit_frame(flavour, frame)
        if endpoint.model:
            fitted = fitted.model_copy(update={"model": None})  # the endpoint names its own
        request = self.session.send(message, fitted)
        self.target = target
        self._show_gaps()
        self._start(request)
        return True

    def stop(self) -> None:
        """Stop this column's turn; what arrived stays, marked as stopped."""
        self._services.tasks.cancel(self._key)

    # --- the turn -------------------------------------------------------------------------------

    def _on_continue_button_clicked(self) -> None:
        # The box keeps the text: the pane may refuse it (documents that do not parse), and
        # empties the box once the follow-up is on its way.
        message = self.follow_up.text()
        if message.strip() and not self.is_streaming() and self.picked() is not None:
            self.continue_requested.emit(self.position, message)

    def _on_picker_current_index_changed(self, _row: int) -> None:
        self._sync_follow_up()

    def _sync_follow_up(self, *, busy: bool | None = None) -> None:
        # A column that is off has nothing to continue.
        busy = self.is_streaming() if busy is None else busy
        can = self.picked() is not None and not busy
        self.follow_up.setEnabled(can)
        self.continue_button.setEnabled(can)

    def _show_gaps(self) -> None:
        texts = [gap_text(gap) for gap in self._gaps]
        self.gaps.setText("\n".join(texts))
        self.gaps.setVisible(bool(texts))

    def _start(self, request: ChatRequest) -> None:
        self.run = TurnRun()
        write_user(self.view.document(), request.message or "")
        self._live_at = self._end()
        self._shown = 0
        self.figures.wrap(False)
        self._say_figures(lambda: self.tr("Waiting for the first token…"))
        self.follow_up.setEnabled(False)
        self.continue_button.setEnabled(False)
        task = self._services.tasks.start(self._key, self._stream(request), owner=self)
        task.add_done_callback(functools.partial(self._on_task_done, self.run))
        self._timer.start()

    async def _stream(self, request: ChatRequest) -> None:
        run, target = self.run, self.target
        assert target is not None
        try:
            client = await self._services.session.client_for(target.endpoint_id, target.flavour)
            await stream_turn(client, request, run, yield_after=YIELD_AFTER_S)
        except asyncio.CancelledError:  # also Stop before the stream opened
            run.stopped = True
            raise
        except WorkbenchError as exc:  # also a failure to open it (the key, the client)
            run.error = run.error or exc
            raise
        finally:
            if isValid(self):
                run.end(time.monotonic())
                self._finish(run)

    def _on_task_done(self, run: TurnRun, _task: object) -> None:
        # A turn cancelled before its first step never ran `_stream`'s finally: end it here.
        if self._live_at is not None and run is self.run and isValid(self):
            run.stopped = True
            run.end(time.monotonic())
            self._finish(run)

    def _finish(self, run: TurnRun) -> None:
        if self._live_at is None:
            return
        self._timer.stop()
        endpoint = self._services.session.endpoint(self.target.endpoint_id if self.target else "")
        prices = endpoint.prices if endpoint else None
        reply = reply_from_snapshot(
            run.snapshot, cut_off=cut_off_line(run), status=turn_figures(run, prices)
        )
        self.session.finish(reply, run.citations())
        self._append_live()
        self._cited.append((self._live_at, run.citations()))
        paint_citations(self.view.document(), self._live_at, run.citations())
        self._live_at = None
        self._say_figures(functools.partial(self._final_figures, run, reply, prices))
        self.figures.wrap(True)
        if run.error is not None and not run.stopped:
            self.stale.mark_stale(self._stale_text)  # earlier answers stay, dimmed
        else:
            self.stale.mark_current()
        self._sync_follow_up(busy=False)  # the task ends right after this
        self.finished.emit(self.position)

    def _say_figures(self, text: Callable[[], str]) -> None:
        self._figures_text = text
        self.figures.setText(text())

    def _final_figures(self, run: TurnRun, reply: Reply, prices: Prices | None) -> str:
        """The figures line of a finished turn, in the current language."""
        cited = self.tr("%n citation(s)", "", len(reply.citations)) if reply.citations else ""
        return final_figures(run, reply, prices, cited)

    # --- drawing --------------------------------------------------------------------------------

    def _end(self) -> int:
        return self.view.document().characterCount() - 1

    def _on_timer_timeout(self) -> None:
        self._append_live()
        now = time.monotonic()
        # The figures change every tick, but four times a second is as fast as anyone reads.
        if self.run.timing.first_output is not None and now >= self._figures_due:
            self._figures_due = now + FIGURES_S
            self._say_figures(functools.partial(live_figures, self.run))

    def _append_live(self) -> None:
        text = self.run.snapshot.text
        if self._live_at is None or len(text) <= self._shown:
            return
        bar = self.view.verticalScrollBar()
        following = bar.value() >= bar.maximum() - 4
        cursor = QTextCursor(self.view.document())
        # In an edit block the cursor does not shape the last line again to learn where it
        # stands after each move and insert: a third of each tick's insert in a long answer.
        cursor.beginEditBlock()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(text[self._shown :], QTextCharFormat())
        cursor.endEditBlock()
        self._shown = len(text)
        if following:
            bar.setValue(bar.maximum())
