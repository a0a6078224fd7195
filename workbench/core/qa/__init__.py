"""Deployment QA: a catalogue of checks run against one endpoint, with evidence and reports.

`runner.run_qa` yields progress events (used by the command line and the QA pane alike); each
check passes, fails or is skipped with evidence (request, response excerpt, timing, run id).
Flavour differences come from `workbench.api.flavour_traits`; nothing here names a flavour.
"""
