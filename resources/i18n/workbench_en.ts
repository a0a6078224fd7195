<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ChatPane</name>
    <message numerus="yes">
        <source>%n document(s) from the rerank results.</source>
        <translation>
            <numerusform>%n document from the rerank results.</numerusform>
            <numerusform>%n documents from the rerank results.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) attached to the next message (Model page).</source>
        <translation>
            <numerusform>%n image attached to the next message (Model page).</numerusform>
            <numerusform>%n images attached to the next message (Model page).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Discard the %n turn(s) of this conversation?</source>
        <translation>
            <numerusform>Discard the %n turn of this conversation?</numerusform>
            <numerusform>Discard the %n turns of this conversation?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Previous turn takes back the replayed turn and the %n turn(s) asked after it. Discard them?</source>
        <translation>
            <numerusform>Previous turn takes back the replayed turn and the %n turn asked after it. Discard them?</numerusform>
            <numerusform>Previous turn takes back the replayed turn and the %n turns asked after it. Discard them?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Apply makes the History section&apos;s messages the conversation: the %n turn(s) there now go, with their citations, sources and timings. Discard them?</source>
        <translation>
            <numerusform>Apply makes the History section&apos;s messages the conversation: the %n turn there now goes, with its citations, sources and timings. Discard it?</numerusform>
            <numerusform>Apply makes the History section&apos;s messages the conversation: the %n turns there now go, with their citations, sources and timings. Discard them?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompareColumn</name>
    <message numerus="yes">
        <source>%n citation(s)</source>
        <translation>
            <numerusform>%n citation</numerusform>
            <numerusform>%n citations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComparePane</name>
    <message numerus="yes">
        <source>Done: %n column(s) answered.</source>
        <translation>
            <numerusform>Done: %n column answered.</numerusform>
            <numerusform>Done: %n columns answered.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConversationTexts</name>
    <message numerus="yes">
        <source>Applied: %n message(s) in the conversation.</source>
        <translation>
            <numerusform>Applied: %n message in the conversation.</numerusform>
            <numerusform>Applied: %n messages in the conversation.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n message(s) and its system message as the preamble from %1 (%2).</source>
        <translation>
            <numerusform>Imported %n message and its system message as the preamble from %1 (%2).</numerusform>
            <numerusform>Imported %n messages and its system message as the preamble from %1 (%2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n message(s) from %1 (%2).</source>
        <translation>
            <numerusform>Imported %n message from %1 (%2).</numerusform>
            <numerusform>Imported %n messages from %1 (%2).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message numerus="yes">
        <source>%n stream event(s); the first:</source>
        <translation>
            <numerusform>%n stream event; the first:</numerusform>
            <numerusform>%n stream events; the first:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1… (%n more character(s))</source>
        <translation>
            <numerusform>%1… (%n more character)</numerusform>
            <numerusform>%1… (%n more characters)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n document</numerusform>
            <numerusform>%n documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s): %1</source>
        <translation>
            <numerusform>%n result: %1</numerusform>
            <numerusform>%n results: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>top_n 2 gave %n result(s)</source>
        <translation>
            <numerusform>top_n 2 gave %n result</numerusform>
            <numerusform>top_n 2 gave %n results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s), each carrying the document sent</source>
        <translation>
            <numerusform>%n result, each carrying the document sent</numerusform>
            <numerusform>%n results, each carrying the document sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n score(s) within 0..1, sorted: %1 … %2</source>
        <translation>
            <numerusform>%n score within 0..1, sorted: %1 … %2</numerusform>
            <numerusform>%n scores within 0..1, sorted: %1 … %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>indices of %n result(s), all valid and unique</source>
        <translation>
            <numerusform>indices of %n result, all valid and unique</numerusform>
            <numerusform>indices of %n results, all valid and unique</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 documents x %n chunk(s) = %2 (at the budget)</source>
        <translation>
            <numerusform>%1 documents x %n chunk = %2 (at the budget)</numerusform>
            <numerusform>%1 documents x %n chunks = %2 (at the budget)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s), finish reason %1: %2</source>
        <translation>
            <numerusform>%n character, finish reason %1: %2</numerusform>
            <numerusform>%n characters, finish reason %1: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the stream broke after %n event(s): %1</source>
        <translation>
            <numerusform>the stream broke after %n event: %1</numerusform>
            <numerusform>the stream broke after %n events: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the stream ended after %n event(s) without its final event</source>
        <translation>
            <numerusform>the stream ended after %n event without its final event</numerusform>
            <numerusform>the stream ended after %n events without its final event</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s), a final event; text equals %1</source>
        <translation>
            <numerusform>%n event, a final event; text equals %1</numerusform>
            <numerusform>%n events, a final event; text equals %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s), a final event, first token after %1 ms; text equals %2</source>
        <translation>
            <numerusform>%n event, a final event, first token after %1 ms; text equals %2</numerusform>
            <numerusform>%n events, a final event, first token after %1 ms; text equals %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; %n unknown event(s) skipped</source>
        <translation>
            <numerusform>%1; %n unknown event skipped</numerusform>
            <numerusform>%1; %n unknown events skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n citation(s) wrong — %2</source>
        <translation>
            <numerusform>%1 of %n citation wrong — %2</numerusform>
            <numerusform>%1 of %n citations wrong — %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n citation(s), each on its text and citing documents sent</source>
        <translation>
            <numerusform>%n citation, each on its text and citing documents sent</numerusform>
            <numerusform>%n citations, each on its text and citing documents sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>cut short: finish reason %1, %n token(s)</source>
        <translation>
            <numerusform>cut short: finish reason %1, %n token</numerusform>
            <numerusform>cut short: finish reason %1, %n tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 answered (%n character(s), %2)</source>
        <translation>
            <numerusform>%1 answered (%n character, %2)</numerusform>
            <numerusform>%1 answered (%n characters, %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n request(s) failed (%2); %3</source>
        <translation>
            <numerusform>%1 of %n request failed (%2); %3</numerusform>
            <numerusform>%1 of %n requests failed (%2); %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s): %1</source>
        <translation>
            <numerusform>%n request: %1</numerusform>
            <numerusform>%n requests: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DocumentsEditor</name>
    <message numerus="yes">
        <source>%1 document(s)</source>
        <translation>
            <numerusform>%1 document</numerusform>
            <numerusform>%1 documents</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EvaluationPane</name>
    <message numerus="yes">
        <source>Ranked %n of %1 query rankings</source>
        <translation>
            <numerusform>Ranked %n of %1 query rankings</numerusform>
            <numerusform>Ranked %n of %1 query rankings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queries evaluated.</source>
        <translation>
            <numerusform>%n query evaluated.</numerusform>
            <numerusform>%n queries evaluated.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n requests sent.</source>
        <translation>
            <numerusform>%n request sent.</numerusform>
            <numerusform>%n requests sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rankings taken from saved progress.</source>
        <translation>
            <numerusform>%n ranking taken from saved progress.</numerusform>
            <numerusform>%n rankings taken from saved progress.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryPane</name>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n run</numerusform>
            <numerusform>%n runs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Demo script of %n turn(s) saved.</source>
        <translation>
            <numerusform>Demo script of %n turn saved.</numerusform>
            <numerusform>Demo script of %n turns saved.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) exported.</source>
        <translation>
            <numerusform>%n run exported.</numerusform>
            <numerusform>%n runs exported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) imported.</source>
        <translation>
            <numerusform>%n run imported.</numerusform>
            <numerusform>%n runs imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportTexts</name>
    <message numerus="yes">
        <source>%n document(s) from %1, %2 (read by its content)</source>
        <translation>
            <numerusform>%n document from %1, %2 (read by its content)</numerusform>
            <numerusform>%n documents from %1, %2 (read by its content)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) from %1, %2</source>
        <translation>
            <numerusform>%n document from %1, %2</numerusform>
            <numerusform>%n documents from %1, %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ModelOptions</name>
    <message numerus="yes">
        <source>%n image(s) · ≈ %1 tokens · %2 KB (estimate)</source>
        <translation>
            <numerusform>%n image · ≈ %1 tokens · %2 KB (estimate)</numerusform>
            <numerusform>%n images · ≈ %1 tokens · %2 KB (estimate)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QaPane</name>
    <message numerus="yes">
        <source>%n passed</source>
        <translation>
            <numerusform>%n passed</numerusform>
            <numerusform>%n passed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n skipped</numerusform>
            <numerusform>%n skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RerankForm</name>
    <message numerus="yes">
        <source>No “text” key: ranking on %1, the key with the most text. Check other keys to rank on them instead.</source>
        <translation>
            <numerusform>No “text” key: ranking on %1, the key with the most text. Check other keys to rank on them instead.</numerusform>
            <numerusform>No “text” key: ranking on %1, the key with the most text. Check other keys to rank on them instead.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RerankTexts</name>
    <message numerus="yes">
        <source>“%1” is missing from %2 of %3 documents</source>
        <translation>
            <numerusform>“%1” is missing from %2 of %3 documents</numerusform>
            <numerusform>“%1” is missing from %2 of %3 documents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 result(s) in %2</source>
        <translation>
            <numerusform>%1 result in %2</numerusform>
            <numerusform>%1 results in %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 search unit(s)</source>
        <translation>
            <numerusform>%1 search unit</numerusform>
            <numerusform>%1 search units</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>// … and %1 more document(s) (Copy body copies them all)</source>
        <translation>
            <numerusform>// … and %1 more document (Copy body copies them all)</numerusform>
            <numerusform>// … and %1 more documents (Copy body copies them all)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunsModel</name>
    <message numerus="yes">
        <source>%1 in %n request(s)</source>
        <translation>
            <numerusform>%1 in %n request</numerusform>
            <numerusform>%1 in %n requests</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourcesView</name>
    <message numerus="yes">
        <source>Cited by %n span(s): %1</source>
        <translation>
            <numerusform>Cited by %n span: %1</numerusform>
            <numerusform>Cited by %n spans: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineChart</name>
    <message numerus="yes">
        <source>headers %1, first token %2, last token %3, %n event(s), %4 tokens/s</source>
        <translation>
            <numerusform>headers %1, first token %2, last token %3, %n event, %4 tokens/s</numerusform>
            <numerusform>headers %1, first token %2, last token %3, %n events, %4 tokens/s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ToolResultsForm</name>
    <message numerus="yes">
        <source>The model asked for %n tool call(s): type or paste their outputs.</source>
        <translation>
            <numerusform>The model asked for %n tool call: type or paste their outputs.</numerusform>
            <numerusform>The model asked for %n tool calls: type or paste their outputs.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TranscriptTexts</name>
    <message numerus="yes">
        <source>↩ sent %n tool result(s)</source>
        <translation>
            <numerusform>↩ sent %n tool result</numerusform>
            <numerusform>↩ sent %n tool results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Thinking (%n words)</source>
        <translation>
            <numerusform>Thinking (%n word)</numerusform>
            <numerusform>Thinking (%n words)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TurnPresenter</name>
    <message numerus="yes">
        <source>Answered in %1, %n token(s).</source>
        <translation>
            <numerusform>Answered in %1, %n token.</numerusform>
            <numerusform>Answered in %1, %n tokens.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TurnTexts</name>
    <message numerus="yes">
        <source>JSON ✗ %1 (+%n more)</source>
        <translation>
            <numerusform>JSON ✗ %1 (+%n more)</numerusform>
            <numerusform>JSON ✗ %1 (+%n more)</numerusform>
        </translation>
    </message>
</context>
</TS>
