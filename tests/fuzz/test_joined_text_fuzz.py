"""Property test of a snapshot's text read while it streams: each reading joins only what is new.

The fold keeps the answer as pieces and remembers the longest prefix joined so far (issue 15);
whatever the order in which snapshots of one chain (and of chains forked from older snapshots) are
read, each must read exactly the pieces folded into it.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbench.api.events import TextDelta
from workbench.api.stream import ChatSnapshot, accumulate

PIECES = st.lists(st.text(max_size=5), max_size=12)


@given(PIECES, PIECES, st.lists(st.integers(0, 30), max_size=20), st.integers(0, 12))
def test_every_snapshot_reads_exactly_its_own_pieces(
    pieces: list[str], fork: list[str], reads: list[int], fork_at: int
) -> None:
    snaps, expected = [ChatSnapshot()], [""]
    for piece in pieces:
        snaps.append(accumulate(snaps[-1], TextDelta(piece)))
        expected.append(expected[-1] + piece)
    at = min(fork_at, len(pieces))
    start, text = snaps[at], expected[at]
    for piece in fork:  # an older snapshot extended again: a chain of its own
        start, text = accumulate(start, TextDelta(piece)), text + piece
        snaps.append(start)
        expected.append(text)
    for n in reads:  # read in any order: later before earlier, forks in between
        assert snaps[n % len(snaps)].text == expected[n % len(snaps)]
    assert [s.text for s in snaps] == expected
