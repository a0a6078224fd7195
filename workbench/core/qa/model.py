"""What a QA run produces: check results with their evidence, latency samples, the report.

A result's reason and an evidence's label, notes, request and response are kept once, as the
workbench's words in `Text`s (`reason_text`, `label_text`, …) the GUI shows in its own language
(issue 18). The English line the command line prints and every report writes is made from them
(`reason`, `label`, …): kept apart as well, the two could drift. `IN_ENGLISH` pairs them up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, TypeAlias

from workbench.api.redact import redact_text
from workbench.api.text import Text

if TYPE_CHECKING:
    from datetime import datetime

Status = Literal["pass", "fail", "skip"]
EXCERPT = 700
"""Characters of a request or response kept as evidence (the run record keeps all of it)."""

Lines: TypeAlias = "list[Text | str]"
"""Lines of evidence: the workbench's words as `Text`s, what was sent or answered as strings."""

IN_ENGLISH = {
    "reason_text": "reason",
    "label_text": "label",
    "notes_text": "notes",
    "request_text": "request",
    "response_text": "response",
}
"""The fields that hold words, each with the property that says them in English: the reports
write the property, under its name, where the field stands."""


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """`text` cut to `limit` characters, saying how much was left out."""
    if len(text) <= limit:
        return text
    return str(_cut(text[:limit], len(text) - limit))


def _cut(kept: Text | str, more: int) -> Text:
    return Text("%1… (%n more character(s))", kept, count=more)


def english_lines(lines: Lines) -> str:
    """Lines in English, one a line: as the command line and the reports write them."""
    return "\n".join(map(str, lines))


def excerpt_lines(lines: Lines, limit: int = EXCERPT) -> Lines:
    """`lines` cut where `excerpt` cuts their English joined by line breaks, so they read the
    same; the line cut through keeps only its English (a `Text` cannot be cut in its words)."""
    whole = english_lines(lines)
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

    label_text: Text | str
    """What was sent, in words: the workbench's a `Text`, API words only a str."""
    request_text: Lines = field(default_factory=list)
    """An excerpt of the request body, a line each (keys never appear in its English)."""
    response_text: Lines = field(default_factory=list)
    """An excerpt of the answer: its body, or its first and last stream events in words."""
    status: int | None = None
    elapsed_ms: float | None = None
    run_id: str | None = None
    """The request's run in the run record (None when history is off or it was not recorded)."""
    notes_text: list[Text | str] = field(default_factory=list)
    """What happened on the way: 429s met and the waits they asked for."""

    # The request and the answer are redacted in English before any report quotes them: HTML
    # escapes the quotes of `"api-key": "…"`, and the redactor would no longer see the header.
    @property
    def label(self) -> str:
        """What was sent, in English, redacted ("POST /v2/rerank — 1,000 documents")."""
        return redact_text(str(self.label_text))

    @property
    def request(self) -> str:
        """The request excerpt in English, redacted."""
        return redact_text(english_lines(self.request_text))

    @property
    def response(self) -> str:
        """The answer excerpt in English, redacted."""
        return redact_text(english_lines(self.response_text))

    @property
    def notes(self) -> list[str]:
        """The notes in English."""
        return [str(note) for note in self.notes_text]


@dataclass
class CheckResult:
    """One check's verdict and the evidence behind it."""

    id: str
    title: str
    group: str
    status: Status
    reason_text: Text | str
    """Why, in one or more sentences (what failed, where): the workbench's words a `Text`, a str
    when a failure's own English line says it (the GUI says that failure in its own words)."""
    evidence: list[Evidence] = field(default_factory=list)
    elapsed_ms: float = 0.0

    @property
    def reason(self) -> str:
        """Why, in English."""
        return str(self.reason_text)

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
