"""Errors as the GUI shows them: every fixed word goes through translation (issue 18)."""

from __future__ import annotations

import pytest

from tests.ui.marked import marked_errors as marked_errors
from workbench.api.errors import InputError, ServerError
from workbench.core.turns import TurnRun
from workbench.ui.common.error_text import cut_off_saying, error_line, shown_where

pytestmark = pytest.mark.usefixtures("marked_errors")


def test_the_request_id_suffix_is_translated() -> None:
    exc = ServerError("boom", status=500, request_id="req-7")
    assert error_line(exc) == "«««Server error» · HTTP 500: boom» (request id req-7)»"


def test_places_inside_a_longer_place_are_translated() -> None:
    assert shown_where("recipes.csv, line 3") == "recipes.csv, «line 3»"
    assert shown_where("recipes.csv, byte 15") == "recipes.csv, «byte 15»"
    call = "tool result 1 (get_weather), line 1, column 13"
    assert shown_where(call) == "tool result 1 (get_weather), «line 1, column 13»"
    assert shown_where("documents[2].text") == "documents[2].text"  # an API path stays
    # an evaluation set's place: the field's name is the file's own and stays
    assert shown_where("line 3, field documents[0].text") == "«line 3», «field documents[0].text»"
    assert shown_where("run file") == "«run file»"  # a place in fixed words
    assert shown_where("top level") == "«top level»"
    assert shown_where("Extra headers, line 3") == "«Extra headers», «line 3»"
    assert shown_where("turn 2") == "«turn 2»"
    assert shown_where("event 3 (byte 120)") == "«event 3» («byte 120»)"
    assert shown_where("tool results") == "«tool results»"
    assert shown_where("conversation") == "«conversation»"
    assert shown_where("token command") == "«token command»"
    assert shown_where("level") == "level"  # a name that is no fixed place stays


def test_an_input_error_line_marks_title_and_place() -> None:
    exc = InputError(title="The file is not UTF-8 text", where="h4.json, byte 0")
    assert error_line(exc) == "«The file is not UTF-8 text» · «at h4.json, «byte 0»»"


def test_a_failed_turns_line_said_again_keeps_the_words_not_the_frames() -> None:
    # A conversation keeps one of these for every failed turn; frames would keep their locals.
    def fail() -> None:
        raise ServerError("boom", status=500)

    run = TurnRun()
    try:
        fail()
    except ServerError as exc:
        run.error = exc
    assert run.error is not None
    assert run.error.__traceback__ is not None
    say = cut_off_saying(run)
    assert say is not None
    assert run.error.__traceback__ is None
    assert say() == error_line(ServerError("boom", status=500))
