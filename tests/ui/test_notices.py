"""Notices: known errors become readable notices; unexpected ones become crash reports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.waits import WAIT_MS
from workbench.api.errors import InputError, RateLimited
from workbench.core.errors import InsecureKeyringError
from workbench.ui.notices import Notice

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from workbench.ui.notices import NoticeCenter


def test_notice_from_error_shows_title_where_and_server_text() -> None:
    err = InputError("expected a string", title="Invalid document", where="documents[2].text")
    notice = Notice.from_error(err)
    assert notice.level == "error"
    assert notice.title == "Invalid document"
    assert notice.where == "documents[2].text"
    assert notice.text() == "Invalid document — at documents[2].text: expected a string"


def test_notice_from_status_error_names_status_route_and_request_id() -> None:
    err = RateLimited("slow down", status=429, route="/v2/chat", request_id="abc")
    notice = Notice.from_error(err)
    assert notice.detail == "slow down (HTTP 429, /v2/chat, request id abc)"


def test_keyring_error_notice_carries_the_fix() -> None:
    err = InsecureKeyringError("No secure keyring.", advice="Install gnome-keyring.")
    notice = Notice.from_error(err)
    assert notice.title == "No secure keyring available"
    assert "Install gnome-keyring." in notice.detail


def test_post_error_routes_known_and_unknown(notices: NoticeCenter, qtbot: QtBot) -> None:
    with qtbot.waitSignal(notices.notice_posted, timeout=WAIT_MS):
        notices.post_error(InputError("bad", where="line 1, column 2"))
    with qtbot.waitSignal(notices.crash_reported, timeout=WAIT_MS):
        try:
            raise ZeroDivisionError("division by zero")
        except ZeroDivisionError as exc:
            notices.post_error(exc, context="rerank.run")
    assert [n.where for n in notices.history()] == ["line 1, column 2"]
    crash = notices.crashes()[0]
    assert crash.summary == "ZeroDivisionError: division by zero (in rerank.run)"
    assert "Traceback" in crash.traceback


def test_history_keeps_order_and_levels(notices: NoticeCenter) -> None:
    notices.info("Saved")
    notices.warn("Plain HTTP", "keys travel unencrypted")
    assert [(n.level, n.title) for n in notices.history()] == [
        ("info", "Saved"),
        ("warning", "Plain HTTP"),
    ]
