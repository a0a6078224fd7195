"""Runs the selected checks one after another and reports progress as an async iterator.

Both the command line and the QA pane iterate `QaRun.events()`: a `CheckStarted` before each
check and a `CheckFinished` with its result after it. The report fills in as the run goes; when
the endpoint cannot be reached at all the remaining checks are skipped with that reason.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from workbench import __version__
from workbench.api import flavour_traits
from workbench.api.errors import ConnectError, RequestTimeout, WorkbenchError
from workbench.api.text import Text
from workbench.core.qa.catalogue import CheckSpec, select
from workbench.core.qa.context import QaContext, QaOptions, Skip, Verdict, model_name
from workbench.core.qa.exchange import Exchanges
from workbench.core.qa.model import CheckResult, QaReport, Status
from workbench.core.qa.pacing import Pacer

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    import httpx

    from workbench.api.models import Connection
    from workbench.core.runs.history import History


@dataclass(frozen=True)
class CheckStarted:
    """A check is about to run (`index` counts from 0 of `total`)."""

    index: int
    total: int
    spec: CheckSpec


@dataclass(frozen=True)
class CheckFinished:
    """A check is done."""

    index: int
    total: int
    result: CheckResult
    error: WorkbenchError | None = None
    """The failure its reason is or quotes, if any (the GUI says it in its own words)."""


QaEvent = CheckStarted | CheckFinished


class QaRun:
    """One QA run of one endpoint; `events()` runs it, `report` holds what it found so far."""

    def __init__(
        self,
        connection: Connection,
        options: QaOptions | None = None,
        *,
        endpoint: str = "",
        history: History | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        """Prepare a run; nothing is sent until `events()` is iterated.

        Args:
            connection: the endpoint (its key stays a SecretStr).
            options: which checks, how many latency requests, budgets, pace.
            endpoint: the endpoint's name for the report and the run record ('' for a bare URL).
            history: the run record each request is written to (None: none is).
            transport: an httpx transport instead of the network (tests).

        Raises:
            InputError: `options.checks` names an unknown check.
        """
        self.options = options or QaOptions()
        self.specs = select(self.options.checks)
        self._connection = connection
        self._history = history
        self._transport = transport
        self._endpoint = endpoint
        self.unreachable: WorkbenchError | None = None
        """The connection failure that stopped the run, if one did."""
        traits = flavour_traits(connection.flavour)
        self.report = QaReport(
            endpoint=endpoint or connection.base_url,
            url=connection.base_url,
            flavour=traits.label,
            model=connection.model or "",
            started=datetime.now(UTC),
            version=__version__,
            settings=_settings(self.options, [s.id for s in self.specs]),
        )

    async def events(self) -> AsyncIterator[QaEvent]:
        """Run every selected check in order, yielding progress; cancelling stops the run."""
        # httpx loads with the first run, not at start-up (issue 15)
        from workbench.api.client import WorkbenchClient

        o = self.options
        send = Exchanges(
            self._connection,
            self._endpoint,
            Pacer(o.rpm),
            self._history,
            max_retries=o.max_retries,
            max_wait_s=o.max_wait_s,
        )
        connection = send.connection = await self._with_model(send)
        client = WorkbenchClient(connection, transport=self._transport)
        ctx = QaContext(connection, client, o, send, self.report, self._transport)
        ctx.configured_model = self._connection.model
        total = len(self.specs)
        try:
            for index, spec in enumerate(self.specs):
                yield CheckStarted(index, total, spec)
                result, error = await self._one(ctx, spec)
                self.report.results.append(result)
                yield CheckFinished(index, total, result, error)
        except (asyncio.CancelledError, GeneratorExit):
            self.report.cancelled = True
            raise
        finally:
            self.report.finished = datetime.now(UTC)
            waited = send.pacer.waited_s
            self.report.settings["waited"] = f"{waited:.1f} s for the pace and for Retry-After"
            await ctx.aclose()
            await client.aclose()

    async def _with_model(self, send: Exchanges) -> Connection:
        """With no model set, requests name the model /info names (one deployment, one model:
        Cohere's own Azure guides send a placeholder where the route wants a name)."""
        # httpx loads with the first run, not at start-up (issue 15)
        from workbench.api.client import WorkbenchClient

        connection = send.connection
        if connection.model:
            return connection
        try:
            async with WorkbenchClient(connection, transport=self._transport) as client:
                answer = await send.raw(client, "GET", "info", None, Text("which model?"))
        except WorkbenchError:
            return connection  # the checks say what is wrong
        name = model_name(answer.text) if answer.status < 300 else None
        if not name:
            return connection
        self.report.settings["model used"] = (
            f"none set on the endpoint; requests name {name}, as /info says"
        )
        return connection.model_copy(update={"model": name})

    async def _one(
        self, ctx: QaContext, spec: CheckSpec
    ) -> tuple[CheckResult, WorkbenchError | None]:
        """The check's result, and the failure it ended with or quotes (if any)."""
        # The first check also shows the request that asked /info for the model (if one did).
        started = time.perf_counter()
        status, said, error = await self._verdict(ctx, spec)
        elapsed = (time.perf_counter() - started) * 1000.0
        evidence, ctx.send.evidence = ctx.send.evidence, []
        reason = said if said is not None else str(error)
        result = CheckResult(spec.id, spec.title, spec.group, status, reason, evidence, elapsed)
        return result, error

    async def _verdict(
        self, ctx: QaContext, spec: CheckSpec
    ) -> tuple[Status, Text | None, WorkbenchError | None]:
        """Run the check: its status and why, in words (None: the failure's own line says why)."""
        if self.unreachable is not None:
            said = Text("the endpoint could not be reached: %1", str(self.unreachable))
            return "skip", said, self.unreachable
        try:
            return "pass", await spec.run(ctx), None
        except Verdict as exc:
            ended: Status = "skip" if isinstance(exc, Skip) else "fail"
            return ended, exc.text, exc.error
        except (ConnectError, RequestTimeout) as exc:
            if spec.id == "reachability":
                self.unreachable = exc
            return "fail", None, exc
        except WorkbenchError as exc:
            return "fail", None, exc


def _settings(o: QaOptions, checks: list[str]) -> dict[str, str]:
    return {
        "checks": ", ".join(checks),
        "latency requests": str(o.requests),
        "pace": f"at most {o.rpm} requests a minute; after a 429, wait as Retry-After says "
        f"(up to {o.max_retries} times)",
        "budgets": f"first token p95 ≤ {o.ttft_budget_ms:,.0f} ms, total p95 ≤ "
        f"{o.total_budget_ms:,.0f} ms",
    }
