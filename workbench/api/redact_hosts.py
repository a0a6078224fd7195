"""Demo mode's layer of the redactor: the hosts of every configured endpoint, masked on screen.

While demo mode is on (`set_demo_mode`), the hosts registered with `register_host` are masked as
well, so nothing leaving the program names a deployment while the screen is projected. Outside
demo mode hosts pass unchanged (a log or a CLI line needs them). `redact.redact_text` applies this
layer; `mask_hosts` applies it alone, demo mode or not.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

MASKED_HOST = "host.invalid"
"""What a registered host (or host:port) becomes in demo mode: a name that cannot resolve
(RFC 6761), so a masked URL is still a URL for whatever parses it."""
_MIN_HOST = 4


class _Demo:
    """Demo mode's switch and the hosts it masks, with one pattern matching any of them."""

    def __init__(self) -> None:
        self.on = False
        self.hosts: set[str] = set()
        self.seen: set[str] = set()
        """URLs already registered: the History pane registers each listed run's (10,000+)."""
        self.pattern: re.Pattern[str] | None = None

    def add(self, host: str) -> None:
        host = host.strip().lower()
        if len(host) < _MIN_HOST or host in self.hosts:
            return
        self.hosts.add(host)
        # Longest first, so `host:8080` is masked whole before `host` alone. No word boundaries:
        # masking a host inside a longer name (or after an escaped `\n`) shows too little,
        # never too much, which is the side demo mode errs on.
        names = "|".join(re.escape(h) for h in sorted(self.hosts, key=len, reverse=True))
        self.pattern = re.compile(f"(?i)(?:{names})")

    def clear(self) -> None:
        self.on = False
        self.hosts.clear()
        self.seen.clear()
        self.pattern = None


_demo = _Demo()


def set_demo_mode(on: bool) -> None:
    """Switch demo mode: while on, every registered host is masked too (see `register_host`)."""
    _demo.on = on


def demo_mode() -> bool:
    """Whether demo mode is on."""
    return _demo.on


def register_host(url: str | None) -> None:
    """Remember the host of a URL (or a bare host name) so demo mode masks it wherever it appears.

    Both `host:port` and the host alone are remembered; hosts shorter than 4 characters are not.
    """
    if not url or url in _demo.seen:
        return
    _demo.seen.add(url)
    try:
        parts = urlsplit(url if "://" in url else f"//{url}")
        hostname = parts.hostname
        netloc = parts.netloc.rpartition("@")[2]  # never a URL's user and password
    except ValueError:  # a malformed port or IPv6 literal: remember what can be told
        hostname, netloc = None, ""
    for host in (netloc, hostname):
        if host:
            _demo.add(host)


def forget_hosts() -> None:
    """Forget every registered host and switch demo mode off (tests start each case from none)."""
    _demo.clear()


def mask_hosts(text: str) -> str:
    """The text with every registered host replaced by `MASKED_HOST`, demo mode or not."""
    if not text or _demo.pattern is None:
        return text
    return _demo.pattern.sub(MASKED_HOST, text)


def registered_hosts() -> frozenset[str]:
    """The hosts (and host:port pairs) registered so far (for `redact.masking_state`)."""
    return frozenset(_demo.hosts)
