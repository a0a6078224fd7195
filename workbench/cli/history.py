"""`workbench history …` and `workbench replay`: list, show, export and replay recorded runs."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Awaitable, Callable
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

from workbench.api.errors import InputError
from workbench.cli.numbers import at_least_one, zero_or_more
from workbench.cli.output import print_json, write_file
from workbench.cli.recording import take_in_kept_runs
from workbench.core.runs import demo, portable
from workbench.core.runs.database import DB_FILE, unopened_reason
from workbench.core.runs.export_code import FORMATS, KEY_ENV, export_code
from workbench.core.runs.inspect import answer_of, describe, when
from workbench.core.runs.search import RunFilter
from workbench.core.runs.store import RunRecord, RunStore

if TYPE_CHECKING:
    import argparse

_SQLITE_MAX_INT = 2**63 - 1
"""SQLite's largest integer: a larger `--limit` overflowed in the query (a traceback)."""

_T = TypeVar("_T")

RUN_ID_HELP = "the run's id, or its first characters when they name one run (see `history list`)"


def add_commands(commands: Any) -> None:
    """Add `history` (with its own commands) and `replay` to the `workbench` parser."""
    history = commands.add_parser("history", help="list, show and export recorded runs")
    sub = history.add_subparsers(dest="history_command", required=True)
    listing = sub.add_parser("list", help="recorded runs, newest first")
    listing.add_argument("--json", action="store_true", help="print the runs as one JSON array")
    listing.add_argument("--search", metavar="TEXT", default="", help="words in queries/answers")
    listing.add_argument(
        "--limit", type=at_least_one, default=50, help="most runs listed (default 50)"
    )
    show = sub.add_parser("show", help="one run: request, response, events with their times")
    show.add_argument("id", help=RUN_ID_HELP)
    show.add_argument("--json", action="store_true", help="print the run as one JSON object")
    export = sub.add_parser("export", help="one run as code that sends it again")
    export.add_argument("id", help=RUN_ID_HELP)
    export.add_argument(
        "--as",
        dest="fmt",
        choices=FORMATS,
        required=True,
        help="a curl command, or Python with httpx, the Cohere SDK or the OpenAI SDK",
    )
    export.add_argument("--key-env", default=KEY_ENV, help="variable the code reads the key from")
    out = sub.add_parser("export-file", help="runs as a portable file (no keys)")
    out.add_argument("ids", nargs="+", metavar="ID", help="the runs (ids or their start)")
    out.add_argument("--out", required=True, metavar="FILE", help="the file to write")
    out.add_argument("--mask-hosts", action="store_true", help="replace host names")
    into = sub.add_parser("import-file", help="add the runs of a portable file")
    into.add_argument("file", metavar="FILE", help="a file of runs (export-file, or History's)")
    script = sub.add_parser("export-script", help="chat turns as a demo script, oldest first")
    script.add_argument("ids", nargs="+", metavar="ID", help="the chat runs (ids or their start)")
    script.add_argument("--out", required=True, metavar="FILE", help="the demo script to write")
    play = commands.add_parser(
        "replay", help="print a recorded chat turn (or a demo script's turns) as it streamed"
    )
    which = play.add_mutually_exclusive_group()  # one or the other, never one ignored
    which.add_argument("id", nargs="?", help="the run (or --script FILE)")
    which.add_argument("--script", metavar="FILE", help="a demo script: every turn in order")
    play.add_argument(
        "--speed", type=zero_or_more, default=1.0, help="N times faster; 0: no pauses"
    )


def _get(store: RunStore, ref: str) -> RunRecord:
    record = store.get(ref)
    if record is not None:
        return record
    several = store.matching(ref, 6)
    if len(several) > 1:
        shown = ", ".join(several[:5]) + (", …" if len(several) > 5 else "")
        raise InputError(
            f"the id {ref!r} starts several recorded runs ({shown}); give more of it", where="ID"
        )
    raise InputError(f"no recorded run has the id {ref!r}", where="ID")


def _iso(created: float) -> str:
    return datetime.fromtimestamp(created).astimezone().isoformat(timespec="milliseconds")


def _seconds(t: float | None) -> float | None:
    return None if t is None else round(t, 6)


def record_json(record: RunRecord) -> dict[str, Any]:
    """The run as printed by `show --json`: times as ISO text and rounded seconds."""
    obj = asdict(record) | {"answer": answer_of(record), "created": _iso(record.created)}
    for name in ("t_headers", "t_first", "t_last"):
        obj[name] = _seconds(obj[name])
    obj["events"] = [{**e, "t": _seconds(e["t"])} for e in obj["events"]]
    return obj


def _summary(record: RunRecord) -> dict[str, Any]:
    keys = ("id", "kind", "endpoint", "flavour", "model", "url", "status", "outcome")
    obj = {k: getattr(record, k) for k in keys} | {"created": _iso(record.created)}
    obj |= {"query": record.query, "pinned": record.pinned, "label": record.label}
    return obj


def _list(store: RunStore, args: argparse.Namespace, out: TextIO) -> None:
    # A limit beyond what SQLite can hold lists every run, as any limit over their count does.
    limit = min(args.limit, _SQLITE_MAX_INT)
    records = store.find(RunFilter(search=args.search, limit=limit))
    if args.json:
        print_json([_summary(r) for r in records], out)
        return
    for r in records:
        query = " ".join(r.query.split())
        query = query if len(query) <= 60 else query[:59] + "…"
        where = r.endpoint or r.url
        out.write(f"{r.id}  {when(r.created)}  {r.kind:6}  {r.outcome:8}  {where}  {query}\n")


def _show(store: RunStore, args: argparse.Namespace, out: TextIO) -> None:
    record = _get(store, args.id)
    if args.json:
        print_json(record_json(record), out)
        return
    out.write(describe(record))


def _export_file(store: RunStore, args: argparse.Namespace, out: TextIO) -> None:
    records = [_get(store, ref) for ref in args.ids]
    write_file(args.out, portable.dumps(records, mask_hosts=args.mask_hosts))
    out.write(f"{len(records)} run(s) written to {args.out}\n")


def _read_text(path: str) -> str:
    """The text of a file of runs or a demo script (a BOM, as Windows Notepad writes, dropped).

    Raises:
        InputError: the file cannot be read, or is not UTF-8 text (naming it and the byte).
    """
    try:
        return portable.read_file(Path(path))
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc}", where=path) from None
    except InputError as exc:
        raise InputError(title=exc.title, where=f"{path}, {exc.where}") from None


def _named(path: str, loads: Callable[[str], _T]) -> _T:
    """`loads` of the file's text; what it refuses names the file before the line or field (a
    bare "line 1: the file is empty" left the file unsaid)."""
    text = _read_text(path)
    try:
        return loads(text)
    except InputError as exc:
        where = f"{path}, {exc.where}" if exc.where else path
        message, title = exc.message_text or exc.server_message, exc.title_text or exc.title
        raise InputError(message, title=title, where=where) from None


def _import_file(store: RunStore, args: argparse.Namespace, out: TextIO) -> None:
    records = portable.fresh_ids(_named(args.file, portable.loads))
    store.add(records)
    for record in records:
        out.write(f"{record.id}  {record.kind}  {record.query[:60]}\n")


def _export_script(store: RunStore, args: argparse.Namespace, out: TextIO) -> None:
    script = demo.script_of([_get(store, ref) for ref in args.ids], Path(args.out).stem)
    write_file(args.out, demo.dumps(script))
    out.write(f"{len(script.turns)} turn(s) written to {args.out}\n")


def _read_script(path: str) -> demo.DemoScript:
    return _named(path, demo.loads)


Play = Callable[[RunRecord, float], Awaitable[int]]
"""Prints a recorded chat turn as `chat` printed it; returns the exit status `chat` had."""


async def _replay_script(script: demo.DemoScript, speed: float, out: TextIO, play: Play) -> int:
    """Every turn in order; the first that failed ends the replay with its status."""
    for number, record in enumerate(script.turns, start=1):
        out.write(f"[{number}/{len(script.turns)}] > {record.query}\n")
        status = await _replay(record, speed, play)
        if status:
            return status
    return 0


async def _replay(record: RunRecord, speed: float, play: Play) -> int:
    if record.kind != "chat":
        raise InputError("only chat turns can be replayed", where="ID")
    return await play(record, speed)


def _open_store() -> RunStore:
    try:
        return RunStore.default()
    except (OSError, sqlite3.Error) as exc:
        raise InputError(
            f"the run history could not be opened ({unopened_reason(exc)})",
            title="Run history unavailable",
            where=DB_FILE,
        ) from exc


def run(args: argparse.Namespace, out: TextIO, err: TextIO, play: Play) -> int:
    """Run a `history` or `replay` command; returns its exit status (bad input raises
    InputError, a replayed turn's failure the error it ended with)."""
    if args.command == "replay" and args.script:  # a script holds its turns: no history needed
        return asyncio.run(_replay_script(_read_script(args.script), args.speed, out, play))
    store = _open_store()
    if store.notice:
        err.write(f"workbench: {store.notice}\n")
    take_in_kept_runs(store, err)
    try:
        if args.command == "replay":
            if args.id:
                return asyncio.run(_replay(_get(store, args.id), args.speed, play))
            raise InputError("name a run ID or --script FILE", where="ID")
        command = args.history_command
        if command == "export":
            out.write(export_code(_get(store, args.id), args.fmt, args.key_env))
            return 0
        handlers = {
            "list": _list,
            "show": _show,
            "export-file": _export_file,
            "import-file": _import_file,
            "export-script": _export_script,
        }
        handlers[command](store, args, out)
        return 0
    finally:
        store.close()
