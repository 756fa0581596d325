// SPDX-License-Identifier: MIT
import QtQuick
import Ponder

// Markdown as text inside a card (a step, a finding): read-only, selectable, links open outside.
TextEdit {
    textFormat: TextEdit.MarkdownText
    wrapMode: Text.Wrap
    readOnly: true
    selectByMouse: true
    color: Theme.text
    selectedTextColor: Theme.textOnAccent
    selectionColor: Theme.accent
    font.pixelSize: 13
    onLinkActivated: link => Qt.openUrlExternally(link)
}
