<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
<context>
    <name>ChatController</name>
    <message>
        <location filename="../qml/chat/ChatController.cpp" line="120" />
        <source>Sending to %1…</source>
        <translation>Wird an %1 gesendet…</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatController.cpp" line="133" />
        <source>The answer was cut off at the token limit.</source>
        <translation>Die Antwort wurde am Token-Limit abgeschnitten.</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatController.cpp" line="138" />
        <source>%1 Pick another model.</source>
        <translation>%1 Wähle ein anderes Modell.</translation>
    </message>
</context>
<context>
    <name>ChatPage</name>
    <message>
        <location filename="../qml/ChatPage.qml" line="40" />
        <source>Watch language models think.</source>
        <translation>Sieh Sprachmodellen beim Denken zu.</translation>
    </message>
    <message>
        <location filename="../qml/ChatPage.qml" line="50" />
        <source>Ask anything. The answer streams in here; the model's reasoning and the request's progress appear beside it as they happen.</source>
        <translation>Frag einfach. Die Antwort erscheint hier Stück für Stück; die Überlegungen des Modells und der Fortschritt der Anfrage erscheinen live daneben.</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <location filename="../qml/CodeBlock.qml" line="33" />
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../qml/CodeBlock.qml" line="40" />
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <location filename="../qml/CodeBlock.qml" line="40" />
        <location filename="../qml/CodeBlock.qml" line="47" />
        <source>Copy code</source>
        <translation>Code kopieren</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../qml/Composer.qml" line="43" />
        <source>Message the model (Enter to send, Shift+Enter for a new line)</source>
        <translation>Nachricht an das Modell (Enter sendet, Umschalt+Enter für eine neue Zeile)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="44" />
        <source>No model to talk to yet</source>
        <translation>Noch kein Modell verfügbar</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="50" />
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="64" />
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="64" />
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="68" />
        <source>Stop the answer</source>
        <translation>Antwort anhalten</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="68" />
        <source>Send the message</source>
        <translation>Nachricht senden</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="70" />
        <source>Stop (Esc)</source>
        <translation>Stopp (Esc)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="70" />
        <source>Send (Enter)</source>
        <translation>Senden (Enter)</translation>
    </message>
</context>
<context>
    <name>EventStoreStatus</name>
    <message>
        <location filename="../qml/settings/EventStoreStatus.cpp" line="18" />
        <source>Now: in memory, healthy.</source>
        <translation>Aktuell: im Arbeitsspeicher, in Ordnung.</translation>
    </message>
    <message>
        <location filename="../qml/settings/EventStoreStatus.cpp" line="24" />
        <source>Now: Redis, connected.</source>
        <translation>Aktuell: Redis, verbunden.</translation>
    </message>
    <message>
        <location filename="../qml/settings/EventStoreStatus.cpp" line="25" />
        <source>Now: Redis, degraded (%1). Events are buffered until it is back.</source>
        <translation>Aktuell: Redis, eingeschränkt (%1). Ereignisse werden gepuffert, bis es wieder da ist.</translation>
    </message>
</context>
<context>
    <name>LiveSessionPage</name>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="30" />
        <source>Session %1 · ended</source>
        <translation>Sitzung %1 · beendet</translation>
    </message>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="31" />
        <source>Session %1 · watching live</source>
        <translation>Sitzung %1 · live beobachtet</translation>
    </message>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="40" />
        <source>This session cannot be watched: %1</source>
        <translation>Diese Sitzung kann nicht beobachtet werden: %1</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="21" />
        <source>Ponder</source>
        <translation>Ponder</translation>
    </message>
    <message>
        <source>Watch language models think.</source>
        <translation>Sieh Sprachmodellen beim Denken zu.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="21" />
        <source>Ponder — %1</source>
        <translation>Ponder — %1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="166" />
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="169" />
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="171" />
        <source>The model that answers</source>
        <translation>Das Modell, das antwortet</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="178" />
        <source>Refresh models</source>
        <translation>Modelle aktualisieren</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="180" />
        <source>Ask the upstreams for their models again</source>
        <translation>Die Upstreams erneut nach ihren Modellen fragen</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="184" />
        <source>Live session</source>
        <translation>Live-Sitzung</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="198" />
        <source>Local endpoint: %1/v1</source>
        <translation>Lokaler Endpunkt: %1/v1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="200" />
        <source>The local endpoint could not start: %1</source>
        <translation>Der lokale Endpunkt konnte nicht starten: %1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="202" />
        <source>Starting the local endpoint…</source>
        <translation>Lokaler Endpunkt wird gestartet…</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="213" />
        <source>Hide thinking</source>
        <translation>Denken ausblenden</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="213" />
        <source>Show thinking</source>
        <translation>Denken einblenden</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="67" />
        <location filename="../qml/MessageDelegate.qml" line="201" />
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="70" />
        <location filename="../qml/MessageDelegate.qml" line="204" />
        <source>Copy message</source>
        <translation>Nachricht kopieren</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="111" />
        <source>Thinking…</source>
        <translation>Denkt nach…</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="113" />
        <source>Thought for %1 s</source>
        <translation>%1 s nachgedacht</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="193" />
        <source>Stopped.</source>
        <translation>Angehalten.</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="208" />
        <source>Regenerate</source>
        <translation>Neu erzeugen</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="211" />
        <source>Regenerate the answer</source>
        <translation>Antwort neu erzeugen</translation>
    </message>
</context>
<context>
    <name>NoUpstreamPanel</name>
    <message>
        <location filename="../qml/NoUpstreamPanel.qml" line="22" />
        <source>No model server is answering</source>
        <translation>Kein Modellserver antwortet</translation>
    </message>
    <message>
        <location filename="../qml/NoUpstreamPanel.qml" line="32" />
        <source>Ponder talks to a model server you run or use. It asked these and got no models:</source>
        <translation>Ponder spricht mit einem Modellserver, den du betreibst oder nutzt. Diese wurden gefragt und lieferten keine Modelle:</translation>
    </message>
    <message>
        <location filename="../qml/NoUpstreamPanel.qml" line="57" />
        <source>To fix it, either:

1. start **Ollama** (`ollama serve`) and pull a model (`ollama pull qwen3`), or
2. add an **OpenAI-compatible** server (llama.cpp, vLLM, LM Studio, OpenAI) with its URL and key in Settings.</source>
        <translation>So behebst du es:

1. starte **Ollama** (`ollama serve`) und lade ein Modell (`ollama pull qwen3`), oder
2. füge in den Einstellungen einen **OpenAI-kompatiblen** Server (llama.cpp, vLLM, LM Studio, OpenAI) mit URL und Schlüssel hinzu.</translation>
    </message>
    <message>
        <location filename="../qml/NoUpstreamPanel.qml" line="62" />
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../qml/NoUpstreamPanel.qml" line="68" />
        <source>Open settings</source>
        <translation>Einstellungen öffnen</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <location filename="../qml/settings/Preferences.cpp" line="183" />
        <source>Leave the password out of the URL and save it in the password field: the URL is kept in plain text.</source>
        <translation>Lass das Passwort aus der URL weg und speichere es im Passwortfeld: Die URL wird im Klartext gespeichert.</translation>
    </message>
    <message>
        <location filename="../qml/settings/Preferences.cpp" line="193" />
        <source>'%1' is not an IP address (for example 127.0.0.1, or 0.0.0.0 for every interface)</source>
        <translation>'%1' ist keine IP-Adresse (zum Beispiel 127.0.0.1, oder 0.0.0.0 für alle Schnittstellen)</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../qml/ProgressPanel.qml" line="20" />
        <source>Waiting for the model</source>
        <translation>Warte auf das Modell</translation>
    </message>
    <message>
        <location filename="../qml/ProgressPanel.qml" line="21" />
        <source>Generating</source>
        <translation>Erzeugt</translation>
    </message>
    <message>
        <location filename="../qml/ProgressPanel.qml" line="22" />
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../qml/ProgressPanel.qml" line="23" />
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../qml/ProgressPanel.qml" line="24" />
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <location filename="../qml/ProgressPanel.qml" line="25" />
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../qml/ProgressPanel.qml" line="41" />
        <location filename="../qml/ProgressPanel.qml" line="70" />
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../qml/ProgressPanel.qml" line="90" />
        <source>Check that the model server is running and the model exists, then try again. Settings lists the upstreams and can test them.</source>
        <translation>Prüfe, ob der Modellserver läuft und das Modell existiert, und versuche es erneut. Die Einstellungen listen die Upstreams und können sie testen.</translation>
    </message>
    <message>
        <location filename="../qml/ProgressPanel.qml" line="109" />
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location filename="../qml/ProgressPanel.qml" line="111" />
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../qml/ProgressPanel.qml" line="114" />
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <location filename="../qml/ProgressPanel.qml" line="116" />
        <source>Tokens/s</source>
        <translation>Tokens/s</translation>
    </message>
    <message>
        <location filename="../qml/ProgressPanel.qml" line="121" />
        <source>First token</source>
        <translation>Erstes Token</translation>
    </message>
    <message>
        <location filename="../qml/ProgressPanel.qml" line="124" />
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../qml/ProgressPanel.qml" line="126" />
        <source>Elapsed</source>
        <translation>Vergangen</translation>
    </message>
    <message>
        <location filename="../qml/ProgressPanel.qml" line="129" />
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>SecretEditor</name>
    <message>
        <location filename="../qml/settings/SecretEditor.cpp" line="45" />
        <source>The key for %1 is saved in the keychain; it is used from the next start.</source>
        <translation>Der Schlüssel für %1 ist im Schlüsselbund gespeichert; er gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <location filename="../qml/settings/SecretEditor.cpp" line="59" />
        <source>The key for %1 is removed from the keychain.</source>
        <translation>Der Schlüssel für %1 wurde aus dem Schlüsselbund entfernt.</translation>
    </message>
    <message>
        <location filename="../qml/settings/SecretEditor.cpp" line="83" />
        <source>A new API token is saved in the keychain; the local endpoint requires it from the next start.</source>
        <translation>Ein neues API-Token ist im Schlüsselbund gespeichert; der lokale Endpunkt verlangt es ab dem nächsten Start.</translation>
    </message>
    <message>
        <location filename="../qml/settings/SecretEditor.cpp" line="96" />
        <source>The API token is removed; from the next start the local endpoint needs no login.</source>
        <translation>Das API-Token wurde entfernt; ab dem nächsten Start braucht der lokale Endpunkt keine Anmeldung.</translation>
    </message>
    <message>
        <location filename="../qml/settings/SecretEditor.cpp" line="108" />
        <source>The password for %1 is saved in the keychain; it is used from the next start.</source>
        <translation>Das Passwort für %1 ist im Schlüsselbund gespeichert; es wird ab dem nächsten Start verwendet.</translation>
    </message>
    <message>
        <location filename="../qml/settings/SecretEditor.cpp" line="120" />
        <source>The password for %1 is removed from the keychain.</source>
        <translation>Das Passwort für %1 ist aus dem Schlüsselbund entfernt.</translation>
    </message>
    <message>
        <location filename="../qml/settings/SecretEditor.cpp" line="129" />
        <source>Keychain: %1. Nothing is stored in plain text instead.</source>
        <translation>Schlüsselbund: %1. Stattdessen wird nichts im Klartext gespeichert.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="18" />
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="55" />
        <source>Models</source>
        <translation>Modelle</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="56" />
        <source>Local server</source>
        <translation>Lokaler Server</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="57" />
        <source>Event store</source>
        <translation>Ereignisspeicher</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="58" />
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="75" />
        <source>Server settings changed. They take effect when Ponder restarts.</source>
        <translation>Die Servereinstellungen wurden geändert. Sie gelten nach einem Neustart von Ponder.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="78" />
        <source>Restart now</source>
        <translation>Jetzt neu starten</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="95" />
        <source>Upstreams</source>
        <translation>Upstreams</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="96" />
        <source>The model servers Ponder talks to. Their models are listed together in the model picker and at /v1/models.</source>
        <translation>Die Modellserver, mit denen Ponder spricht. Ihre Modelle erscheinen gemeinsam in der Modellauswahl und unter /v1/models.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="123" />
        <source>not in use yet</source>
        <translation>noch nicht in Gebrauch</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="124" />
        <source>reachable</source>
        <translation>erreichbar</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="124" />
        <source>not reachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="129" />
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="143" />
        <source>Add an upstream</source>
        <translation>Upstream hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="149" />
        <source>Kind of server</source>
        <translation>Art des Servers</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="155" />
        <source>Server URL</source>
        <translation>Server-URL</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="163" />
        <source>API key (optional; kept in the OS keychain)</source>
        <translation>API-Schlüssel (optional; im Schlüsselbund des Systems gespeichert)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="164" />
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="168" />
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="173" />
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="220" />
        <source>Local endpoint</source>
        <translation>Lokaler Endpunkt</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="223" />
        <source>Running at %1. Open WebUI, editors and the openai SDKs can use %1/v1.</source>
        <translation>Läuft unter %1. Open WebUI, Editoren und die openai-SDKs können %1/v1 nutzen.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="224" />
        <source>Not running.</source>
        <translation>Läuft nicht.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="227" />
        <source>Serve the OpenAI-compatible and streaming APIs</source>
        <translation>Die OpenAI-kompatible und die Streaming-API anbieten</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="234" />
        <location filename="../qml/SettingsDialog.qml" line="239" />
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="241" />
        <location filename="../qml/SettingsDialog.qml" line="249" />
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="251" />
        <location filename="../qml/SettingsDialog.qml" line="257" />
        <source>Allowed origins</source>
        <translation>Erlaubte Origins</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="260" />
        <source>Keep the address 127.0.0.1 unless other machines must reach Ponder. Browser pages from other origins are refused unless listed here.</source>
        <translation>Behalte die Adresse 127.0.0.1, außer andere Rechner müssen Ponder erreichen. Browserseiten anderer Origins werden abgewiesen, außer sie stehen hier.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="262" />
        <source>Stateless: never write conversations to disk</source>
        <translation>Zustandslos: Unterhaltungen nie auf die Festplatte schreiben</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="266" />
        <location filename="../qml/SettingsDialog.qml" line="278" />
        <source>API token</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="267" />
        <source>With a token, clients must send it (Authorization: Bearer …). Without one, local programs need no login.</source>
        <translation>Mit Token müssen Clients es mitschicken (Authorization: Bearer …). Ohne Token brauchen lokale Programme keine Anmeldung.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="275" />
        <source>No token: zero-login</source>
        <translation>Kein Token: ohne Anmeldung</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="280" />
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="282" />
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="292" />
        <source>Generate new token</source>
        <translation>Neues Token erzeugen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="293" />
        <source>Remove token</source>
        <translation>Token entfernen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="312" />
        <source>Where thinking and progress events are kept</source>
        <translation>Wo Denk- und Fortschrittsereignisse gespeichert werden</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="315" />
        <source>In memory (this Ponder only)</source>
        <translation>Im Arbeitsspeicher (nur dieses Ponder)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="321" />
        <source>Redis Streams (shared by several Ponder backends)</source>
        <translation>Redis Streams (von mehreren Ponder-Backends geteilt)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="330" />
        <source>Redis URL</source>
        <translation>Redis-URL</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="346" />
        <source>Password, if Redis needs one (kept in the keychain)</source>
        <translation>Passwort, falls Redis eines braucht (im Schlüsselbund gespeichert)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="347" />
        <source>Redis password</source>
        <translation>Redis-Passwort</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="350" />
        <source>Save password</source>
        <translation>Passwort speichern</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="357" />
        <source>Remove password</source>
        <translation>Passwort entfernen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="372" />
        <source>Check now</source>
        <translation>Jetzt prüfen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="382" />
        <source>Debug mode</source>
        <translation>Debug-Modus</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="384" />
        <source>Show the thinking and progress panels and the Live sessions visualizer</source>
        <translation>Denk- und Fortschrittsbereich sowie die Live-Sitzungen anzeigen</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="388" />
        <location filename="../qml/SettingsDialog.qml" line="395" />
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="392" />
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="397" />
        <location filename="../qml/SettingsDialog.qml" line="403" />
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="400" />
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="400" />
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="400" />
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../qml/Sidebar.qml" line="35" />
        <source>Ponder</source>
        <translation>Ponder</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="45" />
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="47" />
        <source>Settings (Ctrl+,)</source>
        <translation>Einstellungen (Strg+,)</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="54" />
        <source>New chat</source>
        <translation>Neuer Chat</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="58" />
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>Neue Unterhaltung beginnen (Strg+N)</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="65" />
        <source>Chats</source>
        <translation>Chats</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="70" />
        <source>Live sessions (%1)</source>
        <translation>Live-Sitzungen (%1)</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="71" />
        <source>Live sessions</source>
        <translation>Live-Sitzungen</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="84" />
        <location filename="../qml/Sidebar.qml" line="87" />
        <source>Search conversations</source>
        <translation>Unterhaltungen durchsuchen</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="96" />
        <source>Stateless mode: conversations are not saved.</source>
        <translation>Zustandsloser Modus: Unterhaltungen werden nicht gespeichert.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="97" />
        <source>No conversation matches.</source>
        <translation>Keine Unterhaltung passt.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="98" />
        <source>Your conversations will appear here.</source>
        <translation>Deine Unterhaltungen erscheinen hier.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="139" />
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="154" />
        <source>Rename…</source>
        <translation>Umbenennen…</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="158" />
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="178" />
        <source>No session yet. Chats from this window, requests to the local endpoint and agents publishing to the streaming API appear here.</source>
        <translation>Noch keine Sitzung. Chats aus diesem Fenster, Anfragen an den lokalen Endpunkt und Agenten, die an die Streaming-API senden, erscheinen hier.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="179" />
        <source>Every session in the hub, from this window and from outside. Pick one to watch it think.</source>
        <translation>Alle Sitzungen im Hub, aus diesem Fenster und von außen. Wähle eine, um ihr beim Denken zuzusehen.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="227" />
        <source>chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="227" />
        <source>agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="255" />
        <source>Rename conversation</source>
        <translation>Unterhaltung umbenennen</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="260" />
        <source>Title</source>
        <translation>Titel</translation>
    </message>
</context>
<context>
    <name>ThinkingPanel</name>
    <message>
        <location filename="../qml/ThinkingPanel.qml" line="21" />
        <source>Thinking</source>
        <translation>Denken</translation>
    </message>
    <message>
        <location filename="../qml/ThinkingPanel.qml" line="31" />
        <source>thinking…</source>
        <translation>denkt nach…</translation>
    </message>
    <message>
        <location filename="../qml/ThinkingPanel.qml" line="32" />
        <source>thought for %1 s</source>
        <translation>%1 s nachgedacht</translation>
    </message>
    <message>
        <location filename="../qml/ThinkingPanel.qml" line="42" />
        <source>Steps appear here while a model reasons. Models without reasoning answer straight away.</source>
        <translation>Hier erscheinen Schritte, während ein Modell nachdenkt. Modelle ohne Denkphase antworten sofort.</translation>
    </message>
    <message>
        <location filename="../qml/ThinkingPanel.qml" line="62" />
        <source>Reasoning text</source>
        <translation>Denktext</translation>
    </message>
    <message>
        <location filename="../qml/ThinkingPanel.qml" line="71" />
        <source>Show or hide the reasoning text</source>
        <translation>Denktext ein- oder ausblenden</translation>
    </message>
</context>
<context>
    <name>ThinkingStepDelegate</name>
    <message>
        <location filename="../qml/ThinkingStepDelegate.qml" line="41" />
        <source>%1% sure</source>
        <translation>%1 % sicher</translation>
    </message>
    <message>
        <location filename="../qml/ThinkingStepDelegate.qml" line="61" />
        <source>Reasoning chain (%1)</source>
        <translation>Gedankenkette (%1)</translation>
    </message>
</context>
<context>
    <name>UpstreamProbe</name>
    <message numerus="yes">
        <location filename="../qml/settings/UpstreamProbe.cpp" line="34" />
        <source>Connected: %n model(s) available.</source>
        <translation><numerusform>Verbunden: %n Modell verfügbar.</numerusform><numerusform>Verbunden: %n Modelle verfügbar.</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/settings/UpstreamProbe.cpp" line="36" />
        <source>No answer: %1</source>
        <translation>Keine Antwort: %1</translation>
    </message>
</context>
</TS>