"""Named endpoint configurations (everything but the key), the secrets they keep in the keyring,
and their proxy URLs (the password kept apart)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlsplit, urlunsplit

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationInfo,
    field_validator,
)

from workbench.api import flavour_traits
from workbench.api.models import (
    DEFAULT_FLAVOUR,
    AuthScheme,
    Connection,
    Flavour,
)
from workbench.api.text import Text
from workbench.core.endpoint_headers import SECRET_MASK, header_problem, remember_secret
from workbench.core.endpoint_refusals import RefusedValue, empty

LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
FLAVOUR_LABELS: dict[Flavour, str] = {f: flavour_traits(f).label for f in Flavour}
AUTH_LABELS: dict[AuthScheme, str] = {
    AuthScheme.BEARER: "Authorization: Bearer",
    AuthScheme.API_KEY: "api-key header",
    AuthScheme.X_API_KEY: "x-api-key header",
    AuthScheme.ENTRA: "Microsoft Entra ID (no key)",
    AuthScheme.NONE: "No authentication",
}


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
            remember_secret(value)

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
    remember_secret(password)
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
