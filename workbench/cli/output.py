"""Command-line output: JSON objects for scripts and plain text for people."""

from __future__ import annotations

import errno
import json
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from workbench.api.errors import InputError
from workbench.api.redact import redact_json, redact_value
from workbench.api.redact_stream import RedactingWriter
from workbench.core.atomic import write_export
from workbench.core.citations import resolve_citations
from workbench.core.errors import os_reason

if TYPE_CHECKING:
    from workbench.api import ChatSnapshot, RerankResponse, Usage

_PREVIEW = 100


class FileLost(Exception):
    """A file the person named was opened but could not be written: a full disk, an I/O error,
    a file over its size limit. The output is lost, as when standard output is (exit 74); the
    path itself was good input."""

    def __init__(self, path: str, cause: OSError) -> None:
        super().__init__(f"cannot write {path}: {os_reason(cause)}")


def write_file(path: str, text: str, option: str = "--out") -> None:
    """Write `text` (UTF-8) to the file a person named with `option`; a failure names the
    option, the file and the OS's reason, never a traceback.

    A file is written whole or not at all (`core.atomic.write_export`: a full disk leaves an
    older file as it was); a device or a pipe (`/dev/stdout`, a FIFO) is written in place.

    Raises:
        InputError: the file cannot be made (no such folder, permission denied, a folder).
        FileLost: writing it failed (disk full, I/O error, over the size limit).
    """
    target = Path(path)
    if not _written_in_place(target):
        try:
            write_export(target, text)
        except OSError as exc:
            if exc.errno in _LOST:
                raise FileLost(path, exc) from None
            raise _refused(path, option, exc) from None
        return
    try:
        # Opened apart from the write: a path that cannot be opened is bad input, a write that
        # fails on a good path is lost output (/dev/full opens fine and fails only then).
        file = target.open("w", encoding="utf-8")
    except OSError as exc:
        raise _refused(path, option, exc) from None
    try:
        with file:
            file.write(text)
    except OSError as exc:
        raise FileLost(path, exc) from None


def _refused(path: str, option: str, exc: OSError) -> InputError:
    # The option is the place: "--out: cannot write x: …" said the path twice before.
    return InputError(f"cannot write {path}: {os_reason(exc)}", where=option)


_LOST = frozenset({errno.ENOSPC, errno.EFBIG, errno.EIO, errno.EDQUOT})
"""Why a write to a good path fails: the output is lost, the path was fine."""


def _written_in_place(target: Path) -> bool:
    """Whether `target` (links followed) is there and no plain file: a device, a pipe, or a
    folder (which then fails to open, as it always did). A rename cannot stand in for those."""
    try:
        return not stat.S_ISREG(target.stat().st_mode)
    except OSError:  # not there yet, or its folder is not: a new file, written whole
        return False


def rerank_json(response: RerankResponse) -> dict[str, Any]:
    """The rerank object printed by `--json`."""
    return {
        "results": [
            {"index": h.index, "relevance_score": h.relevance_score, "document": h.document}
            for h in response.results
        ],
        "id": response.id,
        "billed_units": response.billed_units,
        "latency_ms": round(response.latency_ms, 1),
    }


def _count(value: float | None) -> float | int | None:
    """A token count as JSON writes a count (`87`), though a server may send `87.0`."""
    return int(value) if value is not None and value.is_integer() else value


def _usage(usage: Usage | None) -> dict[str, float | int | None]:
    if usage is None:
        return {"input_tokens": None, "output_tokens": None}
    return {
        "input_tokens": _count(usage.input_tokens),
        "output_tokens": _count(usage.output_tokens),
    }


def chat_json(snap: ChatSnapshot, ttft_ms: float | None, total_ms: float) -> dict[str, Any]:
    """The chat object printed by `--json` (`events` is 0 without `--stream`; `tool_plan` is ""
    when none came, as on the OpenAI-compatible route, which has none)."""
    return {
        "text": snap.text,
        "finish_reason": snap.finish_reason,
        "citations": citations_json(snap),
        "tool_plan": snap.tool_plan,
        "tool_calls": [
            {"id": c.id, "name": c.name, "parameters": c.parameters()} for c in snap.tool_calls
        ],
        "search_queries": list(snap.search_queries),
        "usage": _usage(snap.usage),
        "events": snap.event_count,
        "ttft_ms": None if ttft_ms is None else round(ttft_ms, 1),
        "total_ms": round(total_ms, 1),
    }


def citations_json(snap: ChatSnapshot) -> list[dict[str, Any]]:
    """Citations whose `start`/`end` index the printed `text` in code points, whatever unit the
    server counted in; `anchoring` says how each was placed (`code_points`, `utf16`, `nearby`,
    or `unanchored`, with `start`/`end` null), `server_start`/`server_end` what the server sent."""
    spans = resolve_citations(snap.text, snap.citations).spans
    return [
        {
            "start": span.start,
            "end": span.end,
            "text": span.citation.text,
            "document_ids": span.citation.document_ids,
            "anchoring": span.anchoring,
            "server_start": span.citation.start,
            "server_end": span.citation.end,
        }
        for span in spans
    ]


def print_json(obj: Any, out: TextIO) -> None:
    """One JSON value on one line, every string in it redacted (a key JSON-escaped in a string
    would not match the redactor once printed), and still JSON after the redactor: masked as
    plain text, 8 digits of a key inside a number made `0.[redacted]`."""
    text = json.dumps(redact_value(obj), ensure_ascii=False) + "\n"
    if isinstance(out, RedactingWriter):
        out.write_json(text)
    else:
        out.write(redact_json(text))


def _preview(document: dict[str, Any] | None) -> str:
    if document is None:
        return ""
    text = document.get("text") if isinstance(document.get("text"), str) else json.dumps(document)
    text = " ".join(str(text).split())
    return text if len(text) <= _PREVIEW else text[: _PREVIEW - 1] + "…"


def print_rerank(response: RerankResponse, documents: list[Any], out: TextIO) -> None:
    """A ranked table for people: rank, index, score and the start of each document."""
    out.write(f"{'rank':>4}  {'index':>5}  {'score':>8}  document\n")
    for rank, hit in enumerate(response.results, 1):
        document = hit.document
        if document is None and 0 <= hit.index < len(documents):
            sent = documents[hit.index]
            document = {"text": sent} if isinstance(sent, str) else sent
        out.write(f"{rank:>4}  {hit.index:>5}  {hit.relevance_score:8.4f}  {_preview(document)}\n")
    units = ", ".join(f"{k} {v:g}" for k, v in response.billed_units.items())
    out.write(f"\n{response.latency_ms:.0f} ms" + (f"; billed: {units}" if units else "") + "\n")


def print_chat_details(snap: ChatSnapshot, total_ms: float, out: TextIO) -> None:
    """What follows the answer text for people: citations, tool calls, queries, usage."""
    if snap.tool_plan:
        out.write(f"\nTool plan: {snap.tool_plan}\n")
    for call in snap.tool_calls:
        out.write(f"Tool call: {call.name}({call.arguments_json or '{}'})\n")
    if snap.search_queries:
        out.write("Search queries: " + "; ".join(snap.search_queries) + "\n")
    if snap.citations:
        out.write("\nCitations:\n")
        for span in resolve_citations(snap.text, snap.citations).spans:
            c = span.citation
            sources = ", ".join(c.document_ids) or "-"
            where = f"{span.start}:{span.end}" if span.anchored else "not found in the text"
            out.write(f"  [{where}] {c.text!r} ← {sources}\n")
    parts = [f"{total_ms:.0f} ms"]
    if snap.finish_reason:
        parts.append(f"finish: {snap.finish_reason}")
    if snap.usage and snap.usage.input_tokens is not None:
        parts.append(
            f"tokens in {snap.usage.input_tokens:g} / out {snap.usage.output_tokens or 0:g}"
        )
    out.write("\n" + "; ".join(parts) + "\n")
