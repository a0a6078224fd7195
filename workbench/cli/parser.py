"""The `workbench` command line's arguments: the commands and the options they share."""

from __future__ import annotations

import argparse

from workbench.api import AuthScheme, Flavour, flavour_traits
from workbench.api.entra import DEFAULT_SCOPE
from workbench.cli import evaluate as cli_evaluate
from workbench.cli import history as cli_history
from workbench.cli import model_options
from workbench.cli import qa as cli_qa
from workbench.cli.numbers import at_least_one, seconds

DEFAULT_KEY_ENV = "WORKBENCH_API_KEY"
GUI_OPTIONS = "--theme, --lang, --demo, --no-sandbox and --screenshots DIR"
"""The desktop program's options, named in this help: its parser lives with Qt (workbench.ui),
which the command line does not import, even for --help."""
DEFAULT_TIMEOUT_S = 120.0


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
        type=seconds,
        help=f"read timeout in seconds (default {DEFAULT_TIMEOUT_S:g}, or the saved endpoint's)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    parser.add_argument(
        "--no-history", action="store_true", help="do not record this run in the run history"
    )


def rerank_flavours() -> list[str]:
    return [f.value for f in Flavour if flavour_traits(f).rerank.supported]


def build_parser() -> argparse.ArgumentParser:
    """The `workbench` argument parser with its `rerank` and `chat` commands."""
    parser = argparse.ArgumentParser(
        prog="workbench",
        description="Command line: `workbench rerank|chat|qa|eval|history|replay` against any "
        "endpoint, without Qt.",
        epilog=f"`workbench` with no arguments opens the desktop program, which takes {GUI_OPTIONS} "
        "(`workbench --gui --help` describes them); `workbench sandbox --help` describes the local "
        "Cohere-compatible server.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    rerank = commands.add_parser("rerank", help="rank documents against a query")
    _connection_options(rerank, rerank_flavours())
    rerank.add_argument("--query", required=True, help="the search query")
    rerank.add_argument(
        "--documents",
        required=True,
        metavar="FILE",
        help="a JSON array of strings or objects, or an object holding it as `documents` (its "
        "query and rank_fields are not read: give --query, --rank-fields); - = stdin",
    )
    rerank.add_argument("--rank-fields", metavar="F1,F2", help="keys of object documents to rank")
    rerank.add_argument("--top-n", type=at_least_one, help="return only the N best (default: all)")
    rerank.add_argument(
        "--return-documents", action="store_true", help="ask for each document with its result"
    )
    rerank.add_argument("--max-chunks-per-doc", type=at_least_one, help="Cohere v1")
    rerank.add_argument("--max-tokens-per-doc", type=at_least_one, help="Cohere v2")
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
        help="documents to ground the answer: a JSON array of strings or objects, or an object "
        "holding it as `documents`; - = stdin",
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
        help='a JSON array of {"call": {id, name, parameters}, "outputs": [{...}]}: the id '
        "is the tool call's id in the previous answer (Cohere v1 needs none); - = stdin",
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
        "as JSON when it is JSON); repeat for more. A NAME the workbench does not know for the "
        "flavour is sent as given, with a warning on stderr naming the closest known one",
    )
    model_options.add_options(chat)
    evaluate = commands.add_parser(
        "eval", help="score a labelled set against one or two rerank endpoints"
    )
    _connection_options(evaluate, rerank_flavours())
    cli_evaluate.add_options(evaluate, rerank_flavours())
    qa = commands.add_parser(
        "qa", help="check a deployment end to end and write a report (exit 1: a check failed)"
    )
    _connection_options(qa, [f.value for f in Flavour])
    cli_qa.add_options(qa)
    cli_history.add_commands(commands)
    return parser
