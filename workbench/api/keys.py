"""Keys as they may travel: trimmed of surrounding blanks, refused when a header cannot carry them."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.api.errors import InputError
from workbench.api.redact import register_secret
from workbench.api.text import Text

_HEADER_SAFE = frozenset(chr(c) for c in range(0x20, 0x7F)) | {"\t"}
"""What httpx sends in a header value: visible ASCII, spaces and tabs."""


@dataclass(frozen=True)
class CheckedKey:
    """A key ready to send, and whether blanks or line breaks around it were removed."""

    value: str
    trimmed: bool


def check_key(raw: str, *, where: str = "API key") -> CheckedKey:
    """Trim a key and check it can travel in an HTTP header; the key is registered as a secret.

    Args:
        raw: the key as typed, pasted or read (an environment variable, the keyring).
        where: how the person gave it, for the error.

    Returns:
        The trimmed key, and whether trimming changed it.

    Raises:
        InputError: the key holds a control character or a character outside ASCII; the message
            says which kind, never the key.
    """
    register_secret(raw)
    value = raw.strip()
    kind = unsendable_kind(value)
    if kind:
        raise InputError(
            Text(
                "the key contains %1 inside it, which an HTTP header cannot carry; "
                "copy the key again from its source",
                kind,
            ),
            title="Unusable API key",
            where=where,
        )
    return CheckedKey(value, trimmed=value != raw)


def unsendable_kind(value: str) -> Text | None:
    """What in `value` an HTTP header cannot carry ("a control character", "a character outside
    ASCII"), or None when it can travel; never the character itself (it may be part of a key)."""
    for char in value:
        if char in _HEADER_SAFE:
            continue
        control = ord(char) < 0x20 or ord(char) == 0x7F
        return Text("a control character") if control else Text("a character outside ASCII")
    return None
