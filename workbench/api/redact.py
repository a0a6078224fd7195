"""The one redactor: every string that leaves the program passes here, and no secret survives it.

It knows the secrets in play (keys, secret header values, proxy passwords, tokens: each registered
when it is read or typed) and masks each wherever it appears, and any fragment of 8 or more
characters of one, so a server that echoes a key, cut or quoted, in its error body cannot put it
on a projector. Header values next to a sensitive header name are masked even when the secret was
never registered.

The layers beside it: demo mode's host masking (`redact_hosts`, applied by `redact_text`), text
written in pieces (`redact_stream`) and log records (`redact_logs`).
"""

from __future__ import annotations

import json
import re
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any

from workbench.api.redact_hosts import demo_mode, mask_hosts, registered_hosts

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping, Set

SENSITIVE_HEADERS = frozenset(
    {
        "authorization",
        "api-key",
        "x-api-key",
        "proxy-authorization",
        "ocp-apim-subscription-key",
        "cookie",
        "set-cookie",
    }
)
"""Header names (lower case) whose values are secrets."""

REDACTED = "[redacted]"
FRAGMENT = 8
"""A run of this many characters of a secret is masked wherever it appears."""
_MIN_SECRET = 4
_SHORT_SECRETS_MASKED: ContextVar[bool] = ContextVar("short_secrets_masked", default=True)
"""False while a JSON object's key is masked (`mask_key`)."""

# `Authorization: Bearer abc`, `'api-key': 'abc'`, `x-api-key=abc`: the name, a separator, the value.
_HEADER_VALUE = re.compile(
    r"(?i)\b((?:proxy-)?authorization|x-api-key|api-key|ocp-apim-subscription-key)"
    r"(['\"]?\s*[:=]\s*['\"]?)(?!(?:(?:bearer|basic)\s+)?\[redacted\])"
    r"((?:bearer|basic)\s+)?[^\s'\",}\]]+"
)  # a value already redacted is left alone, so redacting twice changes nothing
HEADER_NAMES = ("authorization", "api-key", "ocp-apim-subscription-key")
"""Every name `_HEADER_VALUE` matches contains one of these (x-api-key, proxy-authorization)."""
# `scheme://user:password@host`: the password of a URL with credentials. URL parsers (urllib,
# httpx) end the user info at the authority's last "@", so a user or password may hold an "@"
# ("p@ss" must not show "ss"): the password runs to the last "@" before a space, "/" or '"' (the
# end of a JSON string), else, as before, to the first "@" (a password holding a quote).
_URL_PASSWORD = re.compile(r'(?i)\b([a-z][a-z0-9+.-]*://[^\s:/]*:)([^\s/"]+(?=@)|[^\s@/]+(?=@))(@)')
# A header name that says its value is secret (`X-Auth-Token`, `X-Subscription-Key`...).
_SECRET_NAME = re.compile(r"(?i)(key|token|secret|passw|auth|signature|cookie|credential)")
_COUNTING_PREFIXES = ("x-ratelimit-", "ratelimit-")
"""Rate-limit headers hold counts and times (`x-ratelimit-remaining-tokens: 199000`): what QA
reads after a 429, not secrets, though "token" is in the name. Their values still pass through
`redact_text`, so a registered secret in one is masked all the same."""


class _Registry:
    """The secrets in play and an index of their 8-character windows."""

    def __init__(self) -> None:
        self.secrets: set[str] = set()
        self.short: set[str] = set()
        """The secrets shorter than `FRAGMENT`: masked whole, as they have no windows."""
        self.windows: set[str] = set()
        self.blocks: set[str] = set()
        """The secrets' aligned half-fragments: every window holds one, and `str.find` (in C)
        finds them fast, so only the places around a block need a window check."""
        self.escaped = False
        """Whether a secret holds a character JSON may write as an escape (a quote, a
        backslash, a control or non-ASCII character): then JSON text can hold it unseen."""

    def add(self, value: str) -> None:
        self.secrets.add(value)
        if len(value) < FRAGMENT:
            self.short.add(value)
        self.escaped = self.escaped or json.dumps(value)[1:-1] != value
        for i in range(len(value) - FRAGMENT + 1):
            self.windows.add(value[i : i + FRAGMENT])
        if len(value) >= FRAGMENT:
            half = FRAGMENT // 2
            self.blocks.update(value[i : i + half] for i in range(0, len(value) - half + 1, half))

    def clear(self) -> None:
        self.secrets.clear()
        self.short.clear()
        self.windows.clear()
        self.blocks.clear()
        self.escaped = False


_registry = _Registry()


def register_secret(value: str | None) -> None:
    """Remember a secret so every string that still contains it (or 8+ characters of it) is masked.

    Both the value as given and its trimmed form are remembered (a key pasted with a line break).
    """
    if not value:
        return
    for form in {value, value.strip()}:
        if len(form) >= _MIN_SECRET:
            _registry.add(form)


def forget_secrets() -> None:
    """Forget every registered secret (tests start each case from none)."""
    _registry.clear()


def masking_state() -> tuple[frozenset[str], frozenset[str], bool]:
    """What decides what `redact_text` masks besides its fixed patterns: the registered secrets,
    the registered hosts and whether demo mode is on. Text redacted under one state may be
    reused while the state stays equal (the chat history keeps each turn's redacted JSON)."""
    return frozenset(_registry.secrets), registered_hosts(), demo_mode()


def registered_secrets() -> Set[str]:
    """The secrets registered so far, as they stand (a live view: the streaming readers in
    `redact_stream` look at it on every piece, so it is not copied)."""
    return _registry.secrets


def is_secret_header(name: str) -> bool:
    """Whether a header's name says its value is a secret (`Ocp-Apim-Subscription-Key`...)."""
    lowered = name.strip().lower()
    if lowered in SENSITIVE_HEADERS:
        return True
    return not lowered.startswith(_COUNTING_PREFIXES) and bool(_SECRET_NAME.search(name))


def secret_ranges(text: str) -> list[tuple[int, int]]:
    """Where registered secrets (whole, or 8+ characters of one) sit in `text`, merged."""
    ranges: list[tuple[int, int]] = []
    for secret in _registry.short if _SHORT_SECRETS_MASKED.get() else ():
        start = text.find(secret)
        while start >= 0:
            ranges.append((start, start + len(secret)))
            start = text.find(secret, start + 1)
    windows, half = _registry.windows, FRAGMENT // 2
    starts: set[int] = set()
    for block in _registry.blocks:
        found = text.find(block)
        while found >= 0:  # a window holding this block starts at most `half` before it
            starts.update(range(max(0, found - half), found + 1))
            found = text.find(block, found + 1)
    ranges += [(i, i + FRAGMENT) for i in starts if text[i : i + FRAGMENT] in windows]
    ranges.sort()
    merged: list[tuple[int, int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def redact_text(text: str) -> str:
    """The text with sensitive header values, URL passwords and registered secrets replaced,
    and in demo mode registered hosts too: for every string that leaves the program."""
    text = redact_secrets(text)
    return mask_hosts(text) if demo_mode() else text


def redact_secrets(text: str) -> str:
    """The text with sensitive header values, URL passwords and registered secrets replaced;
    hosts stay, demo mode or not: for what the program keeps (the run history)."""
    if not text:
        return text
    pieces, last = [], 0
    for start, end in secret_ranges(text):
        pieces += [text[last:start], REDACTED]
        last = end
    text = "".join([*pieces, text[last:]]) if pieces else text
    # Both patterns try every word of the text: ~300 ms for a 0.75 MB chat history, holding the
    # GIL (issue 15). They run only where their literal parts occur at all.
    if "://" in text and "@" in text:
        text = _URL_PASSWORD.sub(lambda m: f"{m.group(1)}{REDACTED}{m.group(3)}", text)
    if may_name_a_secret_header(text):
        text = _HEADER_VALUE.sub(
            lambda m: f"{m.group(1)}{m.group(2)}{m.group(3) or ''}{REDACTED}", text
        )
    return text


def may_name_a_secret_header(text: str) -> bool:
    """False only when no header name `_HEADER_VALUE` matches can be in `text`."""
    # re.IGNORECASE also matches these four with ASCII letters; fold them before lower().
    folded = text
    for odd, plain in (("\u0130", "i"), ("\u0131", "i"), ("\u017f", "s"), ("\u212a", "k")):
        if odd in folded:
            folded = folded.replace(odd, plain)
    folded = folded.lower()
    return any(name in folded for name in HEADER_NAMES)


def redact_value(value: Any, mask: Callable[[str], str] = redact_text) -> Any:
    """A copy of a JSON-like value (dicts, lists, strings) with every string passed through
    `mask`, keys through `mask_key`; numbers, booleans and None as they were."""
    if isinstance(value, str):
        return mask(value)
    if isinstance(value, dict):
        return {mask_key(str(k), mask): _masked_entry(str(k), v, mask) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [redact_value(v, mask) for v in value]
    return value


def _masked_entry(key: str, value: Any, mask: Callable[[str], str]) -> Any:
    """An object's value, masked; under a secret header's name (`"authorization": "Bearer
    ..."`), as the text pass masks it, which reads the name and the value together."""
    if isinstance(value, str) and may_name_a_secret_header(key):
        pair = mask(json.dumps({key: value}, ensure_ascii=False))
        try:
            seen = json.loads(pair)
        except ValueError:
            seen = None
        if isinstance(seen, dict) and len(seen) == 1:
            return mask(str(next(iter(seen.values()))))
    return redact_value(value, mask)


def mask_key(key: str, mask: Callable[[str], str] = redact_text) -> str:
    """`mask(key)` for a JSON object's key, except that a secret shorter than 8 characters
    (a proxy password) is not masked in it whole.

    Such a secret can be a word a file's format is made of ("user", "turns", "query"): masked
    in the keys, the history file, a stored run or an export no longer reads back, and all of
    it is lost. A key the format writes says nothing of the secret. Longer secrets, and any 8
    characters of one, are masked in keys as everywhere.
    """
    token = _SHORT_SECRETS_MASKED.set(False)
    try:
        return mask(key)
    finally:
        _SHORT_SECRETS_MASKED.reset(token)


def redact_json(
    text: str, mask: Callable[[str], str] = redact_text, *, indent: int | None = None
) -> str:
    """`mask(text)` for the text of a JSON document, unless that would no longer parse.

    Masking the text whole can cut through JSON's syntax: 8 digits of a key inside a number
    (`0.[redacted]`), or the letter after a backslash (`\\[redacted]`). A history file or a
    stored run in that state cannot be read back, and everything in it is lost. Then the
    document is masked string by string (`redact_value`) and written again, as `json.dumps`
    writes it with `indent` (compact without one), with the text's final line break kept.
    Numbers stay as they were: they are the data, and a number holding 8 digits of a key says
    nothing of which key. Text that was not JSON to begin with is masked as text.

    A secret with a character JSON escapes (a password with a quote or an accent) can sit in the
    text unseen, and so can any secret written in `\\uXXXX` escapes (a hostile server echoing the
    key so), so while one is registered, or the text holds such an escape, the strings are
    checked after parsing as well.
    """
    masked = mask(text)
    if _short_secret_in_a_key(text, masked):
        pass  # redone string by string, where keys keep them (`mask_key`)
    elif _registry.escaped or (_registry.secrets and "\\u" in text):
        # JSON may write any character as \uXXXX: a server can echo the key that way.
        if _strings_clean(masked, mask):
            return masked
    elif masked == text or _parses(masked):
        return masked
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return masked
    separators = (",", ": ") if indent is not None else (",", ":")
    again = json.dumps(
        redact_value(value, mask), indent=indent, separators=separators, ensure_ascii=False
    )
    return again + "\n" if text.endswith("\n") else again


def _short_secret_in_a_key(text: str, masked: str) -> bool:
    """Whether masking `text` whole took a secret shorter than 8 characters out of a key."""
    if masked == text:
        return False
    short = [secret for secret in _registry.short if secret in text]
    if not short:
        return False
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return False
    return any(secret in key for key, is_key in _strings(value) if is_key for secret in short)


def _parses(text: str) -> bool:
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


def _strings_clean(text: str, mask: Callable[[str], str]) -> bool:
    """Whether `text` parses and `mask` would change none of its strings (keys included)."""
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return False
    return all(
        (mask_key(string, mask) if is_key else mask(string)) == string
        for string, is_key in _strings(value)
    )


def _strings(value: Any) -> Iterator[tuple[str, bool]]:
    """Every string in a parsed JSON value, each with whether it is an object's key."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            yield item, False
        elif isinstance(item, dict):
            yield from ((key, True) for key in item)
            pending += item.values()
        elif isinstance(item, list):
            pending += item


def redact_headers(headers: Mapping[str, str], *, stored: bool = False) -> dict[str, str]:
    """A copy of the headers with secret values replaced, for display and logs (`stored`: for
    the run history, hosts kept as `redact_secrets` keeps them)."""
    redact = redact_secrets if stored else redact_text
    return {k: REDACTED if is_secret_header(k) else redact(v) for k, v in headers.items()}


def redacted_ranges(text: str) -> list[tuple[int, int]]:
    """Where in `text` `redact_text` finds something to mask: sorted, merged (start, end) ranges.

    For a view that must move positions into the text along (citation spans on an answer).
    """
    if not text:
        return []
    ranges = secret_ranges(text)
    if "://" in text and "@" in text:
        ranges += [m.span(2) for m in _URL_PASSWORD.finditer(text)]
    if may_name_a_secret_header(text):
        for m in _HEADER_VALUE.finditer(text):
            ranges.append((m.end(3) if m.group(3) is not None else m.end(2), m.end()))
    return merged_ranges(ranges)


def merged_ranges(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted ranges with overlapping or touching ones joined (as `redacted_ranges` joins them)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
