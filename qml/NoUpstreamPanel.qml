// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ponder

// First run without a reachable model server: what is wrong and how to fix it.
Item {
    id: panel

    required property ModelCatalog catalog

    signal settingsRequested()

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 64, 560)
        spacing: 14

        Label {
            objectName: "noUpstreamTitle"
            Layout.fillWidth: true
            text: qsTr("No model server is answering")
            font.pixelSize: 22
            font.bold: true
            color: Theme.text
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.mutedText
            text: qsTr("Ponder talks to a model server you run or use. It asked these and got no models:")
        }
        // In a Column, not straight in the layout: see MessageDelegate (Qt 6.4 layouts and changing Repeaters).
        Column {
            Layout.fillWidth: true
            spacing: 14
            Repeater {
                model: panel.catalog.upstreams
                // The upstream, why it gave nothing in the window's words, and Ponder's own message as a detail.
                Column {
                    required property var modelData
                    width: parent ? parent.width : 0
                    spacing: 2
                    Label {
                        width: parent.width
                        wrapMode: Text.Wrap
                        font.family: Theme.monospace
                        font.pixelSize: 12
                        color: Theme.text
                        text: "• " + modelData.name + " — " + modelData.url
                    }
                    Label {
                        objectName: "upstreamReason"
                        visible: modelData.error !== undefined
                        width: parent.width
                        leftPadding: 14
                        wrapMode: Text.Wrap
                        color: Theme.text
                        text: Words.upstreamProblem(modelData.errorCode)
                    }
                    Label {
                        objectName: "upstreamDetail"
                        visible: modelData.error !== undefined
                        width: parent.width
                        leftPadding: 14
                        wrapMode: Text.Wrap
                        font.pixelSize: 11
                        color: Theme.mutedText
                        text: modelData.error || ""
                    }
                }
            }
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            textFormat: Text.MarkdownText
            color: Theme.text
            text: qsTr("To fix it, either:\n\n1. start **Ollama** (`ollama serve`) and pull a model (`ollama pull qwen3`), or\n2. add an **OpenAI-compatible** server (llama.cpp, vLLM, LM Studio, OpenAI) with its URL and key in Settings.")
        }
        RowLayout {
            spacing: 8
            Button {
                text: qsTr("Try again")
                highlighted: true
                enabled: !panel.catalog.loading
                onClicked: panel.catalog.refresh()
            }
            Button {
                text: qsTr("Open settings")
                onClicked: panel.settingsRequested()
            }
            BusyIndicator {
                running: panel.catalog.loading
                visible: running
                Layout.preferredHeight: 32
                Layout.preferredWidth: 32
            }
        }
    }
}
