"""azure-identity's DefaultAzureCredential, loaded only when the optional `entra` extra is installed.

Imported by name at run time so the wire layer neither requires nor type-checks against the SDK.
"""

from __future__ import annotations

import importlib
from typing import Any

from workbench.api.entra import EntraToken
from workbench.api.redact import register_secret

_CREDENTIALS: dict[str, Any] = {}
"""One credential object per process: it keeps azure-identity's own token cache warm."""


def identity_token(scope: str) -> EntraToken:
    """A token for `scope` from DefaultAzureCredential (blocking: call it in a thread).

    Raises:
        Exception: azure-identity's own errors (ClientAuthenticationError and its subclasses);
            the caller turns them into a SignInError.
    """
    credential = _CREDENTIALS.get("default")
    if credential is None:
        identity: Any = importlib.import_module("azure.identity")
        credential = identity.DefaultAzureCredential()
        _CREDENTIALS["default"] = credential
    access = credential.get_token(scope)
    register_secret(access.token)
    # DefaultAzureCredential remembers which credential in its chain answered (a private
    # attribute, read tolerantly): the Test connection names it.
    used = getattr(credential, "_successful_credential", None)
    label = "DefaultAzureCredential" + (f": {type(used).__name__}" if used is not None else "")
    return EntraToken(str(access.token), float(access.expires_on), label)
