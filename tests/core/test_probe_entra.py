"""Test connection with Microsoft Entra ID against the Entra-mode sandbox: who signed in, and why not."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from workbench.api.models import AuthScheme, Flavour
from workbench.core.endpoints import EndpointConfig
from workbench.core.probe import ProbeReport, probe_endpoint

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.sandbox.runner import RunningSandbox


def _probe(sandbox: RunningSandbox, command: str) -> ProbeReport:
    endpoint = EndpointConfig(
        name="Foundry",
        base_url=sandbox.base_url,
        flavour=Flavour.COHERE_V2,
        auth=AuthScheme.ENTRA,
        token_command=command,
    )
    assert not endpoint.needs_key
    return asyncio.run(probe_endpoint(endpoint, None))


def test_probe_names_the_credential_and_the_expiry(
    entra_sandbox: RunningSandbox, token_command: Callable[..., str]
) -> None:
    report = _probe(entra_sandbox, token_command())
    assert report.ok, report.text()
    assert str(report.sign_in).startswith("Signed in with the token command; the token expires at")
    assert "(in 60 min)" in str(report.sign_in)
    assert str(report.sign_in) in report.text()


def test_probe_explains_not_signed_in(
    entra_sandbox: RunningSandbox, token_command: Callable[..., str]
) -> None:
    report = _probe(
        entra_sandbox, token_command("--fail", "Please run 'az login' to setup account.")
    )
    assert not report.ok
    assert str(report.explanation).startswith("Not signed in")
    assert "Sign-in failed" in str(report.headline)


def test_probe_explains_wrong_tenant(
    entra_sandbox: RunningSandbox, token_command: Callable[..., str]
) -> None:
    message = "AADSTS50020: User account from identity provider does not exist in tenant."
    report = _probe(entra_sandbox, token_command("--fail", message))
    assert str(report.explanation).startswith("Wrong tenant")


def test_probe_explains_no_access(
    entra_sandbox: RunningSandbox, token_command: Callable[..., str]
) -> None:
    report = _probe(entra_sandbox, token_command("--no-access"))
    assert not report.ok
    assert str(report.sign_in).startswith("Signed in with")
    assert str(report.explanation).startswith("Signed in, but this identity has no access")


def test_probe_explains_a_token_refused_after_refresh(
    entra_sandbox: RunningSandbox, token_command: Callable[..., str]
) -> None:
    report = _probe(entra_sandbox, token_command("--lifetimes=-5", "--claim", "3600"))
    assert not report.ok
    assert str(report.explanation).startswith("The server refused the Entra ID token")
