"""Hypothesis profiles for the property tests: `ci` (fast, the default) and `long` (on demand).

`HYPOTHESIS_PROFILE=long bash tests/run tests/fuzz --hypothesis-show-statistics` runs 10,000 inputs
per target. The fast profile is derandomized so CI runs the same inputs every time: a failure is
reproducible, never a coin toss. No example database is written into the work tree.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

_BASE = settings(
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("ci", _BASE, max_examples=150, derandomize=True)
settings.register_profile("medium", _BASE, max_examples=1_000)
settings.register_profile("long", _BASE, max_examples=10_000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
