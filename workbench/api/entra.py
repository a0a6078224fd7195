"""Microsoft Entra ID sign-in: bearer tokens from azure-identity or a token command, in memory only.

A token is fetched on first use, kept in memory (never in settings or the keyring), refreshed a few
minutes before it expires and once more when the server answers 401, and registered with the
redactor so it is masked in every log line and message. `azure-identity` is optional (the `entra`
extra); without it, or when the person names one, a token command prints the token as JSON the way
`az account get-access-token` does.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import httpx

from workbench.api import jsontext
from workbench.api.entra_command import run_token_command
from workbench.api.entra_defaults import DEFAULT_SCOPE as DEFAULT_SCOPE
from workbench.api.entra_defaults import DEFAULT_TOKEN_COMMAND as DEFAULT_TOKEN_COMMAND
from workbench.api.entra_explain import classify
from workbench.api.errors import SignInError
from workbench.api.keys import unsendable_kind
from workbench.api.redact import register_secret
from workbench.api.text import Text, english

if TYPE_CHECKING:
    from collections.abc import AsyncGenerator, Callable, Generator

DEFAULT_TOKEN_TIMEOUT_S = 60.0
"""The Azure CLI can take several seconds on a cold start; a hung command is ended after this."""
REFRESH_MARGIN_S = 300.0
"""Refresh this long before expiry (azure-identity uses the same five minutes)."""
_UNKNOWN_LIFETIME_S = 300.0
"""Assumed lifetime when a command gives no expiry: short, so a stale token is soon replaced."""


@dataclass(frozen=True)
class EntraSpec:
    """Where a token comes from: the scope, and a token command (None: azure-identity, else az)."""

    scope: str = DEFAULT_SCOPE
    token_command: str | None = None
    timeout_s: float = DEFAULT_TOKEN_TIMEOUT_S


@dataclass(frozen=True)
class EntraToken:
    """One access token, its expiry (POSIX seconds) and the credential that issued it."""

    value: str = field(repr=False)
    expires_at: float
    credential: str
    """For people: "Azure CLI (token command)", "DefaultAzureCredential: AzureCliCredential"."""
    expiry_known: bool = True

    def expires_in(self, now: float | None = None) -> float:
        """Seconds until expiry (negative once expired)."""
        return self.expires_at - (time.time() if now is None else now)

    def describe(self, now: float | None = None) -> Text:
        """One line for people: which credential, and when the token expires."""
        if not self.expiry_known:
            return Text("Signed in with %1; the token's expiry was not given.", self.named())
        moment = datetime.fromtimestamp(self.expires_at, UTC).strftime("%H:%M UTC")
        minutes = round(self.expires_in(now) / 60)
        when = Text("in %1 min", minutes) if minutes >= 0 else Text("%1 min ago", -minutes)
        return Text("Signed in with %1; the token expires at %2 (%3).", self.named(), moment, when)

    def named(self) -> Text | str:
        """The credential as a sentence names it: a token command in words (a text of its own,
        translated in the GUI), an azure-identity class by its name."""
        return Text(self.credential) if self.credential in _COMMAND_LABELS else self.credential


_TOKENS: dict[EntraSpec, EntraToken] = {}
"""Tokens by spec for this process, so a Test connection and a pane's client share one sign-in."""


def forget_tokens() -> None:
    """Drop every token held in memory (tests; signing out)."""
    _TOKENS.clear()


class EntraTokenProvider:
    """Fetches and caches tokens for one spec; safe for concurrent requests on one event loop."""

    def __init__(self, spec: EntraSpec, *, clock: Callable[[], float] = time.time) -> None:
        """Set up the provider; nothing runs until the first `token()` call.

        Args:
            spec: scope, token command and timeout.
            clock: the time source (POSIX seconds).
        """
        self.spec = spec
        self._clock = clock
        self._lock = asyncio.Lock()

    @property
    def current(self) -> EntraToken | None:
        """The token held in memory, if any (it may be near expiry)."""
        return _TOKENS.get(self.spec)

    async def token(self, *, stale: EntraToken | None = None) -> EntraToken:
        """A token fresh enough to send.

        Args:
            stale: a token the server just refused (401); a newer one is fetched unless another
                request already replaced it.

        Returns:
            The token.

        Raises:
            SignInError: no token could be had; the message says why in words.
        """
        held = self.current
        if held is not None and self._usable(held, stale):
            return held
        async with self._lock:
            held = self.current
            if held is not None and self._usable(held, stale):
                return held
            token = await self._fetch()
            register_secret(token.value)
            _check_sendable(token)
            _TOKENS[self.spec] = token
            return token

    def _usable(self, held: EntraToken, stale: EntraToken | None) -> bool:
        if stale is not None:
            return held.value != stale.value
        return held.expires_in(self._clock()) > REFRESH_MARGIN_S

    async def _fetch(self) -> EntraToken:
        command = self.spec.token_command
        if command is None and azure_identity_installed():
            return await _identity_token(self.spec)
        command = command or DEFAULT_TOKEN_COMMAND
        output = await run_token_command(command, self.spec.scope, self.spec.timeout_s)
        return parse_token_output(output, credential=_command_label(command), now=self._clock())


def _check_sendable(token: EntraToken) -> None:
    """Refuse a token httpx could not put in the Authorization header (it would fail there with
    an encoding error or blame the server); the token itself is never shown."""
    kind = unsendable_kind(token.value)
    if kind is None:
        return
    raise SignInError(
        _unsendable(token.credential, kind), reason="unexpected-output", where=token.credential
    )


def _unsendable(credential: str, kind: Text) -> Text:
    """Why a credential's token cannot travel, said whole (a command "printed" it, a credential
    of azure-identity "gave" it), so that a translation need not put the sentence together."""
    if credential in _COMMAND_LABELS:  # said in words: a text of its own (EntraToken.named)
        return Text(
            "%1 printed a token a header cannot carry: it contains %2 (the token is not shown); "
            "check what the command prints",
            Text(credential),
            kind,
        )
    return Text(  # an azure-identity class name, such as DefaultAzureCredential: an API name
        "%1 gave a token a header cannot carry: it contains %2 (the token is not shown); "
        "check what the command prints",
        credential,
        kind,
    )


_AZURE_CLI = english("the Azure CLI")
_TOKEN_COMMAND = english("the token command")
_COMMAND_LABELS = (_AZURE_CLI, _TOKEN_COMMAND)
"""How a token command is named to people, as the credential that issued a token."""


def _command_label(command: str) -> str:
    return _AZURE_CLI if command == DEFAULT_TOKEN_COMMAND else _TOKEN_COMMAND


def parse_token_output(output: bytes, *, credential: str, now: float) -> EntraToken:
    """Read `az account get-access-token`-style JSON: `accessToken` and an expiry.

    Args:
        output: what the command printed on stdout.
        credential: how the token's source is named to people.
        now: the current time (POSIX seconds), for `expires_in`.

    Returns:
        The token; the expiry comes from `expires_on` (POSIX), else `expiresOn` (local time, as
        older Azure CLI releases print it), else `expires_in` (seconds).

    Raises:
        SignInError: the output is not such JSON (it is never echoed: it may hold a token).
    """
    where = credential
    try:
        data = jsontext.loads(output, finite=False)  # deep nesting too: no RecursionError
    except ValueError:
        raise SignInError(
            Text(
                "the token command printed %1 bytes that are not JSON; it should print an object "
                "with accessToken and expires_on, as `az account get-access-token` does",
                str(len(output)),
            ),
            reason="unexpected-output",
            where=where,
        ) from None
    if not isinstance(data, dict):
        raise SignInError(
            Text(
                "the token command printed JSON %1, not an object with accessToken and expires_on",
                type(data).__name__,
            ),
            reason="unexpected-output",
            where=where,
        )
    value = data.get("accessToken", data.get("access_token"))
    if not isinstance(value, str) or not value.strip():
        keys = ", ".join(sorted(str(k) for k in data)) or Text("none")
        raise SignInError(
            Text("the token command's JSON has no accessToken (its keys: %1)", keys),
            reason="unexpected-output",
            where=where,
        )
    expires_at = _expiry(data, now)
    if expires_at is None:
        return EntraToken(value.strip(), now + _UNKNOWN_LIFETIME_S, credential, expiry_known=False)
    return EntraToken(value.strip(), expires_at, credential)


def _expiry(data: dict[str, object], now: float) -> float | None:
    for key in ("expires_on", "expiresOn"):
        raw = data.get(key)
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            return float(raw)
        if isinstance(raw, str) and raw.strip():
            text = raw.strip()
            try:
                return float(text)
            except ValueError:
                pass
            try:  # "2023-10-31 21:59:10.000000": local time, as the Azure CLI prints it
                return datetime.fromisoformat(text).timestamp()
            except ValueError:
                continue
    seconds = data.get("expires_in")
    if isinstance(seconds, int | float | str):
        try:
            return now + float(seconds)
        except ValueError:
            return None
    return None


def azure_identity_installed() -> bool:
    """Whether the optional `azure-identity` package can be imported."""
    import importlib.util

    try:
        return importlib.util.find_spec("azure.identity") is not None
    except (ImportError, ValueError):
        return False


async def _identity_token(spec: EntraSpec) -> EntraToken:
    """A token from azure-identity's DefaultAzureCredential, run in a thread (it blocks)."""
    from workbench.api.entra_identity import identity_token

    where = "DefaultAzureCredential"
    try:
        return await asyncio.wait_for(asyncio.to_thread(identity_token, spec.scope), spec.timeout_s)
    except TimeoutError:
        # The thread cannot be stopped; it ends when azure-identity gives up on its own.
        raise SignInError(
            Text(
                "no token arrived within %1 s; the credential chain may be waiting on a network "
                "or a managed identity endpoint that is not there",
                f"{spec.timeout_s:g}",
            ),
            reason="timeout",
            where=where,
        ) from None
    except SignInError:
        raise
    except Exception as exc:  # azure-identity's errors: classified by their words
        reason, hint = classify(str(exc))
        raise SignInError(hint, reason=reason, where=where) from None


class EntraAuth(httpx.Auth):
    """httpx auth that sends `Authorization: Bearer <token>` and retries once after a 401."""

    def __init__(self, provider: EntraTokenProvider) -> None:
        self.provider = provider

    def sync_auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response]:
        """Not supported: the workbench's clients are async."""
        raise RuntimeError("EntraAuth works with httpx.AsyncClient only")

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        """Send with the current token; on 401 fetch a newer one and send once more."""
        token = await self.provider.token()
        request.headers["Authorization"] = f"Bearer {token.value}"
        response = yield request
        if response.status_code == 401:
            token = await self.provider.token(stale=token)
            request.headers["Authorization"] = f"Bearer {token.value}"
            yield request
