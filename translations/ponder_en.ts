<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>ChatController</name>
    <message>
        <location filename="../qml/chat/ChatController.cpp" line="120" />
        <source>Sending to %1…</source>
        <translation>Sending to %1…</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatController.cpp" line="133" />
        <source>The answer was cut off at the token limit.</source>
        <translation>The answer was cut off at the token limit.</translation>
    </message>
    <message>
        <location filename="../qml/chat/ChatController.cpp" line="138" />
        <source>%1 Pick another model.</source>
        <translation>%1 Pick another model.</translation>
    </message>
</context>
<context>
    <name>ChatPage</name>
    <message>
        <location filename="../qml/ChatPage.qml" line="40" />
        <source>Watch language models think.</source>
        <translation>Watch language models think.</translation>
    </message>
    <message>
        <location filename="../qml/ChatPage.qml" line="50" />
        <source>Ask anything. The answer streams in here; the model's reasoning and the request's progress appear beside it as they happen.</source>
        <translation>Ask anything. The answer streams in here; the model's reasoning and the request's progress appear beside it as they happen.</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <location filename="../qml/CodeBlock.qml" line="33" />
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <location filename="../qml/CodeBlock.qml" line="40" />
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
    <message>
        <location filename="../qml/CodeBlock.qml" line="40" />
        <location filename="../qml/CodeBlock.qml" line="47" />
        <source>Copy code</source>
        <translation>Copy code</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../qml/Composer.qml" line="43" />
        <source>Message the model (Enter to send, Shift+Enter for a new line)</source>
        <translation>Message the model (Enter to send, Shift+Enter for a new line)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="44" />
        <source>No model to talk to yet</source>
        <translation>No model to talk to yet</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="50" />
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="64" />
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="64" />
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="68" />
        <source>Stop the answer</source>
        <translation>Stop the answer</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="68" />
        <source>Send the message</source>
        <translation>Send the message</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="70" />
        <source>Stop (Esc)</source>
        <translation>Stop (Esc)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="70" />
        <source>Send (Enter)</source>
        <translation>Send (Enter)</translation>
    </message>
</context>
<context>
    <name>EventStoreStatus</name>
    <message>
        <location filename="../qml/settings/EventStoreStatus.cpp" line="18" />
        <source>Now: in memory, healthy.</source>
        <translation>Now: in memory, healthy.</translation>
    </message>
    <message>
        <location filename="../qml/settings/EventStoreStatus.cpp" line="24" />
        <source>Now: Redis, connected.</source>
        <translation>Now: Redis, connected.</translation>
    </message>
    <message>
        <location filename="../qml/settings/EventStoreStatus.cpp" line="25" />
        <source>Now: Redis, degraded (%1). Events are buffered until it is back.</source>
        <translation>Now: Redis, degraded (%1). Events are buffered until it is back.</translation>
    </message>
</context>
<context>
    <name>LiveSessionPage</name>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="30" />
        <source>Session %1 · ended</source>
        <translation>Session %1 · ended</translation>
    </message>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="31" />
        <source>Session %1 · watching live</source>
        <translation>Session %1 · watching live</translation>
    </message>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="40" />
        <source>This session cannot be watched: %1</source>
        <translation>This session cannot be watched: %1</translation>
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
        <translation>Watch language models think.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="21" />
        <source>Ponder — %1</source>
        <translation>Ponder — %1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="166" />
        <source>No model</source>
        <translation>No model</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="169" />
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="171" />
        <source>The model that answers</source>
        <translation>The model that answers</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="178" />
        <source>Refresh models</source>
        <translation>Refresh models</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="180" />
        <source>Ask the upstreams for their models again</source>
        <translation>Ask the upstreams for their models again</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="184" />
        <source>Live session</source>
        <translation>Live session</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="198" />
        <source>Local endpoint: %1/v1</source>
        <translation>Local endpoint: %1/v1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="200" />
        <source>The local endpoint could not start: %1</source>
        <translation>The local endpoint could not start: %1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="202" />
        <source>Starting the local endpoint…</source>
        <translation>Starting the local endpoint…</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="213" />
        <source>Hide thinking</source>
        <translation>Hide thinking</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="213" />
        <source>Show thinking</source>
        <translation>Show thinking</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="67" />
        <location filename="../qml/MessageDelegate.qml" line="201" />
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="70" />
        <location filename="../qml/MessageDelegate.qml" line="204" />
        <source>Copy message</source>
        <translation>Copy message</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="111" />
        <source>Thinking…</source>
        <translation>Thinking…</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="113" />
        <source>Thought for %1 s</source>
        <translation>Thought for %1 s</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="193" />
        <source>Stopped.</source>
        <translation>Stopped.</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="208" />
        <source>Regenerate</source>
        <translation>Regenerate</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="211" />
        <source>Regenerate the answer</source>
        <translation>Regenerate the answer</translation>
    </message>
</context>
<context>
    <name>NoUpstreamPanel</name>
    <message>
        <location filename="../qml/NoUpstreamPanel.qml" line="22" />
        <source>No model server is answering</source>
        <translation>No model server is answering</translation>
    </message>
    <message>
        <location filename="../qml/NoUpstreamPanel.qml" line="32" />
        <source>Ponder talks to a model server you run or use. It asked these and got no models:</source>
        <translation>Ponder talks to a model server you run or use. It asked these and got no models:</translation>
    </message>
    <message>
        <location filename="../qml/NoUpstreamPanel.qml" line="57" />
        <source>To fix it, either:

1. start **Ollama** (`ollama serve`) and pull a model (`ollama pull qwen3`), or
2. add an **OpenAI-compatible** server (llama.cpp, vLLM, LM Studio, OpenAI) with its URL and key in Settings.</source>
        <translation>To fix it, either:

1. start **Ollama** (`ollama serve`) and pull a model (`ollama pull qwen3`), or
2. add an **OpenAI-compatible** server (llama.cpp, vLLM, LM Studio, OpenAI) with its URL and key in Settings.</translation>
    </message>
    <message>
        <location filename="../qml/NoUpstreamPanel.qml" line="62" />
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../qml/NoUpstreamPanel.qml" line="68" />
        <source>Open settings</source>
        <translation>Open settings</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <location filename="../qml/settings/Preferences.cpp" line="183" />
        <source>Leave the password out of the URL and save it in the password field: the URL is kept in plain text.</source>
        <translation>Leave the password out of the URL and save it in the password field: the URL is kept in plain text.</translation>
    </message>
    <message>
        <location filename="../qml/settings/Preferences.cpp" line="193" />
        <source>'%1' is not an IP address (for example 127.0.0.1, or 0.0.0.0 for every interface)</source>
        <translation>'%1' is not an IP address (for example 127.0.0.1, or 0.0.0.0 for every interface)</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../qml/ProgressPanel.qml" line="20" />
        <source>Waiting for the model</source>
        <translation>Waiting for the model</translation>
    </message>
    <message>
        <location filename="../qml/ProgressPanel.qml" line="21" />
        <source>Generating</source>
        <translation>Generating</translation>
    </message>
    <message>
        <location filename="../qml/ProgressPanel.qml" line="22" />
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../qml/ProgressPanel.qml" line="23" />
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../qml/ProgressPanel.qml" line="24" />
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <location filename="../qml/ProgressPanel.qml" line="25" />
        <source>Idle</source>
        <translation>Idle</translation>
    </message>
    <message>
        <location filename="../qml/ProgressPanel.qml" line="41" />
        <location filename="../qml/ProgressPanel.qml" line="70" />
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../qml/ProgressPanel.qml" line="90" />
        <source>Check that the model server is running and the model exists, then try again. Settings lists the upstreams and can test them.</source>
        <translation>Check that the model server is running and the model exists, then try again. Settings lists the upstreams and can test them.</translation>
    </message>
    <message>
        <location filename="../qml/ProgressPanel.qml" line="109" />
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../qml/ProgressPanel.qml" line="111" />
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
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
        <translation>First token</translation>
    </message>
    <message>
        <location filename="../qml/ProgressPanel.qml" line="124" />
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../qml/ProgressPanel.qml" line="126" />
        <source>Elapsed</source>
        <translation>Elapsed</translation>
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
        <translation>The key for %1 is saved in the keychain; it is used from the next start.</translation>
    </message>
    <message>
        <location filename="../qml/settings/SecretEditor.cpp" line="59" />
        <source>The key for %1 is removed from the keychain.</source>
        <translation>The key for %1 is removed from the keychain.</translation>
    </message>
    <message>
        <location filename="../qml/settings/SecretEditor.cpp" line="83" />
        <source>A new API token is saved in the keychain; the local endpoint requires it from the next start.</source>
        <translation>A new API token is saved in the keychain; the local endpoint requires it from the next start.</translation>
    </message>
    <message>
        <location filename="../qml/settings/SecretEditor.cpp" line="96" />
        <source>The API token is removed; from the next start the local endpoint needs no login.</source>
        <translation>The API token is removed; from the next start the local endpoint needs no login.</translation>
    </message>
    <message>
        <location filename="../qml/settings/SecretEditor.cpp" line="108" />
        <source>The password for %1 is saved in the keychain; it is used from the next start.</source>
        <translation>The password for %1 is saved in the keychain; it is used from the next start.</translation>
    </message>
    <message>
        <location filename="../qml/settings/SecretEditor.cpp" line="120" />
        <source>The password for %1 is removed from the keychain.</source>
        <translation>The password for %1 is removed from the keychain.</translation>
    </message>
    <message>
        <location filename="../qml/settings/SecretEditor.cpp" line="129" />
        <source>Keychain: %1. Nothing is stored in plain text instead.</source>
        <translation>Keychain: %1. Nothing is stored in plain text instead.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="18" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="55" />
        <source>Models</source>
        <translation>Models</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="56" />
        <source>Local server</source>
        <translation>Local server</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="57" />
        <source>Event store</source>
        <translation>Event store</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="58" />
        <source>Appearance</source>
        <translation>Appearance</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="75" />
        <source>Server settings changed. They take effect when Ponder restarts.</source>
        <translation>Server settings changed. They take effect when Ponder restarts.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="78" />
        <source>Restart now</source>
        <translation>Restart now</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="95" />
        <source>Upstreams</source>
        <translation>Upstreams</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="96" />
        <source>The model servers Ponder talks to. Their models are listed together in the model picker and at /v1/models.</source>
        <translation>The model servers Ponder talks to. Their models are listed together in the model picker and at /v1/models.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="123" />
        <source>not in use yet</source>
        <translation>not in use yet</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="124" />
        <source>reachable</source>
        <translation>reachable</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="124" />
        <source>not reachable</source>
        <translation>not reachable</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="129" />
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="143" />
        <source>Add an upstream</source>
        <translation>Add an upstream</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="149" />
        <source>Kind of server</source>
        <translation>Kind of server</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="155" />
        <source>Server URL</source>
        <translation>Server URL</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="163" />
        <source>API key (optional; kept in the OS keychain)</source>
        <translation>API key (optional; kept in the OS keychain)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="164" />
        <source>API key</source>
        <translation>API key</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="168" />
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="173" />
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="220" />
        <source>Local endpoint</source>
        <translation>Local endpoint</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="223" />
        <source>Running at %1. Open WebUI, editors and the openai SDKs can use %1/v1.</source>
        <translation>Running at %1. Open WebUI, editors and the openai SDKs can use %1/v1.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="224" />
        <source>Not running.</source>
        <translation>Not running.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="227" />
        <source>Serve the OpenAI-compatible and streaming APIs</source>
        <translation>Serve the OpenAI-compatible and streaming APIs</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="234" />
        <location filename="../qml/SettingsDialog.qml" line="239" />
        <source>Address</source>
        <translation>Address</translation>
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
        <translation>Allowed origins</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="260" />
        <source>Keep the address 127.0.0.1 unless other machines must reach Ponder. Browser pages from other origins are refused unless listed here.</source>
        <translation>Keep the address 127.0.0.1 unless other machines must reach Ponder. Browser pages from other origins are refused unless listed here.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="262" />
        <source>Stateless: never write conversations to disk</source>
        <translation>Stateless: never write conversations to disk</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="266" />
        <location filename="../qml/SettingsDialog.qml" line="278" />
        <source>API token</source>
        <translation>API token</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="267" />
        <source>With a token, clients must send it (Authorization: Bearer …). Without one, local programs need no login.</source>
        <translation>With a token, clients must send it (Authorization: Bearer …). Without one, local programs need no login.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="275" />
        <source>No token: zero-login</source>
        <translation>No token: zero-login</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="280" />
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="282" />
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="292" />
        <source>Generate new token</source>
        <translation>Generate new token</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="293" />
        <source>Remove token</source>
        <translation>Remove token</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="312" />
        <source>Where thinking and progress events are kept</source>
        <translation>Where thinking and progress events are kept</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="315" />
        <source>In memory (this Ponder only)</source>
        <translation>In memory (this Ponder only)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="321" />
        <source>Redis Streams (shared by several Ponder backends)</source>
        <translation>Redis Streams (shared by several Ponder backends)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="330" />
        <source>Redis URL</source>
        <translation>Redis URL</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="346" />
        <source>Password, if Redis needs one (kept in the keychain)</source>
        <translation>Password, if Redis needs one (kept in the keychain)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="347" />
        <source>Redis password</source>
        <translation>Redis password</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="350" />
        <source>Save password</source>
        <translation>Save password</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="357" />
        <source>Remove password</source>
        <translation>Remove password</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="372" />
        <source>Check now</source>
        <translation>Check now</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="382" />
        <source>Debug mode</source>
        <translation>Debug mode</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="384" />
        <source>Show the thinking and progress panels and the Live sessions visualizer</source>
        <translation>Show the thinking and progress panels and the Live sessions visualizer</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="388" />
        <location filename="../qml/SettingsDialog.qml" line="395" />
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="392" />
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="397" />
        <location filename="../qml/SettingsDialog.qml" line="403" />
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="400" />
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="400" />
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="400" />
        <source>Dark</source>
        <translation>Dark</translation>
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
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="47" />
        <source>Settings (Ctrl+,)</source>
        <translation>Settings (Ctrl+,)</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="54" />
        <source>New chat</source>
        <translation>New chat</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="58" />
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>Start a new conversation (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="65" />
        <source>Chats</source>
        <translation>Chats</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="70" />
        <source>Live sessions (%1)</source>
        <translation>Live sessions (%1)</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="71" />
        <source>Live sessions</source>
        <translation>Live sessions</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="84" />
        <location filename="../qml/Sidebar.qml" line="87" />
        <source>Search conversations</source>
        <translation>Search conversations</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="96" />
        <source>Stateless mode: conversations are not saved.</source>
        <translation>Stateless mode: conversations are not saved.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="97" />
        <source>No conversation matches.</source>
        <translation>No conversation matches.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="98" />
        <source>Your conversations will appear here.</source>
        <translation>Your conversations will appear here.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="139" />
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="154" />
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="158" />
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="178" />
        <source>No session yet. Chats from this window, requests to the local endpoint and agents publishing to the streaming API appear here.</source>
        <translation>No session yet. Chats from this window, requests to the local endpoint and agents publishing to the streaming API appear here.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="179" />
        <source>Every session in the hub, from this window and from outside. Pick one to watch it think.</source>
        <translation>Every session in the hub, from this window and from outside. Pick one to watch it think.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="227" />
        <source>chat</source>
        <translation>chat</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="227" />
        <source>agent</source>
        <translation>agent</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="255" />
        <source>Rename conversation</source>
        <translation>Rename conversation</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="260" />
        <source>Title</source>
        <translation>Title</translation>
    </message>
</context>
<context>
    <name>ThinkingPanel</name>
    <message>
        <location filename="../qml/ThinkingPanel.qml" line="21" />
        <source>Thinking</source>
        <translation>Thinking</translation>
    </message>
    <message>
        <location filename="../qml/ThinkingPanel.qml" line="31" />
        <source>thinking…</source>
        <translation>thinking…</translation>
    </message>
    <message>
        <location filename="../qml/ThinkingPanel.qml" line="32" />
        <source>thought for %1 s</source>
        <translation>thought for %1 s</translation>
    </message>
    <message>
        <location filename="../qml/ThinkingPanel.qml" line="42" />
        <source>Steps appear here while a model reasons. Models without reasoning answer straight away.</source>
        <translation>Steps appear here while a model reasons. Models without reasoning answer straight away.</translation>
    </message>
    <message>
        <location filename="../qml/ThinkingPanel.qml" line="62" />
        <source>Reasoning text</source>
        <translation>Reasoning text</translation>
    </message>
    <message>
        <location filename="../qml/ThinkingPanel.qml" line="71" />
        <source>Show or hide the reasoning text</source>
        <translation>Show or hide the reasoning text</translation>
    </message>
</context>
<context>
    <name>ThinkingStepDelegate</name>
    <message>
        <location filename="../qml/ThinkingStepDelegate.qml" line="41" />
        <source>%1% sure</source>
        <translation>%1% sure</translation>
    </message>
    <message>
        <location filename="../qml/ThinkingStepDelegate.qml" line="61" />
        <source>Reasoning chain (%1)</source>
        <translation>Reasoning chain (%1)</translation>
    </message>
</context>
<context>
    <name>UpstreamProbe</name>
    <message numerus="yes">
        <location filename="../qml/settings/UpstreamProbe.cpp" line="34" />
        <source>Connected: %n model(s) available.</source>
        <translation><numerusform>Connected: %n model available.</numerusform><numerusform>Connected: %n models available.</numerusform></translation>
    </message>
    <message>
        <location filename="../qml/settings/UpstreamProbe.cpp" line="36" />
        <source>No answer: %1</source>
        <translation>No answer: %1</translation>
    </message>
</context>
</TS>