"""Runs as a portable file (JSON lines, no keys, hosts optionally masked) and back.

The first line is a header `{"format": "cohere-workbench-runs", "version": 1}`; each further line is
one run with its events. A malformed file is refused with the line and the field that is wrong.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, fields
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from workbench.api.errors import InputError
from workbench.api.jsontext import JsonTextError
from workbench.api.jsontext import loads as loads_json
from workbench.api.jsontext import reason as json_reason
from workbench.api.models import Flavour
from workbench.api.redact import redact_value
from workbench.api.text import Text
from workbench.core.runs.store import RecordedEvent, RunRecord
from workbench.core.text_files import decode_file_text, record_lines

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

FORMAT = "cohere-workbench-runs"
VERSION = 1
MASKED_HOST = "host.invalid"
_FIELDS = {f.name: f for f in fields(RunRecord)}
_REQUIRED = ("id", "created", "kind")


def _mask(url: str) -> str:
    parts = urlsplit(url)
    if not parts.netloc:
        return url
    return urlunsplit((parts.scheme, MASKED_HOST, parts.path, parts.query, parts.fragment))


def _mask_text(text: str, hosts: set[str]) -> str:
    for host in hosts:
        text = text.replace(host, MASKED_HOST)
    return text


def _portable(record: RunRecord, mask_hosts: bool) -> dict[str, Any]:
    obj = asdict(record)
    if mask_hosts:
        hosts = {h for h in (urlsplit(record.url).netloc, urlsplit(record.url).hostname) if h}
        obj["url"] = _mask(record.url)
        for name in ("request_body", "response_body", "endpoint"):
            obj[name] = _mask_text(obj[name], hosts)
        obj["request_headers"] = {
            k: MASKED_HOST if k.lower() == "host" else v for k, v in record.request_headers.items()
        }
    # The record has no key; its strings are redacted once more. Numbers stay numbers (redacting
    # the JSON text could mask digits of a timestamp that happen to match a registered token).
    return dict(redact_value(obj))


def dumps(
    records: Iterable[RunRecord], *, mask_hosts: bool = False, header: dict[str, Any] | None = None
) -> str:
    """The runs as the text of a portable file.

    Args:
        records: the runs, events loaded.
        mask_hosts: replace the host names in URLs, bodies and the endpoint name.
        header: the first line (default: this format's); a demo script has its own.
    """
    lines = [json.dumps(header or {"format": FORMAT, "version": VERSION}, ensure_ascii=False)]
    lines += [json.dumps(_portable(r, mask_hosts), ensure_ascii=False) for r in records]
    return "\n".join(lines) + "\n"


_NUMBER = (int, float)
_MAYBE_NUMBER = (int, float, type(None))
_TYPES: dict[str, Any] = {
    "created": _NUMBER,
    "request_headers": dict,
    "response_headers": dict,
    "inputs": dict,
    "usage": dict,
    "pinned": bool,
    "status": (int, type(None)),
    "events": list,
    "t_headers": _MAYBE_NUMBER,
    "t_first": _MAYBE_NUMBER,
    "t_last": _MAYBE_NUMBER,
    "cost": _MAYBE_NUMBER,
    "group_part": int,
    "group_size": int,
}


LATEST_CREATED = 32_503_680_000
"""The year 3000 in seconds since 1970: later start times are typing mistakes, and some cannot
be shown as a date at all."""
LONGEST_RUN_S = 86_400 * 365
"""Arrival times (seconds after sending) beyond a year are typing mistakes."""
MOST = 2**31 - 1
"""The largest count or cost kept: SQLite stores it, and Qt counts it (`%n`)."""
_RANGES: dict[str, tuple[int, int]] = {
    "status": (100, 599),
    "t_headers": (0, LONGEST_RUN_S),
    "t_first": (0, LONGEST_RUN_S),
    "t_last": (0, LONGEST_RUN_S),
    "cost": (0, MOST),
    "group_part": (0, MOST),
    "group_size": (0, MOST),
}


def _check_type(name: str, value: Any, where: str) -> None:
    expected = _TYPES.get(name, str)
    wrong = not isinstance(value, expected)
    if wrong or (isinstance(value, bool) and expected is not bool):
        raise InputError(Text("field %1 has the wrong type", repr(name)), where=where)
    _check_range(name, value, where)


def _check_range(name: str, value: Any, where: str) -> None:
    # A number out of range would overflow SQLite's INTEGER, or a date, when stored or shown.
    if name == "created" and not 0 <= value < LATEST_CREATED:
        text = Text("field 'created' must be seconds since 1970, before the year 3000")
        raise InputError(text, where=where)
    low, high = _RANGES.get(name, (0, 0))
    if name in _RANGES and value is not None and not low <= value <= high:
        raise InputError(Text("field %1 must be from %2 to %3", repr(name), low, high), where=where)


KINDS = ("chat", "rerank")
"""The kinds of run the workbench records, and so can open, replay or inspect."""


def _check_kind(values: dict[str, Any], where: str) -> None:
    if values["kind"] not in KINDS:
        raise InputError(Text("field 'kind' must be one of %1", ", ".join(KINDS)), where=where)


def _check_flavour(values: dict[str, Any], where: str) -> None:
    # A chat turn's frames are read in its flavour (inspector, replay); a rerank needs none.
    flavour = values.get("flavour", "")
    if flavour in set(Flavour) or (not flavour and values["kind"] != "chat"):
        return
    known = ", ".join(Flavour)
    raise InputError(Text("field 'flavour' must be one of %1", known), where=where)


def _record(obj: Any, line: int) -> RunRecord:
    where = f"line {line}"
    if not isinstance(obj, dict):
        raise InputError(Text("a run must be a JSON object"), where=where)
    for name in _REQUIRED:
        if name not in obj:
            raise InputError(Text("field %1 is missing", repr(name)), where=where)
    values: dict[str, Any] = {}
    for name, value in obj.items():
        if name not in _FIELDS:
            raise InputError(Text("unknown field %1", repr(name)), where=where)
        _check_type(name, value, where)
        values[name] = value
    _check_kind(values, where)
    _check_flavour(values, where)
    events = [_event(event, i, where) for i, event in enumerate(values.pop("events", []), 1)]
    return RunRecord(**values, events=events)


def _event(event: Any, number: int, where: str) -> RecordedEvent:
    try:
        recorded = RecordedEvent(float(event["t"]), event.get("event"), str(event["data"]))
    except (TypeError, KeyError, ValueError, OverflowError):
        text = Text("events[%1] needs t and data", str(number))
        raise InputError(text, where=where) from None
    if not 0 <= recorded.t <= LONGEST_RUN_S:
        text = Text("field %1 must be from %2 to %3", f"events[{number}].t", 0, LONGEST_RUN_S)
        raise InputError(text, where=where)
    return recorded


def loads(text: str) -> list[RunRecord]:
    """The runs in a portable file's text.

    Raises:
        InputError: naming the line (and field) that is wrong.
    """
    return read(text, FORMAT, VERSION)[1]


def _json_line(line: str, number: int) -> Any:
    try:
        return loads_json(line)
    except JsonTextError as exc:
        where = f"line {number}, column {exc.colno}"
        raise InputError(Text("not JSON: %1", json_reason(exc)), where=where) from None
    except ValueError as exc:  # jsontext raises its own error; this is a safety net
        raise InputError(Text("not JSON: %1", str(exc)), where=f"line {number}") from None


def read_file(path: Path) -> str:
    """The text of a file of runs (UTF-8, or as its byte order mark says: `text_files`).

    Raises:
        OSError: the file cannot be read.
        InputError: it is not text in that encoding; `.where` is "byte N".
    """
    return decode_file_text(path.read_bytes())


def read(text: str, fmt: str, version: int) -> tuple[dict[str, Any], list[RunRecord]]:
    """The header and the runs of a file of runs in format `fmt` (this module's or a demo's).

    Raises:
        InputError: naming the line (and field) that is wrong.
    """
    if not text.strip():
        raise InputError(Text("the file is empty"), where="line 1")
    header: dict[str, Any] = {}
    records: list[RunRecord] = []
    for number, line in enumerate(record_lines(text), start=1):
        if not line.strip():
            continue
        obj = _json_line(line, number)
        if number == 1:
            if not isinstance(obj, dict) or obj.get("format") != fmt:
                raise InputError(Text("not a %1 file", fmt), where="line 1")
            if obj.get("version") != version:
                said = Text("unknown version %1", repr(obj.get("version")))
                raise InputError(said, where="line 1")
            header = obj
            continue
        records.append(_record(obj, number))
    return header, records


def fresh_ids(records: list[RunRecord]) -> list[RunRecord]:
    """The records with new ids (and group ids), so an import never replaces or joins a run
    already stored."""
    groups: dict[str, str] = {}
    for record in records:
        record.id = uuid.uuid4().hex[:12]
        record.source = "import"
        if record.group_id:
            record.group_id = groups.setdefault(record.group_id, uuid.uuid4().hex[:12])
    return records
