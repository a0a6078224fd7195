"""The Rerank pane's inputs on disk: the query, the documents as typed and the form's values.

Kept so a restart brings back what was being tried (the chat keeps its inputs the same way).
What is written is JSON with secrets redacted, written atomically; a damaged file is said with
where it went wrong, never a traceback, and the pane then starts empty.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from workbench.api import jsontext
from workbench.api.errors import InputError
from workbench.api.redact import redact_json, redact_secrets
from workbench.api.text import Text
from workbench.core.atomic import write_atomically
from workbench.core.errors import os_reason
from workbench.core.settings import config_dir
from workbench.core.text_files import read_file_text

if TYPE_CHECKING:
    from pathlib import Path

INPUTS_FORMAT = "cohere-workbench.rerank-inputs"
INPUTS_FILE = "rerank_inputs.json"
DAMAGED = "Saved rerank inputs are damaged"


class SavedRerank(BaseModel):
    """What the Rerank pane restores at start (never a key: secrets are masked on writing)."""

    model_config = ConfigDict(extra="ignore")

    format: str = INPUTS_FORMAT
    version: int = 1
    query: str = ""
    documents: str = ""
    """The documents editor's text verbatim, valid JSON or not (it may be half typed)."""
    model: str = ""
    rank_fields: list[str] = Field(default_factory=list)
    top_n: int = Field(default=0, ge=0)
    max_chunks_per_doc: int = Field(default=0, ge=0)
    max_tokens_per_doc: int = Field(default=0, ge=0)
    return_documents: bool = False


def default_inputs_path() -> Path:
    """Where the Rerank inputs live: `rerank_inputs.json` in the config folder."""
    return config_dir() / INPUTS_FILE


def write_inputs(saved: SavedRerank, path: Path | None = None) -> Path:
    """Write `saved` with its secrets redacted (hosts kept), atomically; safe in a thread.

    Raises:
        OSError: the folder refused the file; the old file is as it was.
    """
    target = path or default_inputs_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    text = redact_json(saved.model_dump_json(indent=2), redact_secrets, indent=2)
    write_atomically(target, [text, "\n"], prefix=".rerank-", suffix=".json")
    return target


def load_inputs(path: Path | None = None) -> SavedRerank | None:
    """The saved inputs, or None when none were saved.

    Raises:
        InputError: the file cannot be read, or is not what `write_inputs` writes (`.where`
            says where).
    """
    source = path or default_inputs_path()
    if not source.exists():
        return None
    try:
        data = jsontext.loads(read_file_text(source))
    except OSError as exc:
        raise InputError(
            Text("cannot read it: %1", os_reason(exc)), title=DAMAGED, where=source.name
        ) from None
    except json.JSONDecodeError as exc:
        where = f"{source.name} line {exc.lineno}, column {exc.colno}"
        raise InputError(jsontext.reason(exc), title=DAMAGED, where=where) from exc
    if not isinstance(data, dict) or data.get("format") != INPUTS_FORMAT:
        raise InputError(
            Text("expected an object with format %1", repr(INPUTS_FORMAT)),
            title=DAMAGED,
            where=source.name,
        )
    try:
        return SavedRerank.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = f"{source.name}: " + ".".join(str(p) for p in first["loc"])
        raise InputError(first["msg"], title=DAMAGED, where=where) from exc
