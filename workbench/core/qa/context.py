"""What every check gets: the endpoint, its traits, the options, the exchanges, shared findings."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import SecretStr

from workbench.api import flavour_traits, jsontext
from workbench.api.text import Text

if TYPE_CHECKING:
    from collections.abc import Sequence

    import httpx

    from workbench.api import FlavourTraits
    from workbench.api.client import WorkbenchClient
    from workbench.api.errors import WorkbenchError
    from workbench.api.models import Connection
    from workbench.core.qa.exchange import Exchanges
    from workbench.core.qa.model import QaReport

WRONG_KEY = "qa-wrong-key-0000000000000000"
"""The key the wrong-key check sends: obviously not anyone's."""


class Verdict(Exception):  # a verdict, not an error
    """A check's end other than a pass: `text` says why (its English is the message), and
    `error` is the failure it quotes, if it quotes one (the GUI says that in its own words)."""

    def __init__(self, text: Text, *, error: WorkbenchError | None = None) -> None:
        super().__init__(str(text))
        self.text = text
        self.error = error


class Skip(Verdict):
    """The check does not apply here; the message says why."""


class Fail(Verdict):
    """The check failed; the message says what was wrong and where."""


@dataclass(frozen=True)
class QaOptions:
    """How a QA run goes."""

    checks: tuple[str, ...] = ()
    """Check ids or group names to run; empty runs every check."""
    requests: int = 10
    """Requests of the latency check."""
    rpm: int = 300
    """At most this many requests a minute (a serverless deployment's default quota is 1,000)."""
    ttft_budget_ms: float = 3000.0
    """The latency check fails when time to first token at p95 is over this."""
    total_budget_ms: float = 30000.0
    """The latency check fails when the total time at p95 is over this."""
    max_retries: int = 3
    """Tries again this many times after a 429, each after its `Retry-After`."""
    max_wait_s: float = 60.0
    """A `Retry-After` longer than this ends the check instead of waiting."""


@dataclass
class QaContext:
    """The endpoint under test and what the checks have found out so far."""

    connection: Connection
    client: WorkbenchClient
    options: QaOptions
    send: Exchanges
    report: QaReport
    transport: httpx.AsyncBaseTransport | None = None
    configured_model: str | None = None
    """The model the endpoint is set to (the client may name /info's when none is set)."""
    memo: dict[str, Any] = field(default_factory=dict)
    """Findings checks share: which kinds of call the deployment serves, the plain answer."""
    _extra_clients: list[WorkbenchClient] = field(default_factory=list)

    @property
    def traits(self) -> FlavourTraits:
        """The endpoint's flavour traits."""
        return flavour_traits(self.connection.flavour)

    def client_with(self, **changes: Any) -> WorkbenchClient:
        """Another client for this endpoint with some settings changed (closed at the end)."""
        # httpx loads with the first run, not at start-up (issue 15)
        from workbench.api.client import WorkbenchClient

        if "api_key" in changes and isinstance(changes["api_key"], str):
            changes["api_key"] = SecretStr(changes["api_key"])
        client = WorkbenchClient(
            self.connection.model_copy(update=changes), transport=self.transport
        )
        self._extra_clients.append(client)
        return client

    async def aclose(self) -> None:
        """Close the extra clients."""
        for client in self._extra_clients:
            await client.aclose()
        self._extra_clients.clear()

    async def serves(self, kind: str) -> bool:
        """Whether the deployment serves "chat" or "rerank" (asked once; 404 means no)."""
        key = f"serves.{kind}"
        if key not in self.memo:
            self.memo[key] = await self._serves(kind)
        return bool(self.memo[key])

    async def _serves(self, kind: str) -> bool:
        if kind == "rerank" and not self.traits.rerank.supported:
            return False
        model = (self.configured_model or "").lower()
        # A serverless deployment serves one model: a rerank model's name says which.
        if model and ("rerank" in model) != (kind == "rerank"):
            return False
        label = Text("does the %1 route exist?", kind)
        answer = await self.send.raw(self.client, "POST", kind, {}, label)
        return answer.status != 404

    async def require(self, kind: str) -> None:
        """Skip the check unless the deployment serves `kind`."""
        if kind == "rerank" and not self.traits.rerank.supported:
            raise Skip(Text("the %1 flavour has no rerank route", self.traits.short_label))
        if not await self.serves(kind):
            route = self.traits.routes.path(kind)
            model = self.configured_model
            why = (
                Text("its model is %1", model)
                if model
                else Text("POST %1 answered 404", str(route))
            )
            raise Skip(Text("the deployment does not serve %1 (%2)", kind, why))


def listed(items: Sequence[Text | str]) -> Text | str:
    """Items one after another, joined by "; " (as the reports have always listed them)."""
    return functools.reduce(lambda done, item: Text("%1; %2", done, item), items)


def model_name(text: str) -> str | None:
    """The `model_name` of an /info answer's body, or None."""
    try:
        data = jsontext.loads(text)
    except ValueError:
        return None
    name = data.get("model_name") if isinstance(data, dict) else None
    return name if isinstance(name, str) and name else None
