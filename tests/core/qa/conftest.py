"""Fixtures for the QA tests: a QA run against the sandbox, and sandboxes with faults switched on."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

import pytest

from tests.conftest import SANDBOX_TEST_KEY
from workbench.api.models import Connection, Flavour
from workbench.core.qa.context import QaOptions
from workbench.core.qa.runner import QaRun
from workbench.sandbox.runner import SandboxConfig, start_sandbox

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from workbench.core.qa.model import QaReport
    from workbench.core.runs.history import History
    from workbench.sandbox.runner import RunningSandbox

FAST = {"rpm": 60_000, "requests": 3}
"""Tests pace loosely (the sandbox's quota is unlimited) and time three latency requests."""
GENEROUS = {"ttft_budget_ms": 600_000.0, "total_budget_ms": 600_000.0}
"""Budgets no busy machine misses: only a fault that sets its own budget fails the latency check."""


def qa_report(
    base_url: str,
    flavour: str = "cohere-v1",
    *,
    history: History | None = None,
    **options: Any,
) -> QaReport:
    """Run QA against `base_url` and return the report."""
    connection = Connection(base_url=base_url, flavour=Flavour(flavour), api_key=SANDBOX_TEST_KEY)
    run = QaRun(connection, QaOptions(**{**FAST, **GENEROUS, **options}), history=history)

    async def go() -> None:
        async for _event in run.events():
            pass

    asyncio.run(go())
    return run.report


@pytest.fixture
def faulty_sandbox() -> Iterator[Callable[[str], RunningSandbox]]:
    """`faulty_sandbox("drop_after_events=3")`: a sandbox with that fault on every request."""
    running: list[RunningSandbox] = []

    def start(faults: str) -> RunningSandbox:
        config = SandboxConfig(
            key=SANDBOX_TEST_KEY, seed=7, rpm=1_000_000, tpm=1_000_000_000, default_faults=faults
        )
        sandbox = start_sandbox(config)
        running.append(sandbox)
        return sandbox

    yield start
    for sandbox in running:
        sandbox.stop()
