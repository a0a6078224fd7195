"""Generation parameters shared by the chat flavours: sampling ranges, limits, seeds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbench.sandbox import validate as v


@dataclass(frozen=True)
class Generation:
    """What bounds an answer: token limit, stop sequences, seed and temperature."""

    max_tokens: int | None
    stop_sequences: tuple[str, ...]
    seed: int | None
    temperature: float
    stream: bool


def cohere_generation(body: dict[str, Any]) -> Generation:
    """Read and range-check Cohere's sampling fields (v1 and v2 share them)."""
    temperature = v.number(body, "temperature", 0, 2)
    v.number(body, "p", 0.01, 0.99)
    v.integer(body, "k", low=0, high=500)
    v.number(body, "frequency_penalty", 0, 1)
    v.number(body, "presence_penalty", 0, 1)
    return Generation(
        max_tokens=v.integer(body, "max_tokens", low=1),
        stop_sequences=tuple(v.string_list(body, "stop_sequences", most=5)),
        seed=v.integer(body, "seed"),
        temperature=0.3 if temperature is None else temperature,
        stream=v.boolean(body, "stream"),
    )


def openai_generation(body: dict[str, Any]) -> Generation:
    """Read and range-check the OpenAI-style sampling fields."""
    temperature = v.number(body, "temperature", 0, 2)
    v.number(body, "top_p", 0, 1)
    v.number(body, "frequency_penalty", -2, 2)
    v.number(body, "presence_penalty", -2, 2)
    v.integer(body, "n", low=1, high=1)
    max_tokens = v.integer(body, "max_tokens", low=1)
    if max_tokens is None:
        max_tokens = v.integer(body, "max_completion_tokens", low=1)
    return Generation(
        max_tokens=max_tokens,
        stop_sequences=tuple(v.string_list(body, "stop", most=4, lone=True)),
        seed=v.integer(body, "seed"),
        temperature=1.0 if temperature is None else temperature,
        stream=v.boolean(body, "stream"),
    )
