"""One module per wire dialect; `codec_for(flavour)` picks its module, `flavour_traits` its traits.

Adding a flavour: a member of `Flavour` (models.py), its traits in `declared.py`, one module here
with the codec functions and `TRAITS`, and its name in `_codecs` below (docs/adding-a-flavour.md).
The codec modules load on the first request body or stream, not with the traits (issue 15:
start-up).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Protocol

from workbench.api.errors import WorkbenchError
from workbench.api.flavours.declared import BY_FLAVOUR

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
    PARAMS: dict[str, str]
    """Generation parameters by name: `GenerationParams` field → body field."""
    UNMODELLED: frozenset[str]
    """Chat body fields the provider documents that `GenerationParams` does not model: sent as
    given from `extra`, they are no typo to warn about."""

    def rerank_body(self, request: RerankRequest, model: str | None) -> dict[str, Any]: ...

    def parse_rerank(self, body: dict[str, Any], request: RerankRequest) -> RerankResponse: ...

    def chat_body(
        self, request: ChatRequest, model: str | None, *, stream: bool
    ) -> dict[str, Any]: ...

    def chat_events(self, body: dict[str, Any]) -> list[StreamEvent]: ...

    def stream_mapper(self) -> StreamMapper: ...


@functools.cache
def _codecs() -> dict[Flavour, Codec]:
    """Every flavour module by the flavour its traits name, imported on first use."""
    from workbench.api.flavours import cohere_v1, cohere_v2, openai_compat

    modules: tuple[Codec, ...] = (cohere_v1, cohere_v2, openai_compat)
    return {module.TRAITS.flavour: module for module in modules}


def codec_for(flavour: Flavour) -> Codec:
    """The flavour module for a connection's flavour."""
    return _codecs()[flavour]


def flavour_traits(flavour: Flavour) -> FlavourTraits:
    """What a flavour is: routes, framing, RAG, rerank rules, parameters, history form."""
    return BY_FLAVOUR[flavour]


def chat_request_body(
    flavour: Flavour, request: ChatRequest, model: str | None, *, stream: bool = True
) -> dict[str, Any]:
    """The exact body a chat call in this flavour posts (the request preview).

    Raises:
        InputError: what the flavour cannot carry (a parameter it lacks, a missing model…).
    """
    return codec_for(flavour).chat_body(request, model, stream=stream)


def chat_field_names(flavour: Flavour) -> frozenset[str]:
    """The names a chat body in this flavour knows, read from the codec that builds it: each
    generation parameter it takes, by its `GenerationParams` name and its body field (`p` and
    `top_p`), and the body's own fields (`messages`, `stream`, `stream_options`…)."""
    from workbench.api.models import ChatRequest

    codec = codec_for(flavour)
    shell = codec.chat_body(ChatRequest(message=""), "model", stream=True)
    form = {trait.name for trait in flavour_traits(flavour).params}  # v2's citation_mode too
    modelled = frozenset(codec.PARAMS) | frozenset(codec.PARAMS.values())
    return frozenset(shell) | form | modelled | codec.UNMODELLED


def rerank_request_body(
    flavour: Flavour, request: RerankRequest, model: str | None
) -> dict[str, Any]:
    """The exact body a rerank call in this flavour posts (the request preview).

    Raises:
        InputError: what the flavour cannot carry (a missing model for v2…).
    """
    return codec_for(flavour).rerank_body(request, model)


def ranked_document_text(document: Document, rank_fields: list[str] | None) -> str:
    """The text a rerank that returns relevant spans scored for a document (the spans' offsets
    count in it): a string as is, an object as `key: value` lines in rank_fields order."""
    from workbench.api.flavours import cohere_v2

    return cohere_v2.render_document(document, rank_fields)


def decode_events(flavour: Flavour, chunks: Iterable[bytes]) -> Iterator[StreamEvent]:
    """The pure pipeline: body chunks → frames → neutral events, with no I/O (tests, benchmarks).

    Raises:
        ProtocolError: after yielding every good event, when the stream is broken.
    """
    from workbench.api.framing import FrameDecoder

    decoder, mapper = FrameDecoder(), codec_for(flavour).stream_mapper()
    for chunk in chunks:
        for frame in decoder.feed(chunk):
            yield from mapper.map(frame)
    for frame in decoder.finish():
        yield from mapper.map(frame)
    yield from mapper.finish(decoder.frames_seen, decoder.bytes_seen)


def recorded_events(
    flavour: Flavour, frames: Iterable[tuple[str, str | None]]
) -> Iterator[tuple[int, StreamEvent]]:
    """Stored stream frames (payload, SSE event name) mapped again: `(frame index, event)` pairs.

    A frame that cannot be mapped ends the sequence (what came before it stands); the stream's
    end is not checked, so a turn cut off mid-stream gives what arrived.
    """
    from workbench.api.framing import Frame

    mapper = codec_for(flavour).stream_mapper()
    for index, (data, event) in enumerate(frames):
        try:
            events = mapper.map(Frame(data, event, 0, index + 1))
        except WorkbenchError:
            return
        for mapped in events:
            yield index, mapped


def body_events(flavour: Flavour, body: dict[str, Any]) -> list[StreamEvent]:
    """The neutral events a whole (non-streamed) chat answer stands for."""
    return codec_for(flavour).chat_events(body)
