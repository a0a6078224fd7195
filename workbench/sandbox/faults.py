"""Opt-in misbehaviour asked for by the `x-sandbox-fault` header or `--fault`: parsed strictly."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from workbench.sandbox.errors import SandboxHTTPError

HEADER = "x-sandbox-fault"


@dataclass(frozen=True)
class Faults:
    """What to break for one request (all off by default)."""

    status: int | None = None
    """Answer with this HTTP status and a realistic error body instead of the real answer."""
    delay_ms: int = 0
    """Wait this long before answering."""
    drop_after_events: int | None = None
    """Close the connection abruptly after this many stream events."""
    malformed_after_events: int | None = None
    """Send a broken frame after this many stream events, then stop."""
    slow_stream_ms: int = 0
    """Wait this long before every stream event."""
    stall_after_events: int | None = None
    """Send nothing more after this many stream events, holding the connection open (a server
    that hangs mid-answer: the client's read timeout, or the person, ends it)."""
    break_schema: int = 0
    """With `response_format`: answer JSON that misses the schema (1) instead of following it."""
    wrong_citations: int = 0
    """Cite the wrong spans (1): offsets moved off their text, sources that were never sent."""
    burst_429: int = 0
    """Refuse the first this many requests the server sees with 429 and `Retry-After: 1` (a
    burst of rate limiting; later requests are served)."""

    def merged(self, other: Faults) -> Faults:
        """These faults with every field `other` sets to a non-default value taken from `other`."""
        changes = {
            f.name: getattr(other, f.name)
            for f in dataclasses.fields(other)
            if getattr(other, f.name) != f.default
        }
        return dataclasses.replace(self, **changes)


_KNOWN = {f.name for f in dataclasses.fields(Faults)}


class FaultSpecError(ValueError):
    """A fault spec that cannot be honoured; the message names the part at fault."""


def parse_faults(spec: str) -> Faults:
    """Parse `key=value` pairs joined by `;` or `,` (e.g. `status=503;delay_ms=200`).

    Raises:
        FaultSpecError: for an unknown key, a missing value or a value that is not a fitting integer.
    """
    values: dict[str, int] = {}
    for part in re.split(r"[;,]", spec):
        if not part.strip():
            continue
        key, sep, raw = (s.strip() for s in part.partition("="))
        if key not in _KNOWN:
            known = ", ".join(sorted(_KNOWN))
            raise FaultSpecError(f"unknown fault {key!r} (known: {known})")
        if not sep or not re.fullmatch(r"\d+", raw):
            raise FaultSpecError(f"fault {key!r} needs a whole number, got {raw!r}")
        values[key] = int(raw)
    status = values.get("status")
    if status is not None and not 400 <= status <= 599:
        raise FaultSpecError(f"fault 'status' must be 400..599, got {status}")
    return Faults(**values)  # keys were checked against the fields above


def request_faults(defaults: Faults, header: str | None) -> Faults:
    """The faults for one request: command-line defaults overridden by the request header."""
    if not header:
        return defaults
    try:
        return defaults.merged(parse_faults(header))
    except FaultSpecError as exc:
        raise SandboxHTTPError(400, f"invalid {HEADER} header: {exc}", param=HEADER) from exc
