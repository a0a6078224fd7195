"""Helpers for the sandbox tests: an authorised httpx client on the session sandbox."""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx
import pytest

from tests.waits import WAIT_S

if TYPE_CHECKING:
    from collections.abc import Iterator

    from workbench.sandbox.runner import RunningSandbox


@pytest.fixture
def http(sandbox: RunningSandbox) -> Iterator[httpx.Client]:
    """A raw httpx client sending the sandbox's key as a Bearer token."""
    headers = {"Authorization": f"Bearer {sandbox.key}"}
    with httpx.Client(base_url=sandbox.base_url, headers=headers, timeout=WAIT_S) as client:
        yield client
