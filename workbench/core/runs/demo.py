"""Demo scripts: recorded chat turns saved in order, to be stepped through again with no network.

A script is a file of runs like `portable`'s (JSON lines, no keys) under its own header,
`{"format": "cohere-workbench-demo", "version": 1, "title": …}`; each further line is one chat
turn with its events, so the file alone replays anywhere. `DemoSteps` is the stepping itself
(which turn is next, how far the conversation went before each), shared by the GUI and the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from workbench.api.errors import InputError
from workbench.api.text import Text
from workbench.core.runs import portable

if TYPE_CHECKING:
    from collections.abc import Iterable

    from workbench.core.runs.store import RunRecord

FORMAT = "cohere-workbench-demo"
VERSION = 1


@dataclass
class DemoScript:
    """Chat turns in the order they are shown."""

    turns: list[RunRecord]
    title: str = ""


def script_of(records: Iterable[RunRecord], title: str = "") -> DemoScript:
    """A script of the chat turns among `records`, oldest first (other runs are left out).

    Raises:
        InputError: none of them is a chat turn.
    """
    turns = sorted((r for r in records if r.kind == "chat"), key=lambda r: r.created)
    if not turns:
        raise InputError(Text("a demo script needs at least one chat turn"))
    return DemoScript(turns, title)


def dumps(script: DemoScript, *, mask_hosts: bool = False) -> str:
    """The script as the text of its file (host names replaced with `mask_hosts`)."""
    header = {"format": FORMAT, "version": VERSION, "title": script.title}
    return portable.dumps(script.turns, mask_hosts=mask_hosts, header=header)


def loads(text: str) -> DemoScript:
    """The script in a file's text.

    Raises:
        InputError: naming the line (and field) that is wrong, or a line that is not a chat turn.
    """
    header, records = portable.read(text, FORMAT, VERSION)
    for number, record in enumerate(records, start=2):
        if record.kind != "chat":
            said = Text("field 'kind' must be 'chat' in a demo script")
            raise InputError(said, where=f"line {number}")
    if not records:
        raise InputError(Text("the script has no turns"), where="line 2")
    title = header.get("title")
    return DemoScript(records, title if isinstance(title, str) else "")


@dataclass
class DemoSteps:
    """Where a demo stands: how many of its turns were played, and the conversation's length
    before each (so a step back leaves the conversation as it was before that turn)."""

    script: DemoScript
    marks: list[int] = field(default_factory=list)
    """Turns in the conversation before each played step, in order."""

    @property
    def played(self) -> int:
        """How many of the script's turns were played."""
        return len(self.marks)

    @property
    def total(self) -> int:
        """How many turns the script has."""
        return len(self.script.turns)

    def has_next(self) -> bool:
        """Whether a turn is left to play."""
        return self.played < self.total

    def has_previous(self) -> bool:
        """Whether a step can be taken back."""
        return self.played > 0

    def forward(self, conversation_length: int) -> RunRecord:
        """The next turn to play, noting the conversation's length before it.

        Raises:
            IndexError: every turn was played.
        """
        record = self.script.turns[self.played]
        self.marks.append(conversation_length)
        return record

    def back_keeps(self) -> int:
        """How many turns the conversation keeps at the next step back (the step is not taken).

        Raises:
            IndexError: nothing was played.
        """
        return self.marks[-1]

    def back(self) -> int:
        """Take the last step back; returns how many turns the conversation keeps.

        Raises:
            IndexError: nothing was played.
        """
        return self.marks.pop()
