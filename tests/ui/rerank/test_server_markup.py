"""What a server sends is shown as it came in the Rerank pane, never drawn as markup: an error body
is often an HTML page, and Qt's labels drew any text that looked like HTML."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.hostile_server import Answer, HostileServer
from tests.ui.conftest import use_odd_server
from tests.ui.rerank.test_pane import FRUIT, child, error_text, fill, run

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from workbench.ui.rerank.pane import RerankPane
    from workbench.ui.services import Services

NGINX_502 = (
    b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    b"<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n"
    b"</html>\r\n"
)
WIDE = (
    b'<table width="6000"><tr><td><img width="4000" height="3000" src="x">Call us</td></tr></table>'
)


def test_an_html_error_page_is_quoted_not_drawn(
    pane: RerankPane, services: Services, qtbot: QtBot
) -> None:
    """A gateway's 502 page showed as a heading and a rule; a body with a 6000-pixel table made
    the error line, and so the whole window, that wide."""
    label = child(pane, QLabel, "rerankError")
    for body in (NGINX_502, WIDE):
        with HostileServer() as server:
            page = Answer.whole(body, status=502, content_type="text/html")
            use_odd_server(services, server, page)
            fill(pane, "apple", FRUIT)
            run(pane, services, qtbot)
        assert label.textFormat() == Qt.TextFormat.PlainText
        assert body.decode().split("\r\n")[0][:40] in error_text(pane)  # the markup, quoted
        assert label.minimumSizeHint().width() < 1000
    assert not services.notices.crashes()


def test_a_servers_warnings_are_shown_as_they_came(
    pane: RerankPane, services: Services, qtbot: QtBot
) -> None:
    body = {
        "results": [{"index": 0, "relevance_score": 0.9}],
        "meta": {"warnings": ["<b>heads up</b> <img src=x>", 5]},
    }
    with HostileServer() as server:
        use_odd_server(services, server, Answer.whole(json.dumps(body).encode()))
        fill(pane, "apple", FRUIT)
        run(pane, services, qtbot)
    notes = child(pane, QLabel, "rerankResultNotes")
    assert notes.textFormat() == Qt.TextFormat.PlainText
    assert "<b>heads up</b> <img src=x>" in notes.text()
