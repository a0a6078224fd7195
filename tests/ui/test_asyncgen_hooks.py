"""A stream dropped before its end is closed on the qasync loop, as asyncio's own loops do it."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from tests.ui.conftest import run_async
from tests.waits import WAIT_MS

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from pytestqt.qtbot import QtBot


async def _stream(log: list[str]) -> AsyncIterator[int]:
    try:
        yield 1
        yield 2
    finally:
        await asyncio.sleep(0)  # cleanup that awaits, like httpcore's byte streams
        log.append("closed")


def test_a_dropped_async_generator_is_closed_on_the_loop(
    qloop: asyncio.AbstractEventLoop, qtbot: QtBot
) -> None:
    log: list[str] = []

    async def read_one_then_drop() -> None:
        stream = _stream(log)
        assert await anext(stream) == 1
        del stream  # no aclose(): what a cancelled reader leaves behind

    run_async(qtbot, read_one_then_drop())
    qtbot.waitUntil(lambda: log == ["closed"], timeout=WAIT_MS)
