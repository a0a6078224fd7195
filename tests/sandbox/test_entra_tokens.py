"""Entra mode: only live tokens the sandbox signed pass; expired 401, forged 401, no role 403."""

from __future__ import annotations

import json
import shlex
import subprocess
import time
from typing import TYPE_CHECKING

import httpx
import pytest

from tests.conftest import ENTRA_TEST_SECRET
from tests.waits import WAIT_S
from workbench.sandbox.cli import token_command
from workbench.sandbox.entra_tokens import EXPIRED, INVALID, KEYS_OFF, NO_ACCESS, issue

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.sandbox.runner import RunningSandbox


def _info(sandbox: RunningSandbox, headers: dict[str, str]) -> httpx.Response:
    return httpx.get(f"{sandbox.base_url}/info", headers=headers, timeout=WAIT_S)


def test_live_token_passes(entra_sandbox: RunningSandbox) -> None:
    token = issue(ENTRA_TEST_SECRET, int(time.time()) + 600)
    assert _info(entra_sandbox, {"Authorization": f"Bearer {token}"}).status_code == 200


# Each token is issued when its test runs, from the time then: a run (or one of several test
# processes) may reach it minutes after collection, and the ids must not hold random values.
@pytest.mark.parametrize(
    ("token_at", "status", "message"),
    [
        (lambda now: issue(ENTRA_TEST_SECRET, now - 1), 401, EXPIRED),
        (lambda now: issue("another-secret", now + 600), 401, INVALID),
        (lambda now: issue(ENTRA_TEST_SECRET, now + 600, access=False), 403, NO_ACCESS),
        (lambda _now: "a-plain-api-key", 401, KEYS_OFF),
    ],
    ids=["expired", "forged", "no-role", "api-key"],
)
def test_refused_tokens_say_why(
    entra_sandbox: RunningSandbox, token_at: Callable[[int], str], status: int, message: str
) -> None:
    token = token_at(int(time.time()))
    response = _info(entra_sandbox, {"Authorization": f"Bearer {token}"})
    assert response.status_code == status
    assert message in response.text


def test_keys_are_off_in_entra_mode(entra_sandbox: RunningSandbox) -> None:
    response = _info(entra_sandbox, {"api-key": "whatever"})
    assert response.status_code == 401
    assert KEYS_OFF in response.text
    assert _info(entra_sandbox, {}).status_code == 401


def test_printed_token_command_runs_with_a_secret_that_starts_with_a_dash() -> None:
    command = shlex.split(token_command("-starts-like-an-option"))
    done = subprocess.run(command, capture_output=True, text=True, timeout=WAIT_S, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["accessToken"]
