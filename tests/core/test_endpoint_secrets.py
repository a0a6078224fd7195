"""Secret headers and proxy passwords: split off the settings, merged back for a request."""

from __future__ import annotations

import pytest

from workbench.api.errors import InputError
from workbench.core.endpoint_headers import SECRET_MASK, format_header_block, parse_header_block
from workbench.core.endpoint_transfer import export_endpoints
from workbench.core.endpoints import (
    EndpointConfig,
    EndpointSecrets,
    split_proxy,
    with_proxy_password,
)


def test_header_block_splits_secret_headers_by_name_and_by_mark() -> None:
    block = parse_header_block(
        "X-Client-Name: demo\nOcp-Apim-Subscription-Key: abc123\nsecret X-Tenant: t-99\n# note"
    )
    assert block.plain == {"X-Client-Name": "demo"}
    assert block.secret == {"Ocp-Apim-Subscription-Key": "abc123", "X-Tenant": "t-99"}
    shown = format_header_block(block.plain, list(block.secret))
    assert "abc123" not in shown
    assert "t-99" not in shown
    again = parse_header_block(shown)
    assert again.secret == {"Ocp-Apim-Subscription-Key": SECRET_MASK, "X-Tenant": SECRET_MASK}


def test_a_header_line_without_a_colon_is_refused_without_showing_it() -> None:
    with pytest.raises(InputError) as caught:
        parse_header_block("Ocp-Apim-Subscription-Key=abc123456789")
    assert "abc123456789" not in str(caught.value)
    assert caught.value.where == "Extra headers, line 1"


def test_masked_values_keep_what_is_stored() -> None:
    stored = EndpointSecrets({"A-Key": "old", "B-Key": "kept"}, proxy_password="pw")
    typed = EndpointSecrets({"A-Key": "new", "B-Key": SECRET_MASK}, proxy_password=SECRET_MASK)
    assert stored.merged(typed) == EndpointSecrets({"A-Key": "new", "B-Key": "kept"}, "pw")
    assert stored.merged(EndpointSecrets()).is_empty()
    assert "kept" not in repr(stored)
    assert EndpointSecrets.from_json(stored.to_json()) == stored
    assert EndpointSecrets.from_json("not json").is_empty()


def test_proxy_password_never_reaches_settings_or_exports() -> None:
    assert split_proxy("http://me:s3cr3t-pw@proxy:3128") == ("http://me@proxy:3128", "s3cr3t-pw")
    assert split_proxy("http://proxy:3128") == ("http://proxy:3128", None)
    endpoint = EndpointConfig(
        name="p", base_url="https://h", proxy="http://me:s3cr3t-pw@proxy:3128"
    )
    assert endpoint.proxy == "http://me@proxy:3128"
    assert "s3cr3t-pw" not in endpoint.model_dump_json()
    assert "s3cr3t-pw" not in export_endpoints([endpoint])
    connection = endpoint.to_connection("k", EndpointSecrets(proxy_password="s3cr3t-pw"))
    assert connection.proxy == "http://me:s3cr3t-pw@proxy:3128"
    assert with_proxy_password(None, "x") is None


def test_connection_carries_only_the_secret_headers_the_endpoint_names() -> None:
    endpoint = EndpointConfig(
        name="a",
        base_url="https://h",
        extra_headers={"X-Client-Name": "demo"},
        keyring_headers=["Ocp-Apim-Subscription-Key"],
    )
    secrets = EndpointSecrets({"Ocp-Apim-Subscription-Key": "v1", "Stale-Key": "v2"})
    connection = endpoint.to_connection("k", secrets)
    assert connection.extra_headers == {"X-Client-Name": "demo", "Ocp-Apim-Subscription-Key": "v1"}
    assert "v1" not in repr(connection)
