"""Checks a chat request meets before it is sent: combinations the API refuses, image limits.

A refusal finds a problem the server would answer with a 400, and says it in words, naming the
field, before anything leaves the program. A caution is a rule Cohere's documents give at a point
the wire reference marks unverified (on Azure, or the figure itself): it is said, naming the field
the same way, and the request goes, for the server to decide. Unknown model names pass the
per-model checks: the server decides.
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


def cautions(request: ChatRequest, model: str | None = None) -> list[InputError]:
    """What Cohere's documents say the API refuses, where the wire reference marks the rule
    unverified: each is said (naming the field, as a refusal would), none is raised.

    Args:
        request: the turn about to be sent.
        model: the endpoint's model when the request names none.
    """
    model = request.model or model
    return [
        *_json_with_grounding(request),
        *_safety_caution(request, model),
        *_images_over(request, model),
    ]


def _json_with_grounding(request: ChatRequest) -> list[InputError]:
    # "Not combinable with documents or tools (per the reference; unverified on Azure)".
    fmt = request.params.response_format
    if fmt is None or fmt.type != "json_object" or not (request.documents or request.tools):
        return []
    other = "documents" if request.documents else "tools"
    said = Text(
        "Cohere's reference does not combine a JSON response_format with %1 (not checked on "
        "Azure); it is sent anyway, for the server to decide",
        other,
    )
    return [
        InputError(
            said, title=Text("Response format and %1", other), where="params.response_format"
        )
    ]


def _safety_caution(request: ChatRequest, model: str | None) -> list[InputError]:
    # "newer Command models accept CONTEXTUAL and STRICT (per Cohere's docs; unverified on Azure)".
    family, mode = family_of(model), request.params.safety_mode
    if family is None or mode is None or _safety(mode) in family.safety_modes:
        return []
    allowed = ", ".join(family.safety_modes)
    said = Text(
        "Cohere's documents give %1 safety_mode %2 only (not checked on Azure); it is sent "
        "anyway, for the server to decide",
        family.name,
        allowed,
    )
    return [InputError(said, title=Text("Safety mode"), where="params.safety_mode")]


def _check_combinations(request: ChatRequest) -> None:
    params = request.params
    fmt = params.response_format
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


def _images_over(request: ChatRequest, model: str | None) -> list[InputError]:
    # Limits "are in Cohere's image-input guide (check the current figures there)".
    images = _images(request)
    family = family_of(model)
    most = family.max_images if family is not None and family.max_images else MAX_IMAGES
    over: list[InputError] = []
    if len(images) > most:
        said = Text(
            "%1 images in this request; Cohere's pages give at most %2 (not checked here); it "
            "is sent anyway, for the server to decide",
            len(images),
            most,
        )
        over.append(InputError(said, title="Too many images", where="images"))
    total = sum(data_uri_size(image.url) for image in images)
    if total > MAX_IMAGE_BYTES_TOTAL:
        said = Text(
            "the images come to %1 MB; Cohere's guide gave at most %2 MB per request (not "
            "checked here); it is sent anyway, for the server to decide",
            total / 1_048_576,
            MAX_IMAGE_BYTES_TOTAL // 1_048_576,
        )
        over.append(InputError(said, title="Images too large", where="images"))
    return over


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
