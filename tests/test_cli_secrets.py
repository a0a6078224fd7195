"""The command line against a hostile server: the key never printed, bad keys refused unsent."""

from __future__ import annotations

import json
import secrets
from typing import TYPE_CHECKING

import pytest

from tests.conftest import SANDBOX_TEST_KEY
from tests.hostile import Hostile, serve
from workbench.api.redact import FRAGMENT, forget_secrets
from workbench.cli import main

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from workbench.sandbox.runner import RunningSandbox

KEY = "hk-" + secrets.token_hex(20)
"""A key made per run: the hostile server echoes whatever key it receives."""
HEADER_SECRET = "apim-" + secrets.token_hex(16)


@pytest.fixture
def hostile() -> Iterator[Hostile]:
    yield from serve()


@pytest.fixture(autouse=True)
def _fresh_redactor(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # The registry is process-wide: start each case knowing no secret, so a test passes only when
    # the code under test registers what it must mask.
    forget_secrets()
    monkeypatch.setenv("WORKBENCH_API_KEY", KEY)
    yield
    forget_secrets()


def _leaks(text: str, secret: str) -> list[str]:
    """Every fragment of FRAGMENT characters of `secret` that appears in `text`."""
    return [
        secret[i : i + FRAGMENT]
        for i in range(len(secret) - FRAGMENT + 1)
        if secret[i : i + FRAGMENT] in text
    ]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _chat(url: str, *extra: str) -> list[str]:
    return ["chat", "--url", url, "--model", "m", "--message", "hi", *extra]


@pytest.mark.parametrize("mode", ["json-echo", "text-echo", "azure-401", "fragment-401"])
@pytest.mark.parametrize("json_out", [False, True])
def test_cli_never_prints_the_key_a_server_echoes(
    hostile: Hostile, capsys: pytest.CaptureFixture[str], mode: str, json_out: bool
) -> None:
    hostile.mode = mode
    extra = ["--header", f"Ocp-Apim-Subscription-Key:{HEADER_SECRET}"]
    extra += ["--json"] if json_out else []
    status, out, err = _run(capsys, *_chat(hostile.base_url + "/v2/chat", *extra))
    assert status == 3
    assert hostile.seen[-1]["authorization"] == f"Bearer {KEY}"  # the key did travel...
    assert hostile.seen[-1]["ocp-apim-subscription-key"] == HEADER_SECRET
    assert "[redacted]" in out + err  # ...and the echo was there, masked
    assert _leaks(out + err, KEY) == []
    assert _leaks(out + err, HEADER_SECRET) == []


def test_cli_masks_a_key_streamed_back_one_character_at_a_time(
    hostile: Hostile, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile.mode = "stream-echo"
    status, out, err = _run(capsys, *_chat(hostile.base_url + "/chat/completions", "--stream"))
    assert (status, err) == (0, "")
    assert out.startswith("Your key: [redacted]")
    assert _leaks(out, KEY) == []


def test_cli_trims_a_key_with_a_line_break_and_says_so(
    sandbox: RunningSandbox, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKBENCH_API_KEY", f"  {SANDBOX_TEST_KEY}\r\n")
    status, out, err = _run(capsys, *_chat(sandbox.base_url + "/v2/chat"))
    assert status == 0
    assert out
    assert "had spaces or a line break around it" in err
    assert SANDBOX_TEST_KEY not in err


@pytest.mark.parametrize("bad", ["\x07", "\u00e9", "\u2013", "\n"])
def test_cli_refuses_a_key_a_header_cannot_carry_before_sending(
    hostile: Hostile, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, bad: str
) -> None:
    key = KEY[:20] + bad + KEY[20:]
    monkeypatch.setenv("WORKBENCH_API_KEY", key)
    status, out, err = _run(capsys, *_chat(hostile.base_url + "/v2/chat"))
    assert status == 2
    assert hostile.seen == []
    assert "Unusable API key" in err
    assert "WORKBENCH_API_KEY" in err
    assert _leaks(out + err, KEY) == []


@pytest.mark.parametrize("separator", ["=", " ", ""])
def test_cli_header_with_a_wrong_separator_does_not_print_its_value(
    hostile: Hostile, capsys: pytest.CaptureFixture[str], separator: str
) -> None:
    header = f"Ocp-Apim-Subscription-Key{separator}{HEADER_SECRET}"
    status, out, err = _run(capsys, *_chat(hostile.base_url, "--header", header))
    assert status == 2
    assert "--header" in err
    assert _leaks(out + err, HEADER_SECRET) == []
    assert hostile.seen == []


def test_cli_masks_a_proxy_password_in_its_messages(
    capsys: pytest.CaptureFixture[str],
) -> None:
    password = "pw-" + secrets.token_hex(10)
    status, out, err = _run(capsys, *_chat(f"http://user:{password}@[::1"))
    assert status == 2
    assert password not in out + err


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://[::1", "IPv6"),
        ("http://[fe80::1:8080/v2/chat", "IPv6"),
        ("http://127.0.0.1:99999", "port is out of range"),
        ("http://127.0.0.1:http", "port is not a number"),
        ("ftp://example.com", "http:// or https://"),
    ],
)
def test_cli_malformed_url_is_bad_input_with_the_reason(
    capsys: pytest.CaptureFixture[str], url: str, reason: str
) -> None:
    status, out, err = _run(capsys, *_chat(url))
    assert (status, out) == (2, "")
    assert reason in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("count", "chunks", "status"),
    [(999, None, 0), (1000, None, 2), (999, "10", 0), (1000, "10", 2), (1000, "9", 0)],
)
def test_cli_v1_documents_times_chunks_stays_below_10000(
    sandbox: RunningSandbox,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    count: int,
    chunks: str | None,
    status: int,
) -> None:
    monkeypatch.setenv("WORKBENCH_API_KEY", SANDBOX_TEST_KEY)
    docs = tmp_path / "docs.json"
    docs.write_text(json.dumps([f"document {i}" for i in range(count)]), encoding="utf-8")
    argv = ["rerank", "--url", sandbox.base_url + "/v1/rerank", "--query", "document 3"]
    argv += ["--documents", str(docs), "--top-n", "1", "--json"]
    argv += ["--max-chunks-per-doc", chunks] if chunks else []
    code, out, err = _run(capsys, *argv)
    assert code == status, err
    if status == 2:
        assert err.endswith(": give --max-chunks-per-doc 9 or less, or send fewer documents\n")
        assert "max_chunks_per_doc" not in err  # the option, as typed, not the field
        assert out == ""


def test_cli_json_citations_index_the_printed_text_in_code_points(
    hostile: Hostile, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile.mode = "chat-utf16"
    status, out, err = _run(capsys, *_chat(hostile.base_url + "/v2/chat", "--json"))
    assert (status, err) == (0, "")
    result = json.loads(out)
    paris, tokyo = result["citations"]
    assert result["text"][paris["start"] : paris["end"]] == "Paris"
    assert (paris["anchoring"], paris["server_start"]) == ("utf16", 3)
    assert (tokyo["anchoring"], tokyo["start"], tokyo["end"]) == ("unanchored", None, None)


def test_cli_hints_at_v1_when_chat_completions_is_not_found(
    hostile: Hostile, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile.mode = "not-found"
    status, _out, err = _run(
        capsys, *_chat(hostile.base_url + "/chat/completions", "--auth", "none")
    )
    assert status == 3
    assert "hint: Try the base URL ending in /v1" in err
    assert hostile.seen  # it did ask


@pytest.mark.usefixtures("live_keyring")  # the real keyring holds the key and the header
def test_cli_saved_endpoint_sends_its_keyring_secrets(
    hostile: Hostile, capsys: pytest.CaptureFixture[str]
) -> None:
    from workbench.core.endpoints import EndpointConfig, EndpointSecrets
    from workbench.core.secrets import KeyringSecretStore
    from workbench.core.settings import SettingsStore

    endpoint = EndpointConfig(
        name="APIM",
        base_url=hostile.base_url,
        model="m",
        keyring_headers=["Ocp-Apim-Subscription-Key"],
    )
    SettingsStore.default().update(endpoints=[endpoint])
    store = KeyringSecretStore()
    store.set(endpoint.key_ref, KEY)
    store.set(
        endpoint.secrets_ref,
        EndpointSecrets({"Ocp-Apim-Subscription-Key": HEADER_SECRET}).to_json(),
    )
    forget_secrets()  # read back from the keyring, they must be registered again
    try:
        hostile.mode = "text-echo"
        status, out, err = _run(capsys, "chat", "--endpoint", "APIM", "--message", "hi")
    finally:
        store.delete(endpoint.key_ref)
        store.delete(endpoint.secrets_ref)
    assert status == 3
    assert hostile.seen[-1]["ocp-apim-subscription-key"] == HEADER_SECRET
    assert _leaks(out + err, KEY) == []
    assert _leaks(out + err, HEADER_SECRET) == []
