"""The connection the command line describes: a URL with its options, or a saved endpoint."""

from __future__ import annotations

import os
import re
import sys
from typing import TYPE_CHECKING, Any, TextIO

from workbench.api import (
    AuthScheme,
    Connection,
    Flavour,
    InputError,
    flavour_traits,
    parse_pasted_url,
)
from workbench.api.keys import check_key
from workbench.api.models import DEFAULT_FLAVOUR
from workbench.api.redact import REDACTED, is_secret_header, redact_text, register_secret
from workbench.api.urls import has_user_info, repeated_version, takes_api_version
from workbench.cli.parser import DEFAULT_KEY_ENV, DEFAULT_TIMEOUT_S, rerank_flavours
from workbench.core.saved_endpoints import connection_for

if TYPE_CHECKING:
    import argparse

_SAVED_AUTH = ("--auth", "auth"), ("--key-env", "key_env")
"""Options a saved endpoint answers for itself: its scheme, and its key in the OS keyring."""
_PER_RUN = (
    ("timeout", "timeout_s"),
    ("api_version", "api_version"),
    ("extra_parameters", "extra_parameters"),
)
"""Options that apply to a saved endpoint for one run (argument name, Connection field)."""


_HEADER_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_HEADER_VALUE = re.compile(r"[\x20-\x7e\t]*")


def _option(args: argparse.Namespace, name: str) -> str:
    """The option as the person typed it: `--compare-key-env` when the options describe B."""
    return f"{getattr(args, 'option_prefix', '--')}{name}"


def _headers(pairs: list[str], where: str = "--header") -> dict[str, str]:
    """`--header NAME:VALUE` pairs; a message about one never shows its value (it may be a key)."""
    headers = {}
    for pair in pairs:
        name, sep, value = pair.partition(":")
        name, value = name.strip(), value.strip()
        if sep and is_secret_header(name):
            register_secret(value)
        if sep and name and not _HEADER_NAME.fullmatch(name):
            raise InputError(
                f"{redact_text(name)!r} is not a valid header name (letters, digits and "
                "!#$%&'*+-.^_`|~, no spaces) (value not shown)",
                where=where,
            )
        if not sep or not name:
            raise InputError(_header_problem(pair), where=where)
        if not _HEADER_VALUE.fullmatch(value):
            raise InputError(
                f"the value of header {name!r} has a line break, control or non-ASCII character "
                "(the value is not shown)",
                where=where,
            )
        headers[name] = value
    return headers


def _header_problem(pair: str) -> str:
    """Why a `--header` argument is malformed, showing at most a name: the rest may be a secret."""
    found = re.match(r"([^=\s:]+)([=\s])", pair.strip())
    if found and _HEADER_NAME.fullmatch(found.group(1)):
        name, sep = found.groups()
        return f"expected NAME:VALUE with a colon, got {name!r} then {sep!r} (value not shown)"
    return "expected NAME:VALUE with a colon (what was given is not shown: it may hold a secret)"


def _key(args: argparse.Namespace, err: TextIO) -> str | None:
    """The key from the environment, trimmed (with a note) and checked before anything is sent."""
    if args.auth in {AuthScheme.NONE.value, AuthScheme.ENTRA.value}:
        return None
    variable = args.key_env or DEFAULT_KEY_ENV
    option = _option(args, "key-env")
    if args.key_env and args.key_env not in os.environ:
        raise InputError(f"environment variable {args.key_env} is not set", where=option)
    raw = os.environ.get(variable)
    if raw is None:
        return None
    if args.key_env and not raw.strip():
        raise InputError(f"environment variable {args.key_env} is empty", where=option)
    checked = check_key(raw, where=variable)
    if checked.trimmed:
        err.write(
            f"workbench: note: the key in {variable} had spaces or a line break around it; "
            "they were removed\n"
        )
    return checked.value or None


def connection_from_args(args: argparse.Namespace, err: TextIO | None = None) -> Connection:
    """The Connection the command line describes (the one place a future `--endpoint` plugs in).

    The flavour comes from `--flavour`, else from a pasted route, else Cohere v2. With
    `--endpoint NAME` the saved endpoint is used; `--flavour`, `--model`, `--header`,
    `--timeout`, `--api-version` and `--extra-parameters` still apply, and `--auth` and
    `--key-env` are refused (the endpoint's own scheme and keyring key are used).
    """
    _check_entra_options(args)
    connection = (
        _saved_connection(args) if getattr(args, "endpoint", None) else _url_connection(args, err)
    )
    _check_all_is_sent(args, connection)
    _warn_repeated_version(args, connection, err or sys.stderr)
    return connection


def _warn_repeated_version(args: argparse.Namespace, connection: Connection, err: TextIO) -> None:
    """Say so when the base URL ends in the version the routes add (a 404 would follow).

    A warning, not a refusal: a gateway may well serve Cohere's routes under a `/v1` of its own.
    """
    base = parse_pasted_url(connection.base_url).base_url
    kind = _KINDS.get(args.command, ("chat",))[0]
    warning = repeated_version(base, connection.flavour, kind)
    if warning is not None:
        err.write(redact_text(f"workbench: warning: {warning}\n"))


def _url_connection(args: argparse.Namespace, err: TextIO | None) -> Connection:
    _check_user_info(args, args.url)
    pasted = parse_pasted_url(args.url)
    flavour = Flavour(args.flavour) if args.flavour else (pasted.flavour or DEFAULT_FLAVOUR)
    key = _key(args, err or sys.stderr)
    return Connection(
        base_url=args.url,
        flavour=flavour,
        model=args.model,
        auth=AuthScheme(args.auth or AuthScheme.BEARER.value),
        api_key=key,  # pydantic turns the str into a SecretStr
        entra_scope=args.scope,
        token_command=args.token_command,
        api_version=args.api_version,
        extra_parameters=args.extra_parameters,
        timeout_s=DEFAULT_TIMEOUT_S if args.timeout is None else args.timeout,
        extra_headers=_headers(args.header, _option(args, "header")),
    )


_KINDS = {"rerank": ("rerank",), "eval": ("rerank",), "chat": ("chat",)}
"""The kinds of call each command sends (`qa` sends every kind)."""
_KEY_LIKE = re.compile(r"key|code|token|sig|secret|password|auth", re.IGNORECASE)


def _check_all_is_sent(args: argparse.Namespace, connection: Connection) -> None:
    """Refuse what a URL or `--api-version` asks for but no request would carry: a script would
    otherwise check another setup than the one it names (a key in the URL, left out, even sends
    the requests unauthenticated)."""
    pasted = parse_pasted_url(connection.base_url)
    if pasted.dropped:
        raise InputError(_dropped_problem(pasted.dropped), where=_option(args, "url"))
    asked = args.api_version or (pasted.api_version and not getattr(args, "endpoint", None))
    if asked and not _sends_api_version(args, connection):
        option = _option(args, "api-version" if args.api_version else "url")
        routes = flavour_traits(connection.flavour).routes
        kinds = _KINDS.get(args.command, ("chat", "rerank", "info"))
        sent = ", ".join(str(routes.path(kind)) for kind in kinds)
        raise InputError(
            f"api-version is not sent on {sent} ({connection.flavour.value}): only Azure "
            "model-inference routes (/chat/completions, /info) take it; leave it out",
            where=option,
        )


def _sends_api_version(args: argparse.Namespace, connection: Connection) -> bool:
    versioned = flavour_traits(connection.flavour).routes.versioned
    kinds = _KINDS.get(args.command, ("chat", "rerank", "info"))
    return takes_api_version(connection.base_url) and any(kind in versioned for kind in kinds)


def _dropped_problem(dropped: tuple[tuple[str, str], ...]) -> str:
    """What the URL's query holds that is not sent, a key-like value masked."""
    keys = [name for name, value in dropped if value and _KEY_LIKE.search(name)]
    for name, value in dropped:
        if name in keys:
            register_secret(value)
    masked = [(name, REDACTED if name in keys else value) for name, value in dropped]
    shown = redact_text("&".join(f"{name}={value}" for name, value in masked))
    if keys:
        return (
            f"the URL's query ({shown}) is not sent, and {keys[0]!r} looks like a key: put the "
            "key in an environment variable and pass --key-env (with --auth for its header)"
        )
    return (
        f"the URL's query ({shown}) is not sent: requests carry only ?api-version=; remove "
        "the query from the URL"
    )


def _check_user_info(args: argparse.Namespace, url: str) -> None:
    """Refuse a URL with a user name or password, never showing it: httpx would send them as
    Basic authentication in place of the key, and the server answer 401 with no hint why."""
    if not has_user_info(url):
        return
    basic = "would be sent as HTTP Basic authentication in place of the key"
    if getattr(args, "endpoint", None):
        raise InputError(
            f"the saved endpoint's base URL holds a user name or password (before the @): it "
            f"{basic}; remove it in the Endpoints pane, where the key goes in the API key field",
            where=_option(args, "endpoint"),
        )
    raise InputError(
        f"the URL holds a user name or password (before the @): it {basic}; remove it, and "
        f"put the key in an environment variable named by {_option(args, 'key-env')} (with "
        f"{_option(args, 'auth')} for its header)",
        where=_option(args, "url"),
    )


def _check_entra_options(args: argparse.Namespace) -> None:
    entra = args.auth == AuthScheme.ENTRA.value or bool(getattr(args, "endpoint", None))
    for option, value in (("--scope", args.scope), ("--token-command", args.token_command)):
        if value and not entra:
            raise InputError(f"{option} applies only with --auth entra", where=option)


def _saved_connection(args: argparse.Namespace) -> Connection:
    for option, name in _SAVED_AUTH:
        if getattr(args, name):  # silently ignored, a script would test another setup than asked
            raise InputError(
                f"{option} does not apply with --endpoint: the saved endpoint's authentication "
                "and its key in the OS keyring are used (change them in the Endpoints pane)",
                where=option,
            )
    saved = connection_for(args.endpoint)
    _check_user_info(args, saved.base_url)
    changes: dict[str, Any] = {
        "extra_headers": {**saved.extra_headers, **_headers(args.header, _option(args, "header"))}
    }
    for name, field in _PER_RUN:
        if getattr(args, name) is not None:
            changes[field] = getattr(args, name)
    if args.flavour:
        changes["flavour"] = Flavour(args.flavour)
    if args.model:
        changes["model"] = args.model
    if args.scope:
        changes["entra_scope"] = args.scope
    if args.token_command:
        changes["token_command"] = args.token_command
    return saved.model_copy(update=changes)


def rerank_connection(args: argparse.Namespace, err: TextIO) -> Connection:
    """The connection the options describe, refused when its flavour has no rerank route."""
    connection = connection_from_args(args, err)
    if not flavour_traits(connection.flavour).rerank.supported:
        speaks = " or ".join(rerank_flavours())
        raise InputError(f"rerank speaks {speaks}; pass --flavour", where="--flavour")
    return connection
