// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ponder

// The thinking visualizer: any session in the hub, live, whoever publishes into it. On top its title,
// where it came from and how it stands, warnings pinned while it runs; then its timeline, and beside it
// (or above it, when narrow) the prompt and the answer as they stream.
Rectangle {
    id: page

    required property SessionView session
    property string title
    property string origin // this window, an API client, an agent: in words
    property date startedAt

    readonly property bool hasConversation: session.prompt !== "" || session.hasAnswer
    readonly property bool wide: width >= 980

    color: Theme.background

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 20
        spacing: 12

        // Title and where it stands. Anchored, not in a RowLayout: the chip's width follows its word at once,
        // where a layout waits for its next polish (under a slow build the chip was measured still as wide as
        // the word before).
        Item {
            Layout.fillWidth: true
            implicitHeight: Math.max(sessionTitle.implicitHeight, sessionPhase.implicitHeight)
            Label {
                id: sessionTitle
                objectName: "sessionTitle"
                anchors.left: parent.left
                anchors.right: sessionPhase.left
                anchors.rightMargin: 10
                anchors.verticalCenter: parent.verticalCenter
                text: page.title
                font.pixelSize: 20
                font.bold: true
                elide: Text.ElideRight
                color: Theme.text
            }
            Badge {
                id: sessionPhase
                objectName: "sessionPhase"
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                width: implicitWidth
                text: Words.phase(page.session.progress.phase)
                tone: Words.phaseTone(page.session.progress.phase)
                font.pixelSize: 11
            }
        }
        Label {
            objectName: "sessionSubtitle"
            Layout.fillWidth: true
            elide: Text.ElideRight
            font.pixelSize: 12
            color: Theme.mutedText
            text: {
                let parts = []
                if (page.origin !== "")
                    parts.push(page.origin)
                parts.push(qsTr("session %1").arg(page.session.sessionId))
                // A session outlives its requests: once one has finished, the next may still come.
                const phase = page.session.progress.phase
                if (page.session.ended)
                    parts.push(qsTr("ended"))
                else if (phase === ProgressState.Done || phase === ProgressState.Failed
                         || phase === ProgressState.Stopped)
                    parts.push(qsTr("still open"))
                else
                    parts.push(qsTr("watching live"))
                return parts.join(" · ")
            }
        }
        Label {
            objectName: "sessionProblem"
            visible: text !== ""
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.error
            text: Words.sessionProblem(page.session.problem)
        }

        // Warnings stay in sight until the session ends.
        Repeater {
            model: page.session.warnings
            Rectangle {
                required property string modelData
                objectName: "pinnedWarning"
                Layout.fillWidth: true
                implicitHeight: warningText.implicitHeight + 14
                radius: 8
                color: Theme.warningBackground
                border.color: Theme.tint(Theme.warning, 0.4)
                Label {
                    id: warningText
                    x: 12
                    y: 7
                    width: parent.width - 24
                    wrapMode: Text.Wrap
                    color: Theme.text
                    text: qsTr("⚠ %1").arg(parent.modelData)
                }
            }
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: status.implicitHeight + 24
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border
            SessionStatus {
                id: status
                objectName: "liveStatus"
                x: 14
                y: 12
                width: parent.width - 28
                session: page.session
                showPhase: false
            }
        }

        GridLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            columns: page.wide ? 2 : 1
            columnSpacing: 16
            rowSpacing: 12

            // The prompt and the answer, for requests from outside (the window's own chats show theirs).
            Rectangle {
                objectName: "liveConversation"
                visible: page.hasConversation
                Layout.fillWidth: true
                Layout.fillHeight: page.wide
                Layout.preferredHeight: page.wide ? -1 : Math.min(conversation.contentHeight + 28, page.height * 0.3)
                Layout.preferredWidth: page.wide ? 2 : -1
                Layout.column: page.wide ? 1 : 0
                Layout.row: 0
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.border
                Flickable {
                    id: conversation
                    anchors.fill: parent
                    anchors.margins: 14
                    clip: true
                    contentHeight: talk.height
                    boundsBehavior: Flickable.StopAtBounds
                    ScrollBar.vertical: ScrollBar {}
                    Column {
                        id: talk
                        width: conversation.width
                        spacing: 10
                        Label {
                            visible: page.session.prompt !== ""
                            text: qsTr("Prompt")
                            font.pixelSize: 11
                            font.bold: true
                            color: Theme.mutedText
                        }
                        Label {
                            objectName: "livePrompt"
                            visible: page.session.prompt !== ""
                            width: parent.width
                            wrapMode: Text.Wrap
                            maximumLineCount: 12
                            elide: Text.ElideRight
                            padding: 10
                            color: Theme.text
                            text: page.session.prompt
                            background: Rectangle { radius: 8; color: Theme.userBubble }
                        }
                        Label {
                            visible: page.session.hasAnswer
                            text: qsTr("Answer")
                            font.pixelSize: 11
                            font.bold: true
                            color: Theme.mutedText
                        }
                        MarkdownBlocks {
                            objectName: "liveAnswer"
                            width: parent.width
                            markdown: page.session.answer
                            fontSize: 14
                            streaming: page.session.progress.phase === ProgressState.Working
                        }
                    }
                }
            }

            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: page.wide && page.hasConversation ? 3 : -1
                Layout.column: 0
                Layout.row: page.wide ? 0 : 1
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.border
                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: 14
                    spacing: 8
                    // Anchored, not a RowLayout: Qt 6.4's layout can miss the count's width changing (it
                    // appears with the first step) and leave it running past the edge.
                    Item {
                        Layout.fillWidth: true
                        implicitHeight: timelineTitle.implicitHeight
                        Label {
                            id: timelineTitle
                            anchors.left: parent.left
                            anchors.right: stepCount.left
                            anchors.rightMargin: 8
                            text: qsTr("Timeline")
                            elide: Text.ElideRight
                            font.bold: true
                            font.pixelSize: 15
                            color: Theme.text
                        }
                        Label {
                            id: stepCount
                            anchors.right: parent.right
                            anchors.verticalCenter: timelineTitle.verticalCenter
                            width: implicitWidth
                            text: page.session.timeline.stepCount > 0 ? qsTr("%n step(s)", "", page.session.timeline.stepCount) : ""
                            font.pixelSize: 12
                            color: Theme.mutedText
                        }
                    }
                    // The hub keeps the last steps of each session: say so where the kept ones begin, so
                    // that they are not taken for the session's first.
                    Label {
                        objectName: "stepsNotKept"
                        visible: page.session.stepsNotKept > 0
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        font.pixelSize: 12
                        color: Theme.mutedText
                        text: qsTr("Ponder no longer keeps %n earlier step(s) of this session: it keeps the last ones of each session.", "", page.session.stepsNotKept)
                    }
                    Label {
                        visible: page.session.timeline.count === 0
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        font.pixelSize: 12
                        color: Theme.mutedText
                        text: qsTr("Nothing yet. Steps, progress and reasoning appear here as the session publishes them.")
                    }
                    TimelineView {
                        objectName: "liveTimeline"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        timeline: page.session.timeline
                    }
                }
            }
        }
    }
}
