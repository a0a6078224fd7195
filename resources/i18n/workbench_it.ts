<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>Started with default settings</source>
        <translation>Avviato con le impostazioni predefinite</translation>
    </message>
    <message>
        <source>The broken file was kept as settings.broken.json.</source>
        <translation>Il file danneggiato è stato conservato come settings.broken.json.</translation>
    </message>
    <message>
        <source>Passwords taken out of saved endpoint URLs</source>
        <translation>Password tolte dagli URL degli endpoint salvati</translation>
    </message>
    <message>
        <source>%1: an earlier version kept the user name and password typed in the URL, in plain text in the settings file. They would have been sent in place of the key, so these endpoints were refused; put the key in the API key field.</source>
        <translation>%1: una versione precedente conservava in chiaro, nel file delle impostazioni, il nome utente e la password scritti nell&apos;URL. Sarebbero stati inviati al posto della chiave, perciò questi endpoint venivano rifiutati; metti la chiave nel campo Chiave API.</translation>
    </message>
    <message>
        <source>The history database could not be opened: %1</source>
        <translation>Non è stato possibile aprire il database della cronologia: %1</translation>
    </message>
    <message>
        <source>Run history is off</source>
        <translation>La cronologia delle esecuzioni è disattivata</translation>
    </message>
    <message>
        <source>Run history started afresh</source>
        <translation>La cronologia delle esecuzioni è ripartita da zero</translation>
    </message>
    <message>
        <source>The log folder could not be written: %1</source>
        <translation>Impossibile scrivere la cartella dei log: %1</translation>
    </message>
    <message>
        <source>No log file</source>
        <translation>Nessun file di log</translation>
    </message>
    <message>
        <source>Runs not recorded</source>
        <translation>Esecuzioni non registrate</translation>
    </message>
    <message>
        <source>The run history refused a write (%1). What it refused is kept and written once it accepts writes again; if it still refuses when the workbench closes, it is kept in a file beside the history and added at the next start.</source>
        <translation>La cronologia delle esecuzioni ha rifiutato una scrittura (%1). Ciò che ha rifiutato viene conservato e scritto non appena le scritture saranno di nuovo accettate; se le rifiuta ancora alla chiusura del workbench, viene conservato in un file accanto alla cronologia e aggiunto all&apos;avvio successivo.</translation>
    </message>
    <message>
        <source>Kept runs not restored</source>
        <translation>Esecuzioni conservate non ripristinate</translation>
    </message>
    <message>
        <source>The runs kept aside in %1 could not be added to the run history (%2). The file was kept.</source>
        <translation>Le esecuzioni conservate in %1 non sono state aggiunte alla cronologia delle esecuzioni (%2). Il file è stato conservato.</translation>
    </message>
    <message>
        <source>Runs restored: %1</source>
        <translation>Esecuzioni ripristinate: %1</translation>
    </message>
    <message>
        <source>The run history refused these runs when the workbench last closed; they were kept aside and are in the history now.</source>
        <translation>La cronologia delle esecuzioni ha rifiutato queste esecuzioni all&apos;ultima chiusura del workbench; sono state conservate a parte e ora sono nella cronologia.</translation>
    </message>
    <message>
        <source>Runs not recorded: %1</source>
        <translation>Esecuzioni non registrate: %1</translation>
    </message>
    <message>
        <source>The run history refused them and %1 could not be written (%2).</source>
        <translation>La cronologia delle esecuzioni le ha rifiutate e non è stato possibile scrivere %1 (%2).</translation>
    </message>
    <message>
        <source>Runs kept aside: %1</source>
        <translation>Esecuzioni conservate a parte: %1</translation>
    </message>
    <message>
        <source>The run history refused them; they were kept in %1 and are added to it at the next start.</source>
        <translation>La cronologia delle esecuzioni le ha rifiutate; sono state conservate in %1 e verranno aggiunte all&apos;avvio successivo.</translation>
    </message>
</context>
<context>
    <name>AttachmentChips</name>
    <message>
        <source>Attached to the next message</source>
        <translation>Allegati al messaggio in partenza</translation>
    </message>
    <message>
        <source>Attached to the ne&amp;xt message</source>
        <translation>Allegati al messaggio in parten&amp;za</translation>
    </message>
    <message>
        <source>Delete or Backspace removes it</source>
        <translation>Canc o Backspace lo rimuove</translation>
    </message>
    <message>
        <source>Document &apos;%1&apos;</source>
        <translation>Documento &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Attached document &apos;%1&apos;: show the Documents section</source>
        <translation>Documento allegato &apos;%1&apos;: mostra la sezione Documenti</translation>
    </message>
    <message>
        <source>Remove document &apos;%1&apos;</source>
        <translation>Rimuovi il documento &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Tool &apos;%1&apos;</source>
        <translation>Strumento &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Attached tool &apos;%1&apos;: show the Tools section</source>
        <translation>Strumento allegato &apos;%1&apos;: mostra la sezione Strumenti</translation>
    </message>
    <message>
        <source>Remove tool &apos;%1&apos;</source>
        <translation>Rimuovi lo strumento &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Documents: the JSON has an error</source>
        <translation>Documenti: il JSON contiene un errore</translation>
    </message>
    <message>
        <source>Tools: the JSON has an error</source>
        <translation>Strumenti: il JSON contiene un errore</translation>
    </message>
    <message>
        <source>None of these is sent until the JSON is fixed; press to show it</source>
        <translation>Nessuno di questi viene inviato finché il JSON non è corretto; premi per mostrarlo</translation>
    </message>
</context>
<context>
    <name>ChatHistory</name>
    <message>
        <source>Chat history not saved</source>
        <translation>Cronologia della chat non salvata</translation>
    </message>
</context>
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
    <message>
        <source>Answering…</source>
        <translation>Risposta in corso…</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>No endpoint: add one in the Endpoints pane</source>
        <translation>Nessun endpoint: aggiungine uno nel pannello Endpoint</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>Answer copied.</source>
        <translation>Risposta copiata.</translation>
    </message>
    <message>
        <source>The answer broke off</source>
        <translation>La risposta si è interrotta</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) from the rerank results.</source>
        <translation>
            <numerusform>%n documento dai risultati del rerank.</numerusform>
            <numerusform>%n documenti dai risultati del rerank.</numerusform>
        </translation>
    </message>
    <message>
        <source>rank %1 · score %2</source>
        <translation>posizione %1 · punteggio %2</translation>
    </message>
    <message>
        <source>Chat error</source>
        <translation>Errore della chat</translation>
    </message>
    <message numerus="yes">
        <source>Discard the %n turn(s) of this conversation?</source>
        <translation>
            <numerusform>Scartare %n turno di questa conversazione?</numerusform>
            <numerusform>Scartare i %n turni di questa conversazione?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Previous turn takes back the replayed turn and the %n turn(s) asked after it. Discard them?</source>
        <translation>
            <numerusform>Turno precedente toglie il turno riprodotto e %n turno chiesto dopo. Scartarli?</numerusform>
            <numerusform>Turno precedente toglie il turno riprodotto e i %n turni chiesti dopo. Scartarli?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Apply makes the History section&apos;s messages the conversation: the %n turn(s) there now go, with their citations, sources and timings. Discard them?</source>
        <translation>
            <numerusform>Applica rende conversazione i messaggi della sezione Cronologia: %n turno presente ora se ne va, con le sue citazioni, fonti e tempi. Scartarlo?</numerusform>
            <numerusform>Applica rende conversazione i messaggi della sezione Cronologia: i %n turni che ci sono ora se ne vanno, con le loro citazioni, fonti e tempi. Scartarli?</numerusform>
        </translation>
    </message>
    <message>
        <source>Discard turns</source>
        <translation>Scarta i turni</translation>
    </message>
</context>
<context>
    <name>ChatSidePanel</name>
    <message>
        <source>RAG documents: strings or objects; `id` and `_excludes` are honoured (Cohere only).</source>
        <translation>Documenti RAG: stringhe o oggetti; `id` e `_excludes` vengono rispettati (solo Cohere).</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documenti</translation>
    </message>
    <message>
        <source>Empty: no documents are sent.</source>
        <translation>Vuoto: non si inviano documenti.</translation>
    </message>
    <message>
        <source>D&amp;ocuments</source>
        <translation>D&amp;ocumenti</translation>
    </message>
    <message>
        <source>v1 `parameter_definitions` or JSON-schema functions; converted for the endpoint&apos;s flavour.</source>
        <translation>`parameter_definitions` v1 o funzioni JSON Schema; convertiti per la variante dell&apos;endpoint.</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Strumenti</translation>
    </message>
    <message>
        <source>Empty: no tools are sent.</source>
        <translation>Vuoto: non si inviano strumenti.</translation>
    </message>
    <message>
        <source>T&amp;ools</source>
        <translation>&amp;Strumenti</translation>
    </message>
    <message>
        <source>Setup</source>
        <translation>Impostazione</translation>
    </message>
    <message>
        <source>Model and preamble / system message</source>
        <translation>Modello e preambolo / messaggio di sistema</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parametri</translation>
    </message>
    <message>
        <source>Generation parameters sent with each turn</source>
        <translation>Parametri di generazione inviati a ogni turno</translation>
    </message>
    <message>
        <source>RAG documents the answer is grounded on</source>
        <translation>Documenti RAG su cui si basa la risposta</translation>
    </message>
    <message>
        <source>Tools the model may call</source>
        <translation>Strumenti che il modello può chiamare</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modello</translation>
    </message>
    <message>
        <source>Reasoning, response format, tool choice and images</source>
        <translation>Ragionamento, formato della risposta, scelta dello strumento e immagini</translation>
    </message>
    <message>
        <source>Tool results</source>
        <translation>Risultati degli strumenti</translation>
    </message>
    <message>
        <source>Outputs for the model&apos;s tool calls</source>
        <translation>Output per le chiamate agli strumenti del modello</translation>
    </message>
    <message>
        <source>Trace</source>
        <translation>Traccia</translation>
    </message>
    <message>
        <source>Each turn&apos;s steps: tool plan, calls, search, finish</source>
        <translation>I passi di ogni turno: piano, chiamate agli strumenti, ricerca, conclusione</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Fonti</translation>
    </message>
    <message>
        <source>The documents the answer cites</source>
        <translation>I documenti citati dalla risposta</translation>
    </message>
    <message>
        <source>Search queries</source>
        <translation>Query di ricerca</translation>
    </message>
    <message>
        <source>Search queries the model generated</source>
        <translation>Query di ricerca generate dal modello</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Cronologia</translation>
    </message>
    <message>
        <source>The conversation the next request carries; edit, import</source>
        <translation>La conversazione inviata con la prossima richiesta; modifica, importazione</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Richiesta</translation>
    </message>
    <message>
        <source>The exact body and URL the next Send posts</source>
        <translation>Il corpo e l&apos;URL esatti che il prossimo Invia trasmette</translation>
    </message>
    <message>
        <source>Chat settings and details</source>
        <translation>Impostazioni e dettagli della chat</translation>
    </message>
    <message>
        <source>Chat sections</source>
        <translation>Sezioni della chat</translation>
    </message>
    <message>
        <source>Chat section page</source>
        <translation>Pagina della sezione della chat</translation>
    </message>
    <message>
        <source>Next section</source>
        <translation>Sezione successiva</translation>
    </message>
    <message>
        <source>Previous section</source>
        <translation>Sezione precedente</translation>
    </message>
    <message>
        <source>This flavour has no RAG documents.</source>
        <translation>Questa variante non ha documenti RAG.</translation>
    </message>
    <message>
        <source>server&apos;s default</source>
        <translation>predefinito del server</translation>
    </message>
</context>
<context>
    <name>ChatTurns</name>
    <message>
        <source>System message: %1</source>
        <translation>Messaggio di sistema: %1</translation>
    </message>
    <message>
        <source>imported: no reply in the history</source>
        <translation>importato: nessuna risposta nella cronologia</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>sconosciuto</translation>
    </message>
    <message>
        <source>finish: %1</source>
        <translation>fine: %1</translation>
    </message>
    <message>
        <source>first token %1</source>
        <translation>primo token %1</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 token/s</translation>
    </message>
    <message>
        <source>tokens in %1 / out %2</source>
        <translation>token in ingresso %1 / in uscita %2</translation>
    </message>
    <message>
        <source>billed %1</source>
        <translation>fatturati %1</translation>
    </message>
    <message>
        <source>thought ≈%1 tokens</source>
        <translation>ragionamento ≈%1 token</translation>
    </message>
    <message>
        <source>thought ≈%1 tokens in %2</source>
        <translation>ragionamento ≈%1 token in %2</translation>
    </message>
    <message>
        <source>JSON ✓ follows the schema</source>
        <translation>JSON ✓ conforme allo schema</translation>
    </message>
    <message>
        <source>JSON ✓ valid</source>
        <translation>JSON ✓ valido</translation>
    </message>
</context>
<context>
    <name>CompareColumn</name>
    <message>
        <source>Route of column %1</source>
        <translation>Route della colonna %1</translation>
    </message>
    <message>
        <source>What column %1 could not do</source>
        <translation>Cosa la colonna %1 non ha potuto fare</translation>
    </message>
    <message>
        <source>Answers of column %1</source>
        <translation>Risposte della colonna %1</translation>
    </message>
    <message>
        <source>Figures of column %1</source>
        <translation>Misure della colonna %1</translation>
    </message>
    <message>
        <source>Follow-up:</source>
        <translation>Seguito:</translation>
    </message>
    <message>
        <source>Follow-up for column %1</source>
        <translation>Seguito per la colonna %1</translation>
    </message>
    <message>
        <source>A message to this column only</source>
        <translation>Un messaggio solo per questa colonna</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continua</translation>
    </message>
    <message>
        <source>Continue column %1 alone</source>
        <translation>Continua solo la colonna %1</translation>
    </message>
    <message>
        <source>The last turn failed: its answer is cut short or missing. %1</source>
        <translation>L&apos;ultimo turno è fallito: la sua risposta è incompleta o manca. %1</translation>
    </message>
    <message>
        <source>(off)</source>
        <translation>(spenta)</translation>
    </message>
    <message>
        <source>%1 (removed)</source>
        <translation>%1 (rimosso)</translation>
    </message>
    <message>
        <source>Waiting for the first token…</source>
        <translation>In attesa del primo token…</translation>
    </message>
    <message numerus="yes">
        <source>%n citation(s)</source>
        <translation>
            <numerusform>%n citazione</numerusform>
            <numerusform>%n citazioni</numerusform>
        </translation>
    </message>
    <message>
        <source>Cut off: %1</source>
        <translation>Interrotta: %1</translation>
    </message>
    <message>
        <source>Tool calls: %1</source>
        <translation>Chiamate a strumenti: %1</translation>
    </message>
    <message>
        <source>You: </source>
        <translation>Tu: </translation>
    </message>
    <message>
        <source>Assistant: </source>
        <translation>Assistente: </translation>
    </message>
    <message>
        <source>Cited: %1</source>
        <translation>Citato: %1</translation>
    </message>
    <message>
        <source>Answers of column %1 from before</source>
        <translation>Risposte precedenti della colonna %1</translation>
    </message>
    <message>
        <source>Column &amp;%1</source>
        <translation>Colonna &amp;%1</translation>
    </message>
    <message>
        <source>Route:</source>
        <translation>Route:</translation>
    </message>
    <message>
        <source>Column %1 (“%2”) failed: %3</source>
        <translation>La colonna %1 (“%2”) non ha risposto: %3</translation>
    </message>
</context>
<context>
    <name>CompareFigures</name>
    <message>
        <source>This route takes no documents: they were not sent.</source>
        <translation>Questa route non accetta documenti: non sono stati inviati.</translation>
    </message>
    <message>
        <source>This route gives no citations.</source>
        <translation>Questa route non dà citazioni.</translation>
    </message>
    <message>
        <source>This route cannot answer with search queries only: it answered in full.</source>
        <translation>Questa route non può rispondere solo con le query di ricerca: ha risposto per intero.</translation>
    </message>
    <message>
        <source>This route takes no %1: it was not sent.</source>
        <translation>Questa route non accetta %1: non è stato inviato.</translation>
    </message>
    <message>
        <source>first token %1 ms</source>
        <translation>primo token %1 ms</translation>
    </message>
    <message>
        <source>≈%1 tokens</source>
        <translation>≈%1 token</translation>
    </message>
    <message>
        <source>≈%1 tokens/s</source>
        <translation>≈%1 token/s</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 token/s</translation>
    </message>
    <message>
        <source>tokens in %1 / out %2</source>
        <translation>token in ingresso %1 / in uscita %2</translation>
    </message>
    <message>
        <source>cost ≈ %1</source>
        <translation>costo ≈ %1</translation>
    </message>
    <message>
        <source>%1 s in all</source>
        <translation>%1 s in tutto</translation>
    </message>
</context>
<context>
    <name>CompareInputs</name>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Messaggio:</translation>
    </message>
    <message>
        <source>Message to every column</source>
        <translation>Messaggio per tutte le colonne</translation>
    </message>
    <message>
        <source>Mo&amp;del:</source>
        <translation>Mo&amp;dello:</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modello</translation>
    </message>
    <message>
        <source>for endpoints that name none</source>
        <translation>per gli endpoint che non ne indicano uno</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documenti</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Strumenti</translation>
    </message>
    <message>
        <source>Empty: no documents are sent.</source>
        <translation>Vuoto: non si inviano documenti.</translation>
    </message>
    <message>
        <source>Empty: no tools are sent.</source>
        <translation>Vuoto: non si inviano strumenti.</translation>
    </message>
    <message>
        <source>&amp;Also sent to every column</source>
        <translation>&amp;Inviati anche a tutte le colonne</translation>
    </message>
    <message>
        <source>Compare inputs</source>
        <translation>Dati del confronto</translation>
    </message>
    <message>
        <source>Doc&amp;uments</source>
        <translation>Do&amp;cumenti</translation>
    </message>
    <message>
        <source>T&amp;ools</source>
        <translation>&amp;Strumenti</translation>
    </message>
    <message>
        <source>&amp;Parameters</source>
        <translation>&amp;Parametri</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>Temperatura:</translation>
    </message>
    <message>
        <source>Max tokens:</source>
        <translation>Token massimi:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Seed:</translation>
    </message>
    <message>
        <source>server&apos;s default</source>
        <translation>predefinito del server</translation>
    </message>
</context>
<context>
    <name>CompareModel</name>
    <message>
        <source>only A</source>
        <translation>solo A</translation>
    </message>
    <message>
        <source>only B</source>
        <translation>solo B</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Indice</translation>
    </message>
    <message>
        <source>Rank A</source>
        <translation>Posizione A</translation>
    </message>
    <message>
        <source>Score A</source>
        <translation>Punteggio A</translation>
    </message>
    <message>
        <source>Rank B</source>
        <translation>Posizione B</translation>
    </message>
    <message>
        <source>Score B</source>
        <translation>Punteggio B</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Spostamento</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
</context>
<context>
    <name>ComparePane</name>
    <message>
        <source>Compare</source>
        <translation>Confronto</translation>
    </message>
    <message>
        <source>Send to every column</source>
        <translation>Invia a tutte le colonne</translation>
    </message>
    <message>
        <source>S&amp;top all  (Esc)</source>
        <translation>Fe&amp;rma tutte  (Esc)</translation>
    </message>
    <message>
        <source>Stop every column</source>
        <translation>Ferma tutte le colonne</translation>
    </message>
    <message>
        <source>Cl&amp;ear</source>
        <translation>Svu&amp;ota</translation>
    </message>
    <message>
        <source>Clear every conversation</source>
        <translation>Svuota tutte le conversazioni</translation>
    </message>
    <message>
        <source>&amp;Native vs /chat/completions</source>
        <translation>&amp;Nativo contro /chat/completions</translation>
    </message>
    <message>
        <source>Compare native and compatible routes</source>
        <translation>Confronta la route nativa e quella compatibile</translation>
    </message>
    <message>
        <source>Column 1&apos;s deployment on its own route and on its /chat/completions route</source>
        <translation>Il deployment della colonna 1 sulla propria route e sulla route /chat/completions</translation>
    </message>
    <message>
        <source>Compare status</source>
        <translation>Stato del confronto</translation>
    </message>
    <message>
        <source>Pick a deployment on its own route in column 1 for this preset.</source>
        <translation>Per questo confronto scegli nella colonna 1 un deployment sulla propria route.</translation>
    </message>
    <message>
        <source>“%1” on its own route and on /chat/completions.</source>
        <translation>“%1” sulla propria route e su /chat/completions.</translation>
    </message>
    <message>
        <source>Pick a route in at least one column.</source>
        <translation>Scegli una route in almeno una colonna.</translation>
    </message>
    <message>
        <source>The endpoint of column %1 was removed: pick another route for it.</source>
        <translation>L&apos;endpoint della colonna %1 è stato rimosso: scegli un&apos;altra route.</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n column(s) answered.</source>
        <translation>
            <numerusform>Fatto: ha risposto %n colonna.</numerusform>
            <numerusform>Fatto: hanno risposto %n colonne.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped by you: column %1.</source>
        <translation>Fermata da te: colonna %1.</translation>
    </message>
    <message>
        <source>Answering…</source>
        <translation>Risposta in corso…</translation>
    </message>
    <message>
        <source>Compare error</source>
        <translation>Errore del confronto</translation>
    </message>
    <message>
        <source>Compare inputs not saved</source>
        <translation>Input del Confronto non salvati</translation>
    </message>
    <message>
        <source>&amp;Send to all  (%1)</source>
        <translation>Invia a &amp;tutte  (%1)</translation>
    </message>
    <message>
        <source>Failed: column %1.</source>
        <translation>Fallita: colonna %1.</translation>
    </message>
</context>
<context>
    <name>CompareTargets</name>
    <message>
        <source>%1 · %2 route</source>
        <translation>%1 · route %2</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Editing notice</source>
        <translation>Avviso di modifica</translation>
    </message>
    <message>
        <source>Cancel e&amp;dit</source>
        <translation>Annulla mo&amp;difica</translation>
    </message>
    <message>
        <source>Cancel edit</source>
        <translation>Annulla modifica</translation>
    </message>
    <message>
        <source>&amp;Message:</source>
        <translation>&amp;Messaggio:</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Messaggio</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>I&amp;nvia</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Invia</translation>
    </message>
    <message>
        <source>Type a message; %1 sends, Esc stops.</source>
        <translation>Scrivi un messaggio; %1 invia, Esc ferma.</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>Ferm&amp;a</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Ferma</translation>
    </message>
    <message>
        <source>Stop the answer and keep what arrived (Esc)</source>
        <translation>Ferma la risposta e conserva ciò che è arrivato (Esc)</translation>
    </message>
    <message>
        <source>Re&amp;generate</source>
        <translation>&amp;Rigenera</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Rigenera</translation>
    </message>
    <message>
        <source>&amp;Copy answer</source>
        <translation>&amp;Copia risposta</translation>
    </message>
    <message>
        <source>Copy last answer</source>
        <translation>Copia l&apos;ultima risposta</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>Svuo&amp;ta</translation>
    </message>
    <message>
        <source>Clear conversation</source>
        <translation>Svuota la conversazione</translation>
    </message>
    <message>
        <source>Answer in progress</source>
        <translation>Risposta in corso</translation>
    </message>
    <message>
        <source>Chat status</source>
        <translation>Stato della chat</translation>
    </message>
    <message>
        <source>Editing turn %1: Send replaces it and drops the turns after it.</source>
        <translation>Modifica del turno %1: Invia lo sostituisce ed elimina i turni successivi.</translation>
    </message>
</context>
<context>
    <name>ConversationControl</name>
    <message>
        <source>Wait for the answer in flight, or stop it, to apply.</source>
        <translation>Attendi la risposta in corso, o fermala, per applicare.</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>Non applicata: %1</translation>
    </message>
    <message>
        <source>Edits dropped: showing the conversation as it is.</source>
        <translation>Modifiche scartate: viene mostrata la conversazione così com&apos;è.</translation>
    </message>
    <message>
        <source>Wait for the answer in flight, or stop it, to import.</source>
        <translation>Attendi la risposta in corso, o fermala, per importare.</translation>
    </message>
    <message>
        <source>Not imported: %1: %2</source>
        <translation>Non importata: %1: %2</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Non esportata: %1</translation>
    </message>
    <message>
        <source>Not exported: %1: %2</source>
        <translation>Non esportata: %1: %2</translation>
    </message>
    <message>
        <source>Exported to %1 (%2).</source>
        <translation>Esportata in %1 (%2).</translation>
    </message>
    <message>
        <source>no endpoint: add one in the Endpoints pane</source>
        <translation>nessun endpoint: aggiungine uno nel pannello Endpoint</translation>
    </message>
    <message>
        <source>The message box is empty: Send needs a message.</source>
        <translation>La casella del messaggio è vuota: Invia richiede un messaggio.</translation>
    </message>
</context>
<context>
    <name>ConversationTexts</name>
    <message numerus="yes">
        <source>Applied: %n message(s) in the conversation.</source>
        <translation>
            <numerusform>Applicata: %n messaggio nella conversazione.</numerusform>
            <numerusform>Applicata: %n messaggi nella conversazione.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n message(s) and its system message as the preamble from %1 (%2).</source>
        <translation>
            <numerusform>Importato %n messaggio, e il suo messaggio di sistema come preambolo, da %1 (%2).</numerusform>
            <numerusform>Importati %n messaggi, e il loro messaggio di sistema come preambolo, da %1 (%2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n message(s) from %1 (%2).</source>
        <translation>
            <numerusform>Importato %n messaggio da %1 (%2).</numerusform>
            <numerusform>Importati %n messaggi da %1 (%2).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Core</name>
    <message>
        <source>Not signed in: run `az login` (with `--tenant &lt;tenant id&gt;` for another directory), or sign in the way your token command expects, then try again.</source>
        <translation>Accesso non effettuato: esegui `az login` (con `--tenant &lt;tenant id&gt;` per un&apos;altra directory), o accedi nel modo che il tuo comando del token prevede, poi riprova.</translation>
    </message>
    <message>
        <source>Wrong tenant: your account is not in the directory that owns this resource. Sign in to that tenant (`az login --tenant &lt;tenant id&gt;`) and try again.</source>
        <translation>Tenant sbagliato: il tuo account non è nella directory che possiede questa risorsa. Accedi a quel tenant (`az login --tenant &lt;tenant id&gt;`) e riprova.</translation>
    </message>
    <message>
        <source>Wrong scope: no resource in your tenant answers to it. Azure AI Foundry takes https://ai.azure.com/.default; Azure OpenAI also https://cognitiveservices.azure.com/.default.</source>
        <translation>Ambito sbagliato: nessuna risorsa del tuo tenant vi risponde. Azure AI Foundry accetta https://ai.azure.com/.default; Azure OpenAI anche https://cognitiveservices.azure.com/.default.</translation>
    </message>
    <message>
        <source>Your sign-in needs renewing (multi-factor or a conditional-access policy): run `az login` again, then try again.</source>
        <translation>L&apos;accesso va rinnovato (autenticazione a più fattori o criteri di accesso condizionale): esegui di nuovo `az login`, poi riprova.</translation>
    </message>
    <message>
        <source>Your organisation has not consented to this sign-in: ask an administrator.</source>
        <translation>La tua organizzazione non ha dato il consenso a questo accesso: chiedi a un amministratore.</translation>
    </message>
    <message>
        <source>Signed in, but this identity has no access to the resource: ask for a data-plane role on it (Azure AI User, or Cognitive Services User), which can take a few minutes to apply.</source>
        <translation>Accesso effettuato, ma questa identità non ha accesso alla risorsa: chiedi un ruolo del piano dati su di essa (Azure AI User o Cognitive Services User), che può richiedere qualche minuto per essere applicato.</translation>
    </message>
    <message>
        <source>The server refused the Entra ID token even after a fresh one: the token is for another tenant or another audience (check the scope), or key-only authentication is set up here.</source>
        <translation>Il server ha rifiutato il token Entra ID anche dopo uno nuovo: il token è per un altro tenant o un altro destinatario (controlla l&apos;ambito), oppure qui è configurata solo l&apos;autenticazione con chiave.</translation>
    </message>
    <message>
        <source>The sign-in failed; the credential&apos;s own message follows.</source>
        <translation>L&apos;accesso non è riuscito; segue il messaggio della credenziale.</translation>
    </message>
    <message>
        <source>Expecting value</source>
        <translation>atteso un valore</translation>
    </message>
    <message>
        <source>Expecting &apos;,&apos; delimiter</source>
        <translation>atteso il separatore &apos;,&apos;</translation>
    </message>
    <message>
        <source>Expecting &apos;:&apos; delimiter</source>
        <translation>atteso il separatore &apos;:&apos;</translation>
    </message>
    <message>
        <source>Expecting property name enclosed in double quotes</source>
        <translation>atteso un nome di proprietà tra virgolette doppie</translation>
    </message>
    <message>
        <source>Unterminated string starting at</source>
        <translation>stringa non terminata a partire da</translation>
    </message>
    <message>
        <source>Invalid control character at</source>
        <translation>carattere di controllo non valido a</translation>
    </message>
    <message>
        <source>Invalid \escape</source>
        <translation>sequenza di escape \ non valida</translation>
    </message>
    <message>
        <source>Invalid \uXXXX escape</source>
        <translation>escape \uXXXX non valido</translation>
    </message>
    <message>
        <source>Extra data</source>
        <translation>dati in più dopo il valore</translation>
    </message>
    <message>
        <source>Illegal trailing comma before end of object</source>
        <translation>virgola finale non ammessa prima della fine dell&apos;oggetto</translation>
    </message>
    <message>
        <source>Illegal trailing comma before end of array</source>
        <translation>virgola finale non ammessa prima della fine dell&apos;array</translation>
    </message>
    <message>
        <source>%1 is not a JSON number</source>
        <translation>%1 non è un numero JSON</translation>
    </message>
    <message>
        <source>the number %1 is out of range</source>
        <translation>il numero %1 è fuori intervallo</translation>
    </message>
    <message>
        <source>nested deeper than %1 levels</source>
        <translation>annidato oltre %1 livelli</translation>
    </message>
    <message>
        <source>the text is not UTF-8</source>
        <translation>il testo non è UTF-8</translation>
    </message>
    <message>
        <source>a broken IPv6 address (it must be written in full between [ and ])</source>
        <translation>un indirizzo IPv6 non valido (va scritto per intero tra [ e ])</translation>
    </message>
    <message>
        <source>the port is out of range (1 to 65535)</source>
        <translation>la porta è fuori intervallo (da 1 a 65535)</translation>
    </message>
    <message>
        <source>the port is not a number</source>
        <translation>la porta non è un numero</translation>
    </message>
    <message>
        <source>expected an http:// or https:// URL, got %1</source>
        <translation>atteso un URL http:// o https://, ricevuto %1</translation>
    </message>
    <message>
        <source>no host name in %1</source>
        <translation>nessun nome host in %1</translation>
    </message>
    <message>
        <source>port 0 cannot be connected to, in %1</source>
        <translation>la porta 0 non accetta connessioni, in %1</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>a user name or password in the URL (before the @) would be sent as HTTP Basic authentication in place of the key, and kept in plain settings: remove it, and put the key in the API key field</source>
        <translation>un nome utente o una password nell&apos;URL (prima della @) verrebbe inviato come autenticazione HTTP Basic al posto della chiave, e conservato in chiaro nelle impostazioni: toglilo e metti la chiave nel campo Chiave API</translation>
    </message>
    <message>
        <source>the base URL ends in %1 and each route adds its own version (%2): leave %1 out of the base URL</source>
        <translation>l&apos;URL di base termina con %1 e ogni route aggiunge la propria versione (%2): togli %1 dall&apos;URL di base</translation>
    </message>
    <message>
        <source>the reference %1 leads nowhere</source>
        <translation>il riferimento %1 non porta da nessuna parte</translation>
    </message>
    <message>
        <source>the schema cannot be used: %1</source>
        <translation>lo schema non si può usare: %1</translation>
    </message>
    <message>
        <source>the tool calls of this answer have no results: send them first (tool results), or start a new conversation</source>
        <translation>le chiamate agli strumenti di questa risposta non hanno risultati: inviali prima (Risultati degli strumenti), oppure inizia una nuova conversazione</translation>
    </message>
    <message>
        <source>a tool must be a JSON object</source>
        <translation>uno strumento deve essere un oggetto JSON</translation>
    </message>
    <message>
        <source>a tool needs a non-empty string `name`</source>
        <translation>uno strumento ha bisogno di un `name` che sia una stringa non vuota</translation>
    </message>
    <message>
        <source>expected a JSON schema object</source>
        <translation>atteso un oggetto JSON Schema</translation>
    </message>
    <message>
        <source>documents must be a JSON list</source>
        <translation>documents deve essere un elenco JSON</translation>
    </message>
    <message>
        <source>`id` must be a string</source>
        <translation>`id` deve essere una stringa</translation>
    </message>
    <message>
        <source>`_excludes` must be a list of field names</source>
        <translation>`_excludes` deve essere un elenco di nomi di campo</translation>
    </message>
    <message>
        <source>tools must be a JSON list</source>
        <translation>tools deve essere un elenco JSON</translation>
    </message>
    <message>
        <source>cannot load the CA bundle: %1</source>
        <translation>impossibile caricare il bundle CA: %1</translation>
    </message>
    <message>
        <source>the connection broke: %1</source>
        <translation>la connessione si è interrotta: %1</translation>
    </message>
    <message>
        <source>All connection attempts failed</source>
        <translation>Nessun tentativo di connessione è riuscito</translation>
    </message>
    <message>
        <source>Server disconnected without sending a response.</source>
        <translation>Il server si è disconnesso senza inviare una risposta.</translation>
    </message>
    <message>
        <source>Server disconnected</source>
        <translation>Il server si è disconnesso</translation>
    </message>
    <message>
        <source>Connection closed</source>
        <translation>Connessione chiusa</translation>
    </message>
    <message>
        <source>give at least one document</source>
        <translation>indica almeno un documento</translation>
    </message>
    <message>
        <source>the stream broke off: %1</source>
        <translation>lo stream si è interrotto: %1</translation>
    </message>
    <message>
        <source>the answer is not JSON (%1): %2</source>
        <translation>la risposta non è JSON (%1): %2</translation>
    </message>
    <message>
        <source>the answer is not a JSON object</source>
        <translation>la risposta non è un oggetto JSON</translation>
    </message>
    <message>
        <source>Not valid JSON: %1</source>
        <translation>JSON non valido: %1</translation>
    </message>
    <message>
        <source>Expected an object with an `endpoints` list</source>
        <translation>Atteso un oggetto con un elenco `endpoints`</translation>
    </message>
    <message>
        <source>Each endpoint must be an object</source>
        <translation>Ogni endpoint deve essere un oggetto</translation>
    </message>
    <message>
        <source>Invalid endpoint: %1</source>
        <translation>Endpoint non valido: %1</translation>
    </message>
    <message>
        <source>Invalid endpoint %1: %2</source>
        <translation>Endpoint %1 non valido: %2</translation>
    </message>
    <message>
        <source>Expected “Name: value” (a colon between the name and the value)</source>
        <translation>Atteso “Nome: valore” (i due punti tra il nome e il valore)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>URL di base</translation>
    </message>
    <message>
        <source>Flavour</source>
        <translation>Variante (flavour)</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modello</translation>
    </message>
    <message>
        <source>Authentication scheme</source>
        <translation>Schema di autenticazione</translation>
    </message>
    <message>
        <source>Entra ID scope</source>
        <translation>Ambito (scope) di Entra ID</translation>
    </message>
    <message>
        <source>Token command</source>
        <translation>Comando del token</translation>
    </message>
    <message>
        <source>extra-parameters header</source>
        <translation>Intestazione extra-parameters</translation>
    </message>
    <message>
        <source>Custom CA bundle</source>
        <translation>Bundle CA personalizzato</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Timeout</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>Timeout di connessione</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Prezzi</translation>
    </message>
    <message>
        <source>Input price per million tokens</source>
        <translation>Prezzo di input per milione di token</translation>
    </message>
    <message>
        <source>Output price per million tokens</source>
        <translation>Prezzo di output per milione di token</translation>
    </message>
    <message>
        <source>Price per 1,000 search units</source>
        <translation>Prezzo per 1.000 unità di ricerca</translation>
    </message>
    <message>
        <source>Price currency</source>
        <translation>Valuta dei prezzi</translation>
    </message>
    <message>
        <source>Extra headers</source>
        <translation>Intestazioni aggiuntive</translation>
    </message>
    <message>
        <source>%1 is missing</source>
        <translation>manca il campo %1</translation>
    </message>
    <message>
        <source>%1 must not be empty</source>
        <translation>il campo %1 non deve essere vuoto</translation>
    </message>
    <message>
        <source>%1 must be text</source>
        <translation>il campo %1 deve essere un testo</translation>
    </message>
    <message>
        <source>%1 must be a number</source>
        <translation>il campo %1 deve essere un numero</translation>
    </message>
    <message>
        <source>%1 must be a whole number</source>
        <translation>il campo %1 deve essere un numero intero</translation>
    </message>
    <message>
        <source>%1 must be a JSON object</source>
        <translation>il campo %1 deve essere un oggetto JSON</translation>
    </message>
    <message>
        <source>%1 must be a JSON list</source>
        <translation>il campo %1 deve essere un elenco JSON</translation>
    </message>
    <message>
        <source>%1 must be one of %2</source>
        <translation>il campo %1 deve essere uno tra %2</translation>
    </message>
    <message>
        <source>%1 must be greater than %2</source>
        <translation>il campo %1 deve essere maggiore di %2</translation>
    </message>
    <message>
        <source>%1 must be %2 or more</source>
        <translation>il campo %1 deve essere almeno %2</translation>
    </message>
    <message>
        <source>%1 must be less than %2</source>
        <translation>il campo %1 deve essere minore di %2</translation>
    </message>
    <message>
        <source>%1 must be %2 or less</source>
        <translation>il campo %1 deve essere al massimo %2</translation>
    </message>
    <message>
        <source>Header %1 %2</source>
        <translation>L&apos;intestazione %1 %2</translation>
    </message>
    <message>
        <source>is not a valid header name (letters, digits and !#$%&amp;&apos;*+-.^_`|~ only)</source>
        <translation>non è un nome di intestazione valido (solo lettere, cifre e !#$%&amp;&apos;*+-.^_`|~)</translation>
    </message>
    <message>
        <source>carries a key: put the key in the API key field so it is stored in the keyring (extra headers are saved in plain settings)</source>
        <translation>contiene una chiave: mettila nel campo Chiave API, così viene conservata nel portachiavi (le intestazioni aggiuntive sono salvate nelle impostazioni in chiaro)</translation>
    </message>
    <message>
        <source>has its own field (extra-parameters) above</source>
        <translation>ha un proprio campo (extra-parameters) qui sopra</translation>
    </message>
    <message>
        <source>is set by the workbench for each request</source>
        <translation>è impostata dal workbench per ogni richiesta</translation>
    </message>
    <message>
        <source>comes from the base URL</source>
        <translation>deriva dall&apos;URL di base</translation>
    </message>
    <message>
        <source>is managed by the HTTP client</source>
        <translation>è gestita dal client HTTP</translation>
    </message>
    <message>
        <source>appears twice</source>
        <translation>compare due volte</translation>
    </message>
    <message>
        <source>has a value with a line break, control or non-ASCII character</source>
        <translation>ha un valore con un a capo, un carattere di controllo o non ASCII</translation>
    </message>
    <message>
        <source>The OpenAI-compatible route</source>
        <translation>La route compatibile con OpenAI</translation>
    </message>
    <message>
        <source>%1 has no parameter %2 (send it under extra if the server knows it)</source>
        <translation>%1 non ha il parametro %2 (invialo sotto extra se il server lo conosce)</translation>
    </message>
    <message>
        <source>%1 cannot carry images (use Cohere v2)</source>
        <translation>%1 non può trasportare immagini (usa Cohere v2)</translation>
    </message>
    <message>
        <source>%1 has no search_queries_only</source>
        <translation>%1 non ha search_queries_only</translation>
    </message>
    <message>
        <source>Cohere v2 needs a model name (on Azure serverless any name works)</source>
        <translation>Cohere v2 richiede il nome di un modello (su Azure serverless va bene qualsiasi nome)</translation>
    </message>
    <message>
        <source>a document must be a string or an object</source>
        <translation>un documento deve essere una stringa o un oggetto</translation>
    </message>
    <message>
        <source>needs the id of the call: copy the id of the tool call from the previous answer (its tool_calls[].id) into the result&apos;s call</source>
        <translation>richiede l&apos;id della chiamata: copia l&apos;id della chiamata allo strumento dalla risposta precedente (il suo tool_calls[].id) nella call del risultato</translation>
    </message>
    <message>
        <source>generation failed (%1)</source>
        <translation>generazione non riuscita (%1)</translation>
    </message>
    <message>
        <source>generation failed (%1): %2</source>
        <translation>generazione non riuscita (%1): %2</translation>
    </message>
    <message>
        <source>the server&apos;s content filter stopped the answer (%1)</source>
        <translation>il filtro dei contenuti del server ha fermato la risposta (%1)</translation>
    </message>
    <message>
        <source>%1 has none of the rank fields: %2</source>
        <translation>%1 non ha nessuno dei campi di rank_fields: %2</translation>
    </message>
    <message>
        <source>%1 have none of the rank fields: %2</source>
        <translation>%1 non hanno nessuno dei campi di rank_fields: %2</translation>
    </message>
    <message>
        <source>%1 and %2 more have none of the rank fields: %3</source>
        <translation>%1 e altri %2 non hanno nessuno dei campi di rank_fields: %3</translation>
    </message>
    <message>
        <source>malformed event: %1</source>
        <translation>evento malformato: %1</translation>
    </message>
    <message>
        <source>an event must be a JSON object</source>
        <translation>un evento deve essere un oggetto JSON</translation>
    </message>
    <message>
        <source>the stream ended before its final event</source>
        <translation>lo stream è terminato prima del suo evento finale</translation>
    </message>
    <message>
        <source>the answer has no `results` list</source>
        <translation>la risposta non ha un elenco `results`</translation>
    </message>
    <message>
        <source>a result needs `index` and `relevance_score`</source>
        <translation>un risultato ha bisogno di `index` e `relevance_score`</translation>
    </message>
    <message>
        <source>document %1 is ranked already at results[%2]</source>
        <translation>il documento %1 è già ordinato in results[%2]</translation>
    </message>
    <message>
        <source>a stream line is longer than %1 bytes</source>
        <translation>una riga dello stream è più lunga di %1 byte</translation>
    </message>
    <message>
        <source>the stream is not valid UTF-8</source>
        <translation>lo stream non è UTF-8 valido</translation>
    </message>
    <message>
        <source>expected JSON lines or server-sent events, got %1</source>
        <translation>attese righe JSON o server-sent events, trovato %1</translation>
    </message>
    <message>
        <source>a JSON schema needs the json_object type</source>
        <translation>uno schema JSON richiede il tipo json_object</translation>
    </message>
    <message>
        <source>tool_choice REQUIRED needs tools</source>
        <translation>tool_choice REQUIRED richiede degli strumenti</translation>
    </message>
    <message>
        <source>%1 does not reason; turn thinking off</source>
        <translation>%1 non ragiona; disattiva thinking</translation>
    </message>
    <message>
        <source>%1 has no tool_choice (Command R7B and newer)</source>
        <translation>%1 non ha tool_choice (Command R7B e successivi)</translation>
    </message>
    <message>
        <source>%1 does not read images (Command A Vision and Command A+ do)</source>
        <translation>%1 non legge immagini (Command A Vision e Command A+ sì)</translation>
    </message>
    <message>
        <source>Response format and %1</source>
        <translation>Formato della risposta e %1</translation>
    </message>
    <message>
        <source>Connected: %1, %2 ms</source>
        <translation>Connesso: %1, %2 ms</translation>
    </message>
    <message>
        <source>The host could not be reached. Check the URL, your network and the proxy setting.</source>
        <translation>Host non raggiungibile. Controlla l&apos;URL, la rete e l&apos;impostazione del proxy.</translation>
    </message>
    <message>
        <source>Connected: %1 route answered, %2 ms (no /info on this server)</source>
        <translation>Connesso: la route %1 ha risposto, %2 ms (nessun /info su questo server)</translation>
    </message>
    <message>
        <source>model info received</source>
        <translation>informazioni sul modello ricevute</translation>
    </message>
    <message>
        <source>Connected: %1 (%2), %3 ms</source>
        <translation>Connesso: %1 (%2), %3 ms</translation>
    </message>
    <message>
        <source>Wrong key: the server refused it. Check the key, and the authentication scheme (Azure serverless and Cohere take Bearer; some gateways want api-key or x-api-key).</source>
        <translation>Chiave sbagliata: il server l&apos;ha rifiutata. Controlla la chiave e lo schema di autenticazione (Azure serverless e Cohere accettano Bearer; alcuni gateway vogliono api-key o x-api-key).</translation>
    </message>
    <message>
        <source>Wrong route: the server has no such path. Check the base URL (paste the deployment&apos;s target URL) and the flavour (Cohere v1, v2 or OpenAI-compatible).</source>
        <translation>Route sbagliata: il server non ha questo percorso. Controlla l&apos;URL di base (incolla il target URL del deployment) e la variante (Cohere v1, v2 o OpenAI-compatible).</translation>
    </message>
    <message>
        <source>Reachable and authenticated, but rate limited right now: try again shortly.</source>
        <translation>Raggiungibile e autenticato, ma al momento limitato nella frequenza: riprova tra poco.</translation>
    </message>
    <message>
        <source>Timeout while connecting: the host did not answer. Check the address, a firewall or VPN, or the proxy setting.</source>
        <translation>Timeout durante la connessione: l&apos;host non ha risposto. Controlla l&apos;indirizzo, un firewall o una VPN, o l&apos;impostazione del proxy.</translation>
    </message>
    <message>
        <source>Timeout: connected, but no answer arrived in time. The server may be overloaded, or the timeout too short.</source>
        <translation>Timeout: connesso, ma nessuna risposta è arrivata in tempo. Il server può essere sovraccarico, o il timeout troppo breve.</translation>
    </message>
    <message>
        <source>The server failed (5xx): the deployment may be starting or unhealthy.</source>
        <translation>Errore del server (5xx): il deployment può essere in avvio o non integro.</translation>
    </message>
    <message>
        <source>The answer is not what this flavour expects: check the flavour, or the URL may point at a web page or a different API.</source>
        <translation>La risposta non è quella che questa variante si aspetta: controlla la variante, oppure l&apos;URL può puntare a una pagina web o a un&apos;altra API.</translation>
    </message>
    <message>
        <source>The server refused the request; its own message is shown above.</source>
        <translation>Il server ha rifiutato la richiesta; il suo messaggio è mostrato sopra.</translation>
    </message>
    <message>
        <source>Try the base URL ending in /v1 (…%1/v1): llama.cpp, vLLM and OpenAI serve /v1/chat/completions.</source>
        <translation>Prova l&apos;URL di base che termina con /v1 (…%1/v1): llama.cpp, vLLM e OpenAI servono /v1/chat/completions.</translation>
    </message>
    <message>
        <source>DNS: the host name does not resolve. Check the spelling of the URL.</source>
        <translation>DNS: il nome host non si risolve. Controlla come è scritto l&apos;URL.</translation>
    </message>
    <message>
        <source>TLS: the server&apos;s certificate was not accepted. If your network inspects TLS, set the custom CA bundle; check the URL uses the right host.</source>
        <translation>TLS: il certificato del server non è stato accettato. Se la tua rete ispeziona il TLS, imposta il bundle CA personalizzato; controlla che l&apos;URL usi l&apos;host giusto.</translation>
    </message>
    <message>
        <source>Proxy: the proxy refused or failed the connection. Check the proxy setting.</source>
        <translation>Proxy: il proxy ha rifiutato o non è riuscito a stabilire la connessione. Controlla l&apos;impostazione del proxy.</translation>
    </message>
    <message>
        <source>Connection refused: nothing listens at that address and port. Is the server running, and the port right?</source>
        <translation>Connessione rifiutata: nulla è in ascolto a quell&apos;indirizzo e porta. Il server è in esecuzione, e la porta è giusta?</translation>
    </message>
    <message>
        <source>No key</source>
        <translation>Nessuna chiave</translation>
    </message>
    <message>
        <source>Enter the key (or choose No authentication), then test.</source>
        <translation>Inserisci la chiave (o scegli Nessuna autenticazione), poi prova.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Routes: %1</source>
        <translation>Route: %1</translation>
    </message>
    <message>
        <source>%1 (the token command ended with status %2: %3)</source>
        <translation>%1 (il comando del token è terminato con lo stato %2: %3)</translation>
    </message>
    <message>
        <source>nothing on stderr</source>
        <translation>nulla su stderr</translation>
    </message>
    <message>
        <source>the token command cannot be read: %1</source>
        <translation>il comando del token non si può leggere: %1</translation>
    </message>
    <message>
        <source>the token command is empty</source>
        <translation>il comando del token è vuoto</translation>
    </message>
    <message>
        <source>the token command %1 was not found: %2</source>
        <translation>il comando del token %1 non è stato trovato: %2</translation>
    </message>
    <message>
        <source>install the Azure CLI and run `az login`, or install the workbench&apos;s `entra` extra (azure-identity)</source>
        <translation>installa la CLI di Azure ed esegui `az login`, oppure installa l&apos;extra `entra` del workbench (azure-identity)</translation>
    </message>
    <message>
        <source>check the command&apos;s spelling and that it is on PATH</source>
        <translation>controlla che il nome del comando sia scritto bene e che si trovi nel PATH</translation>
    </message>
    <message>
        <source>the token command could not start: %1</source>
        <translation>il comando del token non è potuto partire: %1</translation>
    </message>
    <message>
        <source>the token command gave no answer within %1 s and was stopped; it may be waiting for a sign-in prompt (run it in a terminal once) or for the network</source>
        <translation>il comando del token non ha risposto entro %1 s ed è stato fermato; forse attende una richiesta di accesso (eseguilo una volta in un terminale) o la rete</translation>
    </message>
    <message>
        <source>the token command printed %1 bytes that are not JSON; it should print an object with accessToken and expires_on, as `az account get-access-token` does</source>
        <translation>il comando del token ha stampato %1 byte che non sono JSON; dovrebbe stampare un oggetto con accessToken ed expires_on, come fa `az account get-access-token`</translation>
    </message>
    <message>
        <source>the token command printed JSON %1, not an object with accessToken and expires_on</source>
        <translation>il comando del token ha stampato un JSON %1, non un oggetto con accessToken ed expires_on</translation>
    </message>
    <message>
        <source>the token command&apos;s JSON has no accessToken (its keys: %1)</source>
        <translation>il JSON del comando del token non ha accessToken (le sue chiavi: %1)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nessuna</translation>
    </message>
    <message>
        <source>%1 printed a token a header cannot carry: it contains %2 (the token is not shown); check what the command prints</source>
        <translation>%1 ha stampato un token che un&apos;intestazione non può trasportare: contiene %2 (il token non viene mostrato); controlla cosa stampa il comando</translation>
    </message>
    <message>
        <source>%1 gave a token a header cannot carry: it contains %2 (the token is not shown); check what the command prints</source>
        <translation>%1 ha fornito un token che un&apos;intestazione non può trasportare: contiene %2 (il token non viene mostrato); controlla cosa stampa il comando</translation>
    </message>
    <message>
        <source>the Azure CLI</source>
        <translation>la CLI di Azure</translation>
    </message>
    <message>
        <source>the token command</source>
        <translation>il comando del token</translation>
    </message>
    <message>
        <source>the key contains %1 inside it, which an HTTP header cannot carry; copy the key again from its source</source>
        <translation>la chiave contiene %1 al suo interno, che un&apos;intestazione HTTP non può trasportare; copia di nuovo la chiave dalla sua origine</translation>
    </message>
    <message>
        <source>a control character</source>
        <translation>un carattere di controllo</translation>
    </message>
    <message>
        <source>a character outside ASCII</source>
        <translation>un carattere non ASCII</translation>
    </message>
    <message>
        <source>no token arrived within %1 s; the credential chain may be waiting on a network or a managed identity endpoint that is not there</source>
        <translation>nessun token è arrivato entro %1 s; la catena di credenziali forse attende una rete o un endpoint di identità gestita che non c&apos;è</translation>
    </message>
    <message>
        <source>Signed in with %1; the token&apos;s expiry was not given.</source>
        <translation>Accesso effettuato con %1; la scadenza del token non è stata indicata.</translation>
    </message>
    <message>
        <source>Signed in with %1; the token expires at %2 (%3).</source>
        <translation>Accesso effettuato con %1; il token scade alle %2 (%3).</translation>
    </message>
    <message>
        <source>in %1 min</source>
        <translation>tra %1 min</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>%1 min fa</translation>
    </message>
    <message>
        <source>%1 ✔</source>
        <translation>%1 ✔</translation>
    </message>
    <message>
        <source>%1 ✘ (no answer)</source>
        <translation>%1 ✘ (nessuna risposta)</translation>
    </message>
    <message>
        <source>%1 ✘ (%2)</source>
        <translation>%1 ✘ (%2)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation>atteso %1, trovato %2</translation>
    </message>
    <message>
        <source>text</source>
        <translation>testo</translation>
    </message>
    <message>
        <source>a whole number from 0 to %1</source>
        <translation>un numero intero da 0 a %1</translation>
    </message>
    <message>
        <source>a count from 0 to %1</source>
        <translation>un conteggio da 0 a %1</translation>
    </message>
    <message>
        <source>a finite number</source>
        <translation>un numero finito</translation>
    </message>
    <message>
        <source>an object of counts</source>
        <translation>un oggetto di conteggi</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>un elenco</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un oggetto</translation>
    </message>
    <message>
        <source>no result for a request without documents</source>
        <translation>nessun risultato per una richiesta senza documenti</translation>
    </message>
    <message>
        <source>a list of ids</source>
        <translation>un elenco di id</translation>
    </message>
    <message>
        <source>text or an object with `text`</source>
        <translation>testo o un oggetto con `text`</translation>
    </message>
    <message>
        <source>an id</source>
        <translation>un id</translation>
    </message>
    <message>
        <source>The CSV header names the column &quot;%1&quot; twice</source>
        <translation>L&apos;intestazione CSV nomina due volte la colonna &quot;%1&quot;</translation>
    </message>
    <message>
        <source>The file is larger than %1 MB</source>
        <translation>Il file supera %1 MB</translation>
    </message>
    <message>
        <source>Invalid JSON: %1</source>
        <translation>JSON non valido: %1</translation>
    </message>
    <message>
        <source>Invalid CSV: %1</source>
        <translation>CSV non valido: %1</translation>
    </message>
    <message>
        <source>Expected %1 fields, found %2</source>
        <translation>Attesi %1 campi, trovati %2</translation>
    </message>
    <message>
        <source>Non-string values were written as JSON text</source>
        <translation>I valori che non sono stringhe sono stati scritti come testo JSON</translation>
    </message>
    <message>
        <source>1 document had line breaks, joined with spaces</source>
        <translation>1 documento aveva degli a capo, uniti con spazi</translation>
    </message>
    <message>
        <source>%1 documents had line breaks, joined with spaces</source>
        <translation>%1 documenti avevano degli a capo, uniti con spazi</translation>
    </message>
    <message>
        <source>Object documents were written as “key: value” text</source>
        <translation>I documenti oggetto sono stati scritti come testo “chiave: valore”</translation>
    </message>
    <message>
        <source>A document must be a string or an object, not %1</source>
        <translation>Un documento deve essere una stringa o un oggetto, non %1</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>un booleano</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un numero</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>un array</translation>
    </message>
    <message>
        <source>“%1”: 1 non-string value sent as text (first at documents[%2])</source>
        <translation>“%1”: 1 valore non di tipo stringa inviato come testo (il primo in documents[%2])</translation>
    </message>
    <message>
        <source>“%1”: %2 non-string values sent as text (first at documents[%3])</source>
        <translation>“%1”: %2 valori non di tipo stringa inviati come testo (il primo in documents[%3])</translation>
    </message>
    <message>
        <source>%1 documents x %2 chunks each must stay below %3: lower max_chunks_per_doc to %4 or split into batches</source>
        <translation>%1 documenti x %2 chunk ciascuno devono restare sotto %3: abbassa max_chunks_per_doc a %4 o dividi in lotti</translation>
    </message>
    <message>
        <source>larger than %1 MB</source>
        <translation>più grande di %1 MB</translation>
    </message>
    <message>
        <source>cannot read it: %1</source>
        <translation>impossibile leggerlo: %1</translation>
    </message>
    <message>
        <source>not %1 text</source>
        <translation>non è testo %1</translation>
    </message>
    <message>
        <source>not JSON (%1, column %2)</source>
        <translation>non è JSON (%1, colonna %2)</translation>
    </message>
    <message>
        <source>expected a JSON object</source>
        <translation>atteso un oggetto JSON</translation>
    </message>
    <message>
        <source>missing, or not a string</source>
        <translation>mancante, o non è una stringa</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vuoto</translation>
    </message>
    <message>
        <source>a relevance grade is a whole number, not true/false</source>
        <translation>un grado di rilevanza è un numero intero, non true/false</translation>
    </message>
    <message>
        <source>a relevance grade is a whole number, got %1</source>
        <translation>un grado di rilevanza è un numero intero, trovato %1</translation>
    </message>
    <message>
        <source>expected 4 columns (TREC: query, iteration, document, relevance) or 3 tab-separated (BEIR: query-id, corpus-id, score), found %1</source>
        <translation>attese 4 colonne (TREC: query, iterazione, documento, rilevanza) o 3 separate da tabulazioni (BEIR: query-id, corpus-id, score), trovate %1</translation>
    </message>
    <message>
        <source>empty id</source>
        <translation>id vuoto</translation>
    </message>
    <message>
        <source>document %1 is judged twice for this query</source>
        <translation>il documento %1 è giudicato due volte per questa query</translation>
    </message>
    <message>
        <source>no judgments in the file</source>
        <translation>nessun giudizio nel file</translation>
    </message>
    <message>
        <source>expected 6 columns (query, Q0, document, rank, score, tag), found %1</source>
        <translation>attese 6 colonne (query, Q0, documento, posizione, punteggio, tag), trovate %1</translation>
    </message>
    <message>
        <source>a score is a number, got %1</source>
        <translation>un punteggio è un numero, trovato %1</translation>
    </message>
    <message>
        <source>a score is a finite number, got %1</source>
        <translation>un punteggio è un numero finito, trovato %1</translation>
    </message>
    <message>
        <source>document %1 is listed twice for this query</source>
        <translation>il documento %1 è elencato due volte per questa query</translation>
    </message>
    <message>
        <source>no results in the file</source>
        <translation>nessun risultato nel file</translation>
    </message>
    <message>
        <source>candidates: the top %1 of %2 per query</source>
        <translation>candidati: i primi %1 di %2 per query</translation>
    </message>
    <message>
        <source>%1 relevant judged documents are not in corpus.jsonl (first: %2 for query %3); they count as never ranked</source>
        <translation>documenti giudicati rilevanti assenti da corpus.jsonl: %1 (il primo: %2 per la query %3); contano come mai ordinati</translation>
    </message>
    <message>
        <source>the stored request body is not JSON</source>
        <translation>il corpo della richiesta salvato non è JSON</translation>
    </message>
    <message>
        <source>the stored request body is not a JSON object</source>
        <translation>il corpo della richiesta salvato non è un oggetto JSON</translation>
    </message>
    <message>
        <source>the Cohere SDK speaks Cohere&apos;s /v1 and /v2 routes</source>
        <translation>l&apos;SDK Cohere parla solo le route /v1 e /v2 di Cohere</translation>
    </message>
    <message>
        <source>the OpenAI SDK speaks the /chat/completions route</source>
        <translation>l&apos;SDK OpenAI parla solo la route /chat/completions</translation>
    </message>
    <message>
        <source>The server answers</source>
        <translation>Il server risponde</translation>
    </message>
    <message>
        <source>TLS with a verified certificate</source>
        <translation>TLS con un certificato verificato</translation>
    </message>
    <message>
        <source>The endpoint&apos;s key is accepted</source>
        <translation>La chiave dell&apos;endpoint è accettata</translation>
    </message>
    <message>
        <source>A wrong key is refused</source>
        <translation>Una chiave sbagliata è rifiutata</translation>
    </message>
    <message>
        <source>/info names the model</source>
        <translation>/info indica il modello</translation>
    </message>
    <message>
        <source>The model is the one expected</source>
        <translation>Il modello è quello atteso</translation>
    </message>
    <message>
        <source>String documents</source>
        <translation>Documenti stringa</translation>
    </message>
    <message>
        <source>Object documents with rank_fields</source>
        <translation>Documenti oggetto con rank_fields</translation>
    </message>
    <message>
        <source>top_n</source>
        <translation>top_n</translation>
    </message>
    <message>
        <source>return_documents</source>
        <translation>return_documents</translation>
    </message>
    <message>
        <source>Scores within 0..1, sorted</source>
        <translation>Punteggi tra 0 e 1, ordinati</translation>
    </message>
    <message>
        <source>Indices valid and unique</source>
        <translation>Indici validi e unici</translation>
    </message>
    <message>
        <source>Relevant document first (English, Italian)</source>
        <translation>Documento pertinente per primo (inglese, italiano)</translation>
    </message>
    <message>
        <source>A 1,000-document request</source>
        <translation>Una richiesta di 1.000 documenti</translation>
    </message>
    <message>
        <source>The v1 chunk rule</source>
        <translation>La regola dei chunk di v1</translation>
    </message>
    <message>
        <source>A plain answer</source>
        <translation>Una risposta semplice</translation>
    </message>
    <message>
        <source>Streaming: well formed, final, same text</source>
        <translation>Streaming: ben formato, con evento finale, stesso testo</translation>
    </message>
    <message>
        <source>RAG citations</source>
        <translation>Citazioni RAG</translation>
    </message>
    <message>
        <source>A tool call and its result sent back</source>
        <translation>Una chiamata a strumento e il suo risultato rimandato</translation>
    </message>
    <message>
        <source>max_tokens honoured</source>
        <translation>max_tokens rispettato</translation>
    </message>
    <message>
        <source>stop_sequences honoured</source>
        <translation>stop_sequences rispettate</translation>
    </message>
    <message>
        <source>The same prompt through every chat route</source>
        <translation>Lo stesso prompt attraverso ogni route di chat</translation>
    </message>
    <message>
        <source>A malformed request gets a 4xx</source>
        <translation>Una richiesta malformata riceve un 4xx</translation>
    </message>
    <message>
        <source>An unknown parameter as extra-parameters says</source>
        <translation>Un parametro sconosciuto come dice extra-parameters</translation>
    </message>
    <message>
        <source>Latency: first token and total, p50/p95</source>
        <translation>Latenza: primo token e totale, p50/p95</translation>
    </message>
    <message>
        <source>which model?</source>
        <translation>quale modello?</translation>
    </message>
    <message>
        <source>the endpoint could not be reached: %1</source>
        <translation>l&apos;endpoint non è raggiungibile: %1</translation>
    </message>
    <message>
        <source>does the %1 route exist?</source>
        <translation>la route %1 esiste?</translation>
    </message>
    <message>
        <source>its model is %1</source>
        <translation>il suo modello è %1</translation>
    </message>
    <message>
        <source>POST %1 answered 404</source>
        <translation>POST %1 ha risposto 404</translation>
    </message>
    <message>
        <source>the deployment does not serve %1 (%2)</source>
        <translation>il deployment non serve %1 (%2)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>%n stream event(s); the first:</source>
        <translation>
            <numerusform>%n evento di stream; il primo:</numerusform>
            <numerusform>%n eventi di stream; il primo:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1… (%n more character(s))</source>
        <translation>
            <numerusform>%1… (altro %n carattere)</numerusform>
            <numerusform>%1… (altri %n caratteri)</numerusform>
        </translation>
    </message>
    <message>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1; %2</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n risultato</numerusform>
            <numerusform>%n risultati</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s)</source>
        <translation>
            <numerusform>%n documento</numerusform>
            <numerusform>%n documenti</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 for %2</source>
        <translation>%1 per %2</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s): %1</source>
        <translation>
            <numerusform>%n risultato: %1</numerusform>
            <numerusform>%n risultati: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>top_n 2 gave %n result(s)</source>
        <translation>
            <numerusform>top_n 2 ha dato %n risultato</numerusform>
            <numerusform>top_n 2 ha dato %n risultati</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s), each carrying the document sent</source>
        <translation>
            <numerusform>%n risultato, con il documento inviato</numerusform>
            <numerusform>%n risultati, ognuno con il documento inviato</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n score(s) within 0..1, sorted: %1 … %2</source>
        <translation>
            <numerusform>%n punteggio tra 0 e 1, ordinato: %1 … %2</numerusform>
            <numerusform>%n punteggi tra 0 e 1, ordinati: %1 … %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>indices of %n result(s), all valid and unique</source>
        <translation>
            <numerusform>indice di %n risultato, valido e unico</numerusform>
            <numerusform>indici di %n risultati, tutti validi e unici</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 documents x %n chunk(s) = %2 (at the budget)</source>
        <translation>
            <numerusform>%1 documenti x %n chunk = %2 (al limite)</numerusform>
            <numerusform>%1 documenti x %n chunk = %2 (al limite)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n character(s), finish reason %1: %2</source>
        <translation>
            <numerusform>%n carattere, motivo di fine %1: %2</numerusform>
            <numerusform>%n caratteri, motivo di fine %1: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the stream broke after %n event(s): %1</source>
        <translation>
            <numerusform>lo stream si è interrotto dopo %n evento: %1</numerusform>
            <numerusform>lo stream si è interrotto dopo %n eventi: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the stream ended after %n event(s) without its final event</source>
        <translation>
            <numerusform>lo stream è terminato dopo %n evento senza il suo evento finale</numerusform>
            <numerusform>lo stream è terminato dopo %n eventi senza il suo evento finale</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s), a final event; text equals %1</source>
        <translation>
            <numerusform>%n evento, un evento finale; il testo coincide con %1</numerusform>
            <numerusform>%n eventi, un evento finale; il testo coincide con %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s), a final event, first token after %1 ms; text equals %2</source>
        <translation>
            <numerusform>%n evento, un evento finale, primo token dopo %1 ms; il testo coincide con %2</numerusform>
            <numerusform>%n eventi, un evento finale, primo token dopo %1 ms; il testo coincide con %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1; %n unknown event(s) skipped</source>
        <translation>
            <numerusform>%1; %n evento sconosciuto saltato</numerusform>
            <numerusform>%1; %n eventi sconosciuti saltati</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n citation(s) wrong — %2</source>
        <translation>
            <numerusform>citazione sbagliata: %1 su %n — %2</numerusform>
            <numerusform>citazioni sbagliate: %1 su %n — %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n citation(s), each on its text and citing documents sent</source>
        <translation>
            <numerusform>%n citazione, sul proprio testo e relativa a documenti inviati</numerusform>
            <numerusform>%n citazioni, ognuna sul proprio testo e relativa a documenti inviati</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 answered (%n character(s), %2)</source>
        <translation>
            <numerusform>%1 ha risposto (%n carattere, %2)</numerusform>
            <numerusform>%1 ha risposto (%n caratteri, %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n request(s) failed (%2); %3</source>
        <translation>
            <numerusform>richiesta non riuscita: %1 su %n (%2); %3</numerusform>
            <numerusform>richieste non riuscite: %1 su %n (%2); %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s): %1</source>
        <translation>
            <numerusform>%n richiesta: %1</numerusform>
            <numerusform>%n richieste: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>… the last:</source>
        <translation>… l&apos;ultimo:</translation>
    </message>
    <message>
        <source>429 Too Many Requests; Retry-After %1 s</source>
        <translation>429 Too Many Requests; Retry-After %1 s</translation>
    </message>
    <message>
        <source>after a 429, waited %1 s as Retry-After said</source>
        <translation>dopo un 429, attesi %1 s come indicava Retry-After</translation>
    </message>
    <message>
        <source>hello</source>
        <translation>saluto</translation>
    </message>
    <message>
        <source>the server answered HTTP %1 in %2 ms</source>
        <translation>il server ha risposto HTTP %1 in %2 ms</translation>
    </message>
    <message>
        <source>plain HTTP to a server on this machine: there is no TLS to check</source>
        <translation>HTTP in chiaro verso un server su questa macchina: non c&apos;è TLS da controllare</translation>
    </message>
    <message>
        <source>the endpoint uses plain HTTP: the key and every request travel unencrypted</source>
        <translation>l&apos;endpoint usa HTTP in chiaro: la chiave e ogni richiesta viaggiano senza cifratura</translation>
    </message>
    <message>
        <source>certificate checks are switched off for this endpoint (CA bundle: none)</source>
        <translation>i controlli del certificato sono disattivati per questo endpoint (bundle CA: nessuno)</translation>
    </message>
    <message>
        <source>TLS handshake</source>
        <translation>handshake TLS</translation>
    </message>
    <message>
        <source>TLS handshake done, the certificate verified against the system&apos;s trust store</source>
        <translation>handshake TLS completato, certificato verificato con l&apos;archivio dei certificati attendibili del sistema</translation>
    </message>
    <message>
        <source>TLS handshake done, the certificate verified against the endpoint&apos;s CA bundle</source>
        <translation>handshake TLS completato, certificato verificato con il bundle CA dell&apos;endpoint</translation>
    </message>
    <message>
        <source>a 2-document rerank</source>
        <translation>un rerank di 2 documenti</translation>
    </message>
    <message>
        <source>a 5-token chat</source>
        <translation>una chat di 5 token</translation>
    </message>
    <message>
        <source>the endpoint is set to send no key</source>
        <translation>l&apos;endpoint è impostato per non inviare alcuna chiave</translation>
    </message>
    <message>
        <source>with the endpoint&apos;s key</source>
        <translation>con la chiave dell&apos;endpoint</translation>
    </message>
    <message>
        <source>the endpoint&apos;s key was refused: %1</source>
        <translation>la chiave dell&apos;endpoint è stata rifiutata: %1</translation>
    </message>
    <message>
        <source>%1 with the endpoint&apos;s key was answered</source>
        <translation>%1 con la chiave dell&apos;endpoint ha avuto risposta</translation>
    </message>
    <message>
        <source>the endpoint authenticates with %1, not a key</source>
        <translation>l&apos;endpoint si autentica con %1, non con una chiave</translation>
    </message>
    <message>
        <source>with a wrong key</source>
        <translation>con una chiave sbagliata</translation>
    </message>
    <message>
        <source>a wrong key was refused with HTTP %1</source>
        <translation>una chiave sbagliata è stata rifiutata con HTTP %1</translation>
    </message>
    <message>
        <source>%1 with a wrong key was answered: the deployment does not check keys</source>
        <translation>%1 con una chiave sbagliata ha avuto risposta: il deployment non controlla le chiavi</translation>
    </message>
    <message>
        <source>the deployment offers no /info route (404)</source>
        <translation>il deployment non offre la route /info (404)</translation>
    </message>
    <message>
        <source>/info answered HTTP %1: %2</source>
        <translation>/info ha risposto HTTP %1: %2</translation>
    </message>
    <message>
        <source>/info answered something that is not JSON: %1</source>
        <translation>/info ha risposto qualcosa che non è JSON: %1</translation>
    </message>
    <message>
        <source>/info answered JSON that is not an object</source>
        <translation>/info ha risposto un JSON che non è un oggetto</translation>
    </message>
    <message>
        <source>/info answered without a model_name</source>
        <translation>/info ha risposto senza model_name</translation>
    </message>
    <message>
        <source>an unnamed provider</source>
        <translation>un fornitore senza nome</translation>
    </message>
    <message>
        <source>no type</source>
        <translation>nessun tipo</translation>
    </message>
    <message>
        <source>/info names the model %1 from %2 (%3)</source>
        <translation>/info indica il modello %1 di %2 (%3)</translation>
    </message>
    <message>
        <source>nothing names the model: no /info answer and no model set on the endpoint</source>
        <translation>nulla indica il modello: nessuna risposta da /info e nessun modello impostato sull&apos;endpoint</translation>
    </message>
    <message>
        <source>the endpoint is set to model %1, but the deployment says it is %2</source>
        <translation>l&apos;endpoint è impostato sul modello %1, ma il deployment dice di essere %2</translation>
    </message>
    <message>
        <source>the deployment says it serves %1 (as set: %2)</source>
        <translation>il deployment dice di servire %1 (come impostato: %2)</translation>
    </message>
    <message>
        <source>the deployment says it serves %1</source>
        <translation>il deployment dice di servire %1</translation>
    </message>
    <message>
        <source>the endpoint is set to %1; the deployment does not say which model it serves</source>
        <translation>l&apos;endpoint è impostato su %1; il deployment non dice quale modello serve</translation>
    </message>
    <message>
        <source>the %1 flavour has no rerank route</source>
        <translation>la variante %1 non ha una route di rerank</translation>
    </message>
    <message>
        <source>5 string documents</source>
        <translation>5 documenti stringa</translation>
    </message>
    <message>
        <source>the flavour takes string documents only</source>
        <translation>la variante accetta solo documenti stringa</translation>
    </message>
    <message>
        <source>3 object documents, rank_fields</source>
        <translation>3 documenti oggetto, rank_fields</translation>
    </message>
    <message>
        <source>the password document (#%1) is not first: %2</source>
        <translation>il documento sulla password (#%1) non è il primo: %2</translation>
    </message>
    <message>
        <source>rendered to text by the workbench</source>
        <translation>resi come testo dal workbench</translation>
    </message>
    <message>
        <source>objects ranked (%1); the relevant one first: %2</source>
        <translation>oggetti ordinati (%1); quello pertinente per primo: %2</translation>
    </message>
    <message>
        <source>top_n 2 gave exactly 2 results</source>
        <translation>top_n 2 ha dato esattamente 2 risultati</translation>
    </message>
    <message>
        <source>the flavour has no return_documents</source>
        <translation>la variante non ha return_documents</translation>
    </message>
    <message>
        <source>result #%1 came back with %2, not the document sent</source>
        <translation>il risultato #%1 è tornato con %2, non con il documento inviato</translation>
    </message>
    <message>
        <source>scores</source>
        <translation>punteggi</translation>
    </message>
    <message>
        <source>scores outside 0..1: %1</source>
        <translation>punteggi fuori da 0..1: %1</translation>
    </message>
    <message>
        <source>scores are not sorted highest first: %1</source>
        <translation>i punteggi non sono ordinati dal più alto: %1</translation>
    </message>
    <message>
        <source>indices outside 0..%1: %2</source>
        <translation>indici fuori da 0..%1: %2</translation>
    </message>
    <message>
        <source>indices repeated: %1</source>
        <translation>indici ripetuti: %1</translation>
    </message>
    <message>
        <source>the answer has no results</source>
        <translation>la risposta non ha risultati</translation>
    </message>
    <message>
        <source>indices</source>
        <translation>indici</translation>
    </message>
    <message>
        <source>probe set, %1</source>
        <translation>set di prova, %1</translation>
    </message>
    <message>
        <source>%1: #%2 first (%3)</source>
        <translation>%1: #%2 per primo (%3)</translation>
    </message>
    <message>
        <source>%1, expected #%2: %3…</source>
        <translation>%1, atteso #%2: %3…</translation>
    </message>
    <message>
        <source>the relevant document is not first — %1</source>
        <translation>il documento pertinente non è il primo — %1</translation>
    </message>
    <message>
        <source>the relevant document ranks first — %1</source>
        <translation>il documento pertinente è il primo — %1</translation>
    </message>
    <message>
        <source>%1 documents, top_n %2</source>
        <translation>%1 documenti, top_n %2</translation>
    </message>
    <message>
        <source>the planted document #%1 is not first: %2</source>
        <translation>il documento inserito #%1 non è il primo: %2</translation>
    </message>
    <message>
        <source>%1 documents ranked; the planted #%2 first (%3)</source>
        <translation>%1 documenti ordinati; il documento inserito #%2 è il primo (%3)</translation>
    </message>
    <message>
        <source>the flavour truncates long documents instead of chunking them: no chunk rule</source>
        <translation>la variante tronca i documenti lunghi invece di dividerli in chunk: nessuna regola dei chunk</translation>
    </message>
    <message>
        <source>%1 was refused with HTTP %2: %3</source>
        <translation>la richiesta %1 è stata rifiutata con HTTP %2: %3</translation>
    </message>
    <message>
        <source>%1 was refused without a clear 4xx message: %2</source>
        <translation>la richiesta %1 è stata rifiutata senza un chiaro messaggio 4xx: %2</translation>
    </message>
    <message>
        <source>%1 was accepted; the rule says the product must stay below %2</source>
        <translation>la richiesta %1 è stata accettata; la regola dice che il prodotto deve restare sotto %2</translation>
    </message>
    <message>
        <source>English</source>
        <translation>inglese</translation>
    </message>
    <message>
        <source>Italian</source>
        <translation>italiano</translation>
    </message>
    <message>
        <source>plain prompt</source>
        <translation>prompt semplice</translation>
    </message>
    <message>
        <source>the answer reports a failure: %1</source>
        <translation>la risposta segnala un errore: %1</translation>
    </message>
    <message>
        <source>the answer is empty (finish reason %1)</source>
        <translation>la risposta è vuota (motivo di fine %1)</translation>
    </message>
    <message>
        <source>the plain prompt, streamed</source>
        <translation>il prompt semplice, in streaming</translation>
    </message>
    <message>
        <source>the stream reported a failure: %1</source>
        <translation>lo stream ha segnalato un errore: %1</translation>
    </message>
    <message>
        <source>the non-streamed answer</source>
        <translation>la risposta non in streaming</translation>
    </message>
    <message>
        <source>the streamed text differs from %1 at character %2: %3 vs %4</source>
        <translation>il testo in streaming non coincide con %1 dal carattere %2: %3 contro %4</translation>
    </message>
    <message>
        <source>the final event&apos;s text</source>
        <translation>il testo dell&apos;evento finale</translation>
    </message>
    <message>
        <source>the %1 route takes no RAG documents</source>
        <translation>la route %1 non accetta documenti RAG</translation>
    </message>
    <message>
        <source>2 documents</source>
        <translation>2 documenti</translation>
    </message>
    <message>
        <source>the answer cites nothing: %1</source>
        <translation>la risposta non cita nulla: %1</translation>
    </message>
    <message>
        <source>citation %1: offsets %2..%3 outside the answer</source>
        <translation>citazione %1: offset %2..%3 fuori dalla risposta</translation>
    </message>
    <message>
        <source>citation %1: answer[%2:%3] is %4, the citation says %5</source>
        <translation>citazione %1: answer[%2:%3] è %4, la citazione dice %5</translation>
    </message>
    <message>
        <source>citation %1 cites %2, which was never sent</source>
        <translation>la citazione %1 cita %2, che non è mai stato inviato</translation>
    </message>
    <message>
        <source>get_weather offered</source>
        <translation>get_weather offerto</translation>
    </message>
    <message>
        <source>no tool call: the model answered %1</source>
        <translation>nessuna chiamata a strumento: il modello ha risposto %1</translation>
    </message>
    <message>
        <source>the model called %1, a tool that was not offered</source>
        <translation>il modello ha chiamato %1, uno strumento non offerto</translation>
    </message>
    <message>
        <source>the arguments are not JSON: %1</source>
        <translation>gli argomenti non sono JSON: %1</translation>
    </message>
    <message>
        <source>the arguments miss the required string &apos;city&apos;: %1</source>
        <translation>agli argomenti manca la stringa obbligatoria &apos;city&apos;: %1</translation>
    </message>
    <message>
        <source>the tool&apos;s result sent back</source>
        <translation>il risultato dello strumento rimandato</translation>
    </message>
    <message>
        <source>the answer does not use the result (21 °C, sunny): %1</source>
        <translation>la risposta non usa il risultato (21 °C, soleggiato): %1</translation>
    </message>
    <message>
        <source>%1 called; the answer uses the result: %2</source>
        <translation>%1 chiamato; la risposta usa il risultato: %2</translation>
    </message>
    <message>
        <source>max_tokens 5, but %1 output tokens were billed</source>
        <translation>max_tokens 5, ma sono stati fatturati %1 token in uscita</translation>
    </message>
    <message>
        <source>max_tokens 5 ended with finish reason %1, not MAX_TOKENS</source>
        <translation>max_tokens 5 è terminato con motivo di fine %1, non MAX_TOKENS</translation>
    </message>
    <message>
        <source>cut short: finish reason %1, %2 tokens</source>
        <translation>troncata: motivo di fine %1, %2 token</translation>
    </message>
    <message numerus="yes">
        <source>cut short: finish reason %1, %n token(s)</source>
        <translation>
            <numerusform>troncata: motivo di fine %1, %n token</numerusform>
            <numerusform>troncata: motivo di fine %1, %n token</numerusform>
        </translation>
    </message>
    <message>
        <source>the flavour takes no stop sequences</source>
        <translation>la variante non accetta sequenze di arresto</translation>
    </message>
    <message>
        <source>the plain answer is too short to pick a stop sequence from</source>
        <translation>la risposta semplice è troppo corta per sceglierne una sequenza di arresto</translation>
    </message>
    <message>
        <source>the answer goes on past the stop sequence %1: %2</source>
        <translation>la risposta prosegue oltre la sequenza di arresto %1: %2</translation>
    </message>
    <message>
        <source>stopped before %1 (finish reason %2): %3</source>
        <translation>fermata prima di %1 (motivo di fine %2): %3</translation>
    </message>
    <message>
        <source>does %1 exist?</source>
        <translation>%1 esiste?</translation>
    </message>
    <message>
        <source>the plain prompt through %1</source>
        <translation>il prompt semplice attraverso %1</translation>
    </message>
    <message>
        <source>%1 gave an empty answer (finish reason %2)</source>
        <translation>%1 ha dato una risposta vuota (motivo di fine %2)</translation>
    </message>
    <message>
        <source>a different text</source>
        <translation>un testo diverso</translation>
    </message>
    <message>
        <source>the same text</source>
        <translation>lo stesso testo</translation>
    </message>
    <message>
        <source>the deployment offers no other chat route (%1: 404)</source>
        <translation>il deployment non offre altre route di chat (%1: 404)</translation>
    </message>
    <message>
        <source>%1 answered; %2</source>
        <translation>%1 ha risposto; %2</translation>
    </message>
    <message>
        <source>the deployment serves neither chat nor rerank</source>
        <translation>il deployment non serve né chat né rerank</translation>
    </message>
    <message>
        <source>wrong field types</source>
        <translation>tipi dei campi sbagliati</translation>
    </message>
    <message>
        <source>a malformed request got HTTP %1, not a 4xx: %2</source>
        <translation>una richiesta malformata ha ricevuto HTTP %1, non un 4xx: %2</translation>
    </message>
    <message>
        <source>HTTP %1 came without a message: %2</source>
        <translation>HTTP %1 è arrivato senza un messaggio: %2</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <source>(not sent)</source>
        <translation>(non inviato)</translation>
    </message>
    <message>
        <source>unknown parameter %1, extra-parameters: %2</source>
        <translation>parametro sconosciuto %1, extra-parameters: %2</translation>
    </message>
    <message>
        <source>refused with HTTP %1: %2</source>
        <translation>rifiutato con HTTP %1: %2</translation>
    </message>
    <message>
        <source>the server failed instead of handling the unknown parameter: %1</source>
        <translation>il server ha dato errore invece di gestire il parametro sconosciuto: %1</translation>
    </message>
    <message>
        <source>extra-parameters is %1, yet the unknown parameter was %2</source>
        <translation>extra-parameters è %1, eppure il parametro sconosciuto è stato %2</translation>
    </message>
    <message>
        <source>the unknown parameter was %1</source>
        <translation>il parametro sconosciuto è stato %1</translation>
    </message>
    <message>
        <source>extra-parameters is error, yet the unknown parameter was accepted</source>
        <translation>extra-parameters è error, eppure il parametro sconosciuto è stato accettato</translation>
    </message>
    <message>
        <source>the unknown parameter was accepted</source>
        <translation>il parametro sconosciuto è stato accettato</translation>
    </message>
    <message>
        <source>%1, as extra-parameters: %2 asks</source>
        <translation>%1, come chiede extra-parameters: %2</translation>
    </message>
    <message>
        <source>%1 (the endpoint sends no extra-parameters header, so the server&apos;s default applies)</source>
        <translation>%1 (l&apos;endpoint non invia l&apos;intestazione extra-parameters, quindi vale il comportamento predefinito del server)</translation>
    </message>
    <message>
        <source>request %1 of %2, streamed</source>
        <translation>richiesta %1 di %2, in streaming</translation>
    </message>
    <message>
        <source>no final event</source>
        <translation>nessun evento finale</translation>
    </message>
    <message>
        <source>request %1 of %2</source>
        <translation>richiesta %1 di %2</translation>
    </message>
    <message>
        <source>the run asks for no latency requests</source>
        <translation>l&apos;esecuzione non chiede richieste di latenza</translation>
    </message>
    <message>
        <source>request %1: %2</source>
        <translation>richiesta %1: %2</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
    <message>
        <source>total p50 %1, p95 %2</source>
        <translation>totale p50 %1, p95 %2</translation>
    </message>
    <message>
        <source>first token p50 %1, p95 %2; %3</source>
        <translation>primo token p50 %1, p95 %2; %3</translation>
    </message>
    <message>
        <source>time to first token p95 %1 ms is over the %2 ms budget</source>
        <translation>il tempo al primo token p95 di %1 ms supera il limite di %2 ms</translation>
    </message>
    <message>
        <source>total time p95 %1 ms is over the %2 ms budget</source>
        <translation>il tempo totale p95 di %1 ms supera il limite di %2 ms</translation>
    </message>
    <message>
        <source>total</source>
        <translation>totale</translation>
    </message>
    <message>
        <source>first token</source>
        <translation>primo token</translation>
    </message>
    <message>
        <source>Latency per request</source>
        <translation>Latenza per richiesta</translation>
    </message>
    <message>
        <source>request</source>
        <translation>richiesta</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>file o cartella inesistente</translation>
    </message>
    <message>
        <source>expected a BEIR-style folder, a .jsonl file or a .csv file</source>
        <translation>attesa una cartella in stile BEIR, un file .jsonl o un file .csv</translation>
    </message>
    <message>
        <source>query %1 is judged but not in queries.jsonl</source>
        <translation>la query %1 è giudicata ma non è in queries.jsonl</translation>
    </message>
    <message>
        <source>the corpus holds %1 documents, more than %2: give a TREC run file from a first-stage retriever for each query&apos;s candidates</source>
        <translation>il corpus contiene %1 documenti, più di %2: indica un file di run TREC di un retriever di primo livello per i candidati di ogni query</translation>
    </message>
    <message>
        <source>no judged query has candidates</source>
        <translation>nessuna query giudicata ha candidati</translation>
    </message>
    <message>
        <source>the folder has no %1 (BEIR layout)</source>
        <translation>la cartella non contiene %1 (struttura BEIR)</translation>
    </message>
    <message>
        <source>document %1 appears twice</source>
        <translation>il documento %1 compare due volte</translation>
    </message>
    <message>
        <source>no documents in the file</source>
        <translation>nessun documento nel file</translation>
    </message>
    <message>
        <source>query %1 appears twice</source>
        <translation>la query %1 compare due volte</translation>
    </message>
    <message>
        <source>the query is empty</source>
        <translation>la query è vuota</translation>
    </message>
    <message>
        <source>the run depth must be at least 1</source>
        <translation>la profondità della run deve essere almeno 1</translation>
    </message>
    <message>
        <source>%1 has no documents field: send grounded questions to the deployment&apos;s Cohere chat route (v1 or v2)</source>
        <translation>%1 non ha un campo documents: invia le domande con documenti alla route di chat Cohere del deployment (v1 o v2)</translation>
    </message>
    <message>
        <source>must have a text value</source>
        <translation>deve avere un valore di testo</translation>
    </message>
    <message>
        <source>Cohere&apos;s reference does not combine a JSON response_format with %1 (not checked on Azure); it is sent anyway, for the server to decide</source>
        <translation>il riferimento di Cohere non combina un response_format JSON con %1 (non verificato su Azure); la richiesta parte comunque e decide il server</translation>
    </message>
    <message>
        <source>Cohere&apos;s documents give %1 safety_mode %2 only (not checked on Azure); it is sent anyway, for the server to decide</source>
        <translation>secondo i documenti di Cohere %1 accetta solo safety_mode %2 (non verificato su Azure); la richiesta parte comunque e decide il server</translation>
    </message>
    <message>
        <source>Safety mode</source>
        <translation>Modalità di sicurezza</translation>
    </message>
    <message>
        <source>%1 images in this request; Cohere&apos;s pages give at most %2 (not checked here); it is sent anyway, for the server to decide</source>
        <translation>%1 immagini in questa richiesta; le pagine di Cohere ne indicano al massimo %2 (non verificato qui); la richiesta parte comunque e decide il server</translation>
    </message>
    <message>
        <source>the images come to %1 MB; Cohere&apos;s guide gave at most %2 MB per request (not checked here); it is sent anyway, for the server to decide</source>
        <translation>le immagini occupano %1 MB; la guida di Cohere indicava al massimo %2 MB per richiesta (non verificato qui); la richiesta parte comunque e decide il server</translation>
    </message>
    <message>
        <source>a relevance grade is between %1 and %2, got %3</source>
        <translation>un grado di rilevanza è compreso tra %1 e %2, trovato %3</translation>
    </message>
    <message>
        <source>judged queries without candidates left out: %1</source>
        <translation>query giudicate senza candidati, lasciate fuori: %1</translation>
    </message>
    <message>
        <source>query %1 lists document %2, which is not in corpus.jsonl</source>
        <translation>la query %1 elenca il documento %2, che non è in corpus.jsonl</translation>
    </message>
    <message>
        <source>queries without judgments left out: %1</source>
        <translation>query senza giudizi lasciate fuori: %1</translation>
    </message>
    <message>
        <source>query %1 has two texts</source>
        <translation>la query %1 ha due testi</translation>
    </message>
    <message>
        <source>document %1 has two texts</source>
        <translation>il documento %1 ha due testi</translation>
    </message>
    <message>
        <source>document %1 has two texts: a document without an id gets &lt;query id&gt;-&lt;position&gt;, and another document has that id; give the one without an id an id of its own</source>
        <translation>il documento %1 ha due testi: un documento senza id riceve &lt;id della query&gt;-&lt;posizione&gt;, e un altro documento ha quell&apos;id; dai al documento senza id un id suo</translation>
    </message>
    <message>
        <source>document %1 appears twice for this query</source>
        <translation>il documento %1 compare due volte per questa query</translation>
    </message>
    <message>
        <source>no query has a judged document (a relevance value)</source>
        <translation>nessuna query ha un documento giudicato (un valore di rilevanza)</translation>
    </message>
    <message>
        <source>expected a non-empty array</source>
        <translation>atteso un array non vuoto</translation>
    </message>
    <message>
        <source>expected an object</source>
        <translation>atteso un oggetto</translation>
    </message>
    <message>
        <source>the file is empty: expected one JSON object per line, a query each</source>
        <translation>il file è vuoto: atteso un oggetto JSON per riga, una query ciascuno</translation>
    </message>
    <message>
        <source>query_id %1 is also the id of line %2, which has no query_id (such a line gets q&lt;line number&gt;): give line %2 a query_id</source>
        <translation>query_id %1 è anche l&apos;id della riga %2, che non ha query_id (una riga così riceve q&lt;numero di riga&gt;): dai un query_id alla riga %2</translation>
    </message>
    <message>
        <source>this line has no query_id, so its id is %1, the query_id line %2 gives: give this line a query_id</source>
        <translation>questa riga non ha query_id, quindi il suo id è %1, il query_id dato dalla riga %2: dai un query_id a questa riga</translation>
    </message>
    <message>
        <source>the file is empty: expected a header line naming the columns query and text</source>
        <translation>il file è vuoto: attesa una riga di intestazione con le colonne query e text</translation>
    </message>
    <message>
        <source>a quote opened on this line is never closed</source>
        <translation>una virgoletta aperta su questa riga non viene mai chiusa</translation>
    </message>
    <message>
        <source>not CSV: %1</source>
        <translation>non è CSV: %1</translation>
    </message>
    <message>
        <source>the header names the column %1 twice</source>
        <translation>l&apos;intestazione nomina due volte la colonna %1</translation>
    </message>
    <message>
        <source>the header names %1 columns, this row has %2 cells (a cell holding the separator needs quotes)</source>
        <translation>l&apos;intestazione nomina %1 colonne, questa riga ha %2 celle (una cella che contiene il separatore va tra virgolette)</translation>
    </message>
    <message>
        <source>the file has a header line but no rows under it</source>
        <translation>il file ha una riga di intestazione ma nessuna riga sotto</translation>
    </message>
    <message>
        <source>a tab</source>
        <translation>una tabulazione</translation>
    </message>
    <message>
        <source>commas</source>
        <translation>virgole</translation>
    </message>
    <message>
        <source>semicolons</source>
        <translation>punti e virgola</translation>
    </message>
    <message>
        <source>the header %1 is separated by %2; expected %3, as in %4</source>
        <translation>l&apos;intestazione %1 è separata da %2; attese %3, come in %4</translation>
    </message>
    <message>
        <source>the header has %1; column names are lower case: %2</source>
        <translation>l&apos;intestazione ha %1; i nomi delle colonne sono in minuscolo: %2</translation>
    </message>
    <message>
        <source>the header lacks the column %1</source>
        <translation>nell&apos;intestazione manca la colonna %1</translation>
    </message>
    <message>
        <source>headers %1 · first token %2 · last %3</source>
        <translation>intestazioni %1 · primo token %2 · ultimo %3</translation>
    </message>
    <message>
        <source>status %1  outcome %2  (%3)</source>
        <translation>stato %1  esito %2  (%3)</translation>
    </message>
    <message>
        <source>usage: %1</source>
        <translation>utilizzo: %1</translation>
    </message>
    <message>
        <source>estimated cost: %1 %2</source>
        <translation>costo stimato: %1 %2</translation>
    </message>
    <message>
        <source>answer: %1</source>
        <translation>risposta: %1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>errore: %1</translation>
    </message>
    <message>
        <source>a demo script needs at least one chat turn</source>
        <translation>uno script demo richiede almeno un turno di chat</translation>
    </message>
    <message>
        <source>field &apos;kind&apos; must be &apos;chat&apos; in a demo script</source>
        <translation>in uno script demo il campo &apos;kind&apos; deve essere &apos;chat&apos;</translation>
    </message>
    <message>
        <source>the script has no turns</source>
        <translation>lo script non ha turni</translation>
    </message>
    <message>
        <source>field %1 has the wrong type</source>
        <translation>il campo %1 ha il tipo sbagliato</translation>
    </message>
    <message>
        <source>a run must be a JSON object</source>
        <translation>un&apos;esecuzione deve essere un oggetto JSON</translation>
    </message>
    <message>
        <source>field %1 is missing</source>
        <translation>manca il campo %1</translation>
    </message>
    <message>
        <source>unknown field %1</source>
        <translation>campo sconosciuto %1</translation>
    </message>
    <message>
        <source>events[%1] needs t and data</source>
        <translation>events[%1] richiede t e data</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>il file è vuoto</translation>
    </message>
    <message>
        <source>not JSON: %1</source>
        <translation>non è JSON: %1</translation>
    </message>
    <message>
        <source>not a %1 file</source>
        <translation>non è un file %1</translation>
    </message>
    <message>
        <source>unknown version %1</source>
        <translation>versione sconosciuta %1</translation>
    </message>
    <message>
        <source>field &apos;kind&apos; must be one of %1</source>
        <translation>il campo &apos;kind&apos; deve essere uno tra %1</translation>
    </message>
    <message>
        <source>field &apos;flavour&apos; must be one of %1</source>
        <translation>il campo &apos;flavour&apos; deve essere uno tra %1</translation>
    </message>
    <message>
        <source>field &apos;created&apos; must be seconds since 1970, before the year 3000</source>
        <translation>il campo &apos;created&apos; deve essere in secondi dal 1970, prima dell&apos;anno 3000</translation>
    </message>
    <message>
        <source>field %1 must be from %2 to %3</source>
        <translation>il campo %1 deve essere compreso tra %2 e %3</translation>
    </message>
    <message>
        <source>The turn was recorded without its request (imported without its inputs).</source>
        <translation>Il turno è stato registrato senza la sua richiesta (importato senza i suoi input).</translation>
    </message>
    <message>
        <source>The turn&apos;s stored request is not a chat request (%1: %2).</source>
        <translation>La richiesta salvata del turno non è una richiesta di chat (%1: %2).</translation>
    </message>
    <message>
        <source>The turn was recorded without its flavour: its events cannot be read.</source>
        <translation>Il turno è stato registrato senza la sua variante: i suoi eventi non si possono leggere.</translation>
    </message>
    <message>
        <source>The turn&apos;s flavour %1 is unknown (known: %2): its events cannot be read.</source>
        <translation>La variante %1 del turno è sconosciuta (note: %2): i suoi eventi non si possono leggere.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2.</source>
        <translation>Impossibile leggere %1: %2.</translation>
    </message>
    <message>
        <source>The settings file is not valid JSON: %1</source>
        <translation>Il file delle impostazioni non è JSON valido: %1</translation>
    </message>
    <message>
        <source>The settings file is not valid: %1</source>
        <translation>Il file delle impostazioni non è valido: %1</translation>
    </message>
    <message>
        <source>The run history at %1 was not used because %2. It was kept as %3 and a new, empty history was started.</source>
        <translation>La cronologia delle esecuzioni in %1 non è stata usata perché %2. È stata conservata come %3 ed è stata avviata una nuova cronologia vuota.</translation>
    </message>
    <message>
        <source>it was written by a newer version of the program (schema %1)</source>
        <translation>è stata scritta da una versione più recente del programma (schema %1)</translation>
    </message>
    <message>
        <source>it could not be read (%1)</source>
        <translation>non è stato possibile leggerla (%1)</translation>
    </message>
    <message>
        <source>Reading the key from the keyring failed</source>
        <translation>Lettura della chiave dal portachiavi non riuscita</translation>
    </message>
    <message>
        <source>Storing the key in the keyring failed</source>
        <translation>Archiviazione della chiave nel portachiavi non riuscita</translation>
    </message>
    <message>
        <source>Deleting the key from the keyring failed</source>
        <translation>Eliminazione della chiave dal portachiavi non riuscita</translation>
    </message>
    <message>
        <source>The keyring cannot be reached</source>
        <translation>Il portachiavi non è raggiungibile</translation>
    </message>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>%1: no keyring backend.</source>
        <translation>%1: nessun backend del portachiavi.</translation>
    </message>
    <message>
        <source>the keyring found (%1) would not keep keys safe.</source>
        <translation>il portachiavi trovato (%1) non terrebbe le chiavi al sicuro.</translation>
    </message>
    <message>
        <source>Check that the keyring is unlocked, then try again.</source>
        <translation>Verifica che il portachiavi sia sbloccato, poi riprova.</translation>
    </message>
    <message>
        <source>Keys are stored only in a secure OS keyring, never in a plain file. On Linux, install and start a Secret Service provider (gnome-keyring or KWallet) in your desktop session, or choose a backend with the environment variable PYTHON_KEYRING_BACKEND (for example keyring.backends.SecretService.Keyring). On macOS and Windows the system keychain / Credential Manager is used automatically.</source>
        <translation>Le chiavi sono conservate solo in un portachiavi sicuro del sistema, mai in un file in chiaro. Su Linux, installa e avvia un fornitore Secret Service (gnome-keyring o KWallet) nella tua sessione desktop, oppure scegli un backend con la variabile d&apos;ambiente PYTHON_KEYRING_BACKEND (per esempio keyring.backends.SecretService.Keyring). Su macOS e Windows si usano automaticamente il portachiavi di sistema / Gestione credenziali.</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>JSON non valido: %1</translation>
    </message>
    <message>
        <source>not valid JSON (line %1, column %2): %3</source>
        <translation>JSON non valido (riga %1, colonna %2): %3</translation>
    </message>
    <message>
        <source>is not a JSON object</source>
        <translation>non è un oggetto JSON</translation>
    </message>
    <message>
        <source>The last answer asked for no tool calls.</source>
        <translation>L&apos;ultima risposta non ha chiesto chiamate agli strumenti.</translation>
    </message>
    <message>
        <source>There is no turn to regenerate yet.</source>
        <translation>Non c&apos;è ancora nessun turno da rigenerare.</translation>
    </message>
    <message>
        <source>The last turn is a system message.</source>
        <translation>L&apos;ultimo turno è un messaggio di sistema.</translation>
    </message>
    <message>
        <source>Turn %1 has no message to edit.</source>
        <translation>Il turno %1 non ha un messaggio da modificare.</translation>
    </message>
    <message>
        <source>expected an object with format %1</source>
        <translation>atteso un oggetto con format %1</translation>
    </message>
    <message>
        <source>Cohere v1 chat_history</source>
        <translation>chat_history di Cohere v1</translation>
    </message>
    <message>
        <source>v2 / OpenAI messages</source>
        <translation>messages v2 / OpenAI</translation>
    </message>
    <message>
        <source>neutral history</source>
        <translation>cronologia neutra</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>deve essere una stringa</translation>
    </message>
    <message>
        <source>expected an object with chat_history or messages, or a list of messages</source>
        <translation>atteso un oggetto con chat_history o messages, oppure un elenco di messaggi</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>deve essere un elenco</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>deve essere un oggetto</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>campo sconosciuto</translation>
    </message>
    <message>
        <source>required (user, assistant / CHATBOT, system or tool)</source>
        <translation>obbligatorio (user, assistant / CHATBOT, system o tool)</translation>
    </message>
    <message>
        <source>unknown role %1</source>
        <translation>ruolo sconosciuto %1</translation>
    </message>
    <message>
        <source>only user messages carry images</source>
        <translation>solo i messaggi dell&apos;utente possono contenere immagini</translation>
    </message>
    <message>
        <source>a user message needs text or an image</source>
        <translation>un messaggio dell&apos;utente richiede un testo o un&apos;immagine</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>deve essere true o false</translation>
    </message>
    <message>
        <source>must be a whole number from 0 to %1</source>
        <translation>deve essere un numero intero da 0 a %1</translation>
    </message>
    <message>
        <source>must be a number from 0 to 1</source>
        <translation>deve essere un numero da 0 a 1</translation>
    </message>
    <message>
        <source>must be a list of strings</source>
        <translation>deve essere un elenco di stringhe</translation>
    </message>
    <message>
        <source>must be a string or a list of content blocks</source>
        <translation>deve essere una stringa o un elenco di blocchi di contenuto</translation>
    </message>
    <message>
        <source>only text, thinking and image blocks, got %1</source>
        <translation>solo blocchi text, thinking e image, trovato %1</translation>
    </message>
    <message>
        <source>needs a url</source>
        <translation>richiede un url</translation>
    </message>
    <message>
        <source>must be auto, low or high</source>
        <translation>deve essere auto, low o high</translation>
    </message>
    <message>
        <source>must be a list of images</source>
        <translation>deve essere un elenco di immagini</translation>
    </message>
    <message>
        <source>required</source>
        <translation>obbligatorio</translation>
    </message>
    <message>
        <source>must be JSON text</source>
        <translation>deve essere testo JSON</translation>
    </message>
    <message>
        <source>not valid JSON (%1)</source>
        <translation>JSON non valido (%1)</translation>
    </message>
    <message>
        <source>must be a JSON object</source>
        <translation>deve essere un oggetto JSON</translation>
    </message>
    <message>
        <source>required for role tool</source>
        <translation>obbligatorio per il ruolo tool</translation>
    </message>
    <message>
        <source>no earlier tool call has id %1</source>
        <translation>nessuna chiamata a strumento precedente ha id %1</translation>
    </message>
    <message>
        <source>must be a non-empty list</source>
        <translation>deve essere un elenco non vuoto</translation>
    </message>
    <message>
        <source>must be a list of objects</source>
        <translation>deve essere un elenco di oggetti</translation>
    </message>
    <message>
        <source>expected a text or document block, got %1</source>
        <translation>atteso un blocco text o document, trovato %1</translation>
    </message>
    <message>
        <source>Stopped by you</source>
        <translation>Fermata da te</translation>
    </message>
    <message>
        <source>the stream ended without its final event</source>
        <translation>lo stream è terminato senza il suo evento finale</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>Errore imprevisto</translation>
    </message>
    <message>
        <source>Something went wrong that the workbench did not expect — this is a bug. Your work is still open. Copy the details below into a bug report.</source>
        <translation>Si è verificato un problema che il workbench non prevedeva: è un bug. Il tuo lavoro è ancora aperto. Copia i dettagli qui sotto in una segnalazione di bug.</translation>
    </message>
    <message>
        <source>Error details</source>
        <translation>Dettagli dell&apos;errore</translation>
    </message>
    <message>
        <source>&amp;Details:</source>
        <translation>&amp;Dettagli:</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>&amp;Copia dettagli</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copia dettagli</translation>
    </message>
</context>
<context>
    <name>DemoBar</name>
    <message>
        <source>Demo script</source>
        <translation>Script demo</translation>
    </message>
    <message>
        <source>Demo scr&amp;ipt</source>
        <translation>Script &amp;demo</translation>
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
        <source>Speed</source>
        <translation>Velocità</translation>
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
    <name>DocumentsEditor</name>
    <message>
        <source>Text, one document per line (*.txt)</source>
        <translation>Testo, un documento per riga (*.txt)</translation>
    </message>
    <message>
        <source>Text, one document per paragraph (*.txt)</source>
        <translation>Testo, un documento per paragrafo (*.txt)</translation>
    </message>
    <message>
        <source>Any file, format from its name (*)</source>
        <translation>Qualsiasi file, formato dedotto dal nome (*)</translation>
    </message>
    <message>
        <source>Type a JSON list of documents — strings, or objects such as {&quot;title&quot;: …, &quot;text&quot;: …} — or use Import… (Ctrl+O) or Paste documents.</source>
        <translation>Scrivi un elenco JSON di documenti — stringhe, o oggetti come {&quot;title&quot;: …, &quot;text&quot;: …} — oppure usa Importa… (Ctrl+O) o Incolla documenti.</translation>
    </message>
    <message>
        <source>Documents JSON</source>
        <translation>JSON dei documenti</translation>
    </message>
    <message>
        <source>Documents table</source>
        <translation>Tabella dei documenti</translation>
    </message>
    <message>
        <source>Documents view</source>
        <translation>Vista dei documenti</translation>
    </message>
    <message>
        <source>&amp;JSON</source>
        <translation>&amp;JSON</translation>
    </message>
    <message>
        <source>Tab&amp;le</source>
        <translation>Ta&amp;bella</translation>
    </message>
    <message>
        <source>Add &amp;row</source>
        <translation>Aggiungi &amp;riga</translation>
    </message>
    <message>
        <source>Remove rows</source>
        <translation>Rimuovi righe</translation>
    </message>
    <message>
        <source>Add &amp;column…</source>
        <translation>Aggiungi c&amp;olonna…</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>Im&amp;porta…</translation>
    </message>
    <message>
        <source>&amp;Paste documents</source>
        <translation>Incolla doc&amp;umenti</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;sporta…</translation>
    </message>
    <message>
        <source>Cop&amp;y as JSON</source>
        <translation>Copia come JSO&amp;N</translation>
    </message>
    <message numerus="yes">
        <source>%1 document(s)</source>
        <translation>
            <numerusform>%1 documento</numerusform>
            <numerusform>%1 documenti</numerusform>
        </translation>
    </message>
    <message>
        <source>Add column</source>
        <translation>Aggiungi colonna</translation>
    </message>
    <message>
        <source>Key of the new column:</source>
        <translation>Chiave della nuova colonna:</translation>
    </message>
    <message>
        <source>That column exists or is blank</source>
        <translation>La colonna esiste già o è vuota</translation>
    </message>
    <message>
        <source>Import documents</source>
        <translation>Importa documenti</translation>
    </message>
    <message>
        <source>Export documents</source>
        <translation>Esporta documenti</translation>
    </message>
    <message>
        <source>Could not use the file: %1</source>
        <translation>Impossibile usare il file: %1</translation>
    </message>
</context>
<context>
    <name>EmptyDocuments</name>
    <message>
        <source>No documents yet. Load the sample recipes to try rerank at once, or import a JSON, JSON Lines, CSV or text file.</source>
        <translation>Ancora nessun documento. Carica le ricette di esempio per provare subito il rerank, oppure importa un file JSON, JSON Lines, CSV o di testo.</translation>
    </message>
    <message>
        <source>No documents yet</source>
        <translation>Ancora nessun documento</translation>
    </message>
    <message>
        <source>Load sample</source>
        <translation>Carica esempio</translation>
    </message>
    <message>
        <source>Load sample documents</source>
        <translation>Carica i documenti di esempio</translation>
    </message>
    <message>
        <source>The sample query, recipe documents and their rank_fields</source>
        <translation>La query di esempio, i documenti delle ricette e i loro rank_fields</translation>
    </message>
    <message>
        <source>Import a file…</source>
        <translation>Importa un file…</translation>
    </message>
    <message>
        <source>Import documents from a file</source>
        <translation>Importa documenti da un file</translation>
    </message>
</context>
<context>
    <name>EndpointForm</name>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>URL di base</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Timeout</translation>
    </message>
    <message>
        <source>Connect timeout</source>
        <translation>Timeout di connessione</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Prezzi</translation>
    </message>
    <message>
        <source>Extra headers</source>
        <translation>Intestazioni aggiuntive</translation>
    </message>
    <message>
        <source>api-key header</source>
        <translation>intestazione api-key</translation>
    </message>
    <message>
        <source>x-api-key header</source>
        <translation>intestazione x-api-key</translation>
    </message>
    <message>
        <source>Microsoft Entra ID (no key)</source>
        <translation>Microsoft Entra ID (senza chiave)</translation>
    </message>
    <message>
        <source>No authentication</source>
        <translation>Nessuna autenticazione</translation>
    </message>
    <message>
        <source>Connection summary</source>
        <translation>Riepilogo della connessione</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>Endpoint name</source>
        <translation>Nome dell&apos;endpoint</translation>
    </message>
    <message>
        <source>&amp;Base URL:</source>
        <translation>URL di &amp;base:</translation>
    </message>
    <message>
        <source>F&amp;lavour:</source>
        <translation>Varian&amp;te (flavour):</translation>
    </message>
    <message>
        <source>Flavour</source>
        <translation>Variante (flavour)</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modello:</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modello</translation>
    </message>
    <message>
        <source>A&amp;uthentication:</source>
        <translation>Autentica&amp;zione:</translation>
    </message>
    <message>
        <source>Authentication scheme</source>
        <translation>Schema di autenticazione</translation>
    </message>
    <message>
        <source>API &amp;key:</source>
        <translation>C&amp;hiave API:</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Chiave API</translation>
    </message>
    <message>
        <source>e.g. Azure rerank (Sweden)</source>
        <translation>ad es. Azure rerank (Svezia)</translation>
    </message>
    <message>
        <source>server&apos;s default (one model per deployment)</source>
        <translation>predefinito del server (un modello per deployment)</translation>
    </message>
    <message>
        <source>paste a key to store it in the keyring</source>
        <translation>incolla una chiave per salvarla nel portachiavi</translation>
    </message>
    <message>
        <source>Final URLs</source>
        <translation>URL finali</translation>
    </message>
    <message>
        <source>URL warning</source>
        <translation>Avviso sull&apos;URL</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>Connessione:</translation>
    </message>
    <message>
        <source>Stored key</source>
        <translation>Chiave salvata</translation>
    </message>
    <message>
        <source>For&amp;get stored key</source>
        <translation>&amp;Dimentica la chiave salvata</translation>
    </message>
    <message>
        <source>Forget stored key</source>
        <translation>Dimentica la chiave salvata</translation>
    </message>
    <message>
        <source>C&amp;onnection</source>
        <translation>&amp;Connessione</translation>
    </message>
    <message>
        <source>extra-parameters header</source>
        <translation>Intestazione extra-parameters</translation>
    </message>
    <message>
        <source>CA bundle:</source>
        <translation>Bundle CA:</translation>
    </message>
    <message>
        <source>Custom CA bundle</source>
        <translation>Bundle CA personalizzato</translation>
    </message>
    <message>
        <source>Proxy:</source>
        <translation>Proxy:</translation>
    </message>
    <message>
        <source>Proxy</source>
        <translation>Proxy</translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation>Timeout:</translation>
    </message>
    <message>
        <source>Connect timeout:</source>
        <translation>Timeout di connessione:</translation>
    </message>
    <message>
        <source>Extra headers:</source>
        <translation>Intestazioni aggiuntive:</translation>
    </message>
    <message>
        <source>not sent (e.g. 2024-05-01-preview)</source>
        <translation>non inviata (ad es. 2024-05-01-preview)</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>non inviata</translation>
    </message>
    <message>
        <source>system trust store</source>
        <translation>archivio certificati di sistema</translation>
    </message>
    <message>
        <source>system proxy settings</source>
        <translation>impostazioni proxy di sistema</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Sfoglia…</translation>
    </message>
    <message>
        <source>Browse for a CA bundle</source>
        <translation>Cerca un bundle CA</translation>
    </message>
    <message>
        <source>&amp;Prices (for cost estimates)</source>
        <translation>Prezz&amp;i (per le stime dei costi)</translation>
    </message>
    <message>
        <source>Input / 1M tokens:</source>
        <translation>Input / 1M token:</translation>
    </message>
    <message>
        <source>Input price per million tokens</source>
        <translation>Prezzo di input per milione di token</translation>
    </message>
    <message>
        <source>Output / 1M tokens:</source>
        <translation>Output / 1M token:</translation>
    </message>
    <message>
        <source>Output price per million tokens</source>
        <translation>Prezzo di output per milione di token</translation>
    </message>
    <message>
        <source>Search / 1,000 units:</source>
        <translation>Ricerca / 1.000 unità:</translation>
    </message>
    <message>
        <source>Price per 1,000 search units</source>
        <translation>Prezzo per 1.000 unità di ricerca</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>sconosciuto</translation>
    </message>
    <message>
        <source>Invalid endpoint</source>
        <translation>Endpoint non valido</translation>
    </message>
    <message>
        <source>stored %1</source>
        <translation>salvata %1</translation>
    </message>
    <message>
        <source>keyring unavailable</source>
        <translation>portachiavi non disponibile</translation>
    </message>
    <message>
        <source>no key stored</source>
        <translation>nessuna chiave salvata</translation>
    </message>
    <message>
        <source>Choose a CA bundle</source>
        <translation>Scegli un bundle CA</translation>
    </message>
    <message>
        <source>PEM bundles (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Bundle PEM (*.pem *.crt *.cer);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Hidden in demo mode: %1 · %2</source>
        <translation>Nascosti in modalità demo: %1 · %2</translation>
    </message>
    <message>
        <source>Looks like: %1</source>
        <translation>Sembra: %1</translation>
    </message>
    <message>
        <source>Plain http:// to another machine: the key and your data travel unencrypted. Use https:// unless this is a trusted network.</source>
        <translation>http:// semplice verso un altro computer: la chiave e i tuoi dati viaggiano in chiaro. Usa https:// a meno che non sia una rete fidata.</translation>
    </message>
    <message>
        <source>Model problem</source>
        <translation>Problema del modello</translation>
    </message>
    <message>
        <source>Model required</source>
        <translation>Modello obbligatorio</translation>
    </message>
    <message>
        <source>%1 needs a model name: Chat refuses to send without one. On an Azure serverless deployment any name works (the deployment serves its own model).</source>
        <translation>%1 richiede il nome di un modello: la Chat non invia nulla senza. Su un deployment serverless di Azure va bene qualsiasi nome (il deployment serve il proprio modello).</translation>
    </message>
</context>
<context>
    <name>EndpointPicker</name>
    <message>
        <source>Rerank endpoint</source>
        <translation>Endpoint di rerank</translation>
    </message>
    <message>
        <source>Rerank endpoint details</source>
        <translation>Dettagli dell&apos;endpoint di rerank</translation>
    </message>
    <message>
        <source>Chat endpoint</source>
        <translation>Endpoint di chat</translation>
    </message>
    <message>
        <source>Chat endpoint details</source>
        <translation>Dettagli dell&apos;endpoint di chat</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Endpoint:</translation>
    </message>
    <message>
        <source>add one in the Endpoints pane</source>
        <translation>aggiungine uno nel pannello Endpoint</translation>
    </message>
    <message>
        <source>server&apos;s default model</source>
        <translation>modello predefinito del server</translation>
    </message>
</context>
<context>
    <name>EndpointSession</name>
    <message>
        <source>Enter the key for “%1” in the Endpoints pane, or set its authentication to None.</source>
        <translation>Inserisci la chiave di “%1” nel pannello Endpoint, oppure imposta la sua autenticazione su Nessuna.</translation>
    </message>
</context>
<context>
    <name>EndpointTransfer</name>
    <message>
        <source>Import endpoints</source>
        <translation>Importa endpoint</translation>
    </message>
    <message>
        <source>Export endpoints (no keys)</source>
        <translation>Esporta endpoint (senza chiavi)</translation>
    </message>
    <message>
        <source>Cannot read %1</source>
        <translation>Impossibile leggere %1</translation>
    </message>
    <message>
        <source>Endpoints imported: %1</source>
        <translation>Endpoint importati: %1</translation>
    </message>
    <message>
        <source>Enter each one&apos;s key, then Save.</source>
        <translation>Inserisci la chiave di ciascuno, poi Salva.</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>Impossibile scrivere %1</translation>
    </message>
    <message>
        <source>Demo mode is on: hosts are written as host.invalid.</source>
        <translation>La modalità demo è attiva: gli host sono scritti come host.invalid.</translation>
    </message>
    <message>
        <source>Exported endpoints to %1</source>
        <translation>Endpoint esportati in %1</translation>
    </message>
    <message>
        <source>Keys are not exported. Extra headers are, as they are not secret.</source>
        <translation>Le chiavi non vengono esportate. Le intestazioni aggiuntive sì, perché non sono segrete.</translation>
    </message>
</context>
<context>
    <name>EndpointsPane</name>
    <message>
        <source>Endpoints</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>Saved endpoints</source>
        <translation>Endpoint salvati</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Aggiungi</translation>
    </message>
    <message>
        <source>Add a new endpoint</source>
        <translation>Aggiungi un nuovo endpoint</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>E&amp;limina</translation>
    </message>
    <message>
        <source>Import endpoints (JSON)</source>
        <translation>Importa endpoint (JSON)</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>Esporta…</translation>
    </message>
    <message>
        <source>Export without keys</source>
        <translation>Esporta senza chiavi</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Salva</translation>
    </message>
    <message>
        <source>Discard unsaved edits</source>
        <translation>Scarta le modifiche non salvate</translation>
    </message>
    <message>
        <source>R&amp;evert</source>
        <translation>Ri&amp;pristina</translation>
    </message>
    <message>
        <source>S&amp;top test  (Esc)</source>
        <translation>Fe&amp;rma prova  (Esc)</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>P&amp;rova connessione</translation>
    </message>
    <message>
        <source>Connection test result</source>
        <translation>Esito della prova di connessione</translation>
    </message>
    <message>
        <source>Endpoint details</source>
        <translation>Dettagli dell&apos;endpoint</translation>
    </message>
    <message>
        <source>Stop the connection test</source>
        <translation>Ferma la prova di connessione</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Prova connessione</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annullato.</translation>
    </message>
    <message>
        <source>New endpoint</source>
        <translation>Nuovo endpoint</translation>
    </message>
    <message>
        <source>Duplicated as “%1”</source>
        <translation>Duplicato come “%1”</translation>
    </message>
    <message>
        <source>The key is not copied.</source>
        <translation>La chiave non viene copiata.</translation>
    </message>
    <message>
        <source>Delete endpoint</source>
        <translation>Elimina endpoint</translation>
    </message>
    <message>
        <source>Delete “%1” and its stored key?</source>
        <translation>Eliminare “%1” e la sua chiave salvata?</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation>Eliminato “%1”</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>Salvato “%1”.</translation>
    </message>
    <message>
        <source>Key trimmed</source>
        <translation>Chiave ripulita</translation>
    </message>
    <message>
        <source>Spaces or line breaks around the pasted key were removed.</source>
        <translation>Sono stati rimossi gli spazi o gli a capo attorno alla chiave incollata.</translation>
    </message>
    <message>
        <source>Key stored in the keyring</source>
        <translation>Chiave salvata nel portachiavi</translation>
    </message>
    <message>
        <source>Secret headers moved to the keyring</source>
        <translation>Intestazioni segrete spostate nel portachiavi</translation>
    </message>
    <message>
        <source>Saved in plain settings by an older version: %1</source>
        <translation>Salvate nelle impostazioni in chiaro da una versione precedente: %1</translation>
    </message>
    <message>
        <source>Stored key deleted from the keyring</source>
        <translation>Chiave salvata eliminata dal portachiavi</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Prova in corso…</translation>
    </message>
    <message>
        <source>Endpoint error</source>
        <translation>Errore dell&apos;endpoint</translation>
    </message>
    <message>
        <source>Saved endpo&amp;ints</source>
        <translation>&amp;Endpoint salvati</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplica</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importa…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salva</translation>
    </message>
    <message>
        <source>Saving “%1”: storing in the keyring…</source>
        <translation>Salvataggio di “%1”: archiviazione nel portachiavi…</translation>
    </message>
    <message>
        <source>Not saved: the Model field needs a name (see the message there).</source>
        <translation>Non salvato: il campo Modello richiede un nome (vedi il messaggio lì).</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Non salvato: %1</translation>
    </message>
    <message>
        <source>Saved “%1” and its key in the keyring.</source>
        <translation>Salvati “%1” e la sua chiave nel portachiavi.</translation>
    </message>
    <message>
        <source>Saved “%1” and its secret values in the keyring.</source>
        <translation>Salvati “%1” e i suoi valori segreti nel portachiavi.</translation>
    </message>
    <message>
        <source>“%1”: its settings are saved; its key is NOT.</source>
        <translation>“%1”: le impostazioni sono salvate; la chiave NO.</translation>
    </message>
    <message>
        <source>“%1”: its settings are saved; its secret values are NOT.</source>
        <translation>“%1”: le impostazioni sono salvate; i valori segreti NO.</translation>
    </message>
    <message>
        <source>The keyring did not store it, and nothing was written elsewhere: %1</source>
        <translation>Il portachiavi non l&apos;ha archiviata e non è stato scritto nulla altrove: %1</translation>
    </message>
    <message>
        <source>Called: %1</source>
        <translation>URL chiamato: %1</translation>
    </message>
</context>
<context>
    <name>EntraFields</name>
    <message>
        <source>Entra ID scope</source>
        <translation>Ambito (scope) di Entra ID</translation>
    </message>
    <message>
        <source>The scope the token is asked for. Azure AI Foundry: https://ai.azure.com/.default; Azure OpenAI also takes https://cognitiveservices.azure.com/.default.</source>
        <translation>L&apos;ambito (scope) per cui si chiede il token. Azure AI Foundry: https://ai.azure.com/.default; Azure OpenAI accetta anche https://cognitiveservices.azure.com/.default.</translation>
    </message>
    <message>
        <source>Token command</source>
        <translation>Comando del token</translation>
    </message>
    <message>
        <source>azure-identity if installed, else the Azure CLI</source>
        <translation>azure-identity se installato, altrimenti la CLI di Azure</translation>
    </message>
    <message>
        <source>A command printing the token as JSON (accessToken, expires_on), run without a shell; {scope} is filled in. Default without azure-identity: %1</source>
        <translation>Un comando che stampa il token in JSON (accessToken, expires_on), eseguito senza shell; {scope} viene sostituito. Predefinito senza azure-identity: %1</translation>
    </message>
    <message>
        <source>S&amp;cope:</source>
        <translation>Ambit&amp;o (scope):</translation>
    </message>
    <message>
        <source>To&amp;ken command:</source>
        <translation>Comando del to&amp;ken:</translation>
    </message>
</context>
<context>
    <name>ErrorCard</name>
    <message>
        <source>The last turn failed</source>
        <translation>L&apos;ultimo turno non è riuscito</translation>
    </message>
    <message>
        <source>Likely cause</source>
        <translation>Causa probabile</translation>
    </message>
    <message>
        <source>Retr&amp;y</source>
        <translation>Ri&amp;prova</translation>
    </message>
    <message>
        <source>Send the same turn again</source>
        <translation>Invia di nuovo lo stesso turno</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Riprova</translation>
    </message>
    <message>
        <source>Edit e&amp;ndpoint</source>
        <translation>Mod&amp;ifica endpoint</translation>
    </message>
    <message>
        <source>Open this endpoint in the Endpoints pane</source>
        <translation>Apri questo endpoint nel pannello Endpoint</translation>
    </message>
    <message>
        <source>Edit endpoint</source>
        <translation>Modifica endpoint</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Invalid input</source>
        <translation>Dati non validi</translation>
    </message>
    <message>
        <source>Sign-in failed</source>
        <translation>Accesso non riuscito</translation>
    </message>
    <message>
        <source>Request failed</source>
        <translation>Richiesta non riuscita</translation>
    </message>
    <message>
        <source>Could not connect</source>
        <translation>Connessione non riuscita</translation>
    </message>
    <message>
        <source>Connection timed out</source>
        <translation>Tempo di connessione scaduto</translation>
    </message>
    <message>
        <source>The server took too long to answer</source>
        <translation>Il server ha impiegato troppo tempo a rispondere</translation>
    </message>
    <message>
        <source>Unexpected answer from the server</source>
        <translation>Risposta inattesa dal server</translation>
    </message>
    <message>
        <source>The server refused the request</source>
        <translation>Il server ha rifiutato la richiesta</translation>
    </message>
    <message>
        <source>Bad request</source>
        <translation>Richiesta non valida</translation>
    </message>
    <message>
        <source>Authentication failed</source>
        <translation>Autenticazione non riuscita</translation>
    </message>
    <message>
        <source>Route not found (check the URL and flavour)</source>
        <translation>Route non trovata (controlla l&apos;URL e la variante)</translation>
    </message>
    <message>
        <source>The server could not process a parameter</source>
        <translation>Il server non ha potuto elaborare un parametro</translation>
    </message>
    <message>
        <source>Request cancelled</source>
        <translation>Richiesta annullata</translation>
    </message>
    <message>
        <source>Server error</source>
        <translation>Errore del server</translation>
    </message>
    <message>
        <source>Rate limited</source>
        <translation>Limite di frequenza raggiunto</translation>
    </message>
    <message>
        <source>Invalid URL</source>
        <translation>URL non valido</translation>
    </message>
    <message>
        <source>Unusable API key</source>
        <translation>Chiave API inutilizzabile</translation>
    </message>
    <message>
        <source>Workbench error</source>
        <translation>Errore del workbench</translation>
    </message>
    <message>
        <source>Settings could not be loaded</source>
        <translation>Non è stato possibile caricare le impostazioni</translation>
    </message>
    <message>
        <source>Keyring error</source>
        <translation>Errore del portachiavi</translation>
    </message>
    <message>
        <source>No secure keyring available</source>
        <translation>Nessun portachiavi sicuro disponibile</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text</source>
        <translation>Il file non è testo UTF-8</translation>
    </message>
    <message>
        <source>The file is not UTF-16 text</source>
        <translation>Il file non è testo UTF-16</translation>
    </message>
    <message>
        <source>The file is not UTF-32 text</source>
        <translation>Il file non è testo UTF-32</translation>
    </message>
    <message>
        <source>No documents found</source>
        <translation>Nessun documento trovato</translation>
    </message>
    <message>
        <source>Expected a JSON array of documents</source>
        <translation>Era atteso un array JSON di documenti</translation>
    </message>
    <message>
        <source>A document must be a string or an object</source>
        <translation>Un documento deve essere una stringa o un oggetto</translation>
    </message>
    <message>
        <source>The CSV header needs a name for every column</source>
        <translation>L&apos;intestazione CSV richiede un nome per ogni colonna</translation>
    </message>
    <message>
        <source>Cannot attach image</source>
        <translation>Impossibile allegare l&apos;immagine</translation>
    </message>
    <message>
        <source>Cannot read image</source>
        <translation>Impossibile leggere l&apos;immagine</translation>
    </message>
    <message>
        <source>Chat history is not valid JSON</source>
        <translation>La cronologia della chat non è JSON valido</translation>
    </message>
    <message>
        <source>Not a chat history file</source>
        <translation>Non è un file di cronologia della chat</translation>
    </message>
    <message>
        <source>Chat history is damaged</source>
        <translation>La cronologia della chat è danneggiata</translation>
    </message>
    <message>
        <source>Saved rerank inputs are damaged</source>
        <translation>Gli input di Rerank salvati sono danneggiati</translation>
    </message>
    <message>
        <source>Saved inputs are damaged</source>
        <translation>Gli input salvati sono danneggiati</translation>
    </message>
    <message>
        <source>Documents must be a JSON array</source>
        <translation>I documenti devono essere un array JSON</translation>
    </message>
    <message>
        <source>There are no documents</source>
        <translation>Non ci sono documenti</translation>
    </message>
    <message>
        <source>This flavour takes strings only</source>
        <translation>Questa variante accetta solo stringhe</translation>
    </message>
    <message>
        <source>An object document is empty</source>
        <translation>Un documento oggetto è vuoto</translation>
    </message>
    <message>
        <source>Strings and objects cannot be mixed for this flavour</source>
        <translation>Con questa variante non si possono mescolare stringhe e oggetti</translation>
    </message>
    <message>
        <source>Not a conversation</source>
        <translation>Non è una conversazione</translation>
    </message>
    <message>
        <source>Invalid extra header</source>
        <translation>Intestazione aggiuntiva non valida</translation>
    </message>
    <message>
        <source>Cannot import endpoints</source>
        <translation>Impossibile importare gli endpoint</translation>
    </message>
    <message>
        <source>Unknown endpoint</source>
        <translation>Endpoint sconosciuto</translation>
    </message>
    <message>
        <source>Endpoint not available here</source>
        <translation>Endpoint non disponibile qui</translation>
    </message>
    <message>
        <source>No API key stored</source>
        <translation>Nessuna chiave API salvata</translation>
    </message>
    <message>
        <source>Too many images</source>
        <translation>Troppe immagini</translation>
    </message>
    <message>
        <source>Images too large</source>
        <translation>Immagini troppo grandi</translation>
    </message>
    <message>
        <source>No endpoint selected</source>
        <translation>Nessun endpoint selezionato</translation>
    </message>
    <message>
        <source>No API key stored for this endpoint</source>
        <translation>Nessuna chiave API salvata per questo endpoint</translation>
    </message>
    <message>
        <source>run file</source>
        <translation>file di run</translation>
    </message>
    <message>
        <source>top level</source>
        <translation>livello principale</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>(livello principale)</translation>
    </message>
    <message>
        <source>tool results</source>
        <translation>risultati degli strumenti</translation>
    </message>
    <message>
        <source>conversation</source>
        <translation>conversazione</translation>
    </message>
    <message>
        <source>token command</source>
        <translation>comando del token</translation>
    </message>
    <message>
        <source>the token command</source>
        <translation>comando del token</translation>
    </message>
    <message>
        <source>the Azure CLI</source>
        <translation>CLI di Azure</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>chiave API</translation>
    </message>
    <message>
        <source>Extra headers</source>
        <translation>Intestazioni aggiuntive</translation>
    </message>
    <message>
        <source>field %1</source>
        <translation>campo %1</translation>
    </message>
    <message>
        <source>turn %1</source>
        <translation>turno %1</translation>
    </message>
    <message>
        <source>event %1</source>
        <translation>evento %1</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>riga %1, colonna %2</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>riga %1</translation>
    </message>
    <message>
        <source>byte %1</source>
        <translation>byte %1</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (request id %2)</source>
        <translation>%1 (id richiesta %2)</translation>
    </message>
    <message>
        <source>%1; retry after %2 s</source>
        <translation>%1; riprova tra %2 s</translation>
    </message>
</context>
<context>
    <name>EvaluationCharts</name>
    <message>
        <source>Evaluation charts</source>
        <translation>Grafici della valutazione</translation>
    </message>
    <message>
        <source>Run an evaluation to see its charts.</source>
        <translation>Esegui una valutazione per vederne i grafici.</translation>
    </message>
    <message>
        <source>Chart of the metrics per endpoint</source>
        <translation>Grafico delle metriche per endpoint</translation>
    </message>
    <message>
        <source>Chart of the per-query figures</source>
        <translation>Grafico dei valori per query</translation>
    </message>
    <message>
        <source>Mean per endpoint</source>
        <translation>Media per endpoint</translation>
    </message>
    <message>
        <source>B - A per query (%1), best for B first</source>
        <translation>B - A per query (%1), prima le migliori per B</translation>
    </message>
    <message>
        <source>%1 per query, best first</source>
        <translation>%1 per query, prima le migliori</translation>
    </message>
</context>
<context>
    <name>EvaluationPane</name>
    <message>
        <source>Evaluation</source>
        <translation>Valutazione</translation>
    </message>
    <message>
        <source>&amp;Set:</source>
        <translation>&amp;Set:</translation>
    </message>
    <message>
        <source>Labelled set</source>
        <translation>Set etichettato</translation>
    </message>
    <message>
        <source>Endpoint &amp;A:</source>
        <translation>Endpoint &amp;A:</translation>
    </message>
    <message>
        <source>Endpoint A</source>
        <translation>Endpoint A</translation>
    </message>
    <message>
        <source>Endpoint &amp;B:</source>
        <translation>Endpoint &amp;B:</translation>
    </message>
    <message>
        <source>Endpoint B (to compare)</source>
        <translation>Endpoint B (da confrontare)</translation>
    </message>
    <message>
        <source>Cut-off &amp;k:</source>
        <translation>Soglia &amp;k:</translation>
    </message>
    <message>
        <source>Cut-off k</source>
        <translation>Soglia k</translation>
    </message>
    <message>
        <source>A BEIR folder (corpus.jsonl, queries.jsonl, qrels/), or a .jsonl or .csv file</source>
        <translation>Una cartella BEIR (corpus.jsonl, queries.jsonl, qrels/) oppure un file .jsonl o .csv</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Sf&amp;oglia…</translation>
    </message>
    <message>
        <source>Browse for a set</source>
        <translation>Cerca un set</translation>
    </message>
    <message>
        <source>Sa&amp;mple set</source>
        <translation>Set di ese&amp;mpio</translation>
    </message>
    <message>
        <source>Run the sample set</source>
        <translation>Esegui il set di esempio</translation>
    </message>
    <message>
        <source>R&amp;un evaluation</source>
        <translation>Esegui valu&amp;tazione</translation>
    </message>
    <message>
        <source>Run evaluation</source>
        <translation>Esegui la valutazione</translation>
    </message>
    <message>
        <source>S&amp;tart over</source>
        <translation>Ri&amp;comincia da capo</translation>
    </message>
    <message>
        <source>Start the evaluation over</source>
        <translation>Ricomincia la valutazione da capo</translation>
    </message>
    <message>
        <source>Cance&amp;l</source>
        <translation>Annu&amp;lla</translation>
    </message>
    <message>
        <source>Cancel evaluation</source>
        <translation>Annulla la valutazione</translation>
    </message>
    <message>
        <source>&amp;Open query in Rerank</source>
        <translation>Apri la query in Re&amp;rank</translation>
    </message>
    <message>
        <source>Open query in Rerank</source>
        <translation>Apri la query in Rerank</translation>
    </message>
    <message>
        <source>BEIR &amp;folder…</source>
        <translation>&amp;Cartella BEIR…</translation>
    </message>
    <message>
        <source>Evaluation progress</source>
        <translation>Avanzamento della valutazione</translation>
    </message>
    <message>
        <source>Evaluation status</source>
        <translation>Stato della valutazione</translation>
    </message>
    <message>
        <source>Choose a labelled set (or press Sample set) and endpoint A, then Run evaluation: nDCG, MRR and recall at k show here, per endpoint and per query.</source>
        <translation>Scegli un set etichettato (o premi Set di esempio) e l&apos;endpoint A, poi Esegui valutazione: nDCG, MRR e recall a k compaiono qui, per endpoint e per query.</translation>
    </message>
    <message>
        <source>Notes on the set</source>
        <translation>Note sul set</translation>
    </message>
    <message>
        <source>Evaluation inputs not saved</source>
        <translation>Input della Valutazione non salvati</translation>
    </message>
    <message>
        <source>Metrics per endpoint</source>
        <translation>Metriche per endpoint</translation>
    </message>
    <message>
        <source>Per-query results</source>
        <translation>Risultati per query</translation>
    </message>
    <message>
        <source>Evaluation results</source>
        <translation>Risultati della valutazione</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriche</translation>
    </message>
    <message>
        <source>Queries</source>
        <translation>Query</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Grafici</translation>
    </message>
    <message>
        <source>None (one endpoint)</source>
        <translation>Nessuno (un solo endpoint)</translation>
    </message>
    <message>
        <source>Cancelled. What was ranked is kept: Run continues from there.</source>
        <translation>Annullata. Quanto già ordinato è conservato: Esegui riprende da lì.</translation>
    </message>
    <message>
        <source>These results are from the previous run; the last run was cancelled.</source>
        <translation>Questi risultati sono dell&apos;esecuzione precedente; l&apos;ultima esecuzione è stata annullata.</translation>
    </message>
    <message>
        <source>Choose a set and endpoint A first.</source>
        <translation>Scegli prima un set e l&apos;endpoint A.</translation>
    </message>
    <message>
        <source>Reading the set…</source>
        <translation>Lettura del set…</translation>
    </message>
    <message>
        <source>Rank every query again on %1, on %2 or on both (you choose), dropping their scores saved for this set; other endpoints keep theirs.</source>
        <translation>Ordina di nuovo ogni query su %1, su %2 o su entrambi (scegli tu), scartando i loro punteggi salvati per questo set; gli altri endpoint conservano i propri.</translation>
    </message>
    <message>
        <source>Rank every query again on %1, dropping its scores saved for this set; other endpoints keep theirs.</source>
        <translation>Ordina di nuovo ogni query su %1, scartando i suoi punteggi salvati per questo set; gli altri endpoint conservano i propri.</translation>
    </message>
    <message>
        <source>Rank every query again on the endpoints chosen, dropping their scores saved for this set; other endpoints keep theirs.</source>
        <translation>Ordina di nuovo ogni query sugli endpoint scelti, scartando i loro punteggi salvati per questo set; gli altri endpoint conservano i propri.</translation>
    </message>
    <message>
        <source>Run reuses saved scores; start over when an endpoint was redeployed since.</source>
        <translation>Esegui riusa i punteggi salvati; ricomincia da capo quando un endpoint è stato ridistribuito nel frattempo.</translation>
    </message>
    <message>
        <source>Start over on which endpoints? Their scores saved for this set are dropped and every query is ranked again on them; the saved scores of the others are kept.

A: %1
B: %2</source>
        <translation>Ricominciare da capo su quali endpoint? I loro punteggi salvati per questo set vengono scartati e ogni query viene ordinata di nuovo su di essi; i punteggi salvati degli altri sono conservati.

A: %1
B: %2</translation>
    </message>
    <message>
        <source>Start over on %1? Its scores saved for this set are dropped and every query is ranked again on it; the saved scores of other endpoints are kept.</source>
        <translation>Ricominciare da capo su %1? I suoi punteggi salvati per questo set vengono scartati e ogni query viene ordinata di nuovo su di esso; i punteggi salvati degli altri endpoint sono conservati.</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Ricomincia da capo</translation>
    </message>
    <message>
        <source>Start over on %1</source>
        <translation>Ricomincia da capo su %1</translation>
    </message>
    <message>
        <source>&amp;Start over on both</source>
        <translation>&amp;Ricomincia su entrambi</translation>
    </message>
    <message>
        <source>Only on &amp;A</source>
        <translation>Solo su &amp;A</translation>
    </message>
    <message>
        <source>Only on &amp;B</source>
        <translation>Solo su &amp;B</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 e %2</translation>
    </message>
    <message>
        <source>Stopped. What was ranked is kept: Run continues from there.</source>
        <translation>Interrotta. Quanto già ordinato è conservato: Esegui riprende da lì.</translation>
    </message>
    <message>
        <source>Stopped: endpoint %1 (%2) failed. What was ranked is kept: Run continues from there.</source>
        <translation>Interrotta: una richiesta all&apos;endpoint %1 (%2) non è riuscita. Quanto già ordinato è conservato: Esegui riprende da lì.</translation>
    </message>
    <message numerus="yes">
        <source>Ranked %n of %1 query rankings</source>
        <translation>
            <numerusform>%n ordinamento su %1 completato</numerusform>
            <numerusform>%n ordinamenti su %1 completati</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n queries evaluated.</source>
        <translation>
            <numerusform>%n query valutata.</numerusform>
            <numerusform>%n query valutate.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n requests sent.</source>
        <translation>
            <numerusform>%n richiesta inviata.</numerusform>
            <numerusform>%n richieste inviate.</numerusform>
        </translation>
    </message>
    <message>
        <source>Started over: no ranking taken from saved progress.</source>
        <translation>Ricominciata da capo: nessun ordinamento preso dai progressi salvati.</translation>
    </message>
    <message>
        <source>Started over on %1.</source>
        <translation>Ricominciata da capo su %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n rankings taken from saved progress.</source>
        <translation>
            <numerusform>%n ordinamento preso dai progressi salvati.</numerusform>
            <numerusform>%n ordinamenti presi dai progressi salvati.</numerusform>
        </translation>
    </message>
    <message>
        <source>p-values: two-sided paired randomization (sign-flip) test over queries, exact up to %1 queries, else %2 permutations with a fixed seed.</source>
        <translation>Valori p: test di randomizzazione appaiato bilaterale (inversione dei segni) sulle query, esatto fino a %1 query, altrimenti %2 permutazioni con seme fisso.</translation>
    </message>
    <message>
        <source>Choose a BEIR folder</source>
        <translation>Scegli una cartella BEIR</translation>
    </message>
    <message>
        <source>Choose a labelled set file</source>
        <translation>Scegli il file di un set etichettato</translation>
    </message>
    <message>
        <source>Labelled sets (*.jsonl *.ndjson *.csv *.tsv)</source>
        <translation>Set etichettati (*.jsonl *.ndjson *.csv *.tsv)</translation>
    </message>
    <message>
        <source>Any file (*)</source>
        <translation>Qualsiasi file (*)</translation>
    </message>
    <message>
        <source>Evaluation error</source>
        <translation>Errore della valutazione</translation>
    </message>
    <message>
        <source>&amp;JSONL or CSV file…</source>
        <translation>&amp;File JSONL o CSV…</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Interrotta.</translation>
    </message>
</context>
<context>
    <name>EvaluationTables</name>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>B - A</source>
        <translation>B - A</translation>
    </message>
    <message>
        <source>p-value</source>
        <translation>valore p</translation>
    </message>
    <message>
        <source>B wins / losses / ties</source>
        <translation>B vince / perde / pareggia</translation>
    </message>
    <message>
        <source>Query id</source>
        <translation>Id della query</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Query</translation>
    </message>
    <message>
        <source>A %1</source>
        <translation>%1 di A</translation>
    </message>
    <message>
        <source>B %1</source>
        <translation>%1 di B</translation>
    </message>
    <message>
        <source>B - A %1</source>
        <translation>%1 B - A</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Esito</translation>
    </message>
    <message>
        <source>B wins</source>
        <translation>vince B</translation>
    </message>
    <message>
        <source>B loses</source>
        <translation>perde B</translation>
    </message>
    <message>
        <source>tie</source>
        <translation>pareggio</translation>
    </message>
</context>
<context>
    <name>ExamplePrompts</name>
    <message>
        <source>Explain in two sentences what a reranker does.</source>
        <translation>Spiega in due frasi che cosa fa un reranker.</translation>
    </message>
    <message>
        <source>Which plan includes single sign-on, and what does it cost for 40 people?</source>
        <translation>Quale piano include il single sign-on, e quanto costa per 40 persone?</translation>
    </message>
    <message>
        <source>What is the weather in São Paulo right now?</source>
        <translation>Che tempo fa a San Paolo in questo momento?</translation>
    </message>
    <message>
        <source>Start with an example: it fills the message box, and Send sends it.</source>
        <translation>Inizia da un esempio: riempie la casella del messaggio, e Invia lo invia.</translation>
    </message>
    <message>
        <source>Example prompts</source>
        <translation>Prompt di esempio</translation>
    </message>
    <message>
        <source>Start &amp;with an example</source>
        <translation>&amp;Inizia da un esempio</translation>
    </message>
    <message>
        <source>Each fills the message box, and Send sends it.</source>
        <translation>Ognuno riempie la casella del messaggio, e Invia lo invia.</translation>
    </message>
    <message>
        <source>Ask a question</source>
        <translation>Fai una domanda</translation>
    </message>
    <message>
        <source>Ask the sample documents</source>
        <translation>Interroga i documenti di esempio</translation>
    </message>
    <message>
        <source>Try a tool call</source>
        <translation>Prova una chiamata a strumento</translation>
    </message>
    <message>
        <source>Nothing attached</source>
        <translation>Nessun allegato</translation>
    </message>
    <message>
        <source>Attaches the sample documents (RAG with citations)</source>
        <translation>Allega i documenti di esempio (RAG con citazioni)</translation>
    </message>
    <message>
        <source>Attaches the sample get_weather tool</source>
        <translation>Allega lo strumento di esempio get_weather</translation>
    </message>
    <message>
        <source>Example prompt: %1</source>
        <translation>Prompt di esempio: %1</translation>
    </message>
</context>
<context>
    <name>HeadersEditor</name>
    <message>
        <source>One “Name: value” per line, sent with every request (e.g. X-Client-Name: demo, or x-sandbox-fault: status=503 against the local sandbox). Stored in plain settings and included in exports, except secret headers: write “secret Name: value” (headers named like a key, such as Ocp-Apim-Subscription-Key, are secret anyway) and the value is kept in the keyring and shown as ••••••••. The API key goes in the API key field.</source>
        <translation>Una riga “Nome: valore” per intestazione, inviata con ogni richiesta (ad es. X-Client-Name: demo, oppure x-sandbox-fault: status=503 verso la sandbox locale). Salvate nelle impostazioni in chiaro e incluse nelle esportazioni, tranne le intestazioni segrete: scrivi “secret Nome: valore” (le intestazioni con il nome di una chiave, come Ocp-Apim-Subscription-Key, sono comunque segrete) e il valore viene conservato nel portachiavi e mostrato come ••••••••. La chiave API va nel campo Chiave API.</translation>
    </message>
    <message>
        <source>Extra request headers</source>
        <translation>Intestazioni aggiuntive della richiesta</translation>
    </message>
    <message>
        <source>Extra headers problem</source>
        <translation>Problema nelle intestazioni aggiuntive</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <source>Conversation (*.json);;All files (*)</source>
        <translation>Conversazione (*.json);;Tutti i file (*)</translation>
    </message>
    <message>
        <source>Conversation history</source>
        <translation>Cronologia della conversazione</translation>
    </message>
    <message>
        <source>C&amp;onversation history</source>
        <translation>Crono&amp;logia della conversazione</translation>
    </message>
    <message>
        <source>What the next request carries: [{role, content, tool_calls?, tool_results?, tool_plan?}]. Paste v1 chat_history or v2 / OpenAI messages too; Apply replaces the conversation.</source>
        <translation>Ciò che la prossima richiesta invia: [{role, content, tool_calls?, tool_results?, tool_plan?}]. Si possono incollare anche chat_history v1 o messages v2 / OpenAI; Applica sostituisce la conversazione.</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>Applica</translation>
    </message>
    <message>
        <source>Apply history</source>
        <translation>Applica la cronologia</translation>
    </message>
    <message>
        <source>&amp;Undo edits</source>
        <translation>Annulla modific&amp;he</translation>
    </message>
    <message>
        <source>Undo history edits</source>
        <translation>Annulla le modifiche alla cronologia</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Imp&amp;orta…</translation>
    </message>
    <message>
        <source>Import history</source>
        <translation>Importa la cronologia</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>Esporta la cronologia</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>E&amp;sporta…</translation>
    </message>
    <message>
        <source>History status</source>
        <translation>Stato della cronologia</translation>
    </message>
    <message>
        <source>The conversation changed; your edits are kept. Apply uses them, Undo edits shows it.</source>
        <translation>La conversazione è cambiata; le tue modifiche sono conservate. Applica le usa, Ripristina mostra la conversazione.</translation>
    </message>
    <message>
        <source>Import conversation</source>
        <translation>Importa conversazione</translation>
    </message>
    <message>
        <source>Export conversation</source>
        <translation>Esporta conversazione</translation>
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
        <translation>E&amp;sito</translation>
    </message>
    <message>
        <source>&amp;Label and note</source>
        <translation>Etic&amp;hetta e nota</translation>
    </message>
    <message>
        <source>Repla&amp;y</source>
        <translation>Riproduzio&amp;ne</translation>
    </message>
    <message>
        <source>Stora&amp;ge</source>
        <translation>&amp;Archivio</translation>
    </message>
    <message>
        <source>Export file…</source>
        <translation>Esporta file…</translation>
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
        <translation>Esecuz&amp;ioni</translation>
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
        <translation>Sequen&amp;za temporale</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Etichetta</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Save label and note</source>
        <translation>Salva etichetta e nota</translation>
    </message>
    <message>
        <source>&amp;Pin / unpin</source>
        <translation>Fissa / s&amp;blocca</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>E&amp;limina</translation>
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
        <translation>Es&amp;porta come</translation>
    </message>
    <message>
        <source>&amp;Copy code</source>
        <translation>C&amp;opia codice</translation>
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
        <source>Not written: %1</source>
        <translation>Non scritto: %1</translation>
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
    <message>
        <source>%1 bytes</source>
        <translation>%1 byte</translation>
    </message>
</context>
<context>
    <name>ImportTexts</name>
    <message numerus="yes">
        <source>%n document(s) from %1, %2 (read by its content)</source>
        <translation>
            <numerusform>%n documento da %1, %2 (letto dal contenuto)</numerusform>
            <numerusform>%n documenti da %1, %2 (letti dal contenuto)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) from %1, %2</source>
        <translation>
            <numerusform>%n documento da %1, %2</numerusform>
            <numerusform>%n documenti da %1, %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JsonEditor</name>
    <message>
        <source>The JSON is empty</source>
        <translation>Il JSON è vuoto</translation>
    </message>
    <message>
        <source>Invalid JSON: %1</source>
        <translation>JSON non valido: %1</translation>
    </message>
    <message>
        <source>%1 validation</source>
        <translation>Verifica di %1</translation>
    </message>
    <message>
        <source>&amp;Format</source>
        <translation>&amp;Formatta</translation>
    </message>
    <message>
        <source>Pretty-print the JSON</source>
        <translation>Formatta il JSON in modo leggibile</translation>
    </message>
    <message>
        <source>Format %1</source>
        <translation>Formatta %1</translation>
    </message>
    <message>
        <source>Syntax colours are off for texts this large</source>
        <translation>I colori della sintassi sono disattivati per testi così grandi</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 in %2</translation>
    </message>
</context>
<context>
    <name>KeyringBanner</name>
    <message>
        <source>Keyring status</source>
        <translation>Stato del portachiavi</translation>
    </message>
    <message>
        <source>No secure keyring is available, so keys cannot be stored. %1</source>
        <translation>Non è disponibile un portachiavi sicuro, quindi le chiavi non possono essere salvate. %1</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;System</source>
        <translation>&amp;Sistema</translation>
    </message>
</context>
<context>
    <name>LocalSandbox</name>
    <message>
        <source>Local sandbox · Rerank</source>
        <translation>Sandbox locale · Rerank</translation>
    </message>
    <message>
        <source>Local sandbox · Chat</source>
        <translation>Sandbox locale · Chat</translation>
    </message>
    <message>
        <source>Local sandbox running</source>
        <translation>Sandbox locale in esecuzione</translation>
    </message>
    <message>
        <source>%1 — try Rerank or Chat now.</source>
        <translation>%1 — prova subito Rerank o Chat.</translation>
    </message>
    <message>
        <source>No secure keyring: the local sandbox runs without a key</source>
        <translation>Nessun portachiavi sicuro: la sandbox locale funziona senza chiave</translation>
    </message>
    <message>
        <source>It listens on this machine only. %1</source>
        <translation>Accetta connessioni solo da questo computer. %1</translation>
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
        <translation>In corso…</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>Avvisi</translation>
    </message>
    <message>
        <source>&amp;Notices</source>
        <translation>&amp;Avvisi</translation>
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
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
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
        <source>&amp;Help</source>
        <translation>Ai&amp;uto</translation>
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
        <source>Its kind %1 is not one the workbench opens (chat, rerank).</source>
        <translation>Il suo tipo %1 non è tra quelli che il workbench apre (chat, rerank).</translation>
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
        <source>Its stored request is not one this program can read.</source>
        <translation>La sua richiesta salvata non è leggibile da questo programma.</translation>
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
        <source>Mask hosts and keys, enlarge fonts, hide connection details</source>
        <translation>Maschera host e chiavi, ingrandisce i caratteri, nasconde i dettagli di connessione</translation>
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
        <source>Cohere Workbench %1
Try, demo and check Cohere models on serverless endpoints.</source>
        <translation>Cohere Workbench %1
Prova, mostra e verifica i modelli Cohere su endpoint serverless.</translation>
    </message>
    <message>
        <source>About Cohere Workbench</source>
        <translation>Informazioni su Cohere Workbench</translation>
    </message>
    <message>
        <source>This run is not in the history</source>
        <translation>Questa esecuzione non è nella cronologia</translation>
    </message>
    <message>
        <source>It was not recorded (the history is off) or has been deleted.</source>
        <translation>Non è stata registrata (la cronologia è disattivata) oppure è stata eliminata.</translation>
    </message>
</context>
<context>
    <name>ModelOptions</name>
    <message>
        <source>Model options</source>
        <translation>Opzioni del modello</translation>
    </message>
    <message>
        <source>M&amp;odel options</source>
        <translation>&amp;Opzioni del modello</translation>
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
        <source>Tool &amp;use</source>
        <translation>Uso degli &amp;strumenti</translation>
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
        <translation>Budget di to&amp;ken:</translation>
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
        <translation>A&amp;llega immagine…</translation>
    </message>
    <message>
        <source>Attach image</source>
        <translation>Allega immagine</translation>
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
        <source>Attach images</source>
        <translation>Allega immagini</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>Immagini (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) · ≈ %1 tokens · %2 KB (estimate)</source>
        <translation>
            <numerusform>%n immagine · ≈ %1 token · %2 KB (stima)</numerusform>
            <numerusform>%n immagini · ≈ %1 token · %2 KB (stima)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>%1 — at %2</source>
        <translation>%1 — in %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>info</source>
        <translation>informazione</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>avviso</translation>
    </message>
    <message>
        <source>error</source>
        <translation>errore</translation>
    </message>
    <message>
        <source>request id %1</source>
        <translation>id richiesta %1</translation>
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
    <message>
        <source>E&amp;valuation</source>
        <translation>&amp;Valutazione</translation>
    </message>
    <message>
        <source>&amp;QA</source>
        <translation>&amp;QA</translation>
    </message>
    <message>
        <source>C&amp;ompare</source>
        <translation>C&amp;onfronto</translation>
    </message>
</context>
<context>
    <name>ParamsPanel</name>
    <message>
        <source>Temperature</source>
        <translation>Temperatura</translation>
    </message>
    <message>
        <source>Randomness of sampling.</source>
        <translation>Casualità del campionamento.</translation>
    </message>
    <message>
        <source>Top p</source>
        <translation>Top p</translation>
    </message>
    <message>
        <source>Nucleus sampling.</source>
        <translation>Campionamento nucleus.</translation>
    </message>
    <message>
        <source>Top k</source>
        <translation>Top k</translation>
    </message>
    <message>
        <source>0 disables top-k.</source>
        <translation>0 disattiva top-k.</translation>
    </message>
    <message>
        <source>Frequency penalty</source>
        <translation>Penalità di frequenza</translation>
    </message>
    <message>
        <source>Presence penalty</source>
        <translation>Penalità di presenza</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>random</source>
        <translation>casuale</translation>
    </message>
    <message>
        <source>Same seed, same answer.</source>
        <translation>Stesso seed, stessa risposta.</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>Token massimi</translation>
    </message>
    <message>
        <source>model&apos;s limit</source>
        <translation>limite del modello</translation>
    </message>
    <message>
        <source>Stop sequences</source>
        <translation>Sequenze di arresto</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nessuna</translation>
    </message>
    <message>
        <source>One per line.</source>
        <translation>Una per riga.</translation>
    </message>
    <message>
        <source>Prompt truncation</source>
        <translation>Troncamento del prompt</translation>
    </message>
    <message>
        <source>Citation mode</source>
        <translation>Modalità delle citazioni</translation>
    </message>
    <message>
        <source>server&apos;s</source>
        <translation>del server</translation>
    </message>
    <message>
        <source>v1 citation_quality, v2 citation_options.mode; older servers want lowercase.</source>
        <translation>citation_quality in v1, citation_options.mode in v2; i server più vecchi vogliono le minuscole.</translation>
    </message>
    <message>
        <source>Safety mode</source>
        <translation>Modalità di sicurezza</translation>
    </message>
    <message>
        <source>v1 knows NONE, v2 knows OFF.</source>
        <translation>v1 conosce NONE, v2 conosce OFF.</translation>
    </message>
    <message>
        <source>Parameter note</source>
        <translation>Nota sui parametri</translation>
    </message>
    <message>
        <source>%1 %2 is not taken by this model, so it is not sent; it comes back with a model that takes it.</source>
        <translation>%1 %2: questo modello non lo accetta, quindi non viene inviato; torna con un modello che lo accetta.</translation>
    </message>
    <message>
        <source>at most %1 lines</source>
        <translation>al massimo %1 righe</translation>
    </message>
    <message>
        <source>one of %1 (other values are sent verbatim)</source>
        <translation>uno tra %1 (gli altri valori sono inviati così come sono)</translation>
    </message>
    <message>
        <source>a whole number</source>
        <translation>un numero intero</translation>
    </message>
    <message>
        <source>a whole number ≥ %1</source>
        <translation>un numero intero ≥ %1</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>da %1 a %2</translation>
    </message>
    <message>
        <source>%1: %2 given, allowed %3</source>
        <translation>%1: %2 indicate, ammesse %3</translation>
    </message>
    <message>
        <source>%1: %2 is ambiguous; write it with “%3” as the decimal mark and no group separator; allowed %4</source>
        <translation>%1: %2 è ambiguo; scrivilo con “%3” come separatore decimale e senza separatori delle migliaia; ammesso %4</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un numero</translation>
    </message>
    <message>
        <source>%1: %2 is not %3; allowed %4</source>
        <translation>%1: %2 non è %3; ammesso %4</translation>
    </message>
    <message>
        <source>%1: %2 is out of range; allowed %3</source>
        <translation>%1: %2 è fuori intervallo; ammesso %3</translation>
    </message>
    <message>
        <source>Allowed: %1.</source>
        <translation>Ammesso: %1.</translation>
    </message>
    <message>
        <source>Generation parameters</source>
        <translation>Parametri di generazione</translation>
    </message>
    <message>
        <source>Generation p&amp;arameters</source>
        <translation>Parametri di generazi&amp;one</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>unset (default %1)</source>
        <translation>non impostato (predefinito %1)</translation>
    </message>
    <message>
        <source>%1; one per line</source>
        <translation>%1; una per riga</translation>
    </message>
    <message>
        <source>Search queries only (v1, deprecated)</source>
        <translation>Solo query di ricerca (v1, deprecato)</translation>
    </message>
    <message>
        <source>Search queries only</source>
        <translation>Solo query di ricerca</translation>
    </message>
    <message>
        <source>Ask only for the search queries the model would run (Cohere v1 only; deprecated, v2 has no such option).</source>
        <translation>Chiede solo le query di ricerca che il modello eseguirebbe (solo Cohere v1; deprecato, v2 non ha questa opzione).</translation>
    </message>
    <message>
        <source>Parameter error</source>
        <translation>Errore nei parametri</translation>
    </message>
</context>
<context>
    <name>PreamblePage</name>
    <message>
        <source>Model</source>
        <translation>Modello</translation>
    </message>
    <message>
        <source>M&amp;odel:</source>
        <translation>M&amp;odello:</translation>
    </message>
    <message>
        <source>Preamble / system message</source>
        <translation>Preambolo / messaggio di sistema</translation>
    </message>
    <message>
        <source>Pream&amp;ble / system message:</source>
        <translation>Preambolo / messaggio di &amp;sistema:</translation>
    </message>
</context>
<context>
    <name>QaPane</name>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Endpoint:</translation>
    </message>
    <message>
        <source>Endpoint to check</source>
        <translation>Endpoint da verificare</translation>
    </message>
    <message>
        <source>C&amp;onnection</source>
        <translation>C&amp;onnessione</translation>
    </message>
    <message>
        <source>Ch&amp;at</source>
        <translation>Cha&amp;t</translation>
    </message>
    <message>
        <source>Error handlin&amp;g</source>
        <translation>Gestione &amp;degli errori</translation>
    </message>
    <message>
        <source>&amp;Latency</source>
        <translation>&amp;Latenza</translation>
    </message>
    <message>
        <source>Run the %1 checks</source>
        <translation>Esegui i controlli del gruppo %1</translation>
    </message>
    <message>
        <source>Latency re&amp;quests:</source>
        <translation>Ric&amp;hieste di latenza:</translation>
    </message>
    <message>
        <source>Latency requests</source>
        <translation>Richieste di latenza</translation>
    </message>
    <message>
        <source>Requests timed by the latency check, paced within quota</source>
        <translation>Richieste cronometrate dal controllo di latenza, distanziate per restare nella quota</translation>
    </message>
    <message>
        <source>R&amp;un checks</source>
        <translation>Avvia i co&amp;ntrolli</translation>
    </message>
    <message>
        <source>Run checks</source>
        <translation>Avvia i controlli</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Annulla</translation>
    </message>
    <message>
        <source>Cancel the checks</source>
        <translation>Annulla i controlli</translation>
    </message>
    <message>
        <source>QA progress</source>
        <translation>Avanzamento della QA</translation>
    </message>
    <message>
        <source>Chec&amp;ks:</source>
        <translation>&amp;Controlli:</translation>
    </message>
    <message>
        <source>Checks and their evidence</source>
        <translation>Controlli e relative evidenze</translation>
    </message>
    <message>
        <source>Evidence of the selected check</source>
        <translation>Evidenze del controllo selezionato</translation>
    </message>
    <message>
        <source>QA</source>
        <translation>QA</translation>
    </message>
    <message>
        <source>Rera&amp;nk</source>
        <translation>Re&amp;rank</translation>
    </message>
    <message>
        <source>Evi&amp;dence:</source>
        <translation>Eviden&amp;ze:</translation>
    </message>
    <message>
        <source>Open run in His&amp;tory</source>
        <translation>A&amp;pri l&apos;esecuzione nella cronologia</translation>
    </message>
    <message>
        <source>Open run in History</source>
        <translation>Apri l&apos;esecuzione nella cronologia</translation>
    </message>
    <message>
        <source>Latency chart</source>
        <translation>Grafico della latenza</translation>
    </message>
    <message>
        <source>&amp;Mask hosts in reports</source>
        <translation>&amp;Maschera gli host nei report</translation>
    </message>
    <message>
        <source>Mask hosts in reports</source>
        <translation>Maschera gli host nei report</translation>
    </message>
    <message>
        <source>&amp;Save report…</source>
        <translation>&amp;Salva il report…</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Salva il report</translation>
    </message>
    <message>
        <source>Save &amp;JUnit XML…</source>
        <translation>Salva &amp;JUnit XML…</translation>
    </message>
    <message>
        <source>Save JUnit XML</source>
        <translation>Salva JUnit XML</translation>
    </message>
    <message>
        <source>QA status</source>
        <translation>Stato della QA</translation>
    </message>
    <message>
        <source>Tick the groups of checks and press Run checks: each check&apos;s evidence shows beside it, and the report can be saved when they are done.</source>
        <translation>Spunta i gruppi di controlli e premi Avvia i controlli: le evidenze di ogni controllo compaiono accanto, e il report si può salvare quando hanno finito.</translation>
    </message>
    <message>
        <source>Cancelled; the checks done so far are kept.</source>
        <translation>Annullato; i controlli già svolti restano.</translation>
    </message>
    <message>
        <source>Choose an endpoint first (add one in the Endpoints pane).</source>
        <translation>Scegli prima un endpoint (aggiungilo nel pannello Endpoint).</translation>
    </message>
    <message>
        <source>Tick at least one group of checks.</source>
        <translation>Seleziona almeno un gruppo di controlli.</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>Report salvato in %1</translation>
    </message>
    <message>
        <source>JUnit XML saved to %1</source>
        <translation>JUnit XML salvato in %1</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message numerus="yes">
        <source>%n passed</source>
        <translation>
            <numerusform>%n superato</numerusform>
            <numerusform>%n superati</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n fallito</numerusform>
            <numerusform>%n falliti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n saltato</numerusform>
            <numerusform>%n saltati</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped: %1.</source>
        <translation>Interrotto: %1.</translation>
    </message>
    <message>
        <source>Running check %1 of %2: %3</source>
        <translation>Controllo %1 di %2 in corso: %3</translation>
    </message>
    <message>
        <source>Every check passed</source>
        <translation>Tutti i controlli sono superati</translation>
    </message>
    <message>
        <source>Checks failed</source>
        <translation>Alcuni controlli sono falliti</translation>
    </message>
    <message>
        <source>Done. %1: %2.</source>
        <translation>Fatto. %1: %2.</translation>
    </message>
    <message>
        <source>“%1” was removed while it was checked; the report is still about it.</source>
        <translation>“%1” è stato rimosso durante il controllo; il report lo riguarda comunque.</translation>
    </message>
    <message>
        <source>%1 (removed)</source>
        <translation>%1 (rimosso)</translation>
    </message>
    <message>
        <source>QA choices not saved</source>
        <translation>Scelte della QA non salvate</translation>
    </message>
    <message>
        <source>Save the QA report</source>
        <translation>Salva il report della QA</translation>
    </message>
    <message>
        <source>HTML (*.html);;Markdown (*.md)</source>
        <translation>HTML (*.html);;Markdown (*.md)</translation>
    </message>
    <message>
        <source>JUnit XML (*.xml)</source>
        <translation>JUnit XML (*.xml)</translation>
    </message>
    <message>
        <source>The file could not be written</source>
        <translation>Impossibile scrivere il file</translation>
    </message>
    <message>
        <source>QA error</source>
        <translation>Errore della QA</translation>
    </message>
</context>
<context>
    <name>QaResults</name>
    <message>
        <source>Passed</source>
        <translation>Superato</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallito</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Saltato</translation>
    </message>
</context>
<context>
    <name>QaResultsTree</name>
    <message>
        <source>Verdict</source>
        <translation>Esito</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Controllo</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>esecuzione %1</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>non registrata</translation>
    </message>
    <message>
        <source>request: %1</source>
        <translation>richiesta: %1</translation>
    </message>
    <message>
        <source>response: %1</source>
        <translation>risposta: %1</translation>
    </message>
</context>
<context>
    <name>QueriesPage</name>
    <message>
        <source>Generated search queries</source>
        <translation>Query di ricerca generate</translation>
    </message>
    <message>
        <source>Generated search &amp;queries:</source>
        <translation>Quer&amp;y di ricerca generate:</translation>
    </message>
    <message>
        <source>Try in reran&amp;k</source>
        <translation>Prova nel reran&amp;k</translation>
    </message>
    <message>
        <source>Try query in rerank playground</source>
        <translation>Prova la query nell&apos;area di prova del rerank</translation>
    </message>
</context>
<context>
    <name>RequestBodyBox</name>
    <message>
        <source>Request body</source>
        <translation>Corpo della richiesta</translation>
    </message>
    <message>
        <source>Cop&amp;y body</source>
        <translation>C&amp;opia corpo</translation>
    </message>
    <message>
        <source>Copy request body</source>
        <translation>Copia il corpo della richiesta</translation>
    </message>
    <message>
        <source>Request &amp;body</source>
        <translation>Corpo della ric&amp;hiesta</translation>
    </message>
    <message>
        <source>Show request body</source>
        <translation>Mostra il corpo della richiesta</translation>
    </message>
    <message>
        <source>Show or hide the request body</source>
        <translation>Mostra o nascondi il corpo della richiesta</translation>
    </message>
</context>
<context>
    <name>RequestPage</name>
    <message>
        <source>Request URL</source>
        <translation>URL della richiesta</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>UR&amp;L:</translation>
    </message>
    <message>
        <source>Request body</source>
        <translation>Corpo della richiesta</translation>
    </message>
    <message>
        <source>Request &amp;body (the message box is the new message):</source>
        <translation>Corpo della ric&amp;hiesta (la casella del messaggio è il nuovo messaggio):</translation>
    </message>
    <message>
        <source>Copy request body</source>
        <translation>Copia il corpo della richiesta</translation>
    </message>
    <message>
        <source>C&amp;opy body</source>
        <translation>C&amp;opia corpo</translation>
    </message>
    <message>
        <source>Request problem</source>
        <translation>Problema della richiesta</translation>
    </message>
    <message>
        <source>Send would be refused: %1</source>
        <translation>Invia verrebbe rifiutato: %1</translation>
    </message>
</context>
<context>
    <name>RerankComparison</name>
    <message>
        <source>— no comparison —</source>
        <translation>— nessun confronto —</translation>
    </message>
    <message>
        <source>%1 (“%2”) failed: %3</source>
        <translation>%1 (“%2”) non ha risposto: %3</translation>
    </message>
</context>
<context>
    <name>RerankFirstScreen</name>
    <message>
        <source>All supported (*.json *.jsonl *.ndjson *.csv *.tsv *.txt)</source>
        <translation>Tutti i formati supportati (*.json *.jsonl *.ndjson *.csv *.tsv *.txt)</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl *.ndjson)</source>
        <translation>JSON Lines (*.jsonl *.ndjson)</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>Testo (*.txt)</translation>
    </message>
    <message>
        <source>Any file (*)</source>
        <translation>Qualsiasi file (*)</translation>
    </message>
    <message>
        <source>text, one per line</source>
        <translation>testo, uno per riga</translation>
    </message>
    <message>
        <source>text, one per paragraph</source>
        <translation>testo, uno per paragrafo</translation>
    </message>
</context>
<context>
    <name>RerankForm</name>
    <message>
        <source>Move the rank field up</source>
        <translation>Sposta il campo di rank_fields in su</translation>
    </message>
    <message>
        <source>Move the rank field down</source>
        <translation>Sposta il campo di rank_fields in giù</translation>
    </message>
    <message>
        <source>Check the keys to rank (Space); set their order by dragging or Alt+Up / Alt+Down</source>
        <translation>Spunta le chiavi su cui ordinare (Spazio); disponile trascinando o con Alt+Su / Alt+Giù</translation>
    </message>
    <message>
        <source>all</source>
        <translation>tutti</translation>
    </message>
    <message>
        <source>server default</source>
        <translation>predefinito del server</translation>
    </message>
    <message>
        <source>model</source>
        <translation>modello</translation>
    </message>
    <message>
        <source>&amp;Model</source>
        <translation>&amp;Modello</translation>
    </message>
    <message>
        <source>More opt&amp;ions</source>
        <translation>Altre op&amp;zioni</translation>
    </message>
    <message>
        <source>This flavour has no return_documents: the workbench shows the documents it sent</source>
        <translation>Questa variante non ha return_documents: il workbench mostra i documenti che ha inviato</translation>
    </message>
    <message>
        <source>required</source>
        <translation>obbligatorio</translation>
    </message>
    <message>
        <source>server&apos;s default</source>
        <translation>predefinito del server</translation>
    </message>
    <message>
        <source>Server default %1</source>
        <translation>Predefinito del server: %1</translation>
    </message>
    <message>
        <source>No rank field is checked: the server ranks “text” only</source>
        <translation>Nessun campo di rank_fields spuntato: il server ordina solo su “text”</translation>
    </message>
    <message numerus="yes">
        <source>No “text” key: ranking on %1, the key with the most text. Check other keys to rank on them instead.</source>
        <translation>
            <numerusform>Nessuna chiave “text”: ordinamento su %1, la chiave con più testo. Spunta altre chiavi per ordinare su quelle.</numerusform>
            <numerusform>Nessuna chiave “text”: ordinamento su %1, le chiavi con più testo. Spunta altre chiavi per ordinare su quelle.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RerankPane</name>
    <message>
        <source>Rerank</source>
        <translation>Rerank</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>Query</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>Confronta con</translation>
    </message>
    <message>
        <source>Split into batches</source>
        <translation>Dividi in lotti</translation>
    </message>
    <message>
        <source>Run rerank</source>
        <translation>Esegui il rerank</translation>
    </message>
    <message>
        <source>&amp;Cancel (Esc)</source>
        <translation>Annu&amp;lla (Esc)</translation>
    </message>
    <message>
        <source>Cancel rerank</source>
        <translation>Annulla il rerank</translation>
    </message>
    <message>
        <source>Rerank running</source>
        <translation>Rerank in corso</translation>
    </message>
    <message>
        <source>Rerank status</source>
        <translation>Stato del rerank</translation>
    </message>
    <message>
        <source>Rerank error</source>
        <translation>Errore del rerank</translation>
    </message>
    <message>
        <source>&amp;Query</source>
        <translation>&amp;Query</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>&amp;Documenti</translation>
    </message>
    <message>
        <source>Compare &amp;with</source>
        <translation>Confronta co&amp;n</translation>
    </message>
    <message>
        <source>Ranking…</source>
        <translation>Ordinamento in corso…</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annullato</translation>
    </message>
    <message>
        <source>No endpoint: add one in the Endpoints pane</source>
        <translation>Nessun endpoint: aggiungine uno nel pannello Endpoint</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>This endpoint&apos;s flavour has no rerank route; pick a Cohere v1 or v2 endpoint</source>
        <translation>La variante di questo endpoint non ha una route di rerank; scegli un endpoint Cohere v1 o v2</translation>
    </message>
    <message>
        <source>Type a query</source>
        <translation>Scrivi una query</translation>
    </message>
    <message>
        <source>The comparison endpoint has no rerank route</source>
        <translation>L&apos;endpoint di confronto non ha una route di rerank</translation>
    </message>
    <message>
        <source>These results are from the previous run; there are no documents now.</source>
        <translation>Questi risultati sono dell&apos;esecuzione precedente; ora non ci sono documenti.</translation>
    </message>
    <message>
        <source>These results are from the previous run; the documents cannot be sent now: %1</source>
        <translation>Questi risultati sono dell&apos;esecuzione precedente; ora i documenti non si possono inviare: %1</translation>
    </message>
    <message>
        <source>This flavour has no rerank route</source>
        <translation>Questa variante non ha una route di rerank</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Documenti</translation>
    </message>
    <message>
        <source>Results from an earlier run</source>
        <translation>Risultati di un&apos;esecuzione precedente</translation>
    </message>
    <message>
        <source>Ru&amp;n  (%1)</source>
        <translation>Esegu&amp;i  (%1)</translation>
    </message>
    <message>
        <source>Rerank inputs not saved</source>
        <translation>Input di Rerank non salvati</translation>
    </message>
</context>
<context>
    <name>RerankResultsModel</name>
    <message>
        <source>Rank</source>
        <translation>Posizione</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Indice</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punteggio</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>punteggio %1</translation>
    </message>
</context>
<context>
    <name>RerankResultsView</name>
    <message>
        <source>Rerank output</source>
        <translation>Risultati del rerank</translation>
    </message>
    <message>
        <source>Res&amp;ults</source>
        <translation>Ri&amp;sultati</translation>
    </message>
    <message>
        <source>Com&amp;pare</source>
        <translation>Conf&amp;ronto</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Risultati</translation>
    </message>
    <message>
        <source>Selected document</source>
        <translation>Documento selezionato</translation>
    </message>
    <message>
        <source>Comparison summary</source>
        <translation>Riepilogo del confronto</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Confronto</translation>
    </message>
    <message>
        <source>No results yet. Run to rank the documents by the query — %1.</source>
        <translation>Ancora nessun risultato. Esegui per ordinare i documenti secondo la query — %1.</translation>
    </message>
    <message>
        <source>Results hint</source>
        <translation>Suggerimento sui risultati</translation>
    </message>
    <message>
        <source>Pick an endpoint under “Compare with” and run.</source>
        <translation>Scegli un endpoint in “Confronta con” ed esegui.</translation>
    </message>
    <message>
        <source>// rank %1 · index %2 · score %3</source>
        <translation>// posizione %1 · indice %2 · punteggio %3</translation>
    </message>
</context>
<context>
    <name>RerankTexts</name>
    <message>
        <source>≈ %1 / %2 tokens (%3)</source>
        <translation>≈ %1 / %2 token (%3)</translation>
    </message>
    <message>
        <source>⚠ %1: too long for the query limit</source>
        <translation>⚠ %1: troppo lunga per il limite della query</translation>
    </message>
    <message numerus="yes">
        <source>“%1” is missing from %2 of %3 documents</source>
        <translation>
            <numerusform>“%1” manca in %2 documento su %3</numerusform>
            <numerusform>“%1” manca in %2 documenti su %3</numerusform>
        </translation>
    </message>
    <message>
        <source>// span %1 · score %2 · characters %3 to %4</source>
        <translation>// span %1 · punteggio %2 · caratteri da %3 a %4</translation>
    </message>
    <message numerus="yes">
        <source>%1 result(s) in %2</source>
        <translation>
            <numerusform>%1 risultato in %2</numerusform>
            <numerusform>%1 risultati in %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 search unit(s)</source>
        <translation>
            <numerusform>%1 unità di ricerca</numerusform>
            <numerusform>%1 unità di ricerca</numerusform>
        </translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
    <message>
        <source>A: %1  ·  B: %2  ·  overlap@%3: %4/%3  ·  Kendall&apos;s τ over %5 shared: %6</source>
        <translation>A: %1  ·  B: %2  ·  overlap@%3: %4/%3  ·  τ di Kendall su %5 in comune: %6</translation>
    </message>
    <message>
        <source>⚠ %1 documents: more than one request should carry here (at most %2 recommended; v1 also needs documents x max_chunks_per_doc below %3). Split into batches of %4 and merge the results</source>
        <translation>⚠ %1 documenti: qui servirebbe più di una richiesta (al massimo %2 consigliati; v1 richiede anche documenti x max_chunks_per_doc sotto %3). Dividi in lotti da %4 e unisci i risultati</translation>
    </message>
    <message>
        <source>// Add documents (type JSON, paste or import them) to see the request body.</source>
        <translation>// Aggiungi documenti (scrivili in JSON, incollali o importali) per vedere il corpo della richiesta.</translation>
    </message>
    <message>
        <source>// The documents cannot be sent yet: %1</source>
        <translation>// I documenti non si possono ancora inviare: %1</translation>
    </message>
    <message numerus="yes">
        <source>// … and %1 more document(s) (Copy body copies them all)</source>
        <translation>
            <numerusform>// … e %1 altro documento (Copia corpo li copia tutti)</numerusform>
            <numerusform>// … e altri %1 documenti (Copia corpo li copia tutti)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 failed (%2)</source>
        <translation>%1 non riuscito (%2)</translation>
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
        <source>chat</source>
        <translation>chat</translation>
    </message>
    <message>
        <source>rerank</source>
        <translation>rerank</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>riuscita</translation>
    </message>
    <message>
        <source>error</source>
        <translation>errore</translation>
    </message>
    <message>
        <source>broken</source>
        <translation>interrotta</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>fermata</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallita</translation>
    </message>
    <message>
        <source>running</source>
        <translation>in corso</translation>
    </message>
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
    <message>
        <source>Pinned, %1</source>
        <translation>Fissata, %1</translation>
    </message>
</context>
<context>
    <name>Services</name>
    <message>
        <source>Settings could not be saved</source>
        <translation>Impossibile salvare le impostazioni</translation>
    </message>
    <message>
        <source>Your changes are kept while the workbench runs and saved as soon as the settings folder can be written again: %1</source>
        <translation>Le modifiche restano finché il workbench è aperto e vengono salvate appena la cartella delle impostazioni torna scrivibile: %1</translation>
    </message>
</context>
<context>
    <name>ShortcutsSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Scorciatoie da tastiera</translation>
    </message>
    <message>
        <source>&amp;Find a shortcut:</source>
        <translation>&amp;Cerca una scorciatoia:</translation>
    </message>
    <message>
        <source>Find a shortcut</source>
        <translation>Cerca una scorciatoia</translation>
    </message>
    <message>
        <source>keys or what they do</source>
        <translation>tasti o cosa fanno</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasti</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Azione</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dove</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>Ovunque</translation>
    </message>
</context>
<context>
    <name>SidePanelToggle</name>
    <message>
        <source>Side panel</source>
        <translation>Barra laterale</translation>
    </message>
    <message>
        <source>Side &amp;panel</source>
        <translation>&amp;Barra laterale</translation>
    </message>
    <message>
        <source>Show or hide the side panel</source>
        <translation>Mostra o nascondi la barra laterale</translation>
    </message>
    <message>
        <source>Show side panel</source>
        <translation>Mostra la barra laterale</translation>
    </message>
</context>
<context>
    <name>SourcesView</name>
    <message>
        <source>Cited sources</source>
        <translation>Fonti citate</translation>
    </message>
    <message numerus="yes">
        <source>Cited by %n span(s): %1</source>
        <translation>
            <numerusform>Citato da %n span: %1</numerusform>
            <numerusform>Citato da %n span: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Not placed in the text&lt;/b&gt; (offsets did not match): %1</source>
        <translation>&lt;b&gt;Non collocate nel testo&lt;/b&gt; (gli offset non corrispondevano): %1</translation>
    </message>
    <message>
        <source>The server named no source for this span.</source>
        <translation>Il server non ha indicato alcuna fonte per questo span.</translation>
    </message>
    <message>
        <source>(not among the sent documents or tool outputs)</source>
        <translation>(non tra i documenti inviati o gli output degli strumenti)</translation>
    </message>
</context>
<context>
    <name>SpanControls</name>
    <message>
        <source>all</source>
        <translation>tutti</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>non inviato</translation>
    </message>
    <message>
        <source>Lower is handled first under load; 0, the default, is highest</source>
        <translation>Sotto carico viene gestito prima il valore più basso; 0, il predefinito, è il più alto</translation>
    </message>
    <message>
        <source>relevant_spans threshold</source>
        <translation>soglia di relevant_spans</translation>
    </message>
    <message>
        <source>relevant_spans: Rerank 5 and newer models only (name one in Model)</source>
        <translation>relevant_spans: solo Rerank 5 e modelli più recenti (indicane uno in Modello)</translation>
    </message>
</context>
<context>
    <name>SpanMarks</name>
    <message>
        <source>Relevant span, score %1</source>
        <translation>Span rilevante, punteggio %1</translation>
    </message>
</context>
<context>
    <name>StaleBar</name>
    <message>
        <source>These results are from the previous run; the last run failed: %1</source>
        <translation>Questi risultati sono dell&apos;esecuzione precedente; l&apos;ultima esecuzione è fallita: %1</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>&amp;System</source>
        <translation>&amp;Sistema</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Chiaro</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>Sc&amp;uro</translation>
    </message>
</context>
<context>
    <name>TimelineChart</name>
    <message>
        <source>Timeline</source>
        <translation>Sequenza temporale</translation>
    </message>
    <message numerus="yes">
        <source>headers %1, first token %2, last token %3, %n event(s), %4 tokens/s</source>
        <translation>
            <numerusform>intestazioni %1, primo token %2, ultimo token %3, %n evento, %4 token/s</numerusform>
            <numerusform>intestazioni %1, primo token %2, ultimo token %3, %n eventi, %4 token/s</numerusform>
        </translation>
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
<context>
    <name>ToChatBar</name>
    <message>
        <source>How many results to send to chat</source>
        <translation>Quanti risultati inviare alla chat</translation>
    </message>
    <message>
        <source>T&amp;op:</source>
        <translation>&amp;Primi:</translation>
    </message>
    <message>
        <source>&amp;Send to Chat</source>
        <translation>Invia alla &amp;chat</translation>
    </message>
    <message>
        <source>Send the top results to the Chat pane</source>
        <translation>Invia i primi risultati al pannello Chat</translation>
    </message>
    <message>
        <source>The best results become the Chat pane&apos;s documents; its citations lead back</source>
        <translation>I risultati migliori diventano i documenti del pannello Chat; le sue citazioni riportano qui</translation>
    </message>
</context>
<context>
    <name>ToolResultsForm</name>
    <message>
        <source>Tool results</source>
        <translation>Risultati degli strumenti</translation>
    </message>
    <message>
        <source>&amp;Outputs</source>
        <translation>&amp;Output</translation>
    </message>
    <message>
        <source>Contin&amp;ue with results</source>
        <translation>Continua con i risu&amp;ltati</translation>
    </message>
    <message>
        <source>Continue with tool results</source>
        <translation>Continua con i risultati degli strumenti</translation>
    </message>
    <message numerus="yes">
        <source>The model asked for %n tool call(s): type or paste their outputs.</source>
        <translation>
            <numerusform>Il modello ha chiesto %n chiamata a uno strumento: scrivi o incolla il suo output.</numerusform>
            <numerusform>Il modello ha chiesto %n chiamate agli strumenti: scrivi o incolla i loro output.</numerusform>
        </translation>
    </message>
    <message>
        <source>No tool calls to answer.</source>
        <translation>Nessuna chiamata agli strumenti a cui rispondere.</translation>
    </message>
</context>
<context>
    <name>ToolWaitCard</name>
    <message>
        <source>Waiting for tool results</source>
        <translation>In attesa dei risultati degli strumenti</translation>
    </message>
    <message>
        <source>E&amp;nter tool results…</source>
        <translation>&amp;Inserisci i risultati degli strumenti…</translation>
    </message>
    <message>
        <source>Open the Tool results form to answer the call(s)</source>
        <translation>Apri il modulo Risultati degli strumenti per rispondere alle chiamate</translation>
    </message>
    <message>
        <source>Enter tool results</source>
        <translation>Inserisci i risultati degli strumenti</translation>
    </message>
    <message>
        <source>⚙ Waiting for %1&apos;s result</source>
        <translation>⚙ In attesa del risultato di %1</translation>
    </message>
    <message>
        <source>⚙ Waiting for the results of %1</source>
        <translation>⚙ In attesa dei risultati di %1</translation>
    </message>
</context>
<context>
    <name>TraceView</name>
    <message>
        <source>Tool and search trace</source>
        <translation>Traccia di strumenti e ricerche</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Passo</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Dettaglio</translation>
    </message>
    <message>
        <source>Turn %1</source>
        <translation>Turno %1</translation>
    </message>
    <message>
        <source>Tool result → %1</source>
        <translation>Risultato dello strumento → %1</translation>
    </message>
    <message>
        <source>output %1</source>
        <translation>output %1</translation>
    </message>
    <message>
        <source>Tool plan</source>
        <translation>Piano degli strumenti</translation>
    </message>
    <message>
        <source>(thinking) %1</source>
        <translation>(ragionamento) %1</translation>
    </message>
    <message>
        <source>Tool call %1</source>
        <translation>Chiamata allo strumento %1</translation>
    </message>
    <message>
        <source>Tool call %1 (streaming)</source>
        <translation>Chiamata allo strumento %1 (in streaming)</translation>
    </message>
    <message>
        <source>Search query</source>
        <translation>Query di ricerca</translation>
    </message>
    <message>
        <source>no source id</source>
        <translation>nessun id di fonte</translation>
    </message>
    <message>
        <source>Citation «%1»</source>
        <translation>Citazione “%1”</translation>
    </message>
    <message>
        <source>Cut off</source>
        <translation>Interrotta</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Conclusa</translation>
    </message>
    <message>
        <source>system message</source>
        <translation>messaggio di sistema</translation>
    </message>
    <message>
        <source>tool results</source>
        <translation>risultati degli strumenti</translation>
    </message>
    <message>
        <source>assistant</source>
        <translation>assistente</translation>
    </message>
</context>
<context>
    <name>Transcript</name>
    <message>
        <source>Conversation</source>
        <translation>Conversazione</translation>
    </message>
    <message>
        <source>no document id</source>
        <translation>nessun id di documento</translation>
    </message>
    <message>
        <source>Cited: %1</source>
        <translation>Citato: %1</translation>
    </message>
    <message>
        <source>Source %1: %2</source>
        <translation>Fonte %1: %2</translation>
    </message>
    <message>
        <source>Stopped by you</source>
        <translation>Fermata da te</translation>
    </message>
    <message>
        <source>the stream ended without its final event</source>
        <translation>lo stream è terminato senza il suo evento finale</translation>
    </message>
    <message>
        <source>No answer: %1</source>
        <translation>Nessuna risposta: %1</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Tu</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistente</translation>
    </message>
    <message>
        <source>[image %1]</source>
        <translation>[immagine %1]</translation>
    </message>
    <message>
        <source>Search queries: %1</source>
        <translation>Query di ricerca: %1</translation>
    </message>
    <message>
        <source>Cut off: %1</source>
        <translation>Interrotta: %1</translation>
    </message>
</context>
<context>
    <name>TranscriptTexts</name>
    <message numerus="yes">
        <source>↩ sent %n tool result(s)</source>
        <translation>
            <numerusform>↩ inviato %n risultato di strumento</numerusform>
            <numerusform>↩ inviati %n risultati di strumenti</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Thinking (%n words)</source>
        <translation>
            <numerusform>Ragionamento (%n parola)</numerusform>
            <numerusform>Ragionamento (%n parole)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TurnActions</name>
    <message>
        <source>Turn actions</source>
        <translation>Azioni del turno</translation>
    </message>
    <message>
        <source>Copy answer</source>
        <translation>Copia la risposta</translation>
    </message>
    <message>
        <source>Copy this answer</source>
        <translation>Copia questa risposta</translation>
    </message>
    <message>
        <source>Edit and resend</source>
        <translation>Modifica e reinvia</translation>
    </message>
    <message>
        <source>Edit this message and send it again</source>
        <translation>Modifica questo messaggio e invialo di nuovo</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Rigenera</translation>
    </message>
    <message>
        <source>Ask for a new answer</source>
        <translation>Chiedi una nuova risposta</translation>
    </message>
</context>
<context>
    <name>TurnCardsView</name>
    <message>
        <source>Show the buttons of the turn before</source>
        <translation>Mostra i pulsanti del turno precedente</translation>
    </message>
    <message>
        <source>Show the buttons of the turn after</source>
        <translation>Mostra i pulsanti del turno successivo</translation>
    </message>
</context>
<context>
    <name>TurnPresenter</name>
    <message>
        <source>Answered in %1.</source>
        <translation>Risposta completata in %1.</translation>
    </message>
    <message numerus="yes">
        <source>Answered in %1, %n token(s).</source>
        <translation>
            <numerusform>Risposta completata in %1, %n token.</numerusform>
            <numerusform>Risposta completata in %1, %n token.</numerusform>
        </translation>
    </message>
    <message>
        <source>The turn failed: see the error above.</source>
        <translation>Il turno non è riuscito: vedi l&apos;errore qui sopra.</translation>
    </message>
</context>
<context>
    <name>TurnTexts</name>
    <message numerus="yes">
        <source>JSON ✗ %1 (+%n more)</source>
        <translation>
            <numerusform>JSON ✗ %1 (+%n altro)</numerusform>
            <numerusform>JSON ✗ %1 (+%n altri)</numerusform>
        </translation>
    </message>
    <message>
        <source>JSON ✗ %1</source>
        <translation>JSON ✗ %1</translation>
    </message>
</context>
<context>
    <name>UnsavedEdits</name>
    <message>
        <source>Unsaved endpoint edits</source>
        <translation>Modifiche agli endpoint non salvate</translation>
    </message>
    <message>
        <source>Some endpoints have edits not saved yet. Save them?</source>
        <translation>Alcuni endpoint hanno modifiche non ancora salvate. Salvarle?</translation>
    </message>
</context>
<context>
    <name>_CallEditor</name>
    <message>
        <source>Outputs of %1 (JSON)</source>
        <translation>Output di %1 (JSON)</translation>
    </message>
    <message>
        <source>Result of %1</source>
        <translation>Risultato di %1</translation>
    </message>
    <message>
        <source>Outputs of %1 as</source>
        <translation>Output di %1 come</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Campi</translation>
    </message>
    <message>
        <source>Output fields of %1</source>
        <translation>Campi di output di %1</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Campo</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valore</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>Aggiungi campo</translation>
    </message>
    <message>
        <source>Add an output field to %1</source>
        <translation>Aggiungi un campo di output a %1</translation>
    </message>
    <message>
        <source>tool result %1 (%2)</source>
        <translation>risultato dello strumento %1 (%2)</translation>
    </message>
    <message>
        <source>outputs must be an object or a list of objects</source>
        <translation>gli output devono essere un oggetto o un elenco di oggetti</translation>
    </message>
    <message>
        <source>type at least one output field</source>
        <translation>scrivi almeno un campo di output</translation>
    </message>
</context>
</TS>
