"""Rerank run outcome: what a run answered, or why it did not, shown in the results, the status
line, the error line beside Run and the stale bar, and kept in the notice log."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.api.errors import InputError, WorkbenchError
from workbench.api.models import RerankResponse
from workbench.ui.common.pane_error import log_shown
from workbench.ui.rerank.comparison import compared_status, failed_sides, prices_of

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.api.models import RerankRequest
    from workbench.api.text import Text
    from workbench.core.endpoints import EndpointConfig
    from workbench.ui.common.pane_error import Why
    from workbench.ui.notices import NoticeCenter
    from workbench.ui.rerank.comparison import Compared
    from workbench.ui.rerank.widgets import RerankWidgets


class RunOutcome:
    """Shows a run's answers and errors in the pane; knows what its status and error lines say."""

    def __init__(self, *, widgets: RerankWidgets, notices: NoticeCenter) -> None:
        self._widgets = widgets
        self._notices = notices
        self.input_error = False
        """Whether the error line shows an input error (checked again after each edit)."""
        self.status_is_summary = False
        """Whether the status line shows the last results' summary (redrawn on a language switch)."""

    def say(self, text: str) -> None:
        """Put `text` on the status line, in place of any summary."""
        self.status_is_summary = False
        self._widgets.status.setText(text)

    def show_results(
        self,
        response: RerankResponse,
        request: RerankRequest,
        notes: list[Text],
        endpoint: EndpointConfig,
        *,
        summary: bool = True,
    ) -> None:
        """Show the endpoint's ranking (at its prices); with `summary`, sum it up on the status
        line."""
        prices = prices_of(endpoint)
        self._widgets.results.show_results(response, request, notes, prices)
        self._widgets.stale.mark_current()
        if summary:
            self._widgets.status.setText(self._widgets.results.summary())
            self.status_is_summary = True

    def show_compared(
        self, request: RerankRequest, notes: list[Text], a: Compared, b: Compared
    ) -> None:
        """Show what each side answered; a side that failed is named, the other still shown."""
        widgets = self._widgets
        (endpoint_a, outcome_a), (endpoint_b, outcome_b) = a, b
        if isinstance(outcome_a, RerankResponse):
            self.show_results(outcome_a, request, notes, endpoint_a, summary=False)
            if isinstance(outcome_b, RerankResponse):
                widgets.results.show_comparison(
                    outcome_a, outcome_b, request, endpoint_a.name, endpoint_b.name
                )
        status, failures = compared_status(a, b)
        if failures:
            # The old comparison belongs to the old run: never shown beside a side that failed.
            widgets.results.show_comparison_failed(failed_sides(a, b))
            widgets.error.show_error(failed_sides(a, b))
            for failure in failures:
                log_shown(self._notices, failure, "rerank")
        if isinstance(outcome_a, WorkbenchError):
            self.mark_stale(failed_sides(a, b))
        widgets.status.setText(status)
        self.status_is_summary = False

    def show_failure(self, exc: WorkbenchError) -> None:
        """A run failed: the error beside Run, the results on show marked as an earlier run's."""
        self.show_error(exc)  # shown beside Run, kept in the log; not raised to the runner
        self.mark_stale(exc)

    def show_error(self, exc: WorkbenchError) -> None:
        """Show the error once, beside Run (the status line does not repeat it); keep it in the
        notice log."""
        self._widgets.error.show_error(exc)
        log_shown(self._notices, exc, "rerank")
        self._widgets.status.clear()
        self.status_is_summary = False
        self.input_error = isinstance(exc, InputError)

    def clear_error(self) -> None:
        """Clear the error line (the input is fine)."""
        self._widgets.error.clear_error()
        self.input_error = False

    def recheck(self, check: Callable[[], object]) -> None:
        """After an edit, an input error on show is checked again (`check` raises `InputError`):
        cleared at once when the input is now fine (the documents JSON was fixed), updated when
        another problem remains."""
        if not self.input_error:
            return
        try:
            check()
        except InputError as exc:
            self._widgets.error.show_error(exc)
            return
        self.clear_error()
        self.status_is_summary = False

    def mark_stale(self, why: Why) -> None:
        """Results on show are from an earlier run: dim them under a bar saying why."""
        results = self._widgets.results
        if results.model.rowCount() or results.compare_model.rowCount():
            self._widgets.stale.mark_stale(why)
