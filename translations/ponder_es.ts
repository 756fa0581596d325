<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_ES">
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="14" />
        <location filename="../qml/Main.qml" line="23" />
        <source>Ponder</source>
        <translation>Ponder</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="30" />
        <source>Watch language models think.</source>
        <translation>Mira cómo piensan los modelos de lenguaje.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="42" />
        <source>Local endpoint: %1/v1</source>
        <translation>Punto de acceso local: %1/v1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="44" />
        <source>The local endpoint could not start: %1</source>
        <translation>No se pudo iniciar el punto de acceso local: %1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="46" />
        <source>Starting the local endpoint…</source>
        <translation>Iniciando el punto de acceso local…</translation>
    </message>
</context>
</TS>