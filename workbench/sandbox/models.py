"""What the sandbox's chat models take, keyed on Cohere's real model names.

Mirrors what Cohere's reference says (see docs/wire-notes.md), written here again on purpose: the
sandbox shares no code with the workbench, so a wrong table cannot pass on both sides of a test.
A model name it does not know behaves like Command A (no thinking, no images).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ModelTraits:
    """One chat model family as the sandbox plays it."""

    reasoning: bool = False
    """Thinks before answering unless `thinking.type` is `disabled`."""
    vision: bool = False
    safety_modes: tuple[str, ...] = ("CONTEXTUAL", "STRICT")


_OLDER = ModelTraits(safety_modes=("CONTEXTUAL", "STRICT", "OFF"))
_TABLE = (
    ("command-a-plus", ModelTraits(reasoning=True, vision=True)),
    ("command-a-reasoning", ModelTraits(reasoning=True)),
    ("command-a-vision", ModelTraits(vision=True)),
    ("command-r7b", ModelTraits()),
    ("command-r", _OLDER),
)
MAX_IMAGES = 20
MAX_IMAGE_BYTES = 20 * 1024 * 1024


def traits(model: str) -> ModelTraits:
    """The traits of `model` (by prefix, case-insensitive)."""
    name = model.lower()
    return next((t for prefix, t in _TABLE if name.startswith(prefix)), ModelTraits())
