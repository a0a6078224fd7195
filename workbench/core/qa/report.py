"""QA reports: Markdown, self-contained HTML (the latency chart inline as SVG), JUnit XML, JSON.

Every report names the endpoint, the date and the workbench version, and lists every check with
its evidence. Each passes through the redactor as a whole (never a key), and hosts can be masked.
Server text with a lone surrogate (valid JSON, `\\ud800`) shows it as U+FFFD: no UTF-8 file or
terminal takes it as it is.
"""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET
from html import escape
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from workbench.api.jsontext import fix_surrogates, replace_lone_surrogates
from workbench.api.redact import redact_text, redact_value
from workbench.api.text import counted, english
from workbench.core.qa.model import IN_ENGLISH
from workbench.core.svg_chart import ChartColours, Series, english_number, line_chart

if TYPE_CHECKING:
    from collections.abc import Callable

    from workbench.core.qa.model import CheckResult, Evidence, LatencySample, QaReport, Status

MASKED_HOST = "host.invalid"
VERDICT = {"pass": "PASS", "fail": "FAIL", "skip": "SKIP"}
MARK = {"pass": "✔", "fail": "✘", "skip": "\u2013"}  # an en dash: "not run"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def masked(report: QaReport) -> QaReport:
    """A copy of `report` in English, with the endpoint's host replaced by `host.invalid`
    everywhere."""
    parts = urlsplit(report.url)
    hosts = [h for h in (parts.netloc, parts.hostname) if h]

    def mask(text: str) -> str:
        for host in hosts:
            text = text.replace(host, MASKED_HOST)
        return text

    # The copy holds the English lines, masked: a host is masked in the line as written.
    def mask_evidence(e: Evidence) -> Evidence:
        return dataclasses.replace(
            e,
            label_text=mask(e.label),
            request_text=[mask(e.request)],
            response_text=[mask(e.response)],
            notes_text=[mask(n) for n in e.notes],
        )

    results = [
        dataclasses.replace(
            r, reason_text=mask(r.reason), evidence=[mask_evidence(e) for e in r.evidence]
        )
        for r in report.results
    ]
    return dataclasses.replace(
        report, endpoint=mask(report.endpoint), url=mask(report.url), results=results
    )


def summary_line(report: QaReport) -> str:
    """`PASSED: 22 passed, 0 failed, 3 skipped` (or FAILED, or CANCELLED)."""
    verdict = "CANCELLED" if report.cancelled else ("PASSED" if report.passed else "FAILED")
    counts = ", ".join(f"{report.count(s)} {w}" for s, w in _WORDS)
    return f"{verdict}: {counts}"


def failed_line(report: QaReport) -> str:
    """The failed checks by title and id, for the top of a report ('' when none failed)."""
    return "; ".join(f"{c.title} ({c.id})" for c in report.results if c.status == "fail")


_WORDS: tuple[tuple[Status, str], ...] = (
    ("pass", "passed"),
    ("fail", "failed"),
    ("skip", "skipped"),
)


def facts(report: QaReport) -> list[tuple[str, str]]:
    """The report's heading facts, in order."""
    rows = [
        ("Endpoint", report.endpoint),
        ("URL", report.url),
        ("Flavour", report.flavour),
        ("Model", report.model or "(not set)"),
        ("Started", report.started.strftime("%Y-%m-%d %H:%M:%S UTC")),
        ("Finished", report.finished.strftime("%Y-%m-%d %H:%M:%S UTC") if report.finished else "—"),
        ("Workbench", f"cohere-workbench {report.version}"),
    ]
    return rows + [(k.capitalize(), v) for k, v in report.settings.items()]


def _evidence_head(e: Evidence) -> str:
    bits = [e.label]
    if e.status is not None:
        bits.append(f"HTTP {e.status}")
    if e.elapsed_ms is not None:
        bits.append(f"{e.elapsed_ms:,.0f} ms")
    if e.run_id:
        bits.append(f"run {e.run_id}")
    return " · ".join(bits)


def latency_svg(
    report: QaReport,
    colours: ChartColours | None = None,
    say: Callable[[str], str] = str,
    number: Callable[[float], str] = english_number,
    index: Callable[[int], str] = str,
) -> str:
    """The latency chart as inline SVG ('' when the latency check did not run), in `colours`
    (the light defaults when None), its words put through `say` (the GUI's translation; as
    they are when not given) and its numbers written by `number` and its requests' numbers by
    `index` (the GUI's locale; the reports' way when not given)."""
    samples = report.latency.samples
    if not samples:
        return ""
    series = [Series(say(english("total")), tuple(s.total_ms if s.ok else None for s in samples))]
    if any(s.ttft_ms is not None for s in samples):
        first = tuple(s.ttft_ms if s.ok else None for s in samples)
        series.insert(0, Series(say(english("first token")), first))
    return line_chart(
        series,
        title=say(english("Latency per request")),
        y_unit="ms",
        x_label=say(english("request")),
        colours=colours,
        number=number,
        index=index,
    )


# --- Markdown -----------------------------------------------------------------------------------


def to_markdown(report: QaReport, *, mask_hosts: bool = False) -> str:
    """The report as Markdown, redacted."""
    r = masked(report) if mask_hosts else report
    lines = [f"# Deployment QA: {_md(r.endpoint)}", "", f"**{summary_line(r)}**", ""]
    lines += [f"Failed: {failed}", ""] if (failed := failed_line(r)) else []
    lines += ["| | |", "| --- | --- |"] + [f"| {k} | {_cell(v)} |" for k, v in facts(r)]
    lines += ["", "## Checks", "", "| | Check | Verdict | Why |", "| --- | --- | --- | --- |"]
    lines += [
        f"| {MARK[c.status]} | {c.title} (`{c.id}`) | {VERDICT[c.status]} | {_cell(c.reason)} |"
        for c in r.results
    ]
    lines += _md_latency(r)
    lines += ["", "## Evidence", ""]
    for c in r.results:
        lines += _md_check(c)
    return redact_text(fix_surrogates("\n".join(lines) + "\n"))


def _cell(text: str) -> str:
    return _md(text).replace("|", "\\|").replace("\n", " ")


def _md(text: str) -> str:
    """Text for a Markdown line, its HTML kept from being drawn: a server's answer or a model's
    name holding `<script>` passed into a previewer as live HTML."""
    return text.replace("&", "&amp;").replace("<", "&lt;")


def _md_latency(r: QaReport) -> list[str]:
    s = r.latency
    if not s.samples:
        return []

    def ms(v: float | None) -> str:
        return "n/a" if v is None else f"{v:,.0f} ms"

    return [
        "",
        "## Latency",
        "",
        _answered(s.samples),
        "",
        "| | p50 | p95 |",
        "| --- | --- | --- |",
        f"| Time to first token | {ms(s.ttft_p50)} | {ms(s.ttft_p95)} |",
        f"| Total time | {ms(s.total_p50)} | {ms(s.total_p95)} |",
        "",
        "| Request | First token | Total | Answered |",
        "| --- | --- | --- | --- |",
        *(
            f"| {i + 1} | {ms(x.ttft_ms)} | {ms(x.total_ms)} | {'yes' if x.ok else 'no'} |"
            for i, x in enumerate(s.samples)
        ),
    ]


def _answered(samples: list[LatencySample]) -> str:
    """`2 requests, 1 answered in full.`"""
    answered = sum(1 for x in samples if x.ok)
    return f"{counted('%n request(s)', len(samples))}, {answered:,} answered in full."


def _fence(text: str) -> list[str]:
    fence = "~~~~" if "```" in text else "```"
    return [fence, text, fence]


def _md_check(c: CheckResult) -> list[str]:
    out = [
        f"### {MARK[c.status]} {VERDICT[c.status]} — {c.title} (`{c.id}`)",
        "",
        _md(c.reason),
        "",
    ]
    if not c.evidence:
        out += ["No request was needed.", ""]
    for e in c.evidence:
        out += [f"- **{_md(_evidence_head(e))}**"]
        out += [f"  - {_md(note)}" for note in e.notes]
        if e.request:
            out += ["", "  Request:", ""] + ["  " + x for x in _fence(e.request)]
        if e.response:
            out += ["", "  Response:", ""] + ["  " + x for x in _fence(e.response)]
        out.append("")
    return out


# --- HTML ---------------------------------------------------------------------------------------

_CSS = """
body{font-family:system-ui,sans-serif;margin:2em;max-width:70em;color:#222}
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.3em .6em;
text-align:left;vertical-align:top}pre{background:#f6f6f6;padding:.5em;white-space:pre-wrap;
word-break:break-all}.pass{color:#17692b}.fail{color:#b00020;font-weight:bold}.skip{color:#666}
details{margin:.3em 0 .8em 0}summary{cursor:pointer}
"""


def to_html(report: QaReport, *, mask_hosts: bool = False) -> str:
    """The report as one self-contained HTML page (styles and chart inline), redacted."""
    r = masked(report) if mask_hosts else report
    e = escape
    rows = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in facts(r))
    checks = "".join(
        f'<tr><td class="{c.status}">{MARK[c.status]} {VERDICT[c.status]}</td>'
        f"<td>{e(c.title)} (<code>{e(c.id)}</code>)</td><td>{e(c.reason)}</td></tr>"
        for c in r.results
    )
    verdict_class = "pass" if r.passed else "fail"
    body = [
        f"<h1>Deployment QA: {e(r.endpoint)}</h1>",
        f'<p class="{verdict_class}">{e(summary_line(r))}</p>',
        f"<p>Failed: {e(failed_line(r))}</p>" if failed_line(r) else "",
        f"<table>{rows}</table>",
        "<h2>Checks</h2>",
        f"<table><tr><th>Verdict</th><th>Check</th><th>Why</th></tr>{checks}</table>",
        _html_latency(r),
        "<h2>Evidence</h2>",
        *(_html_check(c) for c in r.results),
    ]
    page = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>Deployment QA: {e(r.endpoint)}</title><style>{_CSS}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )
    return redact_text(fix_surrogates(page))


def _html_latency(r: QaReport) -> str:
    svg = latency_svg(r)
    if not svg:
        return ""
    s = r.latency
    figures = escape(_answered(s.samples))

    def ms(v: float | None) -> str:
        return "n/a" if v is None else f"{v:,.0f} ms"

    return (
        f"<h2>Latency</h2><p>{figures}</p><table><tr><th></th><th>p50</th><th>p95</th></tr>"
        f"<tr><th>Time to first token</th><td>{ms(s.ttft_p50)}</td><td>{ms(s.ttft_p95)}</td></tr>"
        f"<tr><th>Total time</th><td>{ms(s.total_p50)}</td><td>{ms(s.total_p95)}</td></tr>"
        f"</table><figure>{svg}</figure>"
    )


def _html_check(c: CheckResult) -> str:
    e = escape
    items = []
    for ev in c.evidence:
        notes = "".join(f"<li>{e(n)}</li>" for n in ev.notes)
        parts = [f"<summary>{e(_evidence_head(ev))}</summary>"]
        if notes:
            parts.append(f"<ul>{notes}</ul>")
        if ev.request:
            parts.append(f"<p>Request:</p><pre>{e(ev.request)}</pre>")
        if ev.response:
            parts.append(f"<p>Response:</p><pre>{e(ev.response)}</pre>")
        items.append(f"<details>{''.join(parts)}</details>")
    evidence = "".join(items) or "<p>No request was needed.</p>"
    return (
        f'<h3 id="{e(c.id)}" class="{c.status}">{MARK[c.status]} {VERDICT[c.status]} — '
        f"{e(c.title)} (<code>{e(c.id)}</code>)</h3><p>{e(c.reason)}</p>{evidence}"
    )


# --- JUnit XML ----------------------------------------------------------------------------------


def _x(text: str) -> str:
    return _NOT_XML.sub("\ufffd", redact_text(fix_surrogates(text)))


def to_junit(report: QaReport, *, mask_hosts: bool = False) -> str:
    """The report as JUnit XML: one test case per check (failures and skips with their reason)."""
    r = masked(report) if mask_hosts else report
    total_s = sum(c.elapsed_ms for c in r.results) / 1000.0
    suite_attrs = {
        "name": _x(f"workbench qa: {r.endpoint}"),
        "tests": str(len(r.results)),
        "failures": str(r.count("fail")),
        "errors": "0",
        "skipped": str(r.count("skip")),
        "time": f"{total_s:.3f}",
        "timestamp": r.started.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    suites = ET.Element("testsuites", {"name": "workbench qa", "tests": suite_attrs["tests"]})
    suite = ET.SubElement(suites, "testsuite", suite_attrs)
    props = ET.SubElement(suite, "properties")
    for key, value in facts(r):
        ET.SubElement(props, "property", {"name": _x(key), "value": _x(value)})
    for c in r.results:
        case = ET.SubElement(
            suite,
            "testcase",
            {
                "classname": f"qa.{c.group}",
                "name": _x(f"{c.id}: {c.title}"),
                "time": f"{c.elapsed_ms / 1000:.3f}",
            },
        )
        if c.status == "fail":
            ET.SubElement(case, "failure", {"message": _x(c.reason)}).text = _x(evidence_text(c))
        elif c.status == "skip":
            ET.SubElement(case, "skipped", {"message": _x(c.reason)})
        ET.SubElement(case, "system-out").text = _x(c.reason + "\n\n" + evidence_text(c))
    ET.indent(suites)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
    )


def evidence_text(c: CheckResult) -> str:
    """Every evidence item of a check as plain text (request and response excerpts)."""
    out = []
    for e in c.evidence:
        out.append(_evidence_head(e))
        out += [f"  {n}" for n in e.notes]
        if e.request:
            out.append(f"  request: {e.request}")
        if e.response:
            out.append(f"  response: {e.response}")
    return "\n".join(out)


# --- JSON ---------------------------------------------------------------------------------------


def to_json(report: QaReport, *, mask_hosts: bool = False) -> dict[str, Any]:
    """The report as one JSON object (what `--json` prints), redacted."""
    r = masked(report) if mask_hosts else report
    obj = dataclasses.asdict(dataclasses.replace(r, results=[]))
    obj["results"] = [_in_english(c) for c in r.results]
    obj["started"] = r.started.isoformat()
    obj["finished"] = r.finished.isoformat() if r.finished else None
    obj["passed"] = r.passed
    obj["summary"] = summary_line(r)
    return dict(redact_value(replace_lone_surrogates(obj)))


def _in_english(item: CheckResult | Evidence) -> dict[str, Any]:
    """A check's or an evidence's fields as JSON, in their order: each field of words as its
    English line, under the line's name (`reason_text` as `reason`)."""
    obj: dict[str, Any] = {}
    for f in dataclasses.fields(item):
        name = IN_ENGLISH.get(f.name, f.name)
        value = getattr(item, name)
        obj[name] = [_in_english(e) for e in value] if name == "evidence" else value
    return obj
