"""Command-line options for today's models: `--thinking`, `--response-format`, `--image`.

Kept apart from the main chat command so the turn loop stays small: options are added to the
parser, applied to the request (and checked as the API would check them), and their results
added to the output (`thinking`, `schema_valid`, `schema_errors`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, TextIO

from pydantic import ValidationError

from workbench.api.errors import InputError
from workbench.api.models import ResponseFormat, ThinkingOption
from workbench.cli.inputs import read_json
from workbench.core.chat_checks import check_request
from workbench.core.images import read_image
from workbench.core.structured import check_answer, schema_problem

if TYPE_CHECKING:
    import argparse

    from workbench.api.models import ChatRequest
    from workbench.api.stream import ChatSnapshot


def add_options(chat: argparse.ArgumentParser) -> None:
    """Add the options to the `chat` subcommand."""
    chat.add_argument(
        "--thinking",
        metavar="off|on|BUDGET",
        help="reasoning models: off, on, or on with at most BUDGET thinking tokens",
    )
    chat.add_argument(
        "--response-format",
        metavar="FILE|json",
        help="json for any JSON object, or a file holding a JSON schema (or a response_format)",
    )
    chat.add_argument(
        "--image", action="append", default=[], metavar="FILE", help="attach an image (repeat)"
    )
    chat.add_argument(
        "--image-detail",
        choices=["auto", "low", "high"],
        help="with --image: how finely the model looks at the images (low costs fewer tokens)",
    )


def thinking_option(value: str | None) -> ThinkingOption | None:
    """`off`, `on` or a budget as a ThinkingOption (None when not given).

    Raises:
        InputError: for anything else.
    """
    if value is None:
        return None
    word = value.strip().lower()
    if word in ("off", "disabled"):
        return ThinkingOption(type="disabled")
    if word in ("on", "enabled"):
        return ThinkingOption()
    if re.fullmatch(r"[1-9]\d*", word):
        return ThinkingOption(token_budget=int(word))
    raise InputError(f"expected off, on or a token budget, got {value!r}", where="--thinking")


def response_format(value: str | None) -> ResponseFormat | None:
    """`json`, or a file holding a schema or a whole response_format, as a ResponseFormat.

    Raises:
        InputError: the file cannot be read or does not describe a response format.
    """
    if value is None:
        return None
    if value.strip().lower() == "json":
        return ResponseFormat(type="json_object")
    data, name = read_json(value)
    if not isinstance(data, dict):
        raise InputError("expected a JSON object (a schema)", title=name, where="top level")
    try:
        if data.get("type") in ("text", "json_object", "json_schema"):
            fmt = ResponseFormat.model_validate(data)
        else:
            fmt = ResponseFormat(type="json_object", json_schema=data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "top level"
        raise InputError(first["msg"], title=name, where=where) from None
    # A schema the answer cannot be checked against is refused before anything is sent.
    if fmt.json_schema is not None and (problem := schema_problem(fmt.json_schema)):
        raise InputError(str(problem.message), title=name, where=f"schema {problem.path}")
    return fmt


def apply_options(args: argparse.Namespace, request: ChatRequest) -> ChatRequest:
    """The request with the options applied, checked as the API would check it.

    Raises:
        InputError: a bad option, an unreadable image, or a combination the API refuses.
    """
    changes: dict[str, Any] = {}
    if (thinking := thinking_option(args.thinking)) is not None:
        changes["thinking"] = thinking
    if (fmt := response_format(args.response_format)) is not None:
        changes["response_format"] = fmt
    params = request.params.model_copy(update=changes)
    if args.image_detail and not args.image:
        raise InputError("--image-detail applies only with --image", where="--image-detail")
    images = [read_image(path, args.image_detail).part for path in args.image]
    updated = request.model_copy(update={"params": params, "images": images})
    # model_copy skips validation: build once through the model so the fields are checked.
    checked = type(request).model_validate(updated.model_dump())
    check_request(checked, args.model)
    return checked


def json_fields(snap: ChatSnapshot, request: ChatRequest) -> dict[str, Any]:
    """`thinking`, `schema_valid` and `schema_errors` for `--json` (null when no JSON asked)."""
    verdict = check_answer(snap.text, request.params.response_format)
    return {
        "thinking": snap.thinking,
        "schema_valid": None if verdict is None else verdict.valid,
        "schema_errors": None if verdict is None else [str(p) for p in verdict.problems],
    }


class ThinkingPrinter:
    """Plain mode: thinking under a `Thinking:` heading, set apart from the answer after it."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.thinking = False
        self.answer = False

    def thought(self, text: str) -> None:
        """Print more thinking."""
        if not self.thinking:
            self.out.write("Thinking:\n")
            self.thinking = True
        self.out.write(text)

    def answered(self) -> None:
        """Close the thinking block before the first answer text."""
        if self.thinking and not self.answer:
            self.out.write("\n\nAnswer:\n")
        self.answer = True


def print_thinking(snap: ChatSnapshot, out: TextIO) -> None:
    """Plain mode without `--stream`: the whole thinking, set apart, before the answer."""
    if not snap.thinking:
        return
    printer = ThinkingPrinter(out)
    printer.thought(snap.thinking)
    if snap.text:
        printer.answered()
    else:
        out.write("\n")


def print_verdict(snap: ChatSnapshot, request: ChatRequest, out: TextIO) -> None:
    """Plain mode: the schema check under the answer."""
    verdict = check_answer(snap.text, request.params.response_format)
    if verdict is None:
        return
    if verdict.valid:
        out.write("Schema: valid\n")
        return
    out.write("Schema: INVALID\n")
    for problem in verdict.problems:
        out.write(f"  {problem}\n")
