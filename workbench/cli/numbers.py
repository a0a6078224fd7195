"""argparse types for numbers with a range: a value out of it is an argparse error (exit 2)
naming the range, never taken as something else in silence."""

from __future__ import annotations

import argparse
import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable


def _parsed(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        return math.nan


def seconds(text: str) -> float:
    """A positive, finite number of seconds (0, negative or nan made every read fail or hang)."""
    value = _parsed(text)
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text!r}")
    return value


def positive_number(text: str) -> float:
    """A positive, finite number (a rate)."""
    value = _parsed(text)
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"expected a positive number, got {text!r}")
    return value


def zero_or_more(text: str) -> float:
    """A finite number, 0 or more (a speed-up, where 0 means no pauses)."""
    value = _parsed(text)
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"expected a number, 0 or more, got {text!r}")
    return value


def at_least_one(text: str) -> int:
    """A whole number, 1 or more (a count of things in flight)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number, 1 or more, got {text!r}")
    return value


def one_to(high: int) -> Callable[[str], int]:
    """A whole number from 1 to `high` (a cut-off the GUI's field bounds as well)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = 0
        if not 1 <= value <= high:
            raise argparse.ArgumentTypeError(
                f"expected a whole number from 1 to {high}, got {text!r}"
            )
        return value

    return parse
