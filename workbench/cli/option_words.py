"""Refusals worded for the command line: the option a person typed, not the request's field.

The checks that refuse a request sit below the front ends (`workbench.core.chat_checks`, the
flavours' codecs) and name the field at fault: `params.thinking`, `images`, `rank_fields`. The
GUI shows those words beside its own controls and keeps them; on the command line the person
typed `--thinking`, `--image` or `--param k=3`, so the refusal names that option instead.
"""

from __future__ import annotations

import contextlib
import re
from typing import TYPE_CHECKING

from workbench.api import GenerationParams, InputError, chat_field_names, flavour_traits
from workbench.cli.inputs import file_name

if TYPE_CHECKING:
    import argparse
    from collections.abc import Iterator

    from workbench.api import Flavour

_OPTION_OF_FIELD = {
    "params.thinking": "--thinking",
    "params.response_format": "--response-format",
    "rank_fields": "--rank-fields",
    "max_chunks_per_doc": "--max-chunks-per-doc",
    "max_tokens_per_doc": "--max-tokens-per-doc",
}
"""Request fields one option of their own sets; any other generation parameter is `--param`."""

_PARAMS = "params."
_HISTORY_IMAGES = re.compile(r"history\[\d+\]\.images")
"""Where a codec names the images of an earlier turn (which `--history` gave)."""


def option_of(where: str) -> str:
    """The option that set the field `where` names; `where` itself for any other place."""
    if option := _OPTION_OF_FIELD.get(where):
        return option
    name = where.removeprefix(_PARAMS)
    if where.startswith(_PARAMS) and name in GenerationParams.model_fields:
        return f"--param {name}"
    return where


def worded(exc: InputError, args: argparse.Namespace, flavour: Flavour) -> InputError:
    """`exc` naming the option, or `exc` itself when it names no field an option sets."""
    if (images := _images_refused(exc, args)) is not None:
        return images
    option = option_of(exc.where)
    if option == exc.where:
        return exc
    name = exc.where.removeprefix(_PARAMS)
    message = exc.server_message
    if exc.where.startswith(_PARAMS) and name not in chat_field_names(flavour):
        # The codec's refusal tells the GUI to send the name under extra parameters; `--param`
        # sends a name the workbench knows as that field, so the advice would lead nowhere.
        label = flavour_traits(flavour).label
        message = f"{label} chat requests have no {name} parameter"
    return InputError(message, title=exc.title, where=option)


def _images_refused(exc: InputError, args: argparse.Namespace) -> InputError | None:
    """A refusal of images, of this turn (`--image`) or of earlier turns (the `--history` file);
    None for any other refusal. The file's entry is not named: the request's history[N] counts
    messages, and consecutive tool entries of the file make one message."""
    earlier = _HISTORY_IMAGES.fullmatch(exc.where)
    if exc.where != "images" and earlier is None:
        return None
    message = exc.server_message
    if earlier is not None and getattr(args, "history", None):
        return InputError(message, title=file_name(args.history))
    option = "--image" if getattr(args, "image", None) else "--history"
    return InputError(message, title=exc.title, where=option)


def caution_line(caution: InputError, args: argparse.Namespace, flavour: Flavour) -> str:
    """A caution (`core.chat_checks.cautions`) as a warning line naming the option."""
    said = worded(caution, args, flavour)
    where = ": ".join(p for p in (said.where or said.title, said.server_message) if p)
    return f"workbench: warning: {where}\n"


@contextlib.contextmanager
def options_named(args: argparse.Namespace, flavour: Flavour) -> Iterator[None]:
    """Raise a refusal from inside the block worded for the command line (`worded`)."""
    try:
        yield
    except InputError as exc:
        changed = worded(exc, args, flavour)
        if changed is exc:
            raise
        raise changed from None
