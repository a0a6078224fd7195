"""Extra headers: the lines the form reads, and what they do on a real request to the sandbox."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import pytest
from pydantic import ValidationError

from workbench.api.client import WorkbenchClient
from workbench.api.errors import InputError, ServerError
from workbench.api.models import Flavour, RerankRequest
from workbench.core.endpoint_headers import format_header_lines, parse_header_lines
from workbench.core.endpoints import EndpointConfig
from workbench.core.probe import probe_endpoint

if TYPE_CHECKING:
    from workbench.sandbox.runner import RunningSandbox


def _fault_endpoint(sandbox: RunningSandbox, **headers: str) -> EndpointConfig:
    return EndpointConfig(
        name="Sandbox",
        base_url=sandbox.base_url,
        flavour=Flavour.COHERE_V2,
        model="rerank-v3.5",
        extra_headers={"X-Client-Name": "rehearsal", **headers},
    )


def test_header_lines_parse_in_order_skipping_blanks_and_comments() -> None:
    text = "X-Client-Name:  demo laptop \n\n# faults for the rehearsal\nx-sandbox-fault: status=503"
    headers = parse_header_lines(text)
    assert headers == {"X-Client-Name": "demo laptop", "x-sandbox-fault": "status=503"}
    assert parse_header_lines(format_header_lines(headers)) == headers


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        ("X-A: 1\nno colon here", "Extra headers, line 2", "Name: value"),
        ("X A: 1", "Extra headers, line 1", "not a valid header name"),
        ("Bad(name): 1", "Extra headers, line 1", "not a valid header name"),
        ("X-A: 1\n\nauthorization: Bearer k", "Extra headers, line 3", "API key field"),
        ("x-api-key: k", "Extra headers, line 1", "keyring"),
        ("X-A: caf\u00e9", "Extra headers, line 1", "non-ASCII"),
        ("X-A: a\x00b", "Extra headers, line 1", "control"),
        ("X-A: 1\nx-a: 2", "Extra headers, line 2", "twice"),
        ("extra-parameters: drop", "Extra headers, line 1", "its own field"),
        ("Content-Length: 3", "Extra headers, line 1", "set by the workbench"),
        ("Upgrade: h2c", "Extra headers, line 1", "managed by the HTTP client"),
    ],
)
def test_header_lines_refuse_bad_input_naming_the_line(text: str, where: str, words: str) -> None:
    with pytest.raises(InputError) as refused:
        parse_header_lines(text)
    assert refused.value.where == where
    assert words in refused.value.server_message


def test_a_line_break_cannot_smuggle_a_second_header() -> None:
    raw = {"name": "a", "base_url": "https://h", "extra_headers": {"X-A": "1\r\nX-B: 2"}}
    with pytest.raises(ValidationError, match="line break"):
        EndpointConfig.model_validate(raw)


def test_sandbox_fault_header_makes_a_real_request_fail_with_503(sandbox: RunningSandbox) -> None:
    endpoint = _fault_endpoint(sandbox, **{"x-sandbox-fault": "status=503"})

    async def rerank() -> None:
        async with WorkbenchClient(endpoint.to_connection(sandbox.key)) as client:
            await client.rerank(RerankRequest(query="q", documents=["d"]))

    with pytest.raises(ServerError) as failed:
        asyncio.run(rerank())
    assert failed.value.status == 503


def test_probe_with_harmless_extra_headers_still_connects(sandbox: RunningSandbox) -> None:
    report = asyncio.run(probe_endpoint(_fault_endpoint(sandbox), sandbox.key))
    assert report.ok, report.text()
    assert report.text().startswith("✔ Connected")


def test_probe_without_a_key_says_so_without_calling(sandbox: RunningSandbox) -> None:
    report = asyncio.run(probe_endpoint(_fault_endpoint(sandbox), None))
    assert (report.ok, str(report.headline), report.url) == (False, "No key", "")
