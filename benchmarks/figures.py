"""What every benchmark hands `run.py`: figures (name, value, unit, goal, met) and how they print.

A script run alone prints its own report. With `--json` the report goes to stderr and stdout gets
one JSON object, `{"figures": [...]}`, which `benchmarks/run.py` collects into one table.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable


@dataclass(frozen=True)
class Figure:
    """One measured figure against its goal; `met` is None where there is no goal to meet."""

    name: str
    value: float | None
    unit: str
    goal: str = ""
    met: bool | None = None


def below(name: str, value: float, unit: str, limit: float) -> Figure:
    """A figure whose goal is to stay under `limit`."""
    return Figure(name, value, unit, f"< {limit:g} {unit}".rstrip(), value < limit)


def ratio_below(name: str, value: float, limit: float) -> Figure:
    """A ratio of two quantities measured in the same run, with the goal to stay under `limit`."""
    return Figure(name, value, "x", f"< {limit:g}x", value < limit)


def info(name: str, value: float, unit: str) -> Figure:
    """A figure printed for reference, with no goal."""
    return Figure(name, value, unit)


def emit(figures: Iterable[Figure], as_json: bool) -> None:
    """Print the figures: as the JSON object `run.py` reads, or as lines for a person."""
    rows = list(figures)
    if as_json:
        print(json.dumps({"figures": [asdict(f) for f in rows]}), flush=True)
        return
    for row in rows:
        value = "n/a" if row.value is None else f"{row.value:.3g}"
        verdict = "" if row.met is None else ("met" if row.met else "NOT met")
        print(f"  {row.name:<62} {value:>8} {row.unit:<4} {row.goal:<10} {verdict}")
