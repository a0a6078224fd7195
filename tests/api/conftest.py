"""Fixtures for client tests: connections to the session sandbox, per flavour."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from pydantic import SecretStr

from tests.conftest import SANDBOX_TEST_KEY
from tests.waits import WAIT_S
from workbench.api.models import Connection, Flavour

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.sandbox.runner import RunningSandbox


@pytest.fixture
def connection(sandbox: RunningSandbox) -> Callable[..., Connection]:
    """`connection(flavour, faults="", **fields)`: a Connection to the sandbox with the test key."""

    def make(
        flavour: Flavour | str = Flavour.COHERE_V2, faults: str = "", **fields: object
    ) -> Connection:
        values: dict[str, object] = {
            "base_url": sandbox.base_url,
            "flavour": Flavour(flavour),
            "model": "sandbox-model",
            "api_key": SecretStr(SANDBOX_TEST_KEY),
            "timeout_s": WAIT_S,
        }
        if faults:
            values["extra_headers"] = {"x-sandbox-fault": faults}
        values.update(fields)
        return Connection.model_validate(values)

    return make
