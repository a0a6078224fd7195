"""One module per wire dialect; `codec_for(flavour)` picks the module for a connection."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from workbench.api.flavours import cohere_v1, cohere_v2, openai_compat
from workbench.api.framing import FrameDecoder
from workbench.api.models import Flavour

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from workbench.api.events import StreamEvent
    from workbench.api.flavours.common import StreamMapper
    from workbench.api.models import ChatRequest, RerankRequest, RerankResponse


class Codec(Protocol):
    """What a flavour module provides (each module satisfies this at module level)."""

    def rerank_body(self, request: RerankRequest, model: str | None) -> dict[str, Any]: ...

    def parse_rerank(self, body: dict[str, Any], request: RerankRequest) -> RerankResponse: ...

    def chat_body(
        self, request: ChatRequest, model: str | None, *, stream: bool
    ) -> dict[str, Any]: ...

    def chat_events(self, body: dict[str, Any]) -> list[StreamEvent]: ...

    def stream_mapper(self) -> StreamMapper: ...


def codec_for(flavour: Flavour) -> Codec:
    """The flavour module for a connection's flavour."""
    codecs: dict[Flavour, Codec] = {
        Flavour.COHERE_V1: cohere_v1,
        Flavour.COHERE_V2: cohere_v2,
        Flavour.OPENAI: openai_compat,
    }
    return codecs[flavour]


def decode_events(flavour: Flavour, chunks: Iterable[bytes]) -> Iterator[StreamEvent]:
    """The pure pipeline: body chunks → frames → neutral events, with no I/O (tests, benchmarks).

    Raises:
        ProtocolError: after yielding every good event, when the stream is broken.
    """
    decoder, mapper = FrameDecoder(), codec_for(flavour).stream_mapper()
    for chunk in chunks:
        for frame in decoder.feed(chunk):
            yield from mapper.map(frame)
    for frame in decoder.finish():
        yield from mapper.map(frame)
    yield from mapper.finish(decoder.frames_seen, decoder.bytes_seen)
