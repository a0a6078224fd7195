"""What a QA run produces: check results with their evidence, latency samples, the report.

A result's reason and an evidence's label, notes, request and response are kept twice: as the
English line the command line prints and every report writes, and as the workbench's words in
`Text`s (`reason_text`, `label_text`, …) the GUI shows in its own language (issue 18). Only the
English lines go into the reports: `SHOWN_ONLY` names the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, TypeAlias

from workbench.api.text import Text

if TYPE_CHECKING:
    from datetime import datetime

Status = Literal["pass", "fail", "skip"]
EXCERPT = 700
"""Characters of a request or response kept as evidence (the run record keeps all of it)."""

Lines: TypeAlias = "list[Text | str]"
"""Lines of evidence: the workbench's words as `Text`s, what was sent or answered as strings."""

SHOWN_ONLY = frozenset({"reason_text", "label_text", "notes_text", "request_text", "response_text"})
"""Fields that hold the GUI's translatable twins of English lines: left out of the reports."""


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """`text` cut to `limit` characters, saying how much was left out."""
    if len(text) <= limit:
        return text
    return str(_cut(text[:limit], len(text) - limit))


def _cut(kept: Text | str, more: int) -> Text:
    return Text("%1… (%n more character(s))", kept, count=more)


def excerpt_lines(lines: Lines, limit: int = EXCERPT) -> Lines:
    """`lines` cut where `excerpt` cuts their English joined by line breaks, so they read the
    same; the line cut through keeps only its English (a `Text` cannot be cut in its words)."""
    whole = "\n".join(map(str, lines))
    if len(whole) <= limit:
        return list(lines)
    start = 0
    for at, line in enumerate(lines):
        english = str(line)
        if limit <= start + len(english):
            kept = line if limit == start + len(english) else english[: limit - start]
            return [*lines[:at], _cut(kept, len(whole) - limit)]
        start += len(english) + 1  # the line break after it
    raise AssertionError("unreachable: the cut falls within the lines")


@dataclass
class Evidence:
    """One request a check made and what came back."""

    label: str
    """What was sent, in words ("POST /v2/rerank, 1,000 documents")."""
    request: str = ""
    """An excerpt of the request body (keys never appear: it is redacted)."""
    response: str = ""
    """An excerpt of the answer: its body, or its first and last stream events."""
    status: int | None = None
    elapsed_ms: float | None = None
    run_id: str | None = None
    """The request's run in the run record (None when history is off or it was not recorded)."""
    notes: list[str] = field(default_factory=list)
    """What happened on the way: 429s met and the waits they asked for."""
    label_text: Text | str | None = None
    """The label for the GUI, its workbench words a `Text` (None: `label` as it is)."""
    notes_text: list[Text] = field(default_factory=list)
    """The notes for the GUI."""
    request_text: Lines = field(default_factory=list)
    """The request excerpt's lines for the GUI (empty: `request` as it is)."""
    response_text: Lines = field(default_factory=list)
    """The response excerpt's lines for the GUI, its stream summary in words (empty:
    `response` as it is)."""


@dataclass
class CheckResult:
    """One check's verdict and the evidence behind it."""

    id: str
    title: str
    group: str
    status: Status
    reason: str
    """One or more sentences saying why (what failed, where)."""
    evidence: list[Evidence] = field(default_factory=list)
    elapsed_ms: float = 0.0
    reason_text: Text | None = None
    """The reason for the GUI (None: `reason` as it is, a failure's own line)."""

    @property
    def run_ids(self) -> list[str]:
        """The runs of this check's requests, in order."""
        return [e.run_id for e in self.evidence if e.run_id]


@dataclass(frozen=True)
class LatencySample:
    """One paced request of the latency check."""

    ttft_ms: float | None
    total_ms: float
    ok: bool


@dataclass
class LatencySummary:
    """Percentiles of the latency check's requests (None when nothing succeeded)."""

    samples: list[LatencySample] = field(default_factory=list)
    ttft_p50: float | None = None
    ttft_p95: float | None = None
    total_p50: float | None = None
    total_p95: float | None = None


@dataclass
class QaReport:
    """A whole QA run: what was checked, when, with which workbench, and every verdict."""

    endpoint: str
    """The endpoint's name, or its URL when run against a bare URL."""
    url: str
    flavour: str
    model: str
    started: datetime
    version: str
    finished: datetime | None = None
    results: list[CheckResult] = field(default_factory=list)
    latency: LatencySummary = field(default_factory=LatencySummary)
    settings: dict[str, str] = field(default_factory=dict)
    """The run's options in words (checks, requests, budgets)."""
    cancelled: bool = False

    def count(self, status: Status) -> int:
        """How many checks ended with `status`."""
        return sum(1 for r in self.results if r.status == status)

    @property
    def passed(self) -> bool:
        """True when no check failed (and the run was not cancelled)."""
        return not self.cancelled and self.count("fail") == 0
