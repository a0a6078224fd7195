"""Named endpoint configurations (everything but the key) and their JSON import/export."""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit, urlunsplit

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from workbench.api import flavour_traits, jsontext
from workbench.api.errors import InputError
from workbench.api.models import (
    DEFAULT_FLAVOUR,
    HTTP_CLIENT_HEADERS,
    AuthScheme,
    Connection,
    Flavour,
)
from workbench.api.redact import is_secret_header, redact_json, register_secret
from workbench.api.text import Text
from workbench.api.urls import has_user_info, user_info_error
from workbench.core.endpoint_refusals import RefusedValue, empty, refusal

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from pydantic_core import ErrorDetails

EXPORT_FORMAT = "cohere-workbench.endpoints"
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
FLAVOUR_LABELS: dict[Flavour, str] = {f: flavour_traits(f).label for f in Flavour}
AUTH_LABELS: dict[AuthScheme, str] = {
    AuthScheme.BEARER: "Authorization: Bearer",
    AuthScheme.API_KEY: "api-key header",
    AuthScheme.X_API_KEY: "x-api-key header",
    AuthScheme.ENTRA: "Microsoft Entra ID (no key)",
    AuthScheme.NONE: "No authentication",
}
SECRET_MASK = "••••••••"
"""What the form shows in place of a secret kept in the keyring; typed back unchanged, it keeps it."""
SECRET_PREFIX = "secret "
"""`secret Name: value` marks a header secret: its value goes to the keyring, not to settings."""
HEADERS_WHERE = "Extra headers"
"""How errors in the extra-headers field name it (`where` starts with this)."""
_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
"""A header name: RFC 9110 section 5.1 `token` characters."""
_VALUE = re.compile(r"[\x20-\x7e\t]*")
"""A header value: visible ASCII, spaces and tabs (httpx sends values as ASCII)."""
_KEY_HEADERS = frozenset({"authorization", "api-key", "x-api-key", "proxy-authorization"})
_SET_PER_REQUEST = Text("is set by the workbench for each request")
_CLIENT_MANAGED = Text("is managed by the HTTP client")
_OWN_HEADERS = {
    "extra-parameters": Text("has its own field (extra-parameters) above"),
    "content-type": _SET_PER_REQUEST,
    "content-length": _SET_PER_REQUEST,
    "transfer-encoding": _SET_PER_REQUEST,
    "host": Text("comes from the base URL"),
    "connection": _CLIENT_MANAGED,
}
"""Headers the workbench sets itself: why each cannot be an extra header (a phrase following
the name, as every `header_problem` is)."""


def no_items() -> list[Any]:
    """A new empty list: `default_factory=list` for the models read before the first paint.

    Pydantic reads each default factory's signature; `list`'s is text that `inspect` tokenizes,
    which compiles the tokenizer's large regular expressions (3-9 ms at start-up, issue 15).
    """
    return []


def new_endpoint_id() -> str:
    """A fresh random endpoint id (also the keyring username suffix)."""
    return uuid.uuid4().hex[:12]


class Prices(BaseModel):
    """What one endpoint costs, for the chat and rerank cost estimates; None means unknown."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    input_per_million: float | None = Field(default=None, ge=0)
    """Price per million input tokens."""
    output_per_million: float | None = Field(default=None, ge=0)
    """Price per million output tokens."""
    per_thousand_search_units: float | None = Field(default=None, ge=0)
    """Price per 1,000 rerank search units."""
    currency: str = "USD"


class EndpointConfig(BaseModel):
    """One saved endpoint. It never holds the key: that lives in the keyring under `key_ref`."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str = Field(default_factory=new_endpoint_id)
    name: str = Field(min_length=1)
    base_url: str = Field(min_length=1)
    """As the person typed it; the client normalises it (`workbench.api.normalise_base_url`)."""
    flavour: Flavour = DEFAULT_FLAVOUR
    model: str | None = None
    auth: AuthScheme = AuthScheme.BEARER
    entra_scope: str | None = None
    """With Entra ID: the token's scope (None: Azure AI Foundry's `https://ai.azure.com/.default`)."""
    token_command: str | None = None
    """With Entra ID: a command printing the token as JSON (None: azure-identity, else `az`)."""
    api_version: str | None = None
    extra_parameters: Literal["pass-through", "drop", "error"] | None = None
    ca_bundle: str | None = None
    """Path of a PEM bundle to trust instead of the system's store."""
    proxy: str | None = None
    """A proxy URL; None uses the system's (environment) proxy settings."""
    timeout_s: float = Field(default=120.0, gt=0)
    connect_timeout_s: float = Field(default=10.0, gt=0)
    prices: Prices = Field(default_factory=Prices)
    extra_headers: dict[str, str] = Field(default_factory=dict)
    """Sent with every request (gateway routing, `X-Client-Name`, `x-sandbox-fault`); never a key."""
    keyring_headers: list[str] = Field(default_factory=no_items)
    """Names of headers whose values live in the keyring (`Ocp-Apim-Subscription-Key`...)."""
    is_sandbox: bool = False
    """The local sandbox the workbench starts itself; its URL is filled in at each start."""

    @field_validator("name", "base_url")
    @classmethod
    def _strip(cls, value: str, info: ValidationInfo) -> str:
        value = value.strip()
        if not value:
            raise empty(info.field_name or "")
        return value

    @field_validator("model", "api_version", "ca_bundle", "proxy", "entra_scope", "token_command")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return value.strip() or None if value is not None else None

    @field_validator("proxy")
    @classmethod
    def _no_proxy_password(cls, value: str | None) -> str | None:
        # The password lives in the keyring (EndpointSecrets); settings keep the rest of the URL.
        return split_proxy(value)[0] if value else value

    def __hash__(self) -> int:
        # pydantic's frozen hash fails on the dict field; a frozen config stays usable as a key.
        return hash(self.model_dump_json())

    @field_validator("extra_headers")
    @classmethod
    def _check_headers(cls, value: dict[str, str]) -> dict[str, str]:
        clean: dict[str, str] = {}
        for name, text in value.items():
            name, text = name.strip(), text.strip()
            problem = header_problem(name, text, taken=clean)
            if problem:
                raise RefusedValue(Text("Header %1 %2", repr(name), problem))
            clean[name] = text
        return clean

    @property
    def key_ref(self) -> str:
        """The keyring username this endpoint's key is stored under."""
        return key_ref(self.id)

    @property
    def secrets_ref(self) -> str:
        """The keyring username this endpoint's secret headers and proxy password are under."""
        return secrets_ref(self.id)

    @property
    def has_secrets(self) -> bool:
        """Whether the keyring may hold secrets for it besides the key."""
        return bool(self.keyring_headers) or proxy_has_user(self.proxy)

    @property
    def needs_key(self) -> bool:
        """Whether requests carry a key from the keyring (Entra ID signs in instead)."""
        return self.auth not in {AuthScheme.NONE, AuthScheme.ENTRA}

    def to_connection(self, key: str | None, secrets: EndpointSecrets | None = None) -> Connection:
        """Build what the api client needs.

        Args:
            key: the key read from the keyring (None when the endpoint has none).
            secrets: its secret header values and proxy password, read from the keyring.

        Returns:
            A `Connection`; the key is held as a `SecretStr`.
        """
        secrets = secrets or EndpointSecrets()
        headers = dict(self.extra_headers)
        headers.update({n: v for n, v in secrets.headers.items() if n in self.keyring_headers})
        return Connection(
            base_url=self.base_url,
            flavour=self.flavour,
            model=self.model,
            auth=self.auth,
            api_key=SecretStr(key) if key and self.needs_key else None,
            entra_scope=self.entra_scope,
            token_command=self.token_command,
            api_version=self.api_version,
            extra_parameters=self.extra_parameters,
            timeout_s=self.timeout_s,
            connect_timeout_s=self.connect_timeout_s,
            verify=self.ca_bundle or True,
            proxy=with_proxy_password(self.proxy, secrets.proxy_password),
            extra_headers=headers,
        )


@dataclass(frozen=True)
class EndpointSecrets:
    """What an endpoint keeps in the keyring besides its key: one JSON entry under `secrets_ref`."""

    headers: dict[str, str] = field(default_factory=dict)
    """Secret header values by name."""
    proxy_password: str | None = None

    def __post_init__(self) -> None:
        for value in (*self.headers.values(), self.proxy_password):
            _remember(value)

    def __repr__(self) -> str:
        return f"EndpointSecrets(headers={sorted(self.headers)!r}, proxy_password=...)"

    def is_empty(self) -> bool:
        """Nothing to keep (the keyring entry is deleted)."""
        return not self.headers and not self.proxy_password

    def to_json(self) -> str:
        """The keyring entry's text."""
        return json.dumps({"headers": self.headers, "proxy_password": self.proxy_password})

    @classmethod
    def from_json(cls, text: str | None) -> EndpointSecrets:
        """Read a keyring entry (None or unreadable: nothing stored)."""
        try:
            data = json.loads(text) if text else {}
        except ValueError:
            data = {}
        data = data if isinstance(data, dict) else {}
        headers = data.get("headers")
        headers = headers if isinstance(headers, dict) else {}
        password = data.get("proxy_password")
        return cls(
            headers={str(k): str(v) for k, v in headers.items()},
            proxy_password=password if isinstance(password, str) and password else None,
        )

    def merged(self, typed: EndpointSecrets) -> EndpointSecrets:
        """What is typed, where SECRET_MASK (left as shown) keeps what this one stores."""
        headers = {
            name: self.headers.get(name, "") if value == SECRET_MASK else value
            for name, value in typed.headers.items()
        }
        password = typed.proxy_password
        if password == SECRET_MASK:
            password = self.proxy_password
        return EndpointSecrets({k: v for k, v in headers.items() if v}, password)


def _remember(value: str | None) -> None:
    """Tell the redactor about a secret (the mask shown in its place is none)."""
    if value != SECRET_MASK:
        register_secret(value)


def proxy_has_user(url: str | None) -> bool:
    """Whether a proxy URL names a user (its password, if any, is in the keyring)."""
    try:
        return bool(url and urlsplit(url).username)
    except ValueError:
        return False


def split_proxy(url: str | None) -> tuple[str | None, str | None]:
    """A proxy URL without its password, and the password (None when it has none)."""
    if not url:
        return url, None
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        return url, None
    if password is None:
        return url, None
    _remember(password)
    host = parts.netloc.rpartition("@")[2]
    netloc = f"{parts.username or ''}@{host}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment)), password


def with_proxy_password(url: str | None, password: str | None) -> str | None:
    """The proxy URL with this password put back after its user name."""
    if not url or not password:
        return url
    parts = urlsplit(url)
    host = parts.netloc.rpartition("@")[2]
    netloc = f"{parts.username or ''}:{password}@{host}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def header_problem(name: str, value: str, *, taken: Iterable[str] = ()) -> Text | None:
    """Why this extra header cannot be saved (a phrase following the name), or None if it can.

    The phrase is a `Text` so the GUI can say it in its language; `str()` gives the English.

    Args:
        name: the header name, already stripped.
        value: the header value, already stripped.
        taken: names of the headers accepted so far (compared case-insensitively).
    """
    lowered = name.lower()
    if not _TOKEN.fullmatch(name):
        return Text("is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)")
    if lowered in _KEY_HEADERS:
        return Text(
            "carries a key: put the key in the API key field so it is stored in the keyring "
            "(extra headers are saved in plain settings)"
        )
    if lowered in _OWN_HEADERS:
        return _OWN_HEADERS[lowered]
    if lowered in HTTP_CLIENT_HEADERS:
        return _CLIENT_MANAGED
    if any(lowered == other.lower() for other in taken):
        return Text("appears twice")
    if not _VALUE.fullmatch(value):
        return Text("has a value with a line break, control or non-ASCII character")
    return None


def parse_header_lines(text: str) -> dict[str, str]:
    """Read "Name: value" lines (blank lines and `#` comments skipped) into headers.

    Args:
        text: what the person typed, one header per line.

    Returns:
        The headers in the order typed, secret ones included.

    Raises:
        InputError: a line is not "Name: value" or the header is refused; `.where` names the
            line ("Extra headers, line 3").
    """
    block = parse_header_block(text)
    return {**block.plain, **block.secret}


@dataclass(frozen=True)
class HeaderBlock:
    """Extra headers as typed, split into those kept in settings and those kept in the keyring."""

    plain: dict[str, str]
    secret: dict[str, str]
    """Values may be SECRET_MASK: keep the value the keyring holds."""


def parse_header_block(text: str) -> HeaderBlock:
    """Read "Name: value" lines; `secret Name: value` lines, and headers whose name says they
    carry a secret (`Ocp-Apim-Subscription-Key`, `X-Auth-Token`...), are secret.

    Raises:
        InputError: as `parse_header_lines`; the message never shows a value.
    """
    plain: dict[str, str] = {}
    secret: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        marked = line.lstrip().lower().startswith(SECRET_PREFIX)
        body = line.lstrip()[len(SECRET_PREFIX) :] if marked else line
        name, colon, value = (part.strip() for part in body.partition(":"))
        is_secret = marked or is_secret_header(name)
        if is_secret and colon:
            _remember(value)
        problem = _line_problem(name, colon, value, is_secret, taken=[*plain, *secret])
        if problem:
            raise InputError(
                problem, title="Invalid extra header", where=f"{HEADERS_WHERE}, line {number}"
            )
        (secret if is_secret else plain)[name] = value
    return HeaderBlock(plain, secret)


def _line_problem(
    name: str, colon: str, value: str, is_secret: bool, taken: Iterable[str]
) -> Text | None:
    if not colon:
        # The line is not shown: it may be a secret typed without its name.
        return Text("Expected “Name: value” (a colon between the name and the value)")
    checked = "x" if is_secret and value == SECRET_MASK else value
    problem = header_problem(name, checked, taken=taken)
    return problem and Text("Header %1 %2", repr(name), problem)


def format_header_block(plain: Mapping[str, str], secret_names: Iterable[str]) -> str:
    """Headers as lines `parse_header_block` reads; secret values shown as SECRET_MASK."""
    lines = [f"{name}: {value}" for name, value in plain.items()]
    for name in secret_names:
        prefix = "" if is_secret_header(name) else SECRET_PREFIX
        lines.append(f"{prefix}{name}: {SECRET_MASK}")
    return "\n".join(lines)


def format_header_lines(headers: Mapping[str, str]) -> str:
    """Headers as "Name: value" lines, the form `parse_header_lines` reads."""
    return "\n".join(f"{name}: {value}" for name, value in headers.items())


def key_ref(endpoint_id: str) -> str:
    """The keyring username for an endpoint id: `endpoint:<id>`."""
    return f"endpoint:{endpoint_id}"


def secrets_ref(endpoint_id: str) -> str:
    """The keyring username of an endpoint's other secrets: `endpoint:<id>:secrets`."""
    return f"endpoint:{endpoint_id}:secrets"


def is_plain_http_off_loopback(url: str) -> bool:
    """True for `http://` URLs whose host is not this machine (keys would travel in clear)."""
    parts = urlsplit(url.strip() if "://" in url else "//" + url.strip())
    return parts.scheme.lower() == "http" and (parts.hostname or "") not in LOOPBACK_HOSTS


def duplicate(endpoint: EndpointConfig, taken_names: set[str]) -> EndpointConfig:
    """A copy with a fresh id and a name not in `taken_names` ("X (copy)", "X (copy 2)", ...)."""
    name = unique_name(f"{endpoint.name} (copy)", taken_names)
    return endpoint.model_copy(update={"id": new_endpoint_id(), "name": name, "is_sandbox": False})


def unique_name(wanted: str, taken: set[str]) -> str:
    """`wanted`, or `wanted 2`, `wanted 3`, ... whichever is free."""
    if wanted not in taken:
        return wanted
    n = 2
    while f"{wanted} {n}" in taken:
        n += 1
    return f"{wanted} {n}"


def export_endpoints(endpoints: list[EndpointConfig]) -> str:
    """JSON text for these endpoints: settings only, never a key, no sandbox endpoint."""
    items = [
        e.model_dump(mode="json", exclude={"is_sandbox"}) for e in endpoints if not e.is_sandbox
    ]
    text = json.dumps({"format": EXPORT_FORMAT, "version": 1, "endpoints": items}, indent=2)
    # Belt and braces: secrets live in the keyring, not in settings.
    return redact_json(text, indent=2)


def import_endpoints(text: str, existing: list[EndpointConfig]) -> list[EndpointConfig]:
    """Parse exported JSON into new endpoints (fresh ids, names made unique against `existing`).

    Args:
        text: the file's content.
        existing: endpoints already saved.

    Returns:
        The imported endpoints, ready to add.

    Raises:
        InputError: the text is not an endpoints export; `.where` names the line or entry.
    """
    try:
        raw: Any = jsontext.loads(text)
    except json.JSONDecodeError as exc:
        raise _input_error(
            Text("Not valid JSON: %1", jsontext.reason(exc)),
            f"line {exc.lineno}, column {exc.colno}",
        ) from exc
    items = raw.get("endpoints") if isinstance(raw, dict) else raw
    if not isinstance(items, list):
        raise _input_error(Text("Expected an object with an `endpoints` list"), "top level")
    taken = {e.name for e in existing}
    imported: list[EndpointConfig] = []
    for i, item in enumerate(items):
        imported.append(_import_one(item, i, taken))
        taken.add(imported[-1].name)
    return imported


def _import_one(item: Any, index: int, taken: set[str]) -> EndpointConfig:
    if not isinstance(item, dict):
        raise _input_error(Text("Each endpoint must be an object"), f"endpoints[{index}]")
    clean = {k: v for k, v in item.items() if k not in {"id", "is_sandbox", "api_key", "key"}}
    if isinstance(clean.get("base_url"), str) and has_user_info(clean["base_url"]):
        # Saved, the password would sit in plain settings; sent, it would replace the key.
        raise user_info_error(title=_IMPORT_TITLE, where=f"endpoints[{index}].base_url")
    try:
        endpoint = EndpointConfig.model_validate(clean)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join([f"endpoints[{index}]", *(str(p) for p in first["loc"])])
        raise _input_error(_invalid(item, first), where) from exc
    return endpoint.model_copy(update={"name": unique_name(endpoint.name, taken)})


def _invalid(item: dict[str, Any], error: ErrorDetails) -> Text:
    """Why an imported endpoint is refused, naming it by its name when it has one (a file holds
    several) and the field as the Endpoints form labels it; pydantic's own line for an error
    `refusal` does not know."""
    reason = refusal(error)
    name = item.get("name")
    if isinstance(name, str) and name.strip():
        return Text("Invalid endpoint %1: %2", repr(name.strip()), reason)
    return Text("Invalid endpoint: %1", reason)


_IMPORT_TITLE = "Cannot import endpoints"


def _input_error(message: Text, where: str) -> InputError:
    return InputError(message, title=_IMPORT_TITLE, where=where)
