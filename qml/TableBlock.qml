// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import Ponder

// A Markdown table: a shaded header row and thin rules between the rows, drawn here where
// MarkdownTableStyle says the rows are (Qt Quick's TextEdit draws neither); as wide as its cells need,
// and wider than the message, it scrolls sideways. In a user's own words (plain), the text as typed.
Flickable {
    id: flick

    property string markdown
    property bool plain: false
    property int fontSize: 14

    implicitHeight: table.implicitHeight + (bar.visible ? bar.height + 2 : 0)
    height: implicitHeight
    contentWidth: table.width
    contentHeight: table.implicitHeight
    clip: true
    flickableDirection: Flickable.HorizontalFlick
    interactive: contentWidth > width
    boundsBehavior: Flickable.StopAtBounds

    // Under the text: the header's shade, then a rule under each row.
    Rectangle {
        objectName: "tableHeaderShade"
        visible: tableStyle.rowEdges.length > 1
        y: visible ? tableStyle.rowEdges[0] : 0
        width: tableStyle.tableWidth
        height: visible ? tableStyle.rowEdges[1] - y : 0
        color: Theme.tableHeader
    }
    Repeater {
        model: tableStyle.rowEdges.slice(1)
        Rectangle {
            required property real modelData
            y: Math.max(0, Math.round(modelData) - 1)
            width: tableStyle.tableWidth
            height: 1
            color: Theme.border
        }
    }
    TextEdit {
        id: table
        objectName: "markdownTable"
        width: Math.max(flick.width, Math.min(tableStyle.naturalWidth, 2400))
        text: flick.markdown
        textFormat: flick.plain ? TextEdit.PlainText : TextEdit.MarkdownText // plain: no table, no rules
        // The format changed converts the text it has (Markdown written back as plain text): set it again.
        onTextFormatChanged: text = Qt.binding(() => flick.markdown)
        wrapMode: Text.Wrap
        readOnly: true
        selectByMouse: true
        color: Theme.text
        selectedTextColor: Theme.textOnAccent
        selectionColor: Theme.accent
        font.pixelSize: flick.fontSize
    }
    MarkdownTableStyle {
        id: tableStyle
        document: table.textDocument
    }
    ScrollBar.horizontal: ScrollBar {
        id: bar
        visible: flick.contentWidth > flick.width
        policy: ScrollBar.AlwaysOn
    }
}
