"""Rerank pane: query, documents and rank_fields in, ranked results (and a comparison) out."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal

from workbench.api.errors import InputError, WorkbenchError
from workbench.api.models import DEFAULT_FLAVOUR, RerankRequest
from workbench.core.rerank_docs import rules_for, stringify_values
from workbench.core.rerank_models import limits_for
from workbench.ui import resources
from workbench.ui.common.a11y import swap_for_work
from workbench.ui.common.keys import native, with_keys
from workbench.ui.common.l10n import fill
from workbench.ui.common.retranslate import Retranslating
from workbench.ui.common.undoable import replace_text
from workbench.ui.rerank.body_preview import PREVIEW_DOCS as PREVIEW_DOCS
from workbench.ui.rerank.body_preview import BodyPreview
from workbench.ui.rerank.comparison import Compared as Compared
from workbench.ui.rerank.comparison import fill_compare_choices
from workbench.ui.rerank.inputs_file import RerankInputsFile
from workbench.ui.rerank.outcome import RunOutcome
from workbench.ui.rerank.request import RequestReader
from workbench.ui.rerank.sender import RerankSender, batch_for
from workbench.ui.rerank.texts import RerankTexts
from workbench.ui.rerank.widgets import RESULTS_SHARE as RESULTS_SHARE
from workbench.ui.rerank.widgets import RerankWidgets

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtWidgets import QWidget

    from workbench.api.models import Document
    from workbench.core.endpoints import EndpointConfig
    from workbench.ui.services import Services

RUN_KEY = "rerank.run"
SAMPLE = "rerank_objects.json"
"""What `load_sample()` loads: recipes as objects, with the rank_fields to use."""


class RerankPane(Retranslating, RerankWidgets):
    """Rerank playground: the pane's own endpoint, or two side by side."""

    chat_documents_requested = Signal(list)
    """Emitted with the best results (`RankedDocument`s, in rank order) to use in the Chat pane."""

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services=services, parent=parent)
        self._services = services
        self._sender = RerankSender()
        self._outcome = RunOutcome(widgets=self, notices=services.notices)
        self._reader = RequestReader(widgets=self, session=services.session)
        self._body_preview = BodyPreview(
            editor=self.editor, box=self.preview, body=self._body_text, parent=self
        )
        self._describe_shortcuts()
        self._set_busy(False)
        self.retranslate_ui()
        self._connect_signals()
        self._on_session_selection_changed("rerank")
        self._inputs_file = RerankInputsFile(widgets=self, services=services)
        self._inputs_file.restore()
        self._inputs_file.watch()
        self._refresh_preview()

    def retranslate_ui(self) -> None:
        """Set every static text in the current language, and redraw what is cheap to redraw."""
        self.setAccessibleName(self.tr("Rerank"))
        self.query.setAccessibleName(self.tr("Query"))
        self.compare_with.setAccessibleName(self.tr("Compare with"))
        self.split.setAccessibleName(self.tr("Split into batches"))
        # The combination as the platform writes it (⌘↩ on macOS, Ctrl+Invio in Italian).
        self.run_button.setText(self.tr("Ru&n  (%1)").replace("%1", native("Ctrl+Return")))
        self.run_button.setAccessibleName(self.tr("Run rerank"))
        self.cancel_button.setText(self.tr("&Cancel (Esc)"))
        self.cancel_button.setAccessibleName(self.tr("Cancel rerank"))
        self.cancel_button.setToolTip(with_keys(self.tr("Cancel rerank"), "Esc"))
        self.busy.setAccessibleName(self.tr("Rerank running"))
        self.status.setAccessibleName(self.tr("Rerank status"))
        self.error.setAccessibleName(self.tr("Rerank error"))
        self.stale.setAccessibleName(self.tr("Results from an earlier run"))
        self._query_label.setText(self.tr("&Query"))
        self._docs_section.setTitle(self.tr("&Documents"))  # Alt+D: the section's first control
        self._compare_label.setText(self.tr("Compare &with"))
        if not hasattr(self, "_body_preview"):
            return  # still building: what follows is drawn once the pane is wired
        self._update_query_tokens()
        self._update_split_offer(len(self.editor.last_documents() or []))
        self._update_run_tip()
        self._on_session_endpoints_changed()
        if self._outcome.status_is_summary:
            self.status.setText(self.results.summary())
        elif self._services.tasks.is_running(RUN_KEY):
            self.status.setText(self.tr("Ranking…"))

    def _describe_shortcuts(self) -> None:
        """What the shortcuts sheet lists for them (the buttons' own names, already translated)."""
        self._run_shortcut.setWhatsThis(self.tr("Run rerank"))
        self._cancel_shortcut.setWhatsThis(self.tr("Cancel rerank"))

    def _connect_signals(self) -> None:
        session = self._services.session
        session.selection_changed.connect(self._on_session_selection_changed)
        session.endpoints_changed.connect(self._on_session_endpoints_changed)
        self._services.tasks.state_changed.connect(self._on_tasks_state_changed)
        self.query.textChanged.connect(self._on_query_text_changed)
        self.editor.documents_changed.connect(self._on_editor_documents_changed)
        self.editor.problem_found.connect(self._on_editor_problem_found)
        self.editor.info_posted.connect(self._on_editor_info_posted)
        self.editor.sample_requested.connect(self._on_editor_sample_requested)
        self.form.changed.connect(self._on_form_changed)
        self.compare_with.currentIndexChanged.connect(self._on_form_changed)
        self.copy_body.clicked.connect(self._body_preview.copy)
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        self._run_shortcut.activated.connect(self.run)
        self._cancel_shortcut.activated.connect(self.cancel)
        self.results.model.modelReset.connect(self._on_results_model_reset)
        self.to_chat.requested.connect(self._on_to_chat_requested)

    # --- public API ---------------------------------------------------------------------------

    def set_query(self, text: str) -> None:
        """Put `text` in the query box (another pane's hand-off)."""
        replace_text(self.query, text)  # Ctrl+Z brings back what was typed
        self._refresh_preview()

    def set_documents(self, documents: Sequence[Document]) -> None:
        """Replace the documents (at once: callers set the rank fields and preview next)."""
        self.editor.set_documents(documents)
        self.editor.json.finish_loading()
        self._refresh_preview()

    def open_request(self, request: RerankRequest) -> None:
        """Fill every input from a recorded run's request (History's "Open in its pane"); not sent."""
        self.set_query(request.query)
        self.set_documents(request.documents)
        form = self.form
        form.set_rank_fields(request.rank_fields or [])
        replace_text(form.model, request.model or "")
        form.top_n.setValue(request.top_n or 0)
        form.return_documents.setChecked(request.return_documents)
        form.max_chunks.setValue(request.max_chunks_per_doc or 0)
        form.max_tokens.setValue(request.max_tokens_per_doc or 0)
        self._refresh_preview()

    def select_rank(self, rank: int) -> bool:
        """Show the result of this rank selected (a chat citation's way back); False if none."""
        return self.results.select_rank(rank)

    def load_sample(self) -> None:
        """Load the shipped sample (query, object documents, their rank_fields) and run it."""
        self.fill_sample()
        self.run()

    def fill_sample(self) -> None:
        """Fill the inputs with the shipped sample, not sent (the empty editor's Load sample)."""
        sample = resources.sample(SAMPLE)
        self.set_query(sample["query"])
        self.set_documents(sample["documents"])
        self.form.set_rank_fields(sample["rank_fields"])

    def request_body_text(self) -> str:
        """What the "Request body" box shows: the wire body for the pane's endpoint, or why not."""
        return self.preview.toPlainText()

    def run(self) -> None:
        """Send the request (to both endpoints when comparing); bad input is shown, not sent."""
        if self._services.tasks.is_running(RUN_KEY):
            return
        try:
            request, other = self._reader.checked()
        except InputError as exc:
            self._outcome.show_error(exc)
            return
        self._outcome.clear_error()
        self._refresh_preview()  # the box shows exactly what goes out, even mid-debounce
        self._services.tasks.start(RUN_KEY, self._run(request, other), owner=self)

    def cancel(self) -> None:
        """Stop the running request; inputs and earlier results stay."""
        if self._services.tasks.cancel(RUN_KEY):
            self._outcome.say(self.tr("Cancelled"))

    async def _run(self, request: RerankRequest, other: EndpointConfig | None) -> None:
        endpoint = self._reader.endpoint()
        notes = stringify_values(self.editor.last_documents() or []).notes
        session, split = self._services.session, self.split.isChecked()
        try:
            target = (endpoint, await session.client_for(endpoint.id))
            if other is None:
                response = await self._sender.send(target, request, split=split)
                await _next_turn()
                self._update_query_tokens()  # /info may have named the model just now
                self._outcome.show_results(response, request, notes, endpoint)
                return
            target_b = (other, await session.client_for(other.id))
            outcome_a, outcome_b = await self._sender.compare(
                target, target_b, request, split=split
            )
            await _next_turn()
        except WorkbenchError as exc:
            self._outcome.show_failure(exc)
            return
        self._outcome.show_compared(request, notes, (endpoint, outcome_a), (other, outcome_b))

    # --- state --------------------------------------------------------------------------------

    def _broken_json(self) -> str:
        """Why results are stale while the documents cannot be sent: the editor's own message
        (bad JSON, or a document this flavour does not take), in the current language."""
        problem = self.editor.json.message()
        if not problem:  # emptied: nothing is wrong with what is not there
            return self.tr("These results are from the previous run; there are no documents now.")
        return fill(
            self.tr(
                "These results are from the previous run; the documents cannot be sent now: %1"
            ),
            problem,
        )

    def _recheck_input(self) -> None:
        """After an edit, an input error on show is checked again (not while a run is going)."""
        if not self._services.tasks.is_running(RUN_KEY):
            self._outcome.recheck(self._reader.checked)

    def _set_busy(self, busy: bool) -> None:
        swap_for_work(busy, self.cancel_button, (self.run_button,))
        self.busy.setVisible(busy)
        if busy:
            self._outcome.say(self.tr("Ranking…"))

    def _update_split_offer(self, count: int) -> None:
        current = self._services.session.selected("rerank")
        rules = rules_for(current.flavour) if current is not None else None
        size = batch_for(rules, self.form.max_chunks.value() or None, self._model())
        over = count > size
        self.split.setVisible(over)
        if over:
            self.split.setText(RerankTexts().split_offer(count, size))

    # --- slots --------------------------------------------------------------------------------

    def _on_session_selection_changed(self, pane: str) -> None:
        if pane != "rerank":
            return
        current = self._services.session.selected("rerank")
        rules = rules_for(current.flavour if current else DEFAULT_FLAVOUR)
        self.editor.set_rules(rules)
        self.form.set_rules(rules, current.model if current else None)
        self._update_run_tip()
        self._on_session_endpoints_changed()
        self._update_query_tokens()

    def _update_run_tip(self) -> None:
        current = self._services.session.selected("rerank")
        supported = rules_for(current.flavour if current else DEFAULT_FLAVOUR).supported
        tip = with_keys(self.tr("Run rerank"), "Ctrl+Return")
        self.run_button.setToolTip(
            tip if supported else self.tr("This flavour has no rerank route")
        )

    def _on_session_endpoints_changed(self) -> None:
        # An edited URL may lead to another deployment: ask its /info again.
        self._sender.forget_changed(self._services.session.endpoints())
        session = self._services.session
        fill_compare_choices(self.compare_with, session.endpoints(), session.selected("rerank"))
        self._body_preview.schedule()

    def _on_results_model_reset(self) -> None:
        self.to_chat.set_available(self.results.model.rowCount())

    def _on_to_chat_requested(self, n: int) -> None:
        ranked = self.results.ranked(n)
        if ranked:
            self.chat_documents_requested.emit(ranked)

    def _on_tasks_state_changed(self) -> None:
        self._set_busy(self._services.tasks.is_running(RUN_KEY))

    def _on_query_text_changed(self) -> None:
        self._update_query_tokens()
        self._recheck_input()
        self._body_preview.schedule()

    def _update_query_tokens(self) -> None:
        # The limit is the model's: it changes with the model box, the endpoint, and /info.
        model = self._model()
        self.query_tokens.setText(RerankTexts().query_token_label(self.query.toPlainText(), model))
        self.form.set_model_limits(limits_for(model))

    def _model(self) -> str | None:
        """The model the query goes to: typed, else the endpoint's, else what /info named."""
        endpoint = self._services.session.selected("rerank")
        known = self._sender.known_model(endpoint) if endpoint else None
        return self.form.model.text().strip() or (endpoint and endpoint.model) or known

    def _on_editor_documents_changed(self, documents: list[Document] | None) -> None:
        if documents is not None:
            self.form.set_documents(documents)
            self._update_split_offer(len(documents))
            if self.stale.why() == self._broken_json:
                self.stale.mark_current()  # the JSON is whole again; the results stand as they are
        elif not self.stale.is_stale() or self.stale.why() == self._broken_json:
            self._outcome.mark_stale(self._broken_json)  # said again: the problem may have changed
        self._recheck_input()
        self._body_preview.schedule()

    def _on_editor_problem_found(self, exc: InputError) -> None:
        self._outcome.show_error(exc)

    def _on_editor_sample_requested(self) -> None:
        self.fill_sample()
        self.run_button.setFocus()  # the next step: Run (the results say so too)

    def _on_editor_info_posted(self, text: str) -> None:
        self._services.notices.info(self.tr("Documents"), text)

    def _on_form_changed(self, *_args: object) -> None:
        self._update_query_tokens()
        self._update_split_offer(len(self.editor.last_documents() or []))
        self._recheck_input()
        self._body_preview.schedule()

    def _refresh_preview(self) -> None:
        # Typing is debounced; a programmatic change or a run shows the body at once.
        self._body_preview.refresh()

    def _body_text(self, documents: list[Document]) -> str:
        request = self._reader.request(documents=documents)
        return self._sender.body_text(self._reader.endpoint(), request)


async def _next_turn() -> None:
    """Let the window paint between parsing an answer and drawing it (issue 15: a thousand
    results took both in one 50 ms turn)."""
    await asyncio.sleep(0)
