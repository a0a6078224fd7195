"""A pane's text inputs on disk, as typed: kept so a restart brings them back.

One file per pane (`<pane>_inputs.json` in the config folder) holding named texts, JSON with
secrets redacted, written atomically. A damaged file is said with where it went wrong, never a
traceback, and the pane then starts empty.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from workbench.api import jsontext
from workbench.api.errors import InputError
from workbench.api.redact import redact_json, redact_secrets
from workbench.api.text import Text
from workbench.core.atomic import write_atomically
from workbench.core.errors import os_reason
from workbench.core.settings import config_dir
from workbench.core.text_files import read_file_text

if TYPE_CHECKING:
    from collections.abc import Mapping
    from pathlib import Path

TEXTS_FORMAT = "cohere-workbench.pane-inputs"
DAMAGED = "Saved inputs are damaged"


def texts_path(pane: str) -> Path:
    """Where the pane's inputs live: `<pane>_inputs.json` in the config folder."""
    return config_dir() / f"{pane}_inputs.json"


def write_texts(pane: str, texts: Mapping[str, str]) -> Path:
    """Write the pane's named texts with their secrets redacted (hosts kept); safe in a thread.

    Raises:
        OSError: the folder refused the file; the old file is as it was.
    """
    return write_saved(texts_path(pane), {"format": TEXTS_FORMAT, "version": 1, "texts": texts})


def write_saved(target: Path, data: Mapping[str, Any]) -> Path:
    """Write `data` as one of the program's own JSON files: secrets redacted (hosts kept, as
    what the next start puts back), atomically, its folder made if need be.

    Raises:
        OSError: the folder refused the file; the old file is as it was.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    text = redact_json(json.dumps(data, indent=2, ensure_ascii=False), redact_secrets, indent=2)
    write_atomically(target, [text, "\n"], prefix=f".{target.stem}-", suffix=".json")
    return target


def load_texts(pane: str) -> dict[str, str] | None:
    """The pane's saved texts by name, or None when none were saved.

    Raises:
        InputError: the file cannot be read, or is not what `write_texts` writes (`.where`).
    """
    source = texts_path(pane)
    if not source.exists():
        return None
    texts = read_saved(source, TEXTS_FORMAT, DAMAGED).get("texts")
    if not isinstance(texts, dict):
        raise InputError(Text("must be an object"), title=DAMAGED, where=f"{source.name}: texts")
    for name, value in texts.items():
        if not isinstance(value, str):
            where = f"{source.name}: texts.{name}"
            raise InputError(Text("must be a string"), title=DAMAGED, where=where)
    return texts


def read_saved(source: Path, form: str, damaged: str) -> dict[str, Any]:
    """The object a file of the program's own holds, checked to be of format `form`.

    Raises:
        InputError: titled `damaged`: the file cannot be read, is not JSON (where: line and
            column) or is not an object of that format.
    """
    try:
        data = jsontext.loads(read_file_text(source))
    except OSError as exc:
        reason = Text("cannot read it: %1", os_reason(exc))
        raise InputError(reason, title=damaged, where=source.name) from None
    except json.JSONDecodeError as exc:
        where = f"{source.name} line {exc.lineno}, column {exc.colno}"
        raise InputError(jsontext.reason(exc), title=damaged, where=where) from exc
    if not isinstance(data, dict) or data.get("format") != form:
        raise InputError(
            Text("expected an object with format %1", repr(form)), title=damaged, where=source.name
        )
    return data
