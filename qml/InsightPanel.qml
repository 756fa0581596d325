import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ponder

// Beside the chat: what the request is doing (progress) and what the model is thinking.
Rectangle {
    id: panel

    required property SessionView session
    property string reasoning
    property bool thinking: false
    property int thoughtMs: -1

    color: Theme.surface
    Rectangle { anchors.left: parent.left; width: 1; height: parent.height; color: Theme.border }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 14
        spacing: 14

        ProgressPanel {
            Layout.fillWidth: true
            progress: panel.session.progress
        }
        Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }
        ThinkingPanel {
            Layout.fillWidth: true
            Layout.fillHeight: true
            steps: panel.session.steps
            reasoning: panel.reasoning
            thinking: panel.thinking
            thoughtMs: panel.thoughtMs
        }
    }
}
