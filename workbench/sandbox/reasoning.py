"""Thinking for the sandbox's reasoning models: a few sentences before the answer or the plan."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workbench.sandbox import validate as v

if TYPE_CHECKING:
    from workbench.sandbox.prompt import Answer, Prompt


def thinking_budget(body: dict[str, Any], reasoning: bool) -> int | None:
    """How many words of thinking to produce: None for none; 0 for no budget.

    Raises a 400 for a malformed `thinking`, or `thinking` enabled on a model that cannot reason.
    """
    thinking = body.get("thinking")
    if thinking is None:
        return 0 if reasoning else None
    if not isinstance(thinking, dict):
        raise v.bad("thinking", "must be an object")
    v.required(thinking, "type", at="thinking")
    kind = v.choice(thinking, "type", ("enabled", "disabled"), at="thinking")
    budget = v.integer(thinking, "token_budget", low=1, at="thinking")
    if kind == "disabled":
        return None
    if not reasoning:
        raise v.bad("thinking", f"model '{body.get('model')}' does not support thinking")
    return budget or 0


def thinking_text(prompt: Prompt, answer: Answer, budget: int) -> str:
    """What the model 'thinks': the question restated, then what it will do (the plan on tool
    turns, since reasoning models plan in their thinking). Cut to `budget` words when set."""
    question = prompt.message.strip().rstrip(".?!") or "(none)"
    steps = [f"The question is: {question}."]
    if answer.tool_calls:
        steps.append(answer.tool_plan or "I will call the tools.")
    elif prompt.tool_outputs:
        steps.append(f"I have {len(prompt.tool_outputs)} tool results to answer from.")
    elif prompt.documents:
        steps.append(f"I will ground the answer in {len(prompt.documents)} documents.")
    else:
        steps.append("I can answer directly.")
    words = " ".join(steps).split(" ")
    return " ".join(words[:budget]) if budget else " ".join(words)
