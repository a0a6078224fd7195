"""QA pane: runs the deployment checks against a saved endpoint, live, and saves the report."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QEvent, Signal
from shiboken6 import isValid

from workbench.api.errors import WorkbenchError
from workbench.core.qa.catalogue import select
from workbench.core.qa.context import QaOptions
from workbench.core.qa.runner import CheckFinished, CheckStarted, QaRun
from workbench.ui.common.a11y import swap_for_work
from workbench.ui.common.kept_texts import KeptTexts, listed_choice, number_choice, ticked_choice
from workbench.ui.common.keys import escape_cancels, with_keys, without_mnemonic
from workbench.ui.common.l10n import fill
from workbench.ui.common.pane_error import log_shown
from workbench.ui.common.retranslate import Retranslating
from workbench.ui.common.theme import chart_colours
from workbench.ui.qa import texts
from workbench.ui.qa.chart import latency_chart as latency_chart  # re-exported: it was the pane's
from workbench.ui.qa.endpoint_box import EndpointBox
from workbench.ui.qa.saving import (
    ask_junit_path,
    ask_report_path,
    save_or_warn,
    write_junit,
    write_report,
)
from workbench.ui.qa.widgets import QaWidgets

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QTreeWidgetItem, QWidget

    from workbench.core.endpoints import EndpointConfig
    from workbench.core.qa.model import QaReport
    from workbench.ui.services import Services

TASK = "qa.run"


class QaPane(Retranslating, QaWidgets):
    """Endpoint, checks and request count on top; the live list of checks, the evidence of the
    selected one and the latency chart below; Run, Cancel and the save buttons."""

    run_inspect_requested = Signal(str)
    """Show a run in the History pane's inspector: payload the run id."""

    def __init__(self, *, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._run: QaRun | None = None
        self._endpoints = EndpointBox(combo=self.endpoint, session=services.session)
        self._cancel_shortcut = escape_cancels(self, self.cancel)
        self.status.say(texts.idle_hint)  # until the first run: what to do
        self.retranslate_ui()
        self._connect_signals()
        self._fill_endpoints()
        self._set_busy(False)
        self._kept = KeptTexts(
            pane="qa",
            inputs={
                "endpoint": listed_choice(self.endpoint),
                **{f"check {group}": ticked_choice(box) for group, box in self.groups.items()},
                "requests": number_choice(self.requests),
                "mask hosts": ticked_choice(self.mask_hosts),
            },
            not_saved=texts.choices_not_saved,
            services=services,
            parent=self,
        )
        self._kept.restore()
        self._kept.watch()

    def changeEvent(self, event: QEvent) -> None:
        """Draw the latency chart again in a new theme's colours, and the chart and the evidence
        shown in a new language (the rows are written again by `retranslate_ui`)."""
        redraw = (QEvent.Type.PaletteChange, QEvent.Type.LanguageChange)
        if event.type() in redraw and self.report is not None:
            self._show_chart()
        if event.type() == QEvent.Type.LanguageChange:
            self.details.setPlainText(self.results.details(self.results.currentItem()))
            self._endpoints.name_removed()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        """Set every static text in the current language (again after a language switch)."""
        self.setAccessibleName(self.tr("QA"))  # the tab's title, as every pane
        self.endpoint_label.setText(self.tr("&Endpoint:"))
        self.endpoint.setAccessibleName(self.tr("Endpoint to check"))
        titles = {
            "connection": self.tr("C&onnection"),
            "rerank": self.tr("Rera&nk"),
            "chat": self.tr("Ch&at"),
            "errors": self.tr("Error handlin&g"),
            "latency": self.tr("&Latency"),
        }
        for group, box in self.groups.items():
            box.setText(titles[group])
            name = without_mnemonic(titles[group])  # the group as shown, in the GUI's language
            box.setAccessibleName(fill(self.tr("Run the %1 checks"), name))
        self.requests_label.setText(self.tr("Latency re&quests:"))
        self.requests.setAccessibleName(self.tr("Latency requests"))
        self.requests.setToolTip(self.tr("Requests timed by the latency check, paced within quota"))
        self.run_button.setText(self.tr("R&un checks"))
        self.run_button.setAccessibleName(self.tr("Run checks"))
        self.run_button.setToolTip(with_keys(self.tr("Run checks"), "Ctrl+Return"))
        self._run_shortcut.setWhatsThis(self.tr("Run checks"))  # as the shortcuts sheet says it
        self.cancel_button.setText(self.tr("&Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel the checks"))
        self.cancel_button.setToolTip(with_keys(self.tr("Cancel the checks"), "Esc"))
        self._cancel_shortcut.setWhatsThis(self.tr("Cancel the checks"))
        self.progress.setAccessibleName(self.tr("QA progress"))
        self.results_label.setText(self.tr("Chec&ks:"))
        self.results.setAccessibleName(self.tr("Checks and their evidence"))
        self.results.retranslate_ui()
        self.details_label.setText(self.tr("Evi&dence:"))
        self.details.setAccessibleName(self.tr("Evidence of the selected check"))
        self.open_run.setText(self.tr("Open run in His&tory"))
        self.open_run.setAccessibleName(self.tr("Open run in History"))
        self.chart.setAccessibleName(self.tr("Latency chart"))
        self.mask_hosts.setText(self.tr("&Mask hosts in reports"))
        self.mask_hosts.setAccessibleName(self.tr("Mask hosts in reports"))
        self.save_report_button.setText(self.tr("&Save report…"))
        self.save_report_button.setAccessibleName(self.tr("Save report"))
        self.save_junit_button.setText(self.tr("Save &JUnit XML…"))
        self.save_junit_button.setAccessibleName(self.tr("Save JUnit XML"))
        self.status.setAccessibleName(self.tr("QA status"))
        self.status.say_again()
        self.error.setAccessibleName(self.tr("QA error"))

    def _connect_signals(self) -> None:
        self.run_button.clicked.connect(self._on_run_button_clicked)
        self._run_shortcut.activated.connect(self._on_run_button_clicked)
        self.cancel_button.clicked.connect(self.cancel)
        self.results.currentItemChanged.connect(self._on_results_current_item_changed)
        self.results.itemActivated.connect(self._on_results_item_activated)
        self.open_run.clicked.connect(self._on_open_run_clicked)
        self.save_report_button.clicked.connect(self._on_save_report_clicked)
        self.save_junit_button.clicked.connect(self._on_save_junit_clicked)
        self._services.session.endpoints_changed.connect(self._fill_endpoints)

    # --- the Pane protocol ------------------------------------------------------------------

    def cancel(self) -> None:
        """Stop the run; the checks done so far and their evidence stay."""
        if self._services.tasks.cancel(TASK):
            self.status.say(texts.cancelled)

    # --- public -----------------------------------------------------------------------------

    @property
    def report(self) -> QaReport | None:
        """The report of the last run (filled in as it goes), or None before the first."""
        return None if self._run is None else self._run.report

    def select_endpoint(self, endpoint_id: str) -> None:
        """Check this endpoint next."""
        self._endpoints.select(endpoint_id)

    def chosen_groups(self) -> tuple[str, ...]:
        """The check groups ticked."""
        return tuple(g for g, box in self.groups.items() if box.isChecked())

    def start(self) -> None:
        """Run the chosen checks against the chosen endpoint."""
        endpoint = self._endpoints.chosen()
        if endpoint is None:
            self.status.say(texts.no_endpoint)
            return
        groups = self.chosen_groups()
        if not groups:
            self.status.say(texts.no_groups)
            return
        options = QaOptions(checks=groups, requests=self.requests.value())
        self.error.clear_error()  # the next run decides whether it still holds
        self._endpoints.checking = endpoint
        self._set_busy(True)
        self._services.tasks.start(TASK, self._run_checks(endpoint, options), owner=self)

    def save_report(self, path: Path) -> None:
        """Write the report as Markdown (.md) or self-contained HTML (any other suffix)."""
        if self.report is not None:
            write_report(self.report, path, mask_hosts=self.mask_hosts.isChecked())
            self.status.say(partial(texts.report_saved, path.name))

    def save_junit(self, path: Path) -> None:
        """Write the report as JUnit XML."""
        if self.report is not None:
            write_junit(self.report, path, mask_hosts=self.mask_hosts.isChecked())
            self.status.say(partial(texts.junit_saved, path.name))

    # --- running ----------------------------------------------------------------------------

    async def _run_checks(self, endpoint: EndpointConfig, options: QaOptions) -> None:
        session = self._services.session
        # The last run's report goes with its results: a run that fails before it starts must
        # not leave it to be saved, or charted, as if it were this endpoint's.
        self._run = None
        self.results.clear()
        self.details.clear()
        self.chart.load(QByteArray())
        total = len(select(options.checks))
        self.progress.setRange(0, total)
        self.progress.setValue(0)
        try:
            connection = await session.connection_for(endpoint)
            history = self._services.history
            keep = self._services.settings.settings.keep_history
            self._run = QaRun(
                connection,
                options,
                endpoint=endpoint.name,
                history=history if keep else None,
                transport=session.transport,
            )
            async for event in self._run.events():
                self._on_qa_event(event)
            self._say_summary(endpoint)
        except WorkbenchError as exc:  # said once, under the results; kept in the notice log
            self.status.say(partial(texts.stopped, exc))  # `exc` is unbound after this block
            self.error.show_error(exc)
            log_shown(self._services.notices, exc, "qa")
        finally:
            if isValid(self):  # a pane closed mid-run cancels the task after its widgets went
                self._endpoints.checking = None
                self._set_busy(False)
                self._show_chart()
                if self._endpoints.removed(endpoint):
                    self._fill_endpoints()  # the run's endpoint, kept on show, goes now

    def _on_qa_event(self, event: CheckStarted | CheckFinished) -> None:
        if isinstance(event, CheckStarted):
            self.status.say(partial(texts.running, event))
            return
        item = self.results.add_result(event.result, event.error)
        self.results.scrollToItem(item)
        self.progress.setValue(event.index + 1)

    def _say_summary(self, endpoint: EndpointConfig) -> None:
        """The finished run's counts as the status; whether its endpoint went is said as of now,
        not as of a later language switch."""
        report = self.report
        if report is None:
            return
        gone = endpoint.name if self._endpoints.removed(endpoint) else None
        self.status.say(partial(texts.summary, report, gone))

    def _show_chart(self) -> None:
        colours = chart_colours(self.palette())
        report = self.report
        svg = latency_chart(report, colours) if report is not None else ""
        self.chart.setVisible(bool(svg))
        if svg:
            self.chart.load(QByteArray(svg.encode("utf-8")))

    def _set_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)  # an empty bar read as a text field before any run
        # The endpoint box shows the endpoint checked until the run ends.
        swap_for_work(busy, self.cancel_button, (self.run_button, self.endpoint))
        done = not busy and self.report is not None
        self.save_report_button.setEnabled(done)
        self.save_junit_button.setEnabled(done)
        self.open_run.setEnabled(self.results.run_id_at(self.results.currentItem()) is not None)

    def _fill_endpoints(self) -> None:
        # A slot of the pane, not of the box: the connection to the session goes with the pane.
        self._endpoints.fill()

    # --- slots ------------------------------------------------------------------------------

    def _on_run_button_clicked(self) -> None:
        if self.run_button.isEnabled():
            self.start()

    def _on_results_current_item_changed(self, item: QTreeWidgetItem | None, *_: Any) -> None:
        self.details.setPlainText(self.results.details(item))
        self.open_run.setEnabled(self.results.run_id_at(item) is not None)

    def _on_results_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        run_id = self.results.run_id_at(item)
        if run_id is not None and item.parent() is not None:
            self.run_inspect_requested.emit(run_id)

    def _on_open_run_clicked(self) -> None:
        run_id = self.results.run_id_at(self.results.currentItem())
        if run_id is not None:
            self.run_inspect_requested.emit(run_id)

    def _on_save_report_clicked(self) -> None:
        path = ask_report_path(self)
        if path is not None:
            save_or_warn(self.save_report, path, self._services.notices)

    def _on_save_junit_clicked(self) -> None:
        path = ask_junit_path(self)
        if path is not None:
            save_or_warn(self.save_junit, path, self._services.notices)
