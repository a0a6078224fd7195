"""Per-turn chat figures: time to first token, tokens per second, usage and estimated cost (pure)."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

    from workbench.api.models import Usage
    from workbench.core.endpoints import Prices

_CHARS_PER_TOKEN = 4.0
"""Rough English average, used only when the server reports no output token count."""


@dataclass(frozen=True)
class PriceTable:
    """Price of one billed unit, by unit name as servers report it (`input_tokens`, `search_units`)."""

    per_unit: Mapping[str, float]
    currency: str = "USD"


def price_table(prices: Prices | None) -> PriceTable | None:
    """An endpoint's prices as the price of one billed unit, or None when no price is known.

    `Prices` holds them the way price lists quote them (per million tokens, per 1,000 search
    units); a turn's usage counts single units, named as the server bills them.
    """
    if prices is None:
        return None
    quoted = (
        ("input_tokens", prices.input_per_million, 1_000_000.0),
        ("output_tokens", prices.output_per_million, 1_000_000.0),
        ("search_units", prices.per_thousand_search_units, 1_000.0),
    )
    per_unit = {unit: price / per for unit, price, per in quoted if price is not None}
    return PriceTable(per_unit=per_unit, currency=prices.currency) if per_unit else None


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


def cost_text(cost: float, currency: str) -> str:
    """An estimated cost as the status lines show it: "≈ 0.0025 USD"."""
    return f"≈ {_money(cost)} {currency}"


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
        parts.append(cost_text(metrics.cost, metrics.currency))
    if metrics.total_s is not None:
        parts.append(f"{metrics.total_s:.2f} s")
    return " · ".join(parts)
