"""What each Rerank model family accepts: query tokens, context, documents, relevant spans.

One table, chosen by the endpoint's model name (typed, saved, or named by `GET /info`). Sources,
as read in December 2026:

* Rerank 3 (`rerank-english-v3.0`, `rerank-multilingual-v3.0`): context 4,096 tokens, query at
  most 2,048 (Azure ML's "Deploy Cohere Rerank models as serverless APIs"; Cohere's rerank
  best-practices page: "the query can account for up to half of the full context length").
* Rerank 3.5 (`rerank-v3.5`): context 4,096, query 2,048 (Cohere's "Announcing Rerank-v3.5" and
  the same best-practices page); `max_tokens_per_doc` defaults to 4,096.
* Rerank 4 (`rerank-v4.0-pro`, `rerank-v4.0-fast`): context 32,768 (Cohere's best-practices page:
  documents are cut into 32,764-token chunks, the context less four reserved tokens). Query:
  4,096 in the Azure model metadata public gateways publish for `cohere-rerank-v4.0-fast`;
  Cohere's best-practices table still lists 2,048 for "v4.0, v3.5 and v3.0" and its half-the-
  context rule would allow 16,384. The sources disagree: we warn past 4,096, the lowest figure
  stated for Rerank 4 itself.
* Rerank 5 (`rerank-v5.0-pro`, `rerank-v5.0-fast`): context 32,768 (Cohere's "Announcing Rerank
  5" and gateway model pages); the only family that takes `relevant_spans` (the Cohere SDK's
  `RerankRelevantSpans`: "only supported for Rerank v5 and newer models"). No query limit is
  published: Rerank 4's is assumed (unverified).
* Documents, every family: at most 10,000 per request, 1,000 recommended (Cohere's best-practices
  page; the Azure ML page recommends reranking the top 100 of a first search).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class RerankModelLimits:
    """One family's limits, as the rerank pane and the batching use them."""

    family: str
    """For people: "Rerank 3.5"."""
    context_tokens: int
    query_tokens: int
    """Past this the query is truncated (Rerank 3/3.5 keep its first half of the context)."""
    max_documents: int = 10_000
    recommended_documents: int = 1_000
    relevant_spans: bool = False
    """Whether the family takes `relevant_spans` (Context Focus)."""
    known: bool = True
    """False when the model name matched no family and Rerank 3.5's limits are assumed."""


RERANK_3 = RerankModelLimits("Rerank 3", 4_096, 2_048)
RERANK_3_5 = RerankModelLimits("Rerank 3.5", 4_096, 2_048)
RERANK_4 = RerankModelLimits("Rerank 4", 32_768, 4_096)
RERANK_5 = RerankModelLimits("Rerank 5", 32_768, 4_096, relevant_spans=True)
UNKNOWN = RerankModelLimits("unknown model", 4_096, 2_048, known=False)
"""An unrecognised name: the strictest published limits, so a warning errs on the safe side."""

_VERSION = re.compile(r"rerank\D*?v(\d+)(?:[.\-_](\d+))?", re.IGNORECASE)
"""`rerank-v3.5`, `Cohere-rerank-v4.0-pro`, `cohere.rerank-v3-5:0`, `rerank-english-v3.0`."""


def limits_for(model: str | None) -> RerankModelLimits:
    """The limits of the family a model name belongs to.

    Args:
        model: a Cohere model id, an Azure deployment or catalog name, or None.

    Returns:
        That family's limits; `UNKNOWN` (Rerank 3.5's figures) when the name tells nothing.
    """
    found = _VERSION.search(model or "")
    if found is None:
        return UNKNOWN
    major, minor = int(found.group(1)), int(found.group(2) or 0)
    if major <= 2:
        return UNKNOWN
    if major == 3:
        return RERANK_3_5 if minor >= 5 else RERANK_3
    return RERANK_4 if major == 4 else RERANK_5
