"""Sources view: the documents a turn cites, the spans citing each, and the supporting text."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtWidgets import QTextBrowser, QWidget

from workbench.core.chat_inputs import resolve_source
from workbench.ui.common.roles import role_background

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

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

    rank_activated = Signal(int)
    """Emitted with a rerank rank when the person follows a document's link to its rerank row."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatSources")
        self.setOpenLinks(False)
        self._redraw: Callable[[], None] | None = None
        """Draws what is shown again (after a language switch)."""
        self._origins: dict[str, tuple[str, int]] = {}
        self.anchorClicked.connect(self._on_self_anchor_clicked)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        """Apply a language switch: the name, and what is shown drawn again."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            if self._redraw is not None:
                self._redraw()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set the accessible name in the current language."""
        self.setAccessibleName(self.tr("Cited sources"))

    def set_origins(self, origins: dict[str, tuple[str, int]]) -> None:
        """Document id → (where it came from in words, its rerank rank), shown as a link."""
        self._origins = dict(origins)

    def _on_self_anchor_clicked(self, url: QUrl) -> None:
        kind, _, rank = url.toString().partition(":")
        if kind == "rerank" and rank.isdigit():
            self.rank_activated.emit(int(rank))

    def show_documents(self, cmap: CitationMap, lookup: dict[str, dict[str, Any]]) -> None:
        """Every document cited in the answer, each with the spans that cite it."""
        self._redraw = lambda: self.show_documents(cmap, lookup)
        parts = []
        for doc_id, span_ids in cmap.by_document.items():
            spans = [cmap.spans[i] for i in span_ids]
            cited_by = ", ".join(f"«{html.escape(s.citation.text)}»" for s in spans)
            parts.append(self._document_html(doc_id, lookup, [s.citation.text for s in spans]))
            line = self.tr("Cited by %n span(s): %1", "", len(spans)).replace("%1", cited_by)
            parts.append(f"<p>{line}</p>")
        unanchored = cmap.unanchored()
        if unanchored:
            listed = ", ".join(f"«{html.escape(s.citation.text)}»" for s in unanchored)
            line = self.tr("<b>Not placed in the text</b> (offsets did not match): %1")
            parts.append(f"<p>{line.replace('%1', listed)}</p>")
        empty = f"<p>{html.escape(self.tr('No citations in this answer.'))}</p>"
        self.setHtml("".join(parts) or empty)

    def show_spans(self, spans: Sequence[CitationSpan], lookup: dict[str, dict[str, Any]]) -> None:
        """The documents cited by these spans, with the supporting text marked."""
        self._redraw = lambda: self.show_spans(spans, lookup)
        parts = []
        for span in spans:
            parts.append(f"<h4>«{html.escape(span.citation.text)}»</h4>")
            if not span.document_ids:
                none = html.escape(self.tr("The server named no source for this span."))
                parts.append(f"<p>{none}</p>")
            for doc_id in span.document_ids:
                parts.append(self._document_html(doc_id, lookup, [span.citation.text]))
        self.setHtml("".join(parts))

    def show_source(
        self, doc_id: str, cmap: CitationMap, lookup: dict[str, dict[str, Any]]
    ) -> None:
        """One cited document (a marker [n] was activated), the spans citing it marked."""
        self._redraw = lambda: self.show_source(doc_id, cmap, lookup)
        spans = [cmap.spans[i] for i in cmap.by_document.get(doc_id, ())]
        self.setHtml(self._document_html(doc_id, lookup, [s.citation.text for s in spans]))

    def _document_html(
        self, doc_id: str, lookup: dict[str, dict[str, Any]], supporting: Sequence[str]
    ) -> str:
        fields = resolve_source(lookup, doc_id)
        origin = self._origins.get(doc_id)
        link = f" — <a href='rerank:{origin[1]}'>{html.escape(origin[0])}</a>" if origin else ""
        head = f"<p><b>{html.escape(doc_id)}</b>{link}</p>"
        if fields is None:
            missing = html.escape(self.tr("(not among the sent documents or tool outputs)"))
            return f"{head}<p>{missing}</p>"
        return head + _fields_html(fields, supporting)
