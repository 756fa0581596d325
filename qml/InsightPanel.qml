// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ponder

// Beside the chat: where the request stands (status, tokens/s over time) and its timeline (the model's
// reasoning with its steps marked along it, and the request's moments), all from one feed: the
// conversation's hub session, as any outside watcher of it sees it.
Rectangle {
    id: panel

    required property SessionView session
    property int thoughtMs: -1 // the answer's, as measured with it
    property int failure: ChatFailure.None // the answer's, for advice
    // The chat has answers already: an empty timeline then means the hub no longer has its session.
    property bool pastChat: false
    readonly property bool timelineGone: pastChat && session.problem === SessionView.NotKept

    color: Theme.surface

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 14
        spacing: 10

        // Anchored rather than a RowLayout: a layout left hidden in the closed drawer while the label
        // changed kept its old positions when the drawer opened (Qt 6.4).
        Item {
            Layout.fillWidth: true
            implicitHeight: Math.max(heading.implicitHeight, thoughtLabel.implicitHeight)
            Label {
                id: heading
                anchors.left: parent.left
                anchors.right: thoughtLabel.left
                anchors.rightMargin: 8
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("Thinking")
                font.bold: true
                font.pixelSize: 15
                color: Theme.text
                elide: Text.ElideRight
            }
            Label {
                id: thoughtLabel
                objectName: "thoughtLabel"
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                font.pixelSize: 12
                color: Theme.thinking
                text: panel.session.thinking ? qsTr("thinking…")
                                             : panel.thoughtMs >= 0 ? qsTr("thought for %1 s").arg(Words.decimal(panel.thoughtMs / 1000)) : ""
            }
        }

        SessionStatus {
            objectName: "sessionStatus"
            Layout.fillWidth: true
            session: panel.session
            failure: panel.failure
            compact: true
            visible: panel.session.progress.phase !== ProgressState.Idle
        }
        Rectangle { Layout.fillWidth: true; implicitHeight: 1; color: Theme.border }

        Label {
            objectName: "timelinePlaceholder"
            visible: panel.session.timeline.count === 0
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            font.pixelSize: 12
            color: Theme.mutedText
            text: panel.timelineGone
                  ? qsTr("This chat's timeline is no longer kept: Ponder keeps events until it quits or they expire. Each answer keeps its reasoning, folded above its text.")
                  : qsTr("The request's timeline appears here: the model's reasoning as it streams, with its steps marked along it. Models without reasoning answer straight away.")
        }
        TimelineView {
            objectName: "thinkingSteps"
            Layout.fillWidth: true
            Layout.fillHeight: true
            timeline: panel.session.timeline
            compact: true
        }
    }
}
