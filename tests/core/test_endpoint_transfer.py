"""Endpoints exported without keys, duplicated, and imported with refusals that say where and why."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

from tests.conftest import HEX_KEY_WITH_DIGITS
from workbench.api.errors import InputError
from workbench.api.models import Flavour
from workbench.api.redact import forget_secrets, register_secret
from workbench.api.text import Text
from workbench.core.endpoint_refusals import FIELD_LABELS, refusal
from workbench.core.endpoint_transfer import duplicate, export_endpoints, import_endpoints
from workbench.core.endpoints import EndpointConfig, Prices

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails


def _endpoint(**changes: object) -> EndpointConfig:
    base = EndpointConfig(name="Cohere", base_url="https://api.cohere.com", model="command-a")
    return base.model_copy(update=changes)


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
