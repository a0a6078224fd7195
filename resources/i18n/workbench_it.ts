<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it" sourcelanguage="en">
<context>
    <name>ChatPane</name>
    <message>
        <source>▶ Replay: %1</source>
        <translation>▶ Riproduzione: %1</translation>
    </message>
    <message>
        <source>Replaying a recorded turn (no network)</source>
        <translation>Riproduzione di un turno registrato (senza rete)</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) attached to the next message (Model page).</source>
        <translation>
            <numerusform>%n immagine allegata al prossimo messaggio (pagina Modello).</numerusform>
            <numerusform>%n immagini allegate al prossimo messaggio (pagina Modello).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DemoBar</name>
    <message>
        <source>Demo script</source>
        <translation>Script demo</translation>
    </message>
    <message>
        <source>Demo script position</source>
        <translation>Posizione nello script demo</translation>
    </message>
    <message>
        <source>Previous turn</source>
        <translation>Turno precedente</translation>
    </message>
    <message>
        <source>Take the last replayed turn back (%1)</source>
        <translation>Ritira l&apos;ultimo turno riprodotto (%1)</translation>
    </message>
    <message>
        <source>Next turn</source>
        <translation>Turno successivo</translation>
    </message>
    <message>
        <source>Replay the script&apos;s next turn (%1)</source>
        <translation>Riproduci il turno successivo dello script (%1)</translation>
    </message>
    <message>
        <source>Sp&amp;eed</source>
        <translation>Velo&amp;cità</translation>
    </message>
    <message>
        <source>Demo replay speed</source>
        <translation>Velocità di riproduzione della demo</translation>
    </message>
    <message>
        <source>How many times faster than it was recorded</source>
        <translation>Quante volte più veloce rispetto alla registrazione</translation>
    </message>
    <message>
        <source>End demo</source>
        <translation>Termina demo</translation>
    </message>
    <message>
        <source>This turn cannot be replayed: %1</source>
        <translation>Questo turno non può essere riprodotto: %1</translation>
    </message>
    <message>
        <source>▶ %1: turn %2 of %3, replayed with no network</source>
        <translation>▶ %1: turno %2 di %3, riprodotto senza rete</translation>
    </message>
</context>
<context>
    <name>EndpointForm</name>
    <message>
        <source>Connection summary</source>
        <translation>Riepilogo della connessione</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>Connessione:</translation>
    </message>
    <message>
        <source>Hidden in demo mode: %1 · %2</source>
        <translation>Nascosto in modalità demo: %1 · %2</translation>
    </message>
</context>
<context>
    <name>EndpointTransfer</name>
    <message>
        <source>Demo mode is on: hosts are written as host.invalid.</source>
        <translation>La modalità demo è attiva: gli host sono scritti come host.invalid.</translation>
    </message>
</context>
<context>
    <name>HistoryPane</name>
    <message>
        <source>History</source>
        <translation>Cronologia</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Cerca</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Cerca</translation>
    </message>
    <message>
        <source>Words in queries, messages, answers and notes</source>
        <translation>Parole in query, messaggi, risposte e note</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Tutti</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Tipo</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>&amp;Endpoint</source>
        <translation>&amp;Endpoint</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modello</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modello</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Esito</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>Es&amp;ito</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Sempre</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Oggi</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Ultimi 7 giorni</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Ultimi 30 giorni</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Quando</translation>
    </message>
    <message>
        <source>Recorded runs</source>
        <translation>Esecuzioni registrate</translation>
    </message>
    <message>
        <source>R&amp;uns</source>
        <translation>Ese&amp;cuzioni</translation>
    </message>
    <message>
        <source>Run inspector</source>
        <translation>Dettagli dell&apos;esecuzione</translation>
    </message>
    <message>
        <source>&amp;Inspector</source>
        <translation>&amp;Dettagli</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Sequenza temporale</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>Se&amp;quenza temporale</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etichetta</translation>
    </message>
    <message>
        <source>&amp;Label</source>
        <translation>Eti&amp;chetta</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Nota</translation>
    </message>
    <message>
        <source>Save label and note</source>
        <translation>Salva etichetta e nota</translation>
    </message>
    <message>
        <source>&amp;Pin / unpin</source>
        <translation>&amp;Fissa / sblocca</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Elimina</translation>
    </message>
    <message>
        <source>Open &amp;back in its pane</source>
        <translation>&amp;Riapri nel suo pannello</translation>
    </message>
    <message>
        <source>Replay in Chat</source>
        <translation>Riproduci in Chat</translation>
    </message>
    <message>
        <source>Replay speed</source>
        <translation>Velocità di riproduzione</translation>
    </message>
    <message>
        <source>Replay speed (times)</source>
        <translation>Velocità di riproduzione (volte)</translation>
    </message>
    <message>
        <source>Play as demo</source>
        <translation>Riproduci come demo</translation>
    </message>
    <message>
        <source>Save demo script…</source>
        <translation>Salva script demo…</translation>
    </message>
    <message>
        <source>Open demo script…</source>
        <translation>Apri script demo…</translation>
    </message>
    <message>
        <source>Export as</source>
        <translation>Esporta come</translation>
    </message>
    <message>
        <source>Export &amp;as</source>
        <translation>Esporta co&amp;me</translation>
    </message>
    <message>
        <source>&amp;Copy code</source>
        <translation>C&amp;opia codice</translation>
    </message>
    <message>
        <source>E&amp;xport file…</source>
        <translation>Esporta &amp;file…</translation>
    </message>
    <message>
        <source>Import file…</source>
        <translation>Importa file…</translation>
    </message>
    <message>
        <source>Delete all…</source>
        <translation>Elimina tutto…</translation>
    </message>
    <message>
        <source>Keep a histor&amp;y of runs</source>
        <translation>Conserva la cronolo&amp;gia delle esecuzioni</translation>
    </message>
    <message>
        <source>Keep a history of runs</source>
        <translation>Conserva la cronologia delle esecuzioni</translation>
    </message>
    <message>
        <source>History status</source>
        <translation>Stato della cronologia</translation>
    </message>
    <message>
        <source>The run history is off.</source>
        <translation>La cronologia delle esecuzioni è disattivata.</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s)</source>
        <translation>
            <numerusform>%n esecuzione</numerusform>
            <numerusform>%n esecuzioni</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a chat turn to replay.</source>
        <translation>Scegli un turno di chat da riprodurre.</translation>
    </message>
    <message numerus="yes">
        <source>Demo script of %n turn(s) saved.</source>
        <translation>
            <numerusform>Script demo di %n turno salvato.</numerusform>
            <numerusform>Script demo di %n turni salvato.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not opened: %1</source>
        <translation>Non aperto: %1</translation>
    </message>
    <message>
        <source>Save demo script</source>
        <translation>Salva script demo</translation>
    </message>
    <message>
        <source>Demo scripts (*.jsonl)</source>
        <translation>Script demo (*.jsonl)</translation>
    </message>
    <message>
        <source>Open demo script</source>
        <translation>Apri script demo</translation>
    </message>
    <message>
        <source>Demo scripts (*.jsonl);;All files (*)</source>
        <translation>Script demo (*.jsonl);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Code copied to the clipboard.</source>
        <translation>Codice copiato negli appunti.</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) exported.</source>
        <translation>
            <numerusform>%n esecuzione esportata.</numerusform>
            <numerusform>%n esecuzioni esportate.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>Non importato: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) imported.</source>
        <translation>
            <numerusform>%n esecuzione importata.</numerusform>
            <numerusform>%n esecuzioni importate.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export runs</source>
        <translation>Esporta esecuzioni</translation>
    </message>
    <message>
        <source>Run files (*.jsonl)</source>
        <translation>File di esecuzioni (*.jsonl)</translation>
    </message>
    <message>
        <source>Mask host names?</source>
        <translation>Mascherare i nomi host?</translation>
    </message>
    <message>
        <source>Import runs</source>
        <translation>Importa esecuzioni</translation>
    </message>
    <message>
        <source>Run files (*.jsonl);;All files (*)</source>
        <translation>File di esecuzioni (*.jsonl);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>New runs are not recorded; Delete all removes the rest.</source>
        <translation>Le nuove esecuzioni non vengono registrate; Elimina tutto rimuove le altre.</translation>
    </message>
    <message>
        <source>Delete all runs</source>
        <translation>Elimina tutte le esecuzioni</translation>
    </message>
    <message>
        <source>Delete every recorded run for good?</source>
        <translation>Eliminare definitivamente tutte le esecuzioni registrate?</translation>
    </message>
</context>
<context>
    <name>ImageStrip</name>
    <message>
        <source>Attached images</source>
        <translation>Immagini allegate</translation>
    </message>
    <message>
        <source>pasted image</source>
        <translation>immagine incollata</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Cohere Workbench</source>
        <translation>Cohere Workbench</translation>
    </message>
    <message>
        <source>Panes</source>
        <translation>Pannelli</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Last notice</source>
        <translation>Ultimo avviso</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Al lavoro</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>Avvisi</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visualizza</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Lingua</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>Ese&amp;gui</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annulla</translation>
    </message>
    <message>
        <source>&amp;Demo mode</source>
        <translation>Modalità &amp;demo</translation>
    </message>
    <message>
        <source>Mask hosts and keys, enlarge fonts, hide connection details (Ctrl+Shift+D)</source>
        <translation>Maschera host e chiavi, ingrandisce i caratteri, nasconde i dettagli di connessione (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;iuto</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Scorciatoie da &amp;tastiera</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Informazioni</translation>
    </message>
    <message>
        <source>This run cannot be opened now</source>
        <translation>Questa esecuzione non può essere aperta ora</translation>
    </message>
    <message>
        <source>A chat turn is answering: stop it or wait for its end first.</source>
        <translation>Un turno di chat sta rispondendo: fermalo o attendi che finisca.</translation>
    </message>
    <message>
        <source>This run cannot be opened</source>
        <translation>Questa esecuzione non si può aprire</translation>
    </message>
    <message>
        <source>It was recorded without its inputs (imported from an older file?).</source>
        <translation>È stata registrata senza i suoi dati di ingresso (importata da un file più vecchio?).</translation>
    </message>
    <message>
        <source>This turn cannot be replayed</source>
        <translation>Questo turno non si può riprodurre</translation>
    </message>
    <message>
        <source>The demo cannot start now</source>
        <translation>La demo non può iniziare ora</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Scorciatoie da tastiera</translation>
    </message>
    <message>
        <source>Cohere Workbench %1
Try, demo and check Cohere models on serverless endpoints.</source>
        <translation>Cohere Workbench %1
Prova, mostra e verifica i modelli Cohere su endpoint serverless.</translation>
    </message>
    <message>
        <source>About Cohere Workbench</source>
        <translation>Informazioni su Cohere Workbench</translation>
    </message>
</context>
<context>
    <name>ModelOptions</name>
    <message>
        <source>Model options</source>
        <translation>Opzioni del modello</translation>
    </message>
    <message>
        <source>Reasoning</source>
        <translation>Ragionamento</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>Ragionamento (thinking)</translation>
    </message>
    <message>
        <source>Model default</source>
        <translation>Predefinito del modello</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Attivo</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Disattivo</translation>
    </message>
    <message>
        <source>Thinking:</source>
        <translation>Ragionamento (thinking):</translation>
    </message>
    <message>
        <source>Thinking token budget</source>
        <translation>Budget di token per il ragionamento</translation>
    </message>
    <message>
        <source>no budget</source>
        <translation>nessun budget</translation>
    </message>
    <message>
        <source>Token &amp;budget:</source>
        <translation>&amp;Budget di token:</translation>
    </message>
    <message>
        <source>Response format</source>
        <translation>Formato della risposta</translation>
    </message>
    <message>
        <source>Text (default)</source>
        <translation>Testo (predefinito)</translation>
    </message>
    <message>
        <source>JSON object</source>
        <translation>Oggetto JSON</translation>
    </message>
    <message>
        <source>JSON schema</source>
        <translation>Schema JSON</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Formato:</translation>
    </message>
    <message>
        <source>Schema:</source>
        <translation>Schema:</translation>
    </message>
    <message>
        <source>Tool use</source>
        <translation>Uso degli strumenti</translation>
    </message>
    <message>
        <source>Tool choice</source>
        <translation>Scelta dello strumento</translation>
    </message>
    <message>
        <source>Model decides</source>
        <translation>Decide il modello</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obbligatorio</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Nessuno</translation>
    </message>
    <message>
        <source>Tool choice:</source>
        <translation>Scelta dello strumento:</translation>
    </message>
    <message>
        <source>Strict tools</source>
        <translation>Strumenti rigorosi (strict_tools)</translation>
    </message>
    <message>
        <source>Tool calls follow the tool definitions strictly.</source>
        <translation>Le chiamate agli strumenti seguono rigorosamente le definizioni degli strumenti.</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Immagini</translation>
    </message>
    <message>
        <source>Attached:</source>
        <translation>Allegate:</translation>
    </message>
    <message>
        <source>Image detail</source>
        <translation>Dettaglio delle immagini</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Automatico</translation>
    </message>
    <message>
        <source>Low (fewer tokens)</source>
        <translation>Basso (meno token)</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alto</translation>
    </message>
    <message>
        <source>Detail:</source>
        <translation>Dettaglio:</translation>
    </message>
    <message>
        <source>&amp;Attach image…</source>
        <translation>&amp;Allega immagine…</translation>
    </message>
    <message>
        <source>Attach image</source>
        <translation>Allega immagine</translation>
    </message>
    <message>
        <source>&amp;Paste image</source>
        <translation>&amp;Incolla immagine</translation>
    </message>
    <message>
        <source>Paste image</source>
        <translation>Incolla immagine</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Rimuovi</translation>
    </message>
    <message>
        <source>Remove selected image</source>
        <translation>Rimuovi l&apos;immagine selezionata</translation>
    </message>
    <message>
        <source>Image token estimate</source>
        <translation>Stima dei token delle immagini</translation>
    </message>
    <message>
        <source>Unknown model: every option is offered; the server decides.</source>
        <translation>Modello sconosciuto: sono offerte tutte le opzioni; decide il server.</translation>
    </message>
    <message>
        <source>%1: safety modes %2.</source>
        <translation>%1: modalità di sicurezza %2.</translation>
    </message>
    <message>
        <source>The schema must be a JSON object</source>
        <translation>Lo schema deve essere un oggetto JSON</translation>
    </message>
    <message>
        <source>%1 image(s) · ≈ %2 tokens · %3 KB (estimate)</source>
        <translation>%1 immagini · ≈ %2 token · %3 KB (stima)</translation>
    </message>
    <message>
        <source>Attach images</source>
        <translation>Allega immagini</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>Immagini (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
</context>
<context>
    <name>Panes</name>
    <message>
        <source>&amp;Rerank</source>
        <translation>&amp;Rerank</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>&amp;Chat</translation>
    </message>
    <message>
        <source>&amp;Endpoints</source>
        <translation>&amp;Endpoint</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>Cronolo&amp;gia</translation>
    </message>
</context>
<context>
    <name>RunView</name>
    <message>
        <source>— request %1 of %2 —</source>
        <translation>— richiesta %1 di %2 —</translation>
    </message>
</context>
<context>
    <name>RunsModel</name>
    <message>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modello</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Esito</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Query</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n request(s)</source>
        <translation>
            <numerusform>%1 in %n richiesta</numerusform>
            <numerusform>%1 in %n richieste</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>run the rerank, send the chat message</source>
        <translation>esegue il rerank, invia il messaggio della chat</translation>
    </message>
    <message>
        <source>cancel what the current pane is doing</source>
        <translation>annulla ciò che sta facendo il pannello corrente</translation>
    </message>
    <message>
        <source>save the endpoint being edited</source>
        <translation>salva l&apos;endpoint in modifica</translation>
    </message>
    <message>
        <source>show or hide the notices</source>
        <translation>mostra o nasconde gli avvisi</translation>
    </message>
    <message>
        <source>demo mode: hosts and keys masked, larger fonts</source>
        <translation>modalità demo: host e chiavi mascherati, caratteri più grandi</translation>
    </message>
    <message>
        <source>quit</source>
        <translation>esce</translation>
    </message>
</context>
<context>
    <name>TimelineChart</name>
    <message>
        <source>Timeline</source>
        <translation>Sequenza temporale</translation>
    </message>
    <message>
        <source>headers</source>
        <translation>intestazioni</translation>
    </message>
    <message>
        <source>first</source>
        <translation>primo</translation>
    </message>
    <message>
        <source>last</source>
        <translation>ultimo</translation>
    </message>
</context>
</TS>
