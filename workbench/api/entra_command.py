"""Run a token command without a shell, with a timeout, and explain its failures in words."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shlex
import shutil
import signal
import sys

from workbench.api.entra_explain import classify
from workbench.api.errors import SignInError
from workbench.api.redact import redact_text
from workbench.api.text import Text, english

_MAX_STDERR = 400
COMMAND_ENDED = english("%1 (the token command ended with status %2: %3)")
"""A failed command: the explanation, then its exit status and the end of what it printed."""


def command_argv(command: str, scope: str) -> list[str]:
    """The command split into arguments, `{scope}` and `{resource}` filled in.

    Args:
        command: e.g. `az account get-access-token --scope {scope} --output json`.
        scope: e.g. `https://ai.azure.com/.default`; the resource is the scope less `/.default`.

    Raises:
        SignInError: the command is empty or its quoting is broken.
    """
    resource = scope.removesuffix("/.default")
    try:
        parts = shlex.split(command, posix=os.name != "nt")
    except ValueError as exc:
        raise SignInError(
            Text("the token command cannot be read: %1", str(exc)),
            reason="bad-command",
            where="token command",
        ) from None
    if not parts:
        raise SignInError(
            Text("the token command is empty"), reason="bad-command", where="token command"
        )
    argv = [p.replace("{scope}", scope).replace("{resource}", resource) for p in parts]
    # On Windows `az` is `az.cmd`: resolve it the way a shell would.
    argv[0] = shutil.which(argv[0]) or argv[0]
    return argv


async def run_token_command(command: str, scope: str, timeout_s: float) -> bytes:
    """Run the command and return its stdout.

    Args:
        command: the token command as the person wrote it (no shell: pipes are not interpreted).
        scope: the scope to ask for.
        timeout_s: the command is ended if it has not finished by then.

    Returns:
        What the command printed on stdout.

    Raises:
        SignInError: the command is missing, fails, or hangs; the message says which, in words.
    """
    argv = command_argv(command, scope)
    where = f"token command {os.path.basename(argv[0])}"
    try:
        process = await asyncio.create_subprocess_exec(
            *argv,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            start_new_session=sys.platform != "win32",
        )
    except FileNotFoundError:
        hint = (
            Text(
                "install the Azure CLI and run `az login`, or install the workbench's `entra` "
                "extra (azure-identity)"
            )
            if os.path.basename(argv[0]).startswith("az")
            else Text("check the command's spelling and that it is on PATH")
        )
        raise SignInError(
            Text("the token command %1 was not found: %2", repr(argv[0]), hint),
            reason="missing-command",
            where=where,
        ) from None
    except OSError as exc:
        raise SignInError(
            Text("the token command could not start: %1", str(exc)),
            reason="bad-command",
            where=where,
        ) from None
    try:
        out, err = await asyncio.wait_for(process.communicate(), timeout_s)
    except TimeoutError:
        await _end(process)
        raise SignInError(
            Text(
                "the token command gave no answer within %1 s and was stopped; it may be waiting "
                "for a sign-in prompt (run it in a terminal once) or for the network",
                f"{timeout_s:g}",
            ),
            reason="timeout",
            where=where,
        ) from None
    except asyncio.CancelledError:
        await _end(process)
        raise
    if process.returncode != 0:
        raise _failed(process.returncode, err, where)
    return out


def _failed(code: int | None, err: bytes, where: str) -> SignInError:
    text = redact_text(err.decode("utf-8", "replace").strip())
    reason, hint = classify(text)
    said = text[-_MAX_STDERR:] if text else Text("nothing on stderr")
    # The hint is one of entra_explain's fixed texts: a Text of its own, so the GUI says it in
    # its language; the status and what the command printed are data.
    ended = Text(COMMAND_ENDED, Text(hint), str(code), said)
    return SignInError(ended, reason=reason, where=where)


async def _end(process: asyncio.subprocess.Process) -> None:
    """Stop the command and anything it started (its own process group on POSIX)."""
    with contextlib.suppress(ProcessLookupError):
        if sys.platform != "win32":
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    with contextlib.suppress(ProcessLookupError):
        await process.wait()
