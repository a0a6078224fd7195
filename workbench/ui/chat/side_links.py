"""Where the conversation column's links lead in the side panel: a citation or a source to the
Sources page, a tool call waiting for its result to the Tool results form, a chip to its editor."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workbench.ui.chat.controller import ChatController
    from workbench.ui.chat.side import ChatSidePanel


class SideLinks:
    """Brings the side page a link points at to the front, showing what the link names."""

    def __init__(self, *, tabs: ChatSidePanel, controller: ChatController) -> None:
        self._tabs, self._controller = tabs, controller

    def show_citation(self, turn: int, spans: tuple[int, ...]) -> None:
        """Show the cited spans of turn `turn` (by their index in its citations) and what they
        cite."""
        cmap = self._controller.citations(turn)
        chosen = [cmap.spans[i] for i in spans if 0 <= i < len(cmap.spans)]
        self._tabs.sources.show_spans(chosen, self._controller.sources(turn))
        self._tabs.show_section(self._tabs.sources)

    def show_source(self, turn: int, doc_id: str) -> None:
        """Show the document or tool output `doc_id` turn `turn` cites, with its citations."""
        lookup = self._controller.sources(turn)
        self._tabs.sources.show_source(doc_id, self._controller.citations(turn), lookup)
        self._tabs.show_section(self._tabs.sources)

    def answer_tool_calls(self) -> None:
        """Open the Tool results form, focus in its first field."""
        form = self._tabs.tool_results
        self._tabs.show_section(form)
        form.setFocus()
        form.focusNextChild()

    def open_attachments(self, kind: str) -> None:
        """Open the editor of a chip's kind ("document", else the tools)."""
        tabs = self._tabs
        tabs.show_section(tabs.documents if kind == "document" else tabs.tools)
