"""EndpointConfig: connection building, export without keys, import with clear errors."""

from __future__ import annotations

import json

import pytest

from workbench.api.errors import InputError
from workbench.api.models import AuthScheme, Flavour
from workbench.core.endpoints import (
    EndpointConfig,
    Prices,
    duplicate,
    export_endpoints,
    import_endpoints,
    is_plain_http_off_loopback,
)


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


def test_duplicate_gets_fresh_id_and_free_name() -> None:
    original = _endpoint()
    copy = duplicate(original, {"Cohere", "Cohere (copy)"})
    assert copy.id != original.id
    assert copy.name == "Cohere (copy) 2"
    assert copy.model == original.model


def test_export_has_no_ids_keys_or_sandbox_and_imports_back() -> None:
    endpoint = _endpoint(prices=Prices(input_per_million=2.5, output_per_million=10))
    sandbox = _endpoint(name="Local sandbox", is_sandbox=True)
    text = export_endpoints([endpoint, sandbox])
    data = json.loads(text)
    assert [e["name"] for e in data["endpoints"]] == ["Cohere"]
    imported = import_endpoints(text, existing=[endpoint])
    assert len(imported) == 1
    assert imported[0].name == "Cohere 2"
    assert imported[0].id != endpoint.id
    assert imported[0].prices == endpoint.prices
    assert imported[0].flavour is Flavour.COHERE_V2


def test_import_ignores_a_key_someone_added_by_hand() -> None:
    text = json.dumps({"endpoints": [{"name": "a", "base_url": "https://h", "api_key": "secret"}]})
    (endpoint,) = import_endpoints(text, existing=[])
    assert "secret" not in endpoint.model_dump_json()


def test_import_errors_say_where() -> None:
    with pytest.raises(InputError) as bad_json:
        import_endpoints('{"endpoints": [\n}', existing=[])
    assert bad_json.value.where == "line 2, column 1"
    with pytest.raises(InputError) as bad_field:
        import_endpoints(json.dumps([{"name": "a", "base_url": "h", "flavour": "v9"}]), [])
    assert bad_field.value.where == "endpoints[0].flavour"
