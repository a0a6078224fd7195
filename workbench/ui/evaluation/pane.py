"""Evaluation pane: run a labelled set against one or two rerank endpoints and show the figures.

Every request goes through the endpoint session's clients, so each is a run in the History; the
scores are saved query by query, so Cancel keeps what was done and Run continues from there.
Start over (as `workbench eval --restart`), for an endpoint redeployed since, drops first the
scores saved for the endpoints it names (asked in a window-modal box that does not block the
event loop; with two endpoints chosen, one of them or both); other endpoints' saved scores of the
set, maybe hours of reranking, are kept.
What the reader noted about the set (queries left out, judged documents the corpus lacks) shows
under the status, in the GUI's language.
A query of the per-query table opens in the Rerank pane through `rerank_open_requested`, which
the main window connects (panes never import each other).
"""

from __future__ import annotations

import asyncio
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from workbench.api.errors import WorkbenchError
from workbench.api.models import RerankRequest
from workbench.core.evaluation.progress import ProgressStore, open_progress
from workbench.core.evaluation.readers import load_set
from workbench.core.evaluation.runner import EvalReport, EvaluationRunner, Side
from workbench.ui import resources
from workbench.ui.common.a11y import name_tab_bar, swap_for_work
from workbench.ui.common.core_text import shown
from workbench.ui.common.kept_texts import KeptTexts, listed_choice, number_choice
from workbench.ui.common.keys import escape_cancels, with_keys
from workbench.ui.common.pane_error import log_shown
from workbench.ui.common.retranslate import Retranslating
from workbench.ui.endpoint_session import suits
from workbench.ui.evaluation.questions import (
    ask_set_file,
    ask_set_folder,
    ask_start_over,
    fresh_ids,
    start_over_tip,
)
from workbench.ui.evaluation.tables import fill_metrics, fill_queries
from workbench.ui.evaluation.texts import ranked, stopped, summary
from workbench.ui.evaluation.widgets import EvaluationWidgets

if TYPE_CHECKING:
    from collections.abc import Collection

    from PySide6.QtWidgets import QAbstractButton

    from workbench.api.text import Text
    from workbench.core.evaluation.sets import EvalSet
    from workbench.ui.services import Services

RUN_KEY = "evaluation.run"
SAMPLE_SET = ("samples", "rerank_eval")


class EvaluationPane(Retranslating, EvaluationWidgets):
    """Set and endpoints at the top; Run/Cancel with progress; metrics, queries and charts."""

    rerank_open_requested = Signal(object)
    """Open one query of the set in the Rerank pane: payload a RerankRequest (not sent)."""

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("evaluationPane")
        self._services = services
        self._report: EvalReport | None = None
        self._eval_set: EvalSet | None = None
        self._row_queries: list[str] = []
        self._notes: list[Text] = []
        self._cancel_shortcut = escape_cancels(self, self.cancel)
        self._connect_signals()
        self.status.say(self._idle_hint)  # until the first run: what to do
        self.retranslate_ui()
        self._refill_endpoints()
        self._set_busy(False)
        self._kept = KeptTexts(
            pane="evaluation",
            inputs={
                "set": self.set_path,
                "endpoint A": listed_choice(self.endpoint_a),
                "endpoint B": listed_choice(self.endpoint_b),
                "k": number_choice(self.k),
            },
            not_saved=lambda: QCoreApplication.translate(
                "EvaluationPane", "Evaluation inputs not saved"
            ),
            services=services,
            parent=self,
        )
        self._kept.restore()
        self._kept.watch()

    def retranslate_ui(self) -> None:
        """Set every static text in the current language."""
        self.setAccessibleName(self.tr("Evaluation"))
        texts = {
            "evaluationSet": (self.tr("&Set:"), self.tr("Labelled set")),
            "evaluationEndpointA": (self.tr("Endpoint &A:"), self.tr("Endpoint A")),
            "evaluationEndpointB": (self.tr("Endpoint &B:"), self.tr("Endpoint B (to compare)")),
            "evaluationK": (self.tr("Cut-off &k:"), self.tr("Cut-off k")),
        }
        for name, (label, accessible) in texts.items():
            self._labels[name].setText(label)
            self.findChild(QWidget, name).setAccessibleName(accessible)  # type: ignore[union-attr]
        self.set_path.setPlaceholderText(
            self.tr("A BEIR folder (corpus.jsonl, queries.jsonl, qrels/), or a .jsonl or .csv file")
        )
        for button, text, accessible in (
            (self.browse, self.tr("Bro&wse…"), self.tr("Browse for a set")),
            (self.sample, self.tr("Sa&mple set"), self.tr("Run the sample set")),
            (self.run_button, self.tr("R&un evaluation"), self.tr("Run evaluation")),
            (self.start_over_button, self.tr("S&tart over"), self.tr("Start the evaluation over")),
            (self.cancel_button, self.tr("Cance&l"), self.tr("Cancel evaluation")),
            (self.open_button, self.tr("&Open query in Rerank"), self.tr("Open query in Rerank")),
        ):
            button.setText(text)
            button.setAccessibleName(accessible)
        self.cancel_button.setToolTip(with_keys(self.tr("Cancel evaluation"), "Esc"))
        self._cancel_shortcut.setWhatsThis(self.tr("Cancel evaluation"))
        self._show_start_over_tip()
        self.browse_folder.setText(self.tr("BEIR &folder…"))
        self.browse_file.setText(self.tr("&JSONL or CSV file…"))
        self.progress.setAccessibleName(self.tr("Evaluation progress"))
        self.status.setAccessibleName(self.tr("Evaluation status"))
        self.notes.setAccessibleName(self.tr("Notes on the set"))
        self._show_notes(self._notes)
        self.error.setAccessibleName(self.tr("Evaluation error"))
        self.metrics_table.setAccessibleName(self.tr("Metrics per endpoint"))
        self.queries_table.setAccessibleName(self.tr("Per-query results"))
        self.results.setAccessibleName(self.tr("Evaluation results"))
        for index, title in enumerate((self.tr("Metrics"), self.tr("Queries"), self.tr("Charts"))):
            self.results.setTabText(index, title)
        name_tab_bar(self.results)
        if self.endpoint_b.count():
            self.endpoint_b.setItemText(0, self.tr("None (one endpoint)"))
        if self._report is not None:
            self._show_figures(self._report)
        self.status.say_again()  # after the figures: it may not be theirs

    def _idle_hint(self) -> str:
        return self.tr(
            "Choose a labelled set (or press Sample set) and endpoint A, then Run "
            "evaluation: nDCG, MRR and recall at k show here, per endpoint and per query."
        )

    def _connect_signals(self) -> None:
        self.browse_folder.triggered.connect(self._on_browse_folder_triggered)
        self.browse_file.triggered.connect(self._on_browse_file_triggered)
        self.sample.clicked.connect(self.load_sample)
        self.run_button.clicked.connect(self.run)
        self.start_over_button.clicked.connect(self.start_over)
        self.endpoint_a.currentIndexChanged.connect(self._show_start_over_tip)
        self.endpoint_b.currentIndexChanged.connect(self._show_start_over_tip)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.queries_table.itemActivated.connect(self._on_open_button_clicked)
        self.queries_table.itemSelectionChanged.connect(self._on_queries_selection_changed)
        self._services.session.endpoints_changed.connect(self._refill_endpoints)

    # --- public API ---------------------------------------------------------------------------

    def cancel(self) -> None:
        """Stop the evaluation; what was ranked is kept, and Run continues from it."""
        if self._services.tasks.cancel(RUN_KEY):
            self.status.say(
                lambda: self.tr("Cancelled. What was ranked is kept: Run continues from there.")
            )
            if self._report is not None:
                self.stale.mark_stale(
                    lambda: self.tr(
                        "These results are from the previous run; the last run was cancelled."
                    )
                )

    def load_sample(self) -> None:
        """Run the shipped sample set (20 queries, English and Italian) against endpoint A."""
        self.set_path.setText(str(resources.path(*SAMPLE_SET)))
        self.run()

    def report(self) -> EvalReport | None:
        """The figures shown, if any."""
        return self._report

    def run(self, *, fresh: Collection[str] = ()) -> None:
        """Start the evaluation (a running one is left alone). The endpoints whose ids are in
        `fresh` start over: their scores saved for the set are dropped first and every query is
        ranked again on them; the others continue from their saved scores."""
        if not self._ready():
            return
        ids = [self.endpoint_a.currentData(), self.endpoint_b.currentData()]
        ids = [str(i) for i in ids if i]  # the same twice compares an endpoint with itself
        path = Path(self.set_path.text().strip()).expanduser()  # "~/sets/x", as in a shell
        coro = self._run(path, ids, self.k.value(), fresh=frozenset(fresh))
        self.error.clear_error()  # the next run decides whether it still holds
        self._show_notes([])  # the notes of the set read next
        self._set_busy(True)
        self.status.say(lambda: self.tr("Reading the set…"))
        self._services.tasks.start(RUN_KEY, coro, owner=self)

    def start_over(self) -> None:
        """Ask which chosen endpoints to start over on, naming them, then run (as
        `workbench eval --restart`). The box is window-modal and leaves the event loop running;
        Cancel, the default, drops nothing."""
        if not self._ready():
            return
        ask_start_over(self, self._chosen(), self._on_start_over_box_button_clicked)

    def open_query(self, query_id: str) -> None:
        """Ask for this query and its candidates in the Rerank pane."""
        if self._eval_set is None:
            return
        query = self._eval_set.query(query_id)
        documents = [self._eval_set.documents[d].rerank_text() for d in query.candidates]
        self.rerank_open_requested.emit(RerankRequest(query=query.text, documents=documents))

    # --- starting over ------------------------------------------------------------------------

    def _ready(self) -> bool:
        """Whether a run can start now; if not for want of a set or endpoint, says so."""
        if self._services.tasks.is_running(RUN_KEY):
            return False
        if not self.set_path.text().strip() or not self._chosen():
            self.status.say(lambda: self.tr("Choose a set and endpoint A first."))
            return False
        return True

    def _chosen(self) -> list[tuple[str, str]]:
        """The endpoints the next run uses, as (id, name): A, then B if chosen and not A
        (one endpoint compared with itself has one set of saved scores)."""
        chosen: list[tuple[str, str]] = []
        for combo in (self.endpoint_a, self.endpoint_b):
            endpoint_id = combo.currentData()
            if endpoint_id and all(str(endpoint_id) != known for known, _ in chosen):
                chosen.append((str(endpoint_id), combo.currentText()))
        return chosen

    def _show_start_over_tip(self) -> None:
        """The tooltip names the endpoints whose saved scores Start over may drop."""
        self.start_over_button.setToolTip(start_over_tip(self._chosen()))

    def _on_start_over_box_button_clicked(self, button: QAbstractButton) -> None:
        ids = fresh_ids(button)
        if ids:
            self.run(fresh=ids)

    # --- running ------------------------------------------------------------------------------

    async def _run(
        self, path: Path, endpoint_ids: list[str], k: int, *, fresh: frozenset[str]
    ) -> None:
        store: ProgressStore | None = None
        runner: EvaluationRunner | None = None
        try:
            eval_set = await asyncio.to_thread(load_set, path)
            self._show_notes(eval_set.notes)
            sides = []
            for endpoint_id in endpoint_ids:
                endpoint = self._services.session.endpoint(endpoint_id)
                client = await self._services.session.client_for(endpoint_id)
                label = endpoint.name if endpoint else endpoint_id
                sides.append(Side(label, client, fresh=endpoint_id in fresh))
            started_over = [side.label for side in sides if side.fresh]  # the run clears fresh
            store = await asyncio.to_thread(open_progress, eval_set.fingerprint)
            total = len(eval_set.queries) * len(sides)
            self._on_progress(0, total)
            runner = EvaluationRunner(
                eval_set, sides, k=k, progress=store, on_progress=self._on_progress
            )
            report = await runner.run()
        except WorkbenchError as exc:  # said once, beside Run; kept in the notice log
            self.status.say(partial(stopped, runner))
            self.error.show_error(exc)
            log_shown(self._services.notices, exc, "evaluation")
            if self._report is not None:  # the figures on show belong to an earlier run
                self.stale.mark_stale(exc)
            return
        finally:
            if store is not None:
                store.close()
            if isValid(self.run_button):  # not when the window closing cancelled the run
                self._set_busy(False)
        self._eval_set = eval_set
        self._show_report(report, started_over=started_over)
        self.stale.mark_current()

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.say(partial(ranked, done, total))

    def _set_busy(self, busy: bool) -> None:
        inputs: list[QWidget] = [self.run_button, self.start_over_button, self.sample]
        inputs += [self.browse, self.set_path, self.endpoint_a, self.endpoint_b, self.k]
        swap_for_work(busy, self.cancel_button, inputs)
        self.progress.setVisible(busy)

    def _show_report(self, report: EvalReport, *, started_over: list[str]) -> None:
        """The figures, and the status saying how they were had (`started_over`: the names of
        the endpoints whose saved scores the run dropped first)."""
        self._show_figures(report)
        self.status.say(partial(summary, report, started_over=started_over))

    def _show_figures(self, report: EvalReport) -> None:
        self._report = report
        fill_metrics(self.metrics_table, report)
        self._row_queries = fill_queries(self.queries_table, report)
        self.open_button.setEnabled(False)
        self.charts.show_report(report)

    def _show_notes(self, notes: list[Text]) -> None:
        """The reader's notes on the set, one per line, in the current language."""
        self._notes = list(notes)
        self.notes.setText("\n".join(f"• {shown(note)}" for note in self._notes))
        self.notes.setVisible(bool(self._notes))

    # --- slots --------------------------------------------------------------------------------

    def _refill_endpoints(self) -> None:
        a, b = self.endpoint_a.currentData(), self.endpoint_b.currentData()
        chosen = self._services.session.selected("rerank")
        fitting = [e for e in self._services.session.endpoints() if suits("rerank", e)]
        self.endpoint_a.clear()
        self.endpoint_b.clear()
        self.endpoint_b.addItem(self.tr("None (one endpoint)"), None)
        for endpoint in fitting:
            self.endpoint_a.addItem(endpoint.name, endpoint.id)
            self.endpoint_b.addItem(endpoint.name, endpoint.id)
        row = self.endpoint_a.findData(a or (chosen.id if chosen else None))
        self.endpoint_a.setCurrentIndex(max(row, 0) if fitting else -1)
        self.endpoint_b.setCurrentIndex(max(self.endpoint_b.findData(b), 0))

    def _on_browse_folder_triggered(self) -> None:
        ask_set_folder(self, self._on_set_dialog_file_selected)

    def _on_browse_file_triggered(self) -> None:
        ask_set_file(self, self._on_set_dialog_file_selected)

    def _on_set_dialog_file_selected(self, path: str) -> None:
        if path:
            self.set_path.setText(path)

    def _on_queries_selection_changed(self) -> None:
        self.open_button.setEnabled(bool(self.queries_table.selectedItems()))

    def _on_open_button_clicked(self, *_: object) -> None:
        row = self.queries_table.currentRow()
        if 0 <= row < len(self._row_queries):
            self.open_query(self._row_queries[row])
