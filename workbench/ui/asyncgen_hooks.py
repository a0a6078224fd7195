"""Async-generator hooks for the qasync loop, which (unlike asyncio's own loops) never installs them.

Without them an async generator that is dropped before it finished (a stream the person stopped,
httpx's byte-stream generators beneath it) is finalised by the garbage collector with no loop:
its cleanup, which awaits, fails with "async generator ignored GeneratorExit" and the connection
is never given back. With them, Python hands each such generator to the loop, which runs its
`aclose()` as a task, as asyncio's `run_forever` arranges for its own loops.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import asyncio
    from collections.abc import Iterator


@contextmanager
def asyncgen_hooks(loop: asyncio.AbstractEventLoop) -> Iterator[None]:
    """Route async-generator first iteration and finalisation to `loop` while inside.

    Args:
        loop: a loop built on asyncio's BaseEventLoop (qasync's is).
    """
    previous = sys.get_asyncgen_hooks()
    sys.set_asyncgen_hooks(
        firstiter=loop._asyncgen_firstiter_hook,  # type: ignore[attr-defined]
        finalizer=loop._asyncgen_finalizer_hook,  # type: ignore[attr-defined]
    )
    try:
        yield
    finally:
        sys.set_asyncgen_hooks(*previous)
