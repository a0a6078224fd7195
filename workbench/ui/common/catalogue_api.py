"""Templates of `workbench.api`'s texts for people, marked for lupdate in the "Core" context.

Part of the GUI's catalogue of core texts: `core_text.CATALOGUE` joins the parts, and
tests/ui/test_core_text.py holds them to the templates the code writes.
"""

from __future__ import annotations

from workbench.ui.common.l10n import QT_TRANSLATE_NOOP

API_TEXTS = (
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
    # workbench/api/tools.py
    QT_TRANSLATE_NOOP(
        "Core",
        "the tool calls of this answer have no results: send them first (tool results), or start a new conversation",
    ),
    # a tool definition refused (its "expected an object" is listed with one_file.py's)
    QT_TRANSLATE_NOOP("Core", "a tool must be a JSON object"),
    QT_TRANSLATE_NOOP("Core", "a tool needs a non-empty string `name`"),
    QT_TRANSLATE_NOOP("Core", "expected a JSON schema object"),
    # workbench/api/http_client.py
    QT_TRANSLATE_NOOP("Core", "cannot load the CA bundle: %1"),
    # workbench/api/transport_errors.py
    QT_TRANSLATE_NOOP("Core", "the connection broke: %1"),
    # workbench/api/transport_errors.py: httpx's own words for a failed connection
    QT_TRANSLATE_NOOP("Core", "All connection attempts failed"),
    QT_TRANSLATE_NOOP("Core", "Server disconnected without sending a response."),
    QT_TRANSLATE_NOOP("Core", "Server disconnected"),
    QT_TRANSLATE_NOOP("Core", "Connection closed"),
    # workbench/api/client.py
    QT_TRANSLATE_NOOP("Core", "give at least one document"),
    QT_TRANSLATE_NOOP("Core", "the stream broke off: %1"),
    QT_TRANSLATE_NOOP("Core", "the answer is not JSON (%1): %2"),
    QT_TRANSLATE_NOOP("Core", "the answer is not a JSON object"),
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
    QT_TRANSLATE_NOOP("Core", "document %1 is ranked already at results[%2]"),
    # workbench/api/framing.py
    QT_TRANSLATE_NOOP("Core", "a stream line is longer than %1 bytes"),
    QT_TRANSLATE_NOOP("Core", "the stream is not valid UTF-8"),
    QT_TRANSLATE_NOOP("Core", "expected JSON lines or server-sent events, got %1"),
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
)
