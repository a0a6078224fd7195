"""Helpers every flavour module shares: frame parsing, the stream-mapper base, parameter mapping."""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Any

from workbench.api.errors import InputError, ProtocolError
from workbench.api.models import (
    Citation,
    Document,
    GenerationParams,
    RerankHit,
    RerankRequest,
    RerankResponse,
    Usage,
)

if TYPE_CHECKING:
    from workbench.api.events import StreamEvent
    from workbench.api.framing import Frame
    from workbench.api.models import ChatRequest, ImagePart


def parse_frame(frame: Frame) -> dict[str, Any]:
    """The frame's JSON object.

    Raises:
        ProtocolError: naming the event number and byte offset when it is not a JSON object.
    """
    try:
        value = json.loads(frame.data)
    except ValueError as exc:
        raise ProtocolError(
            f"malformed event: {exc}", where=f"event {frame.number} (byte {frame.offset})"
        ) from None
    if not isinstance(value, dict):
        raise ProtocolError(
            "an event must be a JSON object", where=f"event {frame.number} (byte {frame.offset})"
        )
    return value


class StreamMapper(ABC):
    """Turns one stream's frames into neutral events; one instance per stream (it keeps state)."""

    def __init__(self) -> None:
        self.ended = False
        """True once the flavour's final event arrived."""

    def map(self, frame: Frame) -> list[StreamEvent]:
        """The events one frame stands for."""
        if frame.data.strip() == "[DONE]":
            return self.on_done()
        return self.map_object(parse_frame(frame))

    @abstractmethod
    def map_object(self, obj: dict[str, Any]) -> list[StreamEvent]:
        """The events one decoded JSON object stands for."""

    def on_done(self) -> list[StreamEvent]:
        """`data: [DONE]`: a normal end after the final event; nothing more to say by default."""
        return []

    def finish(self, frames_seen: int, bytes_seen: int) -> list[StreamEvent]:
        """End of body: events still owed, or a ProtocolError when the final event never came."""
        if not self.ended:
            raise ProtocolError(
                "the stream ended before its final event",
                where=f"event {frames_seen + 1} (byte {bytes_seen})",
            )
        return []


def obj_at(obj: Any, key: str) -> dict[str, Any]:
    """`obj[key]` when it is an object, else an empty one (optional fields are fine)."""
    value = obj.get(key) if isinstance(obj, dict) else None
    return value if isinstance(value, dict) else {}


def list_at(obj: Any, key: str) -> list[Any]:
    """`obj[key]` when it is a list, else an empty one."""
    value = obj.get(key) if isinstance(obj, dict) else None
    return value if isinstance(value, list) else []


def str_at(obj: Any, key: str) -> str | None:
    """`obj[key]` when it is a string, else None."""
    value = obj.get(key) if isinstance(obj, dict) else None
    return value if isinstance(value, str) else None


def drop_none(fields: dict[str, Any]) -> dict[str, Any]:
    """The fields whose value is not None (None means 'let the server decide')."""
    return {key: value for key, value in fields.items() if value is not None}


def generation_fields(
    params: GenerationParams, names: dict[str, str], label: str
) -> dict[str, Any]:
    """Map the set generation parameters to wire names; reject ones the flavour lacks.

    Args:
        params: the neutral parameters.
        names: neutral name → wire name for what this flavour accepts.
        label: the flavour for error messages, e.g. "the OpenAI-compatible route".

    Returns:
        The wire fields, with `extra` merged in last (as given).
    """
    fields: dict[str, Any] = {}
    for name, value in params.model_dump(exclude={"extra"}, exclude_none=True).items():
        if name not in names:
            raise InputError(
                f"{label} has no parameter {name!r} (send it under extra if the server knows it)",
                where=f"params.{name}",
            )
        fields[names[name]] = value
    fields.update(params.extra)
    return fields


def user_content(text: str, images: list[ImagePart]) -> str | list[dict[str, Any]]:
    """A user message's `content`: the text alone, or a text block then one block per image."""
    if not images:
        return text
    blocks: list[dict[str, Any]] = [{"type": "text", "text": text}] if text else []
    for image in images:
        blocks.append({"type": "image_url", "image_url": image.model_dump(exclude_none=True)})
    return blocks


def refuse_images(request: ChatRequest, label: str) -> None:
    """Raise when a flavour that has no image content blocks is asked to send images.

    Raises:
        InputError: naming the first message that carries an image.
    """
    if request.images:
        raise InputError(f"{label} cannot carry images (use Cohere v2)", where="images")
    for pos, message in enumerate(request.history):
        if message.images:
            raise InputError(
                f"{label} cannot carry images (use Cohere v2)", where=f"history[{pos}].images"
            )


def stringify_document(document: Document, where: str) -> dict[str, str]:
    """A document as Cohere v1 wants it: a string→string map (strings become `{"text": ...}`)."""
    if isinstance(document, str):
        return {"text": document}
    if not isinstance(document, dict):
        raise InputError("a document must be a string or an object", where=where)
    return {
        str(key): value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        for key, value in document.items()
    }


def as_float_map(value: Any) -> dict[str, float]:
    """A `{name: number}` map from counts that may be ints or floats; other values are skipped."""
    if not isinstance(value, dict):
        return {}
    return {k: float(v) for k, v in value.items() if isinstance(v, int | float)}


def cohere_usage(billed: Any, tokens: Any) -> Usage:
    """Usage from Cohere's `billed_units` and `tokens` (actual tokens first, billed as fallback)."""
    billed_units = as_float_map(billed)
    counts = as_float_map(tokens) or billed_units
    return Usage(
        input_tokens=counts.get("input_tokens"),
        output_tokens=counts.get("output_tokens"),
        billed_units=billed_units,
    )


def citation(obj: dict[str, Any], document_ids: list[str]) -> Citation:
    """A neutral citation, keeping the wire object's other fields (e.g. v2 `sources`)."""
    extra = {k: v for k, v in obj.items() if k not in {"start", "end", "text", "document_ids"}}
    return Citation(
        start=int(obj.get("start", 0)),
        end=int(obj.get("end", 0)),
        text=str(obj.get("text", "")),
        document_ids=document_ids,
        **extra,
    )


def rerank_response(body: dict[str, Any], request: RerankRequest) -> RerankResponse:
    """The neutral rerank answer from a Cohere-shaped body (v1 and v2 share it)."""
    results = body.get("results")
    if not isinstance(results, list):
        raise ProtocolError("the answer has no `results` list", where="results")
    meta = obj_at(body, "meta")
    hits = []
    for pos, item in enumerate(results):
        if not isinstance(item, dict) or "index" not in item or "relevance_score" not in item:
            raise ProtocolError(
                "a result needs `index` and `relevance_score`", where=f"results[{pos}]"
            )
        hits.append(RerankHit.model_validate(item))
    warnings = list_at(meta, "warnings")
    return RerankResponse(
        id=body.get("id") if isinstance(body.get("id"), str) else None,
        results=hits,
        billed_units=as_float_map(meta.get("billed_units")),
        warnings=[str(w) for w in warnings],
        raw=body,
    )
