"""Rerank to chat: the top documents of a rerank run as chat documents that remember their row.

Each document keeps its rank and score, so a citation of it in the chat answer can name the
rerank row it came from, and lead back to it. A document keeps its own string `id`; one without
gets `rerank-<rank>`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.api.models import Document


@dataclass(frozen=True)
class RankedDocument:
    """One rerank result handed to chat."""

    rank: int
    """1 for the best."""
    score: float
    """The result's relevance score."""
    index: int
    """Its position in the rerank request's documents."""
    document: Document
    """The document as the rerank request sent it."""

    @property
    def doc_id(self) -> str:
        """The id the chat request gives it (its own string `id`, else `rerank-<rank>`)."""
        own = self.document.get("id") if isinstance(self.document, dict) else None
        return own if isinstance(own, str) and own else f"rerank-{self.rank}"

    def chat_document(self) -> dict[str, str]:
        """The document as the chat request carries it: string fields with an `id`."""
        if isinstance(self.document, str):
            return {"id": self.doc_id, "text": self.document}
        fields = {key: str(value) for key, value in self.document.items()}
        return {**fields, "id": self.doc_id}
