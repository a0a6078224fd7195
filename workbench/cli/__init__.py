"""Command line: `workbench rerank|chat|qa|eval|history|replay` against any endpoint, without Qt.

Exit status: 0 done, 1 a QA check failed (`qa`) or an evaluation under its `--fail-under` floor
(`eval`), 2 bad input or a failed Entra ID sign-in, 3 the server answered with an error, 4
protocol error or broken stream (what arrived is still printed), 5 connection failure or
timeout, 74 the output could not be written (closed, disk full), 130 Ctrl+C, 141 the reader of
the output went away (`| head`: nothing is said). With `--json`, a broken stream, a timeout and
Ctrl+C still print the one object: what arrived, and `error`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import sys
import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TextIO, cast

from workbench.api import (
    ApiError,
    ChatRequest,
    ConnectError,
    Connection,
    Flavour,
    InputError,
    ProtocolError,
    RequestTimeout,
    RerankRequest,
    RerankResponse,
    StatusError,
    TextDelta,
    ThinkingDelta,
    WorkbenchClient,
    WorkbenchError,
    flavour_traits,
)
from workbench.api.redact import redact_text
from workbench.api.redact_stream import RedactingWriter
from workbench.cli import evaluate as cli_evaluate
from workbench.cli import history as cli_history
from workbench.cli import model_options
from workbench.cli import qa as cli_qa
from workbench.cli.connection import connection_from_args, rerank_connection
from workbench.cli.inputs import (
    parse_params,
    read_documents,
    read_history,
    read_tool_results,
    read_tools,
    results_after_their_calls,
    unknown_param_warnings,
)
from workbench.cli.option_words import options_named
from workbench.cli.output import (
    chat_json,
    print_chat_details,
    print_json,
    print_rerank,
    rerank_json,
)
from workbench.cli.parser import build_parser
from workbench.cli.recording import Recording, history_wanted, recording
from workbench.cli.streams import EXIT_OUTPUT, EXIT_PIPE, GuardedStream, OutputLost
from workbench.core.chat_checks import check_request
from workbench.core.probe import route_hint
from workbench.core.rerank_docs import check_chunk_budget
from workbench.core.runs.history import chat_start, rerank_start
from workbench.core.runs.replay import ReplayClient, request_of
from workbench.core.turns import TurnRun, stream_turn

if TYPE_CHECKING:
    from collections.abc import Sequence

    from workbench.api import StreamEvent
    from workbench.core.runs.store import RunRecord

EXIT_OK, EXIT_INPUT, EXIT_SERVER, EXIT_PROTOCOL, EXIT_CONNECT = 0, 2, 3, 4, 5
EXIT_CANCELLED = 130
CANCELLED = "cancelled"


@dataclass
class _Streams:
    out: TextIO
    err: TextIO


async def _rerank(args: argparse.Namespace, io: _Streams) -> int:
    _check_query(args.query)
    connection = rerank_connection(args, io.err)
    with options_named(args, connection.flavour):
        return await _rerank_on(connection, args, io)


async def _rerank_on(connection: Connection, args: argparse.Namespace, io: _Streams) -> int:
    rules = flavour_traits(connection.flavour).rerank
    _check_length_option(args, connection)
    documents = read_documents(args.documents)
    # The GUI's rule (v1 chunks documents), checked before sending.
    check_chunk_budget(len(documents), args.max_chunks_per_doc, rules, split=False)
    rank_fields = (
        [f.strip() for f in args.rank_fields.split(",") if f.strip()] if args.rank_fields else None
    )
    _warn_unknown_rank_fields(rank_fields, documents, io.err)
    _warn_rank_fields_of_strings(rank_fields, documents, connection.flavour, io.err)
    request = RerankRequest(
        query=args.query,
        documents=documents,
        top_n=args.top_n,
        return_documents=args.return_documents,
        rank_fields=rank_fields,
        max_chunks_per_doc=args.max_chunks_per_doc,
        max_tokens_per_doc=args.max_tokens_per_doc,
    )
    start = functools.partial(rerank_start, connection, request, **_run_labels(args))
    with recording(args, start, io.err):
        response = await _send_rerank(connection, request, args, io)
    if args.json:
        print_json(rerank_json(response), io.out)
    else:
        print_rerank(response, documents, io.out)
    return EXIT_OK


async def _send_rerank(
    connection: Connection, request: RerankRequest, args: argparse.Namespace, io: _Streams
) -> RerankResponse:
    """The answer; timed out or stopped by Ctrl+C, `--json` still prints its one object, as
    `chat --json` does: no results, the time it ran, and `error`."""
    began = time.monotonic()
    try:
        async with WorkbenchClient(connection) as client:
            return await client.rerank(request)
    except RequestTimeout as exc:
        if args.json:
            _print_stopped_rerank(began, str(exc), io.out)
        raise
    except asyncio.CancelledError:
        # Ctrl+C: asyncio.run cancels this task, then raises KeyboardInterrupt in `main`.
        if args.json:
            _print_stopped_rerank(began, CANCELLED, io.out)
        raise


def _print_stopped_rerank(began: float, error: str, out: TextIO) -> None:
    """The `--json` object of a rerank that got no answer: no results, the time it ran, why."""
    ran_ms = (time.monotonic() - began) * 1000.0
    stopped = rerank_json(RerankResponse(results=[], latency_ms=ran_ms))
    print_json({**stopped, "error": error}, out)


def _warn_unknown_rank_fields(fields: list[str] | None, documents: list[Any], err: TextIO) -> None:
    """Name a rank field no document has: it is sent, but it ranks nothing (a typo, often).

    The GUI offers only the documents' own keys; the command line takes any name.
    """
    keys = {key for d in documents if isinstance(d, dict) for key in d}
    missing = [f for f in fields or () if f not in keys]
    if missing and len(missing) < len(fields or ()):  # none found at all is refused later
        named = ", ".join(repr(f) for f in missing)
        err.write(redact_text(f"workbench: warning: --rank-fields: no document has {named}\n"))


def _warn_rank_fields_of_strings(
    fields: list[str] | None, documents: list[Any], flavour: Flavour, err: TextIO
) -> None:
    """Say that rank fields given with string documents only do nothing on Cohere v2.

    v2's body has no `rank_fields`: the workbench applies them as it renders object documents to
    text, and a string is sent whole. Cohere v1 sends them, and its server reads a string as
    `{"text": ...}`, so there they are the server's to apply.
    """
    if fields and flavour is Flavour.COHERE_V2 and all(isinstance(d, str) for d in documents):
        err.write(
            "workbench: warning: --rank-fields: the documents are strings, ranked whole; "
            "rank fields apply to object documents only\n"
        )


def _check_query(query: str) -> None:
    """Refuse an empty query before anything is sent (the GUI's Rerank pane does too): the API
    requires one, and a server that ranks anyway (the sandbox does) answers scores for nothing."""
    if not query.strip():
        raise InputError(
            "the query is empty; rerank needs one to rank the documents against", where="--query"
        )


_LENGTH_OPTIONS = ("max_chunks_per_doc", "max_tokens_per_doc")


def _check_length_option(args: argparse.Namespace, connection: Connection) -> None:
    """Refuse the length option the flavour's rerank body has no field for (the GUI hides it)."""
    takes = flavour_traits(connection.flavour).rerank.length_parameter
    for name in _LENGTH_OPTIONS:
        if getattr(args, name) is not None and name != takes:
            option = f"--{name.replace('_', '-')}"
            instead = f" (it takes --{takes.replace('_', '-')})" if takes else ""
            raise InputError(
                f"{connection.flavour.value} rerank does not take {option}{instead}", where=option
            )


def chat_request_from_args(args: argparse.Namespace) -> ChatRequest:
    """The ChatRequest the command line describes (files read and checked here)."""
    _one_reader_of_stdin(args)
    return model_options.apply_options(args, _base_request(args))


_READS_FILES = ("history", "documents", "tools", "tool_results", "response_format")
"""The chat options naming a JSON file, where `-` is standard input."""


def _one_reader_of_stdin(args: argparse.Namespace) -> None:
    """Standard input is read once: a second `-` would get nothing and fail as empty JSON."""
    named = [f"--{n.replace('_', '-')}" for n in _READS_FILES if getattr(args, n, None) == "-"]
    if len(named) > 1:
        raise InputError(
            f"only one option can read standard input (-): {', '.join(named)} ask for it",
            where=named[1],
        )


def _base_request(args: argparse.Namespace) -> ChatRequest:
    return ChatRequest(
        message=args.message,
        preamble=args.preamble,
        history=read_history(args.history) if args.history else [],
        documents=read_documents(args.documents) if args.documents else [],
        tools=read_tools(args.tools) if args.tools else [],
        tool_results=read_tool_results(args.tool_results) if args.tool_results else [],
        search_queries_only=args.search_queries_only,
        params=parse_params(args.param),
    )


_KEEPS_WHAT_ARRIVED = (ProtocolError, RequestTimeout)
"""Failures after which `--json` still prints what arrived (the request went out and was taken)."""


def _print_delta(
    io: _Streams, thinking: model_options.ThinkingPrinter, _run: TurnRun, event: StreamEvent
) -> None:
    if isinstance(event, ThinkingDelta):
        thinking.thought(event.text)
    if isinstance(event, TextDelta):
        thinking.answered()
        io.out.write(event.text)
        io.out.flush()


def _finish_chat(
    args: argparse.Namespace,
    run: TurnRun,
    io: _Streams,
    error: str | None,
    request: ChatRequest,
) -> None:
    total_ms = run.elapsed_s() * 1000.0
    if args.json:
        ttft = run.ttft_s()
        obj = chat_json(run.snapshot, None if ttft is None else ttft * 1000.0, total_ms)
        obj.update(model_options.json_fields(run.snapshot, request))
        failure = error or run.snapshot.error
        if failure:
            obj["error"] = str(failure)
        print_json(obj, io.out)
        return
    if not args.stream:
        model_options.print_thinking(run.snapshot, io.out)
        io.out.write(run.snapshot.text)
    if run.snapshot.text or (args.stream and run.snapshot.thinking):
        io.out.write("\n")
    model_options.print_verdict(run.snapshot, request, io.out)
    print_chat_details(run.snapshot, total_ms, io.out)


async def _run_chat(
    client: WorkbenchClient | ReplayClient,
    request: ChatRequest,
    run: TurnRun,
    args: argparse.Namespace,
    io: _Streams,
) -> None:
    if args.stream:
        printer = model_options.ThinkingPrinter(io.out)
        live = None if args.json else functools.partial(_print_delta, io, printer)
        await stream_turn(client, request, run, on_event=live)
        return
    if isinstance(client, ReplayClient):
        raise TypeError("a replay streams")  # `_replay_turn` asks for it
    run.snapshot = await client.chat(request)
    run.end(time.monotonic())  # the first token arrived with the whole answer
    run.timing = replace(run.timing, first_output=run.timing.ended)


def _run_labels(args: argparse.Namespace) -> dict[str, str]:
    return {"endpoint": args.endpoint or "", "source": "cli"}


async def _qa(args: argparse.Namespace, io: _Streams) -> int:
    connection = connection_from_args(args, io.err)
    wanted = history_wanted(args)
    return await cli_qa.run(args, connection, io.out, io.err, history_wanted=wanted)


async def _chat(args: argparse.Namespace, io: _Streams) -> int:
    connection = connection_from_args(args, io.err)
    with options_named(args, connection.flavour):
        return await _chat_on(connection, args, io)


async def _chat_on(connection: Connection, args: argparse.Namespace, io: _Streams) -> int:
    request = results_after_their_calls(chat_request_from_args(args), connection.flavour)
    check_request(request, connection.model)  # a saved endpoint's model, when --model is not given
    for warning in unknown_param_warnings(request.params, connection.flavour):
        io.err.write(f"workbench: warning: {warning}\n")
    start = functools.partial(chat_start, connection, request, **_run_labels(args))
    with recording(args, start, io.err) as rec:
        return await _chat_recorded(args, io, connection, request, rec)


async def _chat_recorded(
    args: argparse.Namespace,
    io: _Streams,
    connection: Connection,
    request: ChatRequest,
    rec: Recording,
) -> int:
    async with WorkbenchClient(connection) as client:
        run = TurnRun()
        rec.snapshot = lambda: run.snapshot
        return await _chat_turn(client, request, run, args, io)


async def _chat_turn(
    client: WorkbenchClient | ReplayClient,
    request: ChatRequest,
    run: TurnRun,
    args: argparse.Namespace,
    io: _Streams,
) -> int:
    """Run one turn and print it; a failure is raised after what it keeps is printed."""
    try:
        await _run_chat(client, request, run, args, io)
    except _KEEPS_WHAT_ARRIVED as exc:
        # Keep what arrived before the break; plain text shows it for a broken stream, and
        # ends the streamed text's line after a timeout (the shell's prompt goes below it).
        if args.json or (args.stream and (isinstance(exc, ProtocolError) or run.snapshot.text)):
            _finish_chat(args, run, io, str(exc), request)
        raise
    except asyncio.CancelledError:
        # Ctrl+C: asyncio.run cancels this task, then raises KeyboardInterrupt in `main`.
        if args.json:
            _finish_chat(args, run, io, CANCELLED, request)
        raise
    _finish_chat(args, run, io, None, request)
    if not run.snapshot.error:
        return EXIT_OK
    # A failure reported in the answer's body (finish_reason ERROR_TOXIC, a stream's error
    # event): one clear line, streamed or not (issue 20).
    source = "the stream" if args.stream else "the answer"
    io.err.write(f"workbench: {source} reported a failure: {run.snapshot.error}\n")
    return EXIT_SERVER


async def _replay_turn(io: _Streams, record: RunRecord, speed: float) -> int:
    """Print a recorded chat turn as `chat --stream` printed it, ending as it ended."""
    client = ReplayClient(record, speed, fails=True)
    plain = argparse.Namespace(stream=True, json=False)
    if record.outcome == "stopped":
        # Ctrl+C ended `chat` mid-stream: it printed what had arrived and no more (no line
        # break, no figures), then said it was cancelled.
        await _run_chat(client, request_of(record), TurnRun(), plain, io)
        io.err.write("workbench: cancelled\n")
        return EXIT_CANCELLED
    return await _chat_turn(client, request_of(record), TurnRun(), plain, io)


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
    io = _Streams(cast("TextIO", out), cast("TextIO", err))
    try:
        status = _run(argv, io)
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


def _eval(args: argparse.Namespace, io: _Streams) -> int:
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


def _run(argv: Sequence[str] | None, io: _Streams) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # argparse has printed its message (or the help)
        return exc.code if isinstance(exc.code, int) else EXIT_INPUT
    runner: Any = {"rerank": _rerank, "qa": _qa}.get(args.command, _chat)
    try:
        if args.command in {"history", "replay"}:
            play = functools.partial(_replay_turn, io)
            return cli_history.run(args, io.out, io.err, play)
        if args.command == "eval":
            return _eval(args, io)
        return int(asyncio.run(runner(args, io)))
    except WorkbenchError as exc:
        io.err.write(f"workbench: {describe(exc)}\n")
        return exit_status(exc)
    except KeyboardInterrupt:
        io.err.write("workbench: cancelled\n")
        return EXIT_CANCELLED
