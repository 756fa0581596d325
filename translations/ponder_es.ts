<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>ChatAdvice</name>
    <message>
        <source>The model server does not have this model. Pick another model, or download it first (for Ollama: ollama pull NAME).</source>
        <translation type="vanished">El servidor de modelos no tiene este modelo. Elige otro modelo o descárgalo primero (con Ollama: ollama pull NOMBRE).</translation>
    </message>
    <message>
        <source>The model server is not answering. Start it (for Ollama: ollama serve), or fix its URL in Settings.</source>
        <translation type="vanished">El servidor de modelos no responde. Inícialo (con Ollama: ollama serve) o corrige su URL en Ajustes.</translation>
    </message>
    <message>
        <source>The model server went silent. It may still be loading the model: try again.</source>
        <translation type="vanished">El servidor de modelos se quedó en silencio. Puede que aún esté cargando el modelo: inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>The answer broke off before it was done. Retry to get it whole.</source>
        <translation type="vanished">La respuesta se cortó antes de terminar. Reinténtalo para obtenerla completa.</translation>
    </message>
    <message>
        <source>The model server refused Ponder&apos;s API key. Check the key in Settings.</source>
        <translation type="vanished">El servidor de modelos rechazó la clave de API de Ponder. Revisa la clave en Ajustes.</translation>
    </message>
    <message>
        <source>Ponder is already running as many answers as it allows. Try again in a moment.</source>
        <translation type="vanished">Ponder ya genera tantas respuestas como permite. Inténtalo de nuevo en un momento.</translation>
    </message>
    <message>
        <source>The model server refused the request.</source>
        <translation type="vanished">El servidor de modelos rechazó la petición.</translation>
    </message>
    <message>
        <source>The model server reported an error.</source>
        <translation type="vanished">El servidor de modelos informó de un error.</translation>
    </message>
</context>
<context>
    <name>ChatController</name>
    <message>
        <location filename="../qml/chat/ChatController.cpp" line="209"/>
        <source>Sending to %1…</source>
        <translation>Enviando a %1…</translation>
    </message>
    <message>
        <source>The answer was cut off at the token limit.</source>
        <translation type="vanished">La respuesta se cortó en el límite de tokens.</translation>
    </message>
    <message>
        <source>%1 Pick another model.</source>
        <translation type="vanished">%1 Elige otro modelo.</translation>
    </message>
</context>
<context>
    <name>ChatPage</name>
    <message>
        <location filename="../qml/ChatPage.qml" line="48"/>
        <source>Watch language models think.</source>
        <translation>Mira cómo piensan los modelos de lenguaje.</translation>
    </message>
    <message>
        <location filename="../qml/ChatPage.qml" line="61"/>
        <source>Ask anything. The answer streams in here; the model&apos;s reasoning and the request&apos;s progress appear beside it as they happen.</source>
        <translation>Pregunta lo que quieras. La respuesta aparece aquí poco a poco; el razonamiento del modelo y el progreso de la petición se muestran al lado en directo.</translation>
    </message>
</context>
<context>
    <name>CodeBlock</name>
    <message>
        <location filename="../qml/CodeBlock.qml" line="32"/>
        <source>code</source>
        <translation>código</translation>
    </message>
    <message>
        <location filename="../qml/CodeBlock.qml" line="43"/>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
    <message>
        <location filename="../qml/CodeBlock.qml" line="43"/>
        <location filename="../qml/CodeBlock.qml" line="50"/>
        <source>Copy code</source>
        <translation>Copiar código</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <location filename="../qml/Composer.qml" line="24"/>
        <source>Think: off</source>
        <translation>Pensar: no</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="25"/>
        <source>Think: on</source>
        <translation>Pensar: sí</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="26"/>
        <source>Think: low</source>
        <translation>Pensar: poco</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="27"/>
        <source>Think: medium</source>
        <translation>Pensar: medio</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="28"/>
        <source>Think: high</source>
        <translation>Pensar: mucho</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="29"/>
        <source>Think: auto</source>
        <translation>Pensar: automático</translation>
    </message>
    <message>
        <source>Message the model (Enter to send, Shift+Enter for a new line)</source>
        <translation type="vanished">Mensaje al modelo (Intro para enviar, Mayús+Intro para una nueva línea)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="65"/>
        <source>Message the model</source>
        <translation>Mensaje al modelo</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="66"/>
        <location filename="../qml/Composer.qml" line="139"/>
        <source>No model to talk to yet</source>
        <translation>Todavía no hay ningún modelo</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="73"/>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="121"/>
        <source>How much the model thinks</source>
        <translation>Cuánto piensa el modelo</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="123"/>
        <source>How much the model reasons before it answers; remembered for this model</source>
        <translation>Cuánto razona el modelo antes de responder; se recuerda para este modelo</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="135"/>
        <source>Esc stops</source>
        <translation>Esc detiene</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="136"/>
        <source>Enter sends · Shift+Enter: new line</source>
        <translation>Intro envía · Mayús+Intro: nueva línea</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="140"/>
        <source>Enter sends</source>
        <translation>Intro envía</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="144"/>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="144"/>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="148"/>
        <source>Stop the answer</source>
        <translation>Detener la respuesta</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="148"/>
        <source>Send the message</source>
        <translation>Enviar el mensaje</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="150"/>
        <source>Stop (Esc)</source>
        <translation>Detener (Esc)</translation>
    </message>
    <message>
        <location filename="../qml/Composer.qml" line="150"/>
        <source>Send (Enter)</source>
        <translation>Enviar (Intro)</translation>
    </message>
</context>
<context>
    <name>EventStoreStatus</name>
    <message>
        <source>Now: in memory, healthy.</source>
        <translation type="vanished">Ahora: en memoria, correcto.</translation>
    </message>
    <message>
        <source>Now: Redis, connected.</source>
        <translation type="vanished">Ahora: Redis, conectado.</translation>
    </message>
    <message>
        <source>Now: Redis, degraded (%1). Events are buffered until it is back.</source>
        <translation type="vanished">Ahora: Redis, degradado (%1). Los eventos se guardan en búfer hasta que vuelva.</translation>
    </message>
</context>
<context>
    <name>InsightPanel</name>
    <message>
        <location filename="../qml/InsightPanel.qml" line="38"/>
        <source>Thinking</source>
        <translation>Razonamiento</translation>
    </message>
    <message>
        <location filename="../qml/InsightPanel.qml" line="51"/>
        <source>thinking…</source>
        <translation>pensando…</translation>
    </message>
    <message>
        <location filename="../qml/InsightPanel.qml" line="52"/>
        <source>thought for %1 s</source>
        <translation>pensó durante %1 s</translation>
    </message>
    <message>
        <location filename="../qml/InsightPanel.qml" line="74"/>
        <source>This chat&apos;s timeline is no longer kept: Ponder keeps events until it quits or they expire. Each answer keeps its reasoning, folded above its text.</source>
        <translation>La línea de tiempo de este chat ya no se conserva: Ponder guarda los eventos hasta que se cierra o caducan. Cada respuesta conserva su razonamiento, plegado sobre su texto.</translation>
    </message>
    <message>
        <location filename="../qml/InsightPanel.qml" line="75"/>
        <source>The request&apos;s timeline appears here: the model&apos;s reasoning as it streams, with its steps marked along it. Models without reasoning answer straight away.</source>
        <translation>Aquí aparece la línea de tiempo de la petición: el razonamiento del modelo mientras fluye, con sus pasos marcados. Los modelos sin razonamiento responden directamente.</translation>
    </message>
</context>
<context>
    <name>LiveSessionPage</name>
    <message>
        <source>Session %1 · ended</source>
        <translation type="vanished">Sesión %1 · terminada</translation>
    </message>
    <message>
        <source>Session %1 · watching live</source>
        <translation type="vanished">Sesión %1 · en directo</translation>
    </message>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="68"/>
        <source>session %1</source>
        <translation>sesión %1</translation>
    </message>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="72"/>
        <source>ended</source>
        <translation>terminada</translation>
    </message>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="75"/>
        <source>still open</source>
        <translation>aún abierta</translation>
    </message>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="77"/>
        <source>watching live</source>
        <translation>en directo</translation>
    </message>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="108"/>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="164"/>
        <source>Prompt</source>
        <translation>Petición</translation>
    </message>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="183"/>
        <source>Answer</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="222"/>
        <source>Timeline</source>
        <translation>Línea de tiempo</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/LiveSessionPage.qml" line="233"/>
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n paso</numerusform>
            <numerusform>%n pasos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/LiveSessionPage.qml" line="247"/>
        <source>Ponder no longer keeps %n earlier step(s) of this session: it keeps the last ones of each session.</source>
        <translation>
            <numerusform>Un paso anterior de esta sesión ya no se conserva: Ponder guarda los últimos de cada sesión.</numerusform>
            <numerusform>%n pasos anteriores de esta sesión ya no se conservan: Ponder guarda los últimos de cada sesión.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/LiveSessionPage.qml" line="255"/>
        <source>Nothing yet. Steps, progress and reasoning appear here as the session publishes them.</source>
        <translation>Todavía nada. Los pasos, el progreso y el razonamiento aparecen aquí en cuanto la sesión los publica.</translation>
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
        <translation type="vanished">Mira cómo piensan los modelos de lenguaje.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="27"/>
        <source>Ponder — %1</source>
        <translation>Ponder — %1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="207"/>
        <source>Hide the sidebar</source>
        <translation>Ocultar la barra lateral</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="207"/>
        <source>Show the sidebar</source>
        <translation>Mostrar la barra lateral</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="209"/>
        <source>Sidebar (Ctrl+B)</source>
        <translation>Barra lateral (Ctrl+B)</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="226"/>
        <location filename="../qml/Main.qml" line="228"/>
        <source>No model</source>
        <translation>Ningún modelo</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="227"/>
        <source>%1 (not answering)</source>
        <translation>%1 (no responde)</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="231"/>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="233"/>
        <source>The model that answers</source>
        <translation>El modelo que responde</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="256"/>
        <source>thinks</source>
        <translation>piensa</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="257"/>
        <source>tools</source>
        <translation>herramientas</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="258"/>
        <source>vision</source>
        <translation>visión</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="260"/>
        <source>agent</source>
        <translation>agente</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="295"/>
        <source>Agents</source>
        <translation>Agentes</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="336"/>
        <source>Refresh models</source>
        <translation>Actualizar modelos</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="338"/>
        <source>Ask the upstreams for their models again</source>
        <translation>Volver a pedir los modelos a los servidores</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="351"/>
        <source>Asking the upstreams…</source>
        <translation>Preguntando a los upstreams…</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="360"/>
        <source>Live session</source>
        <translation>Sesión en directo</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="388"/>
        <source>Local endpoint: %1/v1</source>
        <translation>Punto de acceso local: %1/v1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="389"/>
        <source>Local endpoint: off</source>
        <translation>Endpoint local: desactivado</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="391"/>
        <source>The local endpoint could not start: %1</source>
        <translation>No se pudo iniciar el punto de acceso local: %1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="393"/>
        <source>Reading the keychain…</source>
        <translation>Leyendo el llavero…</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="395"/>
        <source>Starting the local endpoint…</source>
        <translation>Iniciando el punto de acceso local…</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="407"/>
        <source>Hide thinking</source>
        <translation>Ocultar razonamiento</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="407"/>
        <source>Show thinking</source>
        <translation>Mostrar razonamiento</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="54"/>
        <location filename="../qml/MessageDelegate.qml" line="213"/>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="57"/>
        <location filename="../qml/MessageDelegate.qml" line="216"/>
        <source>Copy message</source>
        <translation>Copiar mensaje</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="104"/>
        <source>Thinking…</source>
        <translation>Pensando…</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="107"/>
        <source>Reasoning</source>
        <translation>Razonamiento</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="108"/>
        <source>Thought for %1 s</source>
        <translation>Pensó durante %1 s</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="159"/>
        <source>Stopped.</source>
        <translation>Detenido.</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/MessageDelegate.qml" line="163"/>
        <source>Trying again in %n s…</source>
        <translation>
            <numerusform>Nuevo intento en %n s…</numerusform>
            <numerusform>Nuevo intento en %n s…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="166"/>
        <source>The answer was cut off at the token limit.</source>
        <translation>La respuesta se cortó en el límite de tokens.</translation>
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
        <translation>primer token tras %1</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="200"/>
        <source>stopped</source>
        <translation>detenida</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="202"/>
        <source>failed</source>
        <translation>fallida</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation type="vanished">%1 tokens/s</translation>
    </message>
    <message>
        <source>first token after %1 s</source>
        <translation type="vanished">primer token tras %1 s</translation>
    </message>
    <message>
        <source>first token after %1 ms</source>
        <translation type="vanished">primer token tras %1 ms</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="221"/>
        <source>Regenerate</source>
        <translation>Regenerar</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="221"/>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location filename="../qml/MessageDelegate.qml" line="224"/>
        <source>Regenerate the answer</source>
        <translation>Regenerar la respuesta</translation>
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
            <numerusform>%n modelo en %1</numerusform>
            <numerusform>%n modelos en %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/chat/ModelCatalog.cpp" line="115"/>
        <source>No upstream answered.</source>
        <translation>Ningún upstream respondió.</translation>
    </message>
    <message>
        <location filename="../qml/chat/ModelCatalog.cpp" line="116"/>
        <source>Found %1.</source>
        <translation>Encontrado: %1.</translation>
    </message>
    <message>
        <location filename="../qml/chat/ModelCatalog.cpp" line="118"/>
        <source>Not answering: %1.</source>
        <translation>No responde: %1.</translation>
    </message>
</context>
<context>
    <name>NoUpstreamPanel</name>
    <message>
        <location filename="../qml/NoUpstreamPanel.qml" line="23"/>
        <source>No model server is answering</source>
        <translation>Ningún servidor de modelos responde</translation>
    </message>
    <message>
        <location filename="../qml/NoUpstreamPanel.qml" line="33"/>
        <source>Ponder talks to a model server you run or use. It asked these and got no models:</source>
        <translation>Ponder habla con un servidor de modelos que ejecutas o usas. Se consultaron estos y no devolvieron modelos:</translation>
    </message>
    <message>
        <location filename="../qml/NoUpstreamPanel.qml" line="81"/>
        <source>To fix it, either:

1. start **Ollama** (`ollama serve`) and pull a model (`ollama pull qwen3`), or
2. add an **OpenAI-compatible** server (llama.cpp, vLLM, LM Studio, OpenAI) with its URL and key in Settings.</source>
        <translation>Para solucionarlo:

1. inicia **Ollama** (`ollama serve`) y descarga un modelo (`ollama pull qwen3`), o
2. añade en Ajustes un servidor **compatible con OpenAI** (llama.cpp, vLLM, LM Studio, OpenAI) con su URL y clave.</translation>
    </message>
    <message>
        <location filename="../qml/NoUpstreamPanel.qml" line="86"/>
        <source>Try again</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location filename="../qml/NoUpstreamPanel.qml" line="92"/>
        <source>Open settings</source>
        <translation>Abrir ajustes</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <location filename="../qml/settings/Preferences.cpp" line="257"/>
        <source>Leave the password out of the URL and save it in the password field: the URL is kept in plain text.</source>
        <translation>Deja la contraseña fuera de la URL y guárdala en el campo de contraseña: la URL se guarda en texto plano.</translation>
    </message>
    <message>
        <location filename="../qml/settings/Preferences.cpp" line="267"/>
        <source>&apos;%1&apos; is not an IP address (for example 127.0.0.1, or 0.0.0.0 for every interface)</source>
        <translation>&apos;%1&apos; no es una dirección IP (por ejemplo 127.0.0.1, o 0.0.0.0 para todas las interfaces)</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Waiting for the model</source>
        <translation type="vanished">Esperando al modelo</translation>
    </message>
    <message>
        <source>Generating</source>
        <translation type="vanished">Generando</translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="vanished">Hecho</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="vanished">Falló</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="vanished">Detenido</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation type="vanished">En espera</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="vanished">Progreso</translation>
    </message>
    <message>
        <source>Check that the model server is running and the model exists, then try again. Settings lists the upstreams and can test them.</source>
        <translation type="vanished">Comprueba que el servidor de modelos está en marcha y que el modelo existe, y vuelve a intentarlo. Ajustes muestra los servidores y puede probarlos.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="vanished">Paso</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="vanished">%1 de %2</translation>
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
        <translation type="vanished">Primer token</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="vanished">%1 ms</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation type="vanished">Transcurrido</translation>
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
        <translation>Detenido.</translation>
    </message>
</context>
<context>
    <name>SecretEditor</name>
    <message>
        <location filename="../qml/settings/SecretEditor.cpp" line="73"/>
        <source>The key for %1 is saved in the keychain.</source>
        <translation>La clave de %1 se guardó en el llavero.</translation>
    </message>
    <message>
        <location filename="../qml/settings/SecretEditor.cpp" line="86"/>
        <source>The key for %1 is removed from the keychain.</source>
        <translation>La clave de %1 se eliminó del llavero.</translation>
    </message>
    <message>
        <location filename="../qml/settings/SecretEditor.cpp" line="111"/>
        <source>A new API token is saved in the keychain; the local endpoint requires it from the next start.</source>
        <translation>Se guardó un nuevo token de API en el llavero; el punto de acceso local lo exigirá desde el próximo inicio.</translation>
    </message>
    <message>
        <location filename="../qml/settings/SecretEditor.cpp" line="124"/>
        <source>The API token is removed; from the next start the local endpoint needs no login.</source>
        <translation>Se eliminó el token de API; desde el próximo inicio el punto de acceso local no pedirá credenciales.</translation>
    </message>
    <message>
        <location filename="../qml/settings/SecretEditor.cpp" line="137"/>
        <source>The password for %1 is saved in the keychain; it is used from the next start.</source>
        <translation>La contraseña de %1 está guardada en el llavero; se usará a partir del próximo inicio.</translation>
    </message>
    <message>
        <location filename="../qml/settings/SecretEditor.cpp" line="150"/>
        <source>The password for %1 is removed from the keychain.</source>
        <translation>La contraseña de %1 se ha quitado del llavero.</translation>
    </message>
    <message>
        <source>Keychain: %1. Nothing is stored in plain text instead.</source>
        <translation type="vanished">Llavero: %1. No se guarda nada en texto plano en su lugar.</translation>
    </message>
</context>
<context>
    <name>SessionStatus</name>
    <message>
        <location filename="../qml/SessionStatus.qml" line="35"/>
        <source>Waiting for the first token</source>
        <translation>Esperando el primer token</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="37"/>
        <source>Reasoning</source>
        <translation>Razonamiento</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="37"/>
        <source>Writing the answer</source>
        <translation>Escribiendo la respuesta</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="37"/>
        <source>Generating</source>
        <translation>Generando</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="40"/>
        <location filename="../qml/SessionStatus.qml" line="52"/>
        <source>Stopped.</source>
        <translation>Detenido.</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="120"/>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="137"/>
        <source>%1 (step %2 of %3)</source>
        <translation>%1 (paso %2 de %3)</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="139"/>
        <source>Step %1 of %2</source>
        <translation>Paso %1 de %2</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="149"/>
        <source>about %1 left</source>
        <translation>quedan unos %1</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="150"/>
        <source>taking longer than expected</source>
        <translation>tarda más de lo previsto</translation>
    </message>
    <message>
        <location filename="../qml/SessionStatus.qml" line="151"/>
        <source>Time left: %1</source>
        <translation>Tiempo restante: %1</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation type="vanished">quedan %1</translation>
    </message>
    <message>
        <source>Check that the model server is running and the model exists, then try again. Settings lists the upstreams and can test them.</source>
        <translation type="vanished">Comprueba que el servidor de modelos está en marcha y que el modelo existe, y vuelve a intentarlo. Ajustes muestra los servidores y puede probarlos.</translation>
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
        <translation>primer token</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="22"/>
        <source>Settings</source>
        <translation>Ajustes</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="32"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="133"/>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="134"/>
        <source>Local server</source>
        <translation>Servidor local</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="135"/>
        <source>Event store</source>
        <translation>Almacén de eventos</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="136"/>
        <source>Appearance</source>
        <translation>Apariencia</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="154"/>
        <source>Server settings changed. They take effect when Ponder restarts.</source>
        <translation>Los ajustes del servidor cambiaron. Se aplicarán cuando Ponder se reinicie.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="157"/>
        <source>Restart now</source>
        <translation>Reiniciar ahora</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="190"/>
        <source>Upstreams</source>
        <translation>Servidores de modelos</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="191"/>
        <source>The model servers Ponder talks to. Their models are listed together in the model picker and at /v1/models.</source>
        <translation>Los servidores de modelos con los que habla Ponder. Sus modelos aparecen juntos en el selector de modelos y en /v1/models.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="88"/>
        <source>not in use yet</source>
        <translation>todavía sin usar</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="86"/>
        <source>reachable</source>
        <translation>accesible</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="86"/>
        <source>not reachable</source>
        <translation>no accesible</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="87"/>
        <source>checking…</source>
        <translation>comprobando…</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="88"/>
        <source>used without --upstream</source>
        <translation>se usa sin --upstream</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="97"/>
        <location filename="../qml/SettingsDialog.qml" line="370"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="197"/>
        <source>Ponder was started with --upstream, so it uses these servers; the saved ones below apply when it starts without it.</source>
        <translation>Ponder se inició con --upstream, así que usa estos servidores; los guardados abajo se aplican cuando se inicia sin él.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="211"/>
        <source>Saved upstreams</source>
        <translation>Upstreams guardados</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="221"/>
        <source>Add an upstream</source>
        <translation>Añadir un servidor</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="228"/>
        <source>Kind of server</source>
        <translation>Tipo de servidor</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="235"/>
        <source>Server URL</source>
        <translation>URL del servidor</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="245"/>
        <source>API key (optional; kept in the OS keychain)</source>
        <translation>Clave de API (opcional; se guarda en el llavero del sistema)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="246"/>
        <source>API key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="251"/>
        <source>Test connection</source>
        <translation>Probar conexión</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="258"/>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>No keychain answers (%1). API keys cannot be saved, so Ponder runs without them; give one with PONDER_OPENAI_API_KEY instead.</source>
        <translation type="vanished">Ningún llavero responde (%1). No se pueden guardar claves de API, así que Ponder funciona sin ellas; indica una con PONDER_OPENAI_API_KEY.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="309"/>
        <source>AG-UI agents</source>
        <translation>Agentes AG-UI</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="310"/>
        <source>Agents that speak AG-UI, as NAME=URL. Each is offered beside the models and relayed at /agui/NAME; its steps, reasoning and tool calls show in the timeline.</source>
        <translation>Agentes que hablan AG-UI, como NOMBRE=URL. Cada uno se ofrece junto a los modelos y se retransmite en /agui/NOMBRE; sus pasos, razonamientos y llamadas a herramientas aparecen en la línea de tiempo.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="315"/>
        <source>Ponder was started with --agent, so it runs these agents; the saved ones below apply when it starts without it.</source>
        <translation>Ponder se inició con --agent, así que ejecuta estos agentes; los guardados abajo se aplican cuando se inicia sin él.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="334"/>
        <source>in use</source>
        <translation>en uso</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="343"/>
        <source>Saved agents</source>
        <translation>Agentes guardados</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="364"/>
        <source>used without --agent</source>
        <translation>se usa sin --agent</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="388"/>
        <source>Agent as NAME=URL</source>
        <translation>Agente como NOMBRE=URL</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="393"/>
        <source>Add agent</source>
        <translation>Añadir agente</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="422"/>
        <source>Local endpoint</source>
        <translation>Punto de acceso local</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="425"/>
        <source>Running at %1. Open WebUI, editors and the openai SDKs can use %1/v1.</source>
        <translation>En marcha en %1. Open WebUI, los editores y los SDK de openai pueden usar %1/v1.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="426"/>
        <source>Not running.</source>
        <translation>No está en marcha.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="429"/>
        <source>Serve the OpenAI-compatible and streaming APIs</source>
        <translation>Ofrecer las API compatible con OpenAI y de streaming</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="436"/>
        <location filename="../qml/SettingsDialog.qml" line="441"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="443"/>
        <location filename="../qml/SettingsDialog.qml" line="451"/>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="461"/>
        <source>In use now: %1, given on the command line (--port), which wins over the saved port.</source>
        <translation>En uso ahora: %1, indicado en la línea de órdenes (--port), que prevalece sobre el puerto guardado.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="462"/>
        <source>In use now: %1. The saved port applies from the next start.</source>
        <translation>En uso ahora: %1. El puerto guardado se aplica desde el próximo inicio.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="464"/>
        <location filename="../qml/SettingsDialog.qml" line="470"/>
        <source>Allowed origins</source>
        <translation>Orígenes permitidos</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="473"/>
        <source>Keep the address 127.0.0.1 unless other machines must reach Ponder. Browser pages from other origins are refused unless listed here.</source>
        <translation>Mantén la dirección 127.0.0.1 salvo que otras máquinas deban llegar a Ponder. Las páginas de otros orígenes se rechazan salvo que estén aquí.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="475"/>
        <source>Stateless: never write conversations to disk</source>
        <translation>Sin estado: no escribir nunca conversaciones en disco</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="479"/>
        <location filename="../qml/SettingsDialog.qml" line="491"/>
        <source>API token</source>
        <translation>Token de API</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="480"/>
        <source>With a token, clients must send it (Authorization: Bearer …). Without one, local programs need no login.</source>
        <translation>Con un token, los clientes deben enviarlo (Authorization: Bearer …). Sin él, los programas locales no necesitan credenciales.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="488"/>
        <source>No token: zero-login</source>
        <translation>Sin token: sin credenciales</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="493"/>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="495"/>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="505"/>
        <source>Generate new token</source>
        <translation>Generar un token nuevo</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="506"/>
        <source>Remove token</source>
        <translation>Quitar el token</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="526"/>
        <source>Where thinking and progress events are kept</source>
        <translation>Dónde se guardan los eventos de razonamiento y progreso</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="532"/>
        <source>Ponder was started with --redis %1, so it keeps events there; the choice below applies when it starts without it.</source>
        <extracomment>%1 is the Redis URL given on the command line</extracomment>
        <translation>Ponder se inició con --redis %1, así que guarda los eventos allí; la opción de abajo se aplica cuando se inicia sin ella.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="536"/>
        <source>In memory (this Ponder only)</source>
        <translation>En memoria (solo este Ponder)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="542"/>
        <source>Redis Streams (shared by several Ponder backends)</source>
        <translation>Redis Streams (compartido por varios backends de Ponder)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="551"/>
        <source>Redis URL</source>
        <translation>URL de Redis</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="567"/>
        <source>Password, if Redis needs one (kept in the keychain)</source>
        <translation>Contraseña, si Redis la necesita (se guarda en el llavero)</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="568"/>
        <source>Redis password</source>
        <translation>Contraseña de Redis</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="571"/>
        <source>Save password</source>
        <translation>Guardar contraseña</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="578"/>
        <source>Remove password</source>
        <translation>Quitar contraseña</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="594"/>
        <source>Check now</source>
        <translation>Comprobar ahora</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="604"/>
        <source>Debug mode</source>
        <translation>Modo de depuración</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="606"/>
        <source>Show the thinking and progress panels and the Live sessions visualizer</source>
        <translation>Mostrar los paneles de razonamiento y progreso y el visor de sesiones en directo</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="624"/>
        <location filename="../qml/SettingsDialog.qml" line="651"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="636"/>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="653"/>
        <location filename="../qml/SettingsDialog.qml" line="677"/>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="662"/>
        <source>Follow the system</source>
        <translation>Según el sistema</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="660"/>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="294"/>
        <source>API keys cannot be saved, so Ponder runs without them; give one with PONDER_OPENAI_API_KEY instead.</source>
        <translation>No se pueden guardar claves de API, así que Ponder funciona sin ellas; indica una con PONDER_OPENAI_API_KEY.</translation>
    </message>
    <message>
        <location filename="../qml/SettingsDialog.qml" line="661"/>
        <source>Dark</source>
        <translation>Oscuro</translation>
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
        <translation>Ajustes</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="54"/>
        <source>Settings (Ctrl+,)</source>
        <translation>Ajustes (Ctrl+,)</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="61"/>
        <source>New chat</source>
        <translation>Nuevo chat</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="65"/>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>Empezar una conversación nueva (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="72"/>
        <source>Chats</source>
        <translation>Chats</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="77"/>
        <source>Live sessions (%1)</source>
        <translation>En directo (%1)</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="78"/>
        <source>Live sessions</source>
        <translation>En directo</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="91"/>
        <location filename="../qml/Sidebar.qml" line="94"/>
        <source>Search conversations</source>
        <translation>Buscar conversaciones</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="103"/>
        <source>Stateless mode: conversations are not saved.</source>
        <translation>Modo sin estado: las conversaciones no se guardan.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="104"/>
        <source>No conversation matches.</source>
        <translation>Ninguna conversación coincide.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="105"/>
        <source>Your conversations will appear here.</source>
        <translation>Tus conversaciones aparecerán aquí.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="210"/>
        <source>No session running. Ended ones are cleared from this list; new ones appear here as they start.</source>
        <translation>Ninguna sesión en curso. Las terminadas se quitaron de esta lista; las nuevas aparecen aquí al empezar.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="268"/>
        <source>%1
Session %2
From %3
Started %4</source>
        <extracomment>Tooltip of a row in Live sessions: %1 its title, %2 its id, %3 where it came from, %4 when it started</extracomment>
        <translation>%1
Sesión %2
De %3
Iniciada %4</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="311"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="313"/>
        <source>started %1</source>
        <translation>iniciada %1</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="314"/>
        <source>ended %1</source>
        <translation>terminada %1</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="363"/>
        <source>Chat deleted</source>
        <translation>Chat eliminado</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="412"/>
        <source>Rename…</source>
        <translation>Renombrar…</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="416"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="187"/>
        <location filename="../qml/Sidebar.qml" line="189"/>
        <source>Filter sessions</source>
        <translation>Filtrar sesiones</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="195"/>
        <source>Clear ended</source>
        <translation>Quitar terminadas</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="201"/>
        <source>Take finished, failed, stopped and ended sessions off this list</source>
        <translation>Quitar de esta lista las sesiones completadas, fallidas, detenidas y terminadas</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="209"/>
        <source>No session matches.</source>
        <translation>Ninguna sesión coincide.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="211"/>
        <source>No session yet. Chats from this window, requests to the local endpoint and agents publishing to the streaming API appear here.</source>
        <translation>Todavía no hay sesiones. Aquí aparecen los chats de esta ventana, las peticiones al punto de acceso local y los agentes que publican en la API de streaming.</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="264"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Every session in the hub, from this window and from outside. Pick one to watch it think.</source>
        <translation type="vanished">Todas las sesiones del hub, de esta ventana y de fuera. Elige una para verla pensar.</translation>
    </message>
    <message>
        <source>chat</source>
        <translation type="vanished">chat</translation>
    </message>
    <message>
        <source>agent</source>
        <translation type="vanished">agente</translation>
    </message>
    <message>
        <source>Deleted “%1”</source>
        <translation type="vanished">«%1» eliminado</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="370"/>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="380"/>
        <source>Undo deleting the chat</source>
        <translation>Deshacer la eliminación del chat</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="435"/>
        <source>Rename conversation</source>
        <translation>Renombrar conversación</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="442"/>
        <source>Rename</source>
        <translation>Renombrar</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="446"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../qml/Sidebar.qml" line="456"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
</context>
<context>
    <name>Sparkline</name>
    <message>
        <location filename="../qml/Sparkline.qml" line="18"/>
        <source>Tokens per second over time, now %1</source>
        <translation>Tokens por segundo a lo largo del tiempo, ahora %1</translation>
    </message>
    <message>
        <location filename="../qml/Sparkline.qml" line="19"/>
        <source>Tokens per second over time</source>
        <translation>Tokens por segundo a lo largo del tiempo</translation>
    </message>
</context>
<context>
    <name>StepCard</name>
    <message>
        <location filename="../qml/StepCard.qml" line="72"/>
        <source>Fold the nested steps</source>
        <translation>Plegar los pasos anidados</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="72"/>
        <source>Unfold the nested steps</source>
        <translation>Desplegar los pasos anidados</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="97"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="98"/>
        <source>Step %1</source>
        <translation>Paso %1</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="112"/>
        <source>%1% sure</source>
        <translation>%1 % de confianza</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="120"/>
        <source>running %1</source>
        <translation>en curso, %1</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="143"/>
        <source>&lt;b&gt;Considered:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Consideradas:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="152"/>
        <source>&lt;b&gt;Because:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Porque:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="168"/>
        <source>in: %1</source>
        <translation>entrada: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="169"/>
        <source>out: %1</source>
        <translation>salida: %1</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="175"/>
        <source>Reasoning chain (%1)</source>
        <translation>Cadena de razonamiento (%1)</translation>
    </message>
    <message>
        <location filename="../qml/StepCard.qml" line="176"/>
        <source>Attributes</source>
        <translation>Atributos</translation>
    </message>
</context>
<context>
    <name>ThinkingPanel</name>
    <message>
        <source>Thinking</source>
        <translation type="vanished">Razonamiento</translation>
    </message>
    <message>
        <source>thinking…</source>
        <translation type="vanished">pensando…</translation>
    </message>
    <message>
        <source>thought for %1 s</source>
        <translation type="vanished">pensó durante %1 s</translation>
    </message>
    <message>
        <source>Steps appear here while a model reasons. Models without reasoning answer straight away.</source>
        <translation type="vanished">Aquí aparecen los pasos mientras un modelo razona. Los modelos sin razonamiento responden directamente.</translation>
    </message>
    <message>
        <source>Reasoning text</source>
        <translation type="vanished">Texto del razonamiento</translation>
    </message>
    <message>
        <source>Show or hide the reasoning text</source>
        <translation type="vanished">Mostrar u ocultar el texto del razonamiento</translation>
    </message>
</context>
<context>
    <name>ThinkingStepDelegate</name>
    <message>
        <source>Initialization</source>
        <translation type="vanished">Inicio</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation type="vanished">Análisis</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="vanished">Decisión</translation>
    </message>
    <message>
        <source>Planning</source>
        <translation type="vanished">Planificación</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation type="vanished">Evaluación</translation>
    </message>
    <message>
        <source>Risk assessment</source>
        <translation type="vanished">Evaluación de riesgos</translation>
    </message>
    <message>
        <source>Service selection</source>
        <translation type="vanished">Selección de servicio</translation>
    </message>
    <message>
        <source>Workflow generation</source>
        <translation type="vanished">Generación de flujo</translation>
    </message>
    <message>
        <source>Execution planning</source>
        <translation type="vanished">Planificación de la ejecución</translation>
    </message>
    <message>
        <source>Result analysis</source>
        <translation type="vanished">Análisis de resultados</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="vanished">%1 · %2</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation type="vanished">Paso %1</translation>
    </message>
    <message>
        <source>%1% sure</source>
        <translation type="vanished">%1 % de confianza</translation>
    </message>
    <message>
        <source>Reasoning chain (%1)</source>
        <translation type="vanished">Cadena de razonamiento (%1)</translation>
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
        <translation>Paso %1</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../qml/TimelineView.qml" line="43"/>
        <source>Timeline</source>
        <translation>Línea de tiempo</translation>
    </message>
</context>
<context>
    <name>UpstreamProbe</name>
    <message numerus="yes">
        <location filename="../qml/settings/UpstreamProbe.cpp" line="23"/>
        <source>Connected: %n model(s) available.</source>
        <translation>
            <numerusform>Conectado: %n modelo disponible.</numerusform>
            <numerusform>Conectado: %n modelos disponibles.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/settings/UpstreamProbe.cpp" line="25"/>
        <source>No answer: %1</source>
        <translation>Sin respuesta: %1</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../qml/Words.qml" line="20"/>
        <source>Initialization</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="21"/>
        <source>Analysis</source>
        <translation>Análisis</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="22"/>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="23"/>
        <source>Planning</source>
        <translation>Planificación</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="24"/>
        <source>Evaluation</source>
        <translation>Evaluación</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="25"/>
        <source>Risk assessment</source>
        <translation>Evaluación de riesgos</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="26"/>
        <source>Service selection</source>
        <translation>Selección de servicio</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="27"/>
        <source>Workflow generation</source>
        <translation>Generación de flujo</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="28"/>
        <source>Execution planning</source>
        <translation>Planificación de la ejecución</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="29"/>
        <source>Result analysis</source>
        <translation>Análisis de resultados</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="36"/>
        <source>agent</source>
        <translation>agente</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="37"/>
        <source>model</source>
        <translation>modelo</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="38"/>
        <source>tool</source>
        <translation>herramienta</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="39"/>
        <source>retrieval</source>
        <translation>recuperación</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="40"/>
        <source>embedding</source>
        <translation>embedding</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="41"/>
        <source>reasoning</source>
        <translation>razonamiento</translation>
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
        <translation>ahora mismo</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/Words.qml" line="73"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>hace %n min</numerusform>
            <numerusform>hace %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/Words.qml" line="75"/>
        <source>%n h ago</source>
        <translation>
            <numerusform>hace %n h</numerusform>
            <numerusform>hace %n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/Words.qml" line="76"/>
        <source>%n d ago</source>
        <translation>
            <numerusform>hace %n día</numerusform>
            <numerusform>hace %n días</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="81"/>
        <source>this window</source>
        <translation>esta ventana</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="82"/>
        <source>an API client</source>
        <translation>un cliente de la API</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="83"/>
        <source>agent %1</source>
        <translation>agente %1</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="83"/>
        <source>an agent</source>
        <translation>un agente</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="84"/>
        <source>trace from %1</source>
        <translation>traza de %1</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="84"/>
        <source>an OpenTelemetry trace</source>
        <translation>una traza de OpenTelemetry</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="91"/>
        <source>running</source>
        <translation>en curso</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="92"/>
        <source>done</source>
        <translation>hecha</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="93"/>
        <source>failed</source>
        <translation>fallida</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="94"/>
        <source>stopped</source>
        <translation>detenida</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="95"/>
        <source>ended</source>
        <translation>terminada</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="110"/>
        <source>finished</source>
        <translation>terminada</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="111"/>
        <source>token limit</source>
        <translation>límite de tokens</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="112"/>
        <source>tool calls</source>
        <translation>llamadas a herramientas</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="113"/>
        <source>content filter</source>
        <translation>filtro de contenido</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="118"/>
        <source>%1 tokens/s</source>
        <translation>%1 tokens/s</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="136"/>
        <source>Request received</source>
        <translation>Petición recibida</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="138"/>
        <source>The model server accepted it</source>
        <translation>El servidor del modelo la aceptó</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="140"/>
        <source>Reading the prompt, %1%</source>
        <translation>Leyendo la petición, %1 %</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="141"/>
        <source>Reading the prompt</source>
        <translation>Leyendo la petición</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="143"/>
        <source>First token after %1</source>
        <translation>Primer token tras %1</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="144"/>
        <source>First token</source>
        <translation>Primer token</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="147"/>
        <location filename="../qml/Words.qml" line="299"/>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="148"/>
        <source>Done in %1</source>
        <translation>Terminado en %1</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="150"/>
        <source>%1 prompt + %2 completion tokens</source>
        <translation>%1 tokens de entrada + %2 de respuesta</translation>
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
        <translation>Falló</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="160"/>
        <location filename="../qml/Words.qml" line="301"/>
        <source>Stopped</source>
        <translation>Detenido</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="162"/>
        <source>Session ended</source>
        <translation>Sesión terminada</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="166"/>
        <source>Agent state: snapshot</source>
        <translation>Estado del agente: instantánea</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="168"/>
        <source>Agent state: changed</source>
        <translation>Estado del agente: cambiado</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="184"/>
        <source>%1 started run %2</source>
        <translation>%1 inició la ejecución %2</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="184"/>
        <source>%1 started a run</source>
        <translation>%1 inició una ejecución</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="186"/>
        <source>%1 finished run %2</source>
        <translation>%1 terminó la ejecución %2</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="186"/>
        <source>%1 finished its run</source>
        <translation>%1 terminó su ejecución</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="188"/>
        <source>Run %1 of %2 failed</source>
        <translation>La ejecución %1 de %2 falló</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="188"/>
        <source>The run of %1 failed</source>
        <translation>La ejecución de %1 falló</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="190"/>
        <source>Run %1 of %2 was stopped</source>
        <translation>La ejecución %1 de %2 se detuvo</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="190"/>
        <source>The run of %1 was stopped</source>
        <translation>La ejecución de %1 se detuvo</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/Words.qml" line="200"/>
        <location filename="../qml/Words.qml" line="201"/>
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n paso</numerusform>
            <numerusform>%n pasos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/Words.qml" line="200"/>
        <location filename="../qml/Words.qml" line="206"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n fallido</numerusform>
            <numerusform>%n fallidos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="204"/>
        <source>Trace started: %1</source>
        <translation>Traza iniciada: %1</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="204"/>
        <source>Trace %1 started</source>
        <translation>Traza %1 iniciada</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/Words.qml" line="206"/>
        <location filename="../qml/Words.qml" line="207"/>
        <source>%n step(s) done</source>
        <translation>
            <numerusform>%n paso hecho</numerusform>
            <numerusform>%n pasos hechos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="209"/>
        <source>Trace done: %1</source>
        <translation>Traza terminada: %1</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="212"/>
        <source>Moved to session %1, the conversation a later span named</source>
        <extracomment>%1 is a session&apos;s id: the conversation a later span of the trace named</extracomment>
        <translation>Movida a la sesión %1, la conversación que nombró un span posterior</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="214"/>
        <source>The trace failed: %1</source>
        <translation>La traza falló: %1</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="219"/>
        <source>Its root span ended with an error and said no more.</source>
        <translation>Su span raíz terminó con un error y no dijo nada más.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="229"/>
        <location filename="../qml/Words.qml" line="328"/>
        <source>%1 answered with HTTP status %2.</source>
        <translation>%1 respondió con el estado HTTP %2.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="233"/>
        <source>%1 could not be reached. Is it running at the address in Settings?</source>
        <translation>No se pudo contactar con %1. ¿Está en marcha en la dirección de Ajustes?</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="235"/>
        <source>Ponder stopped waiting for %1.</source>
        <translation>Ponder dejó de esperar a %1.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="236"/>
        <location filename="../qml/Words.qml" line="331"/>
        <source>%1 went silent, and Ponder stopped waiting.</source>
        <translation>%1 dejó de responder y Ponder dejó de esperar.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="237"/>
        <source>%1 broke off the connection during the run.</source>
        <translation>%1 cortó la conexión durante la ejecución.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="238"/>
        <source>The connection to %1 failed.</source>
        <translation>La conexión con %1 falló.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="239"/>
        <source>%1 did not answer with an event stream.</source>
        <translation>%1 no respondió con un flujo de eventos.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="240"/>
        <source>%1 sent an event too large to relay.</source>
        <translation>%1 envió un evento demasiado grande para retransmitirlo.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="241"/>
        <source>%1 ended its stream before it finished the run.</source>
        <translation>%1 cerró su flujo antes de terminar la ejecución.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="247"/>
        <source>“%1”</source>
        <translation>«%1»</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="264"/>
        <source>Now: in memory, healthy.</source>
        <translation>Ahora: en memoria, correcto.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="267"/>
        <source>Now: Redis, connected.</source>
        <translation>Ahora: Redis, conectado.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="268"/>
        <source>Now: Redis, degraded (%1). Events are buffered until it is back.</source>
        <translation>Ahora: Redis, degradado (%1). Los eventos se guardan en búfer hasta que vuelva.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="274"/>
        <source>Ponder no longer has this session: it was deleted, or it ended so long ago that it expired.</source>
        <translation>Ponder ya no tiene esta sesión: se eliminó o terminó hace tanto que caducó.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="275"/>
        <source>This session cannot be watched now: the event store (Redis) does not answer. Select it again once Redis is back.</source>
        <translation>Ahora no se puede seguir esta sesión: el almacén de eventos (Redis) no responde. Vuelve a seleccionarla cuando Redis esté de nuevo disponible.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="276"/>
        <source>The event store refused to show this session.</source>
        <translation>El almacén de eventos se negó a mostrar esta sesión.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="283"/>
        <source>No keychain answers.</source>
        <translation>Ningún llavero responde.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="284"/>
        <source>The keychain refused Ponder access.</source>
        <translation>El llavero le negó el acceso a Ponder.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="285"/>
        <source>The keychain reported an error.</source>
        <translation>El llavero informó de un error.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="291"/>
        <source>Nothing is stored in plain text instead.</source>
        <translation>No se guarda nada en texto plano en su lugar.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="297"/>
        <source>Waiting</source>
        <translation>Esperando</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="298"/>
        <source>Running</source>
        <translation>En curso</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="302"/>
        <source>Ended</source>
        <translation>Terminada</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="303"/>
        <source>Idle</source>
        <translation>En espera</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="326"/>
        <source>%1 broke off the answer before it was done.</source>
        <translation>%1 cortó la respuesta antes de terminarla.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="232"/>
        <location filename="../qml/Words.qml" line="330"/>
        <source>%1 could not be reached.</source>
        <translation>No se pudo contactar con %1.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="332"/>
        <source>The secure connection to %1 failed.</source>
        <translation>Falló la conexión segura con %1.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="334"/>
        <source>%1 reported an error.</source>
        <translation>%1 informó de un error.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="335"/>
        <source>%1 sent an answer Ponder could not read.</source>
        <translation>%1 envió una respuesta que Ponder no pudo leer.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="341"/>
        <source>Not reachable: nothing answers at this address. Is the server running?</source>
        <translation>No se puede conectar: nada responde en esta dirección. ¿Está en marcha el servidor?</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="342"/>
        <source>It went silent, and Ponder stopped waiting.</source>
        <translation>Dejó de responder y Ponder dejó de esperar.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="343"/>
        <source>The secure connection failed.</source>
        <translation>La conexión segura falló.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="344"/>
        <source>It refused Ponder&apos;s API key.</source>
        <translation>Rechazó la clave de API de Ponder.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="345"/>
        <source>Nothing found at this address: is the URL right?</source>
        <translation>No se encontró nada en esta dirección: ¿es correcta la URL?</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="346"/>
        <source>It asked Ponder to wait (too many requests).</source>
        <translation>Pidió a Ponder que esperara (demasiadas solicitudes).</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="347"/>
        <source>It answered with an error.</source>
        <translation>Respondió con un error.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="363"/>
        <source>Model not found</source>
        <translation>Modelo no encontrado</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="364"/>
        <source>Rate limited</source>
        <translation>Solicitudes limitadas</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="365"/>
        <source>Model server not reachable</source>
        <translation>Servidor de modelos inaccesible</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="366"/>
        <source>Model server went silent</source>
        <translation>El servidor de modelos dejó de responder</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="367"/>
        <source>The answer broke off</source>
        <translation>La respuesta se cortó</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="368"/>
        <source>API key refused</source>
        <translation>Clave de API rechazada</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="369"/>
        <source>Too many answers at once</source>
        <translation>Demasiadas respuestas a la vez</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="370"/>
        <source>Request refused</source>
        <translation>Solicitud rechazada</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="371"/>
        <source>Agent not reachable</source>
        <translation>Agente inaccesible</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="372"/>
        <source>Agent went silent</source>
        <translation>El agente dejó de responder</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="373"/>
        <source>Agent refused Ponder</source>
        <translation>El agente rechazó a Ponder</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="374"/>
        <source>The agent reported an error</source>
        <translation>El agente informó de un error</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="375"/>
        <source>The model server reported an error</source>
        <translation>El servidor de modelos informó de un error</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="383"/>
        <source>The model server does not have this model. Pick another model, or download it first (for Ollama: ollama pull NAME).</source>
        <translation>El servidor de modelos no tiene este modelo. Elige otro modelo o descárgalo primero (con Ollama: ollama pull NOMBRE).</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="385"/>
        <source>The server is rate limiting Ponder and asked it to wait.</source>
        <translation>El servidor limita las peticiones de Ponder y pide esperar.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="387"/>
        <source>The model server is not answering. Start it (for Ollama: ollama serve), or fix its URL in Settings.</source>
        <translation>El servidor de modelos no responde. Inícialo (con Ollama: ollama serve) o corrige su URL en Ajustes.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="389"/>
        <source>The model server went silent. It may still be loading the model: try again.</source>
        <translation>El servidor de modelos se quedó en silencio. Puede que aún esté cargando el modelo: inténtalo de nuevo.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="391"/>
        <source>The answer broke off before it was done. Retry to get it whole.</source>
        <translation>La respuesta se cortó antes de terminar. Reinténtalo para obtenerla completa.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="392"/>
        <source>The stream broke off before any answer came. Retry.</source>
        <translation>El flujo se cortó antes de que llegara una respuesta. Inténtalo de nuevo.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="394"/>
        <source>The model server refused Ponder&apos;s API key. Check the key in Settings.</source>
        <translation>El servidor de modelos rechazó la clave de API de Ponder. Revisa la clave en Ajustes.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="396"/>
        <source>Ponder is already running as many answers as it allows. Try again in a moment.</source>
        <translation>Ponder ya genera tantas respuestas como permite. Inténtalo de nuevo en un momento.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="398"/>
        <source>The model server refused the request.</source>
        <translation>El servidor de modelos rechazó la petición.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="400"/>
        <source>The agent is not answering. Is it running at the address in Settings?</source>
        <translation>El agente no responde. ¿Está en marcha en la dirección de los ajustes?</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="402"/>
        <source>The agent went silent. Try again.</source>
        <translation>El agente dejó de responder. Inténtalo de nuevo.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="404"/>
        <source>The agent refused Ponder. Check its address and what it expects in Settings.</source>
        <translation>El agente rechazó a Ponder. Revisa su dirección y lo que espera en los ajustes.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="406"/>
        <source>The agent reported an error.</source>
        <translation>El agente informó de un error.</translation>
    </message>
    <message>
        <location filename="../qml/Words.qml" line="408"/>
        <source>The model server reported an error.</source>
        <translation>El servidor de modelos informó de un error.</translation>
    </message>
</context>
</TS>
