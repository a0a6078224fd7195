"""`workbench qa`: run the deployment QA checks against one endpoint and write the reports.

Exit status: 0 every check passed (or was skipped), 1 a check failed, 2 bad input, 5 the
endpoint could not be reached, 74 a report could not be written (disk full), 130 Ctrl+C.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from workbench.api.errors import InputError
from workbench.api.jsontext import fix_surrogates
from workbench.cli.numbers import positive_number
from workbench.cli.output import FileLost, write_file
from workbench.cli.recording import close_history
from workbench.cli.streams import EXIT_OUTPUT
from workbench.core.qa import report as reports
from workbench.core.qa.catalogue import CHECKS, GROUPS, select
from workbench.core.qa.context import QaOptions
from workbench.core.qa.runner import CheckFinished, CheckStarted, QaRun
from workbench.core.runs.history import History

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable

    from workbench.api.models import Connection
    from workbench.core.qa.model import QaReport

EXIT_PASSED, EXIT_FAILED, EXIT_CONNECT = 0, 1, 5
_FORMATS: dict[str, Callable[..., str]] = {
    ".md": reports.to_markdown,
    ".markdown": reports.to_markdown,
    ".html": reports.to_html,
    ".htm": reports.to_html,
}


def add_options(qa: argparse.ArgumentParser) -> None:
    """The `qa` command's own options (the connection options are shared with the others)."""
    qa.add_argument(
        "--checks",
        metavar="LIST",
        default="",
        help=f"comma-separated check ids or groups ({', '.join(GROUPS)}); default: all. "
        f"Checks: {', '.join(c.id for c in CHECKS)}",
    )
    qa.add_argument("--requests", type=int, default=10, metavar="N", help="latency requests")
    qa.add_argument("--rpm", type=int, default=300, help="at most this many requests a minute")
    qa.add_argument(
        "--ttft-budget-ms",
        type=positive_number,
        default=3000.0,
        help="p95 time to first token allowed",
    )
    qa.add_argument(
        "--total-budget-ms", type=positive_number, default=30000.0, help="p95 total allowed"
    )
    qa.add_argument("--report", metavar="FILE.md|FILE.html", help="write the report")
    qa.add_argument("--junit", metavar="FILE.xml", help="write JUnit XML")
    qa.add_argument("--mask-hosts", action="store_true", help="hide the host in every report")


def _options(args: argparse.Namespace) -> QaOptions:
    if args.requests < 0:
        raise InputError("must be 0 or more", where="--requests")
    if args.rpm < 1:
        raise InputError("must be 1 or more", where="--rpm")
    checks = tuple(c for c in args.checks.split(",") if c.strip())
    select(checks)  # an unknown name is bad input before anything is sent
    return QaOptions(
        checks=checks,
        requests=args.requests,
        rpm=args.rpm,
        ttft_budget_ms=args.ttft_budget_ms,
        total_budget_ms=args.total_budget_ms,
    )


def _report_writer(path: str | None) -> Callable[..., str] | None:
    if path is None:
        return None
    writer = _FORMATS.get(Path(path).suffix.lower())
    if writer is None:
        raise InputError("the report is written as .md or .html", where="--report")
    return writer


def _check_targets(args: argparse.Namespace) -> None:
    """Refuse report paths that cannot be written before the run, not after it (minutes of
    checks lost), and one path named twice (the second report overwrote the first)."""
    named = [(o, p) for o, p in (("--report", args.report), ("--junit", args.junit)) if p]
    if len(named) == 2 and Path(named[0][1]).resolve() == Path(named[1][1]).resolve():
        raise InputError(f"{named[1][1]} is also the --report file; name another", where="--junit")
    for option, path in named:
        if problem := _unwritable(Path(path)):
            raise InputError(f"cannot write {path}: {problem}", where=option)


def _unwritable(path: Path) -> str | None:
    """Why the file cannot be written, or None (checked without creating anything)."""
    folder = path.parent
    if path.is_dir():
        return "it is a folder"
    if not folder.is_dir():
        return f"there is no folder {str(folder)!r}"
    if not os.access(path if path.exists() else folder, os.W_OK):
        return "permission denied"
    return None


async def run(
    args: argparse.Namespace,
    connection: Connection,
    out: TextIO,
    err: TextIO,
    *,
    history_wanted: bool,
) -> int:
    """Run the checks, print progress and the summary, write the reports; the exit status."""
    options = _options(args)
    writer = _report_writer(args.report)
    _check_targets(args)
    history = History() if history_wanted else None
    if history is not None and history.notice:
        err.write(f"workbench: {history.notice}\n")
    progress = err if args.json else out
    qa = QaRun(connection, options, endpoint=args.endpoint or "", history=history)
    try:
        async for event in qa.events():
            _progress(event, progress)
    except asyncio.CancelledError:
        if args.json:  # a script reading stdout still gets one object, as `chat --json` does
            _print_json(qa.report, args, out, error="cancelled")
        raise
    finally:
        if history is not None:
            await asyncio.to_thread(close_history, history, err)
        written = _write(qa.report, args, writer, err)
    if args.json:
        _print_json(qa.report, args, out)
    else:
        out.write(reports.summary_line(qa.report) + "\n")
    status = _verdict(qa, err)
    # A report lost is the output lost, whatever the checks said (as for a closed stdout).
    return status if written else EXIT_OUTPUT


def _verdict(qa: QaRun, err: TextIO) -> int:
    """The run's exit status: the checks' verdict, or an endpoint that could not be reached."""
    if qa.unreachable is not None:
        unreachable = fix_surrogates(str(qa.unreachable))
        err.write(f"workbench: the endpoint could not be reached: {unreachable}\n")
        return EXIT_CONNECT
    return EXIT_PASSED if qa.report.passed else EXIT_FAILED


def _print_json(
    report: QaReport, args: argparse.Namespace, out: TextIO, *, error: str | None = None
) -> None:
    from workbench.cli.output import print_json

    obj = reports.to_json(report, mask_hosts=args.mask_hosts)
    if error is not None:
        obj["error"] = error
    print_json(obj, out)


def _progress(event: CheckStarted | CheckFinished, out: TextIO) -> None:
    if isinstance(event, CheckStarted):
        return
    r = event.result
    width = len(str(event.total))
    verdict = reports.VERDICT[r.status]
    line = f"[{event.index + 1:>{width}}/{event.total}] {verdict}  {r.id}: {r.reason}"
    out.write(fix_surrogates(line) + "\n")  # the reason can quote the server
    out.flush()


def _write(
    report: QaReport, args: argparse.Namespace, writer: Callable[..., str] | None, err: TextIO
) -> bool:
    """Write the reports; whether every one was. One lost to a full disk is said, and the other
    report, the summary and the history still get written: the checks have already run."""
    targets = []
    if writer is not None:
        targets.append(("--report", args.report, writer(report, mask_hosts=args.mask_hosts)))
    if args.junit:
        junit = reports.to_junit(report, mask_hosts=args.mask_hosts)
        targets.append(("--junit", args.junit, junit))
    written = True
    for option, path, text in targets:
        try:
            write_file(path, text, option)
        except FileLost as exc:
            err.write(f"workbench: {exc}\n")
            written = False
        else:
            err.write(f"workbench: wrote {path}\n")
    return written
