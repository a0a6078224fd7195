"""Entra-style bearer tokens for the sandbox: issued by a token command, checked with an expiry.

A stand-in for Microsoft Entra ID, the one edge the tests may replace: a token is
`sbxentra.<expiry>.<access>.<nonce>.<signature>`, signed with the sandbox's secret (HMAC-SHA256), so
the sandbox can tell a token it issued from a made-up one, an expired one from a live one, and an
identity with access from one without. `python -m workbench.sandbox.entra_tokens --secret S` prints
one as `az account get-access-token` does; other options make it fail, hang or misbehave for tests.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import secrets
import sys
import time
from datetime import datetime
from pathlib import Path

from workbench.sandbox.errors import SandboxHTTPError

PREFIX = "sbxentra"
EXPIRED = "Unauthorized. Access token has expired or is not yet valid."
INVALID = (
    "Unauthorized. Access token is missing, invalid, audience is incorrect "
    "(https://ai.azure.com), or have expired."
)
KEYS_OFF = "Key based authentication is disabled for this resource."
NO_ACCESS = (
    "PermissionDenied: The principal lacks the required data action "
    "Microsoft.CognitiveServices/accounts/MaaS/*/action to perform this operation."
)


def _signature(secret: str, payload: str) -> str:
    return hmac.new(secret.encode(), payload.encode(), hashlib.sha256).hexdigest()[:32]


def issue(secret: str, expires_at: int, *, access: bool = True) -> str:
    """A token signed with `secret` that expires at `expires_at` (POSIX seconds)."""
    payload = f"{PREFIX}.{expires_at}.{int(access)}.{secrets.token_hex(8)}"
    return f"{payload}.{_signature(secret, payload)}"


def check_token(secret: str, token: str | None, *, now: float | None = None) -> None:
    """Raise the 401 or 403 Azure would send, unless `token` is a live token with access."""
    if not token:
        raise SandboxHTTPError(401, INVALID)
    if not token.startswith(PREFIX + "."):
        raise SandboxHTTPError(401, KEYS_OFF if "." not in token else INVALID)
    payload, _, signature = token.rpartition(".")
    if not hmac.compare_digest(signature, _signature(secret, payload)):
        raise SandboxHTTPError(401, INVALID)
    _, expiry, access, _nonce = payload.split(".")
    if int(expiry) <= (time.time() if now is None else now):
        raise SandboxHTTPError(401, EXPIRED)
    if access != "1":
        raise SandboxHTTPError(403, NO_ACCESS)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m workbench.sandbox.entra_tokens",
        description="Print a sandbox Entra-style token as `az account get-access-token` does.",
    )
    parser.add_argument("--secret", required=True, help="the sandbox's token secret")
    parser.add_argument(
        "--lifetimes",
        default="3600",
        help="seconds each token lives, one per call in turn (the last repeats); negative = "
        "already expired. With --state the calls are counted across runs",
    )
    parser.add_argument("--claim", type=int, help="claim this lifetime in the JSON instead")
    parser.add_argument("--state", type=Path, help="file counting the calls (one line each)")
    parser.add_argument("--no-access", action="store_true", help="an identity without a role")
    parser.add_argument("--fail", metavar="MESSAGE", help="print MESSAGE on stderr and exit 1")
    parser.add_argument("--hang", action="store_true", help="never answer")
    parser.add_argument("--garbage", action="store_true", help="print something that is not JSON")
    return parser


def _call_number(state: Path | None) -> int:
    if state is None:
        return 0
    calls = state.read_text().count("\n") if state.exists() else 0
    with state.open("a") as f:
        f.write("call\n")
    return calls


def main(argv: list[str] | None = None) -> int:
    """Print one token (or misbehave as asked); exit status 0, or 1 with --fail."""
    args = _parser().parse_args(argv)
    call = _call_number(args.state)
    if args.hang:
        while True:
            time.sleep(3600)
    if args.fail:
        print(args.fail, file=sys.stderr)  # noqa: T201  # a token command reports on stderr
        return 1
    if args.garbage:
        print("Welcome to the token service! Your token is below.")  # noqa: T201  # the point
        return 0
    lifetimes = [int(x) for x in args.lifetimes.split(",")]
    now = int(time.time())
    expires = now + lifetimes[min(call, len(lifetimes) - 1)]
    claimed = now + args.claim if args.claim is not None else expires
    token = issue(args.secret, expires, access=not args.no_access)
    out = {
        "accessToken": token,
        "expiresOn": datetime.fromtimestamp(claimed).strftime("%Y-%m-%d %H:%M:%S.%f"),
        "expires_on": claimed,
        "subscription": "sandbox",
        "tenant": "sandbox",
        "tokenType": "Bearer",
    }
    print(json.dumps(out, indent=2))  # noqa: T201  # the point of the command
    return 0


if __name__ == "__main__":
    sys.exit(main())
