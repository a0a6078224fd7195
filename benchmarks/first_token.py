"""Time to first token the app adds: Send to the first answer text in the transcript, vs raw httpx.

Both run on the same qasync loop against the same sandbox (a process of its own, answering at
once), with the same request body: the one the pane's Request section shows. The raw side is a
bare `httpx.AsyncClient` stream timed to the first line carrying answer text; the app side is
`ChatPane.send` timed to the first render of the live turn that holds answer text. Samples
alternate, with a pause between, and the figure is the difference of the medians.

    .venv/bin/python benchmarks/first_token.py [--samples 20] [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import httpx
import qasync
from PySide6.QtWidgets import QApplication

from benchmarks.figures import below, emit, info
from benchmarks.qt_bench import chat_pane_on, private_config
from benchmarks.sandbox_process import sandbox_process

if TYPE_CHECKING:
    from workbench.ui.chat.pane import ChatPane
    from workbench.ui.services import Services

MESSAGE = "Which plan includes single sign-on?"


async def raw_first_text(client: httpx.AsyncClient, url: str, body: str) -> float:
    """Seconds from the request to the first streamed line with answer text."""
    started = time.perf_counter()
    first: float | None = None
    headers = {"content-type": "application/json", "accept": "text/event-stream"}
    async with client.stream("POST", url, content=body, headers=headers) as response:
        async for line in response.aiter_lines():  # read to the end, as the app does
            if first is None and line.startswith("data:") and '"content-delta"' in line:
                first = time.perf_counter() - started
    if first is None:
        raise SystemExit("the raw stream carried no answer text")
    return first


class FirstText:
    """Wraps the transcript's live and final renders; notes when answer text is first drawn."""

    def __init__(self, pane: ChatPane) -> None:
        self.at: float | None = None
        self.drawn = asyncio.Event()
        transcript = pane.transcript
        live, final = transcript._render_live, transcript.finish_live

        def render_live(display: Any) -> None:
            live(display)
            self._drawn(display.text)

        def finish_live(display: Any) -> None:
            final(display)
            self._drawn(display.text)

        transcript._render_live = render_live  # type: ignore[method-assign]
        transcript.finish_live = finish_live  # type: ignore[method-assign]

    def _drawn(self, text: str) -> None:
        if self.at is None and text:
            self.at = time.perf_counter()
            self.drawn.set()


async def app_first_text(pane: ChatPane, services: Services, watch: FirstText) -> float:
    """Seconds from Send to the first answer text in the transcript."""
    watch.at = None
    watch.drawn.clear()
    started = time.perf_counter()
    pane.send(MESSAGE)
    await watch.drawn.wait()
    assert watch.at is not None
    first = watch.at - started
    await services.tasks.wait_until_idle()
    return first


async def measure(base_url: str, samples: int) -> tuple[float, float]:
    pane, services = chat_pane_on(base_url, asyncio.get_running_loop())
    pane.composer.message.setPlainText(MESSAGE)
    preview = pane.refresh_request()
    if preview is None:
        raise SystemExit(f"no request: {pane.request.problem.text()}")
    body, url = preview.body_text(), preview.url
    watch = FirstText(pane)
    raw: list[float] = []
    app: list[float] = []
    async with httpx.AsyncClient(timeout=60) as client:
        await raw_first_text(client, url, body)  # warm both: connections, first imports
        await app_first_text(pane, services, watch)
        for _ in range(samples):
            # Cleared before the pause: its repaint (the example prompts back) and its memory
            # release are no part of the Send that follows, as a person's Send never comes
            # in the same turn of the event loop as their Clear.
            pane.clear()
            await asyncio.sleep(0.1)
            raw.append(await raw_first_text(client, url, body))
            await asyncio.sleep(0.1)
            app.append(await app_first_text(pane, services, watch))
    await services.tasks.shutdown()
    await services.session.aclose()
    return statistics.median(raw) * 1000, statistics.median(app) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=20)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON on stdout")
    args = parser.parse_args()
    out = sys.stderr if args.json else sys.stdout
    private_config()
    app = QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with sandbox_process() as base_url, loop:
        raw, shown = loop.run_until_complete(measure(base_url, args.samples))
    print(f"first text: raw httpx {raw:.1f} ms, app {shown:.1f} ms (medians)", file=out)
    emit(
        [
            below("time to first token added by the app (to the screen)", shown - raw, "ms", 5),
            info("time to first token, raw httpx (floor)", raw, "ms"),
        ],
        args.json,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
