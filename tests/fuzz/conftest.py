"""Hypothesis profiles for the property tests: `ci` (fast, the default) and `long` (on demand).

`HYPOTHESIS_PROFILE=long bash tests/run tests/fuzz --hypothesis-show-statistics` runs 10,000 inputs
per target. The fast profile is derandomized so CI runs the same inputs every time: a failure is
reproducible, never a coin toss. No example database is written into the work tree.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
_HERE = Path(__file__).parent

_BASE = settings(
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("ci", _BASE, max_examples=100, derandomize=True)
settings.register_profile("medium", _BASE, max_examples=1_000)
settings.register_profile("long", _BASE, max_examples=10_000)
settings.load_profile(PROFILE)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longer profiles take minutes per target: lift the suite's per-test timeout for them."""
    if PROFILE == "ci":
        return
    for item in items:
        if _HERE in item.path.parents:
            item.add_marker(pytest.mark.timeout(0))
