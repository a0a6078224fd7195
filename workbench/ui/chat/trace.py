"""Trace: a timeline tree per turn — tool plan, tool calls with parameters, results, queries, citations."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from workbench.core.turns import STOPPED
from workbench.ui.common.core_text import shown

if TYPE_CHECKING:
    from workbench.api.models import Citation, ToolCall, ToolResult


@dataclass(frozen=True)
class TraceTurn:
    """What the trace shows for one turn."""

    index: int
    title: str | None
    """The user's message; None for a turn without one (see `untitled`)."""
    untitled: str = "assistant"
    """What a turn without a user message is: "system", "tool results" or "assistant"."""
    tool_results_sent: tuple[ToolResult, ...] = ()
    tool_plan: str = ""
    thinking_plan: str = ""
    """A reasoning model's plan, which on a tool turn arrives as thinking (no tool plan)."""
    tool_calls: tuple[ToolCall, ...] = ()
    pending_calls: tuple[tuple[str, str], ...] = ()
    """(name, arguments so far) of calls still streaming."""
    search_queries: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = ()
    finish_reason: str | None = None
    cut_off: str | None = None


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class TraceView(QTreeWidget):
    """One top-level item per turn; the live turn's item is rebuilt on each coalesced render."""

    def __init__(self, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatTrace")
        self.setColumnCount(2)
        self.setColumnWidth(0, 220)
        self._items: dict[int, QTreeWidgetItem] = {}
        self._shown: list[TraceTurn] = []
        """What each top-level item shows, in item order."""
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        """Apply a language switch: the header and every turn's steps are drawn again."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            turns, self._shown = self._shown, []
            self.clear()
            self._items.clear()
            self.set_turns(turns)
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set the header and the name in the current language."""
        self.setAccessibleName(self.tr("Tool and search trace"))
        self.setHeaderLabels([self.tr("Step"), self.tr("Detail")])

    def set_turns(self, turns: list[TraceTurn]) -> None:
        """Show exactly these turns, keeping the items of leading turns that did not change.

        Starting a turn in a long conversation then costs one item, not the whole trace again.
        """
        kept = 0
        for old, new in zip(self._shown, turns, strict=False):
            if old != new:
                break
            kept += 1
        while len(self._shown) > kept:
            self.takeTopLevelItem(len(self._shown) - 1)
            self._items.pop(self._shown.pop().index, None)
        for turn in turns[kept:]:
            self.show_turn(turn)

    def show_turn(self, turn: TraceTurn) -> None:
        """Add or replace the item of one turn."""
        old = self._items.get(turn.index)
        item = self._build(turn)
        if old is not None:
            position = self.indexOfTopLevelItem(old)
            self.takeTopLevelItem(position)
            self.insertTopLevelItem(position, item)
            self._shown[position] = turn
        else:
            self.addTopLevelItem(item)
            self._shown.append(turn)
        self._items[turn.index] = item
        item.setExpanded(True)
        for child in _children(item):
            child.setExpanded(True)

    def steps(self, turn: int) -> list[str]:
        """The step labels of a turn, in order (tests and accessibility)."""
        item = self._items.get(turn)
        if item is None:
            return []
        return [child.text(0) for child in _children(item)]

    def detail(self, turn: int, step: int) -> str:
        """The detail column of one step."""
        return _children(self._items[turn])[step].text(1)

    def _build(self, turn: TraceTurn) -> QTreeWidgetItem:
        title = turn.title if turn.title is not None else self._untitled(turn.untitled)
        item = QTreeWidgetItem([self.tr("Turn %1").replace("%1", str(turn.index + 1)), title])
        for result in turn.tool_results_sent:
            label = self.tr("Tool result → %1").replace("%1", result.call.name)
            step = _child(item, label, _json(result.outputs))
            for n, output in enumerate(result.outputs):
                _child(step, self.tr("output %1").replace("%1", str(n)), _json(output))
        if turn.tool_plan:
            _child(item, self.tr("Tool plan"), turn.tool_plan)
        elif turn.thinking_plan:
            _child(
                item,
                self.tr("Tool plan"),
                self.tr("(thinking) %1").replace("%1", turn.thinking_plan),
            )
        for call in turn.tool_calls:
            step = _child(item, self.tr("Tool call %1").replace("%1", call.name), call.id or "")
            for key, value in call.parameters.items():
                _child(step, key, _json(value))
        for name, arguments in turn.pending_calls:
            _child(item, self.tr("Tool call %1 (streaming)").replace("%1", name), arguments)
        for query in turn.search_queries:
            _child(item, self.tr("Search query"), query)
        for citation in turn.citations:
            sources = ", ".join(d for d in citation.document_ids if d) or self.tr("no source id")
            label = self.tr("Citation «%1»").replace("%1", citation.text)
            _child(item, label, f"{citation.start}..{citation.end} → {sources}")
        if turn.cut_off == STOPPED:
            # The person's own choice, named as the transcript names it ("■ Stopped by you"):
            # no "Cut off", which is for what the server or the network cut.
            _child(item, shown(STOPPED), "")
        elif turn.cut_off:
            # Core's fixed reason (no final event) comes in English; a failure is said in the
            # GUI's words already, and passes through as it is.
            _child(item, self.tr("Cut off"), shown(turn.cut_off))
        elif turn.finish_reason:
            _child(item, self.tr("Finished"), turn.finish_reason)
        return item

    def _untitled(self, kind: str) -> str:
        if kind == "system":
            return self.tr("system message")
        return self.tr("tool results") if kind == "tool results" else self.tr("assistant")


def _child(parent: QTreeWidgetItem, label: str, detail: str) -> QTreeWidgetItem:
    child = QTreeWidgetItem([label, detail])
    child.setToolTip(1, detail[:2000])
    parent.addChild(child)
    return child


def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
    return [c for n in range(item.childCount()) if (c := item.child(n)) is not None]
