"""Saved endpoints outside the GUI: lookup by name, key from the real keyring, `--endpoint` on the CLI."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from workbench.api.errors import InputError
from workbench.api.models import AuthScheme, Flavour
from workbench.cli import main
from workbench.core.endpoints import EndpointConfig
from workbench.core.saved_endpoints import connection_for, find_endpoint
from workbench.core.secrets import KeyringSecretStore
from workbench.core.settings import SettingsStore

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from workbench.sandbox.runner import RunningSandbox


@pytest.fixture
def saved(sandbox: RunningSandbox, live_keyring: None) -> Iterator[EndpointConfig]:
    """A saved v1 endpoint on the sandbox, its key in the real keyring."""
    endpoint = EndpointConfig(
        name="Sandbox Réranker", base_url=sandbox.base_url, flavour=Flavour.COHERE_V1
    )
    SettingsStore.default().update(endpoints=[endpoint])
    store = KeyringSecretStore()
    store.set(endpoint.key_ref, sandbox.key or "")
    yield endpoint
    store.delete(endpoint.key_ref)


def test_find_by_exact_or_casefolded_name_or_id(saved: EndpointConfig) -> None:
    assert find_endpoint([saved], "Sandbox Réranker") == saved
    assert find_endpoint([saved], "sandbox réranker") == saved
    assert find_endpoint([saved], saved.id) == saved
    with pytest.raises(InputError) as caught:
        find_endpoint([saved], "nope", where="--endpoint")
    assert caught.value.where == "--endpoint"
    assert "“Sandbox Réranker”" in caught.value.server_message


def test_connection_carries_the_keyring_key(saved: EndpointConfig, sandbox: RunningSandbox) -> None:
    connection = connection_for("Sandbox Réranker")
    assert connection.api_key is not None
    assert connection.api_key.get_secret_value() == sandbox.key
    assert connection.flavour is Flavour.COHERE_V1


@pytest.mark.usefixtures("live_keyring")
def test_missing_key_and_sandbox_endpoint_are_explained(tmp_path: Path) -> None:
    keyless = EndpointConfig(name="keyless", base_url="https://h.example", auth=AuthScheme.BEARER)
    local = EndpointConfig(name="Local sandbox", base_url="http://127.0.0.1:1", is_sandbox=True)
    store = SettingsStore(tmp_path / "settings.json")
    store.update(endpoints=[keyless, local])
    with pytest.raises(InputError, match="no key is stored"):
        connection_for("keyless", store=store)
    with pytest.raises(InputError, match="workbench sandbox"):
        connection_for("Local sandbox", store=store)


def test_cli_endpoint_option_uses_the_saved_endpoint(
    saved: EndpointConfig, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = tmp_path / "docs.json"
    docs.write_text(json.dumps(["Paris is in France.", "Oslo is in Norway."]), encoding="utf-8")
    status = main(
        [
            "rerank",
            "--endpoint",
            "Sandbox Réranker",
            "--query",
            "France",
            "--documents",
            str(docs),
            "--json",
        ]
    )
    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    assert json.loads(out)["results"][0]["index"] == 0


def test_cli_unknown_endpoint_exits_2(
    saved: EndpointConfig, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["chat", "--endpoint", "missing", "--message", "hi"])
    _, err = capsys.readouterr()
    assert status == 2
    assert "Unknown endpoint" in err
    assert "--endpoint" in err
