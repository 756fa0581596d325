// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ponder

// The conversation: messages streaming in, and the composer. Shows how to get going when no model
// server answers.
Item {
    id: page

    required property ChatController chat
    required property ModelCatalog catalog

    signal settingsRequested()

    function focusComposer() { composer.focusInput() }

    readonly property bool noUpstream: catalog.checked && catalog.models.length === 0

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        NoUpstreamPanel {
            visible: page.noUpstream && page.chat.messages.count === 0
            Layout.fillWidth: true
            Layout.fillHeight: true
            catalog: page.catalog
            onSettingsRequested: page.settingsRequested()
        }

        // Empty state: a greeting instead of a blank page.
        ColumnLayout {
            visible: !page.noUpstream && page.chat.messages.count === 0
            Layout.fillWidth: true
            Layout.fillHeight: true
            Item { Layout.fillHeight: true }
            // Both texts fill the width and centre their lines: a label that does not is fixed at its
            // preferred (unwrapped) width, which held the column wider than a narrow page and off its centre.
            Label {
                objectName: "greeting"
                Layout.fillWidth: true
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                text: qsTr("Watch language models think.")
                font.pixelSize: 26
                font.bold: true
                color: Theme.text
            }
            Label {
                Layout.fillWidth: true
                Layout.maximumWidth: 520
                Layout.leftMargin: 16
                Layout.rightMargin: 16
                Layout.alignment: Qt.AlignHCenter
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                text: qsTr("Ask anything. The answer streams in here; the model's reasoning and the request's progress appear beside it as they happen.")
                color: Theme.mutedText
            }
            Item { Layout.fillHeight: true }
        }

        ListView {
            id: messageList
            objectName: "messageList"
            visible: page.chat.messages.count > 0
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: page.chat.messages
            spacing: 4
            reuseItems: true
            // Rows bound ahead of the view, about two answers each way: every frame of a scroll moves and draws
            // the delegates alive (23 with 1,200 px, 16 with 400), and recycled delegates bind as fast either way.
            cacheBuffer: 400
            topMargin: 16
            bottomMargin: 16
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}

            // Follow the stream while the user is at the bottom; leave them alone when they scrolled up.
            property bool pinned: true
            onMovementEnded: pinned = atYEnd
            onCountChanged: if (pinned) Qt.callLater(positionViewAtEnd)
            onContentHeightChanged: if (pinned && !moving) Qt.callLater(positionViewAtEnd)

            delegate: MessageDelegate {
                width: ListView.view.width
                onCopyRequested: text => page.chat.copyToClipboard(text)
                onRegenerateRequested: page.chat.regenerate()
                canRegenerate: !page.chat.busy && index === ListView.view.count - 1
                retryCountdown: index === ListView.view.count - 1 ? page.chat.retryInSeconds : -1
            }
        }

        Composer {
            id: composer
            objectName: "composer"
            Layout.fillWidth: true
            busy: page.chat.busy
            canSend: page.chat.model !== "" && !page.noUpstream
            thinkOptions: page.chat.thinkOptions
            think: page.chat.think
            onThinkChosen: choice => page.chat.think = choice
            onSendRequested: text => {
                if (page.chat.send(text)) {
                    messageList.pinned = true
                    composer.clear()
                }
            }
            onStopRequested: page.chat.stop()
        }
    }
}
