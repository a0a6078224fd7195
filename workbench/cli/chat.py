"""`workbench chat`: one chat turn against one endpoint, streamed or whole; and a recorded turn
replayed as `chat --stream` printed it (`workbench replay`).

What arrived before a failure is still printed: with `--stream` after a broken stream or a
timeout, with `--json` (and `error`) after those and Ctrl+C; the failure's exit status follows.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from workbench.api import (
    ChatRequest,
    InputError,
    ProtocolError,
    TextDelta,
    ThinkingDelta,
    WorkbenchClient,
)
from workbench.cli import model_options
from workbench.cli.connection import connection_from_args
from workbench.cli.inputs import (
    parse_params,
    read_documents,
    read_history,
    read_tool_results,
    read_tools,
    results_after_their_calls,
    unknown_param_warnings,
)
from workbench.cli.option_words import caution_line, options_named
from workbench.cli.output import chat_json, print_chat_details, print_json
from workbench.cli.recording import Recording, recording, run_labels
from workbench.cli.status import (
    CANCELLED,
    EXIT_CANCELLED,
    EXIT_OK,
    EXIT_SERVER,
    JSON_KEPT_AFTER,
)
from workbench.core.chat_checks import cautions, check_request
from workbench.core.runs.history import chat_start
from workbench.core.runs.replay import ReplayClient, request_of
from workbench.core.turns import TurnRun, stream_turn

if TYPE_CHECKING:
    from workbench.api import Connection, StreamEvent
    from workbench.cli.streams import Streams
    from workbench.core.runs.store import RunRecord


def chat_request_from_args(args: argparse.Namespace) -> ChatRequest:
    """The ChatRequest the command line describes (files read and checked here)."""
    _one_reader_of_stdin(args)
    _check_message(args)
    return model_options.apply_options(args, _base_request(args))


def _check_message(args: argparse.Namespace) -> None:
    """Refuse a blank message before anything is sent, as `rerank` refuses a blank query: the
    server's 400 came back as exit 3, for a mistake made here. Tool results answer on their own."""
    if not args.message.strip() and not args.tool_results:
        raise InputError(
            "the message is empty; give the turn's words (or --tool-results to answer tool calls)",
            where="--message",
        )


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


def _print_delta(
    io: Streams, thinking: model_options.ThinkingPrinter, _run: TurnRun, event: StreamEvent
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
    io: Streams,
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
    io: Streams,
) -> None:
    if args.stream:
        printer = model_options.ThinkingPrinter(io.out)
        live = None if args.json else functools.partial(_print_delta, io, printer)
        await stream_turn(client, request, run, on_event=live)
        return
    if isinstance(client, ReplayClient):
        raise TypeError("a replay streams")  # `replay_turn` asks for it
    run.snapshot = await client.chat(request)
    run.end(time.monotonic())  # the first token arrived with the whole answer
    run.timing = replace(run.timing, first_output=run.timing.ended)


async def run(args: argparse.Namespace, io: Streams) -> int:
    """Run `workbench chat`; returns its exit status (a failure raises the error it ended with)."""
    connection = connection_from_args(args, io.err)
    with options_named(args, connection.flavour):
        return await _chat_on(connection, args, io)


async def _chat_on(connection: Connection, args: argparse.Namespace, io: Streams) -> int:
    request = results_after_their_calls(chat_request_from_args(args), connection.flavour)
    check_request(request, connection.model)  # a saved endpoint's model, when --model is not given
    for caution in cautions(request, connection.model):
        io.err.write(caution_line(caution, args, connection.flavour))
    for warning in unknown_param_warnings(request.params, connection.flavour):
        io.err.write(f"workbench: warning: {warning}\n")
    start = functools.partial(chat_start, connection, request, **run_labels(args))
    with recording(args, start, io.err) as rec:
        return await _chat_recorded(args, io, connection, request, rec)


async def _chat_recorded(
    args: argparse.Namespace,
    io: Streams,
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
    io: Streams,
) -> int:
    """Run one turn and print it; a failure is raised after what it keeps is printed."""
    try:
        await _run_chat(client, request, run, args, io)
    except JSON_KEPT_AFTER as exc:
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


async def replay_turn(io: Streams, record: RunRecord, speed: float) -> int:
    """Print a recorded chat turn as `chat --stream` printed it, ending as it ended."""
    client = ReplayClient(record, speed, fails=True)
    plain = argparse.Namespace(stream=True, json=False)
    if record.outcome == "stopped":
        # Ctrl+C ended `chat` mid-stream: it printed what had arrived and no more (no line
        # break, no figures), then said it was cancelled.
        await _run_chat(client, request_of(record), TurnRun(), plain, io)
        io.err.write("workbench: cancelled\n")
        return EXIT_CANCELLED
    return await _chat_turn(client, request_of(record), ReplayedRun(recorded=record), plain, io)


@dataclass(eq=False)
class ReplayedRun(TurnRun):
    """A replayed turn, whose figures are the recorded turn's: the replay's own clock says only
    how fast it was played (`--speed 10` printed a tenth of the turn's time)."""

    recorded: RunRecord | None = None

    def ttft_s(self) -> float | None:
        """The recorded seconds to the first token."""
        first = self.recorded.t_first if self.recorded is not None else None
        return first if first is not None else super().ttft_s()

    def elapsed_s(self, now: float | None = None) -> float:
        """The recorded seconds to the last event."""
        last = self.recorded.t_last if self.recorded is not None else None
        return last if last is not None else super().elapsed_s(now)
