"""Entra ID sign-in over loopback: token fetched by a command, used, refreshed, explained on failure."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import TYPE_CHECKING

import pytest
from pydantic import SecretStr

from tests.conftest import token_calls
from tests.waits import WAIT_S
from workbench.api import AuthError, RerankRequest, WorkbenchClient
from workbench.api.entra import (
    DEFAULT_SCOPE,
    EntraSpec,
    EntraTokenProvider,
    parse_token_output,
)
from workbench.api.entra_command import command_argv
from workbench.api.entra_explain import classify
from workbench.api.errors import SignInError
from workbench.api.models import AuthScheme, Connection, Flavour
from workbench.api.redact import REDACTED, redact_text

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from workbench.sandbox.runner import RunningSandbox

REQUEST = RerankRequest(query="capital of France", documents=["Paris is in France.", "Berlin."])


def _connection(sandbox: RunningSandbox, command: str, **fields: object) -> Connection:
    values: dict[str, object] = {
        "base_url": sandbox.base_url,
        "flavour": Flavour.COHERE_V2,
        "model": "rerank-v3.5",
        "auth": AuthScheme.ENTRA,
        "token_command": command,
        "timeout_s": WAIT_S,
    }
    values.update(fields)
    return Connection.model_validate(values)


async def _rerank_twice(connection: Connection) -> None:
    async with WorkbenchClient(connection) as client:
        await client.rerank(REQUEST)
        await client.rerank(REQUEST)


def test_entra_token_is_fetched_once_and_reused(
    entra_sandbox: RunningSandbox, token_command: Callable[..., str], tmp_path: Path
) -> None:
    asyncio.run(_rerank_twice(_connection(entra_sandbox, token_command())))
    assert token_calls(tmp_path) == 1


def test_entra_token_near_expiry_is_refreshed_before_use(
    entra_sandbox: RunningSandbox, token_command: Callable[..., str], tmp_path: Path
) -> None:
    # A token with two minutes left is inside the refresh margin: each use fetches a new one.
    asyncio.run(_rerank_twice(_connection(entra_sandbox, token_command("--lifetimes", "120"))))
    assert token_calls(tmp_path) == 2


def test_expired_token_is_refreshed_once_on_401(
    entra_sandbox: RunningSandbox, token_command: Callable[..., str], tmp_path: Path
) -> None:
    # The first token claims an hour but is already dead at the server: 401, refresh, success.
    command = token_command("--lifetimes=-5,3600", "--claim", "3600")

    async def go() -> None:
        async with WorkbenchClient(_connection(entra_sandbox, command)) as client:
            response = await client.rerank(REQUEST)
            assert response.results
            assert client.sign_in is not None
            assert client.sign_in.current is not None
            assert client.sign_in.current.expires_in() > 3000

    asyncio.run(go())
    assert token_calls(tmp_path) == 2


def test_token_refused_twice_is_reported(
    entra_sandbox: RunningSandbox, token_command: Callable[..., str], tmp_path: Path
) -> None:
    command = token_command("--lifetimes=-5", "--claim", "3600")
    with pytest.raises(AuthError) as caught:
        asyncio.run(_rerank_twice(_connection(entra_sandbox, command)))
    assert caught.value.status == 401
    assert "expired" in caught.value.server_message
    assert token_calls(tmp_path) == 2  # fetched, refreshed once, then reported


def test_identity_without_a_role_gets_403_without_refresh(
    entra_sandbox: RunningSandbox, token_command: Callable[..., str], tmp_path: Path
) -> None:
    with pytest.raises(AuthError) as caught:
        asyncio.run(_rerank_twice(_connection(entra_sandbox, token_command("--no-access"))))
    assert caught.value.status == 403
    assert token_calls(tmp_path) == 1


def test_key_is_refused_when_the_sandbox_takes_entra_tokens(entra_sandbox: RunningSandbox) -> None:
    connection = Connection(
        base_url=entra_sandbox.base_url, model="m", api_key=SecretStr("some-key")
    )

    async def go() -> None:
        async with WorkbenchClient(connection) as client:
            await client.rerank(REQUEST)

    with pytest.raises(AuthError, match="Key based authentication is disabled"):
        asyncio.run(go())


def test_token_never_reaches_a_log_line(
    entra_sandbox: RunningSandbox,
    token_command: Callable[..., str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    connection = _connection(entra_sandbox, token_command())

    async def go() -> str:
        async with WorkbenchClient(connection) as client:
            await client.rerank(REQUEST)
            assert client.sign_in is not None
            assert client.sign_in.current is not None
            return client.sign_in.current.value

    token = asyncio.run(go())
    assert redact_text(f"token {token}") == f"token {REDACTED}"
    assert token not in caplog.text
    assert token not in repr(connection)


@pytest.mark.parametrize(
    ("options", "reason", "words"),
    [
        (("--fail", "ERROR: Please run 'az login' to setup account."), "not-signed-in", "az login"),
        (
            ("--fail", "AADSTS90002: Tenant 'contoso' not found."),
            "wrong-tenant",
            "Wrong tenant",
        ),
        (("--garbage",), "unexpected-output", "not JSON"),
        (("--hang",), "timeout", "no answer within 0.5 s"),
    ],
)
def test_token_command_failures_are_explained(
    token_command: Callable[..., str], options: tuple[str, ...], reason: str, words: str
) -> None:
    timeout_s = 0.5 if reason == "timeout" else WAIT_S  # a busy machine starts Python slowly
    provider = EntraTokenProvider(
        EntraSpec(token_command=token_command(*options), timeout_s=timeout_s)
    )
    with pytest.raises(SignInError) as caught:
        asyncio.run(provider.token())
    assert caught.value.reason == reason
    assert words in str(caught.value)


def test_missing_token_command_says_so() -> None:
    spec = EntraSpec(token_command="no-such-token-tool-here --json")
    with pytest.raises(SignInError, match="was not found") as caught:
        asyncio.run(EntraTokenProvider(spec).token())
    assert caught.value.reason == "missing-command"


def test_command_placeholders_are_filled() -> None:
    argv = command_argv("tool --scope {scope} --resource {resource}", DEFAULT_SCOPE)
    assert argv[1:] == ["--scope", DEFAULT_SCOPE, "--resource", "https://ai.azure.com"]


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"expires_on": 1_700_000_000}, 1_700_000_000.0),
        ({"expires_on": "1700000000"}, 1_700_000_000.0),
        ({"expires_in": 60}, 1_000.0 + 60),
    ],
)
def test_token_output_expiry_shapes(fields: dict[str, object], expected: float) -> None:
    output = json.dumps({"accessToken": "tok-123456", **fields}).encode()
    token = parse_token_output(output, credential="x", now=1_000.0)
    assert token.expires_at == expected
    assert token.expiry_known


def test_token_output_local_time_expiry_and_no_expiry() -> None:
    local = json.dumps({"accessToken": "tok-123456", "expiresOn": "2030-01-02 03:04:05.000000"})
    assert parse_token_output(local.encode(), credential="x", now=0).expires_at > 1.8e9
    bare = parse_token_output(b'{"accessToken": "tok-123456"}', credential="x", now=0)
    assert not bare.expiry_known
    assert "not given" in str(bare.describe())


def test_token_output_without_token_names_its_keys() -> None:
    with pytest.raises(SignInError, match="its keys: expires_on, token_type"):
        parse_token_output(b'{"token_type": "Bearer", "expires_on": 5}', credential="x", now=0)


def test_classify_knows_the_common_sign_in_failures() -> None:
    assert classify("AADSTS500011: The resource principal named x was not found")[0] == (
        "wrong-scope"
    )
    assert classify("AADSTS50076: Due to a configuration change ...")[0] == "sign-in-again"
    assert classify("DefaultAzureCredential failed to retrieve a token from the included "
                    "credentials.")[0] == "not-signed-in"  # fmt: skip
    assert classify("something else entirely")[0] == "failed"


def test_token_output_nested_too_deeply_is_a_sign_in_error() -> None:
    with pytest.raises(SignInError, match="not JSON"):
        parse_token_output(b"[" * 100_000 + b"]" * 100_000, credential="x", now=0)
