"""The Rerank pane's inputs kept across restarts: saved as they are edited, put back at start."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from workbench.core.saved_rerank import SavedRerank, load_inputs, write_inputs
from workbench.ui.common.background_save import KeptInputs

if TYPE_CHECKING:
    from collections.abc import Iterable

    from PySide6.QtCore import SignalInstance

    from workbench.ui.rerank.widgets import RerankWidgets
    from workbench.ui.services import Services


class RerankInputsFile(KeptInputs[SavedRerank]):
    """The query, the documents as typed and the form's values, in `rerank_inputs.json`.

    The documents are kept as text, so a list half typed (not valid JSON yet) comes back as it
    was. A megabyte of documents is read out of the editor on the UI thread once per pause in
    the edits, and written on a thread of its own.
    """

    def __init__(self, *, widgets: RerankWidgets, services: Services) -> None:
        super().__init__(
            key="rerank",
            load=load_inputs,
            write=write_inputs,
            not_saved=lambda: QCoreApplication.translate("RerankPane", "Rerank inputs not saved"),
            services=services,
            parent=widgets,
        )
        # The pane's parts, not the pane: a reference back to its owner would be a cycle.
        self._query, self._editor, self._form = widgets.query, widgets.editor, widgets.form

    def _changes(self) -> Iterable[SignalInstance]:
        return (
            self._query.textChanged,
            self._editor.json.editor.textChanged,
            self._editor.documents_changed,  # a table edit, before it reaches the text
            self._form.changed,
        )

    def _take(self) -> SavedRerank:
        form, spans = self._form, self._form.spans
        self._editor.push_table()  # a table edit not yet in the text goes in first
        return SavedRerank(
            query=self._query.toPlainText(),
            documents=self._editor.json.text(),
            model=form.model.text(),
            rank_fields=tuple(form.rank_fields()),
            top_n=form.top_n.value(),
            max_chunks_per_doc=form.max_chunks.value(),
            max_tokens_per_doc=form.max_tokens.value(),
            return_documents=form.return_documents.isChecked(),
            relevant_spans=spans.enabled.isChecked(),
            span_threshold=spans.threshold.value(),
            max_spans=spans.max_spans.value(),
            priority=spans.priority.value(),
        )

    def _put(self, saved: SavedRerank) -> None:
        form = self._form
        self._query.setPlainText(saved.query)
        form.model.setText(saved.model)
        self._editor.json.set_text(saved.documents)
        self._editor.json.finish_loading()  # the rank fields are picked from its keys
        form.set_rank_fields(saved.rank_fields)
        form.top_n.setValue(saved.top_n)
        form.max_chunks.setValue(saved.max_chunks_per_doc)
        form.max_tokens.setValue(saved.max_tokens_per_doc)
        form.return_documents.setChecked(saved.return_documents)
        spans = form.spans
        spans.enabled.setChecked(saved.relevant_spans)
        spans.threshold.setValue(saved.span_threshold)
        spans.max_spans.setValue(saved.max_spans)
        spans.priority.setValue(saved.priority)
