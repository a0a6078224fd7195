"""Helpers every flavour module shares: frame parsing, the stream-mapper base, parameter mapping."""

from __future__ import annotations

import contextlib
import json
from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from workbench.api import jsontext
from workbench.api.errors import InputError, ProtocolError
from workbench.api.flavours.surrogates import SurrogateJoiner
from workbench.api.models import (
    Citation,
    Document,
    GenerationParams,
    RerankHit,
    RerankRequest,
    RerankResponse,
    Usage,
)
from workbench.api.text import Text, english
from workbench.api.tools import check_calls_answered
from workbench.api.wire_values import (
    bad,
    count_map,
    index_at,
    index_value,
    object_at,
    score_value,
    text_at,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from workbench.api.events import StreamEvent
    from workbench.api.framing import Frame
    from workbench.api.models import ChatRequest, ImagePart


NEEDS_CALL_ID = english(
    "needs the id of the call: copy the id of the tool call from the previous answer "
    "(its tool_calls[].id) into the result's call"
)
"""Why a tool result without its call's id is refused, and where the id comes from (a phrase
following the flavour's name)."""


def needs_call_id(label: str | Text) -> Text:
    """ "Cohere v2 needs the id of the call: …" """
    return Text("%1 %2", label, Text(NEEDS_CALL_ID))


def parse_frame(frame: Frame) -> dict[str, Any]:
    """The frame's JSON object.

    Raises:
        ProtocolError: naming the event number and byte offset when it is not a JSON object.
    """
    try:
        # Lone surrogates stay: the mapper joins an emoji split across two deltas.
        value = jsontext.loads(frame.data, finite=False, keep_surrogates=True)
    except ValueError as exc:
        # The parser's own words follow, as they came.
        raise ProtocolError(
            Text("malformed event: %1", str(exc)),
            where=f"event {frame.number} (byte {frame.offset})",
        ) from None
    if not isinstance(value, dict):
        raise ProtocolError(
            Text("an event must be a JSON object"),
            where=f"event {frame.number} (byte {frame.offset})",
        )
    return value


class StreamMapper(ABC):
    """Turns one stream's frames into neutral events; one instance per stream (it keeps state)."""

    def __init__(self) -> None:
        self.ended = False
        """True once the flavour's final event arrived."""
        self._joiner = SurrogateJoiner()

    def map(self, frame: Frame) -> list[StreamEvent]:
        """The events one frame stands for.

        Raises:
            ProtocolError: for a frame that is not a JSON object, or a value of the wrong type or
                range; `.where` names the event, its byte offset and the field path.
        """
        try:
            if frame.data.strip() == "[DONE]":
                events = self.on_done()
            else:
                events = self.map_object(parse_frame(frame))
        except ProtocolError as exc:
            if exc.where.startswith("event "):
                raise
            said = exc.message_text or exc.server_message  # a Text stays one (issue 18)
            raise _at_event(said, exc.where, frame) from None
        except ValidationError as exc:
            raise _at_event(_first_error(exc), _loc(exc), frame) from None
        return self._joiner.events(events, escaped=jsontext.has_escaped_surrogate(frame.data))

    def repaired(self, events: list[StreamEvent]) -> list[StreamEvent]:
        """Events made outside `map` (at the end of the body) with their strings repaired."""
        return self._joiner.events(events, escaped=False)

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
                Text("the stream ended before its final event"),
                where=f"event {frames_seen + 1} (byte {bytes_seen})",
            )
        return []


def _at_event(message: str | Text, path: str, frame: Frame) -> ProtocolError:
    where = f"event {frame.number} (byte {frame.offset})" + (f", {path}" if path else "")
    return ProtocolError(message, where=where)


def _first_error(exc: ValidationError) -> str:
    return str(exc.errors()[0]["msg"])


def _loc(exc: ValidationError) -> str:
    loc = exc.errors()[0]["loc"]
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")


@contextlib.contextmanager
def checked(path: str = "") -> Iterator[None]:
    """For non-streamed answers: a pydantic error inside becomes a ProtocolError at `path`."""
    try:
        yield
    except ValidationError as exc:
        where = ".".join(p for p in (path, _loc(exc)) if p)
        raise ProtocolError(_first_error(exc), where=where) from None


def failed(finish_reason: str | None) -> bool:
    """Whether a Cohere finish reason reports a failure (`ERROR`, `ERROR_TOXIC`, `ERROR_LIMIT`)."""
    return finish_reason is not None and finish_reason.upper().startswith("ERROR")


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
    params: GenerationParams, names: dict[str, str], label: str | Text
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
                Text(
                    "%1 has no parameter %2 (send it under extra if the server knows it)",
                    label,
                    repr(name),
                ),
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
        raise InputError(Text("%1 cannot carry images (use Cohere v2)", label), where="images")
    for pos, message in enumerate(request.history):
        if message.images:
            raise InputError(
                Text("%1 cannot carry images (use Cohere v2)", label),
                where=f"history[{pos}].images",
            )


_NAMED_AT_MOST = 5
"""How many documents a rank_fields refusal names before it counts the rest."""


def check_rank_fields(request: RerankRequest) -> None:
    """Refuse object documents that have none of `rank_fields` before anything is sent.

    v1 servers refuse them; v2 (which gets text the workbench renders) would rank an empty
    string and answer equal scores, so a mistyped field would pass unnoticed. A document with
    some of the fields, or with all of them empty, is ranked on what it has; strings have no
    fields and are ranked whole.

    Raises:
        InputError: naming the documents (the first few) and the fields.
    """
    if not request.rank_fields:
        return
    fields = request.rank_fields
    lacking = [
        f"documents[{pos}]"
        for pos, doc in enumerate(request.documents)
        if isinstance(doc, dict) and not any(field in doc for field in fields)
    ]
    if not lacking:
        return
    names, more = ", ".join(lacking[:_NAMED_AT_MOST]), len(lacking) - _NAMED_AT_MOST
    wanted = ", ".join(fields)
    if len(lacking) == 1:
        message = Text("%1 has none of the rank fields: %2", names, wanted)
    elif more <= 0:
        message = Text("%1 have none of the rank fields: %2", names, wanted)
    else:
        message = Text("%1 and %2 more have none of the rank fields: %3", names, more, wanted)
    raise InputError(message, where="rank_fields")


def check_wire_calls_answered(wire: list[dict[str, Any]]) -> None:
    """`check_calls_answered` on a body's `messages` (`messages[i].tool_calls` named)."""
    steps = (
        (True, [message.get("tool_call_id") or ""])
        if message.get("role") == "tool"
        else (False, [str(call.get("id") or "") for call in message.get("tool_calls") or ()])
        for message in wire
    )
    check_calls_answered(steps, "messages")


def stringify_document(document: Document, where: str) -> dict[str, str]:
    """A document as Cohere v1 wants it: a string→string map (strings become `{"text": ...}`)."""
    if isinstance(document, str):
        return {"text": document}
    if not isinstance(document, dict):
        raise InputError(Text("a document must be a string or an object"), where=where)
    return {
        str(key): value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        for key, value in document.items()
    }


def cohere_usage(billed: Any, tokens: Any, path: str = "") -> Usage:
    """Usage from Cohere's `billed_units` and `tokens` (actual tokens first, billed as fallback).

    Raises:
        ProtocolError: when a count is not a finite number in range (`path` is their parent).
    """
    prefix = f"{path}." if path else ""
    billed_units = count_map(billed, f"{prefix}billed_units")
    counts = count_map(tokens, f"{prefix}tokens") or billed_units
    return Usage(
        input_tokens=counts.get("input_tokens"),
        output_tokens=counts.get("output_tokens"),
        billed_units=billed_units,
    )


def citation(obj: dict[str, Any], document_ids: list[str], path: str = "") -> Citation:
    """A neutral citation, keeping the wire object's other fields (e.g. v2 `sources`).

    Raises:
        ProtocolError: when `start`/`end` are not offsets or `text`/`type` are not text.
    """
    extra = {k: v for k, v in obj.items() if k not in {"start", "end", "text", "document_ids"}}
    kind = text_at(obj, "type", path)
    extra.pop("type", None)
    return Citation(
        start=index_at(obj, "start", path),
        end=index_at(obj, "end", path),
        text=text_at(obj, "text", path) or "",
        document_ids=document_ids,
        type=kind,
        **extra,
    )


def rerank_response(body: dict[str, Any], request: RerankRequest) -> RerankResponse:
    """The neutral rerank answer from a Cohere-shaped body (v1 and v2 share it).

    Raises:
        ProtocolError: for a missing `results` list, or a result whose `index` is not a position
            in the request's documents or whose `relevance_score` is not a finite number.
    """
    results = body.get("results")
    if not isinstance(results, list):
        raise ProtocolError(Text("the answer has no `results` list"), where="results")
    meta = object_at(body, "meta")
    hits = [_hit(item, f"results[{pos}]", request) for pos, item in enumerate(results)]
    _each_once(hits)
    warnings = list_at(meta, "warnings")
    with checked():
        return RerankResponse(
            id=body.get("id") if isinstance(body.get("id"), str) else None,
            results=hits,
            billed_units=count_map(meta.get("billed_units"), "meta.billed_units"),
            warnings=[w if isinstance(w, str) else json.dumps(w) for w in warnings],
            raw=body,
        )


def _each_once(hits: list[RerankHit]) -> None:
    """A document is ranked once: a second result for it (a hundred results for three
    documents) showed the same document again and again, counted as results."""
    seen: dict[int, int] = {}
    for pos, hit in enumerate(hits):
        if hit.index in seen:
            text = Text(
                "document %1 is ranked already at results[%2]", str(hit.index), str(seen[hit.index])
            )
            raise ProtocolError(text, where=f"results[{pos}].index")
        seen[hit.index] = pos


def _document(item: dict[str, Any], path: str) -> dict[str, Any] | None:
    """A result's `document`; or, where there is none, its `text` as `{"text": ...}`: Azure's
    rerank page has `return_documents` results as {index, text, relevance_score}, where the wire
    reference (and Cohere) have `document`."""
    if item.get("document") is None and isinstance(item.get("text"), str):
        return {"text": item["text"]}
    return object_at(item, "document", path) or None


def _hit(item: Any, path: str, request: RerankRequest) -> RerankHit:
    if not isinstance(item, dict) or "index" not in item or "relevance_score" not in item:
        raise ProtocolError(Text("a result needs `index` and `relevance_score`"), where=path)
    last = len(request.documents) - 1
    if last < 0:
        raise bad(f"{path}.index", Text("no result for a request without documents"), item["index"])
    fields = {
        **item,
        "index": index_value(item["index"], f"{path}.index", high=last),
        "relevance_score": score_value(item["relevance_score"], f"{path}.relevance_score"),
        "document": _document(item, path),
    }
    with checked(path):
        return RerankHit.model_validate(fields)
