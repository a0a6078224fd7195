"""EndpointConfig: the connection it builds, its fields, and its place in the settings file."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from pydantic import ValidationError

from workbench.api.models import AuthScheme
from workbench.core.endpoints import EndpointConfig, is_plain_http_off_loopback
from workbench.core.settings import SettingsStore

if TYPE_CHECKING:
    from pathlib import Path


def _endpoint(**changes: object) -> EndpointConfig:
    base = EndpointConfig(name="Cohere", base_url="https://api.cohere.com", model="command-a")
    return base.model_copy(update=changes)


def test_to_connection_carries_settings_and_the_key_as_a_secret() -> None:
    endpoint = _endpoint(auth=AuthScheme.X_API_KEY, ca_bundle="/etc/ca.pem", proxy="http://p:1")
    connection = endpoint.to_connection("k-123456789")
    assert connection.api_key is not None
    assert connection.api_key.get_secret_value() == "k-123456789"
    assert "k-123456789" not in repr(connection)
    assert connection.verify == "/etc/ca.pem"
    assert connection.proxy == "http://p:1"
    assert connection.auth is AuthScheme.X_API_KEY


def test_no_auth_endpoint_sends_no_key() -> None:
    assert _endpoint(auth=AuthScheme.NONE).to_connection("ignored").api_key is None


def test_blank_optional_fields_become_none() -> None:
    endpoint = EndpointConfig(name=" x ", base_url=" https://h ", model="  ", proxy="")
    assert (endpoint.name, endpoint.base_url, endpoint.model, endpoint.proxy) == (
        "x",
        "https://h",
        None,
        None,
    )


@pytest.mark.parametrize(
    ("url", "warn"),
    [
        ("http://example.com/v1", True),
        ("http://localhost:8080", False),
        ("http://127.0.0.1:9", False),
        ("http://[::1]:9", False),
        ("https://example.com", False),
    ],
)
def test_plain_http_warning_only_off_loopback(url: str, warn: bool) -> None:
    assert is_plain_http_off_loopback(url) is warn


def test_extra_headers_reach_the_connection_and_survive_settings(tmp_path: Path) -> None:
    endpoint = _endpoint(extra_headers={"X-Client-Name": "demo", "x-sandbox-fault": "status=503"})
    assert endpoint.to_connection(None).extra_headers == endpoint.extra_headers
    store = SettingsStore(tmp_path / "settings.json")
    store.update(endpoints=[endpoint])
    (loaded,) = SettingsStore(tmp_path / "settings.json").load().endpoints
    assert loaded.extra_headers == {"X-Client-Name": "demo", "x-sandbox-fault": "status=503"}
    assert loaded == endpoint


def test_settings_written_before_extra_headers_still_load(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    old = _endpoint().model_dump(mode="json", exclude={"extra_headers"})
    path.write_text(json.dumps({"endpoints": [old]}), encoding="utf-8")
    (loaded,) = SettingsStore(path).load().endpoints
    assert loaded.extra_headers == {}
    assert loaded.to_connection(None).extra_headers == {}


def test_the_form_still_reads_a_blank_name_as_before() -> None:
    """The blank name's reason became a `Text` for the import; the Endpoints form shows
    pydantic's line at the field, which keeps its words."""
    with pytest.raises(ValidationError) as refused:
        EndpointConfig(name=" ", base_url="https://h")
    assert refused.value.errors()[0]["msg"] == "Value error, must not be empty"
