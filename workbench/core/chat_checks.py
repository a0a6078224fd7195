"""Checks a chat request must pass before it is sent: combinations the API refuses, image limits.

Each finds a problem the server would answer with a 400 (or, for `response_format` without a
JSON instruction, a stream that never ends), and says it in words, naming the field, before
anything leaves the program. Unknown model names pass the per-model checks: the server decides.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.api.errors import InputError
from workbench.api.text import Text
from workbench.api.tools import check_calls_answered as check_answered
from workbench.core.chat_models import MAX_IMAGE_BYTES_TOTAL, family_of
from workbench.core.images import data_uri_size

if TYPE_CHECKING:
    from workbench.api.models import ChatRequest, ImagePart
    from workbench.api.tools import Step

MAX_IMAGES = 20
"""Images per request (Command A Vision and Command A+ pages: "up to 20 images per request")."""


def check_request(request: ChatRequest, model: str | None = None) -> None:
    """Refuse a request the API would refuse.

    Args:
        request: the turn about to be sent.
        model: the endpoint's model when the request names none.

    Raises:
        InputError: naming the field at fault and why.
    """
    _check_combinations(request)
    _check_model(request, request.model or model)
    _check_images(request, request.model or model)


def _check_combinations(request: ChatRequest) -> None:
    params = request.params
    fmt = params.response_format
    if fmt is not None and fmt.type == "json_object" and (request.documents or request.tools):
        other = "documents" if request.documents else "tools"
        raise InputError(
            Text(
                "Cohere does not take a JSON response_format together with %1; remove the %1 or "
                "set the response format to text",
                other,
            ),
            title=Text("Response format and %1", other),
            where="params.response_format",
        )
    if fmt is not None and fmt.type == "text" and fmt.json_schema is not None:
        raise InputError(
            Text("a JSON schema needs the json_object type"), where="params.response_format"
        )
    if params.tool_choice == "REQUIRED" and not request.tools:
        raise InputError(Text("tool_choice REQUIRED needs tools"), where="params.tool_choice")


def _check_model(request: ChatRequest, model: str | None) -> None:
    family = family_of(model)
    if family is None:
        return
    params = request.params
    if params.thinking is not None and not family.thinking:
        raise InputError(
            Text("%1 does not reason; turn thinking off", family.name), where="params.thinking"
        )
    if params.safety_mode is not None and _safety(params.safety_mode) not in family.safety_modes:
        allowed = ", ".join(family.safety_modes)
        raise InputError(
            Text("%1 takes safety_mode %2 only", family.name, allowed), where="params.safety_mode"
        )
    if params.tool_choice is not None and not family.tool_choice:
        raise InputError(
            Text("%1 has no tool_choice (Command R7B and newer)", family.name),
            where="params.tool_choice",
        )
    if _images(request) and not family.images:
        raise InputError(
            Text("%1 does not read images (Command A Vision and Command A+ do)", family.name),
            where="images",
        )


def _safety(mode: str) -> str:
    """A safety mode as the families list it: Cohere v1 spells OFF as NONE."""
    upper = mode.upper()
    return "OFF" if upper == "NONE" else upper


def _images(request: ChatRequest) -> list[ImagePart]:
    images = [image for message in request.history for image in message.images]
    return images + list(request.images)


def _check_images(request: ChatRequest, model: str | None) -> None:
    images = _images(request)
    family = family_of(model)
    most = family.max_images if family is not None and family.max_images else MAX_IMAGES
    if len(images) > most:
        raise InputError(
            Text("%1 images in this request; Cohere takes at most %2", len(images), most),
            title="Too many images",
            where="images",
        )
    total = sum(data_uri_size(image.url) for image in images)
    if total > MAX_IMAGE_BYTES_TOTAL:
        raise InputError(
            Text(
                "the images come to %1 MB; Cohere takes at most %2 MB per request",
                total / 1_048_576,
                MAX_IMAGE_BYTES_TOTAL // 1_048_576,
            ),
            title="Images too large",
            where="images",
        )


def check_calls_answered(request: ChatRequest) -> None:
    """Refuse tool calls left without results, for routes that pair each result with its call
    by id in a `messages` history (Cohere v2, OpenAI-style): they refuse with a 400 a message
    typed after an answer's tool calls instead of their results.

    Raises:
        InputError: naming the answer (`history[i].tool_calls`).
    """
    steps: list[Step] = [
        (True, [result.call.id or "" for result in message.tool_results])
        if message.role == "tool"
        else (False, [call.id or "" for call in message.tool_calls])
        for message in request.history
    ]
    if request.tool_results:
        steps.append((True, [result.call.id or "" for result in request.tool_results]))
    if request.message is not None:
        steps.append((False, []))
    check_answered(steps, "history")
