"""`workbench eval`: run a labelled set against one or two rerank endpoints; exit 1 under a floor.

Prints nDCG@k, MRR@k and Recall@k per endpoint (as trec_eval defines them); with
`--compare-url`/`--compare-endpoint`, the difference B - A with a paired test's p-value and the
queries B wins and loses. Progress is saved query by query: after Ctrl+C or a failure, the same
command continues where it stopped (`--restart` starts over on this command's endpoints; what
other endpoints ranked of the set is kept).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
from typing import TYPE_CHECKING, Any, TextIO

from stamina import instrumentation

from workbench.api import AuthScheme, Connection, WorkbenchClient
from workbench.api.errors import InputError, WorkbenchError
from workbench.cli.numbers import at_least_one, one_to, positive_number
from workbench.cli.output import print_json
from workbench.cli.recording import close_history, history_wanted
from workbench.cli.streams import terminal_safe
from workbench.core.evaluation.metrics import MAX_K, METRICS, metric_label
from workbench.core.evaluation.progress import open_progress
from workbench.core.evaluation.readers import DEFAULT_DEPTH, folder_run_file, load_set
from workbench.core.evaluation.report import (
    Threshold,
    paired_test_description,
    parse_threshold,
    report_json,
)
from workbench.core.evaluation.runner import (
    ATTEMPTS,
    EvalReport,
    EvaluationRunner,
    Pacer,
    Side,
)
from workbench.core.runs.history import History, rerank_start

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from workbench.api.models import Outgoing
    from workbench.core.evaluation.sets import EvalSet
    from workbench.core.runs.tap import ActiveRun

EXIT_MISSED = 1
_COMPARED = ("url", "endpoint", "flavour", "model", "key_env", "auth", "api_version", "header")
"""Connection options with a `--compare-` twin for endpoint B."""


def add_options(parser: argparse.ArgumentParser, flavours: list[str]) -> None:
    """The `eval` command's own options (the connection options are added by the caller)."""
    parser.add_argument(
        "--set", required=True, metavar="DIR|FILE", help="BEIR folder, .jsonl or .csv"
    )
    parser.add_argument("--run", metavar="FILE", help="TREC run file with each query's candidates")
    parser.add_argument("--qrels", metavar="FILE", help="judgments instead of the folder's own")
    parser.add_argument(
        "--depth",
        type=at_least_one,
        help=f"candidates per query from --run (default {DEFAULT_DEPTH})",
    )
    parser.add_argument(
        "--k",
        type=one_to(MAX_K),
        default=10,
        help=f"cut-off of every metric, 1 to {MAX_K} (default 10)",
    )
    parser.add_argument(
        "--fail-under",
        action="append",
        default=[],
        metavar="METRIC=VALUE",
        help="exit 1 when the (first) endpoint's mean is below VALUE, e.g. ndcg=0.6; repeatable",
    )
    parser.add_argument(
        "--rpm", type=positive_number, help="at most this many requests per minute per endpoint"
    )
    parser.add_argument(
        "--concurrency", type=at_least_one, default=4, help="requests in flight per run"
    )
    parser.add_argument(
        "--restart",
        action="store_true",
        help="forget the progress saved for this command's endpoints and rank every query again "
        "(other endpoints' saved progress on the set is kept)",
    )
    compare = parser.add_argument_group(
        "endpoint B (to compare with)",
        "Each --compare-X is --X for endpoint B. B by URL keeps A's key variable, "
        "authentication, timeout and Azure header unless told otherwise; a saved B keeps its "
        "own authentication and key. B's flavour comes from its URL, its model from "
        "--compare-model alone.",
    )
    target = compare.add_mutually_exclusive_group()
    target.add_argument("--compare-url", metavar="URL")
    target.add_argument("--compare-endpoint", metavar="NAME")
    compare.add_argument("--compare-flavour", choices=flavours)
    compare.add_argument("--compare-model")
    compare.add_argument("--compare-key-env", metavar="VAR")
    compare.add_argument("--compare-auth", choices=[a.value for a in AuthScheme])
    compare.add_argument("--compare-api-version")
    compare.add_argument("--compare-header", action="append", default=[], metavar="NAME:VALUE")


def compare_args(args: argparse.Namespace) -> argparse.Namespace | None:
    """The options describing endpoint B, as the connection options for A are written (or None).

    B keeps A's key variable, authentication, timeout and Azure header unless told otherwise; its
    flavour comes from its own URL and its model from `--compare-model` alone. A saved B keeps
    none of A's authentication: it has its own.
    """
    if not (args.compare_url or args.compare_endpoint):
        return None
    b = argparse.Namespace(**vars(args))
    b.flavour = b.model = b.api_version = None
    if args.compare_endpoint:
        b.auth = b.key_env = None
    b.header = []
    b.option_prefix = "--compare-"  # a message about B names B's options
    for name in _COMPARED:
        value = getattr(args, f"compare_{name}")
        if value or name in {"url", "endpoint"}:
            setattr(b, name, value)
    return b


def _check_combinations(args: argparse.Namespace) -> None:
    """Refuse options that would do nothing: a script would measure another setup than asked."""
    if args.depth is not None and not (args.run or folder_run_file(args.set)):
        raise InputError(
            "--depth applies only with a run file (--run, or run.trec in the set's folder)",
            where="--depth",
        )
    if args.compare_url or args.compare_endpoint:
        return
    for name in _COMPARED:
        if getattr(args, f"compare_{name}"):
            option = f"--compare-{name.replace('_', '-')}"
            raise InputError(
                f"{option} applies only with --compare-url or --compare-endpoint", where=option
            )


def resume_note(restart: bool) -> str:
    """That a rerun continues, said when an evaluation stops midway (a failure, Ctrl+C) as the
    GUI's Cancel says it; run again with `--restart`, the same command would start over."""
    if restart:
        return "what was ranked is saved: the same command without --restart continues from there"
    return "what was ranked is saved: the same command continues from there (--restart starts over)"


class Stopped(Exception):
    """A request failed for good midway: what was ranked is saved, and a rerun continues."""

    def __init__(self, error: WorkbenchError, endpoint: str) -> None:
        super().__init__(str(error))
        self.error = error
        self.endpoint = endpoint
        """Which endpoint failed ("endpoint B (URL)") when two are compared, else ""."""


Target = tuple[str, str, Connection]
"""An endpoint to evaluate: its label, its saved name ("" for a URL) and its connection."""


def _target(
    args: argparse.Namespace, connect: Callable[[argparse.Namespace], Connection]
) -> Target:
    connection = connect(args)
    return (args.endpoint or connection.base_url, args.endpoint or "", connection)


def _recorder(history: History, name: str, connection: Connection) -> Callable[..., ActiveRun]:
    def record(_kind: str, request: Outgoing) -> ActiveRun:
        start = rerank_start(connection, request, endpoint=name, source="cli")  # type: ignore[arg-type]  # a rerank client passes RerankRequests
        return history.begin(start)

    return record


async def run(
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
    connect: Callable[[argparse.Namespace], Connection],
) -> int:
    """Run `workbench eval`; returns 0, or 1 when a `--fail-under` floor is missed.

    Args:
        args: the parsed command line.
        out: where the figures go.
        err: where notes go.
        connect: builds a Connection from connection options (checked for rerank).
    """
    _check_combinations(args)
    thresholds = [parse_threshold(t, args.k) for t in args.fail_under]
    connections = [_target(args, connect)]
    b_args = compare_args(args)
    if b_args is not None:
        connections.append(_target(b_args, connect))
    depth = DEFAULT_DEPTH if args.depth is None else args.depth
    eval_set = load_set(args.set, run_file=args.run, qrels_file=args.qrels, depth=depth)
    for note in eval_set.notes:
        err.write(f"workbench: note: {note}\n")
    with _retry_notes(err):
        report = await _evaluate(args, eval_set, connections, err)
    if args.json:
        print_json(report_json(report, thresholds), out)
    else:
        print_report(report, out)
    return _verdict(report, thresholds, err)


async def _evaluate(
    args: argparse.Namespace, eval_set: EvalSet, connections: list[Target], err: TextIO
) -> EvalReport:
    progress = open_progress(eval_set.fingerprint)
    history = History() if history_wanted(args) else None
    if history is not None and history.notice:
        err.write(f"workbench: {history.notice}\n")
    try:
        async with contextlib.AsyncExitStack() as stack:
            sides = []
            for label, name, connection in connections:
                client = await stack.enter_async_context(WorkbenchClient(connection))
                if history is not None:
                    client.recorder = _recorder(history, name, connection)
                sides.append(Side(label, client, Pacer(args.rpm), fresh=args.restart))
            runner = EvaluationRunner(
                eval_set, sides, k=args.k, progress=progress, concurrency=args.concurrency
            )
            try:
                report = await runner.run()
            except WorkbenchError as exc:
                raise Stopped(exc, _failed_endpoint(runner)) from exc
    finally:
        progress.close()
        if history is not None:
            close_history(history, err)
    if report.dropped:
        err.write(f"workbench: note: started over: {report.dropped} saved rankings dropped\n")
    if report.resumed:
        err.write(f"workbench: note: {report.resumed} rankings taken from saved progress\n")
    return report


def _failed_endpoint(runner: EvaluationRunner) -> str:
    """Which endpoint failed, as "endpoint B (its name or URL)", when two are compared."""
    failed = runner.failed_side()
    return f"endpoint {failed[0]} ({failed[1]})" if failed is not None else ""


@contextlib.contextmanager
def _retry_notes(err: TextIO) -> Iterator[None]:
    """Each retry said in one readable line; stamina's own hook logged a bare
    `stamina.retry_scheduled` (its details in fields no handler printed)."""
    before = instrumentation.get_on_retry_hooks()
    instrumentation.set_on_retry_hooks([functools.partial(_note_retry, err)])
    try:
        yield
    finally:
        instrumentation.set_on_retry_hooks(before)


def _note_retry(err: TextIO, details: instrumentation.RetryDetails) -> None:
    status = getattr(details.caused_by, "status", None)
    cause = f"HTTP {status}" if status else type(details.caused_by).__name__
    attempt = details.retry_num + 1
    err.write(
        f"workbench: retrying in {details.wait_for:.1f} s after {cause} "
        f"(attempt {attempt} of {ATTEMPTS})\n"
    )
    err.flush()


def _verdict(report: EvalReport, thresholds: list[Threshold], err: TextIO) -> int:
    missed = [t for t in thresholds if not t.met(report)]
    for t in missed:
        value = report.sides[0].means[t.metric]
        label = metric_label(t.metric, report.k)
        err.write(f"workbench: {label} is {value:.4f}, under the floor {t.value:g}\n")
    return EXIT_MISSED if missed else 0


def print_report(report: EvalReport, out: TextIO) -> None:
    """The figures as a table for people, then the comparison and its wins and losses."""
    k = report.k
    queries = len(report.sides[0].per_query)
    out.write(f"Set: {report.set_name} ({queries} queries, k={k})\n\n")
    labels = [metric_label(m, k) for m in METRICS]  # 12 wide fit `Recall@1000` (MAX_K) and a gap
    out.write(f"{'':<4}{''.join(f'{label:>12}' for label in labels)}  endpoint\n")
    for name, side in zip("AB", report.sides, strict=False):
        cells = "".join(f"{side.means[m]:>12.4f}" for m in METRICS)
        out.write(f"{name:<4}{cells}  {side.label}\n")
    comparison = report.comparison
    if comparison is None:
        return
    rows: dict[str, list[str]] = {"B-A": [], "p": [], "W/L/T": []}
    for metric in METRICS:
        d = comparison.metrics[metric]
        rows["B-A"].append(f"{d.difference:+.4f}")
        rows["p"].append(f"{d.p_value:.4f}")
        rows["W/L/T"].append(f"{d.wins}/{d.losses}/{d.ties}")
    for name, row in rows.items():
        out.write(f"{name:<6}" + "".join(f"{c:>12}" for c in row)[2:] + "\n")
    out.write(f"\np: {paired_test_description()}\n")
    _print_outcomes(report, out, "ndcg")


def _print_outcomes(report: EvalReport, out: TextIO, metric: str) -> None:
    comparison = report.comparison
    assert comparison is not None
    label = metric_label(metric, report.k)
    for outcome, title in (("win", "B wins"), ("loss", "B loses")):
        picked = [q for q in comparison.queries if q.outcome(metric) == outcome]
        picked.sort(key=functools.partial(_delta_key, metric))
        out.write(f"{title} on {label}: {len(picked)}\n")
        for q in picked:
            text = report_query_text(report, q.query_id)
            out.write(f"  {q.delta(metric):+.4f}  {one_line(q.query_id)}  {text}\n")


def _delta_key(metric: str, q: Any) -> float:
    return -abs(float(q.delta(metric)))


def report_query_text(report: EvalReport, query_id: str) -> str:
    """A query's text, on one line and shortened (the report keeps texts by id)."""
    text = one_line(report.query_texts.get(query_id, ""))
    return text if len(text) <= 70 else text[:69] + "…"


def one_line(text: str) -> str:
    """`text` for one line of the report: line breaks, tabs and runs of spaces as one space, and
    other control characters written out (`\\x1b`). A set's text broke the list's lines (a
    carriage return overwrote one on a terminal), and `eval > report.txt` kept its escape
    sequences for whatever shows the file later: the guarded stdout escapes on terminals only."""
    return terminal_safe(" ".join(text.split()))
