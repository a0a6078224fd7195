"""Command line: `workbench rerank|chat|qa|eval|history|replay` against any endpoint, without Qt.

Exit status: 0 done, 1 a QA check failed (`qa`) or an evaluation under its `--fail-under` floor
(`eval`), 2 bad input or a failed Entra ID sign-in, 3 the server answered with an error, 4
protocol error or broken stream (what arrived is still printed), 5 connection failure or
timeout, 130 Ctrl+C. With `--json`, a broken stream, a timeout and Ctrl+C still print the one
object: what arrived, and `error`.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import math
import os
import re
import sys
import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TextIO, cast

from workbench.api import (
    ApiError,
    AuthScheme,
    ChatRequest,
    ConnectError,
    Connection,
    Flavour,
    InputError,
    ProtocolError,
    RequestTimeout,
    RerankRequest,
    StatusError,
    TextDelta,
    ThinkingDelta,
    WorkbenchClient,
    WorkbenchError,
    flavour_traits,
    parse_pasted_url,
)
from workbench.api.entra import DEFAULT_SCOPE
from workbench.api.keys import check_key
from workbench.api.models import DEFAULT_FLAVOUR
from workbench.api.redact import RedactingWriter, is_secret_header, register_secret
from workbench.cli import evaluate as cli_evaluate
from workbench.cli import history as cli_history
from workbench.cli import model_options
from workbench.cli import qa as cli_qa
from workbench.cli.inputs import (
    parse_params,
    read_documents,
    read_history,
    read_tool_results,
    read_tools,
)
from workbench.cli.output import (
    chat_json,
    print_chat_details,
    print_json,
    print_rerank,
    rerank_json,
)
from workbench.cli.recording import Recording, history_wanted, recording
from workbench.core.chat_checks import check_request
from workbench.core.probe import route_hint
from workbench.core.rerank_docs import check_chunk_budget
from workbench.core.runs.history import chat_start, rerank_start
from workbench.core.saved_endpoints import connection_for
from workbench.core.turns import TurnRun, stream_turn

if TYPE_CHECKING:
    from collections.abc import Sequence

    from workbench.api import StreamEvent

EXIT_OK, EXIT_INPUT, EXIT_SERVER, EXIT_PROTOCOL, EXIT_CONNECT = 0, 2, 3, 4, 5
DEFAULT_KEY_ENV = "WORKBENCH_API_KEY"
DEFAULT_TIMEOUT_S = 120.0
_SAVED_AUTH = ("--auth", "auth"), ("--key-env", "key_env")
"""Options a saved endpoint answers for itself: its scheme, and its key in the OS keyring."""
_PER_RUN = (
    ("timeout", "timeout_s"),
    ("api_version", "api_version"),
    ("extra_parameters", "extra_parameters"),
)
"""Options that apply to a saved endpoint for one run (argument name, Connection field)."""


def _connection_options(parser: argparse.ArgumentParser, flavours: list[str]) -> None:
    target = parser.add_mutually_exclusive_group(required=True)
    target.add_argument("--url", help="base URL, or a full route pasted as given")
    target.add_argument(
        "--endpoint",
        metavar="NAME",
        help="a saved endpoint (its settings, and its key from the OS keyring)",
    )
    parser.add_argument("--flavour", choices=flavours, help="default: from the URL, else cohere-v2")
    parser.add_argument("--model", help="model name (optional on most deployments)")
    parser.add_argument(
        "--auth",
        choices=[a.value for a in AuthScheme],
        help="how the key is sent: bearer (Authorization header, the default), api-key or "
        "x-api-key header, entra (a Microsoft Entra ID token instead of a key), none",
    )
    parser.add_argument(
        "--scope", help=f"with --auth entra: the token's scope (default {DEFAULT_SCOPE})"
    )
    parser.add_argument(
        "--token-command",
        metavar="CMD",
        help="with --auth entra: a command printing `az account get-access-token`-style JSON "
        "({scope} is filled in; default: azure-identity when installed, else the Azure CLI)",
    )
    parser.add_argument(
        "--key-env",
        metavar="VAR",
        help=f"environment variable holding the key (default: {DEFAULT_KEY_ENV} when set)",
    )
    parser.add_argument("--api-version", help="`?api-version=` for Azure inference routes")
    parser.add_argument(
        "--extra-parameters",
        choices=["pass-through", "drop", "error"],
        help="Azure's extra-parameters header: what the route does with parameters it does "
        "not know (pass them to the model, drop them, or refuse the request)",
    )
    parser.add_argument(
        "--header",
        action="append",
        default=[],
        metavar="NAME:VALUE",
        help="an extra header sent with every request (repeat for more)",
    )
    parser.add_argument(
        "--timeout",
        type=_seconds,
        help=f"read timeout in seconds (default {DEFAULT_TIMEOUT_S:g}, or the saved endpoint's)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    parser.add_argument(
        "--no-history", action="store_true", help="do not record this run in the run history"
    )


def _seconds(text: str) -> float:
    """A positive, finite number of seconds (0, negative or nan made every read fail or hang)."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text!r}")
    return value


def _rerank_flavours() -> list[str]:
    return [f.value for f in Flavour if flavour_traits(f).rerank.supported]


def build_parser() -> argparse.ArgumentParser:
    """The `workbench` argument parser with its `rerank` and `chat` commands."""
    parser = argparse.ArgumentParser(
        prog="workbench",
        description=__doc__.splitlines()[0],
        epilog="`workbench` with no arguments opens the desktop program; "
        "`workbench sandbox --help` describes the local Cohere-compatible server.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    rerank = commands.add_parser("rerank", help="rank documents against a query")
    _connection_options(rerank, _rerank_flavours())
    rerank.add_argument("--query", required=True, help="the search query")
    rerank.add_argument("--documents", required=True, metavar="FILE", help="JSON array; - = stdin")
    rerank.add_argument("--rank-fields", metavar="F1,F2", help="keys of object documents to rank")
    rerank.add_argument("--top-n", type=int, help="return only the N best (default: all)")
    rerank.add_argument(
        "--return-documents", action="store_true", help="ask for each document with its result"
    )
    rerank.add_argument("--max-chunks-per-doc", type=int, help="Cohere v1")
    rerank.add_argument("--max-tokens-per-doc", type=int, help="Cohere v2")
    chat = commands.add_parser("chat", help="send one chat turn")
    _connection_options(chat, [f.value for f in Flavour])
    chat.add_argument("--message", required=True, help="the user's message for this turn")
    chat.add_argument("--preamble", help="system message (the preamble on Cohere v1)")
    chat.add_argument(
        "--history",
        metavar="FILE",
        help="earlier turns: a JSON array of {role, content} (or Cohere v1 {role, message}); "
        "- = stdin",
    )
    chat.add_argument(
        "--documents",
        metavar="FILE",
        help="documents to ground the answer: a JSON array of strings or objects; - = stdin",
    )
    chat.add_argument(
        "--tools",
        metavar="FILE",
        help="a JSON array of tool definitions (JSON-schema function form or Cohere v1 "
        "parameter_definitions); - = stdin",
    )
    chat.add_argument(
        "--tool-results",
        metavar="FILE",
        help='a JSON array of {"call": {name, parameters}, "outputs": [{...}]}; - = stdin',
    )
    chat.add_argument(
        "--search-queries-only", action="store_true", help="Cohere v1 only; deprecated"
    )
    chat.add_argument("--stream", action="store_true", help="print the answer as it streams")
    chat.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a generation parameter (temperature=0.3, max_tokens=200...; the value is read "
        "as JSON when it is JSON); repeat for more",
    )
    model_options.add_options(chat)
    evaluate = commands.add_parser(
        "eval", help="score a labelled set against one or two rerank endpoints"
    )
    _connection_options(evaluate, _rerank_flavours())
    cli_evaluate.add_options(evaluate, _rerank_flavours())
    qa = commands.add_parser(
        "qa", help="check a deployment end to end and write a report (exit 1: a check failed)"
    )
    _connection_options(qa, [f.value for f in Flavour])
    cli_qa.add_options(qa)
    cli_history.add_commands(commands)
    return parser


_HEADER_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_HEADER_VALUE = re.compile(r"[\x20-\x7e\t]*")


def _headers(pairs: list[str]) -> dict[str, str]:
    """`--header NAME:VALUE` pairs; a message about one never shows its value (it may be a key)."""
    headers = {}
    for pair in pairs:
        name, sep, value = pair.partition(":")
        name, value = name.strip(), value.strip()
        if sep and is_secret_header(name):
            register_secret(value)
        if not sep or not _HEADER_NAME.fullmatch(name):
            raise InputError(_header_problem(pair), where="--header")
        if not _HEADER_VALUE.fullmatch(value):
            raise InputError(
                f"the value of header {name!r} has a line break, control or non-ASCII character "
                "(the value is not shown)",
                where="--header",
            )
        headers[name] = value
    return headers


def _header_problem(pair: str) -> str:
    """Why a `--header` argument is malformed, showing at most a name: the rest may be a secret."""
    found = re.match(r"([^=\s:]+)([=\s])", pair.strip())
    if found and _HEADER_NAME.fullmatch(found.group(1)):
        name, sep = found.groups()
        return f"expected NAME:VALUE with a colon, got {name!r} then {sep!r} (value not shown)"
    return "expected NAME:VALUE with a colon (what was given is not shown: it may hold a secret)"


def _key(args: argparse.Namespace, err: TextIO) -> str | None:
    """The key from the environment, trimmed (with a note) and checked before anything is sent."""
    if args.auth in {AuthScheme.NONE.value, AuthScheme.ENTRA.value}:
        return None
    variable = args.key_env or DEFAULT_KEY_ENV
    if args.key_env and args.key_env not in os.environ:
        raise InputError(f"environment variable {args.key_env} is not set", where="--key-env")
    raw = os.environ.get(variable)
    if raw is None:
        return None
    checked = check_key(raw, where=variable)
    if checked.trimmed:
        err.write(
            f"workbench: note: the key in {variable} had spaces or a line break around it; "
            "they were removed\n"
        )
    return checked.value or None


def connection_from_args(args: argparse.Namespace, err: TextIO | None = None) -> Connection:
    """The Connection the command line describes (the one place a future `--endpoint` plugs in).

    The flavour comes from `--flavour`, else from a pasted route, else Cohere v2. With
    `--endpoint NAME` the saved endpoint is used; `--flavour`, `--model`, `--header`,
    `--timeout`, `--api-version` and `--extra-parameters` still apply, and `--auth` and
    `--key-env` are refused (the endpoint's own scheme and keyring key are used).
    """
    _check_entra_options(args)
    if getattr(args, "endpoint", None):
        return _saved_connection(args)
    pasted = parse_pasted_url(args.url)
    flavour = Flavour(args.flavour) if args.flavour else (pasted.flavour or DEFAULT_FLAVOUR)
    key = _key(args, err or sys.stderr)
    return Connection(
        base_url=args.url,
        flavour=flavour,
        model=args.model,
        auth=AuthScheme(args.auth or AuthScheme.BEARER.value),
        api_key=key,  # pydantic turns the str into a SecretStr
        entra_scope=args.scope,
        token_command=args.token_command,
        api_version=args.api_version,
        extra_parameters=args.extra_parameters,
        timeout_s=DEFAULT_TIMEOUT_S if args.timeout is None else args.timeout,
        extra_headers=_headers(args.header),
    )


def _check_entra_options(args: argparse.Namespace) -> None:
    entra = args.auth == AuthScheme.ENTRA.value or bool(getattr(args, "endpoint", None))
    for option, value in (("--scope", args.scope), ("--token-command", args.token_command)):
        if value and not entra:
            raise InputError(f"{option} applies only with --auth entra", where=option)


def _saved_connection(args: argparse.Namespace) -> Connection:
    for option, name in _SAVED_AUTH:
        if getattr(args, name):  # silently ignored, a script would test another setup than asked
            raise InputError(
                f"{option} does not apply with --endpoint: the saved endpoint's authentication "
                "and its key in the OS keyring are used (change them in the Endpoints pane)",
                where=option,
            )
    saved = connection_for(args.endpoint)
    changes: dict[str, Any] = {"extra_headers": {**saved.extra_headers, **_headers(args.header)}}
    for name, field in _PER_RUN:
        if getattr(args, name) is not None:
            changes[field] = getattr(args, name)
    if args.flavour:
        changes["flavour"] = Flavour(args.flavour)
    if args.model:
        changes["model"] = args.model
    if args.scope:
        changes["entra_scope"] = args.scope
    if args.token_command:
        changes["token_command"] = args.token_command
    return saved.model_copy(update=changes)


@dataclass
class _Streams:
    out: TextIO
    err: TextIO


def _rerank_connection(args: argparse.Namespace, err: TextIO) -> Connection:
    """The connection the options describe, refused when its flavour has no rerank route."""
    connection = connection_from_args(args, err)
    if not flavour_traits(connection.flavour).rerank.supported:
        speaks = " or ".join(_rerank_flavours())
        raise InputError(f"rerank speaks {speaks}; pass --flavour", where="--flavour")
    return connection


async def _rerank(args: argparse.Namespace, io: _Streams) -> int:
    connection = _rerank_connection(args, io.err)
    rules = flavour_traits(connection.flavour).rerank
    documents = read_documents(args.documents)
    # The GUI's rule (v1 chunks documents), checked before sending.
    check_chunk_budget(len(documents), args.max_chunks_per_doc, rules, split=False)
    rank_fields = (
        [f.strip() for f in args.rank_fields.split(",") if f.strip()] if args.rank_fields else None
    )
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
    with recording(args, start):
        async with WorkbenchClient(connection) as client:
            response = await client.rerank(request)
    if args.json:
        print_json(rerank_json(response), io.out)
    else:
        print_rerank(response, documents, io.out)
    return EXIT_OK


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
CANCELLED = "cancelled"


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
            obj["error"] = failure
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
    client: WorkbenchClient,
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
    request = chat_request_from_args(args)
    check_request(request, connection.model)  # a saved endpoint's model, when --model is not given
    start = functools.partial(chat_start, connection, request, **_run_labels(args))
    with recording(args, start) as rec:
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
        try:
            await _run_chat(client, request, run, args, io)
        except _KEEPS_WHAT_ARRIVED as exc:
            # Keep what arrived before the break; plain text shows it for a broken stream.
            if args.json or (args.stream and isinstance(exc, ProtocolError)):
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
    out, err = RedactingWriter(stdout or sys.stdout), RedactingWriter(stderr or sys.stderr)
    io = _Streams(cast("TextIO", out), cast("TextIO", err))
    try:
        return _run(argv, io)
    finally:  # every byte printed went through the redactor; let out what it held back
        out.close_pending()
        err.close_pending()


def _run(argv: Sequence[str] | None, io: _Streams) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # argparse has printed its message (or the help)
        return exc.code if isinstance(exc.code, int) else EXIT_INPUT
    runner: Any = {"rerank": _rerank, "qa": _qa}.get(args.command, _chat)
    try:
        if args.command in {"history", "replay"}:
            return cli_history.run(args, io.out, io.err)
        if args.command == "eval":
            connect = functools.partial(_rerank_connection, err=io.err)
            return int(asyncio.run(cli_evaluate.run(args, io.out, io.err, connect)))
        return int(asyncio.run(runner(args, io)))
    except WorkbenchError as exc:
        io.err.write(f"workbench: {describe(exc)}\n")
        return exit_status(exc)
    except KeyboardInterrupt:
        io.err.write("workbench: cancelled\n")
        return 130
