// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import Ponder

// A Markdown table: a shaded header row and thin rules (MarkdownTableStyle sets them on the document),
// as wide as its cells need; wider than the message, it scrolls sideways.
Flickable {
    id: flick

    property string markdown
    property int fontSize: 14

    implicitHeight: table.implicitHeight + (bar.visible ? bar.height + 2 : 0)
    height: implicitHeight
    contentWidth: table.width
    contentHeight: table.implicitHeight
    clip: true
    flickableDirection: Flickable.HorizontalFlick
    interactive: contentWidth > width
    boundsBehavior: Flickable.StopAtBounds

    TextEdit {
        id: table
        objectName: "markdownTable"
        width: Math.max(flick.width, Math.min(tableStyle.naturalWidth, 2400))
        text: flick.markdown
        textFormat: TextEdit.MarkdownText
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
        headerColor: Theme.raised
        ruleColor: Theme.border
    }
    ScrollBar.horizontal: ScrollBar {
        id: bar
        visible: flick.contentWidth > flick.width
        policy: ScrollBar.AlwaysOn
    }
}
