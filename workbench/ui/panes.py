"""The pane registry: one list of pane descriptions drives the main window's tabs, menus and keys.

The main window builds one tab per entry of `PANES`, in order, and derives everything else from
the same entry: the View menu action and its Ctrl+<position> shortcut (listed in the shortcuts
sheet with the rest), the tab's tool tip, what Cancel calls, and the key settings remember the
last pane under.
Adding a pane is one package under `workbench/ui/` and one line here.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication

from workbench.ui.common.keys import without_mnemonic
from workbench.ui.common.l10n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from workbench.ui.services import Services


@runtime_checkable
class Pane(Protocol):
    """What the main window asks of every pane (each is also a QWidget).

    The pane sets its own accessible name (screen readers announce it for the whole tab) and
    an object name in camelCase; Cancel (Ctrl+. and the Run menu) calls `cancel()` on the pane
    showing, which stops its work and leaves its state consistent.
    """

    def cancel(self) -> None:
        """Stop what the pane is doing; inputs and results so far stay."""

    def accessibleName(self) -> str:
        """What a screen reader announces for the pane."""


@runtime_checkable
class SamplePane(Pane, Protocol):
    """A pane that can show itself working on a shipped sample (screenshots, demos, tests)."""

    def load_sample(self) -> None:
        """Fill the inputs from the shipped sample and run it."""


class PaneFactory(Protocol):
    """How a pane is made: every pane class takes the services and a parent widget."""

    def __call__(self, *, services: Services, parent: QWidget | None = None) -> Pane:
        """A new pane."""


@dataclass(frozen=True)
class PaneSpec:
    """One pane as the main window shows it."""

    key: str
    """Names the pane in settings (the remembered last pane) and in code (`show_pane("chat")`)."""
    title: str
    """Its tab and View menu title in English, marked for translation in the "Panes" context
    (`QT_TRANSLATE_NOOP`); "&" marks the menu's mnemonic and is dropped on the tab."""
    factory: PaneFactory
    """Builds the pane."""

    @property
    def menu_title(self) -> str:
        """The title in the current language, with its mnemonic mark."""
        return QCoreApplication.translate("Panes", self.title)

    @property
    def tab_title(self) -> str:
        """The title in the current language without its mnemonic mark."""
        return without_mnemonic(self.menu_title)


@dataclass(frozen=True)
class LazyPane:
    """A pane factory that imports the pane's module on first use.

    Start-up imports only the modules of the pane it shows first (issue 15): each pane package
    pulls in its own share of core (evaluation statistics, QA catalogue, charts, …).
    """

    module: str
    """The module defining the pane class ("workbench.ui.chat.pane")."""
    name: str
    """The pane class's name in that module."""

    def __call__(self, *, services: Services, parent: QWidget | None = None) -> Pane:
        """A new pane, its module imported now if it was not yet."""
        kind = getattr(importlib.import_module(self.module), self.name)
        pane: Pane = kind(services=services, parent=parent)
        return pane


PANES: tuple[PaneSpec, ...] = (
    PaneSpec(
        "rerank",
        QT_TRANSLATE_NOOP("Panes", "&Rerank"),
        LazyPane("workbench.ui.rerank.pane", "RerankPane"),
    ),
    PaneSpec(
        "chat", QT_TRANSLATE_NOOP("Panes", "&Chat"), LazyPane("workbench.ui.chat.pane", "ChatPane")
    ),
    PaneSpec(
        "endpoints",
        QT_TRANSLATE_NOOP("Panes", "&Endpoints"),
        LazyPane("workbench.ui.endpoints.pane", "EndpointsPane"),
    ),
    PaneSpec(
        "history",
        QT_TRANSLATE_NOOP("Panes", "&History"),
        LazyPane("workbench.ui.history.pane", "HistoryPane"),
    ),
    PaneSpec(
        "evaluation",
        QT_TRANSLATE_NOOP("Panes", "E&valuation"),
        LazyPane("workbench.ui.evaluation.pane", "EvaluationPane"),
    ),
    PaneSpec("qa", QT_TRANSLATE_NOOP("Panes", "&QA"), LazyPane("workbench.ui.qa.pane", "QaPane")),
    PaneSpec(
        "compare",
        QT_TRANSLATE_NOOP("Panes", "C&ompare"),
        LazyPane("workbench.ui.compare.pane", "ComparePane"),
    ),
)
"""The panes in tab order; Ctrl+1, Ctrl+2, … follow this order."""


def pane_shortcut(position: int) -> str:
    """The View menu shortcut of the pane at this tab position (0-based): Ctrl+1, Ctrl+2, …"""
    return f"Ctrl+{position + 1}"
