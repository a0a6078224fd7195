"""Request bodies as JSON bytes, each list item encoded once while the same object comes again.

A chat request carries the whole conversation, and encoding it at every Send grew to ~4 ms at 500
turns on the UI thread (issue 15). Cohere v2 hands back the same wire dict for a history message
it has seen before (`cohere_v2.messages`; v1 and OpenAI build new ones), so `BodyEncoder` keeps
the JSON of the dicts in a body's lists and encodes only the new ones. The bytes are exactly
httpx's `json=` bytes.
"""

from __future__ import annotations

import json
from typing import Any

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)
"""What httpx's `json=` encodes with; one instance, as `json.dumps` makes one per call."""


def dumps(value: Any) -> str:
    """`value` as httpx encodes a `json=` body (before UTF-8)."""
    return _ENCODER.encode(value)


class BodyEncoder:
    """Encodes request bodies, keeping the JSON of the dicts in the body's top-level lists.

    Only the dicts of the last body are kept (with the dicts themselves, so an id is not reused
    while kept); a caller must not change a dict it has sent.
    """

    def __init__(self) -> None:
        self._kept: dict[int, tuple[dict[str, Any], str]] = {}

    def forget(self) -> None:
        """Drop what the last body kept (a cleared conversation's history, until the next body)."""
        self._kept = {}

    def encode(self, body: dict[str, Any]) -> bytes:
        """The body's bytes: equal to `dumps(body).encode()`."""
        if not all(isinstance(key, str) for key in body):
            return dumps(body).encode("utf-8")  # json.dumps writes other keys as strings
        kept: dict[int, tuple[dict[str, Any], str]] = {}
        fields = []
        for key, value in body.items():
            text = self._list(value, kept) if isinstance(value, list) else dumps(value)
            fields.append(f"{dumps(key)}:{text}")
        self._kept = kept
        return ("{" + ",".join(fields) + "}").encode("utf-8")

    def _list(self, items: list[Any], kept: dict[int, tuple[dict[str, Any], str]]) -> str:
        texts = []
        for item in items:
            if not isinstance(item, dict):
                texts.append(dumps(item))
                continue
            hit = self._kept.get(id(item)) or kept.get(id(item))
            if hit is None or hit[0] is not item:
                hit = (item, dumps(item))
            kept[id(item)] = hit
            texts.append(hit[1])
        return "[" + ",".join(texts) + "]"
