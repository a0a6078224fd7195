"""The pane's titled sections: Alt+letter reaches the controls that have no letter of their own
(the pane has more controls than the alphabet has free letters, in Italian fewer still)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from tests.ui.sections import press_section_letter, wait_for_focus

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget
    from pytestqt.qtbot import QtBot

    from workbench.ui.rerank.pane import RerankPane

# The offscreen platform plugin warns on every show(); it says nothing about our code.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _load_sample(pane: RerankPane) -> QWidget:
    return pane.editor.empty.sample


def _tab_bar(pane: RerankPane) -> QWidget:
    pane.fill_sample()  # documents shown: the empty editor's buttons are gone
    return pane.editor.tabs.tabBar()


def _length_limit(pane: RerankPane) -> QWidget:
    return pane.form.max_tokens  # the Cohere v2 fixture endpoint's length parameter


@pytest.mark.parametrize(
    ("section", "first"),
    [
        ("rerankDocumentsSection", _load_sample),
        ("rerankDocumentsSection", _tab_bar),
        ("rerankMoreOptions", _length_limit),
    ],
)
def test_a_sections_alt_letter_focuses_its_first_control(
    pane: RerankPane, qtbot: QtBot, section: str, first: Callable[[RerankPane], QWidget]
) -> None:
    wanted = first(pane)
    press_section_letter(pane, qtbot, section, pane.query)
    wait_for_focus(qtbot, wanted)
