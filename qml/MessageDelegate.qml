import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ponder

// One message: the user's on the right, the model's on the left with its Markdown and code blocks,
// its reasoning folded away behind "Thought for N s", and its state when it did not finish normally.
Item {
    id: message

    required property int index
    required property int messageId
    required property int author
    required property string content
    required property string reasoning
    required property int state
    required property string error
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

    // The content's Markdown blocks, a C++ model that follows the content incrementally: a streaming answer
    // changes its last block and now and then adds one, so only that block is laid out again. A recycled
    // delegate keeps its model and its items, which turn into the next message's blocks in place (creating
    // them again was most of a fast scroll's cost).
    MessageBlocks { id: parts }
    function syncParts() {
        parts.markdown = content
        // Columns and layouts place their children when next polished; the list needs this message's
        // height now, or it takes a new message for shorter than it is and creates more than fit.
        partColumn.forceLayout()
        column.ensurePolished()
    }
    onContentChanged: syncParts()
    Component.onCompleted: syncParts()

    readonly property bool fromUser: author === MessageModel.User
    readonly property bool streaming: state === MessageModel.Streaming

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
        x: message.fromUser ? parent.width - width - 24 : 24
        // A user's short message gets a bubble just wide enough, with a few pixels to spare: at the exact
        // width the text layout sometimes wrapped its last word and kept the height of two lines.
        width: message.fromUser ? Math.min(Math.ceil(Math.max(userTextWidth.advanceWidth, 60)) + 36, parent.width * 0.7)
                                : Math.min(parent.width - 48, 860)
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
                visible: !message.fromUser && message.reasoning !== ""
                text: {
                    if (message.streaming && message.content === "")
                        return qsTr("Thinking…")
                    const shown = message.reasoningShown ? "▾ " : "▸ "
                    // Answers kept before thinking time was measured have none.
                    return shown + (message.thoughtMs < 0 ? qsTr("Reasoning")
                                                          : qsTr("Thought for %1 s").arg((message.thoughtMs / 1000).toFixed(1)))
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
                visible: message.reasoningShown && message.reasoning !== ""
                width: parent.width
                text: message.reasoning
                wrapMode: Text.Wrap
                font.italic: true
                color: Theme.mutedText
                leftPadding: 10
                Rectangle { width: 2; height: parent.height; color: Theme.thinking; opacity: 0.5 }
            }

            // One item per paragraph or code block. Never straight in a Quick Layout: on Qt 6.4 a layout
            // whose Repeater removes items can reach a deleted one and crash
            // (QQuickLayout::effectiveSizePolicy_helper), which scrolling a long conversation did.
            Column {
                id: partColumn
                width: parent.width
                visible: parts.count > 0
                spacing: 8
                Repeater {
                    model: parts
                    delegate: Loader {
                        id: segment
                        required property bool code
                        required property string text
                        required property string language
                        width: parent ? parent.width : 0
                        sourceComponent: code ? codeComponent : proseComponent
                        Component {
                            id: proseComponent
                            TextEdit {
                                width: segment.width // from the start: laid out once, at its width
                                text: segment.text
                                textFormat: message.fromUser ? TextEdit.PlainText : TextEdit.MarkdownText
                                wrapMode: Text.Wrap
                                readOnly: true
                                selectByMouse: true
                                color: Theme.text
                                selectionColor: Theme.accent
                                font.pixelSize: 15
                                onLinkActivated: link => Qt.openUrlExternally(link)
                            }
                        }
                        Component {
                            id: codeComponent
                            CodeBlock {
                                width: segment.width
                                code: segment.text
                                language: segment.language
                                onCopyRequested: text => message.copyRequested(text)
                            }
                        }
                    }
                }
            }

            BusyIndicator {
                visible: message.streaming && message.content === ""
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
                                ? ChatAdvice.advice(message.errorKind) + " "
                                  + qsTr("Trying again in %n s…", "", message.retryCountdown)
                                : ChatAdvice.advice(message.errorKind)
                    if (message.finishReason === "length")
                        return qsTr("The answer was cut off at the token limit.")
                    return ""
                }
            }
            Label {
                objectName: "answerError"
                visible: message.state === MessageModel.Failed && message.error !== ""
                width: parent.width
                wrapMode: Text.Wrap
                font.pixelSize: 12
                color: Theme.mutedText
                text: message.error
            }

            // How it went: what a reopened chat shows too, measured once while it ran.
            Label {
                objectName: "answerFigures"
                visible: !message.fromUser && !message.streaming && message.tokens > 0
                font.pixelSize: 11
                color: Theme.mutedText
                text: {
                    let parts = [qsTr("%n token(s)", "", message.tokens)]
                    if (message.tokensPerSecond >= 0)
                        parts.push(qsTr("%1 tokens/s").arg(message.tokensPerSecond.toFixed(1)))
                    if (message.firstTokenMs >= 1000)
                        parts.push(qsTr("first token after %1 s").arg((message.firstTokenMs / 1000).toFixed(1)))
                    else if (message.firstTokenMs >= 0)
                        parts.push(qsTr("first token after %1 ms").arg(message.firstTokenMs))
                    return parts.join(" · ")
                }
            }

            RowLayout {
                visible: !message.streaming && !message.fromUser
                spacing: 4
                ToolButton {
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
