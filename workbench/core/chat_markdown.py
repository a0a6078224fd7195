"""Markdown cut points: where a streamed answer can be rendered piece by piece exactly as a whole.

A cut is the start of a line that follows a blank line and opens a new top-level block that
nothing before it can continue (it starts at column 0 and is no list item, quote, HTML or table
line). Before such a line every block is closed, so Markdown gives the same blocks whether the
text is parsed at once or in pieces split there. Constructs that reach across blank lines stop the
scan for good (HTML blocks, indented fences, task lists, whose marker Qt carries into later
blocks, lone CR line ends); link reference definitions reach *backwards*, so they are only
flagged and the caller renders such a text whole. The scan is incremental: each call reads only
the complete lines it has not seen, so streaming costs O(new text) per tick.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FENCE_OPEN = re.compile(r"(`{3,}|~{3,})(.*)")
_INDENTED_FENCE = re.compile(r"[ \t]+(```|~~~)")
_LIST_MARKER = re.compile(r"(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)")
_TASK_ITEM = re.compile(r"[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+\[[ xX]\](?:[ \t]|$)")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:", re.MULTILINE)
_INLINE_HTML = re.compile(r"<(?![A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>)[A-Za-z/!?]")
"""Raw HTML; Qt keeps collecting an unclosed inline tag across blocks (autolinks are fine)."""
_NOT_FRESH = frozenset(" \t>|<")
"""First characters of lines that may continue or reopen what came before a blank line."""


def _fresh(line: str) -> bool | None:
    """Whether a line can only open a new top-level block; None while too little has arrived."""
    if not line:
        return None
    if line[0] in _NOT_FRESH:
        return False
    if line[0] in "-+*" or line[0].isdigit():
        if _LIST_MARKER.match(line):
            return False
        digits = len(line) - len(line.lstrip("0123456789"))
        # "-" or "12" alone may still become "- item" or "12. item".
        return None if len(line) <= max(1, digits) else True
    return True


def _closes(line: str, fence: tuple[str, int]) -> bool:
    char, length = fence
    body = line.lstrip(" ")
    if len(line) - len(body) > 3:
        return False
    run = len(body) - len(body.lstrip(char))
    return run >= length and not body[run:].strip()


@dataclass
class MarkdownCuts:
    """Incremental scanner of one growing Markdown text (the text may only grow at its end)."""

    cut: int = 0
    """The last cut found: text[:cut] renders the same on its own as inside the whole text."""
    scanned: int = 0
    """Start of the first line not read yet."""
    fence: tuple[str, int] | None = None
    """Character and length of the code fence open at `scanned`."""
    blank_before: bool = False
    halted: bool = False
    """A construct that reaches across blank lines was seen: no further cuts."""
    has_references: bool = False
    """A link reference definition was seen (it changes links anywhere in the text)."""

    def advance(self, text: str) -> int:
        """Read the complete lines added since the last call and return the latest cut."""
        while not self.halted:
            end = text.find("\n", self.scanned)
            line = text[self.scanned :] if end == -1 else text[self.scanned : end]
            if self.blank_before and self.fence is None and self.scanned > 0:
                fresh = _fresh(line.rstrip("\r") if end != -1 else line)
                if fresh:
                    self.cut = self.scanned
            if end == -1:
                break
            self._read(line)
            self.scanned = end + 1
        return self.cut

    def references_in(self, text: str) -> bool:
        """Whether the whole text, unfinished last line included, may define link references."""
        self.advance(text)
        return self.has_references or bool(_REFERENCE_DEFINITION.search(text, self.scanned))

    def _read(self, line: str) -> None:
        if "\r" in line[:-1]:
            self.halted = True  # a lone CR ends a line for Markdown but not for this scan
            return
        if self.fence is not None:
            if _closes(line, self.fence):
                self.fence = None
            return
        if not line.strip():
            self.blank_before = True
            return
        self.blank_before = False
        if _REFERENCE_DEFINITION.match(line):
            self.has_references = True
        opened = _FENCE_OPEN.match(line)
        if opened and not (opened[1][0] == "`" and "`" in opened[2]):
            self.fence = (opened[1][0], len(opened[1]))
        elif (
            _INDENTED_FENCE.match(line)
            or _TASK_ITEM.match(line)
            or line.lstrip(" ").startswith("<")
            or _INLINE_HTML.search(line)
        ):
            self.halted = True


def stable_cut(text: str) -> int:
    """Length of the prefix made of finished Markdown blocks that render alike alone and whole."""
    return MarkdownCuts().advance(text)
