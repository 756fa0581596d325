import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ponder

// Beside the chat: what the request is doing (progress) and what the model is thinking, all from one
// feed: the conversation's hub session, as any outside watcher of it sees it.
Rectangle {
    id: panel

    required property SessionView session
    property int thoughtMs: -1 // the answer's, as measured with it
    property int failure: ChatFailure.None // the answer's, for advice

    color: Theme.surface
    Rectangle { anchors.left: parent.left; width: 1; height: parent.height; color: Theme.border }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 14
        spacing: 14

        ProgressPanel {
            Layout.fillWidth: true
            progress: panel.session.progress
            failure: panel.failure
        }
        Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }
        ThinkingPanel {
            Layout.fillWidth: true
            Layout.fillHeight: true
            steps: panel.session.steps
            reasoning: panel.session.reasoning
            thinking: panel.session.thinking
            thoughtMs: panel.thoughtMs
        }
    }
}
