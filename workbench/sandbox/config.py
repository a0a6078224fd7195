"""Settings of one sandbox server (address, key, pacing, quota, default faults, model names)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SandboxConfig:
    """How a sandbox serves; the defaults suit tests (no pacing, real serverless quota)."""

    host: str = "127.0.0.1"
    port: int = 0
    """0 picks a free port; the running sandbox reports the real one."""
    key: str | None = None
    """The only key accepted; None turns authentication off."""
    entra_secret: str | None = None
    """When set, keys are off and only Entra-style tokens signed with this secret pass (with
    their expiry checked): see `workbench.sandbox.entra_tokens`."""
    seed: int = 0
    """Default seed for generated answers when a request gives none."""
    rpm: int = 1000
    tpm: int = 200_000
    token_delay_ms: float = 0.0
    """Pause between streamed events, to look like a model generating."""
    default_faults: str = ""
    """Faults applied to every request (same syntax as the `x-sandbox-fault` header)."""
    chat_model: str = "command-r-plus-08-2024"
    rerank_model: str = "rerank-v3.5"
    access_log: bool = False
    """Log each request (the command line turns this on; tests keep it quiet)."""
