"""Builds the httpx.AsyncClient a WorkbenchClient sends through: headers, auth, TLS trust, proxy."""

from __future__ import annotations

import contextlib
import functools
import importlib
import ssl
from dataclasses import replace
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import httpx

from workbench import __version__
from workbench.api.entra import EntraAuth, EntraSpec, EntraTokenProvider
from workbench.api.errors import InputError
from workbench.api.keys import check_key
from workbench.api.models import AuthScheme, check_extra_headers
from workbench.api.redact import is_secret_header, register_secret
from workbench.api.text import Text

if TYPE_CHECKING:
    from workbench.api.models import Connection

USER_AGENT = f"cohere-workbench/{__version__}"


def http_client_for(
    connection: Connection,
    sign_in: EntraTokenProvider | None,
    transport: httpx.AsyncBaseTransport | None,
) -> httpx.AsyncClient:
    """The connection pool one endpoint's requests go through; no I/O happens here.

    Args:
        connection: where and how to connect (the key stays a SecretStr until the header).
        sign_in: the Entra ID token provider (`sign_in_for`), or None for key schemes.
        transport: an httpx transport to use instead of the network (tests).

    Raises:
        InputError: a key or extra header no header can carry, or a CA bundle that cannot load.
    """
    return httpx.AsyncClient(
        transport=transport,
        auth=EntraAuth(sign_in) if sign_in else None,
        headers=_headers(connection),
        timeout=httpx.Timeout(connection.timeout_s, connect=connection.connect_timeout_s),
        verify=_verify(connection.verify),
        proxy=connection.proxy,
    )


def _headers(connection: Connection) -> httpx.Headers:
    """The headers every request of this connection carries."""
    headers = httpx.Headers({"User-Agent": USER_AGENT, "X-Client-Name": "cohere-workbench"})
    headers["Accept"] = "application/json"
    _register_connection_secrets(connection)
    check_extra_headers(connection.extra_headers)  # model_copy(update=...) skips validators
    headers.update(_auth_headers(connection))
    if connection.extra_parameters:
        headers["extra-parameters"] = connection.extra_parameters
    # httpx.Headers replaces a name whatever its case: a person's `x-client-name` must replace
    # ours, not travel beside it.
    headers.update(connection.extra_headers)
    return headers


def _auth_headers(connection: Connection) -> dict[str, str]:
    if connection.api_key is None or connection.auth in {AuthScheme.NONE, AuthScheme.ENTRA}:
        return {}
    # Trimmed, and refused before anything is sent when a header cannot carry it.
    key = check_key(connection.api_key.get_secret_value()).value
    if connection.auth is AuthScheme.BEARER:
        return {"Authorization": f"Bearer {key}"}
    return {connection.auth.value: key}


def _register_connection_secrets(connection: Connection) -> None:
    """Tell the redactor about every secret this connection carries besides the key."""
    for name, value in connection.extra_headers.items():
        if is_secret_header(name):
            register_secret(value)
    if connection.proxy:
        register_secret(proxy_password(connection.proxy))


def proxy_password(url: str) -> str | None:
    """The password of a proxy URL (`http://user:password@host:port`), or None."""
    try:
        return urlsplit(url).password
    except ValueError:
        return None


def sign_in_for(connection: Connection) -> EntraTokenProvider | None:
    """The Entra ID token provider of an Entra connection, or None for key schemes."""
    if connection.auth is not AuthScheme.ENTRA:
        return None
    spec = EntraSpec(timeout_s=connection.token_timeout_s)
    if connection.entra_scope:
        spec = replace(spec, scope=connection.entra_scope)
    if connection.token_command:
        spec = replace(spec, token_command=connection.token_command)
    return EntraTokenProvider(spec)


@functools.cache
def _system_trust() -> ssl.SSLContext:
    """The context `verify=True` makes, built once for every client (issue 15).

    Loading the CA bundle took 80 ms of each new client's build. httpcore sets the same ALPN
    list (HTTP/1.1 only: no client enables HTTP/2) on it per connection, so sharing is safe.
    """
    return httpx.create_ssl_context(verify=True, trust_env=True)


def warm_up() -> None:
    """Do once, ahead, the work a first client and its first request would do (issue 15).

    Imports the transport's modules and loads the system's CA bundle, about 125 ms under load
    that the first Send waited for. Pure, blocking and Qt-free: callers run it on a thread.
    """
    with contextlib.suppress(ImportError):
        # httpcore picks anyio's asyncio backend at the first request.
        importlib.import_module("anyio._backends._asyncio")
    importlib.import_module("httpcore")
    with contextlib.suppress(OSError):  # a broken trust store is for the first client to report
        _system_trust()


def _verify(value: str | bool) -> ssl.SSLContext | bool:
    if value is True:
        return _system_trust()
    if value is False:
        return value
    try:  # httpx 0.28 deprecates a path here: build the context ourselves
        return ssl.create_default_context(cafile=value)
    except (OSError, ssl.SSLError) as exc:
        raise InputError(
            Text("cannot load the CA bundle: %1", str(exc)), where="ca_bundle"
        ) from None
