"""The Services bundle every pane receives, assembled once around the settings and the keyring."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from workbench.core.errors import os_reason
from workbench.ui.async_bridge import TaskRunner
from workbench.ui.common.demo import DemoMode
from workbench.ui.common.l10n import fill
from workbench.ui.endpoint_session import EndpointSession
from workbench.ui.notices import NoticeCenter

if TYPE_CHECKING:
    import asyncio

    from workbench.core.runs.history import History
    from workbench.core.secrets import SecretStore
    from workbench.core.settings import SettingsStore


@dataclass(frozen=True)
class Services:
    """What every pane receives: built once in `ui/app.py` (or a test fixture), passed down."""

    notices: NoticeCenter
    tasks: TaskRunner
    session: EndpointSession
    secrets: SecretStore
    settings: SettingsStore
    demo: DemoMode
    """Demo mode: the switch, and what masks hosts, enlarges fonts and hides connections."""
    history: History | None = None
    """The run history (None: nothing is recorded, as in tests that do not ask for it). The app
    opens it once the window is shown (`attach_history`)."""

    def attach_history(self, history: History | None) -> None:
        """Record runs in `history` from now on.

        Opening the history imports the run store and its writer and, on a first run, creates
        the database (fsyncs included): 30-80 ms the first paint does not need (issue 15). The
        app attaches it on the event loop's first turn, before a request can be sent; clients
        built before it would record from then on too.
        """
        object.__setattr__(self, "history", history)  # frozen for the panes, set once by the app
        self.session.attach_history(history)

    @classmethod
    def assemble(
        cls,
        *,
        store: SettingsStore,
        secrets: SecretStore,
        loop: asyncio.AbstractEventLoop | None = None,
        notices: NoticeCenter | None = None,
        history: History | None = None,
    ) -> Services:
        """Wire the services around a settings store and a secret store.

        Args:
            store: the settings (endpoints, per-pane choices).
            secrets: where keys live (the OS keyring in the app).
            loop: the qasync loop tasks run on; the running loop when None.
            notices: a notice center that already exists (the app posts start-up problems to it).
            history: the run history GUI runs are recorded in (None: none are).

        Returns:
            The bundle every pane receives.
        """
        center = notices or NoticeCenter()
        store.on_save_failed = functools.partial(_settings_not_saved, center)
        session = EndpointSession(store=store, secrets=secrets, history=history)
        return cls(
            notices=center,
            tasks=TaskRunner(center, loop=loop),
            session=session,
            secrets=secrets,
            settings=store,
            demo=DemoMode(session=session, store=store),
            history=history,
        )


def _settings_not_saved(notices: NoticeCenter, exc: OSError) -> None:
    """Say once that settings cannot be written; every change stays for this session."""
    title = QCoreApplication.translate("Services", "Settings could not be saved")
    detail = QCoreApplication.translate(
        "Services",
        "Your changes are kept while the workbench runs and saved as soon as the settings "
        "folder can be written again: %1",
    )
    notices.warn(title, fill(detail, os_reason(exc)))
