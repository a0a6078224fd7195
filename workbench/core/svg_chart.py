"""Small self-contained SVG charts (no dependency): series of points over a request index.

Made for reports that must open anywhere (the QA report's latency chart), so the SVG carries
its own styles and text and needs no script or font file. Reusable by any report. Its numbers
are written the English way unless the caller (the GUI) passes its locale's way.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

if TYPE_CHECKING:
    from collections.abc import Callable

_PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd")


@dataclass(frozen=True)
class ChartColours:
    """A chart's colours (hex): the defaults print well and suit a light page."""

    background: str = "#ffffff"
    text: str = "#000000"
    axis: str = "#444444"
    grid: str = "#e5e5e5"
    series: tuple[str, ...] = _PALETTE


@dataclass(frozen=True)
class Series:
    """One line: a name for the legend and y values (None: a gap, such as a failed request)."""

    name: str
    values: tuple[float | None, ...]


def english_number(value: float) -> str:
    """A tick's value as the command line's reports write it: four significant digits, English
    separators ("1,250", "2.5")."""
    return f"{value:,.4g}"


@dataclass(frozen=True)
class _Ticks:
    """How the axes write their ticks: a y value, an x position."""

    number: Callable[[float], str]
    index: Callable[[int], str]


def _nice_top(peak: float) -> float:
    """A round number at or above `peak` for the y axis (1, 2 or 5 times a power of ten)."""
    if peak <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(peak))
    for step in (1, 2, 5, 10):
        if step * power >= peak:
            return float(step * power)
    return float(10 * power)


def line_chart(
    series: list[Series],
    *,
    title: str,
    y_unit: str,
    x_label: str,
    width: int = 640,
    height: int = 280,
    colours: ChartColours | None = None,
    number: Callable[[float], str] = english_number,
    index: Callable[[int], str] = str,
) -> str:
    """An SVG line chart (points joined, gaps left open) with axes, ticks and a legend.

    Args:
        series: the lines; x is each value's position, counted from 1.
        title: shown above the plot (and as the SVG's accessible title).
        y_unit: the y values' unit ("ms").
        x_label: what x counts ("request").
        width: in pixels.
        height: in pixels.
        colours: the chart's colours (a dark GUI passes its own); the light defaults when None.
        number: writes a y tick's value; the GUI passes its locale's way (in Italian "1,000"
            reads as one, so a thousand is "1.000").
        index: writes an x tick's position; the reports' plain digits when not given ("1081"),
            the GUI passes its locale's grouping ("1.081").

    Returns:
        The `<svg>` element as text, ready to inline in HTML.
    """
    left, right, top, bottom = 64, 16, 40, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    count = max((len(s.values) for s in series), default=0)
    peak = max((v for s in series for v in s.values if v is not None), default=0.0)
    y_top = _nice_top(peak)
    ink = colours or ChartColours()

    def x_of(i: int) -> float:
        return left + (plot_w * i / (count - 1) if count > 1 else plot_w / 2)

    def y_of(v: float) -> float:
        return top + plot_h * (1 - v / y_top)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" font-family="sans-serif" font-size="11" '
        f'fill="{ink.text}">',
        f"<title>{escape(title)}</title>",
        f'<rect width="{width}" height="{height}" fill="{ink.background}"/>',
        f'<text x="{left}" y="18" font-size="13" font-weight="bold">{escape(title)}</text>',
    ]
    ticks = _Ticks(number, index)
    parts += _axes(left, top, plot_w, plot_h, y_top, y_unit, ticks, count, x_label, x_of, ink)
    for n, s in enumerate(series):
        colour = ink.series[n % len(ink.series)]
        parts += _line(s, colour, x_of, y_of)
        lx = left + 8 + n * 150
        parts.append(f'<rect x="{lx}" y="{top - 14}" width="10" height="10" fill="{colour}"/>')
        parts.append(f'<text x="{lx + 14}" y="{top - 5}">{escape(s.name)}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _axes(
    left: int,
    top: int,
    plot_w: int,
    plot_h: int,
    y_top: float,
    y_unit: str,
    ticks: _Ticks,
    count: int,
    x_label: str,
    x_of: Callable[[int], float],
    ink: ChartColours,
) -> list[str]:
    base = top + plot_h
    out = [
        f'<line x1="{left}" y1="{base}" x2="{left + plot_w}" y2="{base}" stroke="{ink.axis}"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{base}" stroke="{ink.axis}"/>',
    ]
    for k in range(5):
        value = y_top * k / 4
        y = base - plot_h * k / 4
        out.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="{ink.grid}"/>'
        )
        out.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{escape(ticks.number(value))} {escape(y_unit)}</text>'
        )
    step = max(1, math.ceil(count / 10))
    for i in range(0, count, step):
        at = escape(ticks.index(i + 1))
        out.append(f'<text x="{x_of(i):.1f}" y="{base + 16}" text-anchor="middle">{at}</text>')
    out.append(
        f'<text x="{left + plot_w / 2:.1f}" y="{base + 34}" text-anchor="middle">{escape(x_label)}</text>'
    )
    return out


def _line(
    s: Series, colour: str, x_of: Callable[[int], float], y_of: Callable[[float], float]
) -> list[str]:
    out: list[str] = []
    run: list[str] = []
    for i, v in enumerate([*s.values, None]):
        if v is not None:
            run.append(f"{x_of(i):.1f},{y_of(v):.1f}")
            out.append(f'<circle cx="{x_of(i):.1f}" cy="{y_of(v):.1f}" r="3" fill="{colour}"/>')
        elif run:
            if len(run) > 1:
                points = " ".join(run)
                out.append(
                    f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>'
                )
            run = []
    return out
