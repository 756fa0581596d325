// SPDX-License-Identifier: MIT
import QtQuick
import Ponder

// Markdown as blocks, each laid out on its own: paragraphs, code blocks (monospace, scrolling sideways,
// with Copy) and tables (a shaded header, thin rules). The blocks are a C++ model that follows the text
// incrementally: a streaming answer changes its last block and now and then adds one, so only that block
// is laid out again. A recycled delegate keeps its model and its items, which turn into the next text's
// blocks in place; items a shorter text does not need are hidden, kept for a longer one.
//
// A Column, never a Quick Layout: on Qt 6.4 a layout whose Repeater removes items can reach a deleted one
// and crash (QQuickLayout::effectiveSizePolicy_helper), which scrolling a long conversation did.
Column {
    id: blocks

    // The text and its format, kept by the C++ model, never in properties declared here: those keep their
    // values as JavaScript values, and a streaming answer's whole text became a JavaScript string on every
    // update, which kept the garbage collector busy. The format waits for the text (MessageBlocks says why).
    property alias markdown: parts.markdown
    property alias plain: parts.plain // the user's own words: no Markdown
    property int fontSize: 15
    // While the text streams in, a burst of many blocks is added a few per frame (MessageBlocks.paced).
    property bool streaming: false

    signal copyRequested(string text)

    spacing: 8
    visible: parts.count > 0

    MessageBlocks {
        id: parts
        paced: blocks.streaming
        // Columns place their children when next polished; a list needs this height now, or it takes the
        // item for shorter than it is and creates more than fit.
        onShown: blocks.forceLayout()
    }

    Repeater {
        model: parts
        delegate: Loader {
            id: block
            required property int kind
            required property string text
            required property string language
            required property bool used // false: kept for a later text, hidden (the Column skips it)
            // Per row, never `blocks.plain`: rows kept hidden keep their format, not parsed again unseen.
            required property bool plain
            visible: used
            width: parent ? parent.width : 0
            // Never on `plain`: a recycled delegate learns it is a user's before it gets the user's text,
            // and its answer's table would be destroyed and created again in between.
            sourceComponent: kind === MessageBlocks.Code ? codeComponent
                           : kind === MessageBlocks.Table ? tableComponent : proseComponent
            Component {
                id: proseComponent
                TextEdit {
                    width: block.width // from the start: laid out once, at its width
                    text: block.text
                    textFormat: block.plain ? TextEdit.PlainText : TextEdit.MarkdownText
                    // A TextEdit whose format changes converts the text it has (Markdown written back, blank
                    // lines and all, as plain text): the row's own text is set again.
                    onTextFormatChanged: text = Qt.binding(() => block.text)
                    wrapMode: Text.Wrap
                    readOnly: true
                    selectByMouse: true
                    color: Theme.text
                    selectedTextColor: Theme.textOnAccent
                    selectionColor: Theme.accent
                    font.pixelSize: blocks.fontSize
                    onLinkActivated: link => Qt.openUrlExternally(link)
                }
            }
            Component {
                id: codeComponent
                CodeBlock {
                    width: block.width
                    code: block.text
                    language: block.language
                    onCopyRequested: text => blocks.copyRequested(text)
                }
            }
            Component {
                id: tableComponent
                TableBlock {
                    width: block.width
                    markdown: block.text
                    plain: block.plain
                    fontSize: blocks.fontSize - 1
                }
            }
        }
    }
}
