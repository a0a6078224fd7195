"""Names the dead-code check (vulture) cannot see used, each with its reason; never imported.

Vulture reads this file with the code (pyproject's [tool.vulture]); a bare attribute read here
marks that name as used everywhere. Add a name only for a use vulture cannot follow, never to
silence code that is really unused: delete that instead.
"""

# ruff: noqa: B018 - bare attribute reads are how a vulture whitelist names things
from typing import Any

_: Any = object()

# Qt calls these virtual overrides itself; no Python code calls them.
_.highlightBlock  # QSyntaxHighlighter, for every changed block
_.sizeHint  # QWidget, by layouts
_.paintEvent  # QWidget, on every paint
_.dragEnterEvent  # QWidget, when a drag enters (ImageStrip takes image files)
_.dragMoveEvent  # QWidget, while a drag moves over it
_.eventFilter  # QObject, for the events of the objects it watches (ImageStrip: the message box)
_.columnCount  # QAbstractItemModel, by the views
_.headerData  # QAbstractItemModel, by the header views
_.itemAt  # QLayout, by Qt walking a layout's items (FlowLayout)
_.takeAt  # QLayout, when Qt removes an item or deletes the layout
_.expandingDirections  # QLayout, by the parent layout sizing it
_.hasHeightForWidth  # QLayout, by the parent layout (FlowLayout's rows wrap)
_.heightForWidth  # QLayout, by the parent layout

# http.server's BaseHTTPRequestHandler dispatches to do_<METHOD> and calls log_message itself
# (tests/hostile.py's stand-in server).
_.do_GET
_.do_POST
_.log_message
# ... and reads these class and instance settings (tests/hostile_server.py's scripted server).
_.protocol_version
_.close_connection
_.daemon_threads

# pytest calls its hooks by name (tests/fuzz/conftest.py lifts the timeout for long profiles).
_.pytest_collection_modifyitems

# A style option's field: the style reads it while drawing (ui/common/section.py drops the frame).
_.subControls

# Held so the highlighter's Python half (its formats, its highlightBlock override) surely lives
# as long as the view: the document owns only the C++ object.
_._detail_highlighter

# httpx.Auth hooks: httpx calls the one matching the client (EntraAuth).
_.sync_auth_flow
_.async_auth_flow

# Context manager protocol: the arguments are required by the signature, not read.
_.exc_type
_.tb

# uvicorn's Server reads this flag in its own loop to stop serving.
_.should_exit

# Wire fields of GenerationParams: filled from the parameters panel by name and sent through
# model_dump(), never read as attributes.
_.frequency_penalty
_.presence_penalty
_.safety_mode
_.response_format
_.token_budget  # ThinkingOption, sent through model_dump()

# Published limits kept in core/rerank_models.py's cited table beside the ones in use (data
# transcribed from the model cards, not code; nothing enforces them yet).
_.context_tokens
_.max_documents

# qasync's name-mangled running flag, reset by the test loop fixture after a test closes it.
_._QEventLoop__is_running

# PEP 562 module hooks of workbench/api/__init__.py: Python calls them for `workbench.api.X`.
_.__getattr__
_.__dir__

# pytest injects fixtures by parameter name: a fixture asked for only for its effect (the test
# harness's live keyring) is a parameter nothing reads.
_.live_keyring
_.own_keyring
# pytest calls plugin hooks and reads pytest_plugins by name (tests/harness.py, tests/conftest.py).
_.pytest_configure
_.pytest_terminal_summary
_.pytest_runtest_protocol
_.pytest_plugins
# keyring's Secret Service backend calls it on every get/set/delete (workbench/core/secret_service).
_.get_preferred_collection
# argparse calls it to print help and usage errors (workbench/ui/app.py's parser overrides it).
_._print_message
# Read by lupdate, not by Python: the fixed error titles marked for translation (ui/common/error_text).
_.TITLES

# Set only to make a reference cycle the garbage collector must break (tests/ui/test_teardown.py).
_.cycle
