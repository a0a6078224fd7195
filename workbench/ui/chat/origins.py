"""Documents the Rerank pane handed to the chat: put in the Documents editor, and where each one
ranked said in the Sources page and beside the answers that cite it.

The label keeps the pane's translation context ("ChatPane"): it was the pane's before it moved
here, and the translations hold it there. (How many came is the pane's to say: lupdate files
plural forms only for `tr`.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from workbench.ui.common.l10n import fill, format_number

if TYPE_CHECKING:
    from collections.abc import Sequence

    from workbench.core.rerank_handoff import RankedDocument
    from workbench.ui.chat.sources import SourcesView
    from workbench.ui.chat.turn_views import Labels
    from workbench.ui.common.json_editor import JsonEditor


def origin_label(ranked: RankedDocument) -> str:
    """ "rank 2 · score 0.87": where a handed-over document stood in the rerank results."""
    score = format_number(ranked.score, 2)
    text = QCoreApplication.translate("ChatPane", "rank %1 · score %2")
    return fill(text, str(ranked.rank), score)


class RankedOrigins:
    """The handed-over documents by the id the chat request gives them, and their labels."""

    def __init__(self, *, documents: JsonEditor, sources: SourcesView) -> None:
        self._documents, self._sources = documents, sources
        self._origins: dict[str, RankedDocument] = {}

    def take(self, ranked: Sequence[RankedDocument]) -> None:
        """Make `ranked` the documents (their citations lead back)."""
        self._documents.set_value([r.chat_document() for r in ranked])
        self._origins = {r.doc_id: r for r in ranked}
        self._sources.set_origins({i: (origin_label(r), r.rank) for i, r in self._origins.items()})

    def labels(self) -> Labels:
        """Each handed-over document's id and its origin, in the current language."""
        return tuple((i, origin_label(r)) for i, r in self._origins.items())
