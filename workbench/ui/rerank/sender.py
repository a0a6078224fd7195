"""Rerank sending: the model named by GET /info, batches split and merged, two endpoints at once."""

from __future__ import annotations

import asyncio
import json
from typing import TYPE_CHECKING, Any, TypeAlias

from workbench import api  # its names load on first use: the codecs wait for a body
from workbench.api.errors import WorkbenchError
from workbench.core.rerank_compare import batch_size, merge_batches, split_batches
from workbench.core.rerank_docs import RerankRules, rules_for
from workbench.core.rerank_models import limits_for

if TYPE_CHECKING:
    from collections.abc import Iterable

    from workbench.api.client import WorkbenchClient
    from workbench.api.models import RerankRequest, RerankResponse
    from workbench.core.endpoints import EndpointConfig

Target = tuple["EndpointConfig", "WorkbenchClient"]
"""An endpoint and the client that sends to it."""
Outcome: TypeAlias = "RerankResponse | WorkbenchError"
"""One side of a comparison: its answer, or why it has none."""


def batch_for(rules: RerankRules | None, max_chunks: int | None, model: str | None = None) -> int:
    """Documents per request when splitting: the model's advice; where documents are chunked
    (v1), chunks count too."""
    recommended = limits_for(model).recommended_documents
    if rules is None or rules.chunk_budget is None:
        return batch_size(1, recommended)
    default = rules.default_chunks_per_doc or 1
    return batch_size(max_chunks, recommended, budget=rules.chunk_budget, default_chunks=default)


def _needs_model(endpoint: EndpointConfig, request: RerankRequest) -> bool:
    return rules_for(endpoint.flavour).model_required and not (request.model or endpoint.model)


class RerankSender:
    """Sends the pane's requests; remembers each endpoint's /info model while the endpoint stays."""

    def __init__(self) -> None:
        self._models: dict[str, tuple[EndpointConfig, str]] = {}

    def known_model(self, endpoint: EndpointConfig) -> str | None:
        """The model GET /info named for this endpoint as it is now, if it was asked."""
        learned = self._models.get(endpoint.id)
        return learned[1] if learned is not None and learned[0] == endpoint else None

    def forget_changed(self, endpoints: Iterable[EndpointConfig]) -> None:
        """Forget what was learned from endpoints since edited or removed.

        An edited URL may lead to another deployment serving another model.
        """
        now = {endpoint.id: endpoint for endpoint in endpoints}
        for endpoint_id, (was, _model) in list(self._models.items()):
            if now.get(endpoint_id) != was:
                del self._models[endpoint_id]

    def body_text(self, endpoint: EndpointConfig, request: RerankRequest) -> str:
        """The JSON body `send` would post for `request`, indented.

        Raises:
            InputError: the endpoint's flavour cannot carry the request.
        """
        if _needs_model(endpoint, request):
            # Sent as the model /info names; shown as such until the first run learns it.
            model = self.known_model(endpoint) or "<model named by GET /info>"
            request = request.model_copy(update={"model": model})
        body: dict[str, Any] = api.rerank_request_body(endpoint.flavour, request, endpoint.model)
        return json.dumps(body, indent=2, ensure_ascii=False)

    async def send(self, target: Target, request: RerankRequest, *, split: bool) -> RerankResponse:
        """One endpoint's answer, over batches merged back into one ranking when `split`."""
        endpoint, client = target
        if _needs_model(endpoint, request):
            request = request.model_copy(update={"model": await self._model_name(target)})
        total = len(request.documents)
        model = request.model or endpoint.model
        size = batch_for(rules_for(endpoint.flavour), request.max_chunks_per_doc, model)
        if total <= size or not split:
            return await client.rerank(request)
        # The history's modules load with the history, after the first paint (issue 15).
        from workbench.core.runs.history import BatchPart, batch_part, new_group_id

        parts = []
        spans, group = split_batches(total, size), new_group_id()
        for number, span in enumerate(spans, start=1):
            part = request.model_copy(
                update={"documents": request.documents[span.start : span.stop], "top_n": None}
            )
            # Each request is a run of its own in the history, grouped as this one action.
            with batch_part(BatchPart(group, number, len(spans), request)):
                parts.append((span, await client.rerank(part)))
        return merge_batches(parts, request.top_n)

    async def compare(
        self, a: Target, b: Target, request: RerankRequest, *, split: bool
    ) -> tuple[Outcome, Outcome]:
        """Both endpoints' answers to the same request, sent side by side.

        One side failing does not lose the other's answer: each side is its response or its
        error, and the error's `where` names that side's endpoint when it named nothing else.
        """
        # B uses its own endpoint's model: the model box names A's.
        request_b = request.model_copy(update={"model": None})
        return await asyncio.gather(
            self._settle(a, request, split=split), self._settle(b, request_b, split=split)
        )

    async def _settle(self, target: Target, request: RerankRequest, *, split: bool) -> Outcome:
        try:
            return await self.send(target, request, split=split)
        except WorkbenchError as exc:
            exc.where = exc.where or target[0].name
            return exc

    async def _model_name(self, target: Target) -> str:
        # v2 requires `model`; a serverless deployment serves one model and names it at /info.
        endpoint, client = target
        known = self.known_model(endpoint)
        if known is None:
            known = (await client.info()).model_name or "default"
            self._models[endpoint.id] = (endpoint, known)
        return known
