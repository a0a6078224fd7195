"""Sources view: the documents a turn cites, the spans citing each, and the supporting text."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QTextBrowser, QWidget

from workbench.core.chat_inputs import resolve_source
from workbench.ui.common.roles import role_background

if TYPE_CHECKING:
    from collections.abc import Sequence

    from workbench.core.citations import CitationMap, CitationSpan


def _fields_html(fields: dict[str, Any], supporting: Sequence[str]) -> str:
    rows = []
    background = role_background("citation").name()
    for key, value in fields.items():
        text = html.escape(str(value))
        for phrase in supporting:
            quoted = html.escape(phrase)
            if quoted and quoted in text:
                text = text.replace(quoted, f"<b style='background:{background}'>{quoted}</b>")
        rows.append(f"<tr><td><i>{html.escape(str(key))}</i></td><td>{text}</td></tr>")
    return "<table cellspacing=2>" + "".join(rows) + "</table>"


class SourcesView(QTextBrowser):
    """Shows every cited document with the spans citing it, or the documents of chosen spans."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatSources")
        self.setAccessibleName("Cited sources")
        self.setOpenLinks(False)

    def show_documents(self, cmap: CitationMap, lookup: dict[str, dict[str, Any]]) -> None:
        """Every document cited in the answer, each with the spans that cite it."""
        parts = []
        for doc_id, span_ids in cmap.by_document.items():
            spans = [cmap.spans[i] for i in span_ids]
            cited_by = ", ".join(f"«{html.escape(s.citation.text)}»" for s in spans)
            parts.append(self._document_html(doc_id, lookup, [s.citation.text for s in spans]))
            parts.append(f"<p>Cited by {len(spans)} span(s): {cited_by}</p>")
        unanchored = cmap.unanchored()
        if unanchored:
            listed = ", ".join(f"«{html.escape(s.citation.text)}»" for s in unanchored)
            parts.append(f"<p><b>Not placed in the text</b> (offsets did not match): {listed}</p>")
        self.setHtml("".join(parts) or "<p>No citations in this answer.</p>")

    def show_spans(self, spans: Sequence[CitationSpan], lookup: dict[str, dict[str, Any]]) -> None:
        """The documents cited by these spans, with the supporting text marked."""
        parts = []
        for span in spans:
            parts.append(f"<h4>«{html.escape(span.citation.text)}»</h4>")
            if not span.document_ids:
                parts.append("<p>The server named no source for this span.</p>")
            for doc_id in span.document_ids:
                parts.append(self._document_html(doc_id, lookup, [span.citation.text]))
        self.setHtml("".join(parts))

    def _document_html(
        self, doc_id: str, lookup: dict[str, dict[str, Any]], supporting: Sequence[str]
    ) -> str:
        fields = resolve_source(lookup, doc_id)
        head = f"<p><b>{html.escape(doc_id)}</b></p>"
        if fields is None:
            return head + "<p>(not among the sent documents or tool outputs)</p>"
        return head + _fields_html(fields, supporting)
