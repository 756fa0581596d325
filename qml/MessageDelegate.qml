// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ponder

// One message: the user's on the right, the model's on the left with its Markdown and code blocks,
// its reasoning folded away behind "Thought for N s", and its state when it did not finish normally.
// Its texts, `content` and `reasoning` (required), are MessageItem's C++ properties, never declared here:
// a streaming answer's text then never becomes a JavaScript string (MessageItem says why that matters).
MessageItem {
    id: message

    required property int index
    required property int messageId
    required property int author
    required property int state
    required property string error
    required property var failure // what failed, in fields (ChatError::fields())
    required property string model
    required property int thoughtMs
    required property int errorKind
    required property string finishReason
    required property int tokens
    required property real tokensPerSecond
    required property int firstTokenMs
    property bool canRegenerate: false
    // Seconds until the automatic retry after a rate limit (the last answer only); -1: none coming.
    property int retryCountdown: -1

    signal copyRequested(string text)
    signal regenerateRequested()

    readonly property bool fromUser: author === MessageModel.User
    readonly property bool streaming: state === MessageModel.Streaming
    // Streaming with no text yet. Bindings below read this, not `content`: a binding that reads the text in
    // script makes a JavaScript string of the whole answer on every update.
    readonly property bool awaitingText: streaming && content.length === 0
    readonly property bool hasReasoning: reasoning.length > 0 // (the same for the reasoning)

    // The chat's column: at most Theme.chatColumnWidth wide, centred in the list.
    readonly property real columnWidth: Math.min(width - 32, Theme.chatColumnWidth)
    readonly property real columnX: (width - columnWidth) / 2

    implicitHeight: bubble.height + 12

    HoverHandler { id: hover }
    // The user's own message: copy appears beside it on hover, so the bubble stays compact.
    ToolButton {
        visible: message.fromUser && hover.hovered
        anchors.right: bubble.left
        anchors.rightMargin: 4
        anchors.verticalCenter: bubble.verticalCenter
        text: qsTr("Copy")
        font.pixelSize: 12
        onClicked: message.copyRequested(message.content)
        Accessible.name: qsTr("Copy message")
    }

    ListView.onReused: reasoningShown = false
    property bool reasoningShown: false

    Rectangle {
        id: bubble
        anchors.top: parent.top
        anchors.topMargin: 6
        x: message.fromUser ? message.columnX + message.columnWidth - width : message.columnX - 12
        // A user's short message gets a bubble just wide enough, with a few pixels to spare: at the exact
        // width the text layout sometimes wrapped its last word and kept the height of two lines.
        width: message.fromUser ? Math.min(Math.ceil(Math.max(userTextWidth.advanceWidth, 60)) + 36, message.columnWidth * 0.8)
                                : message.columnWidth + 24
        TextMetrics {
            id: userTextWidth
            font.pixelSize: 15
            text: message.fromUser ? message.content : ""
        }
        height: column.height + 24
        radius: Theme.radius
        color: message.fromUser ? Theme.userBubble : "transparent"

        // A Column, not a ColumnLayout: on Qt 6.4 a layout misses a child's new height when the child
        // changes it while the layout places it (text re-wrapped at its width), and a reopened chat's
        // messages kept the heights of a narrower first pass until the view was scrolled.
        Column {
            id: column
            x: 12
            y: 12
            width: parent.width - 24
            spacing: 8

            Label {
                visible: !message.fromUser
                text: message.model
                font.pixelSize: 11
                font.bold: true
                color: Theme.mutedText
            }

            // Reasoning, folded: the thinking panel shows it live; here it stays with the answer.
            Label {
                visible: !message.fromUser && message.hasReasoning
                text: {
                    if (message.awaitingText)
                        return qsTr("Thinking…")
                    const shown = message.reasoningShown ? "▾ " : "▸ "
                    // Answers kept before thinking time was measured have none.
                    return shown + (message.thoughtMs < 0 ? qsTr("Reasoning")
                                                          : qsTr("Thought for %1 s").arg(Words.decimal(message.thoughtMs / 1000)))
                }
                color: Theme.thinking
                font.pixelSize: 12
                MouseArea {
                    anchors.fill: parent
                    cursorShape: Qt.PointingHandCursor
                    onClicked: message.reasoningShown = !message.reasoningShown
                }
                Accessible.role: Accessible.Button
                Accessible.name: text
            }
            Label {
                visible: message.reasoningShown && message.hasReasoning
                width: parent.width
                // Laid out only when unfolded: a scroll binds hundreds of answers' reasoning otherwise.
                text: message.reasoningShown ? message.reasoning : ""
                textFormat: Text.MarkdownText // written in Markdown, as the answer is
                wrapMode: Text.Wrap
                font.italic: true
                color: Theme.mutedText
                leftPadding: 10
                Rectangle { width: 2; height: parent.height; color: Theme.thinking; opacity: 0.5 }
            }

            MarkdownBlocks {
                id: partColumn
                width: parent.width
                markdown: message.content
                plain: message.fromUser
                streaming: message.streaming
                onCopyRequested: text => message.copyRequested(text)
                onHeightChanged: column.ensurePolished()
            }

            BusyIndicator {
                visible: message.awaitingText
                running: visible
                width: 28
                height: 28
            }

            // How it ended, when not as planned: stopped, cut at the token limit, or failed with advice.
            Label {
                objectName: "answerState"
                visible: text !== ""
                width: parent.width
                wrapMode: Text.Wrap
                color: message.state === MessageModel.Failed ? Theme.error : Theme.warning
                text: {
                    if (message.state === MessageModel.Stopped)
                        return qsTr("Stopped.")
                    if (message.state === MessageModel.Failed)
                        return message.retryCountdown >= 0
                                ? Words.advice(message.errorKind, message.hasContent) + " "
                                  + qsTr("Trying again in %n s…", "", message.retryCountdown)
                                : Words.advice(message.errorKind, message.hasContent)
                    if (message.finishReason === "length")
                        return qsTr("The answer was cut off at the token limit.")
                    return ""
                }
            }
            Label {
                objectName: "answerError"
                visible: message.state === MessageModel.Failed && text !== ""
                width: parent.width
                wrapMode: Text.Wrap
                font.pixelSize: 12
                color: Theme.mutedText
                // The window's words for what failed, and the other side's own, quoted: never Ponder's English.
                text: Words.failureDetails(message.failure, "")
            }

            // How it went, under every answer: what a reopened chat shows too, measured once while it ran.
            Label {
                objectName: "answerFigures"
                visible: !message.fromUser && !message.streaming && text !== ""
                width: parent.width
                wrapMode: Text.Wrap
                font.pixelSize: 11
                color: Theme.mutedText
                text: {
                    let parts = []
                    if (message.tokens > 0)
                        parts.push(qsTr("%n token(s)", "", message.tokens))
                    if (message.tokensPerSecond >= 0)
                        parts.push(Words.tokensPerSecond(message.tokensPerSecond))
                    if (message.firstTokenMs >= 0)
                        parts.push(qsTr("first token after %1").arg(Words.duration(message.firstTokenMs)))
                    if (message.finishReason !== "")
                        parts.push(Words.finishReason(message.finishReason))
                    else if (message.state === MessageModel.Stopped)
                        parts.push(qsTr("stopped"))
                    else if (message.state === MessageModel.Failed)
                        parts.push(qsTr("failed"))
                    return parts.join(" · ")
                }
            }

            RowLayout {
                visible: !message.streaming && !message.fromUser
                spacing: 4
                ToolButton {
                    objectName: "copyAnswerButton"
                    visible: message.hasContent // nothing to copy from an answer that failed before its text
                    text: qsTr("Copy")
                    font.pixelSize: 12
                    onClicked: message.copyRequested(message.content)
                    Accessible.name: qsTr("Copy message")
                }
                ToolButton {
                    objectName: "regenerateButton"
                    visible: !message.fromUser && message.canRegenerate && message.retryCountdown < 0
                    text: message.state === MessageModel.Complete ? qsTr("Regenerate") : qsTr("Retry")
                    font.pixelSize: 12
                    onClicked: message.regenerateRequested()
                    Accessible.name: qsTr("Regenerate the answer")
                }
            }
        }
    }
}
