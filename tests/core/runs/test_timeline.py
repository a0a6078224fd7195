"""A run's timeline: which pixel columns of a chart hold an event, found by bisecting."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbench.core.runs.timeline import Timeline

times = st.lists(st.floats(min_value=0, max_value=1e4, allow_nan=False), max_size=300)


@given(events=times, columns=st.integers(min_value=1, max_value=900), last=st.booleans())
def test_the_columns_are_exactly_those_whose_slice_holds_an_event(
    events: list[float], columns: int, last: bool
) -> None:
    timeline = Timeline(
        None, None, max(events, default=None) if last else None, tuple(events), None
    )
    end = timeline.end

    def column_of(t: float) -> int:
        inside = [c for c in range(columns) if end * c / columns <= t < end * (c + 1) / columns]
        return inside[0] if inside else columns - 1  # only the end itself is in no slice

    assert timeline.occupied(columns) == sorted({column_of(t) for t in events})


def test_the_end_is_the_latest_moment_however_the_events_are_ordered() -> None:
    timeline = Timeline(0.2, 0.3, None, (0.9, 0.4, 1.7, 0.5), None)
    assert timeline.end == 1.7
    assert timeline.sorted_events == (0.4, 0.5, 0.9, 1.7)
    assert Timeline(None, None, None, (), None).end == 0.001
    assert Timeline(None, None, None, (), None).occupied(10) == []
