import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ponder

// The debug-mode thinking visualizer: any session in the hub, live, whoever publishes into it.
Rectangle {
    id: page

    required property SessionView session
    property string title

    color: Theme.background

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 20
        spacing: 12

        Label {
            Layout.fillWidth: true
            text: page.title
            font.pixelSize: 20
            font.bold: true
            elide: Text.ElideRight
            color: Theme.text
        }
        Label {
            Layout.fillWidth: true
            text: page.session.ended ? qsTr("Session %1 · ended").arg(page.session.sessionId)
                                     : qsTr("Session %1 · watching live").arg(page.session.sessionId)
            font.pixelSize: 12
            color: page.session.ended ? Theme.mutedText : Theme.success
        }
        Label {
            visible: page.session.problem !== ""
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.error
            text: qsTr("This session cannot be watched: %1").arg(page.session.problem)
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 16

            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.border
                ThinkingPanel {
                    anchors.fill: parent
                    anchors.margins: 14
                    steps: page.session.steps
                    reasoning: page.session.reasoning
                    thinking: page.session.progress.phase === ProgressState.Working && page.session.reasoning !== ""
                }
            }
            Rectangle {
                Layout.preferredWidth: 340
                Layout.fillHeight: true
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.border
                ProgressPanel {
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.top: parent.top
                    anchors.margins: 14
                    progress: page.session.progress
                }
            }
        }
    }
}
