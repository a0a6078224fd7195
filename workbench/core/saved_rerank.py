"""The Rerank pane's inputs on disk: the query, the documents as typed and the form's values.

Kept so a restart brings back what was being tried (the chat keeps its inputs the same way).
What is written is JSON with secrets redacted, written atomically; a damaged file is said with
where it went wrong, never a traceback, and the pane then starts empty.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from workbench.api.errors import InputError
from workbench.api.text import Text
from workbench.core.saved_texts import read_saved, write_saved
from workbench.core.settings import config_dir

if TYPE_CHECKING:
    from pathlib import Path

INPUTS_FORMAT = "cohere-workbench.rerank-inputs"
INPUTS_FILE = "rerank_inputs.json"
DAMAGED = "Saved rerank inputs are damaged"
_LARGEST = 2**31 - 1
"""The largest whole number a Qt spin box holds (a larger one raised OverflowError there)."""


class SavedRerank(NamedTuple):
    """What the Rerank pane restores at start (never a key: secrets are masked on writing).

    A named tuple, not a pydantic model or a dataclass: the pane is built with the first window,
    and making either class cost the start-up a millisecond or more.
    """

    query: str = ""
    documents: str = ""
    """The documents editor's text verbatim, valid JSON or not (it may be half typed)."""
    model: str = ""
    rank_fields: tuple[str, ...] = ()
    top_n: int = 0
    max_chunks_per_doc: int = 0
    max_tokens_per_doc: int = 0
    return_documents: bool = False
    relevant_spans: bool = False
    span_threshold: float = 0.1
    max_spans: int = 0
    priority: int = 0

    @classmethod
    def from_json(cls, data: dict[str, Any], name: str) -> SavedRerank:
        """The inputs in `data` (read from the file `name`); unknown keys are ignored.

        Raises:
            InputError: a field of the wrong type or out of range (`.where`: "name: field").
        """
        values: dict[str, Any] = {}
        for key, default in cls._field_defaults.items():
            if key in data:
                problem = _problem(data[key], type(default))
                if problem is not None:
                    raise InputError(problem, title=DAMAGED, where=f"{name}: {key}")
                values[key] = tuple(data[key]) if isinstance(data[key], list) else data[key]
        return cls(**values)


def _problem(value: Any, kind: type) -> Text | None:
    """What is wrong with `value` for a field whose default is of type `kind`, or None."""
    if kind is str:
        return None if isinstance(value, str) else Text("must be a string")
    if kind is bool:
        return None if isinstance(value, bool) else Text("must be true or false")
    if kind is int:
        whole = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= _LARGEST
        return None if whole else Text("must be a whole number from 0 to %1", str(_LARGEST))
    if kind is float:
        number = isinstance(value, int | float) and not isinstance(value, bool)
        return None if number and 0 <= value <= 1 else Text("must be a number from 0 to 1")
    strings = isinstance(value, list) and all(isinstance(v, str) for v in value)
    return None if strings else Text("must be a list of strings")


def default_inputs_path() -> Path:
    """Where the Rerank inputs live: `rerank_inputs.json` in the config folder."""
    return config_dir() / INPUTS_FILE


def write_inputs(saved: SavedRerank, path: Path | None = None) -> Path:
    """Write `saved` with its secrets redacted (hosts kept), atomically; safe in a thread.

    Raises:
        OSError: the folder refused the file; the old file is as it was.
    """
    data = {"format": INPUTS_FORMAT, "version": 1, **saved._asdict()}
    return write_saved(path or default_inputs_path(), data)


def load_inputs(path: Path | None = None) -> SavedRerank | None:
    """The saved inputs, or None when none were saved.

    Raises:
        InputError: the file cannot be read, or is not what `write_inputs` writes (`.where`
            says where).
    """
    source = path or default_inputs_path()
    if not source.exists():
        return None
    return SavedRerank.from_json(read_saved(source, INPUTS_FORMAT, DAMAGED), source.name)
