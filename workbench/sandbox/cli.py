"""`workbench sandbox`: serve the local sandbox in the foreground until interrupted."""

from __future__ import annotations

import argparse
import asyncio
import logging
import math
import secrets
import shlex
import sys
from typing import TYPE_CHECKING, TypeVar

from workbench.sandbox.config import SandboxConfig
from workbench.sandbox.faults import FaultSpecError, parse_faults
from workbench.sandbox.runner import _bind, make_server

if TYPE_CHECKING:
    from collections.abc import Callable

N = TypeVar("N", int, float)
_CLI_TOKEN_DELAY_MS = 20.0
"""Default pace on the command line, so a person watching sees text arrive token by token."""


def _port(text: str) -> int:
    value = _number(text, int)
    if value is None or not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"expected a port from 0 to 65535, got {text!r}")
    return value


def _count(text: str) -> int:
    value = _number(text, int)
    if value is None or value < 0:
        raise argparse.ArgumentTypeError(f"expected a whole number, 0 or more, got {text!r}")
    return value


def _milliseconds(text: str) -> float:
    value = _number(text, float)
    if value is None or not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"expected milliseconds, 0 or more, got {text!r}")
    return value


def _key(text: str) -> str:
    """A key a client can send in a header: not empty, printable ASCII only."""
    if not text.strip():
        raise argparse.ArgumentTypeError(
            "expected a key, got an empty one (leave --key out for a generated key)"
        )
    if not all(" " <= c <= "~" for c in text):
        raise argparse.ArgumentTypeError(
            "the key has a control or non-ASCII character, which a client cannot send in a "
            "header (the key is not shown)"
        )
    return text


def _url_host(host: str) -> str:
    """The host as a URL writes it: an IPv6 address goes between brackets."""
    return f"[{host}]" if ":" in host else host


def _number(text: str, kind: Callable[[str], N]) -> N | None:
    try:
        return kind(text)
    except ValueError:
        return None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workbench sandbox",
        description="Serve a local stand-in for Cohere and Azure serverless endpoints.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=_port, default=0, help="port to bind; 0 picks a free one")
    auth = parser.add_mutually_exclusive_group()
    auth.add_argument(
        "--key", type=_key, help="the key clients must send (default: a generated one)"
    )
    auth.add_argument("--no-auth", action="store_true", help="accept requests without a key")
    auth.add_argument(
        "--entra-tokens",
        action="store_true",
        help="keys off: accept only Entra-style Bearer tokens from the printed token command",
    )
    parser.add_argument("--seed", type=int, default=0, help="default seed for generated answers")
    parser.add_argument(
        "--rpm", type=_count, default=1000, help="requests per minute before 429 (0: refuse all)"
    )
    parser.add_argument(
        "--tpm", type=_count, default=200_000, help="tokens per minute before 429 (0: refuse all)"
    )
    parser.add_argument(
        "--token-delay-ms",
        type=_milliseconds,
        default=_CLI_TOKEN_DELAY_MS,
        help=f"pause between streamed events (default {_CLI_TOKEN_DELAY_MS:g})",
    )
    parser.add_argument(
        "--fault",
        default="",
        help="faults for every request, e.g. 'slow_stream_ms=100;drop_after_events=20'",
    )
    return parser


def config_from_args(argv: list[str]) -> SandboxConfig:
    """Parse the command line into a config (argparse exits with status 2 on bad input)."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        parse_faults(args.fault)
    except FaultSpecError as exc:
        parser.error(f"--fault: {exc}")
    entra = args.entra_tokens
    key = None if args.no_auth or entra else args.key or "sandbox-" + secrets.token_urlsafe(18)
    return SandboxConfig(
        host=args.host,
        port=args.port,
        key=key,
        entra_secret=secrets.token_urlsafe(18) if entra else None,
        seed=args.seed,
        rpm=args.rpm,
        tpm=args.tpm,
        token_delay_ms=args.token_delay_ms,
        default_faults=args.fault,
        access_log=True,
    )


def token_command(secret: str) -> str:
    """The command line that prints a token this sandbox accepts (for `--token-command`)."""
    python = shlex.quote(sys.executable)
    return f"{python} -m workbench.sandbox.entra_tokens --secret={shlex.quote(secret)}"


def _auth_line(config: SandboxConfig) -> str:
    if config.entra_secret:
        return f"token command (--auth entra): {token_command(config.entra_secret)}"
    return f"key: {config.key}" if config.key else "key: none (authentication is off)"


def main(argv: list[str]) -> int:
    """Run the sandbox until Ctrl+C; print its base URL and key first.

    Args:
        argv: arguments after `sandbox`.

    Returns:
        0 after a clean shutdown, 1 when the address cannot be bound.
    """
    config = config_from_args(argv)
    try:
        sock = _bind(config.host, config.port)
    except OSError as exc:
        print(f"workbench sandbox: cannot bind {config.host}:{config.port}: {exc}", file=sys.stderr)  # noqa: T201  # a command-line program reports on stderr
        return 1
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    host, port = sock.getsockname()[:2]

    def announce() -> None:
        # Printed once the server accepts and answers: whoever reads the base URL can use it.
        print(f"base URL: http://{_url_host(host)}:{port}", flush=True)  # noqa: T201  # the point of the command
        print(_auth_line(config), flush=True)  # noqa: T201  # the point of the command

    try:
        asyncio.run(make_server(config, on_started=announce).serve(sockets=[sock]))
    except KeyboardInterrupt:
        # uvicorn stops on Ctrl+C (or SIGTERM), then re-raises the signal it captured: Ctrl+C
        # ends here with status 0, SIGTERM ends the process as that signal's default does.
        pass
    finally:
        sock.close()
    return 0
