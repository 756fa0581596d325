<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ChatAdvice</name>
    <message>
        <source>The model server does not have this model. Pick another model, or download it first (for Ollama: ollama pull NAME).</source>
        <translation type="vanished">The model server does not have this model. Pick another model, or download it first (for Ollama: ollama pull NAME).</translation>
    </message>
    <message>
        <source>The model server is rate limiting Ponder and asked it to wait.</source>
        <translation type="vanished">The model server is rate limiting Ponder and asked it to wait.</translation>
    </message>
    <message>
        <source>The model server is not answering. Start it (for Ollama: ollama serve), or fix its URL in Settings.</source>
        <translation type="vanished">The model server is not answering. Start it (for Ollama: ollama serve), or fix its URL in Settings.</translation>
    </message>
    <message>
        <source>The model server went silent. It may still be loading the model: try again.</source>
        <translation type="vanished">The model server went silent. It may still be loading the model: try again.</translation>
    </message>
    <message>
        <source>The answer broke off before it was done. Retry to get it whole.</source>
        <translation type="vanished">The answer broke off before it was done. Retry to get it whole.</translation>
    </message>
    <message>
        <source>The model server refused Ponder&apos;s API key. Check the key in Settings.</source>
        <translation type="vanished">The model server refused Ponder&apos;s API key. Check the key in Settings.</translation>
    </message>
    <message>
        <source>Ponder is already running as many answers as it allows. Try again in a moment.</source>
        <translation type="vanished">Ponder is already running as many answers as it allows. Try again in a moment.</translation>
    </message>
    <message>
        <source>The model server refused the request.</source>
        <translation type="vanished">The model server refused the request.</translation>
    </message>
    <message>
        <source>The model server reported an error.</source>
        <translation type="vanished">The model server reported an error.</translation>
    </message>
</context>
<context>
    <name>ChatController</name>
    <message>
        <location filename="../qml/chat/ChatController.cpp" line="209"/>
        <source>Sending to %1…</source>
        <translation>Sending to %1…</translation>
    </message>
    <message>
        <source>The answer was cut off at the token limit.</source>
        <translation type="vanished">The answer was cut off at the token limit.</translation>
    </message>
    <message>
        <source>%1 Pick another model.</source>
        <translation type="vanished">%1 Pick another model.</translation>
    </message>
</context>
<context>
    <name>ChatPage</name>
    <message>
        <location filename="../qml/ChatPage.qml" line="48"/>
        <source>Watch language models think.</source>
        <translation>Watch language models think.</translation>
    </message>
    <message>
        <location filename="../qml/ChatPage.qml" line="61"/>
        <source>Ask anything. The answer streams in here; the model&apos;s reasoning and the request&apos;s progress appear beside it as they happen.</source>
        <translation>Ask anything. The answer streams in here; the model&apos;s reasoning and the request&apos;s progress appear beside it as they happen.</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <location filename="../qml/CodeBlock.qml" line="32"/>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <location filename="../qml/CodeBlock.qml" line="43"/>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
    <message>
        <location filename="../qml/CodeBlock.qml" line="43"/>
        <location filename="../qml/CodeBlock.qml" line="50"/>
        <source>Copy code</source>
        <translation>Copy code</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../qml/Composer.qml" line="24"/>
        <source>Think: off</source>
        <translation>Think: off</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="25"/>
        <source>Think: on</source>
        <translation>Think: on</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="26"/>
        <source>Think: low</source>
        <translation>Think: low</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="27"/>
        <source>Think: medium</source>
        <translation>Think: medium</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="28"/>
        <source>Think: high</source>
        <translation>Think: high</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="29"/>
        <source>Think: auto</source>
        <translation>Think: auto</translation>
    </message>
    <message>
        <source>Message the model (Enter to send, Shift+Enter for a new line)</source>
        <translation type="vanished">Message the model (Enter to send, Shift+Enter for a new line)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="65"/>
        <source>Message the model</source>
        <translation>Message the model</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="66"/>
        <location filename="../qml/Composer.qml" line="139"/>
        <source>No model to talk to yet</source>
        <translation>No model to talk to yet</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="73"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="121"/>
        <source>How much the model thinks</source>
        <translation>How much the model thinks</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="123"/>
        <source>How much the model reasons before it answers; remembered for this model</source>
        <translation>How much the model reasons before it answers; remembered for this model</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="135"/>
        <source>Esc stops</source>
        <translation>Esc stops</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="136"/>
        <source>Enter sends · Shift+Enter: new line</source>
        <translation>Enter sends · Shift+Enter: new line</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="140"/>
        <source>Enter sends</source>
        <translation>Enter sends</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="144"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="144"/>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="148"/>
        <source>Stop the answer</source>
        <translation>Stop the answer</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="148"/>
        <source>Send the message</source>
        <translation>Send the message</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="150"/>
        <source>Stop (Esc)</source>
        <translation>Stop (Esc)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="150"/>
        <source>Send (Enter)</source>
        <translation>Send (Enter)</translation>
    </message>
</context>
<context>
    <name>EventStoreStatus</name>
    <message>
        <source>Now: in memory, healthy.</source>
        <translation type="vanished">Now: in memory, healthy.</translation>
    </message>
    <message>
        <source>Now: Redis, connected.</source>
        <translation type="vanished">Now: Redis, connected.</translation>
    </message>
    <message>
        <source>Now: Redis, degraded (%1). Events are buffered until it is back.</source>
        <translation type="vanished">Now: Redis, degraded (%1). Events are buffered until it is back.</translation>
    </message>
</context>
<context>
    <name>InsightPanel</name>
    <message>
        <location filename="../qml/InsightPanel.qml" line="38"/>
        <source>Thinking</source>
        <translation>Thinking</translation>
    </message>
    <message>
        <location filename="../qml/InsightPanel.qml" line="51"/>
        <source>thinking…</source>
        <translation>thinking…</translation>
    </message>
    <message>
        <location filename="../qml/InsightPanel.qml" line="52"/>
        <source>thought for %1 s</source>
        <translation>thought for %1 s</translation>
    </message>
    <message>
        <location filename="../qml/InsightPanel.qml" line="74"/>
        <source>This chat&apos;s timeline is no longer kept: Ponder keeps events until it quits or they expire. Each answer keeps its reasoning, folded above its text.</source>
        <translation>This chat&apos;s timeline is no longer kept: Ponder keeps events until it quits or they expire. Each answer keeps its reasoning, folded above its text.</translation>
    </message>
    <message>
        <location filename="../qml/InsightPanel.qml" line="75"/>
        <source>The request&apos;s timeline appears here: the model&apos;s reasoning as it streams, with its steps marked along it. Models without reasoning answer straight away.</source>
        <translation>The request&apos;s timeline appears here: the model&apos;s reasoning as it streams, with its steps marked along it. Models without reasoning answer straight away.</translation>
    </message>
</context>
<context>
    <name>LiveSessionPage</name>
    <message>
        <source>Session %1 · ended</source>
        <translation type="vanished">Session %1 · ended</translation>
    </message>
    <message>
        <source>Session %1 · watching live</source>
        <translation type="vanished">Session %1 · watching live</translation>
    </message>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="68"/>
        <source>session %1</source>
        <translation>session %1</translation>
    </message>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="72"/>
        <source>ended</source>
        <translation>ended</translation>
    </message>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="75"/>
        <source>still open</source>
        <translation>still open</translation>
    </message>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="77"/>
        <source>watching live</source>
        <translation>watching live</translation>
    </message>
    <message>
        <source>This session cannot be watched: %1</source>
        <translation type="vanished">This session cannot be watched: %1</translation>
    </message>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="108"/>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="164"/>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="183"/>
        <source>Answer</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="222"/>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/LiveSessionPage.qml" line="233"/>
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/LiveSessionPage.qml" line="247"/>
        <source>Ponder no longer keeps %n earlier step(s) of this session: it keeps the last ones of each session.</source>
        <translation>
            <numerusform>Ponder no longer keeps %n earlier step of this session: it keeps the last ones of each session.</numerusform>
            <numerusform>Ponder no longer keeps %n earlier steps of this session: it keeps the last ones of each session.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="255"/>
        <source>Nothing yet. Steps, progress and reasoning appear here as the session publishes them.</source>
        <translation>Nothing yet. Steps, progress and reasoning appear here as the session publishes them.</translation>
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
        <translation type="vanished">Watch language models think.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="27"/>
        <source>Ponder — %1</source>
        <translation>Ponder — %1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="207"/>
        <source>Hide the sidebar</source>
        <translation>Hide the sidebar</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="207"/>
        <source>Show the sidebar</source>
        <translation>Show the sidebar</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="209"/>
        <source>Sidebar (Ctrl+B)</source>
        <translation>Sidebar (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="226"/>
        <location filename="../qml/Main.qml" line="228"/>
        <source>No model</source>
        <translation>No model</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="227"/>
        <source>%1 (not answering)</source>
        <translation>%1 (not answering)</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="231"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="233"/>
        <source>The model that answers</source>
        <translation>The model that answers</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="256"/>
        <source>thinks</source>
        <translation>thinks</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="257"/>
        <source>tools</source>
        <translation>tools</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="258"/>
        <source>vision</source>
        <translation>vision</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="260"/>
        <source>agent</source>
        <translation>agent</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="295"/>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="336"/>
        <source>Refresh models</source>
        <translation>Refresh models</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="338"/>
        <source>Ask the upstreams for their models again</source>
        <translation>Ask the upstreams for their models again</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="351"/>
        <source>Asking the upstreams…</source>
        <translation>Asking the upstreams…</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="360"/>
        <source>Live session</source>
        <translation>Live session</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="388"/>
        <source>Local endpoint: %1/v1</source>
        <translation>Local endpoint: %1/v1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="389"/>
        <source>Local endpoint: off</source>
        <translation>Local endpoint: off</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="391"/>
        <source>The local endpoint could not start: %1</source>
        <translation>The local endpoint could not start: %1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="393"/>
        <source>Reading the keychain…</source>
        <translation>Reading the keychain…</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="395"/>
        <source>Starting the local endpoint…</source>
        <translation>Starting the local endpoint…</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="407"/>
        <source>Hide thinking</source>
        <translation>Hide thinking</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="407"/>
        <source>Show thinking</source>
        <translation>Show thinking</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="54"/>
        <location filename="../qml/MessageDelegate.qml" line="213"/>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="57"/>
        <location filename="../qml/MessageDelegate.qml" line="216"/>
        <source>Copy message</source>
        <translation>Copy message</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="104"/>
        <source>Thinking…</source>
        <translation>Thinking…</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="107"/>
        <source>Reasoning</source>
        <translation>Reasoning</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="108"/>
        <source>Thought for %1 s</source>
        <translation>Thought for %1 s</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="159"/>
        <source>Stopped.</source>
        <translation>Stopped.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/MessageDelegate.qml" line="163"/>
        <source>Trying again in %n s…</source>
        <translation>
            <numerusform>Trying again in %n s…</numerusform>
            <numerusform>Trying again in %n s…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="166"/>
        <source>The answer was cut off at the token limit.</source>
        <translation>The answer was cut off at the token limit.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/MessageDelegate.qml" line="192"/>
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="196"/>
        <source>first token after %1</source>
        <translation>first token after %1</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="200"/>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="202"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation type="vanished">%1 tokens/s</translation>
    </message>
    <message>
        <source>first token after %1 s</source>
        <translation type="vanished">first token after %1 s</translation>
    </message>
    <message>
        <source>first token after %1 ms</source>
        <translation type="vanished">first token after %1 ms</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="221"/>
        <source>Regenerate</source>
        <translation>Regenerate</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="221"/>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="224"/>
        <source>Regenerate the answer</source>
        <translation>Regenerate the answer</translation>
    </message>
</context>
<context>
    <name>MilestoneLine</name>
    <message>
        <location filename="../qml/MilestoneLine.qml" line="51"/>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>ModelCatalog</name>
    <message numerus="yes">
        <location filename="../qml/chat/ModelCatalog.cpp" line="114"/>
        <source>%n model(s) at %1</source>
        <translation>
            <numerusform>%n model at %1</numerusform>
            <numerusform>%n models at %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/chat/ModelCatalog.cpp" line="115"/>
        <source>No upstream answered.</source>
        <translation>No upstream answered.</translation>
    </message>
    <message>
        <location filename="../qml/chat/ModelCatalog.cpp" line="116"/>
        <source>Found %1.</source>
        <translation>Found %1.</translation>
    </message>
    <message>
        <location filename="../qml/chat/ModelCatalog.cpp" line="118"/>
        <source>Not answering: %1.</source>
        <translation>Not answering: %1.</translation>
    </message>
</context>
<context>
    <name>NoUpstreamPanel</name>
    <message>
        <location filename="../qml/NoUpstreamPanel.qml" line="23"/>
        <source>No model server is answering</source>
        <translation>No model server is answering</translation>
    </message>
    <message>
        <location filename="../qml/NoUpstreamPanel.qml" line="33"/>
        <source>Ponder talks to a model server you run or use. It asked these and got no models:</source>
        <translation>Ponder talks to a model server you run or use. It asked these and got no models:</translation>
    </message>
    <message>
        <location filename="../qml/NoUpstreamPanel.qml" line="81"/>
        <source>To fix it, either:

1. start **Ollama** (`ollama serve`) and pull a model (`ollama pull qwen3`), or
2. add an **OpenAI-compatible** server (llama.cpp, vLLM, LM Studio, OpenAI) with its URL and key in Settings.</source>
        <translation>To fix it, either:

1. start **Ollama** (`ollama serve`) and pull a model (`ollama pull qwen3`), or
2. add an **OpenAI-compatible** server (llama.cpp, vLLM, LM Studio, OpenAI) with its URL and key in Settings.</translation>
    </message>
    <message>
        <location filename="../qml/NoUpstreamPanel.qml" line="86"/>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../qml/NoUpstreamPanel.qml" line="92"/>
        <source>Open settings</source>
        <translation>Open settings</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <location filename="../qml/settings/Preferences.cpp" line="257"/>
        <source>Leave the password out of the URL and save it in the password field: the URL is kept in plain text.</source>
        <translation>Leave the password out of the URL and save it in the password field: the URL is kept in plain text.</translation>
    </message>
    <message>
        <location filename="../qml/settings/Preferences.cpp" line="267"/>
        <source>&apos;%1&apos; is not an IP address (for example 127.0.0.1, or 0.0.0.0 for every interface)</source>
        <translation>&apos;%1&apos; is not an IP address (for example 127.0.0.1, or 0.0.0.0 for every interface)</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Waiting for the model</source>
        <translation type="vanished">Waiting for the model</translation>
    </message>
    <message>
        <source>Generating</source>
        <translation type="vanished">Generating</translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="vanished">Done</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="vanished">Failed</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="vanished">Stopped</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation type="vanished">Idle</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="vanished">Progress</translation>
    </message>
    <message>
        <source>Check that the model server is running and the model exists, then try again. Settings lists the upstreams and can test them.</source>
        <translation type="vanished">Check that the model server is running and the model exists, then try again. Settings lists the upstreams and can test them.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="vanished">Step</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="vanished">%1 of %2</translation>
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
        <translation type="vanished">First token</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="vanished">%1 ms</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation type="vanished">Elapsed</translation>
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
        <translation>Stopped.</translation>
    </message>
</context>
<context>
    <name>SecretEditor</name>
    <message>
        <location filename="../qml/settings/SecretEditor.cpp" line="73"/>
        <source>The key for %1 is saved in the keychain.</source>
        <translation>The key for %1 is saved in the keychain.</translation>
    </message>
    <message>
        <location filename="../qml/settings/SecretEditor.cpp" line="86"/>
        <source>The key for %1 is removed from the keychain.</source>
        <translation>The key for %1 is removed from the keychain.</translation>
    </message>
    <message>
        <location filename="../qml/settings/SecretEditor.cpp" line="111"/>
        <source>A new API token is saved in the keychain; the local endpoint requires it from the next start.</source>
        <translation>A new API token is saved in the keychain; the local endpoint requires it from the next start.</translation>
    </message>
    <message>
        <location filename="../qml/settings/SecretEditor.cpp" line="124"/>
        <source>The API token is removed; from the next start the local endpoint needs no login.</source>
        <translation>The API token is removed; from the next start the local endpoint needs no login.</translation>
    </message>
    <message>
        <location filename="../qml/settings/SecretEditor.cpp" line="137"/>
        <source>The password for %1 is saved in the keychain; it is used from the next start.</source>
        <translation>The password for %1 is saved in the keychain; it is used from the next start.</translation>
    </message>
    <message>
        <location filename="../qml/settings/SecretEditor.cpp" line="150"/>
        <source>The password for %1 is removed from the keychain.</source>
        <translation>The password for %1 is removed from the keychain.</translation>
    </message>
    <message>
        <source>Keychain: %1. Nothing is stored in plain text instead.</source>
        <translation type="vanished">Keychain: %1. Nothing is stored in plain text instead.</translation>
    </message>
</context>
<context>
    <name>SessionStatus</name>
    <message>
        <location filename="../qml/SessionStatus.qml" line="35"/>
        <source>Waiting for the first token</source>
        <translation>Waiting for the first token</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="37"/>
        <source>Reasoning</source>
        <translation>Reasoning</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="37"/>
        <source>Writing the answer</source>
        <translation>Writing the answer</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="37"/>
        <source>Generating</source>
        <translation>Generating</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="40"/>
        <location filename="../qml/SessionStatus.qml" line="52"/>
        <source>Stopped.</source>
        <translation>Stopped.</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="120"/>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="137"/>
        <source>%1 (step %2 of %3)</source>
        <translation>%1 (step %2 of %3)</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="139"/>
        <source>Step %1 of %2</source>
        <translation>Step %1 of %2</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="149"/>
        <source>about %1 left</source>
        <translation>about %1 left</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="150"/>
        <source>taking longer than expected</source>
        <translation>taking longer than expected</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="151"/>
        <source>Time left: %1</source>
        <translation>Time left: %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation type="vanished">%1 left</translation>
    </message>
    <message>
        <source>Check that the model server is running and the model exists, then try again. Settings lists the upstreams and can test them.</source>
        <translation type="vanished">Check that the model server is running and the model exists, then try again. Settings lists the upstreams and can test them.</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="209"/>
        <source>tokens/s</source>
        <translation>tokens/s</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="214"/>
        <source>tokens</source>
        <translation>tokens</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="216"/>
        <source>first token</source>
        <translation>first token</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="22"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="32"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="133"/>
        <source>Models</source>
        <translation>Models</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="134"/>
        <source>Local server</source>
        <translation>Local server</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="135"/>
        <source>Event store</source>
        <translation>Event store</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="136"/>
        <source>Appearance</source>
        <translation>Appearance</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="154"/>
        <source>Server settings changed. They take effect when Ponder restarts.</source>
        <translation>Server settings changed. They take effect when Ponder restarts.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="157"/>
        <source>Restart now</source>
        <translation>Restart now</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="190"/>
        <source>Upstreams</source>
        <translation>Upstreams</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="191"/>
        <source>The model servers Ponder talks to. Their models are listed together in the model picker and at /v1/models.</source>
        <translation>The model servers Ponder talks to. Their models are listed together in the model picker and at /v1/models.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="88"/>
        <source>not in use yet</source>
        <translation>not in use yet</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="86"/>
        <source>reachable</source>
        <translation>reachable</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="86"/>
        <source>not reachable</source>
        <translation>not reachable</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="87"/>
        <source>checking…</source>
        <translation>checking…</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="88"/>
        <source>used without --upstream</source>
        <translation>used without --upstream</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="97"/>
        <location filename="../qml/SettingsDialog.qml" line="370"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="197"/>
        <source>Ponder was started with --upstream, so it uses these servers; the saved ones below apply when it starts without it.</source>
        <translation>Ponder was started with --upstream, so it uses these servers; the saved ones below apply when it starts without it.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="211"/>
        <source>Saved upstreams</source>
        <translation>Saved upstreams</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="221"/>
        <source>Add an upstream</source>
        <translation>Add an upstream</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="228"/>
        <source>Kind of server</source>
        <translation>Kind of server</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="235"/>
        <source>Server URL</source>
        <translation>Server URL</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="245"/>
        <source>API key (optional; kept in the OS keychain)</source>
        <translation>API key (optional; kept in the OS keychain)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="246"/>
        <source>API key</source>
        <translation>API key</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="251"/>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="258"/>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>No keychain answers (%1). API keys cannot be saved, so Ponder runs without them; give one with PONDER_OPENAI_API_KEY instead.</source>
        <translation type="vanished">No keychain answers (%1). API keys cannot be saved, so Ponder runs without them; give one with PONDER_OPENAI_API_KEY instead.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="309"/>
        <source>AG-UI agents</source>
        <translation>AG-UI agents</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="310"/>
        <source>Agents that speak AG-UI, as NAME=URL. Each is offered beside the models and relayed at /agui/NAME; its steps, reasoning and tool calls show in the timeline.</source>
        <translation>Agents that speak AG-UI, as NAME=URL. Each is offered beside the models and relayed at /agui/NAME; its steps, reasoning and tool calls show in the timeline.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="315"/>
        <source>Ponder was started with --agent, so it runs these agents; the saved ones below apply when it starts without it.</source>
        <translation>Ponder was started with --agent, so it runs these agents; the saved ones below apply when it starts without it.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="334"/>
        <source>in use</source>
        <translation>in use</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="343"/>
        <source>Saved agents</source>
        <translation>Saved agents</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="364"/>
        <source>used without --agent</source>
        <translation>used without --agent</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="388"/>
        <source>Agent as NAME=URL</source>
        <translation>Agent as NAME=URL</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="393"/>
        <source>Add agent</source>
        <translation>Add agent</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="422"/>
        <source>Local endpoint</source>
        <translation>Local endpoint</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="425"/>
        <source>Running at %1. Open WebUI, editors and the openai SDKs can use %1/v1.</source>
        <translation>Running at %1. Open WebUI, editors and the openai SDKs can use %1/v1.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="426"/>
        <source>Not running.</source>
        <translation>Not running.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="429"/>
        <source>Serve the OpenAI-compatible and streaming APIs</source>
        <translation>Serve the OpenAI-compatible and streaming APIs</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="436"/>
        <location filename="../qml/SettingsDialog.qml" line="441"/>
        <source>Address</source>
        <translation>Address</translation>
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
        <translation>In use now: %1, given on the command line (--port), which wins over the saved port.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="462"/>
        <source>In use now: %1. The saved port applies from the next start.</source>
        <translation>In use now: %1. The saved port applies from the next start.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="464"/>
        <location filename="../qml/SettingsDialog.qml" line="470"/>
        <source>Allowed origins</source>
        <translation>Allowed origins</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="473"/>
        <source>Keep the address 127.0.0.1 unless other machines must reach Ponder. Browser pages from other origins are refused unless listed here.</source>
        <translation>Keep the address 127.0.0.1 unless other machines must reach Ponder. Browser pages from other origins are refused unless listed here.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="475"/>
        <source>Stateless: never write conversations to disk</source>
        <translation>Stateless: never write conversations to disk</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="479"/>
        <location filename="../qml/SettingsDialog.qml" line="491"/>
        <source>API token</source>
        <translation>API token</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="480"/>
        <source>With a token, clients must send it (Authorization: Bearer …). Without one, local programs need no login.</source>
        <translation>With a token, clients must send it (Authorization: Bearer …). Without one, local programs need no login.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="488"/>
        <source>No token: zero-login</source>
        <translation>No token: zero-login</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="493"/>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="495"/>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="505"/>
        <source>Generate new token</source>
        <translation>Generate new token</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="506"/>
        <source>Remove token</source>
        <translation>Remove token</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="526"/>
        <source>Where thinking and progress events are kept</source>
        <translation>Where thinking and progress events are kept</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="532"/>
        <source>Ponder was started with --redis %1, so it keeps events there; the choice below applies when it starts without it.</source>
        <extracomment>%1 is the Redis URL given on the command line</extracomment>
        <translation>Ponder was started with --redis %1, so it keeps events there; the choice below applies when it starts without it.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="536"/>
        <source>In memory (this Ponder only)</source>
        <translation>In memory (this Ponder only)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="542"/>
        <source>Redis Streams (shared by several Ponder backends)</source>
        <translation>Redis Streams (shared by several Ponder backends)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="551"/>
        <source>Redis URL</source>
        <translation>Redis URL</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="567"/>
        <source>Password, if Redis needs one (kept in the keychain)</source>
        <translation>Password, if Redis needs one (kept in the keychain)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="568"/>
        <source>Redis password</source>
        <translation>Redis password</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="571"/>
        <source>Save password</source>
        <translation>Save password</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="578"/>
        <source>Remove password</source>
        <translation>Remove password</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="594"/>
        <source>Check now</source>
        <translation>Check now</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="604"/>
        <source>Debug mode</source>
        <translation>Debug mode</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="606"/>
        <source>Show the thinking and progress panels and the Live sessions visualizer</source>
        <translation>Show the thinking and progress panels and the Live sessions visualizer</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="624"/>
        <location filename="../qml/SettingsDialog.qml" line="651"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="636"/>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="653"/>
        <location filename="../qml/SettingsDialog.qml" line="677"/>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="662"/>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="660"/>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="294"/>
        <source>API keys cannot be saved, so Ponder runs without them; give one with PONDER_OPENAI_API_KEY instead.</source>
        <translation>API keys cannot be saved, so Ponder runs without them; give one with PONDER_OPENAI_API_KEY instead.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="661"/>
        <source>Dark</source>
        <translation>Dark</translation>
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
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="54"/>
        <source>Settings (Ctrl+,)</source>
        <translation>Settings (Ctrl+,)</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="61"/>
        <source>New chat</source>
        <translation>New chat</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="65"/>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>Start a new conversation (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="72"/>
        <source>Chats</source>
        <translation>Chats</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="77"/>
        <source>Live sessions (%1)</source>
        <translation>Live sessions (%1)</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="78"/>
        <source>Live sessions</source>
        <translation>Live sessions</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="91"/>
        <location filename="../qml/Sidebar.qml" line="94"/>
        <source>Search conversations</source>
        <translation>Search conversations</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="103"/>
        <source>Stateless mode: conversations are not saved.</source>
        <translation>Stateless mode: conversations are not saved.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="104"/>
        <source>No conversation matches.</source>
        <translation>No conversation matches.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="105"/>
        <source>Your conversations will appear here.</source>
        <translation>Your conversations will appear here.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="210"/>
        <source>No session running. Ended ones are cleared from this list; new ones appear here as they start.</source>
        <translation>No session running. Ended ones are cleared from this list; new ones appear here as they start.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="268"/>
        <source>%1
Session %2
From %3
Started %4</source>
        <extracomment>Tooltip of a row in Live sessions: %1 its title, %2 its id, %3 where it came from, %4 when it started</extracomment>
        <translation>%1
Session %2
From %3
Started %4</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="311"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="313"/>
        <source>started %1</source>
        <translation>started %1</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="314"/>
        <source>ended %1</source>
        <translation>ended %1</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="363"/>
        <source>Chat deleted</source>
        <translation>Chat deleted</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="412"/>
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="416"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="187"/>
        <location filename="../qml/Sidebar.qml" line="189"/>
        <source>Filter sessions</source>
        <translation>Filter sessions</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="195"/>
        <source>Clear ended</source>
        <translation>Clear ended</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="201"/>
        <source>Take finished, failed, stopped and ended sessions off this list</source>
        <translation>Take finished, failed, stopped and ended sessions off this list</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="209"/>
        <source>No session matches.</source>
        <translation>No session matches.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="211"/>
        <source>No session yet. Chats from this window, requests to the local endpoint and agents publishing to the streaming API appear here.</source>
        <translation>No session yet. Chats from this window, requests to the local endpoint and agents publishing to the streaming API appear here.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="264"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Every session in the hub, from this window and from outside. Pick one to watch it think.</source>
        <translation type="vanished">Every session in the hub, from this window and from outside. Pick one to watch it think.</translation>
    </message>
    <message>
        <source>chat</source>
        <translation type="vanished">chat</translation>
    </message>
    <message>
        <source>agent</source>
        <translation type="vanished">agent</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation type="vanished">Deleted “%1”</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="370"/>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="380"/>
        <source>Undo deleting the chat</source>
        <translation>Undo deleting the chat</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="435"/>
        <source>Rename conversation</source>
        <translation>Rename conversation</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="442"/>
        <source>Rename</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="446"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="456"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
</context>
<context>
    <name>Sparkline</name>
    <message>
        <location filename="../qml/Sparkline.qml" line="18"/>
        <source>Tokens per second over time, now %1</source>
        <translation>Tokens per second over time, now %1</translation>
    </message>
    <message>
        <location filename="../qml/Sparkline.qml" line="19"/>
        <source>Tokens per second over time</source>
        <translation>Tokens per second over time</translation>
    </message>
</context>
<context>
    <name>StepCard</name>
    <message>
        <location filename="../qml/StepCard.qml" line="72"/>
        <source>Fold the nested steps</source>
        <translation>Fold the nested steps</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="72"/>
        <source>Unfold the nested steps</source>
        <translation>Unfold the nested steps</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="97"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="98"/>
        <source>Step %1</source>
        <translation>Step %1</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="112"/>
        <source>%1% sure</source>
        <translation>%1% sure</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="120"/>
        <source>running %1</source>
        <translation>running %1</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="143"/>
        <source>&lt;b&gt;Considered:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Considered:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="152"/>
        <source>&lt;b&gt;Because:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Because:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="168"/>
        <source>in: %1</source>
        <translation>in: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="169"/>
        <source>out: %1</source>
        <translation>out: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="175"/>
        <source>Reasoning chain (%1)</source>
        <translation>Reasoning chain (%1)</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="176"/>
        <source>Attributes</source>
        <translation>Attributes</translation>
    </message>
</context>
<context>
    <name>ThinkingPanel</name>
    <message>
        <source>Thinking</source>
        <translation type="vanished">Thinking</translation>
    </message>
    <message>
        <source>thinking…</source>
        <translation type="vanished">thinking…</translation>
    </message>
    <message>
        <source>thought for %1 s</source>
        <translation type="vanished">thought for %1 s</translation>
    </message>
    <message>
        <source>Steps appear here while a model reasons. Models without reasoning answer straight away.</source>
        <translation type="vanished">Steps appear here while a model reasons. Models without reasoning answer straight away.</translation>
    </message>
    <message>
        <source>Reasoning text</source>
        <translation type="vanished">Reasoning text</translation>
    </message>
    <message>
        <source>Show or hide the reasoning text</source>
        <translation type="vanished">Show or hide the reasoning text</translation>
    </message>
</context>
<context>
    <name>ThinkingStepDelegate</name>
    <message>
        <source>Initialization</source>
        <translation type="vanished">Initialization</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation type="vanished">Analysis</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="vanished">Decision</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation type="vanished">Planning</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation type="vanished">Evaluation</translation>
    </message>
    <message>
        <source>Risk assessment</source>
        <translation type="vanished">Risk assessment</translation>
    </message>
    <message>
        <source>Service selection</source>
        <translation type="vanished">Service selection</translation>
    </message>
    <message>
        <source>Workflow generation</source>
        <translation type="vanished">Workflow generation</translation>
    </message>
    <message>
        <source>Execution planning</source>
        <translation type="vanished">Execution planning</translation>
    </message>
    <message>
        <source>Result analysis</source>
        <translation type="vanished">Result analysis</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="vanished">%1 · %2</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation type="vanished">Step %1</translation>
    </message>
    <message>
        <source>%1% sure</source>
        <translation type="vanished">%1% sure</translation>
    </message>
    <message>
        <source>Reasoning chain (%1)</source>
        <translation type="vanished">Reasoning chain (%1)</translation>
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
        <translation>Step %1</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../qml/TimelineView.qml" line="43"/>
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
</context>
<context>
    <name>UpstreamProbe</name>
    <message numerus="yes">
        <location filename="../qml/settings/UpstreamProbe.cpp" line="23"/>
        <source>Connected: %n model(s) available.</source>
        <translation>
            <numerusform>Connected: %n model available.</numerusform>
            <numerusform>Connected: %n models available.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/settings/UpstreamProbe.cpp" line="25"/>
        <source>No answer: %1</source>
        <translation>No answer: %1</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../qml/Words.qml" line="20"/>
        <source>Initialization</source>
        <translation>Initialization</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="21"/>
        <source>Analysis</source>
        <translation>Analysis</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="22"/>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="23"/>
        <source>Planning</source>
        <translation>Planning</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="24"/>
        <source>Evaluation</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="25"/>
        <source>Risk assessment</source>
        <translation>Risk assessment</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="26"/>
        <source>Service selection</source>
        <translation>Service selection</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="27"/>
        <source>Workflow generation</source>
        <translation>Workflow generation</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="28"/>
        <source>Execution planning</source>
        <translation>Execution planning</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="29"/>
        <source>Result analysis</source>
        <translation>Result analysis</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="36"/>
        <source>agent</source>
        <translation>agent</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="37"/>
        <source>model</source>
        <translation>model</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="38"/>
        <source>tool</source>
        <translation>tool</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="39"/>
        <source>retrieval</source>
        <translation>retrieval</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="40"/>
        <source>embedding</source>
        <translation>embedding</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="41"/>
        <source>reasoning</source>
        <translation>reasoning</translation>
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
        <translation>just now</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/Words.qml" line="73"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/Words.qml" line="75"/>
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/Words.qml" line="76"/>
        <source>%n d ago</source>
        <translation>
            <numerusform>%n d ago</numerusform>
            <numerusform>%n d ago</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="81"/>
        <source>this window</source>
        <translation>this window</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="82"/>
        <source>an API client</source>
        <translation>an API client</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="83"/>
        <source>agent %1</source>
        <translation>agent %1</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="83"/>
        <source>an agent</source>
        <translation>an agent</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="84"/>
        <source>trace from %1</source>
        <translation>trace from %1</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="84"/>
        <source>an OpenTelemetry trace</source>
        <translation>an OpenTelemetry trace</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="91"/>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="92"/>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="93"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="94"/>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="95"/>
        <source>ended</source>
        <translation>ended</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="110"/>
        <source>finished</source>
        <translation>finished</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="111"/>
        <source>token limit</source>
        <translation>token limit</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="112"/>
        <source>tool calls</source>
        <translation>tool calls</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="113"/>
        <source>content filter</source>
        <translation>content filter</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="118"/>
        <source>%1 tokens/s</source>
        <translation>%1 tokens/s</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="136"/>
        <source>Request received</source>
        <translation>Request received</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="138"/>
        <source>The model server accepted it</source>
        <translation>The model server accepted it</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="140"/>
        <source>Reading the prompt, %1%</source>
        <translation>Reading the prompt, %1%</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="141"/>
        <source>Reading the prompt</source>
        <translation>Reading the prompt</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="143"/>
        <source>First token after %1</source>
        <translation>First token after %1</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="144"/>
        <source>First token</source>
        <translation>First token</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="147"/>
        <location filename="../qml/Words.qml" line="299"/>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="148"/>
        <source>Done in %1</source>
        <translation>Done in %1</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="150"/>
        <source>%1 prompt + %2 completion tokens</source>
        <translation>%1 prompt + %2 completion tokens</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/Words.qml" line="152"/>
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="158"/>
        <location filename="../qml/Words.qml" line="300"/>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="160"/>
        <location filename="../qml/Words.qml" line="301"/>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="162"/>
        <source>Session ended</source>
        <translation>Session ended</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="166"/>
        <source>Agent state: snapshot</source>
        <translation>Agent state: snapshot</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="168"/>
        <source>Agent state: changed</source>
        <translation>Agent state: changed</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="184"/>
        <source>%1 started run %2</source>
        <translation>%1 started run %2</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="184"/>
        <source>%1 started a run</source>
        <translation>%1 started a run</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="186"/>
        <source>%1 finished run %2</source>
        <translation>%1 finished run %2</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="186"/>
        <source>%1 finished its run</source>
        <translation>%1 finished its run</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="188"/>
        <source>Run %1 of %2 failed</source>
        <translation>Run %1 of %2 failed</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="188"/>
        <source>The run of %1 failed</source>
        <translation>The run of %1 failed</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="190"/>
        <source>Run %1 of %2 was stopped</source>
        <translation>Run %1 of %2 was stopped</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="190"/>
        <source>The run of %1 was stopped</source>
        <translation>The run of %1 was stopped</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/Words.qml" line="200"/>
        <location filename="../qml/Words.qml" line="201"/>
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/Words.qml" line="200"/>
        <location filename="../qml/Words.qml" line="206"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="204"/>
        <source>Trace started: %1</source>
        <translation>Trace started: %1</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="204"/>
        <source>Trace %1 started</source>
        <translation>Trace %1 started</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/Words.qml" line="206"/>
        <location filename="../qml/Words.qml" line="207"/>
        <source>%n step(s) done</source>
        <translation>
            <numerusform>%n step done</numerusform>
            <numerusform>%n steps done</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="209"/>
        <source>Trace done: %1</source>
        <translation>Trace done: %1</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="212"/>
        <source>Moved to session %1, the conversation a later span named</source>
        <extracomment>%1 is a session&apos;s id: the conversation a later span of the trace named</extracomment>
        <translation>Moved to session %1, the conversation a later span named</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="214"/>
        <source>The trace failed: %1</source>
        <translation>The trace failed: %1</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="219"/>
        <source>Its root span ended with an error and said no more.</source>
        <translation>Its root span ended with an error and said no more.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="229"/>
        <location filename="../qml/Words.qml" line="328"/>
        <source>%1 answered with HTTP status %2.</source>
        <translation>%1 answered with HTTP status %2.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="233"/>
        <source>%1 could not be reached. Is it running at the address in Settings?</source>
        <translation>%1 could not be reached. Is it running at the address in Settings?</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="235"/>
        <source>Ponder stopped waiting for %1.</source>
        <translation>Ponder stopped waiting for %1.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="236"/>
        <location filename="../qml/Words.qml" line="331"/>
        <source>%1 went silent, and Ponder stopped waiting.</source>
        <translation>%1 went silent, and Ponder stopped waiting.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="237"/>
        <source>%1 broke off the connection during the run.</source>
        <translation>%1 broke off the connection during the run.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="238"/>
        <source>The connection to %1 failed.</source>
        <translation>The connection to %1 failed.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="239"/>
        <source>%1 did not answer with an event stream.</source>
        <translation>%1 did not answer with an event stream.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="240"/>
        <source>%1 sent an event too large to relay.</source>
        <translation>%1 sent an event too large to relay.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="241"/>
        <source>%1 ended its stream before it finished the run.</source>
        <translation>%1 ended its stream before it finished the run.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="247"/>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="264"/>
        <source>Now: in memory, healthy.</source>
        <translation>Now: in memory, healthy.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="267"/>
        <source>Now: Redis, connected.</source>
        <translation>Now: Redis, connected.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="268"/>
        <source>Now: Redis, degraded (%1). Events are buffered until it is back.</source>
        <translation>Now: Redis, degraded (%1). Events are buffered until it is back.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="274"/>
        <source>Ponder no longer has this session: it was deleted, or it ended so long ago that it expired.</source>
        <translation>Ponder no longer has this session: it was deleted, or it ended so long ago that it expired.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="275"/>
        <source>This session cannot be watched now: the event store (Redis) does not answer. Select it again once Redis is back.</source>
        <translation>This session cannot be watched now: the event store (Redis) does not answer. Select it again once Redis is back.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="276"/>
        <source>The event store refused to show this session.</source>
        <translation>The event store refused to show this session.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="283"/>
        <source>No keychain answers.</source>
        <translation>No keychain answers.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="284"/>
        <source>The keychain refused Ponder access.</source>
        <translation>The keychain refused Ponder access.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="285"/>
        <source>The keychain reported an error.</source>
        <translation>The keychain reported an error.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="291"/>
        <source>Nothing is stored in plain text instead.</source>
        <translation>Nothing is stored in plain text instead.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="297"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="298"/>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="302"/>
        <source>Ended</source>
        <translation>Ended</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="303"/>
        <source>Idle</source>
        <translation>Idle</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="326"/>
        <source>%1 broke off the answer before it was done.</source>
        <translation>%1 broke off the answer before it was done.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="232"/>
        <location filename="../qml/Words.qml" line="330"/>
        <source>%1 could not be reached.</source>
        <translation>%1 could not be reached.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="332"/>
        <source>The secure connection to %1 failed.</source>
        <translation>The secure connection to %1 failed.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="334"/>
        <source>%1 reported an error.</source>
        <translation>%1 reported an error.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="335"/>
        <source>%1 sent an answer Ponder could not read.</source>
        <translation>%1 sent an answer Ponder could not read.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="341"/>
        <source>Not reachable: nothing answers at this address. Is the server running?</source>
        <translation>Not reachable: nothing answers at this address. Is the server running?</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="342"/>
        <source>It went silent, and Ponder stopped waiting.</source>
        <translation>It went silent, and Ponder stopped waiting.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="343"/>
        <source>The secure connection failed.</source>
        <translation>The secure connection failed.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="344"/>
        <source>It refused Ponder&apos;s API key.</source>
        <translation>It refused Ponder&apos;s API key.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="345"/>
        <source>Nothing found at this address: is the URL right?</source>
        <translation>Nothing found at this address: is the URL right?</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="346"/>
        <source>It asked Ponder to wait (too many requests).</source>
        <translation>It asked Ponder to wait (too many requests).</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="347"/>
        <source>It answered with an error.</source>
        <translation>It answered with an error.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="363"/>
        <source>Model not found</source>
        <translation>Model not found</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="364"/>
        <source>Rate limited</source>
        <translation>Rate limited</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="365"/>
        <source>Model server not reachable</source>
        <translation>Model server not reachable</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="366"/>
        <source>Model server went silent</source>
        <translation>Model server went silent</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="367"/>
        <source>The answer broke off</source>
        <translation>The answer broke off</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="368"/>
        <source>API key refused</source>
        <translation>API key refused</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="369"/>
        <source>Too many answers at once</source>
        <translation>Too many answers at once</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="370"/>
        <source>Request refused</source>
        <translation>Request refused</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="371"/>
        <source>Agent not reachable</source>
        <translation>Agent not reachable</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="372"/>
        <source>Agent went silent</source>
        <translation>Agent went silent</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="373"/>
        <source>Agent refused Ponder</source>
        <translation>Agent refused Ponder</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="374"/>
        <source>The agent reported an error</source>
        <translation>The agent reported an error</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="375"/>
        <source>The model server reported an error</source>
        <translation>The model server reported an error</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="383"/>
        <source>The model server does not have this model. Pick another model, or download it first (for Ollama: ollama pull NAME).</source>
        <translation>The model server does not have this model. Pick another model, or download it first (for Ollama: ollama pull NAME).</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="385"/>
        <source>The server is rate limiting Ponder and asked it to wait.</source>
        <translation>The server is rate limiting Ponder and asked it to wait.</translation>
    </message>
    <message>
        <source>The model server is rate limiting Ponder and asked it to wait.</source>
        <translation type="vanished">The model server is rate limiting Ponder and asked it to wait.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="387"/>
        <source>The model server is not answering. Start it (for Ollama: ollama serve), or fix its URL in Settings.</source>
        <translation>The model server is not answering. Start it (for Ollama: ollama serve), or fix its URL in Settings.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="389"/>
        <source>The model server went silent. It may still be loading the model: try again.</source>
        <translation>The model server went silent. It may still be loading the model: try again.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="391"/>
        <source>The answer broke off before it was done. Retry to get it whole.</source>
        <translation>The answer broke off before it was done. Retry to get it whole.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="392"/>
        <source>The stream broke off before any answer came. Retry.</source>
        <translation>The stream broke off before any answer came. Retry.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="394"/>
        <source>The model server refused Ponder&apos;s API key. Check the key in Settings.</source>
        <translation>The model server refused Ponder&apos;s API key. Check the key in Settings.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="396"/>
        <source>Ponder is already running as many answers as it allows. Try again in a moment.</source>
        <translation>Ponder is already running as many answers as it allows. Try again in a moment.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="398"/>
        <source>The model server refused the request.</source>
        <translation>The model server refused the request.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="400"/>
        <source>The agent is not answering. Is it running at the address in Settings?</source>
        <translation>The agent is not answering. Is it running at the address in Settings?</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="402"/>
        <source>The agent went silent. Try again.</source>
        <translation>The agent went silent. Try again.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="404"/>
        <source>The agent refused Ponder. Check its address and what it expects in Settings.</source>
        <translation>The agent refused Ponder. Check its address and what it expects in Settings.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="406"/>
        <source>The agent reported an error.</source>
        <translation>The agent reported an error.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="408"/>
        <source>The model server reported an error.</source>
        <translation>The model server reported an error.</translation>
    </message>
</context>
</TS>
