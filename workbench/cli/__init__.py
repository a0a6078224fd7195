"""Command line: `workbench rerank|chat|qa|eval|history|replay` against any endpoint, without Qt.

Exit status: 0 done, 1 a QA check failed (`qa`) or an evaluation under its `--fail-under` floor
(`eval`), 2 bad input or a failed Entra ID sign-in, 3 the server answered with an error, 4
protocol error or broken stream (what arrived is still printed), 5 connection failure or
timeout, 74 the output or a file it writes (`--report`, `--out`) could not be written (closed,
disk full), 130 Ctrl+C, 141 the reader of the output went away (`| head`: nothing is said). With
`--json`, every failure of the request (refused connection, an error status, a timeout, an
unreadable answer or a broken stream) and Ctrl+C still print the one object: what arrived, and
`error`. Bad input prints none.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import sys
from typing import TYPE_CHECKING, Any, TextIO, cast

from workbench.api import (
    ApiError,
    ConnectError,
    InputError,
    ProtocolError,
    RequestTimeout,
    StatusError,
    WorkbenchError,
)
from workbench.api.redact_stream import RedactingWriter
from workbench.cli import chat as cli_chat
from workbench.cli import evaluate as cli_evaluate
from workbench.cli import history as cli_history
from workbench.cli import log_lines
from workbench.cli import qa as cli_qa
from workbench.cli import rerank as cli_rerank
from workbench.cli.connection import connection_from_args, rerank_connection
from workbench.cli.output import FileLost
from workbench.cli.parser import build_parser
from workbench.cli.recording import history_wanted
from workbench.cli.status import (
    CANCELLED,
    EXIT_CANCELLED,
    EXIT_CONNECT,
    EXIT_INPUT,
    EXIT_PROTOCOL,
    EXIT_SERVER,
)
from workbench.cli.streams import EXIT_OUTPUT, EXIT_PIPE, GuardedStream, OutputLost, Streams
from workbench.core.probe import route_hint

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence


async def _qa(args: argparse.Namespace, io: Streams) -> int:
    connection = connection_from_args(args, io.err)
    wanted = history_wanted(args)
    return await cli_qa.run(args, connection, io.out, io.err, history_wanted=wanted)


def describe(error: WorkbenchError) -> str:
    """One clear line for stderr: title, where, then the server's own message."""
    if isinstance(error, InputError):
        return ": ".join(p for p in (error.title, error.where, error.server_message) if p)
    hint = route_hint(error)
    return f"{error}\n  hint: {hint}" if hint else str(error)


def exit_status(error: WorkbenchError) -> int:
    """The exit status for a failure."""
    if isinstance(error, InputError):
        return EXIT_INPUT
    if isinstance(error, StatusError):
        return EXIT_SERVER
    if isinstance(error, ConnectError | RequestTimeout):
        return EXIT_CONNECT
    return EXIT_PROTOCOL if isinstance(error, ProtocolError | ApiError) else EXIT_INPUT


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run one command.

    Args:
        argv: arguments without the program name (`sys.argv[1:]` when None).
        stdout: where results go (sys.stdout by default).
        stderr: where errors go (sys.stderr by default).

    Returns:
        The exit status (see the module docstring).
    """
    guarded = GuardedStream(stdout or sys.stdout, "standard output")
    guarded_err = GuardedStream(stderr or sys.stderr, "standard error")
    out, err = (
        RedactingWriter(cast("TextIO", guarded)),
        RedactingWriter(cast("TextIO", guarded_err)),
    )
    io = Streams(cast("TextIO", out), cast("TextIO", err))
    with log_lines.command_log(io.err) as log:
        try:
            status = _run(argv, io)
            log.write_held()
        except OutputLost as exc:
            status = _output_lost(exc, err)
    # Every byte printed went through the redactor; let out what it held back.
    for writer, stream in ((out, guarded), (err, guarded_err)):
        try:
            if not stream.lost:
                writer.close_pending()
        except OutputLost as exc:
            status = _output_lost(exc, err)
    return status


def _output_lost(exc: OutputLost, err: RedactingWriter) -> int:
    """End a command whose output cannot be written: quietly when the reader went away (the
    `| head` it fed has all it wanted), else with one line saying why."""
    exc.stream.discard()
    if exc.reader_gone:
        return EXIT_PIPE
    if exc.stream.name != "standard error":
        with contextlib.suppress(OutputLost):
            err.write(f"workbench: cannot write the output: {exc.reason()}\n")
            err.close_pending()
    return EXIT_OUTPUT


def _eval(args: argparse.Namespace, io: Streams) -> int:
    """`workbench eval`; stopped midway, it says which endpoint failed and that a rerun
    continues from what was saved."""
    connect = functools.partial(rerank_connection, err=io.err)
    try:
        return int(asyncio.run(cli_evaluate.run(args, io.out, io.err, connect)))
    except cli_evaluate.Stopped as stopped:
        endpoint = f"{stopped.endpoint}: " if stopped.endpoint else ""
        io.err.write(f"workbench: {endpoint}{describe(stopped.error)}\n")
        io.err.write(f"workbench: note: {cli_evaluate.resume_note(args.restart)}\n")
        return exit_status(stopped.error)
    except KeyboardInterrupt:
        io.err.write(f"workbench: {CANCELLED}; {cli_evaluate.resume_note(args.restart)}\n")
        return EXIT_CANCELLED


def _parse(argv: Sequence[str] | None, io: Streams) -> argparse.Namespace:
    """The arguments; argparse's help, usage and errors go through the guarded, redacted streams.

    It writes to sys.stdout and sys.stderr itself and drops an OSError they raise, so help into
    a full disk ended with status 0 and nothing said; a guarded stream raises OutputLost.
    """
    with contextlib.redirect_stdout(io.out), contextlib.redirect_stderr(io.err):
        return build_parser().parse_args(argv)


def _run(argv: Sequence[str] | None, io: Streams) -> int:
    try:
        args = _parse(argv, io)
    except SystemExit as exc:  # argparse has printed its message (or the help)
        return exc.code if isinstance(exc.code, int) else EXIT_INPUT
    runner: Any = {"rerank": cli_rerank.run, "qa": _qa}.get(args.command, cli_chat.run)
    try:
        if args.command in {"history", "replay"}:
            play = functools.partial(cli_chat.replay_turn, io)
            return cli_history.run(args, io.out, io.err, play)
        if args.command == "eval":
            return _eval(args, io)
        return int(asyncio.run(runner(args, io)))
    except WorkbenchError as exc:
        io.err.write(f"workbench: {describe(exc)}\n")
        return exit_status(exc)
    except FileLost as exc:
        io.err.write(f"workbench: {exc}\n")
        return EXIT_OUTPUT
    except KeyboardInterrupt:
        io.err.write("workbench: cancelled\n")
        return EXIT_CANCELLED
