"""One module per wire dialect; `codec_for(flavour)` picks its module, `flavour_traits` its traits.

Adding a flavour: a member of `Flavour` (models.py), one module here declaring `TRAITS` and the
codec functions, and its name in `_MODULES` below (docs/adding-a-flavour.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from workbench.api.flavours import cohere_v1, cohere_v2, openai_compat
from workbench.api.framing import FrameDecoder

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from workbench.api.events import StreamEvent
    from workbench.api.flavours.common import StreamMapper
    from workbench.api.flavours.traits import FlavourTraits
    from workbench.api.models import (
        ChatRequest,
        Document,
        Flavour,
        RerankRequest,
        RerankResponse,
    )


class Codec(Protocol):
    """What a flavour module provides (each module satisfies this at module level)."""

    TRAITS: FlavourTraits

    def rerank_body(self, request: RerankRequest, model: str | None) -> dict[str, Any]: ...

    def parse_rerank(self, body: dict[str, Any], request: RerankRequest) -> RerankResponse: ...

    def chat_body(
        self, request: ChatRequest, model: str | None, *, stream: bool
    ) -> dict[str, Any]: ...

    def chat_events(self, body: dict[str, Any]) -> list[StreamEvent]: ...

    def stream_mapper(self) -> StreamMapper: ...


_MODULES: tuple[Codec, ...] = (cohere_v1, cohere_v2, openai_compat)
"""Every flavour module; each names its own flavour in its traits."""
_CODECS: dict[Flavour, Codec] = {module.TRAITS.flavour: module for module in _MODULES}


def codec_for(flavour: Flavour) -> Codec:
    """The flavour module for a connection's flavour."""
    return _CODECS[flavour]


def flavour_traits(flavour: Flavour) -> FlavourTraits:
    """What a flavour is: routes, framing, RAG, rerank rules, parameters, history form."""
    return _CODECS[flavour].TRAITS


def chat_request_body(
    flavour: Flavour, request: ChatRequest, model: str | None, *, stream: bool = True
) -> dict[str, Any]:
    """The exact body a chat call in this flavour posts (the request preview).

    Raises:
        InputError: what the flavour cannot carry (a parameter it lacks, a missing model…).
    """
    return _CODECS[flavour].chat_body(request, model, stream=stream)


def rerank_request_body(
    flavour: Flavour, request: RerankRequest, model: str | None
) -> dict[str, Any]:
    """The exact body a rerank call in this flavour posts (the request preview).

    Raises:
        InputError: what the flavour cannot carry (a missing model for v2…).
    """
    return _CODECS[flavour].rerank_body(request, model)


def ranked_document_text(document: Document, rank_fields: list[str] | None) -> str:
    """The text a rerank that returns relevant spans scored for a document (the spans' offsets
    count in it): a string as is, an object as `key: value` lines in rank_fields order."""
    return cohere_v2.render_document(document, rank_fields)


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
