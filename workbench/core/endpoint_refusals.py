"""Why an endpoint's settings are refused, in words a person understands (issue 18).

Pydantic words its refusals for programmers, in English ("Input should be 'cohere-v1',
'cohere-v2' or 'openai'", "Value error, must not be empty"), so an endpoints file refused on
import read that way in the Italian window too. `refusal` turns pydantic's error types into core
`Text`s that name the field as the Endpoints form labels it ("Flavour must be one of cohere-v1,
cohere-v2, openai"); a type not listed here keeps pydantic's line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from workbench.api.text import Text, english

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

FIELD_LABELS = {
    "name": english("Name"),
    "base_url": english("Base URL"),
    "flavour": english("Flavour"),
    "model": english("Model"),
    "auth": english("Authentication scheme"),
    "entra_scope": english("Entra ID scope"),
    "token_command": english("Token command"),
    "api_version": "api-version",
    "extra_parameters": english("extra-parameters header"),
    "ca_bundle": english("Custom CA bundle"),
    "proxy": english("Proxy"),
    "timeout_s": english("Timeout"),
    "connect_timeout_s": english("Connect timeout"),
    "prices": english("Prices"),
    "prices.input_per_million": english("Input price per million tokens"),
    "prices.output_per_million": english("Output price per million tokens"),
    "prices.per_thousand_search_units": english("Price per 1,000 search units"),
    "prices.currency": english("Price currency"),
    "extra_headers": english("Extra headers"),
    "keyring_headers": english("Extra headers"),
}
"""A settings field (a dotted path) by the words the Endpoints form labels it with; the GUI's
catalogue translates them as the form does (a test holds the two together). The prices' currency
is not on the form (it keeps what settings hold): it has words of its own, or an error in it
would be said of the prices as a whole ("Prices must be text")."""


class RefusedValue(ValueError):
    """A value a validator refuses, its reason kept as a `Text`: pydantic keeps the exception
    in its error's context, so `refusal` says the reason in the GUI's language."""

    def __init__(self, text: Text, message: str | None = None) -> None:
        # `message` is pydantic's line ("Value error, <message>") where the English differs.
        super().__init__(message or str(text))
        self.text = text


def field_label(loc: tuple[int | str, ...]) -> Text:
    """The field at pydantic's `loc`, as the form names it (a list index or a header name
    leads to the field holding it); a field the form does not show keeps its JSON name."""
    path = [str(part) for part in loc if isinstance(part, str)]
    for end in range(len(path), 0, -1):
        label = FIELD_LABELS.get(".".join(path[:end]))
        if label is not None:
            return Text(label)
    return Text(".".join(path) or "?")


def refusal(error: ErrorDetails) -> Text | str:
    """Why pydantic refused a value: a core `Text` naming the field, or pydantic's own line for
    an error type not listed here."""
    ctx = error.get("ctx", {})
    cause = ctx.get("error")
    if isinstance(cause, RefusedValue):
        return cause.text
    kind = error["type"]
    header = _header_named(error["loc"])
    if header is not None and kind in _HEADER_VALUE:
        # The header by its name, never its value: a header value may be a secret.
        return Text("Header %1 %2", repr(header), Text(_HEADER_VALUE[kind]))
    field = field_label(error["loc"])
    if kind in _PLAIN:
        return Text(_PLAIN[kind], field)
    if kind in {"enum", "literal_error"}:
        return Text("%1 must be one of %2", field, ", ".join(_choices(str(ctx["expected"]))))
    if kind in _BOUNDS:
        key, template = _BOUNDS[kind]
        return Text(template, field, _number(ctx[key]))
    return error["msg"]


def _header_named(loc: tuple[int | str, ...]) -> str | None:
    """The extra header whose value pydantic's `loc` points at ("extra_headers", "X-A"), or
    None when it points elsewhere."""
    if len(loc) >= 2 and loc[0] == "extra_headers" and isinstance(loc[1], str):
        return loc[1]
    return None


def empty(field: str) -> RefusedValue:
    """The refusal of a blank required text field; pydantic's line stays "Value error, must not
    be empty" (the Endpoints form shows it at the field)."""
    return RefusedValue(
        Text(_PLAIN["string_too_short"], field_label((field,))), "must not be empty"
    )


_PLAIN = {
    "missing": english("%1 is missing"),
    "string_too_short": english("%1 must not be empty"),
    "string_type": english("%1 must be text"),
    "float_parsing": english("%1 must be a number"),
    "float_type": english("%1 must be a number"),
    "int_parsing": english("%1 must be a whole number"),
    "int_type": english("%1 must be a whole number"),
    "int_from_float": english("%1 must be a whole number"),
    "dict_type": english("%1 must be a JSON object"),
    "model_type": english("%1 must be a JSON object"),
    "list_type": english("%1 must be a JSON list"),
}
"""Pydantic's error types said with the field alone."""
_HEADER_VALUE = {"string_type": english("must have a text value")}
"""Pydantic's error types for an extra header's value, said after the header's name (as
`header_problem`'s phrases are, in "Header %1 %2")."""
_BOUNDS = {
    "greater_than": ("gt", english("%1 must be greater than %2")),
    "greater_than_equal": ("ge", english("%1 must be %2 or more")),
    "less_than": ("lt", english("%1 must be less than %2")),
    "less_than_equal": ("le", english("%1 must be %2 or less")),
}
"""Pydantic's bound errors: the key of the bound in the error's context, and the sentence."""
_QUOTED = re.compile(r"'([^']*)'")
"""A choice in pydantic's `expected` ("'cohere-v1', 'cohere-v2' or 'openai'")."""


def _choices(expected: str) -> list[str]:
    return _QUOTED.findall(expected) or [expected]


def _number(value: object) -> int | float | str:
    """A bound as the sentence shows it: 0 rather than 0.0."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value if isinstance(value, int | float) else str(value)
