"""Extra headers as typed on the Endpoints form: "Name: value" lines read, checked and written
back, secret ones masked."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.api.errors import InputError
from workbench.api.models import HTTP_CLIENT_HEADERS
from workbench.api.redact import is_secret_header, register_secret
from workbench.api.text import Text

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

SECRET_MASK = "••••••••"
"""What the form shows in place of a secret kept in the keyring (a header's value or the proxy
password); typed back unchanged, it keeps it."""
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


def remember_secret(value: str | None) -> None:
    """Tell the redactor about a secret (the mask shown in its place is none)."""
    if value != SECRET_MASK:
        register_secret(value)


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
            remember_secret(value)
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
