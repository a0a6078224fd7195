"""Compare figures in words: what a route could not do, and a column's timings, tokens and cost.

Numbers are written in the user's locale (`ui/common/l10n.py`); every text is translatable.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from workbench.core.chat_metrics import price_table, turn_metrics
from workbench.ui.common.l10n import fill, format_number

if TYPE_CHECKING:
    from workbench.core.chat_compare import Gap
    from workbench.core.chat_metrics import TurnMetrics
    from workbench.core.endpoints import Prices
    from workbench.core.turns import TurnRun


def number(value: float, decimals: int = 0) -> str:
    """A figure in the user's locale (1,234.5 or 1.234,5)."""
    return format_number(value, decimals)


def gap_text(gap: Gap) -> str:
    """One thing a route could not do, said to the user."""
    if gap.kind == "documents":
        return QCoreApplication.translate(
            "CompareFigures", "This route takes no documents: they were not sent."
        )
    if gap.kind == "citations":
        return QCoreApplication.translate("CompareFigures", "This route gives no citations.")
    if gap.kind == "search_queries_only":
        return QCoreApplication.translate(
            "CompareFigures",
            "This route cannot answer with search queries only: it answered in full.",
        )
    return QCoreApplication.translate(
        "CompareFigures", "This route takes no %1: it was not sent."
    ).replace("%1", gap.name)


def live_figures(run: TurnRun) -> str:
    """A streaming column's figures: time to first token, tokens so far, tokens per second."""
    parts = []
    ttft = run.ttft_s()
    if ttft is not None:
        parts.append(
            QCoreApplication.translate("CompareFigures", "first token %1 ms").replace(
                "%1", number(ttft * 1000)
            )
        )
        tokens = len(run.snapshot.text) / 4  # about four characters a token until usage comes
        generating = time.monotonic() - (run.timing.first_output or time.monotonic())
        parts.append(
            QCoreApplication.translate("CompareFigures", "≈%1 tokens").replace("%1", number(tokens))
        )
        if generating > 0:
            parts.append(
                QCoreApplication.translate("CompareFigures", "≈%1 tokens/s").replace(
                    "%1", number(tokens / generating, 1)
                )
            )
    return " · ".join(parts)


def column_metrics(run: TurnRun, prices: Prices | None) -> TurnMetrics:
    """A finished column's figures, as the Chat pane computes them."""
    snap = run.snapshot
    return turn_metrics(
        run.timing,
        finish_reason=snap.finish_reason,
        usage=snap.usage,
        output_chars=len(snap.text) + len(snap.tool_plan),
        prices=price_table(prices),
    )


def turn_figures(run: TurnRun, prices: Prices | None) -> str:
    """A finished column's line: first token, tokens/s, tokens in and out, cost, total time."""
    m = column_metrics(run, prices)
    parts = []
    if m.time_to_first_token_s is not None:
        parts.append(
            QCoreApplication.translate("CompareFigures", "first token %1 ms").replace(
                "%1", number(m.time_to_first_token_s * 1000)
            )
        )
    if m.tokens_per_s is not None:
        approx = "≈" if m.tokens_estimated else ""
        parts.append(
            QCoreApplication.translate("CompareFigures", "%1 tokens/s").replace(
                "%1", approx + number(m.tokens_per_s, 1)
            )
        )
    if m.input_tokens is not None or m.output_tokens is not None:
        tokens_in = "?" if m.input_tokens is None else number(m.input_tokens)
        tokens_out = "?" if m.output_tokens is None else number(m.output_tokens)
        parts.append(
            fill(
                QCoreApplication.translate("CompareFigures", "tokens in %1 / out %2"),
                tokens_in,
                tokens_out,
            )
        )
    if m.cost is not None:
        cost = f"{number(m.cost, _cost_decimals(m.cost))} {m.currency}"
        parts.append(QCoreApplication.translate("CompareFigures", "cost ≈ %1").replace("%1", cost))
    if m.total_s is not None:
        parts.append(
            QCoreApplication.translate("CompareFigures", "%1 s in all").replace(
                "%1", number(m.total_s, 2)
            )
        )
    return " · ".join(parts)


def _cost_decimals(cost: float) -> int:
    # A turn often costs a fraction of a cent: enough decimals for two significant digits.
    decimals = 2
    while cost and cost * 10**decimals < 10 and decimals < 8:
        decimals += 1
    return decimals
