"""Draws the chat's turns: a turn's start, its live answer and its end, and the turns before it.

The pane decides what happens (send, clear, replay); the controller runs the turn; this draws
what that does to the transcript, the trace and the side pages, and says it on the status line.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from workbench.core.chat_session import Reply
from workbench.core.probe import explain
from workbench.core.turns import STOPPED
from workbench.ui.chat.turn_views import Labels, Shown, TurnViews, same_shown, shows_anything
from workbench.ui.chat.turns import display_of, schema_verdict, trace_of
from workbench.ui.common.core_text import shown
from workbench.ui.common.error_text import error_title
from workbench.ui.common.l10n import fill, format_seconds

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.api.errors import WorkbenchError
    from workbench.api.models import ChatRequest, ResponseFormat
    from workbench.core.endpoints import EndpointConfig
    from workbench.core.runs.replay import ReplayClient
    from workbench.ui.chat.controller import ChatController
    from workbench.ui.chat.controls import Composer
    from workbench.ui.chat.first_screen import ExamplePrompts
    from workbench.ui.chat.side import ChatSidePanel
    from workbench.ui.chat.transcript import Transcript, TurnDisplay
    from workbench.ui.common.a11y import StatusLabel
    from workbench.ui.common.pane_error import PaneErrorLine

YIELD_AFTER_S = 0.005
"""Longest stretch the fold runs without letting Qt paint and handle input.

A stream whose events are already buffered (a fast server, a burst after a stall) never suspends
between events, so without a break the whole backlog would be folded in one go."""
START_DRAW_MS = 16
"""How long after Send the turn's start (message, busy state) is drawn if no answer came first.

One frame at 60 Hz: nobody sees the wait, and a server that answers at once has its first text
drawn with the start in one layout and paint, instead of waiting behind the start's (issue 15)."""


def _answering() -> str:
    # The pane's context: the string was the pane's before the drawing moved here.
    return QCoreApplication.translate("ChatPane", "Answering…")


def _stopped() -> str:
    return QCoreApplication.translate("Transcript", STOPPED)


def _waiting_for_tools() -> str:
    # The tool-wait card's own name for what it shows: the card under the turn says which tools.
    return QCoreApplication.translate("ToolWaitCard", "Waiting for tool results")


class TurnPresenter(QObject):
    """Draws the controller's turns into the transcript, the trace and the side pages."""

    drawn = Signal(int)
    """Emitted with a turn's index once its end is drawn (the pane then saves and announces it)."""

    def __init__(
        self,
        *,
        controller: ChatController,
        transcript: Transcript,
        examples: ExamplePrompts,
        composer: Composer,
        error: PaneErrorLine,
        tabs: ChatSidePanel,
        status: StatusLabel,
        labels: Callable[[], Labels],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._controller, self._transcript, self._examples = controller, transcript, examples
        self._composer, self._error, self._tabs = composer, error, tabs
        self._status, self._labels = status, labels
        self._views = TurnViews()
        self._shown: Shown | None = None
        """What the transcript and the trace show as finished: how many turns, the last one and
        its reply, and the labels (None: unknown, the next Send redraws)."""
        self._format: ResponseFormat | None = None
        """The response format of the turn in flight (its answer is checked against it)."""
        self._relabel_owed = False
        """The language changed while a turn streamed: all turns are redrawn when it ends."""
        self._starting: tuple[int, str] | None = None
        """The turn just started and its status line, until its start is drawn (`_draw_start`)."""
        self.start_timer = QTimer(self)
        self.start_timer.setSingleShot(True)
        self.start_timer.setInterval(START_DRAW_MS)
        controller.snapshot_changed.connect(self._on_controller_snapshot_changed)
        controller.turn_finished.connect(self._on_controller_turn_finished)
        self.start_timer.timeout.connect(self._draw_start)

    # --- starting -------------------------------------------------------------------------------

    def begin(
        self,
        request: ChatRequest,
        endpoint: EndpointConfig,
        status: str | None = None,
        client: ReplayClient | None = None,
    ) -> None:
        """Start the last turn (saying `status`, else "Answering…"); its answer is checked
        against the request's response format. What that changes on screen is drawn a moment
        later.

        Drawn first, its layout and paint (~5 ms) came before the request was written: Qt
        handles them before the task's first step. Drawn once the request was out, they held
        up a fast server's first text (issue 15). Now they wait `START_DRAW_MS`, or the first
        news of the turn, whichever comes first, and are drawn with it.
        """
        self._format = request.params.response_format
        self._controller.start(request, endpoint, YIELD_AFTER_S, client)
        self._starting = (len(self._controller.turns) - 1, status or _answering())
        self._composer.setUpdatesEnabled(False)  # painted with the rest by `_draw_start`
        self.set_busy(True)  # at once, not when the task first runs: no double Send
        self.start_timer.start()

    def relabel_when_done(self) -> None:
        """The language changed mid-turn: say so now, relabel every turn once it ends."""
        self._status.setText(_answering())
        self._relabel_owed = True

    def _draw_start(self, *, header: bool = True) -> None:
        """Draw the turn just started: the turns before it, the busy state and its header."""
        self.start_timer.stop()
        if self._starting is None:
            return
        (index, status), self._starting = self._starting, None
        self._composer.setUpdatesEnabled(True)
        self._error.clear_error()  # the request was accepted: the earlier refusal is over
        self._show_before(index)
        self._composer.show_busy()
        self._status.setText(status)
        if header:  # written while the server works: the first answer text only adds itself
            self._transcript.show_live(self._live_display)

    # --- streaming ------------------------------------------------------------------------------

    def _on_controller_snapshot_changed(self, _index: int) -> None:
        if self._starting is None:
            self._transcript.show_live(self._live_display)  # drawn by the transcript's timer
            return
        display = self._live_display()
        # A stream opens with events that show nothing (message-start): drawing the start for
        # them put a render and a paint before the first text, often only a step behind.
        if shows_anything(display):
            self._draw_start(header=False)  # the header comes with the news, in one render
            self._transcript.show_live(display)

    def _live_display(self) -> TurnDisplay:
        index, run = self._controller.live()
        turn, labels = self._controller.turns[index], self._labels()
        cites, streamed = run.citations(), self._controller.streamed
        return display_of(index, turn, cites, run.snapshot, labels, streamed)

    # --- the end --------------------------------------------------------------------------------

    def _on_controller_turn_finished(self, index: int) -> None:
        self._draw_start(header=False)  # it can end before its start is drawn (Stop, no key)
        turn = self._controller.turns[index]
        reply, cmap = turn.reply or Reply(), self._controller.citations(index)
        self._check_format(reply)
        if self._relabel_owed:  # every turn's labels and metrics line in the new language
            self._relabel_owed = False
            self.rebuild()
        else:
            self._transcript.finish_live(display_of(index, turn, cmap, labels=self._labels()))
        tabs = self._tabs
        tabs.trace.show_turn(trace_of(index, turn))
        tabs.tool_results.set_calls(reply.tool_calls)
        tabs.queries.set_queries(reply.search_queries)
        tabs.sources.show_documents(cmap, self._controller.sources(index))
        self._show_next_step(reply)
        self._status.say(self._finished_status(reply))
        self.set_busy(False)
        self._shown = self._shown_key(index + 1)
        self.drawn.emit(index)

    def _check_format(self, reply: Reply) -> None:
        """Add the schema check's verdict to the status of a reply that has text to check."""
        # A turn that failed before any text has nothing to check: its error says what happened.
        checked = bool(reply.text) or not reply.cut_off
        verdict = schema_verdict(reply.text, self._format) if checked else ""
        if not verdict:
            return
        reply.status = f"{reply.status} · {verdict}"
        if reply.measured is not None:  # the verdict is drawn again on a switch too
            fmt = {"response_format": self._format}
            reply.measured = reply.measured.model_copy(update=fmt)

    def _show_next_step(self, reply: Reply) -> None:
        """Under the last turn: a failure to act on, or the tools it waits for (issue 19)."""
        run = self._controller.run
        if reply.cut_off and not run.stopped:
            texts = partial(self._failure_texts, run.error, reply.cut_off)
            self._transcript.show_error(texts, can_edit=self._controller.finished_on is not None)
        elif reply.tool_calls and not reply.cut_off:
            self._transcript.show_tool_wait(tuple(c.name for c in reply.tool_calls))
            self._tabs.show_section(self._tabs.tool_results)

    def _failure_texts(self, error: WorkbenchError | None, cut_off: str) -> tuple[str, str]:
        """A failed turn's title and explanation (the core's, in the GUI's language: issue 18)."""
        if error is None:
            title = QCoreApplication.translate("ChatPane", "The answer broke off")
            return title, shown(cut_off)
        return error_title(error), shown(explain(error))

    def _finished_status(self, reply: Reply) -> Callable[[], str]:
        """How the last turn ended, written again in the language of the moment.

        As the other panes say they are done, so a screen reader hears the turn end: a Stop, a
        failure (explained on the error card), the tools it waits for, or how long the answer
        took. The transcript's metrics line has every other figure.
        """
        run = self._controller.run
        if run.stopped:
            return _stopped
        if reply.cut_off:
            return self._failed
        if reply.tool_calls:
            return _waiting_for_tools
        tokens = reply.usage.output_tokens if reply.usage else None
        return partial(self._answered, run.elapsed_s(), tokens)

    def _answered(self, seconds: float, tokens: float | None) -> str:
        took = format_seconds(seconds)
        if tokens is None:
            return fill(self.tr("Answered in %1."), took)
        return fill(self.tr("Answered in %1, %n token(s).", "", round(tokens)), took)

    def _failed(self) -> str:
        return self.tr("The turn failed: see the error above.")

    def set_busy(self, busy: bool) -> None:
        """Send, the tool results' Continue and History's Apply wait while a turn streams."""
        self._composer.set_busy(busy)  # the bar is shown by `_draw_start`
        self._tabs.tool_results.set_busy(busy)
        self._tabs.history.set_busy(busy)

    # --- the turns before -----------------------------------------------------------------------

    def rebuild(self, upto: int | None = None) -> None:
        """Draw the turns (the first `upto` of them) again, in the transcript and the trace."""
        self._transcript.end_cards()  # they speak of the last turn, which is going or gone
        self._draw_turns(upto)

    def relabel(self) -> None:
        """Draw every turn again in the new language. The cards under the last turn stay (Retry,
        the tools it waits for): that turn is still the last, and they say themselves again."""
        self._draw_turns(None)

    def _draw_turns(self, upto: int | None) -> None:
        # Both views keep the turns they already show unchanged, so this costs what changed; a
        # turn's views are computed once (a full rebuild computes them all again).
        turns = self._controller.turns
        turns = turns[:upto] if upto is not None else turns
        if upto is None:
            self._views.forget()
        displays, traces = self._views.of(turns, self._controller.citations, self._labels())
        self._transcript.set_turns(displays)
        self._tabs.trace.set_turns(traces)
        self._shown = self._shown_key(len(turns))
        self.show_first_screen()

    def _show_before(self, index: int) -> None:
        """Show the finished turns before turn `index`, the one about to stream.

        After a plain Send they are shown already, and comparing every turn's views to find
        that out grew to ~4 ms at 500 turns on the UI thread (issue 15): only the cards under
        the last turn go, and the view moves to the end, as a redraw would do.
        """
        if not same_shown(self._shown, self._shown_key(index)):
            self.rebuild(upto=index)  # keeps the reading place; a Send shows the end
            self._transcript.scroll_to_end()
            return
        self._transcript.end_cards()
        self._transcript.turn_actions.hide()
        self._transcript.scroll_to_end()
        self.show_first_screen()

    def _shown_key(self, count: int) -> Shown:
        turns = self._controller.turns
        last = turns[count - 1] if 0 < count <= len(turns) else None
        return count, last, last.reply if last is not None else None, self._labels()

    def show_first_screen(self) -> None:
        """The example prompts stand in for the transcript while there is no turn."""
        empty = not self._controller.turns
        self._examples.setVisible(empty)
        self._transcript.setVisible(not empty)
