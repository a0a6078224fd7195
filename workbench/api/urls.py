"""URL handling: accept a base URL or a pasted full route, derive the base, build final URLs.

Azure shapes recognised (base kept as everything before the route):

* serverless Cohere deployments: `https://<name>.<region>.models.ai.azure.com/v2/rerank` (and
  `/v1/rerank`, `/v1/chat`, `/v2/chat`, `/chat/completions`);
* Azure AI model inference on a Foundry resource:
  `https://<resource>.services.ai.azure.com/models/chat/completions?api-version=2024-05-01-preview`;
* Azure OpenAI's v1 API: `https://<resource>.openai.azure.com/openai/v1/chat/completions` (and the
  same under `services.ai.azure.com`), which takes no `api-version`;
* Foundry's provider-prefixed Cohere routes:
  `https://<resource>.services.ai.azure.com/providers/cohere/v2/rerank` (the body's `model` is the
  deployment name). Several public clients call this rerank route; a provider-prefixed
  `/v2/chat` is not confirmed anywhere we could check, so it is only built, never assumed, and
  Test connection reports whether it exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from workbench.api.errors import InputError
from workbench.api.flavours import flavour_traits
from workbench.api.models import Flavour
from workbench.api.redact import redact_text
from workbench.api.text import Text


def _route_table() -> tuple[tuple[str, Flavour | None], ...]:
    """Each route a pasted URL may end in, with the flavour it implies, longest first.

    Longest first, so "/v1/chat/completions" is not mistaken for "/v1/chat". Only the route is
    stripped: a "/v1" before "/chat/completions" belongs to the base (vLLM, llama.cpp serve
    `/v1/chat/completions`, Azure serves `/chat/completions` at the root). A flavour claims its
    rerank route only when it offers rerank, so `/v1/rerank` means Cohere v1.
    """
    claims: dict[str, Flavour | None] = {"/rerank": None, "/info": None}
    for flavour in Flavour:
        traits = flavour_traits(flavour)
        claims[traits.routes.chat] = flavour
        if traits.rerank.supported:
            claims[traits.routes.rerank] = flavour
    return tuple(sorted(claims.items(), key=lambda claim: -len(claim[0])))


_ROUTES = _route_table()


_OPENAI_V1 = "/openai/v1"
"""Azure OpenAI's v1 API: versionless, so no `api-version` is sent under it."""
_PROVIDER = "/providers/cohere"
_INFERENCE = "/models"


@dataclass(frozen=True)
class PastedUrl:
    """What a pasted URL tells us: the base, and the flavour and api-version when it shows them."""

    base_url: str
    flavour: Flavour | None
    api_version: str | None
    family: str = ""
    """The kind of deployment the URL looks like, for people ("Azure AI model inference")."""
    dropped: tuple[tuple[str, str], ...] = ()
    """The query parameters other than `api-version`: no request carries them."""


def parse_pasted_url(url: str) -> PastedUrl:
    """Split a pasted URL into its base, the flavour its route implies and its `api-version`.

    Args:
        url: a base URL or a full route, with or without query string and trailing slash.

    Returns:
        The parts; `flavour` and `api_version` are None when the URL does not show them.

    Raises:
        InputError: when the URL is not http(s), has no host, or names a user or password.
    """
    text = url.strip()
    if has_user_info(text):
        # Checked first, so no message below echoes the URL with its password.
        raise user_info_error()
    shown = redact_text(text)
    try:
        parts = urlsplit(text)
        port = parts.port  # raises for a port out of range or not a number
    except ValueError as exc:
        raise InputError(
            Text("%1 in %2", _url_problem(exc), repr(shown)), title="Invalid URL", where="url"
        ) from None
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise InputError(
            Text("expected an http:// or https:// URL, got %1", repr(shown)),
            title="Invalid URL",
            where="url",
        )
    if not parts.hostname:
        raise InputError(Text("no host name in %1", repr(shown)), title="Invalid URL", where="url")
    if port == 0:
        raise InputError(
            Text("port 0 cannot be connected to, in %1", repr(shown)),
            title="Invalid URL",
            where="url",
        )
    path = parts.path.rstrip("/")
    flavour: Flavour | None = None
    for route, route_flavour in _ROUTES:
        if path.lower().endswith(route):
            path = path[: -len(route)].rstrip("/")
            flavour = route_flavour
            break
    query = parse_qsl(parts.query, keep_blank_values=True)
    versions = [value for name, value in query if name == "api-version"]
    dropped = tuple((name, value) for name, value in query if name != "api-version")
    base = urlunsplit((parts.scheme, parts.netloc, path, "", ""))
    flavour = flavour or _bare_base_flavour(path)
    family = route_family(base, flavour)
    return PastedUrl(base, flavour, versions[0] if versions else None, family, dropped)


def has_user_info(url: str) -> bool:
    """Whether a URL names a user or password before its host (`http://user:pass@host`).

    httpx sends such user info as HTTP Basic authentication, which replaces the key's
    `Authorization` header. Read without `urlsplit`, which fails on some URLs that hold one.
    """
    authority = _AUTHORITY_END.split(url.strip().partition("://")[2] or url.strip(), maxsplit=1)
    return "@" in authority[0]


_AUTHORITY_END = re.compile(r"[/?#]")


def without_user_info(url: str) -> str:
    """`url` with the user name and password before its host taken out (`http://h/v2` from
    `http://user:pass@h/v2`); a URL with none comes back as it is. The last `@` ends them, as
    httpx reads it, so a password holding an `@` goes whole."""
    if not has_user_info(url):
        return url
    text = url.strip()
    scheme, sep, rest = text.partition("://")
    if not sep:
        scheme, rest = "", text
    authority = _AUTHORITY_END.split(rest, maxsplit=1)[0]
    tail = rest[len(authority) :]
    host = authority.rpartition("@")[2]
    return f"{scheme}{sep}{host}{tail}"


def user_info_error(*, title: str = "Invalid URL", where: str = "url") -> InputError:
    """The refusal of a URL with user info; it never shows the URL (the password is in it)."""
    return InputError(
        Text(
            "a user name or password in the URL (before the @) would be sent as HTTP Basic "
            "authentication in place of the key, and kept in plain settings: remove it, and "
            "put the key in the API key field"
        ),
        title=title,
        where=where,
    )


def _bare_base_flavour(path: str) -> Flavour | None:
    """The flavour a base without a route still shows (Azure's prefixes name their API)."""
    lowered = path.lower()
    if lowered.endswith((_OPENAI_V1, _INFERENCE)):
        return Flavour.OPENAI
    if lowered.endswith(_PROVIDER):
        return Flavour.COHERE_V2
    return None


def route_family(base: str, flavour: Flavour | None) -> str:
    """The kind of deployment a base URL looks like, for people ("" when nothing tells)."""
    parts = urlsplit(base)
    path, host = parts.path.lower(), (parts.hostname or "").lower()
    if path.endswith(_PROVIDER):
        return "Azure AI Foundry, Cohere provider route"
    if path.endswith(_OPENAI_V1):
        return "Azure OpenAI v1 API (no api-version)"
    if path.endswith(_INFERENCE):
        return "Azure AI model inference"
    if "/openai/deployments/" in path:
        return "Azure OpenAI deployment"
    if host.endswith(".models.ai.azure.com") or host.endswith(".inference.ai.azure.com"):
        return "Azure serverless deployment"
    if host.endswith(".services.ai.azure.com"):
        return "Azure AI Foundry resource"
    if flavour is Flavour.OPENAI:
        return "OpenAI-compatible server"
    return "Cohere API" if flavour else ""


def takes_api_version(base_url: str) -> bool:
    """False under Azure OpenAI's versionless v1 API, where an `api-version` is refused."""
    return not urlsplit(base_url).path.lower().rstrip("/").endswith(_OPENAI_V1)


def _url_problem(exc: ValueError) -> Text | str:
    """Python's reason for a URL it cannot split, in words."""
    text = str(exc)
    if "IPv6" in text:
        return Text("a broken IPv6 address (it must be written in full between [ and ])")
    if "out of range" in text:
        return Text("the port is out of range (1 to 65535)")
    if "Port could not be cast" in text or "port" in text.lower():
        return Text("the port is not a number")
    return text


def infer_flavour(url: str) -> Flavour | None:
    """The flavour a pasted route implies (`/v1/...` → v1, `/v2/...` → v2, `/chat/completions` →
    OpenAI), or None for a bare base URL."""
    return parse_pasted_url(url).flavour


_VERSION_TAIL = re.compile(r"/v\d+$", re.IGNORECASE)
_VERSIONED_ROUTE = re.compile(r"/v\d+/")


def repeated_version(base_url: str, flavour: Flavour, kind: str = "chat") -> Text | None:
    """A warning when the base URL ends in a version the flavour's routes add again, else None.

    `https://api.cohere.com/v1` with Cohere v2 sends chat to `/v1/v2/chat`, and the server's 404
    names a path nobody typed. Only routes that carry their own version are checked: an
    OpenAI-compatible server does live under `/v1` (`/v1/chat/completions`).
    """
    route = flavour_traits(flavour).routes.path(kind) or ""
    tail = _VERSION_TAIL.search(urlsplit(base_url).path.rstrip("/"))
    if tail is None or not _VERSIONED_ROUTE.match(route):
        return None
    return Text(
        "the base URL ends in %1 and each route adds its own version (%2): leave %1 out of "
        "the base URL",
        tail.group(0),
        base_url.rstrip("/") + route,
    )


def normalise_base_url(url: str) -> str:
    """The base URL of an endpoint, from a base URL or a pasted full route.

    Args:
        url: e.g. `https://x.models.ai.azure.com/v2/chat?foo=1` or `https://api.cohere.com/`.

    Returns:
        e.g. `https://x.models.ai.azure.com` (no trailing slash, no query).
    """
    return parse_pasted_url(url).base_url


def build_url(base_url: str, flavour: Flavour, kind: str, api_version: str | None) -> str:
    """The final URL for one kind of call; `?api-version=` only on the Azure inference routes."""
    routes = flavour_traits(flavour).routes
    route = routes.path(kind)
    if route is None:
        raise InputError(f"unknown kind {kind!r}", where="kind")
    url = base_url + route
    if api_version and kind in routes.versioned and takes_api_version(base_url):
        url += "?" + urlencode({"api-version": api_version})
    return url
