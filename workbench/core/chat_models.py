"""What each Cohere chat model family takes: thinking, images, safety modes, tool choice.

Sources (checked December 2026, see docs/wire-notes.md): the official `cohere` SDK's docstrings
(`safety_mode`: "`command-r7b-12-2024` and newer models only support CONTEXTUAL and STRICT";
`tool_choice`: "only compatible with Command-r7b and newer"; `thinking`: "enabled by default for
models that support it"), and Cohere's model pages (Command A Reasoning, Command A Vision: "up to
20 images per request", Command A+: reasoning and vision). A model name that matches no family is
unknown: nothing is refused for it, every choice stays offered.
"""

from __future__ import annotations

from dataclasses import dataclass

ALL_SAFETY_MODES = ("CONTEXTUAL", "STRICT", "OFF")
NEWER_SAFETY_MODES = ("CONTEXTUAL", "STRICT")


@dataclass(frozen=True, slots=True)
class ChatFamily:
    """One family of chat models and what the API reference says it takes."""

    name: str
    prefixes: tuple[str, ...]
    thinking: bool = False
    """Takes `thinking` (reasoning is then on unless `type` is `disabled`)."""
    images: bool = False
    max_images: int = 0
    safety_modes: tuple[str, ...] = NEWER_SAFETY_MODES
    tool_choice: bool = True


FAMILIES = (
    ChatFamily("Command A+", ("command-a-plus",), thinking=True, images=True, max_images=20),
    ChatFamily("Command A Reasoning", ("command-a-reasoning",), thinking=True),
    ChatFamily("Command A Vision", ("command-a-vision",), images=True, max_images=20),
    ChatFamily("Command A", ("command-a-",)),
    ChatFamily("Command R7B", ("command-r7b",)),
    ChatFamily(
        "Command R+ / R",
        ("command-r-plus", "command-r-", "command-r"),
        safety_modes=ALL_SAFETY_MODES,
        tool_choice=False,
    ),
)
"""Most specific prefix first: `command-a-plus` before `command-a-`."""

MAX_IMAGE_BYTES_TOTAL = 20 * 1024 * 1024
"""Total size of the images of one request (20 MB; *unverified*, see docs/wire-notes.md)."""


def family_of(model: str | None) -> ChatFamily | None:
    """The family a model name belongs to (case-insensitive prefix), or None when unknown."""
    name = (model or "").strip().lower()
    for family in FAMILIES:
        if any(name.startswith(prefix) for prefix in family.prefixes):
            return family
    return None


def safety_modes_for(model: str | None) -> tuple[str, ...]:
    """The safety modes worth offering for a model (all three when it is unknown)."""
    family = family_of(model)
    return family.safety_modes if family else ALL_SAFETY_MODES


def safety_choices(model: str | None) -> tuple[str, ...]:
    """The safety modes to offer in a form: the family's, with OFF also spelt NONE (Cohere v1's
    word for it) where the family takes it; every mode for an unknown model."""
    modes = safety_modes_for(model)
    if "OFF" not in modes:
        return modes
    return (*(m for m in modes if m != "OFF"), "NONE", "OFF")


def takes_thinking(model: str | None) -> bool:
    """Whether to offer `thinking` (unknown models: yes, the server decides)."""
    family = family_of(model)
    return family is None or family.thinking


def takes_images(model: str | None) -> bool:
    """Whether to offer image attachments (unknown models: yes, the server decides)."""
    family = family_of(model)
    return family is None or family.images
