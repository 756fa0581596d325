// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import Ponder

// One step an agent published: its name (or type, or number), what kind of work it is, how it went and
// how long it took, its text as Markdown, and what it weighed: confidence, alternatives considered,
// decision factors, its reasoning chain, what went in and came out. A step with nested steps folds them.
// Its duration bar sits on the session's time axis, so the bars of a lane line up like a trace's.
Rectangle {
    id: card

    required property SessionTimeline timeline
    required property int row
    required property int offsetMs
    required property int shownDuration
    required property bool open
    required property bool hasChildren
    required property bool expanded
    required property int number
    required property string stepType
    required property string stepKind
    required property string name
    required property int status
    required property string content
    required property var reasoningChain
    required property var alternatives
    required property var factors
    required property real confidence
    required property string input
    required property string output
    required property string attributes
    required property color tone
    property bool detailsShown: false

    readonly property string typeName: Words.typeName(stepType)
    // Text into StyledText as it is.
    function escaped(text) { return text.replace(/&/g, "&amp;").replace(/</g, "&lt;") }

    implicitHeight: column.implicitHeight + 14
    radius: 8
    color: Theme.over(tone, 0.06, Theme.surface)
    border.color: Theme.tint(tone, 0.3)

    Column {
        id: column
        x: 10
        y: 7
        width: parent.width - 20
        spacing: 4

        // Header: fold, status, name, kind, confidence ... duration.
        Item {
            width: parent.width
            height: titleRow.implicitHeight
            Row {
                id: titleRow
                width: parent.width - durationLabel.implicitWidth - 8
                spacing: 6
                Label {
                    visible: card.hasChildren
                    text: card.expanded ? "▾" : "▸"
                    font.pixelSize: 12
                    color: Theme.text
                    MouseArea {
                        anchors.fill: parent
                        anchors.margins: -4
                        cursorShape: Qt.PointingHandCursor
                        onClicked: card.timeline.toggle(card.row)
                    }
                    Accessible.role: Accessible.Button
                    Accessible.name: card.expanded ? qsTr("Fold the nested steps") : qsTr("Unfold the nested steps")
                }
                Label {
                    visible: text !== ""
                    text: {
                        switch (card.status) {
                        case Timeline.Running: return "●"
                        case Timeline.Succeeded: return "✓"
                        case Timeline.Errored: return "✕"
                        case Timeline.Interrupted: return "■"
                        default: return ""
                        }
                    }
                    font.pixelSize: 12
                    font.bold: true
                    color: card.status === Timeline.Errored ? Theme.error
                         : card.status === Timeline.Succeeded ? Theme.success
                         : card.status === Timeline.Interrupted ? Theme.warning : Theme.accentText
                }
                Label {
                    objectName: "stepLabel"
                    width: Math.min(implicitWidth, titleRow.width - x - (kindBadge.visible ? kindBadge.implicitWidth + 6 : 0)
                                    - (sure.visible ? sure.implicitWidth + 6 : 0))
                    elide: Text.ElideRight
                    text: card.name !== "" ? card.name
                                           : card.typeName !== "" ? qsTr("%1 · %2").arg(card.number).arg(card.typeName)
                                                                  : qsTr("Step %1").arg(card.number)
                    font.pixelSize: 12
                    font.bold: true
                    color: card.name === "" && card.typeName !== "" ? card.tone : Theme.text
                }
                Badge {
                    id: kindBadge
                    visible: text !== ""
                    text: card.name !== "" && card.typeName !== "" ? card.typeName : Words.kindName(card.stepKind)
                    tone: card.tone === Theme.mutedText ? Theme.accentText : card.tone
                }
                Label {
                    id: sure
                    visible: card.confidence >= 0
                    text: qsTr("%1% sure").arg(Math.round(card.confidence * 100))
                    font.pixelSize: 11
                    color: Theme.mutedText
                }
            }
            Label {
                id: durationLabel
                anchors.right: parent.right
                text: card.open ? qsTr("running %1").arg(Words.duration(card.shownDuration))
                                : Words.duration(card.shownDuration)
                font.pixelSize: 11
                font.family: Theme.monospace
                color: card.open ? Theme.accentText : Theme.mutedText
            }
        }

        MarkdownText {
            objectName: "stepContent"
            visible: card.content !== ""
            width: parent.width
            text: card.content
        }

        // What it weighed, where it weighed it.
        Label {
            visible: card.alternatives.length > 0
            width: parent.width
            wrapMode: Text.Wrap
            font.pixelSize: 12
            color: Theme.mutedText
            textFormat: Text.StyledText
            text: qsTr("<b>Considered:</b> %1").arg(card.alternatives.map(card.escaped).join(" · "))
        }
        Label {
            visible: card.factors.length > 0
            width: parent.width
            wrapMode: Text.Wrap
            font.pixelSize: 12
            color: Theme.mutedText
            textFormat: Text.StyledText
            text: qsTr("<b>Because:</b> %1").arg(card.factors.map(card.escaped).join(" · "))
        }
        component Summary: Label {
            width: parent ? parent.width : 0
            wrapMode: Text.Wrap
            maximumLineCount: 6
            elide: Text.ElideRight
            font.pixelSize: 12
            font.family: Theme.monospace
            color: Theme.text
            leftPadding: 8
            rightPadding: 8
            topPadding: 3
            bottomPadding: 3
            background: Rectangle { radius: 4; color: Theme.codeBackground }
        }
        Summary { visible: card.input !== ""; text: qsTr("in: %1").arg(card.input) }
        Summary { visible: card.output !== ""; text: qsTr("out: %1").arg(card.output) }

        // The rest, folded: the reasoning chain and the attributes.
        Label {
            visible: card.reasoningChain.length > 0 || card.attributes !== ""
            text: (card.detailsShown ? "▾ " : "▸ ")
                  + (card.reasoningChain.length > 0 ? qsTr("Reasoning chain (%1)").arg(card.reasoningChain.length)
                                                     : qsTr("Attributes"))
            font.pixelSize: 11
            color: Theme.accentText
            MouseArea {
                anchors.fill: parent
                cursorShape: Qt.PointingHandCursor
                onClicked: card.detailsShown = !card.detailsShown
            }
            Accessible.role: Accessible.Button
            Accessible.name: text
        }
        Label {
            visible: card.detailsShown && card.reasoningChain.length > 0
            width: parent.width
            wrapMode: Text.Wrap
            font.pixelSize: 12
            color: Theme.mutedText
            text: card.reasoningChain.map((link, i) => (i + 1) + ". " + link).join("\n")
        }
        Label {
            visible: card.detailsShown && card.attributes !== ""
            width: parent.width
            wrapMode: Text.WrapAnywhere
            font.pixelSize: 11
            font.family: Theme.monospace
            color: Theme.mutedText
            text: card.attributes
        }

        // Its bar on the session's time axis.
        Item {
            width: parent.width
            height: 6
            Rectangle {
                anchors.verticalCenter: parent.verticalCenter
                width: parent.width
                height: 2
                radius: 1
                color: Theme.rule
            }
            Rectangle {
                objectName: "durationBar"
                readonly property real span: Math.max(1, card.timeline.spanMs)
                anchors.verticalCenter: parent.verticalCenter
                x: parent.width * Math.min(1, Math.max(0, card.offsetMs) / span)
                width: Math.max(3, Math.min(parent.width - x, parent.width * card.shownDuration / span))
                height: 4
                radius: 2
                color: card.tone === Theme.mutedText ? Theme.accentText : card.tone
                opacity: card.open ? 0.7 : 1
            }
        }
    }
}
