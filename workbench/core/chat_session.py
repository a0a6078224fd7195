"""The conversation model: turns, and the next ChatRequest for send/regenerate/edit/continue.

A turn is what one request produced: the user's message (or None when the turn only sends tool
results back), the tool results sent with it, and the assistant's reply as it stood when the stream
ended, was stopped or broke. History is rebuilt from the turns for every request, so editing an
earlier turn simply drops the turns after it. Saving the turns to a file is `saved_chat`'s job.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from workbench.api.errors import InputError
from workbench.api.models import (
    ChatMessage,
    ChatRequest,
    Citation,
    Document,
    GenerationParams,
    ImagePart,
    ResponseFormat,
    ToolCall,
    ToolResult,
    ToolSpec,
    Usage,
)
from workbench.api.text import Text
from workbench.core.citations import CitationMap, resolve_citations

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from workbench.api.stream import ChatSnapshot

_T = TypeVar("_T")


class Measured(BaseModel):
    """The values a turn's metrics line is drawn from, so the GUI can draw it again in another
    language (the line itself, `Reply.status`, is text in the language of the moment)."""

    metrics: dict[str, Any]
    """`chat_metrics.TurnMetrics` as a mapping of its fields."""
    thinking_s: float | None = None
    """How long the model thought before its first output, when it did."""
    response_format: ResponseFormat | None = None
    """The format the answer was asked in, for its schema verdict."""


class Reply(BaseModel):
    """The assistant's side of a turn, as it stood when the turn ended."""

    model_config = ConfigDict(extra="ignore", defer_build=True)  # built on first use

    text: str = ""
    thinking: str = ""
    tool_plan: str = ""
    tool_calls: list[ToolCall] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    documents: list[dict[str, Any]] = Field(default_factory=list)
    """Cited documents the server returned (v1 `documents`)."""
    search_queries: list[str] = Field(default_factory=list)
    usage: Usage | None = None
    finish_reason: str | None = None
    response_id: str | None = None
    cut_off: str | None = None
    """Why the answer is partial (stopped, stream broke, server error); None when complete."""
    status: str = ""
    """The metrics line shown under the turn."""
    measured: Measured | None = None
    """What `status` was drawn from (None for an imported or older turn: `status` is shown)."""
    _cut_off_said: Callable[[], str] | None = PrivateAttr(default=None)
    """Says `cut_off` again, in the words of the moment (the GUI's language), for a reason
    written in words that change (a failure): kept in memory only, the file keeps `cut_off`."""

    @property
    def is_empty(self) -> bool:
        """True when nothing usable arrived."""
        return not (self.text or self.tool_calls or self.tool_plan)

    def say_cut_off_with(self, said: Callable[[], str] | None) -> None:
        """Say `cut_off` through `said` from now on (None: as written)."""
        self._cut_off_said = said

    def cut_off_now(self) -> str | None:
        """Why the answer is partial, said again when there is a way to (`say_cut_off_with`)."""
        said = self._cut_off_said
        return said() if said is not None and self.cut_off else self.cut_off


def reply_from_snapshot(
    snapshot: ChatSnapshot, *, cut_off: str | None = None, status: str = ""
) -> Reply:
    """Freeze a stream snapshot into a reply; only complete tool calls are kept.

    Args:
        snapshot: the folded stream.
        cut_off: why it is partial; a server-side stream failure (`snapshot.error`) also counts.
        status: the metrics line.

    Returns:
        The reply.
    """
    calls = [
        ToolCall(id=c.id, name=c.name, parameters=params)
        for c in snapshot.tool_calls
        if (params := c.parameters()) is not None
    ]
    return Reply(
        text=snapshot.text,
        thinking=snapshot.thinking,
        tool_plan=snapshot.tool_plan,
        tool_calls=calls,
        citations=list(snapshot.citations),
        documents=[dict(d) for d in snapshot.documents],
        search_queries=list(snapshot.search_queries),
        usage=snapshot.usage,
        finish_reason=snapshot.finish_reason,
        response_id=snapshot.response_id,
        cut_off=cut_off or (str(snapshot.error) if snapshot.error else None),
        status=status,
    )


class Turn(BaseModel):
    """One request and what came back."""

    model_config = ConfigDict(extra="ignore", defer_build=True)  # built on first use

    user: str | None = None
    """The user's message; None for a turn that only sends tool results back."""
    images: list[ImagePart] = Field(default_factory=list)
    """Images sent with the user's message (data URIs, kept in history and exports)."""
    tool_results: list[ToolResult] = Field(default_factory=list)
    reply: Reply | None = None
    imported: bool = False
    """Set by the History section: the turn is carried as given, even with no or an empty reply."""
    system: str | None = None
    """A system message carried at this point of an imported history (nothing else is set)."""


class ChatFrame(BaseModel):
    """Everything around the conversation that each request carries."""

    model_config = ConfigDict(frozen=True, defer_build=True)  # built on first use

    model: str | None = None
    preamble: str = ""
    documents: list[Document] = Field(default_factory=list)
    tools: list[ToolSpec] = Field(default_factory=list)
    params: GenerationParams = Field(default_factory=GenerationParams)
    search_queries_only: bool = False


def history_of(turns: Sequence[Turn]) -> list[ChatMessage]:
    """Neutral history messages for the given turns, oldest first.

    A turn whose reply brought nothing usable is left out (with its message), so the history never
    holds two user messages in a row; regenerate it to keep it.
    """
    return [message for turn in turns for message in messages_of(turn)]


def messages_of(turn: Turn) -> tuple[ChatMessage, ...]:
    """The history messages one turn contributes (none for a turn without a usable reply)."""
    if turn.system is not None:
        return (ChatMessage(role="system", content=turn.system),)
    if not turn.imported and (turn.reply is None or turn.reply.is_empty):
        return ()
    messages: list[ChatMessage] = []
    if turn.user is not None:
        messages.append(ChatMessage(role="user", content=turn.user, images=turn.images))
    if turn.tool_results:
        messages.append(ChatMessage(role="tool", tool_results=turn.tool_results))
    reply = turn.reply
    if reply is not None:
        messages.append(
            ChatMessage(
                role="assistant",
                content=reply.text,
                tool_plan=reply.tool_plan or None,
                tool_calls=reply.tool_calls,
                thinking=reply.thinking or None,
            )
        )
    return tuple(messages)


class TurnMemo(Generic[_T]):
    """Values made from each turn, kept by position while the turn and its reply stay the same.

    A finished turn is not changed again (regenerate and edit make new turns; a reply is attached
    once), so what was made from it (its history messages, its JSON in the history file, its
    views) is made once and reused at every later Send or save; per-turn work that grew with the
    conversation on the UI thread (issue 15).
    """

    def __init__(self) -> None:
        self._kept: list[tuple[Turn, Reply | None, _T]] = []

    def of(self, turns: Sequence[Turn], make: Callable[[int, Turn], _T]) -> list[_T]:
        """`make(index, turn)` of every turn, made again only for turns not seen as they are."""
        kept = self._kept
        del kept[len(turns) :]
        values: list[_T] = []
        for index, turn in enumerate(turns):
            hit = kept[index] if index < len(kept) else None
            if hit is None or hit[0] is not turn or hit[1] is not turn.reply:
                hit = (turn, turn.reply, make(index, turn))
                if index < len(kept):
                    kept[index] = hit
                else:
                    kept.append(hit)
            values.append(hit[2])
        return values

    def forget(self) -> None:
        """Drop every kept value (the conversation was cleared or replaced)."""
        self._kept = []


def turns_of(messages: Sequence[ChatMessage]) -> list[Turn]:
    """Imported turns carrying exactly these messages: `history_of(turns_of(m)) == m`.

    A user message opens a turn; tool results and the assistant's reply join the open turn when
    they follow in that order, else open a turn of their own; a system message is a turn alone.
    """
    turns: list[Turn] = []
    for message in messages:
        last = turns[-1] if turns else None
        open_turn = last is not None and last.system is None and last.reply is None
        if message.role == "system":
            turns.append(Turn(imported=True, system=message.content))
        elif message.role == "user":
            turns.append(Turn(imported=True, user=message.content, images=message.images))
        elif message.role == "tool":
            if last is not None and open_turn and not last.tool_results:
                last.tool_results = list(message.tool_results)
            else:
                turns.append(Turn(imported=True, tool_results=list(message.tool_results)))
        else:
            reply = Reply(
                text=message.content,
                tool_plan=message.tool_plan or "",
                tool_calls=message.tool_calls,
                thinking=message.thinking or "",
                status="imported",
            )
            if last is not None and open_turn:
                last.reply = reply
            else:
                turns.append(Turn(imported=True, reply=reply))
    return turns


class ChatSession:
    """The conversation: a list of turns, and the request each action sends."""

    def __init__(self, turns: Sequence[Turn] = ()) -> None:
        self.turns: list[Turn] = list(turns)
        self._anchored: dict[int, tuple[Reply, CitationMap]] = {}
        """Turn index → its reply and that reply's citations anchored (computed once per reply)."""
        self._memo: TurnMemo[tuple[ChatMessage, ...]] = TurnMemo()
        """Each turn's history messages (frozen models), shared by the requests that follow."""

    def _request(self, frame: ChatFrame, turn: Turn, earlier: Sequence[Turn]) -> ChatRequest:
        return ChatRequest(
            message=turn.user,
            images=turn.images,
            model=frame.model,
            preamble=frame.preamble or None,
            history=self._history(earlier),
            documents=frame.documents,
            tools=frame.tools,
            tool_results=turn.tool_results,
            search_queries_only=frame.search_queries_only,
            params=frame.params,
        )

    def history(self) -> list[ChatMessage]:
        """The conversation the next request carries (what the History section shows)."""
        return self._history(self.turns)

    def _history(self, turns: Sequence[Turn]) -> list[ChatMessage]:
        """`history_of(turns)`, building only the messages of turns not seen as they are."""
        kept = self._memo.of(turns, lambda _, turn: messages_of(turn))
        return [message for messages in kept for message in messages]

    def replace_history(self, messages: Sequence[ChatMessage]) -> None:
        """Replace every turn with an imported (or edited) history."""
        self.turns = turns_of(messages)
        self._forget()

    def preview(
        self, message: str | None, frame: ChatFrame, editing: int | None = None
    ) -> ChatRequest:
        """The request Send would make with this message, without changing the conversation.

        With `editing`, as edit-and-resend of that turn would (later turns dropped).
        """
        earlier = self.turns if editing is None else self.turns[:editing]
        return self._request(frame, Turn(user=message), earlier)

    def send(self, message: str, frame: ChatFrame, images: Sequence[ImagePart] = ()) -> ChatRequest:
        """Start a new turn with a user message (and any images) and return its request."""
        turn = Turn(user=message, images=list(images))
        request = self._request(frame, turn, self.turns)
        self.turns.append(turn)
        return request

    def continue_with(self, results: Sequence[ToolResult], frame: ChatFrame) -> ChatRequest:
        """Start a turn that sends tool results for the last reply's calls."""
        if not self.turns or self.turns[-1].reply is None or not self.turns[-1].reply.tool_calls:
            raise InputError(Text("The last answer asked for no tool calls."), where="tool results")
        turn = Turn(user=None, tool_results=list(results))
        request = self._request(frame, turn, self.turns)
        self.turns.append(turn)
        return request

    def regenerate(self, frame: ChatFrame) -> ChatRequest:
        """Send the last turn again, replacing its reply."""
        if not self.turns:
            raise InputError(Text("There is no turn to regenerate yet."), where="conversation")
        if self.turns[-1].system is not None:
            raise InputError(Text("The last turn is a system message."), where="conversation")
        last = self.turns[-1].model_copy(update={"reply": None})
        self.turns[-1] = last
        return self._request(frame, last, self.turns[:-1])

    def edit_and_resend(self, index: int, message: str, frame: ChatFrame) -> ChatRequest:
        """Replace turn `index`'s message, drop every later turn, and send it again."""
        if not 0 <= index < len(self.turns) or self.turns[index].user is None:
            raise InputError(
                Text("Turn %1 has no message to edit.", str(index + 1)), where=f"turn {index + 1}"
            )
        del self.turns[index:]
        return self.send(message, frame)

    def finish(self, reply: Reply, citations: CitationMap | None = None) -> None:
        """Attach the reply to the turn in flight (with its citations, when already anchored)."""
        if self.turns:
            self.turns[-1].reply = reply
            if citations is not None:
                self._anchored[len(self.turns) - 1] = (reply, citations)

    def citations(self, index: int) -> CitationMap:
        """Turn `index`'s citations anchored on its answer (empty without a reply or citations)."""
        turn = self.turns[index] if 0 <= index < len(self.turns) else None
        reply = turn.reply if turn is not None else None
        if reply is None or not reply.citations:
            return CitationMap()
        known = self._anchored.get(index)
        if known is not None and known[0] is reply:
            return known[1]
        cmap = resolve_citations(reply.text, reply.citations)
        self._anchored[index] = (reply, cmap)
        return cmap

    def clear(self) -> None:
        """Forget every turn (and what was kept of them: a cleared conversation holds nothing)."""
        self.turns.clear()
        self._forget()

    def _forget(self) -> None:
        self._anchored.clear()
        self._memo.forget()
