<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
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
        <translation>Sieh Sprachmodellen beim Denken zu.</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="42" />
        <source>Local endpoint: %1/v1</source>
        <translation>Lokaler Endpunkt: %1/v1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="44" />
        <source>The local endpoint could not start: %1</source>
        <translation>Der lokale Endpunkt konnte nicht starten: %1</translation>
    </message>
    <message>
        <location filename="../qml/Main.qml" line="46" />
        <source>Starting the local endpoint…</source>
        <translation>Lokaler Endpunkt wird gestartet…</translation>
    </message>
</context>
</TS>