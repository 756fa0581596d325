<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ChatAdvice</name>
    <message>
        <source>The model server does not have this model. Pick another model, or download it first (for Ollama: ollama pull NAME).</source>
        <translation type="vanished">Der Modellserver hat dieses Modell nicht. Wähle ein anderes Modell oder lade es zuerst herunter (bei Ollama: ollama pull NAME).</translation>
    </message>
    <message>
        <source>The model server is not answering. Start it (for Ollama: ollama serve), or fix its URL in Settings.</source>
        <translation type="vanished">Der Modellserver antwortet nicht. Starte ihn (bei Ollama: ollama serve) oder korrigiere seine URL in den Einstellungen.</translation>
    </message>
    <message>
        <source>The model server went silent. It may still be loading the model: try again.</source>
        <translation type="vanished">Der Modellserver ist verstummt. Vielleicht lädt er das Modell noch: versuche es erneut.</translation>
    </message>
    <message>
        <source>The answer broke off before it was done. Retry to get it whole.</source>
        <translation type="vanished">Die Antwort brach ab, bevor sie fertig war. Versuche es erneut, um sie ganz zu bekommen.</translation>
    </message>
    <message>
        <source>The model server refused Ponder&apos;s API key. Check the key in Settings.</source>
        <translation type="vanished">Der Modellserver hat Ponders API-Schlüssel abgelehnt. Prüfe den Schlüssel in den Einstellungen.</translation>
    </message>
    <message>
        <source>Ponder is already running as many answers as it allows. Try again in a moment.</source>
        <translation type="vanished">Ponder erzeugt bereits so viele Antworten, wie es zulässt. Versuche es gleich noch einmal.</translation>
    </message>
    <message>
        <source>The model server refused the request.</source>
        <translation type="vanished">Der Modellserver hat die Anfrage abgelehnt.</translation>
    </message>
    <message>
        <source>The model server reported an error.</source>
        <translation type="vanished">Der Modellserver hat einen Fehler gemeldet.</translation>
    </message>
</context>
<context>
    <name>ChatController</name>
    <message>
        <location filename="../qml/chat/ChatController.cpp" line="209"/>
        <source>Sending to %1…</source>
        <translation>Wird an %1 gesendet…</translation>
    </message>
    <message>
        <source>The answer was cut off at the token limit.</source>
        <translation type="vanished">Die Antwort wurde am Token-Limit abgeschnitten.</translation>
    </message>
    <message>
        <source>%1 Pick another model.</source>
        <translation type="vanished">%1 Wähle ein anderes Modell.</translation>
    </message>
</context>
<context>
    <name>ChatPage</name>
    <message>
        <location filename="../qml/ChatPage.qml" line="48"/>
        <source>Watch language models think.</source>
        <translation>Sieh Sprachmodellen beim Denken zu.</translation>
    </message>
    <message>
        <location filename="../qml/ChatPage.qml" line="61"/>
        <source>Ask anything. The answer streams in here; the model&apos;s reasoning and the request&apos;s progress appear beside it as they happen.</source>
        <translation>Frag einfach. Die Antwort erscheint hier Stück für Stück; die Überlegungen des Modells und der Fortschritt der Anfrage erscheinen live daneben.</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <location filename="../qml/CodeBlock.qml" line="32"/>
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../qml/CodeBlock.qml" line="43"/>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <location filename="../qml/CodeBlock.qml" line="43"/>
        <location filename="../qml/CodeBlock.qml" line="50"/>
        <source>Copy code</source>
        <translation>Code kopieren</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../qml/Composer.qml" line="24"/>
        <source>Think: off</source>
        <translation>Denken: aus</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="25"/>
        <source>Think: on</source>
        <translation>Denken: an</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="26"/>
        <source>Think: low</source>
        <translation>Denken: wenig</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="27"/>
        <source>Think: medium</source>
        <translation>Denken: mittel</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="28"/>
        <source>Think: high</source>
        <translation>Denken: viel</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="29"/>
        <source>Think: auto</source>
        <translation>Denken: automatisch</translation>
    </message>
    <message>
        <source>Message the model (Enter to send, Shift+Enter for a new line)</source>
        <translation type="vanished">Nachricht an das Modell (Enter sendet, Umschalt+Enter für eine neue Zeile)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="65"/>
        <source>Message the model</source>
        <translation>Nachricht an das Modell</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="66"/>
        <location filename="../qml/Composer.qml" line="139"/>
        <source>No model to talk to yet</source>
        <translation>Noch kein Modell verfügbar</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="73"/>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="121"/>
        <source>How much the model thinks</source>
        <translation>Wie viel das Modell nachdenkt</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="123"/>
        <source>How much the model reasons before it answers; remembered for this model</source>
        <translation>Wie viel das Modell vor der Antwort nachdenkt; für dieses Modell gemerkt</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="135"/>
        <source>Esc stops</source>
        <translation>Esc hält an</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="136"/>
        <source>Enter sends · Shift+Enter: new line</source>
        <translation>Enter sendet · Umschalt+Enter: neue Zeile</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="140"/>
        <source>Enter sends</source>
        <translation>Enter sendet</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="144"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="144"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="148"/>
        <source>Stop the answer</source>
        <translation>Antwort anhalten</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="148"/>
        <source>Send the message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="150"/>
        <source>Stop (Esc)</source>
        <translation>Stopp (Esc)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="150"/>
        <source>Send (Enter)</source>
        <translation>Senden (Enter)</translation>
    </message>
</context>
<context>
    <name>EventStoreStatus</name>
    <message>
        <source>Now: in memory, healthy.</source>
        <translation type="vanished">Aktuell: im Arbeitsspeicher, in Ordnung.</translation>
    </message>
    <message>
        <source>Now: Redis, connected.</source>
        <translation type="vanished">Aktuell: Redis, verbunden.</translation>
    </message>
    <message>
        <source>Now: Redis, degraded (%1). Events are buffered until it is back.</source>
        <translation type="vanished">Aktuell: Redis, eingeschränkt (%1). Ereignisse werden gepuffert, bis es wieder da ist.</translation>
    </message>
</context>
<context>
    <name>InsightPanel</name>
    <message>
        <location filename="../qml/InsightPanel.qml" line="38"/>
        <source>Thinking</source>
        <translation>Denken</translation>
    </message>
    <message>
        <location filename="../qml/InsightPanel.qml" line="51"/>
        <source>thinking…</source>
        <translation>denkt nach…</translation>
    </message>
    <message>
        <location filename="../qml/InsightPanel.qml" line="52"/>
        <source>thought for %1 s</source>
        <translation>%1 s nachgedacht</translation>
    </message>
    <message>
        <location filename="../qml/InsightPanel.qml" line="74"/>
        <source>This chat&apos;s timeline is no longer kept: Ponder keeps events until it quits or they expire. Each answer keeps its reasoning, folded above its text.</source>
        <translation>Die Zeitleiste dieses Chats ist nicht mehr vorhanden: Ponder behält Ereignisse, bis es beendet wird oder sie ablaufen. Jede Antwort behält ihre Überlegungen, eingeklappt über ihrem Text.</translation>
    </message>
    <message>
        <location filename="../qml/InsightPanel.qml" line="75"/>
        <source>The request&apos;s timeline appears here: the model&apos;s reasoning as it streams, with its steps marked along it. Models without reasoning answer straight away.</source>
        <translation>Hier erscheint der Ablauf der Anfrage: die Überlegungen des Modells, während sie entstehen, mit ihren Schritten markiert. Modelle ohne Überlegungen antworten sofort.</translation>
    </message>
</context>
<context>
    <name>LiveSessionPage</name>
    <message>
        <source>Session %1 · ended</source>
        <translation type="vanished">Sitzung %1 · beendet</translation>
    </message>
    <message>
        <source>Session %1 · watching live</source>
        <translation type="vanished">Sitzung %1 · live beobachtet</translation>
    </message>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="68"/>
        <source>session %1</source>
        <translation>Sitzung %1</translation>
    </message>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="72"/>
        <source>ended</source>
        <translation>beendet</translation>
    </message>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="75"/>
        <source>still open</source>
        <translation>noch offen</translation>
    </message>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="77"/>
        <source>watching live</source>
        <translation>live verfolgt</translation>
    </message>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="108"/>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="164"/>
        <source>Prompt</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="183"/>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="222"/>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/LiveSessionPage.qml" line="233"/>
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n Schritt</numerusform>
            <numerusform>%n Schritte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/LiveSessionPage.qml" line="247"/>
        <source>Ponder no longer keeps %n earlier step(s) of this session: it keeps the last ones of each session.</source>
        <translation>
            <numerusform>Ein früherer Schritt dieser Sitzung wird nicht mehr aufbewahrt: Ponder behält die letzten jeder Sitzung.</numerusform>
            <numerusform>%n frühere Schritte dieser Sitzung werden nicht mehr aufbewahrt: Ponder behält die letzten jeder Sitzung.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="255"/>
        <source>Nothing yet. Steps, progress and reasoning appear here as the session publishes them.</source>
        <translation>Noch nichts. Schritte, Fortschritt und Überlegungen erscheinen hier, sobald die Sitzung sie veröffentlicht.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="27"/>
        <source>Ponder</source>
        <translation>Ponder</translation>
    </message>
    <message>
        <source>Watch language models think.</source>
        <translation type="vanished">Sieh Sprachmodellen beim Denken zu.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="27"/>
        <source>Ponder — %1</source>
        <translation>Ponder — %1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="207"/>
        <source>Hide the sidebar</source>
        <translation>Seitenleiste ausblenden</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="207"/>
        <source>Show the sidebar</source>
        <translation>Seitenleiste einblenden</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="209"/>
        <source>Sidebar (Ctrl+B)</source>
        <translation>Seitenleiste (Strg+B)</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="226"/>
        <location filename="../qml/Main.qml" line="228"/>
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="227"/>
        <source>%1 (not answering)</source>
        <translation>%1 (antwortet nicht)</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="231"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="233"/>
        <source>The model that answers</source>
        <translation>Das Modell, das antwortet</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="256"/>
        <source>thinks</source>
        <translation>denkt</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="257"/>
        <source>tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="258"/>
        <source>vision</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="260"/>
        <source>agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="295"/>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="336"/>
        <source>Refresh models</source>
        <translation>Modelle aktualisieren</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="338"/>
        <source>Ask the upstreams for their models again</source>
        <translation>Die Upstreams erneut nach ihren Modellen fragen</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="351"/>
        <source>Asking the upstreams…</source>
        <translation>Frage die Upstreams…</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="360"/>
        <source>Live session</source>
        <translation>Live-Sitzung</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="388"/>
        <source>Local endpoint: %1/v1</source>
        <translation>Lokaler Endpunkt: %1/v1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="389"/>
        <source>Local endpoint: off</source>
        <translation>Lokaler Endpunkt: aus</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="391"/>
        <source>The local endpoint could not start: %1</source>
        <translation>Der lokale Endpunkt konnte nicht starten: %1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="393"/>
        <source>Reading the keychain…</source>
        <translation>Lese den Schlüsselbund…</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="395"/>
        <source>Starting the local endpoint…</source>
        <translation>Lokaler Endpunkt wird gestartet…</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="407"/>
        <source>Hide thinking</source>
        <translation>Denken ausblenden</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="407"/>
        <source>Show thinking</source>
        <translation>Denken einblenden</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="54"/>
        <location filename="../qml/MessageDelegate.qml" line="213"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="57"/>
        <location filename="../qml/MessageDelegate.qml" line="216"/>
        <source>Copy message</source>
        <translation>Nachricht kopieren</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="104"/>
        <source>Thinking…</source>
        <translation>Denkt nach…</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="107"/>
        <source>Reasoning</source>
        <translation>Überlegungen</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="108"/>
        <source>Thought for %1 s</source>
        <translation>%1 s nachgedacht</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="159"/>
        <source>Stopped.</source>
        <translation>Angehalten.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/MessageDelegate.qml" line="163"/>
        <source>Trying again in %n s…</source>
        <translation>
            <numerusform>Neuer Versuch in %n s…</numerusform>
            <numerusform>Neuer Versuch in %n s…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="166"/>
        <source>The answer was cut off at the token limit.</source>
        <translation>Die Antwort wurde am Token-Limit abgeschnitten.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/MessageDelegate.qml" line="192"/>
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n Token</numerusform>
            <numerusform>%n Tokens</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="196"/>
        <source>first token after %1</source>
        <translation>erstes Token nach %1</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="200"/>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="202"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation type="vanished">%1 Tokens/s</translation>
    </message>
    <message>
        <source>first token after %1 s</source>
        <translation type="vanished">erstes Token nach %1 s</translation>
    </message>
    <message>
        <source>first token after %1 ms</source>
        <translation type="vanished">erstes Token nach %1 ms</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="221"/>
        <source>Regenerate</source>
        <translation>Neu erzeugen</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="221"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="224"/>
        <source>Regenerate the answer</source>
        <translation>Antwort neu erzeugen</translation>
    </message>
</context>
<context>
    <name>MilestoneLine</name>
    <message>
        <location filename="../qml/MilestoneLine.qml" line="51"/>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>ModelCatalog</name>
    <message numerus="yes">
        <location filename="../qml/chat/ModelCatalog.cpp" line="114"/>
        <source>%n model(s) at %1</source>
        <translation>
            <numerusform>%n Modell bei %1</numerusform>
            <numerusform>%n Modelle bei %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/chat/ModelCatalog.cpp" line="115"/>
        <source>No upstream answered.</source>
        <translation>Kein Upstream hat geantwortet.</translation>
    </message>
    <message>
        <location filename="../qml/chat/ModelCatalog.cpp" line="116"/>
        <source>Found %1.</source>
        <translation>Gefunden: %1.</translation>
    </message>
    <message>
        <location filename="../qml/chat/ModelCatalog.cpp" line="118"/>
        <source>Not answering: %1.</source>
        <translation>Antwortet nicht: %1.</translation>
    </message>
</context>
<context>
    <name>NoUpstreamPanel</name>
    <message>
        <location filename="../qml/NoUpstreamPanel.qml" line="23"/>
        <source>No model server is answering</source>
        <translation>Kein Modellserver antwortet</translation>
    </message>
    <message>
        <location filename="../qml/NoUpstreamPanel.qml" line="33"/>
        <source>Ponder talks to a model server you run or use. It asked these and got no models:</source>
        <translation>Ponder spricht mit einem Modellserver, den du betreibst oder nutzt. Diese wurden gefragt und lieferten keine Modelle:</translation>
    </message>
    <message>
        <location filename="../qml/NoUpstreamPanel.qml" line="81"/>
        <source>To fix it, either:

1. start **Ollama** (`ollama serve`) and pull a model (`ollama pull qwen3`), or
2. add an **OpenAI-compatible** server (llama.cpp, vLLM, LM Studio, OpenAI) with its URL and key in Settings.</source>
        <translation>So behebst du es:

1. starte **Ollama** (`ollama serve`) und lade ein Modell (`ollama pull qwen3`), oder
2. füge in den Einstellungen einen **OpenAI-kompatiblen** Server (llama.cpp, vLLM, LM Studio, OpenAI) mit URL und Schlüssel hinzu.</translation>
    </message>
    <message>
        <location filename="../qml/NoUpstreamPanel.qml" line="86"/>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../qml/NoUpstreamPanel.qml" line="92"/>
        <source>Open settings</source>
        <translation>Einstellungen öffnen</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <location filename="../qml/settings/Preferences.cpp" line="257"/>
        <source>Leave the password out of the URL and save it in the password field: the URL is kept in plain text.</source>
        <translation>Lass das Passwort aus der URL weg und speichere es im Passwortfeld: Die URL wird im Klartext gespeichert.</translation>
    </message>
    <message>
        <location filename="../qml/settings/Preferences.cpp" line="267"/>
        <source>&apos;%1&apos; is not an IP address (for example 127.0.0.1, or 0.0.0.0 for every interface)</source>
        <translation>&apos;%1&apos; ist keine IP-Adresse (zum Beispiel 127.0.0.1, oder 0.0.0.0 für alle Schnittstellen)</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Waiting for the model</source>
        <translation type="vanished">Warte auf das Modell</translation>
    </message>
    <message>
        <source>Generating</source>
        <translation type="vanished">Erzeugt</translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="vanished">Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="vanished">Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="vanished">Angehalten</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation type="vanished">Bereit</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="vanished">Fortschritt</translation>
    </message>
    <message>
        <source>Check that the model server is running and the model exists, then try again. Settings lists the upstreams and can test them.</source>
        <translation type="vanished">Prüfe, ob der Modellserver läuft und das Modell existiert, und versuche es erneut. Die Einstellungen listen die Upstreams und können sie testen.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="vanished">Schritt</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="vanished">%1 von %2</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation type="vanished">Tokens</translation>
    </message>
    <message>
        <source>Tokens/s</source>
        <translation type="vanished">Tokens/s</translation>
    </message>
    <message>
        <source>First token</source>
        <translation type="vanished">Erstes Token</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="vanished">%1 ms</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation type="vanished">Vergangen</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="vanished">%1 s</translation>
    </message>
</context>
<context>
    <name>ProgressState</name>
    <message>
        <location filename="../qml/models/ProgressState.cpp" line="68"/>
        <source>Stopped.</source>
        <translation>Angehalten.</translation>
    </message>
</context>
<context>
    <name>SecretEditor</name>
    <message>
        <location filename="../qml/settings/SecretEditor.cpp" line="73"/>
        <source>The key for %1 is saved in the keychain.</source>
        <translation>Der Schlüssel für %1 ist im Schlüsselbund gespeichert.</translation>
    </message>
    <message>
        <location filename="../qml/settings/SecretEditor.cpp" line="86"/>
        <source>The key for %1 is removed from the keychain.</source>
        <translation>Der Schlüssel für %1 wurde aus dem Schlüsselbund entfernt.</translation>
    </message>
    <message>
        <location filename="../qml/settings/SecretEditor.cpp" line="111"/>
        <source>A new API token is saved in the keychain; the local endpoint requires it from the next start.</source>
        <translation>Ein neues API-Token ist im Schlüsselbund gespeichert; der lokale Endpunkt verlangt es ab dem nächsten Start.</translation>
    </message>
    <message>
        <location filename="../qml/settings/SecretEditor.cpp" line="124"/>
        <source>The API token is removed; from the next start the local endpoint needs no login.</source>
        <translation>Das API-Token wurde entfernt; ab dem nächsten Start braucht der lokale Endpunkt keine Anmeldung.</translation>
    </message>
    <message>
        <location filename="../qml/settings/SecretEditor.cpp" line="137"/>
        <source>The password for %1 is saved in the keychain; it is used from the next start.</source>
        <translation>Das Passwort für %1 ist im Schlüsselbund gespeichert; es wird ab dem nächsten Start verwendet.</translation>
    </message>
    <message>
        <location filename="../qml/settings/SecretEditor.cpp" line="150"/>
        <source>The password for %1 is removed from the keychain.</source>
        <translation>Das Passwort für %1 ist aus dem Schlüsselbund entfernt.</translation>
    </message>
    <message>
        <source>Keychain: %1. Nothing is stored in plain text instead.</source>
        <translation type="vanished">Schlüsselbund: %1. Stattdessen wird nichts im Klartext gespeichert.</translation>
    </message>
</context>
<context>
    <name>SessionStatus</name>
    <message>
        <location filename="../qml/SessionStatus.qml" line="35"/>
        <source>Waiting for the first token</source>
        <translation>Warten auf das erste Token</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="37"/>
        <source>Reasoning</source>
        <translation>Überlegungen</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="37"/>
        <source>Writing the answer</source>
        <translation>Schreibt die Antwort</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="37"/>
        <source>Generating</source>
        <translation>Erzeugt</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="40"/>
        <location filename="../qml/SessionStatus.qml" line="52"/>
        <source>Stopped.</source>
        <translation>Angehalten.</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="120"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="137"/>
        <source>%1 (step %2 of %3)</source>
        <translation>%1 (Schritt %2 von %3)</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="139"/>
        <source>Step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="149"/>
        <source>about %1 left</source>
        <translation>noch etwa %1</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="150"/>
        <source>taking longer than expected</source>
        <translation>dauert länger als erwartet</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="151"/>
        <source>Time left: %1</source>
        <translation>Verbleibend: %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation type="vanished">noch %1</translation>
    </message>
    <message>
        <source>Check that the model server is running and the model exists, then try again. Settings lists the upstreams and can test them.</source>
        <translation type="vanished">Prüfe, ob der Modellserver läuft und das Modell existiert, und versuche es erneut. Die Einstellungen listen die Upstreams und können sie testen.</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="209"/>
        <source>tokens/s</source>
        <translation>Tokens/s</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="214"/>
        <source>tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="216"/>
        <source>first token</source>
        <translation>erstes Token</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="22"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="32"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="133"/>
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="134"/>
        <source>Local server</source>
        <translation>Lokaler Server</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="135"/>
        <source>Event store</source>
        <translation>Ereignisspeicher</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="136"/>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="154"/>
        <source>Server settings changed. They take effect when Ponder restarts.</source>
        <translation>Die Servereinstellungen wurden geändert. Sie gelten nach einem Neustart von Ponder.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="157"/>
        <source>Restart now</source>
        <translation>Jetzt neu starten</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="190"/>
        <source>Upstreams</source>
        <translation>Upstreams</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="191"/>
        <source>The model servers Ponder talks to. Their models are listed together in the model picker and at /v1/models.</source>
        <translation>Die Modellserver, mit denen Ponder spricht. Ihre Modelle erscheinen gemeinsam in der Modellauswahl und unter /v1/models.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="88"/>
        <source>not in use yet</source>
        <translation>noch nicht in Gebrauch</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="86"/>
        <source>reachable</source>
        <translation>erreichbar</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="86"/>
        <source>not reachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="87"/>
        <source>checking…</source>
        <translation>wird geprüft…</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="88"/>
        <source>used without --upstream</source>
        <translation>gilt ohne --upstream</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="97"/>
        <location filename="../qml/SettingsDialog.qml" line="370"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="197"/>
        <source>Ponder was started with --upstream, so it uses these servers; the saved ones below apply when it starts without it.</source>
        <translation>Ponder wurde mit --upstream gestartet und nutzt daher diese Server; die gespeicherten unten gelten, wenn es ohne startet.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="211"/>
        <source>Saved upstreams</source>
        <translation>Gespeicherte Upstreams</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="221"/>
        <source>Add an upstream</source>
        <translation>Upstream hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="228"/>
        <source>Kind of server</source>
        <translation>Art des Servers</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="235"/>
        <source>Server URL</source>
        <translation>Server-URL</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="245"/>
        <source>API key (optional; kept in the OS keychain)</source>
        <translation>API-Schlüssel (optional; im Schlüsselbund des Systems gespeichert)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="246"/>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="251"/>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="258"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>No keychain answers (%1). API keys cannot be saved, so Ponder runs without them; give one with PONDER_OPENAI_API_KEY instead.</source>
        <translation type="vanished">Kein Schlüsselbund antwortet (%1). API-Schlüssel können nicht gespeichert werden, also läuft Ponder ohne sie; gib stattdessen einen mit PONDER_OPENAI_API_KEY an.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="309"/>
        <source>AG-UI agents</source>
        <translation>AG-UI-Agenten</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="310"/>
        <source>Agents that speak AG-UI, as NAME=URL. Each is offered beside the models and relayed at /agui/NAME; its steps, reasoning and tool calls show in the timeline.</source>
        <translation>Agenten, die AG-UI sprechen, als NAME=URL. Jeder wird neben den Modellen angeboten und unter /agui/NAME weitergeleitet; seine Schritte, Überlegungen und Werkzeugaufrufe erscheinen in der Zeitleiste.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="315"/>
        <source>Ponder was started with --agent, so it runs these agents; the saved ones below apply when it starts without it.</source>
        <translation>Ponder wurde mit --agent gestartet und führt daher diese Agenten aus; die gespeicherten unten gelten, wenn es ohne startet.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="334"/>
        <source>in use</source>
        <translation>in Gebrauch</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="343"/>
        <source>Saved agents</source>
        <translation>Gespeicherte Agenten</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="364"/>
        <source>used without --agent</source>
        <translation>gilt ohne --agent</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="388"/>
        <source>Agent as NAME=URL</source>
        <translation>Agent als NAME=URL</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="393"/>
        <source>Add agent</source>
        <translation>Agent hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="422"/>
        <source>Local endpoint</source>
        <translation>Lokaler Endpunkt</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="425"/>
        <source>Running at %1. Open WebUI, editors and the openai SDKs can use %1/v1.</source>
        <translation>Läuft unter %1. Open WebUI, Editoren und die openai-SDKs können %1/v1 nutzen.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="426"/>
        <source>Not running.</source>
        <translation>Läuft nicht.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="429"/>
        <source>Serve the OpenAI-compatible and streaming APIs</source>
        <translation>Die OpenAI-kompatible und die Streaming-API anbieten</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="436"/>
        <location filename="../qml/SettingsDialog.qml" line="441"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="443"/>
        <location filename="../qml/SettingsDialog.qml" line="451"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="461"/>
        <source>In use now: %1, given on the command line (--port), which wins over the saved port.</source>
        <translation>Jetzt in Gebrauch: %1, auf der Kommandozeile angegeben (--port), was Vorrang vor dem gespeicherten Port hat.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="462"/>
        <source>In use now: %1. The saved port applies from the next start.</source>
        <translation>Jetzt in Gebrauch: %1. Der gespeicherte Port gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="464"/>
        <location filename="../qml/SettingsDialog.qml" line="470"/>
        <source>Allowed origins</source>
        <translation>Erlaubte Origins</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="473"/>
        <source>Keep the address 127.0.0.1 unless other machines must reach Ponder. Browser pages from other origins are refused unless listed here.</source>
        <translation>Behalte die Adresse 127.0.0.1, außer andere Rechner müssen Ponder erreichen. Browserseiten anderer Origins werden abgewiesen, außer sie stehen hier.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="475"/>
        <source>Stateless: never write conversations to disk</source>
        <translation>Zustandslos: Unterhaltungen nie auf die Festplatte schreiben</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="479"/>
        <location filename="../qml/SettingsDialog.qml" line="491"/>
        <source>API token</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="480"/>
        <source>With a token, clients must send it (Authorization: Bearer …). Without one, local programs need no login.</source>
        <translation>Mit Token müssen Clients es mitschicken (Authorization: Bearer …). Ohne Token brauchen lokale Programme keine Anmeldung.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="488"/>
        <source>No token: zero-login</source>
        <translation>Kein Token: ohne Anmeldung</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="493"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="495"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="505"/>
        <source>Generate new token</source>
        <translation>Neues Token erzeugen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="506"/>
        <source>Remove token</source>
        <translation>Token entfernen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="526"/>
        <source>Where thinking and progress events are kept</source>
        <translation>Wo Denk- und Fortschrittsereignisse gespeichert werden</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="532"/>
        <source>Ponder was started with --redis %1, so it keeps events there; the choice below applies when it starts without it.</source>
        <extracomment>%1 is the Redis URL given on the command line</extracomment>
        <translation>Ponder wurde mit --redis %1 gestartet und hält die Ereignisse dort; die Wahl unten gilt, wenn es ohne diese Option startet.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="536"/>
        <source>In memory (this Ponder only)</source>
        <translation>Im Arbeitsspeicher (nur dieses Ponder)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="542"/>
        <source>Redis Streams (shared by several Ponder backends)</source>
        <translation>Redis Streams (von mehreren Ponder-Backends geteilt)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="551"/>
        <source>Redis URL</source>
        <translation>Redis-URL</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="567"/>
        <source>Password, if Redis needs one (kept in the keychain)</source>
        <translation>Passwort, falls Redis eines braucht (im Schlüsselbund gespeichert)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="568"/>
        <source>Redis password</source>
        <translation>Redis-Passwort</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="571"/>
        <source>Save password</source>
        <translation>Passwort speichern</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="578"/>
        <source>Remove password</source>
        <translation>Passwort entfernen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="594"/>
        <source>Check now</source>
        <translation>Jetzt prüfen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="604"/>
        <source>Debug mode</source>
        <translation>Debug-Modus</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="606"/>
        <source>Show the thinking and progress panels and the Live sessions visualizer</source>
        <translation>Denk- und Fortschrittsbereich sowie die Live-Sitzungen anzeigen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="624"/>
        <location filename="../qml/SettingsDialog.qml" line="651"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="636"/>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="653"/>
        <location filename="../qml/SettingsDialog.qml" line="677"/>
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="662"/>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="660"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="294"/>
        <source>API keys cannot be saved, so Ponder runs without them; give one with PONDER_OPENAI_API_KEY instead.</source>
        <translation>API-Schlüssel können nicht gespeichert werden, also läuft Ponder ohne sie; gib stattdessen einen mit PONDER_OPENAI_API_KEY an.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="661"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../qml/Sidebar.qml" line="42"/>
        <source>Ponder</source>
        <translation>Ponder</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="52"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="54"/>
        <source>Settings (Ctrl+,)</source>
        <translation>Einstellungen (Strg+,)</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="61"/>
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="65"/>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>Neue Unterhaltung beginnen (Strg+N)</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="72"/>
        <source>Chats</source>
        <translation>Chats</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="77"/>
        <source>Live sessions (%1)</source>
        <translation>Live-Sitzungen (%1)</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="78"/>
        <source>Live sessions</source>
        <translation>Live-Sitzungen</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="91"/>
        <location filename="../qml/Sidebar.qml" line="94"/>
        <source>Search conversations</source>
        <translation>Unterhaltungen durchsuchen</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="103"/>
        <source>Stateless mode: conversations are not saved.</source>
        <translation>Zustandsloser Modus: Unterhaltungen werden nicht gespeichert.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="104"/>
        <source>No conversation matches.</source>
        <translation>Keine Unterhaltung passt.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="105"/>
        <source>Your conversations will appear here.</source>
        <translation>Deine Unterhaltungen erscheinen hier.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="210"/>
        <source>No session running. Ended ones are cleared from this list; new ones appear here as they start.</source>
        <translation>Keine Sitzung läuft. Beendete sind aus dieser Liste entfernt; neue erscheinen hier, sobald sie beginnen.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="268"/>
        <source>%1
Session %2
From %3
Started %4</source>
        <extracomment>Tooltip of a row in Live sessions: %1 its title, %2 its id, %3 where it came from, %4 when it started</extracomment>
        <translation>%1
Sitzung %2
Von %3
Begonnen %4</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="311"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="313"/>
        <source>started %1</source>
        <translation>gestartet %1</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="314"/>
        <source>ended %1</source>
        <translation>beendet %1</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="363"/>
        <source>Chat deleted</source>
        <translation>Chat gelöscht</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="412"/>
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="416"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="187"/>
        <location filename="../qml/Sidebar.qml" line="189"/>
        <source>Filter sessions</source>
        <translation>Sitzungen filtern</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="195"/>
        <source>Clear ended</source>
        <translation>Beendete entfernen</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="201"/>
        <source>Take finished, failed, stopped and ended sessions off this list</source>
        <translation>Fertige, fehlgeschlagene, angehaltene und beendete Sitzungen aus dieser Liste nehmen</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="209"/>
        <source>No session matches.</source>
        <translation>Keine Sitzung passt.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="211"/>
        <source>No session yet. Chats from this window, requests to the local endpoint and agents publishing to the streaming API appear here.</source>
        <translation>Noch keine Sitzung. Chats aus diesem Fenster, Anfragen an den lokalen Endpunkt und Agenten, die an die Streaming-API senden, erscheinen hier.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="264"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Every session in the hub, from this window and from outside. Pick one to watch it think.</source>
        <translation type="vanished">Alle Sitzungen im Hub, aus diesem Fenster und von außen. Wähle eine, um ihr beim Denken zuzusehen.</translation>
    </message>
    <message>
        <source>chat</source>
        <translation type="vanished">Chat</translation>
    </message>
    <message>
        <source>agent</source>
        <translation type="vanished">Agent</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation type="vanished">„%1“ gelöscht</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="370"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="380"/>
        <source>Undo deleting the chat</source>
        <translation>Löschen des Chats rückgängig machen</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="435"/>
        <source>Rename conversation</source>
        <translation>Unterhaltung umbenennen</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="442"/>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="446"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="456"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
</context>
<context>
    <name>Sparkline</name>
    <message>
        <location filename="../qml/Sparkline.qml" line="18"/>
        <source>Tokens per second over time, now %1</source>
        <translation>Tokens pro Sekunde im Verlauf, jetzt %1</translation>
    </message>
    <message>
        <location filename="../qml/Sparkline.qml" line="19"/>
        <source>Tokens per second over time</source>
        <translation>Tokens pro Sekunde im Verlauf</translation>
    </message>
</context>
<context>
    <name>StepCard</name>
    <message>
        <location filename="../qml/StepCard.qml" line="72"/>
        <source>Fold the nested steps</source>
        <translation>Unterschritte einklappen</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="72"/>
        <source>Unfold the nested steps</source>
        <translation>Unterschritte ausklappen</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="97"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="98"/>
        <source>Step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="112"/>
        <source>%1% sure</source>
        <translation>%1 % sicher</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="120"/>
        <source>running %1</source>
        <translation>läuft seit %1</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="143"/>
        <source>&lt;b&gt;Considered:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Erwogen:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="152"/>
        <source>&lt;b&gt;Because:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Weil:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="168"/>
        <source>in: %1</source>
        <translation>ein: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="169"/>
        <source>out: %1</source>
        <translation>aus: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="175"/>
        <source>Reasoning chain (%1)</source>
        <translation>Gedankenkette (%1)</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="176"/>
        <source>Attributes</source>
        <translation>Attribute</translation>
    </message>
</context>
<context>
    <name>ThinkingPanel</name>
    <message>
        <source>Thinking</source>
        <translation type="vanished">Denken</translation>
    </message>
    <message>
        <source>thinking…</source>
        <translation type="vanished">denkt nach…</translation>
    </message>
    <message>
        <source>thought for %1 s</source>
        <translation type="vanished">%1 s nachgedacht</translation>
    </message>
    <message>
        <source>Steps appear here while a model reasons. Models without reasoning answer straight away.</source>
        <translation type="vanished">Hier erscheinen Schritte, während ein Modell nachdenkt. Modelle ohne Denkphase antworten sofort.</translation>
    </message>
    <message>
        <source>Reasoning text</source>
        <translation type="vanished">Denktext</translation>
    </message>
    <message>
        <source>Show or hide the reasoning text</source>
        <translation type="vanished">Denktext ein- oder ausblenden</translation>
    </message>
</context>
<context>
    <name>ThinkingStepDelegate</name>
    <message>
        <source>Initialization</source>
        <translation type="vanished">Einstieg</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation type="vanished">Analyse</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="vanished">Entscheidung</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation type="vanished">Planung</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation type="vanished">Bewertung</translation>
    </message>
    <message>
        <source>Risk assessment</source>
        <translation type="vanished">Risikobewertung</translation>
    </message>
    <message>
        <source>Service selection</source>
        <translation type="vanished">Dienstauswahl</translation>
    </message>
    <message>
        <source>Workflow generation</source>
        <translation type="vanished">Ablauferstellung</translation>
    </message>
    <message>
        <source>Execution planning</source>
        <translation type="vanished">Ausführungsplanung</translation>
    </message>
    <message>
        <source>Result analysis</source>
        <translation type="vanished">Ergebnisanalyse</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="vanished">%1 · %2</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation type="vanished">Schritt %1</translation>
    </message>
    <message>
        <source>%1% sure</source>
        <translation type="vanished">%1 % sicher</translation>
    </message>
    <message>
        <source>Reasoning chain (%1)</source>
        <translation type="vanished">Gedankenkette (%1)</translation>
    </message>
</context>
<context>
    <name>TimelineRow</name>
    <message>
        <location filename="../qml/TimelineRow.qml" line="157"/>
        <location filename="../qml/TimelineRow.qml" line="158"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/TimelineRow.qml" line="157"/>
        <source>Step %1</source>
        <translation>Schritt %1</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../qml/TimelineView.qml" line="43"/>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
</context>
<context>
    <name>UpstreamProbe</name>
    <message numerus="yes">
        <location filename="../qml/settings/UpstreamProbe.cpp" line="23"/>
        <source>Connected: %n model(s) available.</source>
        <translation>
            <numerusform>Verbunden: %n Modell verfügbar.</numerusform>
            <numerusform>Verbunden: %n Modelle verfügbar.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/settings/UpstreamProbe.cpp" line="25"/>
        <source>No answer: %1</source>
        <translation>Keine Antwort: %1</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../qml/Words.qml" line="20"/>
        <source>Initialization</source>
        <translation>Einstieg</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="21"/>
        <source>Analysis</source>
        <translation>Analyse</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="22"/>
        <source>Decision</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="23"/>
        <source>Planning</source>
        <translation>Planung</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="24"/>
        <source>Evaluation</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="25"/>
        <source>Risk assessment</source>
        <translation>Risikobewertung</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="26"/>
        <source>Service selection</source>
        <translation>Dienstauswahl</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="27"/>
        <source>Workflow generation</source>
        <translation>Ablauferstellung</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="28"/>
        <source>Execution planning</source>
        <translation>Ausführungsplanung</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="29"/>
        <source>Result analysis</source>
        <translation>Ergebnisanalyse</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="36"/>
        <source>agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="37"/>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="38"/>
        <source>tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="39"/>
        <source>retrieval</source>
        <translation>Abruf</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="40"/>
        <source>embedding</source>
        <translation>Embedding</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="41"/>
        <source>reasoning</source>
        <translation>Überlegung</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="51"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="53"/>
        <location filename="../qml/Words.qml" line="60"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="55"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="65"/>
        <source>+%1 s</source>
        <translation>+%1 s</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="66"/>
        <source>+%1:%2</source>
        <translation>+%1:%2</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="71"/>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/Words.qml" line="73"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>vor %n min</numerusform>
            <numerusform>vor %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/Words.qml" line="75"/>
        <source>%n h ago</source>
        <translation>
            <numerusform>vor %n h</numerusform>
            <numerusform>vor %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/Words.qml" line="76"/>
        <source>%n d ago</source>
        <translation>
            <numerusform>vor %n Tag</numerusform>
            <numerusform>vor %n Tagen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="81"/>
        <source>this window</source>
        <translation>dieses Fenster</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="82"/>
        <source>an API client</source>
        <translation>ein API-Client</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="83"/>
        <source>agent %1</source>
        <translation>Agent %1</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="83"/>
        <source>an agent</source>
        <translation>ein Agent</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="84"/>
        <source>trace from %1</source>
        <translation>Trace von %1</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="84"/>
        <source>an OpenTelemetry trace</source>
        <translation>ein OpenTelemetry-Trace</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="91"/>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="92"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="93"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="94"/>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="95"/>
        <source>ended</source>
        <translation>beendet</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="110"/>
        <source>finished</source>
        <translation>beendet</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="111"/>
        <source>token limit</source>
        <translation>Token-Limit</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="112"/>
        <source>tool calls</source>
        <translation>Werkzeugaufrufe</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="113"/>
        <source>content filter</source>
        <translation>Inhaltsfilter</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="118"/>
        <source>%1 tokens/s</source>
        <translation>%1 Tokens/s</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="136"/>
        <source>Request received</source>
        <translation>Anfrage erhalten</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="138"/>
        <source>The model server accepted it</source>
        <translation>Der Modellserver hat sie angenommen</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="140"/>
        <source>Reading the prompt, %1%</source>
        <translation>Liest die Eingabe, %1 %</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="141"/>
        <source>Reading the prompt</source>
        <translation>Liest die Eingabe</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="143"/>
        <source>First token after %1</source>
        <translation>Erstes Token nach %1</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="144"/>
        <source>First token</source>
        <translation>Erstes Token</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="147"/>
        <location filename="../qml/Words.qml" line="299"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="148"/>
        <source>Done in %1</source>
        <translation>Fertig in %1</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="150"/>
        <source>%1 prompt + %2 completion tokens</source>
        <translation>%1 Eingabe- + %2 Antwort-Tokens</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/Words.qml" line="152"/>
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n Token</numerusform>
            <numerusform>%n Tokens</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="158"/>
        <location filename="../qml/Words.qml" line="300"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="160"/>
        <location filename="../qml/Words.qml" line="301"/>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="162"/>
        <source>Session ended</source>
        <translation>Sitzung beendet</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="166"/>
        <source>Agent state: snapshot</source>
        <translation>Zustand des Agenten: Momentaufnahme</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="168"/>
        <source>Agent state: changed</source>
        <translation>Zustand des Agenten: geändert</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="184"/>
        <source>%1 started run %2</source>
        <translation>%1 hat Lauf %2 gestartet</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="184"/>
        <source>%1 started a run</source>
        <translation>%1 hat einen Lauf gestartet</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="186"/>
        <source>%1 finished run %2</source>
        <translation>%1 hat Lauf %2 beendet</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="186"/>
        <source>%1 finished its run</source>
        <translation>%1 hat seinen Lauf beendet</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="188"/>
        <source>Run %1 of %2 failed</source>
        <translation>Lauf %1 von %2 ist fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="188"/>
        <source>The run of %1 failed</source>
        <translation>Der Lauf von %1 ist fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="190"/>
        <source>Run %1 of %2 was stopped</source>
        <translation>Lauf %1 von %2 wurde angehalten</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="190"/>
        <source>The run of %1 was stopped</source>
        <translation>Der Lauf von %1 wurde angehalten</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/Words.qml" line="200"/>
        <location filename="../qml/Words.qml" line="201"/>
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n Schritt</numerusform>
            <numerusform>%n Schritte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/Words.qml" line="200"/>
        <location filename="../qml/Words.qml" line="206"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="204"/>
        <source>Trace started: %1</source>
        <translation>Trace gestartet: %1</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="204"/>
        <source>Trace %1 started</source>
        <translation>Trace %1 gestartet</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/Words.qml" line="206"/>
        <location filename="../qml/Words.qml" line="207"/>
        <source>%n step(s) done</source>
        <translation>
            <numerusform>%n Schritt erledigt</numerusform>
            <numerusform>%n Schritte erledigt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="209"/>
        <source>Trace done: %1</source>
        <translation>Trace fertig: %1</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="212"/>
        <source>Moved to session %1, the conversation a later span named</source>
        <extracomment>%1 is a session&apos;s id: the conversation a later span of the trace named</extracomment>
        <translation>In Sitzung %1 verschoben, die Unterhaltung, die ein späterer Span nennt</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="214"/>
        <source>The trace failed: %1</source>
        <translation>Der Trace ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="219"/>
        <source>Its root span ended with an error and said no more.</source>
        <translation>Sein Root-Span endete mit einem Fehler und sagte nichts weiter.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="229"/>
        <location filename="../qml/Words.qml" line="328"/>
        <source>%1 answered with HTTP status %2.</source>
        <translation>%1 hat mit HTTP-Status %2 geantwortet.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="233"/>
        <source>%1 could not be reached. Is it running at the address in Settings?</source>
        <translation>%1 ist nicht erreichbar. Läuft der Agent unter der Adresse aus den Einstellungen?</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="235"/>
        <source>Ponder stopped waiting for %1.</source>
        <translation>Ponder hat aufgehört, auf %1 zu warten.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="236"/>
        <location filename="../qml/Words.qml" line="331"/>
        <source>%1 went silent, and Ponder stopped waiting.</source>
        <translation>%1 antwortete nicht mehr, und Ponder hat aufgehört zu warten.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="237"/>
        <source>%1 broke off the connection during the run.</source>
        <translation>%1 hat die Verbindung während des Laufs abgebrochen.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="238"/>
        <source>The connection to %1 failed.</source>
        <translation>Die Verbindung zu %1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="239"/>
        <source>%1 did not answer with an event stream.</source>
        <translation>%1 hat nicht mit einem Ereignisstrom geantwortet.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="240"/>
        <source>%1 sent an event too large to relay.</source>
        <translation>%1 hat ein Ereignis gesendet, das zu groß zum Weiterleiten ist.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="241"/>
        <source>%1 ended its stream before it finished the run.</source>
        <translation>%1 hat seinen Datenstrom beendet, bevor der Lauf fertig war.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="247"/>
        <source>“%1”</source>
        <translation>„%1“</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="264"/>
        <source>Now: in memory, healthy.</source>
        <translation>Aktuell: im Arbeitsspeicher, in Ordnung.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="267"/>
        <source>Now: Redis, connected.</source>
        <translation>Aktuell: Redis, verbunden.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="268"/>
        <source>Now: Redis, degraded (%1). Events are buffered until it is back.</source>
        <translation>Aktuell: Redis, eingeschränkt (%1). Ereignisse werden gepuffert, bis es wieder da ist.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="274"/>
        <source>Ponder no longer has this session: it was deleted, or it ended so long ago that it expired.</source>
        <translation>Ponder hat diese Sitzung nicht mehr: Sie wurde gelöscht oder ist vor so langer Zeit zu Ende gegangen, dass sie abgelaufen ist.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="275"/>
        <source>This session cannot be watched now: the event store (Redis) does not answer. Select it again once Redis is back.</source>
        <translation>Diese Sitzung kann gerade nicht beobachtet werden: Der Ereignisspeicher (Redis) antwortet nicht. Wähle sie erneut aus, sobald Redis wieder da ist.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="276"/>
        <source>The event store refused to show this session.</source>
        <translation>Der Ereignisspeicher hat sich geweigert, diese Sitzung zu zeigen.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="283"/>
        <source>No keychain answers.</source>
        <translation>Kein Schlüsselbund antwortet.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="284"/>
        <source>The keychain refused Ponder access.</source>
        <translation>Der Schlüsselbund hat Ponder den Zugriff verweigert.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="285"/>
        <source>The keychain reported an error.</source>
        <translation>Der Schlüsselbund hat einen Fehler gemeldet.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="291"/>
        <source>Nothing is stored in plain text instead.</source>
        <translation>Stattdessen wird nichts im Klartext gespeichert.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="297"/>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="298"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="302"/>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="303"/>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="326"/>
        <source>%1 broke off the answer before it was done.</source>
        <translation>%1 hat die Antwort abgebrochen, bevor sie fertig war.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="232"/>
        <location filename="../qml/Words.qml" line="330"/>
        <source>%1 could not be reached.</source>
        <translation>%1 ist nicht erreichbar.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="332"/>
        <source>The secure connection to %1 failed.</source>
        <translation>Die sichere Verbindung zu %1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="334"/>
        <source>%1 reported an error.</source>
        <translation>%1 hat einen Fehler gemeldet.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="335"/>
        <source>%1 sent an answer Ponder could not read.</source>
        <translation>%1 hat eine Antwort geschickt, die Ponder nicht lesen konnte.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="341"/>
        <source>Not reachable: nothing answers at this address. Is the server running?</source>
        <translation>Nicht erreichbar: Unter dieser Adresse antwortet nichts. Läuft der Server?</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="342"/>
        <source>It went silent, and Ponder stopped waiting.</source>
        <translation>Er blieb stumm, und Ponder hat aufgehört zu warten.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="343"/>
        <source>The secure connection failed.</source>
        <translation>Die sichere Verbindung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="344"/>
        <source>It refused Ponder&apos;s API key.</source>
        <translation>Er hat Ponders API-Schlüssel abgelehnt.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="345"/>
        <source>Nothing found at this address: is the URL right?</source>
        <translation>Unter dieser Adresse nichts gefunden: Stimmt die URL?</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="346"/>
        <source>It asked Ponder to wait (too many requests).</source>
        <translation>Er bittet Ponder zu warten (zu viele Anfragen).</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="347"/>
        <source>It answered with an error.</source>
        <translation>Er hat mit einem Fehler geantwortet.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="363"/>
        <source>Model not found</source>
        <translation>Modell nicht gefunden</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="364"/>
        <source>Rate limited</source>
        <translation>Anfragen begrenzt</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="365"/>
        <source>Model server not reachable</source>
        <translation>Modellserver nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="366"/>
        <source>Model server went silent</source>
        <translation>Modellserver antwortet nicht mehr</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="367"/>
        <source>The answer broke off</source>
        <translation>Die Antwort brach ab</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="368"/>
        <source>API key refused</source>
        <translation>API-Schlüssel abgelehnt</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="369"/>
        <source>Too many answers at once</source>
        <translation>Zu viele Antworten gleichzeitig</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="370"/>
        <source>Request refused</source>
        <translation>Anfrage abgelehnt</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="371"/>
        <source>Agent not reachable</source>
        <translation>Agent nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="372"/>
        <source>Agent went silent</source>
        <translation>Agent antwortet nicht mehr</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="373"/>
        <source>Agent refused Ponder</source>
        <translation>Agent hat Ponder abgelehnt</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="374"/>
        <source>The agent reported an error</source>
        <translation>Der Agent hat einen Fehler gemeldet</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="375"/>
        <source>The model server reported an error</source>
        <translation>Der Modellserver hat einen Fehler gemeldet</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="383"/>
        <source>The model server does not have this model. Pick another model, or download it first (for Ollama: ollama pull NAME).</source>
        <translation>Der Modellserver hat dieses Modell nicht. Wähle ein anderes Modell oder lade es zuerst herunter (bei Ollama: ollama pull NAME).</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="385"/>
        <source>The server is rate limiting Ponder and asked it to wait.</source>
        <translation>Der Server begrenzt Ponders Anfragen und bittet zu warten.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="387"/>
        <source>The model server is not answering. Start it (for Ollama: ollama serve), or fix its URL in Settings.</source>
        <translation>Der Modellserver antwortet nicht. Starte ihn (bei Ollama: ollama serve) oder korrigiere seine URL in den Einstellungen.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="389"/>
        <source>The model server went silent. It may still be loading the model: try again.</source>
        <translation>Der Modellserver ist verstummt. Vielleicht lädt er das Modell noch: versuche es erneut.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="391"/>
        <source>The answer broke off before it was done. Retry to get it whole.</source>
        <translation>Die Antwort brach ab, bevor sie fertig war. Versuche es erneut, um sie ganz zu bekommen.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="392"/>
        <source>The stream broke off before any answer came. Retry.</source>
        <translation>Der Stream brach ab, bevor eine Antwort kam. Versuche es erneut.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="394"/>
        <source>The model server refused Ponder&apos;s API key. Check the key in Settings.</source>
        <translation>Der Modellserver hat Ponders API-Schlüssel abgelehnt. Prüfe den Schlüssel in den Einstellungen.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="396"/>
        <source>Ponder is already running as many answers as it allows. Try again in a moment.</source>
        <translation>Ponder erzeugt bereits so viele Antworten, wie es zulässt. Versuche es gleich noch einmal.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="398"/>
        <source>The model server refused the request.</source>
        <translation>Der Modellserver hat die Anfrage abgelehnt.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="400"/>
        <source>The agent is not answering. Is it running at the address in Settings?</source>
        <translation>Der Agent antwortet nicht. Läuft er unter der Adresse aus den Einstellungen?</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="402"/>
        <source>The agent went silent. Try again.</source>
        <translation>Der Agent ist verstummt. Versuche es noch einmal.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="404"/>
        <source>The agent refused Ponder. Check its address and what it expects in Settings.</source>
        <translation>Der Agent hat Ponder abgewiesen. Prüfe seine Adresse und was er erwartet in den Einstellungen.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="406"/>
        <source>The agent reported an error.</source>
        <translation>Der Agent hat einen Fehler gemeldet.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="408"/>
        <source>The model server reported an error.</source>
        <translation>Der Modellserver hat einen Fehler gemeldet.</translation>
    </message>
</context>
</TS>
