import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ponder

// One thinking step: its number, its type only when its publisher gave one (a step cut from a model's
// reasoning is a plain, neutral "Step N"), text, confidence when known, time, and its reasoning chain.
Rectangle {
    id: step

    required property int number
    required property string stepType
    required property string content
    required property var reasoningChain
    required property real confidence
    required property date timestamp
    property bool chainShown: false

    ListView.onReused: chainShown = false

    readonly property bool typed: stepType !== "" && stepType !== "reasoning"
    function typeName(type) {
        switch (type) {
        case "initialization": return qsTr("Initialization")
        case "analysis": return qsTr("Analysis")
        case "decision": return qsTr("Decision")
        case "planning": return qsTr("Planning")
        case "evaluation": return qsTr("Evaluation")
        case "risk_assessment": return qsTr("Risk assessment")
        case "service_selection": return qsTr("Service selection")
        case "workflow_generation": return qsTr("Workflow generation")
        case "execution_planning": return qsTr("Execution planning")
        case "result_analysis": return qsTr("Result analysis")
        default: return type.replace(/_/g, " ")
        }
    }

    implicitHeight: layout.implicitHeight + 16
    radius: 8
    color: Theme.tint(Theme.stepColor(stepType), 0.08)
    border.color: Theme.tint(Theme.stepColor(stepType), 0.3)

    ColumnLayout {
        id: layout
        anchors.fill: parent
        anchors.margins: 8
        spacing: 4

        RowLayout {
            Layout.fillWidth: true
            Label {
                objectName: "stepLabel"
                text: step.typed ? qsTr("%1 · %2").arg(step.number).arg(step.typeName(step.stepType))
                                 : qsTr("Step %1").arg(step.number)
                font.pixelSize: 11
                font.bold: true
                font.capitalization: step.typed ? Font.AllUppercase : Font.MixedCase
                color: Theme.stepColor(step.stepType)
            }
            Label {
                visible: step.confidence >= 0
                text: qsTr("%1% sure").arg(Math.round(step.confidence * 100))
                font.pixelSize: 11
                color: Theme.mutedText
            }
            Item { Layout.fillWidth: true }
            Label {
                text: step.timestamp.toLocaleTimeString(Qt.locale(), "hh:mm:ss")
                font.pixelSize: 11
                color: Theme.mutedText
            }
        }
        Label {
            Layout.fillWidth: true
            text: step.content
            wrapMode: Text.Wrap
            font.pixelSize: 13
            color: Theme.text
        }
        Label {
            visible: step.reasoningChain.length > 0
            text: (step.chainShown ? "▾ " : "▸ ") + qsTr("Reasoning chain (%1)").arg(step.reasoningChain.length)
            font.pixelSize: 11
            color: Theme.thinking
            MouseArea {
                anchors.fill: parent
                cursorShape: Qt.PointingHandCursor
                onClicked: step.chainShown = !step.chainShown
            }
            Accessible.role: Accessible.Button
            Accessible.name: text
        }
        // In a Column, not straight in the layout: see MessageDelegate (Qt 6.4 layouts and changing Repeaters).
        Column {
            Layout.fillWidth: true
            visible: step.chainShown && step.reasoningChain.length > 0
            spacing: 4
            Repeater {
                model: step.chainShown ? step.reasoningChain : []
                Label {
                    required property string modelData
                    required property int index
                    width: parent ? parent.width : 0
                    text: (index + 1) + ". " + modelData
                    wrapMode: Text.Wrap
                    font.pixelSize: 12
                    color: Theme.mutedText
                    leftPadding: 8
                }
            }
        }
    }
}
