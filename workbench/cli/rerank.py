"""`workbench rerank`: rank documents against a query on one endpoint and print the results.

The query is sent trimmed, as the GUI's Rerank pane sends it. Refused before anything is sent:
an empty query, documents the Rerank pane refuses (an empty object; strings mixed with objects on
Cohere v2), the length option the flavour's body has no field for, more chunks than the flavour
allows. With `--json`, an unreadable answer, a timeout and Ctrl+C still print the one object: no
results, the time it ran, and `error`.
"""

from __future__ import annotations

import asyncio
import functools
import time
from typing import TYPE_CHECKING, Any, TextIO

from workbench.api import (
    Flavour,
    InputError,
    RerankRequest,
    RerankResponse,
    RerankTraits,
    WorkbenchClient,
    flavour_traits,
)
from workbench.api.redact import redact_text
from workbench.cli.connection import rerank_connection
from workbench.cli.inputs import file_name, read_rerank_documents
from workbench.cli.option_words import options_named
from workbench.cli.output import print_json, print_rerank, rerank_json
from workbench.cli.recording import recording, run_labels
from workbench.cli.status import CANCELLED, EXIT_OK, JSON_KEPT_AFTER
from workbench.core.rerank_docs import chunk_excess
from workbench.core.runs.history import rerank_start

if TYPE_CHECKING:
    import argparse

    from workbench.api import Connection
    from workbench.cli.streams import Streams


def _note_files_rank_fields(
    others: dict[str, Any] | None, given: list[str] | None, path: str, err: TextIO
) -> None:
    """Say so when the documents file names rank_fields the command did not take: a typo there,
    or the whole list, was passed over in silence (only --rank-fields is sent)."""
    if others is None or "rank_fields" not in others or given is not None:
        return
    err.write(
        f"workbench: note: the rank_fields in {file_name(path)} are not read; "
        "give --rank-fields to rank on chosen fields\n"
    )


async def run(args: argparse.Namespace, io: Streams) -> int:
    """Run `workbench rerank`; returns its exit status (a failure raises the error it ended with)."""
    _check_query(args.query)
    connection = rerank_connection(args, io.err)
    with options_named(args, connection.flavour):
        return await _rerank_on(connection, args, io)


async def _rerank_on(connection: Connection, args: argparse.Namespace, io: Streams) -> int:
    rules = flavour_traits(connection.flavour).rerank
    _check_length_option(args, connection)
    # Checked as the GUI checks them.
    documents, others = read_rerank_documents(args.documents, rules)
    _check_chunk_budget(len(documents), args.max_chunks_per_doc, rules)
    rank_fields = (
        [f.strip() for f in args.rank_fields.split(",") if f.strip()] if args.rank_fields else None
    )
    _note_files_rank_fields(others, rank_fields, args.documents, io.err)
    _warn_unknown_rank_fields(rank_fields, documents, io.err)
    _warn_rank_fields_of_strings(rank_fields, documents, connection.flavour, io.err)
    request = RerankRequest(
        query=args.query.strip(),  # as the GUI's Rerank pane sends it (trimmed, unsaid)
        documents=documents,
        top_n=args.top_n,
        return_documents=args.return_documents,
        rank_fields=rank_fields,
        max_chunks_per_doc=args.max_chunks_per_doc,
        max_tokens_per_doc=args.max_tokens_per_doc,
    )
    start = functools.partial(rerank_start, connection, request, **run_labels(args))
    with recording(args, start, io.err):
        response = await _send_rerank(connection, request, args, io)
    if args.json:
        print_json(rerank_json(response), io.out)
    else:
        print_rerank(response, documents, io.out)
    return EXIT_OK


async def _send_rerank(
    connection: Connection, request: RerankRequest, args: argparse.Namespace, io: Streams
) -> RerankResponse:
    """The answer; unreadable, timed out or stopped by Ctrl+C, `--json` still prints its one
    object, as `chat --json` does: no results, the time it ran, and `error`."""
    began = time.monotonic()
    try:
        async with WorkbenchClient(connection) as client:
            return await client.rerank(request)
    except JSON_KEPT_AFTER as exc:
        if args.json:
            _print_stopped_rerank(began, str(exc), io.out)
        raise
    except asyncio.CancelledError:
        # Ctrl+C: asyncio.run cancels this task, then raises KeyboardInterrupt in `main`.
        if args.json:
            _print_stopped_rerank(began, CANCELLED, io.out)
        raise


def _print_stopped_rerank(began: float, error: str, out: TextIO) -> None:
    """The `--json` object of a rerank that got no answer it could read: no results, the time it
    ran, why."""
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
    """Say that rank fields given with string documents only do nothing where the workbench
    applies them itself (Cohere v2: `RerankTraits.rank_fields_sent`).

    v2's body has no `rank_fields`: the workbench applies them as it renders object documents to
    text, and a string is sent whole. Cohere v1 sends them, and its server reads a string as
    `{"text": ...}`, so there they are the server's to apply.
    """
    applied_here = not flavour_traits(flavour).rerank.rank_fields_sent
    if fields and applied_here and all(isinstance(d, str) for d in documents):
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


def _check_chunk_budget(count: int, max_chunks: int | None, rules: RerankTraits) -> None:
    """The GUI's rule (v1 chunks documents), checked before sending, with the command line's
    remedies: it has no batches to split the documents into."""
    excess = chunk_excess(count, max_chunks, rules)
    if excess is None:
        return
    raise InputError(
        f"{excess.count:,} documents x {excess.chunks:,} chunks each must stay below "
        f"{excess.budget:,}: give --max-chunks-per-doc {excess.fit:,} or less, or send fewer "
        "documents",
        where="--max-chunks-per-doc",
    )


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
