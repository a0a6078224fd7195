"""Key check the way the served APIs do it: Bearer, `api-key` or `x-api-key`, or Entra tokens."""

from __future__ import annotations

import hmac
from typing import TYPE_CHECKING

from workbench.sandbox.entra_tokens import KEYS_OFF, check_token
from workbench.sandbox.errors import SandboxHTTPError

if TYPE_CHECKING:
    from collections.abc import Mapping


def presented_key(headers: Mapping[str, str]) -> str | None:
    """The key a request carries, whichever of the accepted headers it used."""
    authorization = headers.get("authorization", "")
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    for name in ("api-key", "x-api-key"):
        if headers.get(name):
            return headers[name].strip()
    return None


def check_key(expected: str | None, headers: Mapping[str, str]) -> None:
    """Raise a 401 unless the request carries `expected` (no check when `expected` is None)."""
    if expected is None:
        return
    key = presented_key(headers)
    if key is None:
        raise SandboxHTTPError(
            401,
            "no api key supplied: send 'Authorization: Bearer <key>' or an 'api-key' header",
        )
    # Constant-time compare: the sandbox is a test double, but habits stick.
    if not hmac.compare_digest(key.encode(), expected.encode()):
        raise SandboxHTTPError(401, "invalid api token")


def check_auth(key: str | None, entra_secret: str | None, headers: Mapping[str, str]) -> None:
    """With an Entra secret, only live Entra-style Bearer tokens pass (keys are off, as on a
    resource with local authentication disabled); otherwise the key check applies."""
    if entra_secret is None:
        check_key(key, headers)
        return
    scheme, _, value = headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" and presented_key(headers):
        raise SandboxHTTPError(401, KEYS_OFF)
    check_token(entra_secret, value.strip() or None)
