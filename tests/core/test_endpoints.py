"""EndpointConfig: connection building, extra headers, export without keys, import with clear errors."""

from __future__ import annotations

import asyncio
import json
from typing import TYPE_CHECKING

import pytest
from pydantic import ValidationError

from tests.conftest import HEX_KEY_WITH_DIGITS
from workbench.api.client import WorkbenchClient
from workbench.api.errors import InputError, ServerError
from workbench.api.models import AuthScheme, Flavour, RerankRequest
from workbench.api.redact import forget_secrets, register_secret
from workbench.api.text import Text
from workbench.core.endpoint_headers import format_header_lines, parse_header_lines
from workbench.core.endpoint_refusals import FIELD_LABELS, refusal
from workbench.core.endpoint_transfer import duplicate, export_endpoints, import_endpoints
from workbench.core.endpoints import EndpointConfig, Prices, is_plain_http_off_loopback
from workbench.core.probe import probe_endpoint
from workbench.core.settings import SettingsStore

if TYPE_CHECKING:
    from pathlib import Path

    from pydantic_core import ErrorDetails

    from workbench.sandbox.runner import RunningSandbox


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


def test_an_export_whose_prices_hold_8_digits_of_a_key_imports_back() -> None:
    key = HEX_KEY_WITH_DIGITS
    endpoint = _endpoint(prices=Prices(input_per_million=2.204813775, output_per_million=10))
    register_secret(key)
    try:
        text = export_endpoints([endpoint])
    finally:
        forget_secrets()
    (imported,) = import_endpoints(text, existing=[])
    assert imported.prices == endpoint.prices
    assert text.startswith('{\n  "format": ')


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


def _fault_endpoint(sandbox: RunningSandbox, **headers: str) -> EndpointConfig:
    return EndpointConfig(
        name="Sandbox",
        base_url=sandbox.base_url,
        flavour=Flavour.COHERE_V2,
        model="rerank-v3.5",
        extra_headers={"X-Client-Name": "rehearsal", **headers},
    )


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


def test_extra_headers_are_exported_and_imported() -> None:
    endpoint = _endpoint(extra_headers={"X-Gateway-Route": "eu-1"})
    text = export_endpoints([endpoint])
    assert json.loads(text)["endpoints"][0]["extra_headers"] == {"X-Gateway-Route": "eu-1"}
    (imported,) = import_endpoints(text, existing=[])
    assert imported.extra_headers == {"X-Gateway-Route": "eu-1"}


@pytest.mark.parametrize("name", ["Authorization", "api-key", "X-API-Key", "Proxy-Authorization"])
def test_import_refuses_a_key_in_an_extra_header(name: str) -> None:
    text = json.dumps(
        {
            "endpoints": [
                {"name": "a", "base_url": "https://h", "extra_headers": {name: "Bearer s3cret"}}
            ]
        }
    )
    with pytest.raises(InputError) as refused:
        import_endpoints(text, existing=[])
    assert refused.value.where == "endpoints[0].extra_headers"
    assert "API key field" in refused.value.server_message
    assert "s3cret" not in str(refused.value)


@pytest.mark.parametrize(
    ("name", "phrase"),
    [("Host", "comes from the base URL"), ("Keep-Alive", "is managed by the HTTP client")],
)
def test_import_refuses_a_header_the_workbench_sets_naming_the_endpoint(
    name: str, phrase: str
) -> None:
    """The reason was pydantic's English line ("Invalid endpoint: Value error, header 'Host'
    is managed by the HTTP client"), which the GUI could only show as it was."""
    endpoint = {"name": "gateway", "base_url": "https://h", "extra_headers": {name: "x"}}
    with pytest.raises(InputError) as refused:
        import_endpoints(json.dumps({"endpoints": [endpoint]}), existing=[])
    assert refused.value.where == "endpoints[0].extra_headers"
    message = refused.value.message_text
    assert isinstance(message, Text)
    assert str(message) == f"Invalid endpoint 'gateway': Header '{name}' {phrase}"  # the CLI's


@pytest.mark.parametrize(
    ("changes", "where", "said"),
    [
        (
            {"flavour": "cohere-v3"},
            "flavour",
            "Invalid endpoint 'gateway': Flavour must be one of cohere-v1, cohere-v2, openai",
        ),
        (
            {"auth": "basic"},
            "auth",
            "Invalid endpoint 'gateway': Authentication scheme must be one of bearer, api-key, "
            "x-api-key, entra, none",
        ),
        (
            {"extra_parameters": "ignore"},
            "extra_parameters",
            "Invalid endpoint 'gateway': extra-parameters header must be one of pass-through, "
            "drop, error",
        ),
        ({"name": "  "}, "name", "Invalid endpoint: Name must not be empty"),
        ({"name": ""}, "name", "Invalid endpoint: Name must not be empty"),
        ({"name": 5}, "name", "Invalid endpoint: Name must be text"),
        ({"base_url": None}, "base_url", "Invalid endpoint 'gateway': Base URL must be text"),
        (
            {"timeout_s": "fast"},
            "timeout_s",
            "Invalid endpoint 'gateway': Timeout must be a number",
        ),
        (
            {"connect_timeout_s": [5]},
            "connect_timeout_s",
            "Invalid endpoint 'gateway': Connect timeout must be a number",
        ),
        (
            {"timeout_s": 0},
            "timeout_s",
            "Invalid endpoint 'gateway': Timeout must be greater than 0",
        ),
        (
            {"prices": {"input_per_million": -1}},
            "prices.input_per_million",
            "Invalid endpoint 'gateway': Input price per million tokens must be 0 or more",
        ),
        ({"prices": 3}, "prices", "Invalid endpoint 'gateway': Prices must be a JSON object"),
        (
            {"extra_headers": ["X-A: 1"]},
            "extra_headers",
            "Invalid endpoint 'gateway': Extra headers must be a JSON object",
        ),
        (
            {"keyring_headers": "X-Key"},
            "keyring_headers",
            "Invalid endpoint 'gateway': Extra headers must be a JSON list",
        ),
        (
            {"extra_headers": {"X-Route": "eu", "X-A": 5}},
            "extra_headers.X-A",
            "Invalid endpoint 'gateway': Header 'X-A' must have a text value",
        ),
        (
            {"prices": {"currency": 5}},
            "prices.currency",
            "Invalid endpoint 'gateway': Price currency must be text",
        ),
        (
            {"prices": {"per_thousand_search_units": "cheap"}},
            "prices.per_thousand_search_units",
            "Invalid endpoint 'gateway': Price per 1,000 search units must be a number",
        ),
    ],
    ids=lambda value: value if isinstance(value, str) and "." not in value[:20] else None,
)
def test_import_says_which_field_is_wrong_and_why(
    changes: dict[str, object], where: str, said: str
) -> None:
    """The reason was pydantic's line ("Input should be 'cohere-v1', 'cohere-v2' or 'openai'",
    "Value error, must not be empty"), English the GUI could only show as it was."""
    endpoint = {"name": "gateway", "base_url": "https://h.example", **changes}
    with pytest.raises(InputError) as refused:
        import_endpoints(json.dumps({"endpoints": [endpoint]}), existing=[])
    assert refused.value.where == f"endpoints[0].{where}"
    message = refused.value.message_text
    assert isinstance(message, Text)
    assert str(message) == said  # the English line, as the command line and the log say it


@pytest.mark.parametrize("value", [5, None, ["s3cret-token"], {"v": "s3cret-token"}])
def test_a_header_value_of_the_wrong_type_is_named_by_its_header_never_its_value(
    value: object,
) -> None:
    """The refusal named the whole field ("Extra headers must be text"), not the header that
    is wrong; it names it, and never shows the value (a header value may be a secret)."""
    headers = {"X-Route": "eu", "X-Tenant": value}
    endpoint = {"name": "gateway", "base_url": "https://h.example", "extra_headers": headers}
    with pytest.raises(InputError) as refused:
        import_endpoints(json.dumps({"endpoints": [endpoint]}), existing=[])
    assert refused.value.where == "endpoints[0].extra_headers.X-Tenant"
    said = str(refused.value.message_text)
    assert said == "Invalid endpoint 'gateway': Header 'X-Tenant' must have a text value"
    assert "s3cret" not in str(refused.value)


def test_each_price_field_has_words_of_its_own() -> None:
    """An error in `prices.currency` was said of "Prices" as a whole ("Prices must be text"):
    a field without a label of its own is named by the field holding it."""
    for name in Prices.model_fields:
        assert f"prices.{name}" in FIELD_LABELS, name


def test_import_says_a_missing_field_is_missing() -> None:
    text = json.dumps({"endpoints": [{"name": "a"}, {"name": "gateway"}]})
    with pytest.raises(InputError) as refused:
        import_endpoints(text, existing=[])
    assert refused.value.where == "endpoints[0].base_url"
    assert str(refused.value.message_text) == "Invalid endpoint 'a': Base URL is missing"


def test_a_refusal_not_put_in_words_keeps_pydantics_line() -> None:
    error: ErrorDetails = {
        "type": "url_parsing",
        "loc": ("proxy",),
        "msg": "Input should be a valid URL",
        "input": "x",
    }
    assert refusal(error) == "Input should be a valid URL"


def test_the_form_still_reads_a_blank_name_as_before() -> None:
    """The blank name's reason became a `Text` for the import; the Endpoints form shows
    pydantic's line at the field, which keeps its words."""
    with pytest.raises(ValidationError) as refused:
        EndpointConfig(name=" ", base_url="https://h")
    assert refused.value.errors()[0]["msg"] == "Value error, must not be empty"


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
