import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ponder

// The answer's thinking: steps as they arrive, and the model's reasoning text while it thinks.
ColumnLayout {
    id: panel

    required property ThinkingStepModel steps
    property string reasoning
    property bool thinking: false
    property int thoughtMs: -1
    property bool reasoningExpanded: true

    spacing: 8

    RowLayout {
        Layout.fillWidth: true
        Label {
            text: qsTr("Thinking")
            font.bold: true
            font.pixelSize: 15
            color: Theme.text
            Layout.fillWidth: true
        }
        Label {
            objectName: "thoughtLabel"
            font.pixelSize: 12
            color: Theme.thinking
            text: panel.thinking ? qsTr("thinking…")
                                 : panel.thoughtMs >= 0 ? qsTr("thought for %1 s").arg((panel.thoughtMs / 1000).toFixed(1)) : ""
        }
    }

    Label {
        visible: panel.steps.count === 0 && panel.reasoning === ""
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        font.pixelSize: 12
        color: Theme.mutedText
        text: qsTr("Steps appear here while a model reasons. Models without reasoning answer straight away.")
    }

    ListView {
        id: stepList
        objectName: "thinkingSteps"
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        spacing: 8
        model: panel.steps
        reuseItems: true
        ScrollBar.vertical: ScrollBar {}
        onCountChanged: Qt.callLater(positionViewAtEnd)
        delegate: ThinkingStepDelegate { width: ListView.view.width - 8 }
    }

    // The live reasoning text, collapsible; it is the raw material the steps above are cut from.
    Label {
        visible: panel.reasoning !== ""
        text: (panel.reasoningExpanded ? "▾ " : "▸ ") + qsTr("Reasoning text")
        font.pixelSize: 12
        color: Theme.thinking
        MouseArea {
            anchors.fill: parent
            cursorShape: Qt.PointingHandCursor
            onClicked: panel.reasoningExpanded = !panel.reasoningExpanded
        }
        Accessible.role: Accessible.Button
        Accessible.name: qsTr("Show or hide the reasoning text")
    }
    ScrollView {
        visible: panel.reasoning !== "" && panel.reasoningExpanded
        Layout.fillWidth: true
        Layout.preferredHeight: Math.min(reasoningText.implicitHeight, 200)
        Label {
            id: reasoningText
            objectName: "reasoningText"
            width: panel.width - 12
            text: panel.reasoning
            wrapMode: Text.Wrap
            font.italic: true
            font.pixelSize: 12
            color: Theme.mutedText
        }
    }
}
