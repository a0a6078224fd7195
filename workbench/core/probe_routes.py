"""Which routes an endpoint answers: Test connection tries the candidates its URL suggests."""

from __future__ import annotations

import asyncio
import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from workbench.api.errors import WorkbenchError
from workbench.api.text import Text

if TYPE_CHECKING:
    from workbench.api.client import WorkbenchClient

_COHERE = ("/v2/rerank", "/v1/rerank", "/v2/chat", "/v1/chat")
_FOUNDRY_EXTRA = ("/providers/cohere/v2/rerank", "/models/chat/completions")
_BY_PREFIX: dict[str, tuple[str, ...]] = {
    "/openai/v1": ("/chat/completions",),
    "/models": ("/chat/completions", "/info"),
    # Provider-prefixed chat is unconfirmed (see workbench/api/urls.py): asked, not assumed.
    "/providers/cohere": ("/v2/rerank", "/v1/rerank", "/v2/chat"),
}


@dataclass(frozen=True)
class RouteCheck:
    """One candidate route and what it answered."""

    route: str
    status: int | None
    """The HTTP status, or None when the request failed on the way."""

    @property
    def exists(self) -> bool:
        """Anything but 404 (and a failed request) means the server knows the route."""
        return self.status is not None and self.status != 404

    def text(self) -> Text:
        """`/v2/rerank ✔` or `/v1/chat ✘ (404)`."""
        if self.exists:
            return Text("%1 ✔", self.route)
        if self.status is None:
            return Text("%1 ✘ (no answer)", self.route)
        return Text("%1 ✘ (%2)", self.route, str(self.status))  # a code, not a quantity


def candidate_routes(base_url: str) -> tuple[str, ...]:
    """The routes worth trying under this base (an Azure prefix narrows them).

    Args:
        base_url: the endpoint's base, as the client normalised it.
    """
    parts = urlsplit(base_url)
    path = parts.path.lower().rstrip("/")
    for prefix, routes in _BY_PREFIX.items():
        if path.endswith(prefix):
            return routes
    routes = (*_COHERE, "/chat/completions", "/info")
    if (parts.hostname or "").lower().endswith(".services.ai.azure.com") and not path:
        routes += _FOUNDRY_EXTRA
    return routes


async def survey_routes(client: WorkbenchClient) -> list[RouteCheck]:
    """Ask every candidate route at once; each answer's status says whether it exists."""

    async def check(route: str) -> RouteCheck:
        try:
            return RouteCheck(route, await client.route_status(route))
        except WorkbenchError:
            return RouteCheck(route, None)

    return list(await asyncio.gather(*(check(r) for r in candidate_routes(client.base_url))))


def routes_line(checks: list[RouteCheck]) -> Text | str:
    """One line for the report: `Routes: /v2/rerank ✔ · /v1/chat ✘ (404) · …`."""
    if not checks:
        return ""
    joined = functools.reduce(
        lambda done, check: Text("%1 · %2", done, check), map(RouteCheck.text, checks)
    )
    return Text("Routes: %1", joined)
