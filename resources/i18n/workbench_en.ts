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
    <name>DocumentsEditor</name>
    <message numerus="yes">
        <source>%Ln document(s)</source>
        <translation>
            <numerusform>%Ln document</numerusform>
            <numerusform>%Ln documents</numerusform>
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
