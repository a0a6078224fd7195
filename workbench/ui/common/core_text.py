"""Texts made in the Qt-free layers (`workbench.api.text.Text`), shown in the GUI's language.

The API and core layers write their texts for people in English, once: the command line prints
them as they are. Each template is listed here for lupdate, so the GUI finds it by its English
words in the "Core" context and fills in the values in the current locale (numbers through
`l10n`). A text not listed (a server's own message, a jsonschema message) shows as it came.
tests/ui/test_core_text.py checks that every template of the core is listed (issue 18).

A counted template ("%n request(s): %1", a `Text` with a `count`) is listed with a number as its
fourth argument, so lupdate gives it plural forms, and is shown in the form Qt's plural rules
pick for the count: "1 richiesta", "2 richieste".
"""

from __future__ import annotations

import re
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from workbench.api.redact import redact_text
from workbench.api.text import Figure, Text, Value, english_form
from workbench.ui.common.l10n import QT_TRANSLATE_NOOP, fill, format_count, format_number

CATALOGUE = (
    # workbench/api/entra_explain.py
    QT_TRANSLATE_NOOP(
        "Core",
        "Not signed in: run `az login` (with `--tenant <tenant id>` for another directory), or sign in the way your token command expects, then try again.",
    ),
    QT_TRANSLATE_NOOP(
        "Core",
        "Wrong tenant: your account is not in the directory that owns this resource. Sign in to that tenant (`az login --tenant <tenant id>`) and try again.",
    ),
    QT_TRANSLATE_NOOP(
        "Core",
        "Wrong scope: no resource in your tenant answers to it. Azure AI Foundry takes https://ai.azure.com/.default; Azure OpenAI also https://cognitiveservices.azure.com/.default.",
    ),
    QT_TRANSLATE_NOOP(
        "Core",
        "Your sign-in needs renewing (multi-factor or a conditional-access policy): run `az login` again, then try again.",
    ),
    QT_TRANSLATE_NOOP(
        "Core", "Your organisation has not consented to this sign-in: ask an administrator."
    ),
    QT_TRANSLATE_NOOP(
        "Core",
        "Signed in, but this identity has no access to the resource: ask for a data-plane role on it (Azure AI User, or Cognitive Services User), which can take a few minutes to apply.",
    ),
    QT_TRANSLATE_NOOP(
        "Core",
        "The server refused the Entra ID token even after a fresh one: the token is for another tenant or another audience (check the scope), or key-only authentication is set up here.",
    ),
    QT_TRANSLATE_NOOP("Core", "The sign-in failed; the credential's own message follows."),
    # workbench/api/jsontext.py: why a text is not JSON, Python's parser's words and the checks'
    QT_TRANSLATE_NOOP("Core", "Expecting value"),
    QT_TRANSLATE_NOOP("Core", "Expecting ',' delimiter"),
    QT_TRANSLATE_NOOP("Core", "Expecting ':' delimiter"),
    QT_TRANSLATE_NOOP("Core", "Expecting property name enclosed in double quotes"),
    QT_TRANSLATE_NOOP("Core", "Unterminated string starting at"),
    QT_TRANSLATE_NOOP("Core", "Invalid control character at"),
    QT_TRANSLATE_NOOP("Core", "Invalid \\escape"),
    QT_TRANSLATE_NOOP("Core", "Invalid \\uXXXX escape"),
    QT_TRANSLATE_NOOP("Core", "Extra data"),
    QT_TRANSLATE_NOOP("Core", "Illegal trailing comma before end of object"),
    QT_TRANSLATE_NOOP("Core", "Illegal trailing comma before end of array"),
    QT_TRANSLATE_NOOP("Core", "%1 is not a JSON number"),
    QT_TRANSLATE_NOOP("Core", "the number %1 is out of range"),
    QT_TRANSLATE_NOOP("Core", "nested deeper than %1 levels"),
    QT_TRANSLATE_NOOP("Core", "the text is not UTF-8"),
    # workbench/api/urls.py
    QT_TRANSLATE_NOOP("Core", "a broken IPv6 address (it must be written in full between [ and ])"),
    QT_TRANSLATE_NOOP("Core", "the port is out of range (1 to 65535)"),
    QT_TRANSLATE_NOOP("Core", "the port is not a number"),
    QT_TRANSLATE_NOOP("Core", "expected an http:// or https:// URL, got %1"),
    QT_TRANSLATE_NOOP("Core", "no host name in %1"),
    QT_TRANSLATE_NOOP("Core", "port 0 cannot be connected to, in %1"),
    QT_TRANSLATE_NOOP("Core", "%1 in %2"),
    QT_TRANSLATE_NOOP(
        "Core",
        "a user name or password in the URL (before the @) would be sent as HTTP Basic authentication in place of the key, and kept in plain settings: remove it, and put the key in the API key field",
    ),
    QT_TRANSLATE_NOOP(
        "Core",
        "the base URL ends in %1 and each route adds its own version (%2): leave %1 out of the base URL",
    ),
    # workbench/core/structured.py
    QT_TRANSLATE_NOOP("Core", "the reference %1 leads nowhere"),
    QT_TRANSLATE_NOOP("Core", "the schema cannot be used: %1"),
    # workbench/api/tools.py
    QT_TRANSLATE_NOOP(
        "Core",
        "the tool calls of this answer have no results: send them first (tool results), or start a new conversation",
    ),
    # a tool definition refused (its "expected an object" is listed with one_file.py's)
    QT_TRANSLATE_NOOP("Core", "a tool must be a JSON object"),
    QT_TRANSLATE_NOOP("Core", "a tool needs a non-empty string `name`"),
    QT_TRANSLATE_NOOP("Core", "expected a JSON schema object"),
    # workbench/core/chat_inputs.py (its "a document must be a string or an object" is listed
    # with the flavours')
    QT_TRANSLATE_NOOP("Core", "documents must be a JSON list"),
    QT_TRANSLATE_NOOP("Core", "`id` must be a string"),
    QT_TRANSLATE_NOOP("Core", "`_excludes` must be a list of field names"),
    QT_TRANSLATE_NOOP("Core", "tools must be a JSON list"),
    # workbench/api/client.py
    QT_TRANSLATE_NOOP("Core", "cannot load the CA bundle: %1"),
    QT_TRANSLATE_NOOP("Core", "the connection broke: %1"),
    QT_TRANSLATE_NOOP("Core", "give at least one document"),
    QT_TRANSLATE_NOOP("Core", "the stream broke off: %1"),
    QT_TRANSLATE_NOOP("Core", "the answer is not JSON (%1): %2"),
    QT_TRANSLATE_NOOP("Core", "the answer is not a JSON object"),
    # workbench/core/endpoints.py
    QT_TRANSLATE_NOOP("Core", "Not valid JSON: %1"),
    QT_TRANSLATE_NOOP("Core", "Expected an object with an `endpoints` list"),
    QT_TRANSLATE_NOOP("Core", "Each endpoint must be an object"),
    QT_TRANSLATE_NOOP("Core", "Invalid endpoint: %1"),
    QT_TRANSLATE_NOOP("Core", "Invalid endpoint %1: %2"),
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
    # "Header 'X-A' appears twice": the name, then one of the phrases below.
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
    # workbench/api/flavours: what a flavour's request cannot carry
    QT_TRANSLATE_NOOP("Core", "The OpenAI-compatible route"),
    QT_TRANSLATE_NOOP(
        "Core", "%1 has no parameter %2 (send it under extra if the server knows it)"
    ),
    QT_TRANSLATE_NOOP("Core", "%1 cannot carry images (use Cohere v2)"),
    QT_TRANSLATE_NOOP(
        "Core",
        "%1 has no documents field: send grounded questions to the deployment's Cohere chat route (v1 or v2)",
    ),
    QT_TRANSLATE_NOOP("Core", "%1 has no search_queries_only"),
    QT_TRANSLATE_NOOP("Core", "Cohere v2 needs a model name (on Azure serverless any name works)"),
    QT_TRANSLATE_NOOP("Core", "a document must be a string or an object"),
    # "Cohere v2 needs the id of the call: …", through "%1 %2"
    QT_TRANSLATE_NOOP(
        "Core",
        "needs the id of the call: copy the id of the tool call from the previous answer (its tool_calls[].id) into the result's call",
    ),
    # workbench/api/flavours: failures a stream reports with a finish reason only
    QT_TRANSLATE_NOOP("Core", "generation failed (%1)"),
    QT_TRANSLATE_NOOP("Core", "generation failed (%1): %2"),
    QT_TRANSLATE_NOOP("Core", "the server's content filter stopped the answer (%1)"),
    # workbench/api/flavours/common.py
    QT_TRANSLATE_NOOP("Core", "%1 has none of the rank fields: %2"),
    QT_TRANSLATE_NOOP("Core", "%1 have none of the rank fields: %2"),
    QT_TRANSLATE_NOOP("Core", "%1 and %2 more have none of the rank fields: %3"),
    # the same module: a stream or a rerank answer the server got wrong
    QT_TRANSLATE_NOOP("Core", "malformed event: %1"),
    QT_TRANSLATE_NOOP("Core", "an event must be a JSON object"),
    QT_TRANSLATE_NOOP("Core", "the stream ended before its final event"),
    QT_TRANSLATE_NOOP("Core", "the answer has no `results` list"),
    QT_TRANSLATE_NOOP("Core", "a result needs `index` and `relevance_score`"),
    # workbench/api/framing.py
    QT_TRANSLATE_NOOP("Core", "a stream line is longer than %1 bytes"),
    QT_TRANSLATE_NOOP("Core", "the stream is not valid UTF-8"),
    QT_TRANSLATE_NOOP("Core", "expected JSON lines or server-sent events, got %1"),
    # workbench/core/chat_checks.py
    QT_TRANSLATE_NOOP(
        "Core",
        "Cohere does not take a JSON response_format together with %1; remove the %1 or set the response format to text",
    ),
    QT_TRANSLATE_NOOP("Core", "a JSON schema needs the json_object type"),
    QT_TRANSLATE_NOOP("Core", "tool_choice REQUIRED needs tools"),
    QT_TRANSLATE_NOOP("Core", "%1 does not reason; turn thinking off"),
    QT_TRANSLATE_NOOP("Core", "%1 takes safety_mode %2 only"),
    QT_TRANSLATE_NOOP("Core", "%1 has no tool_choice (Command R7B and newer)"),
    QT_TRANSLATE_NOOP("Core", "%1 does not read images (Command A Vision and Command A+ do)"),
    QT_TRANSLATE_NOOP("Core", "%1 images in this request; Cohere takes at most %2"),
    QT_TRANSLATE_NOOP("Core", "the images come to %1 MB; Cohere takes at most %2 MB per request"),
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
    # workbench/api/entra_command.py
    QT_TRANSLATE_NOOP("Core", "%1 (the token command ended with status %2: %3)"),
    QT_TRANSLATE_NOOP("Core", "nothing on stderr"),
    QT_TRANSLATE_NOOP("Core", "the token command cannot be read: %1"),
    QT_TRANSLATE_NOOP("Core", "the token command is empty"),
    QT_TRANSLATE_NOOP("Core", "the token command %1 was not found: %2"),
    QT_TRANSLATE_NOOP(
        "Core",
        "install the Azure CLI and run `az login`, or install the workbench's `entra` extra (azure-identity)",
    ),
    QT_TRANSLATE_NOOP("Core", "check the command's spelling and that it is on PATH"),
    QT_TRANSLATE_NOOP("Core", "the token command could not start: %1"),
    QT_TRANSLATE_NOOP(
        "Core",
        "the token command gave no answer within %1 s and was stopped; it may be waiting for a sign-in prompt (run it in a terminal once) or for the network",
    ),
    # workbench/api/entra.py
    QT_TRANSLATE_NOOP(
        "Core",
        "the token command printed %1 bytes that are not JSON; it should print an object with accessToken and expires_on, as `az account get-access-token` does",
    ),
    QT_TRANSLATE_NOOP(
        "Core", "the token command printed JSON %1, not an object with accessToken and expires_on"
    ),
    QT_TRANSLATE_NOOP("Core", "the token command's JSON has no accessToken (its keys: %1)"),
    QT_TRANSLATE_NOOP("Core", "none"),
    # a token a header cannot carry; a token command named as the credential that issued it
    QT_TRANSLATE_NOOP(
        "Core",
        "%1 printed a token a header cannot carry: it contains %2 (the token is not shown); check what the command prints",
    ),
    QT_TRANSLATE_NOOP(
        "Core",
        "%1 gave a token a header cannot carry: it contains %2 (the token is not shown); check what the command prints",
    ),
    QT_TRANSLATE_NOOP("Core", "the Azure CLI"),
    QT_TRANSLATE_NOOP("Core", "the token command"),
    # workbench/api/keys.py: a key or a token a header cannot carry
    QT_TRANSLATE_NOOP(
        "Core",
        "the key contains %1 inside it, which an HTTP header cannot carry; copy the key again from its source",
    ),
    QT_TRANSLATE_NOOP("Core", "a control character"),
    QT_TRANSLATE_NOOP("Core", "a character outside ASCII"),
    QT_TRANSLATE_NOOP(
        "Core",
        "no token arrived within %1 s; the credential chain may be waiting on a network or a managed identity endpoint that is not there",
    ),
    QT_TRANSLATE_NOOP("Core", "Signed in with %1; the token's expiry was not given."),
    QT_TRANSLATE_NOOP("Core", "Signed in with %1; the token expires at %2 (%3)."),
    QT_TRANSLATE_NOOP("Core", "in %1 min"),
    QT_TRANSLATE_NOOP("Core", "%1 min ago"),
    QT_TRANSLATE_NOOP("Core", "%1 ✔"),
    QT_TRANSLATE_NOOP("Core", "%1 ✘ (no answer)"),
    QT_TRANSLATE_NOOP("Core", "%1 ✘ (%2)"),
    QT_TRANSLATE_NOOP("Core", "%1 · %2"),
    # workbench/api/wire_values.py and the flavours: a server's value of the wrong type or range
    QT_TRANSLATE_NOOP("Core", "expected %1, got %2"),
    QT_TRANSLATE_NOOP("Core", "text"),
    QT_TRANSLATE_NOOP("Core", "a whole number from 0 to %1"),
    QT_TRANSLATE_NOOP("Core", "a count from 0 to %1"),
    QT_TRANSLATE_NOOP("Core", "a finite number"),
    QT_TRANSLATE_NOOP("Core", "an object of counts"),
    QT_TRANSLATE_NOOP("Core", "a list"),
    QT_TRANSLATE_NOOP("Core", "an object"),
    QT_TRANSLATE_NOOP("Core", "no result for a request without documents"),
    QT_TRANSLATE_NOOP("Core", "a list of ids"),
    QT_TRANSLATE_NOOP("Core", "text or an object with `text`"),
    QT_TRANSLATE_NOOP("Core", "an id"),
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
    QT_TRANSLATE_NOOP("Core", "%1 judged queries have no candidates: left out"),
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
    QT_TRANSLATE_NOOP("Core", "%1 queries without judgments left out"),
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
    # workbench/core/secrets.py
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
    # workbench/core/qa/catalogue.py: the QA checks' titles
    QT_TRANSLATE_NOOP("Core", "The server answers"),
    QT_TRANSLATE_NOOP("Core", "TLS with a verified certificate"),
    QT_TRANSLATE_NOOP("Core", "The endpoint's key is accepted"),
    QT_TRANSLATE_NOOP("Core", "A wrong key is refused"),
    QT_TRANSLATE_NOOP("Core", "/info names the model"),
    QT_TRANSLATE_NOOP("Core", "The model is the one expected"),
    QT_TRANSLATE_NOOP("Core", "String documents"),
    QT_TRANSLATE_NOOP("Core", "Object documents with rank_fields"),
    QT_TRANSLATE_NOOP("Core", "top_n"),
    QT_TRANSLATE_NOOP("Core", "return_documents"),
    QT_TRANSLATE_NOOP("Core", "Scores within 0..1, sorted"),
    QT_TRANSLATE_NOOP("Core", "Indices valid and unique"),
    QT_TRANSLATE_NOOP("Core", "Relevant document first (English, Italian)"),
    QT_TRANSLATE_NOOP("Core", "A 1,000-document request"),
    QT_TRANSLATE_NOOP("Core", "The v1 chunk rule"),
    QT_TRANSLATE_NOOP("Core", "A plain answer"),
    QT_TRANSLATE_NOOP("Core", "Streaming: well formed, final, same text"),
    QT_TRANSLATE_NOOP("Core", "RAG citations"),
    QT_TRANSLATE_NOOP("Core", "A tool call and its result sent back"),
    QT_TRANSLATE_NOOP("Core", "max_tokens honoured"),
    QT_TRANSLATE_NOOP("Core", "stop_sequences honoured"),
    QT_TRANSLATE_NOOP("Core", "The same prompt through every chat route"),
    QT_TRANSLATE_NOOP("Core", "A malformed request gets a 4xx"),
    QT_TRANSLATE_NOOP("Core", "An unknown parameter as extra-parameters says"),
    QT_TRANSLATE_NOOP("Core", "Latency: first token and total, p50/p95"),
    # workbench/core/qa: what a QA check says, and the labels of its requests (evidence)
    QT_TRANSLATE_NOOP("Core", "which model?"),
    QT_TRANSLATE_NOOP("Core", "the endpoint could not be reached: %1"),
    QT_TRANSLATE_NOOP("Core", "does the %1 route exist?"),
    QT_TRANSLATE_NOOP("Core", "its model is %1"),
    QT_TRANSLATE_NOOP("Core", "POST %1 answered 404"),
    QT_TRANSLATE_NOOP("Core", "the deployment does not serve %1 (%2)"),
    # the evidence of a request: its label, notes and the excerpts' words
    QT_TRANSLATE_NOOP("Core", "%1 — %2"),
    QT_TRANSLATE_NOOP("Core", "%n stream event(s); the first:", None, 1),
    QT_TRANSLATE_NOOP("Core", "… the last:"),
    QT_TRANSLATE_NOOP("Core", "429 Too Many Requests; Retry-After %1 s"),
    QT_TRANSLATE_NOOP("Core", "after a 429, waited %1 s as Retry-After said"),
    QT_TRANSLATE_NOOP("Core", "%1… (%n more character(s))", None, 1),
    # workbench/core/qa/checks_connection.py
    QT_TRANSLATE_NOOP("Core", "hello"),
    QT_TRANSLATE_NOOP("Core", "the server answered HTTP %1 in %2 ms"),
    QT_TRANSLATE_NOOP("Core", "plain HTTP to a server on this machine: there is no TLS to check"),
    QT_TRANSLATE_NOOP(
        "Core", "the endpoint uses plain HTTP: the key and every request travel unencrypted"
    ),
    QT_TRANSLATE_NOOP(
        "Core", "certificate checks are switched off for this endpoint (CA bundle: none)"
    ),
    QT_TRANSLATE_NOOP("Core", "TLS handshake"),
    QT_TRANSLATE_NOOP(
        "Core", "TLS handshake done, the certificate verified against the system's trust store"
    ),
    QT_TRANSLATE_NOOP(
        "Core", "TLS handshake done, the certificate verified against the endpoint's CA bundle"
    ),
    QT_TRANSLATE_NOOP("Core", "a 2-document rerank"),
    QT_TRANSLATE_NOOP("Core", "a 5-token chat"),
    QT_TRANSLATE_NOOP("Core", "the endpoint is set to send no key"),
    QT_TRANSLATE_NOOP("Core", "with the endpoint's key"),
    QT_TRANSLATE_NOOP("Core", "the endpoint's key was refused: %1"),
    QT_TRANSLATE_NOOP("Core", "%1 with the endpoint's key was answered"),
    QT_TRANSLATE_NOOP("Core", "the endpoint authenticates with %1, not a key"),
    QT_TRANSLATE_NOOP("Core", "with a wrong key"),
    QT_TRANSLATE_NOOP("Core", "a wrong key was refused with HTTP %1"),
    QT_TRANSLATE_NOOP(
        "Core", "%1 with a wrong key was answered: the deployment does not check keys"
    ),
    QT_TRANSLATE_NOOP("Core", "the deployment offers no /info route (404)"),
    QT_TRANSLATE_NOOP("Core", "/info answered HTTP %1: %2"),
    QT_TRANSLATE_NOOP("Core", "/info answered something that is not JSON: %1"),
    QT_TRANSLATE_NOOP("Core", "/info answered JSON that is not an object"),
    QT_TRANSLATE_NOOP("Core", "/info answered without a model_name"),
    QT_TRANSLATE_NOOP("Core", "an unnamed provider"),
    QT_TRANSLATE_NOOP("Core", "no type"),
    QT_TRANSLATE_NOOP("Core", "/info names the model %1 from %2 (%3)"),
    QT_TRANSLATE_NOOP(
        "Core", "nothing names the model: no /info answer and no model set on the endpoint"
    ),
    QT_TRANSLATE_NOOP("Core", "the endpoint is set to model %1, but the deployment says it is %2"),
    QT_TRANSLATE_NOOP("Core", "the deployment says it serves %1 (as set: %2)"),
    QT_TRANSLATE_NOOP("Core", "the deployment says it serves %1"),
    QT_TRANSLATE_NOOP(
        "Core", "the endpoint is set to %1; the deployment does not say which model it serves"
    ),
    # workbench/core/qa/checks_rerank.py and the probe sets' languages
    QT_TRANSLATE_NOOP("Core", "the %1 flavour has no rerank route"),
    QT_TRANSLATE_NOOP("Core", "5 string documents"),
    # a result and its score ("#2 0.995"), and the list of them: a language whose decimal mark
    # is the comma separates them otherwise ("#2 0,995; #0 0,412")
    QT_TRANSLATE_NOOP("Core", "#%1 %2"),
    QT_TRANSLATE_NOOP("Core", "%1, %2"),
    QT_TRANSLATE_NOOP("Core", "%n result(s)", None, 1),
    QT_TRANSLATE_NOOP("Core", "%n document(s)", None, 1),
    QT_TRANSLATE_NOOP("Core", "%1 for %2"),
    QT_TRANSLATE_NOOP("Core", "%n result(s): %1", None, 1),
    QT_TRANSLATE_NOOP("Core", "the flavour takes string documents only"),
    QT_TRANSLATE_NOOP("Core", "3 object documents, rank_fields"),
    QT_TRANSLATE_NOOP("Core", "the password document (#%1) is not first: %2"),
    QT_TRANSLATE_NOOP("Core", "rendered to text by the workbench"),
    QT_TRANSLATE_NOOP("Core", "objects ranked (%1); the relevant one first: %2"),
    QT_TRANSLATE_NOOP("Core", "top_n 2 gave %n result(s)", None, 1),
    QT_TRANSLATE_NOOP("Core", "top_n 2 gave exactly 2 results"),
    QT_TRANSLATE_NOOP("Core", "the flavour has no return_documents"),
    QT_TRANSLATE_NOOP("Core", "result #%1 came back with %2, not the document sent"),
    QT_TRANSLATE_NOOP("Core", "%n result(s), each carrying the document sent", None, 1),
    QT_TRANSLATE_NOOP("Core", "scores"),
    QT_TRANSLATE_NOOP("Core", "scores outside 0..1: %1"),
    QT_TRANSLATE_NOOP("Core", "scores are not sorted highest first: %1"),
    QT_TRANSLATE_NOOP("Core", "%n score(s) within 0..1, sorted: %1 … %2", None, 1),
    QT_TRANSLATE_NOOP("Core", "indices outside 0..%1: %2"),
    QT_TRANSLATE_NOOP("Core", "indices repeated: %1"),
    QT_TRANSLATE_NOOP("Core", "the answer has no results"),
    QT_TRANSLATE_NOOP("Core", "indices"),
    QT_TRANSLATE_NOOP("Core", "indices of %n result(s), all valid and unique", None, 1),
    QT_TRANSLATE_NOOP("Core", "probe set, %1"),
    QT_TRANSLATE_NOOP("Core", "%1: #%2 first (%3)"),
    QT_TRANSLATE_NOOP("Core", "%1, expected #%2: %3…"),
    QT_TRANSLATE_NOOP("Core", "the relevant document is not first — %1"),
    QT_TRANSLATE_NOOP("Core", "the relevant document ranks first — %1"),
    QT_TRANSLATE_NOOP("Core", "%1 documents, top_n %2"),
    QT_TRANSLATE_NOOP("Core", "the planted document #%1 is not first: %2"),
    QT_TRANSLATE_NOOP("Core", "%1 documents ranked; the planted #%2 first (%3)"),
    QT_TRANSLATE_NOOP(
        "Core", "the flavour truncates long documents instead of chunking them: no chunk rule"
    ),
    QT_TRANSLATE_NOOP("Core", "%1 documents x %n chunk(s) = %2 (at the budget)", None, 1),
    QT_TRANSLATE_NOOP("Core", "%1 was refused with HTTP %2: %3"),
    QT_TRANSLATE_NOOP("Core", "%1 was refused without a clear 4xx message: %2"),
    QT_TRANSLATE_NOOP("Core", "%1 was accepted; the rule says the product must stay below %2"),
    QT_TRANSLATE_NOOP("Core", "English"),
    QT_TRANSLATE_NOOP("Core", "Italian"),
    # workbench/core/qa/checks_chat.py
    QT_TRANSLATE_NOOP("Core", "plain prompt"),
    QT_TRANSLATE_NOOP("Core", "the answer reports a failure: %1"),
    QT_TRANSLATE_NOOP("Core", "the answer is empty (finish reason %1)"),
    QT_TRANSLATE_NOOP("Core", "%n character(s), finish reason %1: %2", None, 1),
    QT_TRANSLATE_NOOP("Core", "the plain prompt, streamed"),
    QT_TRANSLATE_NOOP("Core", "the stream broke after %n event(s): %1", None, 1),
    QT_TRANSLATE_NOOP(
        "Core", "the stream ended after %n event(s) without its final event", None, 1
    ),
    QT_TRANSLATE_NOOP("Core", "the stream reported a failure: %1"),
    QT_TRANSLATE_NOOP("Core", "the non-streamed answer"),
    QT_TRANSLATE_NOOP("Core", "%n event(s), a final event; text equals %1", None, 1),
    QT_TRANSLATE_NOOP(
        "Core", "%n event(s), a final event, first token after %1 ms; text equals %2", None, 1
    ),
    QT_TRANSLATE_NOOP("Core", "%1; %n unknown event(s) skipped", None, 1),
    QT_TRANSLATE_NOOP("Core", "the streamed text differs from %1 at character %2: %3 vs %4"),
    QT_TRANSLATE_NOOP("Core", "the final event's text"),
    QT_TRANSLATE_NOOP("Core", "the %1 route takes no RAG documents"),
    QT_TRANSLATE_NOOP("Core", "2 documents"),
    QT_TRANSLATE_NOOP("Core", "the answer cites nothing: %1"),
    QT_TRANSLATE_NOOP("Core", "%1 of %n citation(s) wrong — %2", None, 1),
    QT_TRANSLATE_NOOP(
        "Core", "%n citation(s), each on its text and citing documents sent", None, 1
    ),
    QT_TRANSLATE_NOOP("Core", "citation %1: offsets %2..%3 outside the answer"),
    QT_TRANSLATE_NOOP("Core", "citation %1: answer[%2:%3] is %4, the citation says %5"),
    QT_TRANSLATE_NOOP("Core", "citation %1 cites %2, which was never sent"),
    QT_TRANSLATE_NOOP("Core", "get_weather offered"),
    QT_TRANSLATE_NOOP("Core", "no tool call: the model answered %1"),
    QT_TRANSLATE_NOOP("Core", "the model called %1, a tool that was not offered"),
    QT_TRANSLATE_NOOP("Core", "the arguments are not JSON: %1"),
    QT_TRANSLATE_NOOP("Core", "the arguments miss the required string 'city': %1"),
    QT_TRANSLATE_NOOP("Core", "the tool's result sent back"),
    QT_TRANSLATE_NOOP("Core", "the answer does not use the result (21 °C, sunny): %1"),
    QT_TRANSLATE_NOOP("Core", "%1 called; the answer uses the result: %2"),
    QT_TRANSLATE_NOOP("Core", "max_tokens 5, but %1 output tokens were billed"),
    QT_TRANSLATE_NOOP("Core", "max_tokens 5 ended with finish reason %1, not MAX_TOKENS"),
    QT_TRANSLATE_NOOP("Core", "cut short: finish reason %1, %2 tokens"),
    QT_TRANSLATE_NOOP("Core", "cut short: finish reason %1, %n token(s)", None, 1),
    QT_TRANSLATE_NOOP("Core", "the flavour takes no stop sequences"),
    QT_TRANSLATE_NOOP("Core", "the plain answer is too short to pick a stop sequence from"),
    QT_TRANSLATE_NOOP("Core", "the answer goes on past the stop sequence %1: %2"),
    QT_TRANSLATE_NOOP("Core", "stopped before %1 (finish reason %2): %3"),
    QT_TRANSLATE_NOOP("Core", "does %1 exist?"),
    QT_TRANSLATE_NOOP("Core", "the plain prompt through %1"),
    QT_TRANSLATE_NOOP("Core", "%1 gave an empty answer (finish reason %2)"),
    QT_TRANSLATE_NOOP("Core", "a different text"),
    QT_TRANSLATE_NOOP("Core", "the same text"),
    QT_TRANSLATE_NOOP("Core", "%1 answered (%n character(s), %2)", None, 1),
    QT_TRANSLATE_NOOP("Core", "the deployment offers no other chat route (%1: 404)"),
    QT_TRANSLATE_NOOP("Core", "%1 answered; %2"),
    # workbench/core/qa/checks_errors.py
    QT_TRANSLATE_NOOP("Core", "the deployment serves neither chat nor rerank"),
    QT_TRANSLATE_NOOP("Core", "wrong field types"),
    QT_TRANSLATE_NOOP("Core", "a malformed request got HTTP %1, not a 4xx: %2"),
    QT_TRANSLATE_NOOP("Core", "HTTP %1 came without a message: %2"),
    QT_TRANSLATE_NOOP("Core", "HTTP %1: %2"),
    QT_TRANSLATE_NOOP("Core", "(not sent)"),
    QT_TRANSLATE_NOOP("Core", "unknown parameter %1, extra-parameters: %2"),
    QT_TRANSLATE_NOOP("Core", "refused with HTTP %1: %2"),
    QT_TRANSLATE_NOOP("Core", "the server failed instead of handling the unknown parameter: %1"),
    QT_TRANSLATE_NOOP("Core", "extra-parameters is %1, yet the unknown parameter was %2"),
    QT_TRANSLATE_NOOP("Core", "the unknown parameter was %1"),
    QT_TRANSLATE_NOOP("Core", "extra-parameters is error, yet the unknown parameter was accepted"),
    QT_TRANSLATE_NOOP("Core", "the unknown parameter was accepted"),
    QT_TRANSLATE_NOOP("Core", "%1, as extra-parameters: %2 asks"),
    QT_TRANSLATE_NOOP(
        "Core",
        "%1 (the endpoint sends no extra-parameters header, so the server's default applies)",
    ),
    # workbench/core/qa/checks_latency.py
    QT_TRANSLATE_NOOP("Core", "request %1 of %2, streamed"),
    QT_TRANSLATE_NOOP("Core", "no final event"),
    QT_TRANSLATE_NOOP("Core", "request %1 of %2"),
    QT_TRANSLATE_NOOP("Core", "the run asks for no latency requests"),
    QT_TRANSLATE_NOOP("Core", "request %1: %2"),
    QT_TRANSLATE_NOOP("Core", "%1 of %n request(s) failed (%2); %3", None, 1),
    QT_TRANSLATE_NOOP("Core", "%1; %2"),
    QT_TRANSLATE_NOOP("Core", "%n request(s): %1", None, 1),
    QT_TRANSLATE_NOOP("Core", "%1 ms"),
    QT_TRANSLATE_NOOP("Core", "n/a"),
    QT_TRANSLATE_NOOP("Core", "total p50 %1, p95 %2"),
    QT_TRANSLATE_NOOP("Core", "first token p50 %1, p95 %2; %3"),
    QT_TRANSLATE_NOOP("Core", "time to first token p95 %1 ms is over the %2 ms budget"),
    QT_TRANSLATE_NOOP("Core", "total time p95 %1 ms is over the %2 ms budget"),
    # workbench/core/qa/report.py: the latency chart's words
    QT_TRANSLATE_NOOP("Core", "total"),
    QT_TRANSLATE_NOOP("Core", "first token"),
    QT_TRANSLATE_NOOP("Core", "Latency per request"),
    QT_TRANSLATE_NOOP("Core", "request"),
)
"""Every template of `workbench.api` and `workbench.core`, marked for translation."""


def shown(text: str | Text) -> str:
    """A core text in the current language: a `Text` with its values filled in the locale's
    way, a plain string (a fixed reason kept as text) translated when it is in the catalogue.

    Redacted, as the English line is: a value may hold a URL with a key in it.
    """
    if isinstance(text, str):
        return redact_text(QCoreApplication.translate("Core", text))
    if text.count is None:
        template = QCoreApplication.translate("Core", text.template)
    else:
        template = counted_form(text.template, text.count)
    return redact_text(fill(template, *(_value(value, text.decimals) for value in text.values)))


def counted_form(template: str, count: int) -> str:
    """A counted template in the form Qt's plural rules pick for `count`, its %n filled in the
    locale's way ("1.234 richieste"); the English rule of the core where no translation has it.
    """
    plain = str(count)
    form = QCoreApplication.translate("Core", template, None, count)
    if form == template.replace("%n", plain):  # untranslated: Qt left "1 request(s)"
        form = english_form(template, count).replace("%n", plain)
    grouped = format_count(count)
    if grouped == plain:
        return form
    # Qt writes %n as plain digits ("1234"): put them back the locale's way. Only a count of
    # 1,000 or more is written differently, and no sentence holds such a figure of its own; a
    # marker (%1) is a single digit after a %.
    return re.sub(rf"(?<![%\d]){plain}(?!\d)", grouped, form)


def _value(value: Value, decimals: int) -> str:
    if isinstance(value, bool | str):
        return str(value)
    if isinstance(value, Text):
        return shown(value)
    if isinstance(value, Figure):
        return format_number(value.value, _places(value))
    if isinstance(value, int):
        return format_count(value)
    return format_number(value, decimals)


def _places(figure: Figure) -> int:
    """A figure's places after the point: its own, or as many as its English shows ("2.5": 1;
    "1.5e-05": 6)."""
    if figure.decimals is not None:
        return figure.decimals
    exponent = Decimal(str(figure)).normalize().as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0
