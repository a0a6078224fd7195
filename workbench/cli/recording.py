"""Recording a command-line run into the history (unless `--no-history` or the setting says no)."""

from __future__ import annotations

import contextlib
import sqlite3
from typing import TYPE_CHECKING, TextIO

from workbench.api.errors import InputError
from workbench.api.redact import redact_text
from workbench.api.wiretap import tapping
from workbench.core.chat_metrics import price_table
from workbench.core.runs.aside import KeptAside, aside_files, kept_line, restored_line
from workbench.core.runs.database import unopened_reason
from workbench.core.runs.history import History, finish_chat
from workbench.core.runs.tap import outcome_of
from workbench.core.runs.writer import RunWriter
from workbench.core.saved_endpoints import find_endpoint
from workbench.core.settings import SettingsStore

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Iterator

    from workbench.api.stream import ChatSnapshot
    from workbench.core.chat_metrics import PriceTable
    from workbench.core.runs.store import RunStore
    from workbench.core.runs.tap import RunStart


def history_wanted(args: argparse.Namespace) -> bool:
    """False with `--no-history`, or when the settings keep no history."""
    if getattr(args, "no_history", False):
        return False
    settings, _problem = SettingsStore.default().load_or_default()
    return settings.keep_history


def saved_prices(args: argparse.Namespace) -> PriceTable | None:
    """The prices of the saved endpoint `--endpoint` names (None: none, or no such endpoint)."""
    name = getattr(args, "endpoint", None)
    if not name:
        return None
    settings, _problem = SettingsStore.default().load_or_default()
    try:
        return price_table(find_endpoint(settings.endpoints, name).prices)
    except InputError:
        return None


def run_labels(args: argparse.Namespace) -> dict[str, str]:
    """The labels a command-line run is recorded with: its saved endpoint, and that it ran here."""
    return {"endpoint": args.endpoint or "", "source": "cli"}


class Recording:
    """The run being recorded; a chat command points `snapshot` at its fold so far."""

    def __init__(self) -> None:
        self.snapshot: Callable[[], ChatSnapshot] | None = None


def _note(err: TextIO, text: str) -> None:
    """Say something about the recording on the command's stderr, through the redactor as all
    output goes (SQLite's and the OS's words can quote a path or a value). `err` is the guarded
    stream `main` made: a closed stderr or a reader gone ends the command as any lost output."""
    err.write(redact_text(f"workbench: {text}") + "\n")


def close_history(history: History, err: TextIO) -> None:
    """Close the history and say on `err` what became of runs kept aside (at open or now)."""
    _tell_kept(history.writer, history.close(), err)


def take_in_kept_runs(store: RunStore, err: TextIO) -> None:
    """Add the runs side files keep to the history before a `history` command reads it: the
    note that kept them said they are added when the history opens next, and `history list`
    is where people look (it showed none of them until a `chat` or `rerank` ran)."""
    if aside_files(store.path):
        writer = RunWriter(store)
        _tell_kept(writer, writer.close(), err)


def _tell_kept(writer: RunWriter, kept: list[KeptAside], err: TextIO) -> None:
    for news in writer.restored:
        _note(err, restored_line(news))
    for news in kept:
        _note(err, kept_line(news))


@contextlib.contextmanager
def recording(
    args: argparse.Namespace, start: Callable[[], RunStart], err: TextIO
) -> Iterator[Recording]:
    """Record the requests made inside the block as one run, and how it ended.

    Args:
        args: the parsed command line (`--no-history`).
        start: builds the RunStart (called only when recording).
        err: the command's standard error, for notes about the recording.
    """
    rec = Recording()
    if not history_wanted(args):
        yield rec
        return
    try:
        history = History()
    except (OSError, sqlite3.Error) as exc:  # a read-only home, a full disk: the run goes on
        _note(
            err,
            "note: this run is not recorded: the run history could not be opened "
            f"({unopened_reason(exc)})",
        )
        yield rec
        return
    if history.notice:
        try:
            _note(err, str(history.notice))
        except BaseException:  # stderr lost before the run began: nothing to record
            history.close()
            raise
    run_start = start()
    run_start.prices = saved_prices(args)  # the run's cost is estimated at them
    run = history.begin(run_start)
    error: BaseException | None = None
    try:
        with tapping(run):
            yield rec
    except BaseException as exc:
        error = exc
        raise
    finally:
        if rec.snapshot is not None:
            finish_chat(run, rec.snapshot(), error)
        else:
            run.finish(outcome_of(error), error=str(error) if error is not None else "")
        close_history(history, err)
