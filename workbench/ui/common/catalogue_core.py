"""Templates of `workbench.core`'s texts for people (QA apart), marked for lupdate in the "Core"
context.

Part of the GUI's catalogue of core texts: `core_text.CATALOGUE` joins the parts, and
tests/ui/test_core_text.py holds them to the templates the code writes.
"""

from __future__ import annotations

from workbench.ui.common.l10n import QT_TRANSLATE_NOOP

CORE_TEXTS = (
    # workbench/core/structured.py
    QT_TRANSLATE_NOOP("Core", "the reference %1 leads nowhere"),
    QT_TRANSLATE_NOOP("Core", "the schema cannot be used: %1"),
    # workbench/core/chat_inputs.py (its "a document must be a string or an object" is listed
    # with the flavours')
    QT_TRANSLATE_NOOP("Core", "documents must be a JSON list"),
    QT_TRANSLATE_NOOP("Core", "`id` must be a string"),
    QT_TRANSLATE_NOOP("Core", "`_excludes` must be a list of field names"),
    QT_TRANSLATE_NOOP("Core", "tools must be a JSON list"),
    # workbench/core/endpoint_transfer.py
    QT_TRANSLATE_NOOP("Core", "Not valid JSON: %1"),
    QT_TRANSLATE_NOOP("Core", "Expected an object with an `endpoints` list"),
    QT_TRANSLATE_NOOP("Core", "Each endpoint must be an object"),
    QT_TRANSLATE_NOOP("Core", "Invalid endpoint: %1"),
    QT_TRANSLATE_NOOP("Core", "Invalid endpoint %1: %2"),
    # workbench/core/endpoint_headers.py
    QT_TRANSLATE_NOOP("Core", "Expected “Name: value” (a colon between the name and the value)"),
    # workbench/core/endpoint_refusals.py: a settings field as the Endpoints form labels it,
    # translated with the form's words (tests/ui/endpoints/test_core_text_it.py), and why pydantic
    # refused its value
    QT_TRANSLATE_NOOP("Core", "Name"),
    QT_TRANSLATE_NOOP("Core", "Base URL"),
    QT_TRANSLATE_NOOP("Core", "Flavour"),
    QT_TRANSLATE_NOOP("Core", "Model"),
    QT_TRANSLATE_NOOP("Core", "Authentication scheme"),
    QT_TRANSLATE_NOOP("Core", "Entra ID scope"),
    QT_TRANSLATE_NOOP("Core", "Token command"),
    QT_TRANSLATE_NOOP("Core", "extra-parameters header"),
    QT_TRANSLATE_NOOP("Core", "Custom CA bundle"),
    QT_TRANSLATE_NOOP("Core", "Proxy"),
    QT_TRANSLATE_NOOP("Core", "Timeout"),
    QT_TRANSLATE_NOOP("Core", "Connect timeout"),
    QT_TRANSLATE_NOOP("Core", "Prices"),
    QT_TRANSLATE_NOOP("Core", "Input price per million tokens"),
    QT_TRANSLATE_NOOP("Core", "Output price per million tokens"),
    QT_TRANSLATE_NOOP("Core", "Price per 1,000 search units"),
    # not on the form: the core's own words for it
    QT_TRANSLATE_NOOP("Core", "Price currency"),
    QT_TRANSLATE_NOOP("Core", "Extra headers"),
    QT_TRANSLATE_NOOP("Core", "%1 is missing"),
    QT_TRANSLATE_NOOP("Core", "%1 must not be empty"),
    QT_TRANSLATE_NOOP("Core", "%1 must be text"),
    QT_TRANSLATE_NOOP("Core", "%1 must be a number"),
    QT_TRANSLATE_NOOP("Core", "%1 must be a whole number"),
    QT_TRANSLATE_NOOP("Core", "%1 must be a JSON object"),
    QT_TRANSLATE_NOOP("Core", "%1 must be a JSON list"),
    QT_TRANSLATE_NOOP("Core", "%1 must be one of %2"),
    QT_TRANSLATE_NOOP("Core", "%1 must be greater than %2"),
    QT_TRANSLATE_NOOP("Core", "%1 must be %2 or more"),
    QT_TRANSLATE_NOOP("Core", "%1 must be less than %2"),
    QT_TRANSLATE_NOOP("Core", "%1 must be %2 or less"),
    # "Header 'X-A' appears twice": the name, then one of the phrases below (from
    # workbench/core/endpoint_headers.py, the last from endpoint_refusals.py).
    QT_TRANSLATE_NOOP("Core", "Header %1 %2"),
    QT_TRANSLATE_NOOP(
        "Core", "is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)"
    ),
    QT_TRANSLATE_NOOP(
        "Core",
        "carries a key: put the key in the API key field so it is stored in the keyring (extra headers are saved in plain settings)",
    ),
    QT_TRANSLATE_NOOP("Core", "has its own field (extra-parameters) above"),
    QT_TRANSLATE_NOOP("Core", "is set by the workbench for each request"),
    QT_TRANSLATE_NOOP("Core", "comes from the base URL"),
    QT_TRANSLATE_NOOP("Core", "is managed by the HTTP client"),
    QT_TRANSLATE_NOOP("Core", "appears twice"),
    QT_TRANSLATE_NOOP("Core", "has a value with a line break, control or non-ASCII character"),
    QT_TRANSLATE_NOOP("Core", "must have a text value"),
    # workbench/core/chat_checks.py
    QT_TRANSLATE_NOOP(
        "Core",
        "Cohere's reference does not combine a JSON response_format with %1 (not checked on Azure); it is sent anyway, for the server to decide",
    ),
    QT_TRANSLATE_NOOP("Core", "a JSON schema needs the json_object type"),
    QT_TRANSLATE_NOOP("Core", "tool_choice REQUIRED needs tools"),
    QT_TRANSLATE_NOOP("Core", "%1 does not reason; turn thinking off"),
    QT_TRANSLATE_NOOP(
        "Core",
        "Cohere's documents give %1 safety_mode %2 only (not checked on Azure); it is sent anyway, for the server to decide",
    ),
    QT_TRANSLATE_NOOP("Core", "Safety mode"),
    QT_TRANSLATE_NOOP("Core", "%1 has no tool_choice (Command R7B and newer)"),
    QT_TRANSLATE_NOOP("Core", "%1 does not read images (Command A Vision and Command A+ do)"),
    QT_TRANSLATE_NOOP(
        "Core",
        "%1 images in this request; Cohere's pages give at most %2 (not checked here); it is sent anyway, for the server to decide",
    ),
    QT_TRANSLATE_NOOP(
        "Core",
        "the images come to %1 MB; Cohere's guide gave at most %2 MB per request (not checked here); it is sent anyway, for the server to decide",
    ),
    QT_TRANSLATE_NOOP("Core", "Response format and %1"),
    # workbench/core/probe.py
    QT_TRANSLATE_NOOP("Core", "Connected: %1, %2 ms"),
    QT_TRANSLATE_NOOP(
        "Core", "The host could not be reached. Check the URL, your network and the proxy setting."
    ),
    QT_TRANSLATE_NOOP("Core", "Connected: %1 route answered, %2 ms (no /info on this server)"),
    QT_TRANSLATE_NOOP("Core", "model info received"),
    QT_TRANSLATE_NOOP("Core", "Connected: %1 (%2), %3 ms"),
    QT_TRANSLATE_NOOP(
        "Core",
        "Wrong key: the server refused it. Check the key, and the authentication scheme (Azure serverless and Cohere take Bearer; some gateways want api-key or x-api-key).",
    ),
    QT_TRANSLATE_NOOP(
        "Core",
        "Wrong route: the server has no such path. Check the base URL (paste the deployment's target URL) and the flavour (Cohere v1, v2 or OpenAI-compatible).",
    ),
    QT_TRANSLATE_NOOP(
        "Core", "Reachable and authenticated, but rate limited right now: try again shortly."
    ),
    QT_TRANSLATE_NOOP(
        "Core",
        "Timeout while connecting: the host did not answer. Check the address, a firewall or VPN, or the proxy setting.",
    ),
    QT_TRANSLATE_NOOP(
        "Core",
        "Timeout: connected, but no answer arrived in time. The server may be overloaded, or the timeout too short.",
    ),
    QT_TRANSLATE_NOOP(
        "Core", "The server failed (5xx): the deployment may be starting or unhealthy."
    ),
    QT_TRANSLATE_NOOP(
        "Core",
        "The answer is not what this flavour expects: check the flavour, or the URL may point at a web page or a different API.",
    ),
    QT_TRANSLATE_NOOP("Core", "The server refused the request; its own message is shown above."),
    QT_TRANSLATE_NOOP(
        "Core",
        "Try the base URL ending in /v1 (…%1/v1): llama.cpp, vLLM and OpenAI serve /v1/chat/completions.",
    ),
    QT_TRANSLATE_NOOP(
        "Core", "DNS: the host name does not resolve. Check the spelling of the URL."
    ),
    QT_TRANSLATE_NOOP(
        "Core",
        "TLS: the server's certificate was not accepted. If your network inspects TLS, set the custom CA bundle; check the URL uses the right host.",
    ),
    QT_TRANSLATE_NOOP(
        "Core", "Proxy: the proxy refused or failed the connection. Check the proxy setting."
    ),
    QT_TRANSLATE_NOOP(
        "Core",
        "Connection refused: nothing listens at that address and port. Is the server running, and the port right?",
    ),
    QT_TRANSLATE_NOOP("Core", "No key"),
    QT_TRANSLATE_NOOP("Core", "Enter the key (or choose No authentication), then test."),
    QT_TRANSLATE_NOOP("Core", "%1 %2"),
    # workbench/core/probe_routes.py
    QT_TRANSLATE_NOOP("Core", "Routes: %1"),
    # workbench/core/rerank_io.py
    QT_TRANSLATE_NOOP("Core", 'The CSV header names the column "%1" twice'),
    QT_TRANSLATE_NOOP("Core", "The file is larger than %1 MB"),
    QT_TRANSLATE_NOOP("Core", "Invalid JSON: %1"),
    QT_TRANSLATE_NOOP("Core", "Invalid CSV: %1"),
    QT_TRANSLATE_NOOP("Core", "Expected %1 fields, found %2"),
    QT_TRANSLATE_NOOP("Core", "Non-string values were written as JSON text"),
    QT_TRANSLATE_NOOP("Core", "1 document had line breaks, joined with spaces"),
    QT_TRANSLATE_NOOP("Core", "%1 documents had line breaks, joined with spaces"),
    QT_TRANSLATE_NOOP("Core", "Object documents were written as “key: value” text"),
    # workbench/core/rerank_docs.py
    QT_TRANSLATE_NOOP("Core", "A document must be a string or an object, not %1"),
    QT_TRANSLATE_NOOP("Core", "null"),
    QT_TRANSLATE_NOOP("Core", "a boolean"),
    QT_TRANSLATE_NOOP("Core", "a number"),
    QT_TRANSLATE_NOOP("Core", "an array"),
    QT_TRANSLATE_NOOP("Core", "“%1”: 1 non-string value sent as text (first at documents[%2])"),
    QT_TRANSLATE_NOOP("Core", "“%1”: %2 non-string values sent as text (first at documents[%3])"),
    QT_TRANSLATE_NOOP(
        "Core",
        "%1 documents x %2 chunks each must stay below %3: lower max_chunks_per_doc to %4 or split into batches",
    ),
    # workbench/core/evaluation/files.py
    QT_TRANSLATE_NOOP("Core", "larger than %1 MB"),
    QT_TRANSLATE_NOOP("Core", "cannot read it: %1"),
    QT_TRANSLATE_NOOP("Core", "not %1 text"),
    QT_TRANSLATE_NOOP("Core", "not JSON (%1, column %2)"),
    QT_TRANSLATE_NOOP("Core", "expected a JSON object"),
    QT_TRANSLATE_NOOP("Core", "missing, or not a string"),
    QT_TRANSLATE_NOOP("Core", "empty"),
    QT_TRANSLATE_NOOP("Core", "a relevance grade is a whole number, not true/false"),
    QT_TRANSLATE_NOOP("Core", "a relevance grade is a whole number, got %1"),
    QT_TRANSLATE_NOOP("Core", "a relevance grade is between %1 and %2, got %3"),
    # workbench/core/evaluation/trec.py
    QT_TRANSLATE_NOOP(
        "Core",
        "expected 4 columns (TREC: query, iteration, document, relevance) or 3 tab-separated (BEIR: query-id, corpus-id, score), found %1",
    ),
    QT_TRANSLATE_NOOP("Core", "empty id"),
    QT_TRANSLATE_NOOP("Core", "document %1 is judged twice for this query"),
    QT_TRANSLATE_NOOP("Core", "no judgments in the file"),
    QT_TRANSLATE_NOOP(
        "Core", "expected 6 columns (query, Q0, document, rank, score, tag), found %1"
    ),
    QT_TRANSLATE_NOOP("Core", "a score is a number, got %1"),
    QT_TRANSLATE_NOOP("Core", "a score is a finite number, got %1"),
    QT_TRANSLATE_NOOP("Core", "document %1 is listed twice for this query"),
    QT_TRANSLATE_NOOP("Core", "no results in the file"),
    # workbench/core/evaluation/readers.py
    QT_TRANSLATE_NOOP("Core", "candidates: the top %1 of %2 per query"),
    QT_TRANSLATE_NOOP("Core", "judged queries without candidates left out: %1"),
    QT_TRANSLATE_NOOP(
        "Core",
        "%1 relevant judged documents are not in corpus.jsonl (first: %2 for query %3); they count as never ranked",
    ),
    QT_TRANSLATE_NOOP("Core", "no such file or folder"),
    QT_TRANSLATE_NOOP("Core", "expected a BEIR-style folder, a .jsonl file or a .csv file"),
    QT_TRANSLATE_NOOP("Core", "query %1 is judged but not in queries.jsonl"),
    QT_TRANSLATE_NOOP(
        "Core",
        "the corpus holds %1 documents, more than %2: give a TREC run file from a first-stage retriever for each query's candidates",
    ),
    QT_TRANSLATE_NOOP("Core", "no judged query has candidates"),
    QT_TRANSLATE_NOOP("Core", "the folder has no %1 (BEIR layout)"),
    QT_TRANSLATE_NOOP("Core", "document %1 appears twice"),
    QT_TRANSLATE_NOOP("Core", "no documents in the file"),
    QT_TRANSLATE_NOOP("Core", "query %1 appears twice"),
    QT_TRANSLATE_NOOP("Core", "the run depth must be at least 1"),
    QT_TRANSLATE_NOOP("Core", "query %1 lists document %2, which is not in corpus.jsonl"),
    # workbench/core/evaluation/one_file.py
    QT_TRANSLATE_NOOP("Core", "queries without judgments left out: %1"),
    QT_TRANSLATE_NOOP("Core", "the query is empty"),
    QT_TRANSLATE_NOOP("Core", "query %1 has two texts"),
    QT_TRANSLATE_NOOP("Core", "document %1 has two texts"),
    QT_TRANSLATE_NOOP(
        "Core",
        "document %1 has two texts: a document without an id gets <query id>-<position>, and another document has that id; give the one without an id an id of its own",
    ),
    QT_TRANSLATE_NOOP("Core", "document %1 appears twice for this query"),
    QT_TRANSLATE_NOOP("Core", "no query has a judged document (a relevance value)"),
    QT_TRANSLATE_NOOP("Core", "expected a non-empty array"),
    QT_TRANSLATE_NOOP("Core", "expected an object"),
    QT_TRANSLATE_NOOP("Core", "the file is empty: expected one JSON object per line, a query each"),
    QT_TRANSLATE_NOOP(
        "Core",
        "query_id %1 is also the id of line %2, which has no query_id (such a line gets q<line number>): give line %2 a query_id",
    ),
    QT_TRANSLATE_NOOP(
        "Core",
        "this line has no query_id, so its id is %1, the query_id line %2 gives: give this line a query_id",
    ),
    QT_TRANSLATE_NOOP(
        "Core", "the file is empty: expected a header line naming the columns query and text"
    ),
    QT_TRANSLATE_NOOP("Core", "a quote opened on this line is never closed"),
    QT_TRANSLATE_NOOP("Core", "not CSV: %1"),
    QT_TRANSLATE_NOOP("Core", "the header names the column %1 twice"),
    QT_TRANSLATE_NOOP(
        "Core",
        "the header names %1 columns, this row has %2 cells (a cell holding the separator needs quotes)",
    ),
    QT_TRANSLATE_NOOP("Core", "the file has a header line but no rows under it"),
    QT_TRANSLATE_NOOP("Core", "a tab"),
    QT_TRANSLATE_NOOP("Core", "commas"),
    QT_TRANSLATE_NOOP("Core", "semicolons"),
    QT_TRANSLATE_NOOP("Core", "the header %1 is separated by %2; expected %3, as in %4"),
    QT_TRANSLATE_NOOP("Core", "the header has %1; column names are lower case: %2"),
    QT_TRANSLATE_NOOP("Core", "the header lacks the column %1"),
    # workbench/core/runs/inspect.py
    QT_TRANSLATE_NOOP("Core", "headers %1 · first token %2 · last %3"),
    QT_TRANSLATE_NOOP("Core", "status %1  outcome %2  (%3)"),
    QT_TRANSLATE_NOOP("Core", "usage: %1"),
    QT_TRANSLATE_NOOP("Core", "estimated cost: %1 %2"),
    QT_TRANSLATE_NOOP("Core", "answer: %1"),
    QT_TRANSLATE_NOOP("Core", "error: %1"),
    # workbench/core/runs/demo.py
    QT_TRANSLATE_NOOP("Core", "a demo script needs at least one chat turn"),
    QT_TRANSLATE_NOOP("Core", "field 'kind' must be 'chat' in a demo script"),
    QT_TRANSLATE_NOOP("Core", "the script has no turns"),
    # workbench/core/runs/export_code.py (the History pane's Copy code)
    QT_TRANSLATE_NOOP("Core", "the stored request body is not JSON"),
    QT_TRANSLATE_NOOP("Core", "the stored request body is not a JSON object"),
    QT_TRANSLATE_NOOP("Core", "the Cohere SDK speaks Cohere's /v1 and /v2 routes"),
    QT_TRANSLATE_NOOP("Core", "the OpenAI SDK speaks the /chat/completions route"),
    # workbench/core/runs/portable.py
    QT_TRANSLATE_NOOP("Core", "field %1 has the wrong type"),
    QT_TRANSLATE_NOOP("Core", "a run must be a JSON object"),
    QT_TRANSLATE_NOOP("Core", "field %1 is missing"),
    QT_TRANSLATE_NOOP("Core", "unknown field %1"),
    QT_TRANSLATE_NOOP("Core", "events[%1] needs t and data"),
    QT_TRANSLATE_NOOP("Core", "the file is empty"),
    QT_TRANSLATE_NOOP("Core", "not JSON: %1"),
    QT_TRANSLATE_NOOP("Core", "not a %1 file"),
    QT_TRANSLATE_NOOP("Core", "unknown version %1"),
    QT_TRANSLATE_NOOP("Core", "field 'kind' must be one of %1"),
    QT_TRANSLATE_NOOP("Core", "field 'flavour' must be one of %1"),
    QT_TRANSLATE_NOOP("Core", "field 'created' must be seconds since 1970, before the year 3000"),
    QT_TRANSLATE_NOOP("Core", "field %1 must be from %2 to %3"),
    # workbench/core/runs/replay.py
    QT_TRANSLATE_NOOP(
        "Core", "The turn was recorded without its request (imported without its inputs)."
    ),
    QT_TRANSLATE_NOOP("Core", "The turn's stored request is not a chat request (%1: %2)."),
    QT_TRANSLATE_NOOP(
        "Core", "The turn was recorded without its flavour: its events cannot be read."
    ),
    QT_TRANSLATE_NOOP(
        "Core", "The turn's flavour %1 is unknown (known: %2): its events cannot be read."
    ),
    # workbench/core/settings.py
    QT_TRANSLATE_NOOP("Core", "Cannot read %1: %2."),
    QT_TRANSLATE_NOOP("Core", "The settings file is not valid JSON: %1"),
    QT_TRANSLATE_NOOP("Core", "The settings file is not valid: %1"),
    # workbench/core/runs/database.py (SQLite's own reason stays as it came)
    QT_TRANSLATE_NOOP(
        "Core",
        "The run history at %1 was not used because %2. It was kept as %3 and a new, empty "
        "history was started.",
    ),
    QT_TRANSLATE_NOOP("Core", "it was written by a newer version of the program (schema %1)"),
    QT_TRANSLATE_NOOP("Core", "it could not be read (%1)"),
    # workbench/core/secrets.py: what failed, then the keyring's own words (%2)
    QT_TRANSLATE_NOOP("Core", "Reading the key from the keyring failed"),
    QT_TRANSLATE_NOOP("Core", "Storing the key in the keyring failed"),
    QT_TRANSLATE_NOOP("Core", "Deleting the key from the keyring failed"),
    QT_TRANSLATE_NOOP("Core", "The keyring cannot be reached"),
    QT_TRANSLATE_NOOP("Core", "%1: %2."),
    QT_TRANSLATE_NOOP("Core", "%1: no keyring backend."),
    QT_TRANSLATE_NOOP("Core", "the keyring found (%1) would not keep keys safe."),
    QT_TRANSLATE_NOOP("Core", "Check that the keyring is unlocked, then try again."),
    QT_TRANSLATE_NOOP(
        "Core",
        "Keys are stored only in a secure OS keyring, never in a plain file. On Linux, install and start a Secret Service provider (gnome-keyring or KWallet) in your desktop session, or choose a backend with the environment variable PYTHON_KEYRING_BACKEND (for example keyring.backends.SecretService.Keyring). On macOS and Windows the system keychain / Credential Manager is used automatically.",
    ),
    # workbench/core/structured.py
    QT_TRANSLATE_NOOP("Core", "not valid JSON: %1"),
    QT_TRANSLATE_NOOP("Core", "not valid JSON (line %1, column %2): %3"),
    QT_TRANSLATE_NOOP("Core", "is not a JSON object"),
    # workbench/core/chat_session.py
    QT_TRANSLATE_NOOP("Core", "The last answer asked for no tool calls."),
    QT_TRANSLATE_NOOP("Core", "There is no turn to regenerate yet."),
    QT_TRANSLATE_NOOP("Core", "The last turn is a system message."),
    QT_TRANSLATE_NOOP("Core", "Turn %1 has no message to edit."),
    # workbench/core/saved_chat.py
    QT_TRANSLATE_NOOP("Core", "expected an object with format %1"),
    # workbench/core/chat_history_io.py: the form a conversation came in
    QT_TRANSLATE_NOOP("Core", "Cohere v1 chat_history"),
    QT_TRANSLATE_NOOP("Core", "v2 / OpenAI messages"),
    QT_TRANSLATE_NOOP("Core", "neutral history"),
    # workbench/core/chat_history_io.py: what follows an entry's field ("messages[2].role: …")
    QT_TRANSLATE_NOOP("Core", "must be a string"),
    QT_TRANSLATE_NOOP(
        "Core", "expected an object with chat_history or messages, or a list of messages"
    ),
    QT_TRANSLATE_NOOP("Core", "must be a list"),
    QT_TRANSLATE_NOOP("Core", "must be an object"),
    QT_TRANSLATE_NOOP("Core", "unknown field"),
    QT_TRANSLATE_NOOP("Core", "required (user, assistant / CHATBOT, system or tool)"),
    QT_TRANSLATE_NOOP("Core", "unknown role %1"),
    QT_TRANSLATE_NOOP("Core", "only user messages carry images"),
    QT_TRANSLATE_NOOP("Core", "a user message needs text or an image"),
    # workbench/core/saved_rerank.py: a field of the saved Rerank inputs
    QT_TRANSLATE_NOOP("Core", "must be true or false"),
    QT_TRANSLATE_NOOP("Core", "must be a whole number from 0 to %1"),
    QT_TRANSLATE_NOOP("Core", "must be a number from 0 to 1"),
    QT_TRANSLATE_NOOP("Core", "must be a list of strings"),
    QT_TRANSLATE_NOOP("Core", "must be a string or a list of content blocks"),
    QT_TRANSLATE_NOOP("Core", "only text, thinking and image blocks, got %1"),
    QT_TRANSLATE_NOOP("Core", "needs a url"),
    QT_TRANSLATE_NOOP("Core", "must be auto, low or high"),
    QT_TRANSLATE_NOOP("Core", "must be a list of images"),
    QT_TRANSLATE_NOOP("Core", "required"),
    QT_TRANSLATE_NOOP("Core", "must be JSON text"),
    QT_TRANSLATE_NOOP("Core", "not valid JSON (%1)"),
    QT_TRANSLATE_NOOP("Core", "must be a JSON object"),
    QT_TRANSLATE_NOOP("Core", "required for role tool"),
    QT_TRANSLATE_NOOP("Core", "no earlier tool call has id %1"),
    QT_TRANSLATE_NOOP("Core", "must be a non-empty list"),
    QT_TRANSLATE_NOOP("Core", "must be a list of objects"),
    QT_TRANSLATE_NOOP("Core", "expected a text or document block, got %1"),
    # workbench/core/turns.py
    QT_TRANSLATE_NOOP("Core", "Stopped by you"),
    QT_TRANSLATE_NOOP("Core", "the stream ended without its final event"),
)
