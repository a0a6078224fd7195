"""Per-turn figures: time to first token, tokens per second, and cost from a price table."""

from __future__ import annotations

import pytest

from workbench.api.models import Usage
from workbench.core.chat_metrics import (
    TurnTiming,
    describe,
    estimate_cost,
    observe,
    price_table,
    turn_metrics,
)
from workbench.core.endpoints import Prices


def test_observe_records_first_output_once_and_the_end() -> None:
    timing = TurnTiming(started=10.0)
    timing = observe(timing, has_output=False, done=False, now=10.1)
    timing = observe(timing, has_output=True, done=False, now=10.25)
    timing = observe(timing, has_output=True, done=False, now=10.5)
    timing = observe(timing, has_output=True, done=True, now=12.25)
    assert timing == TurnTiming(started=10.0, first_output=10.25, ended=12.25)


def test_metrics_use_the_servers_output_tokens() -> None:
    usage = Usage(
        input_tokens=18.0,
        output_tokens=40.0,
        billed_units={"input_tokens": 18.0, "output_tokens": 40.0},
    )
    table = price_table(Prices(input_per_million=0.5, output_per_million=1.5, currency="EUR"))
    metrics = turn_metrics(
        TurnTiming(1.0, 1.25, 3.25),
        finish_reason="COMPLETE",
        usage=usage,
        output_chars=999,
        prices=table,
    )
    assert metrics.time_to_first_token_s == pytest.approx(0.25)
    assert metrics.tokens_per_s == pytest.approx(20.0)
    assert not metrics.tokens_estimated
    assert metrics.cost == pytest.approx((18 * 0.5 + 40 * 1.5) / 1e6)
    line = describe(metrics)
    assert "finish: COMPLETE" in line
    assert "first token 250 ms" in line
    assert "20.0 tokens/s" in line
    assert "tokens in 18 / out 40" in line
    assert "≈ 0.000069 EUR" in line  # two significant digits, not a run of zeros


def test_metrics_estimate_tokens_when_usage_is_missing() -> None:
    metrics = turn_metrics(
        TurnTiming(0.0, 1.0, 2.0), finish_reason=None, usage=None, output_chars=80, prices=None
    )
    assert metrics.tokens_estimated
    assert metrics.tokens_per_s == pytest.approx(20.0)
    assert metrics.cost is None
    assert "≈20.0 tokens/s" in describe(metrics)
    assert "finish: unknown" in describe(metrics)


def test_prices_are_read_per_billed_unit_from_their_typed_fields() -> None:
    table = price_table(Prices(input_per_million=3.0, per_thousand_search_units=2.0))
    assert table is not None
    assert table.per_unit == {"input_tokens": 3.0 / 1e6, "search_units": 2.0 / 1e3}
    usage = Usage(billed_units={"search_units": 1.0})
    assert estimate_cost(usage, table) == pytest.approx(0.002)


@pytest.mark.parametrize("prices", [None, Prices(), Prices(currency="EUR")])
def test_unknown_prices_give_no_cost(prices: Prices | None) -> None:
    assert price_table(prices) is None
    assert estimate_cost(Usage(input_tokens=5), price_table(prices)) is None


def test_cost_falls_back_to_token_counts_without_billed_units() -> None:
    table = price_table(Prices(input_per_million=1.0, output_per_million=10_000.0))
    assert estimate_cost(Usage(input_tokens=1e6, output_tokens=3), table) == pytest.approx(1.03)


def test_endpoint_prices_model_is_understood() -> None:
    prices = Prices(input_per_million=2.5, output_per_million=10.0, per_thousand_search_units=2.0)
    table = price_table(prices)
    assert table is not None
    usage = Usage(
        billed_units={"input_tokens": 1000.0, "output_tokens": 100.0, "search_units": 1.0}
    )
    assert estimate_cost(usage, table) == pytest.approx(0.0025 + 0.001 + 0.002)
    assert price_table(Prices()) is None


@pytest.mark.parametrize(
    ("per_million", "shown"), [(0.0, "≈ 0 USD"), (2.5, "≈ 0.00025 USD"), (250_000.0, "≈ 25.00 USD")]
)
def test_cost_is_shown_with_the_digits_that_matter(per_million: float, shown: str) -> None:
    table = price_table(Prices(input_per_million=per_million))
    metrics = turn_metrics(
        TurnTiming(0.0, 0.5, 1.0),
        finish_reason="COMPLETE",
        usage=Usage(input_tokens=100),
        output_chars=0,
        prices=table,
    )
    assert shown in describe(metrics)
