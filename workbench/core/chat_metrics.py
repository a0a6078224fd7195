"""Per-turn chat figures: time to first token, tokens per second, usage and estimated cost (pure)."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workbench.api.models import Usage

_CHARS_PER_TOKEN = 4.0
"""Rough English average, used only when the server reports no output token count."""

_SCALES = {
    "": 1_000_000.0,
    "per_1m": 1_000_000.0,
    "per_million": 1_000_000.0,
    "per_1k": 1_000.0,
    "per_thousand": 1_000.0,
    "per_unit": 1.0,
}
_ALIASES = {"input": "input_tokens", "output": "output_tokens", "search": "search_units"}
_SCALE = "per_1m|per_million|per_1k|per_thousand|per_unit"
_PRICE_KEY = re.compile(rf"^(?:(?P<prefix>{_SCALE})_)?(?P<unit>[a-z_]+?)(?:_(?P<scale>{_SCALE}))?$")


@dataclass(frozen=True)
class PriceTable:
    """Price of one billed unit, by unit name as servers report it (`input_tokens`, `search_units`)."""

    per_unit: Mapping[str, float]
    currency: str = "USD"


def price_table(prices: object) -> PriceTable | None:
    """Read an endpoint's price table tolerantly.

    Keys name a billed unit (`input_tokens`, `output_tokens`, `search_units`; `input`/`output`/
    `search` for short) with an optional scale suffix: none or `_per_1m` = per million units,
    `_per_1k` = per thousand, `_per_unit` = per unit (also as a prefix: `per_thousand_search_units`,
    as `core.endpoints.Prices` names it). A `currency` key is kept. Unknown or
    non-numeric entries are ignored rather than guessed.

    Args:
        prices: a mapping, a pydantic model, or None.

    Returns:
        The table, or None when no price is known.
    """
    raw = _as_mapping(prices)
    per_unit: dict[str, float] = {}
    for key, value in raw.items():
        match = _PRICE_KEY.match(str(key).lower())
        if match is None or isinstance(value, bool) or not isinstance(value, int | float):
            continue
        unit = _ALIASES.get(match["unit"], match["unit"])
        per_unit[unit] = float(value) / _SCALES[match["scale"] or match["prefix"] or ""]
    if not per_unit:
        return None
    return PriceTable(per_unit=per_unit, currency=str(raw.get("currency") or "USD"))


def _as_mapping(prices: object) -> Mapping[str, Any]:
    if prices is None:
        return {}
    if isinstance(prices, Mapping):
        return prices
    dump = getattr(prices, "model_dump", None)
    if callable(dump):
        dumped = dump()
        return dumped if isinstance(dumped, Mapping) else {}
    return {}


def estimate_cost(usage: Usage | None, table: PriceTable | None) -> float | None:
    """Cost of a turn from its billed units (falling back to token counts), or None if unknown."""
    if usage is None or table is None:
        return None
    units = dict(usage.billed_units)
    if "input_tokens" not in units and usage.input_tokens is not None:
        units["input_tokens"] = usage.input_tokens
    if "output_tokens" not in units and usage.output_tokens is not None:
        units["output_tokens"] = usage.output_tokens
    priced = [
        float(count) * table.per_unit[name]
        for name, count in units.items()
        if name in table.per_unit
    ]
    return sum(priced) if priced else None


@dataclass(frozen=True)
class TurnTiming:
    """Monotonic clock readings of one turn, in seconds."""

    started: float
    first_output: float | None = None
    ended: float | None = None


def observe(timing: TurnTiming, has_output: bool, done: bool, now: float) -> TurnTiming:
    """Record the first output and the end of a turn as the snapshot changes."""
    if has_output and timing.first_output is None:
        timing = replace(timing, first_output=now)
    if done and timing.ended is None:
        timing = replace(timing, ended=now)
    return timing


@dataclass(frozen=True)
class TurnMetrics:
    """Everything the status line shows for a finished (or stopped) turn."""

    finish_reason: str | None
    time_to_first_token_s: float | None
    tokens_per_s: float | None
    tokens_estimated: bool
    """True when the output token count was estimated from the text length."""
    input_tokens: float | None
    output_tokens: float | None
    billed_units: Mapping[str, float]
    cost: float | None
    currency: str
    total_s: float | None


def turn_metrics(
    timing: TurnTiming,
    *,
    finish_reason: str | None,
    usage: Usage | None,
    output_chars: int,
    prices: PriceTable | None,
) -> TurnMetrics:
    """Compute a turn's figures.

    Args:
        timing: the turn's clock readings.
        finish_reason: as the server sent it (shown verbatim).
        usage: the server's usage report, if any.
        output_chars: length of the generated text, for an estimate when usage has no output count.
        prices: the endpoint's price table.

    Returns:
        The figures; unknown ones are None.
    """
    output = usage.output_tokens if usage else None
    estimated = output is None and output_chars > 0
    count = (
        output if output is not None else (output_chars / _CHARS_PER_TOKEN if estimated else None)
    )
    rate = None
    if count is not None and timing.first_output is not None and timing.ended is not None:
        generating = timing.ended - timing.first_output
        rate = count / generating if generating > 0 else None
    return TurnMetrics(
        finish_reason=finish_reason,
        time_to_first_token_s=_delta(timing.started, timing.first_output),
        tokens_per_s=rate,
        tokens_estimated=estimated,
        input_tokens=usage.input_tokens if usage else None,
        output_tokens=output,
        billed_units=dict(usage.billed_units) if usage else {},
        cost=estimate_cost(usage, prices),
        currency=prices.currency if prices else "USD",
        total_s=_delta(timing.started, timing.ended),
    )


def _delta(start: float, end: float | None) -> float | None:
    return None if end is None else max(0.0, end - start)


def _num(value: float) -> str:
    return f"{value:g}" if value != int(value) else str(int(value))


def _money(amount: float) -> str:
    # A turn often costs a fraction of a cent: two significant digits say it, six decimals don't.
    if amount == 0:
        return "0"
    decimals = max(2, 1 - math.floor(math.log10(amount)))
    return f"{amount:.{decimals}f}"


def describe(metrics: TurnMetrics) -> str:
    """One status line: finish reason, timings, tokens, billed units and cost."""
    parts = [f"finish: {metrics.finish_reason or 'unknown'}"]
    if metrics.time_to_first_token_s is not None:
        parts.append(f"first token {metrics.time_to_first_token_s * 1000:.0f} ms")
    if metrics.tokens_per_s is not None:
        approx = "≈" if metrics.tokens_estimated else ""
        parts.append(f"{approx}{metrics.tokens_per_s:.1f} tokens/s")
    if metrics.input_tokens is not None or metrics.output_tokens is not None:
        tokens_in = "?" if metrics.input_tokens is None else _num(metrics.input_tokens)
        tokens_out = "?" if metrics.output_tokens is None else _num(metrics.output_tokens)
        parts.append(f"tokens in {tokens_in} / out {tokens_out}")
    if metrics.billed_units:
        billed = ", ".join(f"{k} {_num(v)}" for k, v in sorted(metrics.billed_units.items()))
        parts.append(f"billed {billed}")
    if metrics.cost is not None:
        parts.append(f"≈ {_money(metrics.cost)} {metrics.currency}")
    if metrics.total_s is not None:
        parts.append(f"{metrics.total_s:.2f} s")
    return " · ".join(parts)


def thinking_note(thinking: str, timing: TurnTiming) -> str:
    """`thought ≈120 tokens in 1.4 s`: thinking time runs until the first answer output.

    Cohere reports no separate thinking-token count (it is inside the output tokens), so the
    count is estimated from the text (about four characters a token).
    """
    tokens = max(1, round(len(thinking) / 4))
    if timing.first_output is None:
        return f"thought ≈{tokens} tokens"
    return f"thought ≈{tokens} tokens in {timing.first_output - timing.started:.2f} s"
