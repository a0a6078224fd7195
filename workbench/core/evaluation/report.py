"""An evaluation's figures as data: a JSON object for scripts, thresholds for CI."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from workbench.api.errors import InputError
from workbench.core.evaluation.metrics import METRICS, metric_label
from workbench.core.evaluation.stats import EXACT_LIMIT, PERMUTATIONS, SEED

if TYPE_CHECKING:
    from workbench.core.evaluation.runner import EvalReport, SideResult
    from workbench.core.evaluation.stats import Comparison

_THRESHOLD = re.compile(r"\s*(ndcg|mrr|recall)(?:@(\d+))?\s*=\s*([0-9.]+)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Threshold:
    """A floor for one metric's mean on the endpoint under test."""

    metric: str
    value: float

    def met(self, report: EvalReport) -> bool:
        """Whether the first endpoint's mean reaches the floor."""
        return report.sides[0].means[self.metric] >= self.value


def parse_threshold(text: str, k: int) -> Threshold:
    """`METRIC=VALUE` (`ndcg=0.5`, `MRR@10=0.8`); an `@k` must match the evaluation's k.

    Raises:
        InputError: naming `--fail-under` and what is wrong.
    """
    found = _THRESHOLD.fullmatch(text)
    if found is None:
        raise InputError(
            f"expected METRIC=VALUE with METRIC one of ndcg, mrr, recall (e.g. ndcg@{k}=0.5), "
            f"got {text!r}",
            where="--fail-under",
        )
    metric, cutoff, raw = found.groups()
    if cutoff is not None and int(cutoff) != k:
        raise InputError(f"{text!r} names @{cutoff} but --k is {k}", where="--fail-under")
    try:
        value = float(raw)
    except ValueError:
        raise InputError(f"{raw!r} is not a number", where="--fail-under") from None
    if not 0.0 <= value <= 1.0:
        raise InputError(f"{value:g} is outside 0..1", where="--fail-under")
    return Threshold(metric.lower(), value)


def paired_test_description() -> str:
    """The paired test, in words, as reports state it."""
    return (
        "two-sided paired randomization (sign-flip) test over queries: exact up to "
        f"{EXACT_LIMIT} queries, else {PERMUTATIONS:,} permutations with seed {SEED}"
    )


def _side_json(side: SideResult, k: int) -> dict[str, Any]:
    return {
        "label": side.label,
        "identity": side.identity,
        "metrics": {metric_label(m, k): value for m, value in side.means.items()},
        "per_query": [
            {"query_id": q.query_id, **{metric_label(m, k): q.value(m) for m in METRICS}}
            for q in side.per_query
        ],
    }


def _comparison_json(comparison: Comparison, k: int) -> dict[str, Any]:
    return {
        "test": paired_test_description(),
        "metrics": {
            metric_label(m, k): {
                "a": d.mean_a,
                "b": d.mean_b,
                "difference": d.difference,
                "p_value": d.p_value,
                "wins": d.wins,
                "losses": d.losses,
                "ties": d.ties,
            }
            for m, d in comparison.metrics.items()
        },
        "per_query": [
            {"query_id": q.query_id, **{metric_label(m, k): q.delta(m) for m in METRICS}}
            for q in comparison.queries
        ],
    }


def report_json(report: EvalReport, thresholds: list[Threshold] | None = None) -> dict[str, Any]:
    """The object `workbench eval --json` prints."""
    k = report.k
    return {
        "set": report.set_name,
        "k": k,
        "queries": len(report.sides[0].per_query) if report.sides else 0,
        "endpoints": [_side_json(side, k) for side in report.sides],
        "comparison": (
            _comparison_json(report.comparison, k) if report.comparison is not None else None
        ),
        "thresholds": [
            {
                "metric": metric_label(t.metric, k),
                "floor": t.value,
                "value": report.sides[0].means[t.metric],
                "met": t.met(report),
            }
            for t in thresholds or []
        ],
        "requests": report.requests,
        "resumed": report.resumed,
        "dropped": report.dropped,
    }
