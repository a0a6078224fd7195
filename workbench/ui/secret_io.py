"""The secret store's calls on a worker thread, each value wrapped while it crosses threads."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from pydantic import SecretStr

from workbench.api.redact import register_secret

if TYPE_CHECKING:
    from workbench.core.secrets import SecretStore


async def read_secret(store: SecretStore, ref: str) -> str | None:
    """`store.get(ref)` on a worker thread.

    The value crosses threads wrapped in a SecretStr: the executor logs callbacks, arguments
    and results at debug level, and a plain string would land in the log as it is.
    """
    wrapped = await asyncio.to_thread(_get_wrapped, store, ref)
    return wrapped.get_secret_value() if wrapped is not None else None


async def store_secret(store: SecretStore, ref: str, value: str | None) -> None:
    """`store.set(ref, value)` (or `delete` for None/'') on a worker thread, value wrapped."""
    if value:
        register_secret(value)
        await asyncio.to_thread(_set_wrapped, store, ref, SecretStr(value))
    else:
        await asyncio.to_thread(store.delete, ref)


def _get_wrapped(store: SecretStore, ref: str) -> SecretStr | None:
    value = store.get(ref)
    if not value:
        return None
    register_secret(value)  # any log line that still carries it gets redacted
    return SecretStr(value)


def _set_wrapped(store: SecretStore, ref: str, value: SecretStr) -> None:
    store.set(ref, value.get_secret_value())
