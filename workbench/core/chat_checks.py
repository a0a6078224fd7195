"""Checks a chat request must pass before it is sent: combinations the API refuses, image limits.

Each finds a problem the server would answer with a 400 (or, for `response_format` without a
JSON instruction, a stream that never ends), and says it in words, naming the field, before
anything leaves the program. Unknown model names pass the per-model checks: the server decides.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.api.errors import InputError
from workbench.core.chat_models import MAX_IMAGE_BYTES_TOTAL, family_of
from workbench.core.images import data_uri_size

if TYPE_CHECKING:
    from workbench.api.models import ChatRequest, ImagePart

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
            f"Cohere does not take a JSON response_format together with {other}; "
            f"remove the {other} or set the response format to text",
            title="Response format and " + other,
            where="params.response_format",
        )
    if fmt is not None and fmt.type == "text" and fmt.json_schema is not None:
        raise InputError("a JSON schema needs the json_object type", where="params.response_format")
    if params.tool_choice == "REQUIRED" and not request.tools:
        raise InputError("tool_choice REQUIRED needs tools", where="params.tool_choice")


def _check_model(request: ChatRequest, model: str | None) -> None:
    family = family_of(model)
    if family is None:
        return
    params = request.params
    if params.thinking is not None and not family.thinking:
        raise InputError(
            f"{family.name} does not reason; turn thinking off", where="params.thinking"
        )
    if params.safety_mode is not None and params.safety_mode.upper() not in family.safety_modes:
        allowed = ", ".join(family.safety_modes)
        raise InputError(
            f"{family.name} takes safety_mode {allowed} only", where="params.safety_mode"
        )
    if params.tool_choice is not None and not family.tool_choice:
        raise InputError(
            f"{family.name} has no tool_choice (Command R7B and newer)", where="params.tool_choice"
        )
    if _images(request) and not family.images:
        raise InputError(
            f"{family.name} does not read images (Command A Vision and Command A+ do)",
            where="images",
        )


def _images(request: ChatRequest) -> list[ImagePart]:
    images = [image for message in request.history for image in message.images]
    return images + list(request.images)


def _check_images(request: ChatRequest, model: str | None) -> None:
    images = _images(request)
    family = family_of(model)
    most = family.max_images if family is not None and family.max_images else MAX_IMAGES
    if len(images) > most:
        raise InputError(
            f"{len(images)} images in this request; Cohere takes at most {most}",
            title="Too many images",
            where="images",
        )
    total = sum(data_uri_size(image.url) for image in images)
    if total > MAX_IMAGE_BYTES_TOTAL:
        raise InputError(
            f"the images come to {total / 1_048_576:.1f} MB; Cohere takes at most "
            f"{MAX_IMAGE_BYTES_TOTAL // 1_048_576} MB per request",
            title="Images too large",
            where="images",
        )
