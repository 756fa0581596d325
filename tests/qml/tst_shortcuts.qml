// SPDX-License-Identifier: MIT
import QtQuick
import QtTest
import Ponder

// The window's shortcuts reach it while a read-only text has the focus (an answer, a code block, a step card
// clicked to select from it), and selecting and copying stay the text's.
Item {
    id: root
    width: 600
    height: 400
    property int stops: 0
    property int newChats: 0
    Shortcut {
        sequence: "Esc"
        onActivated: root.stops++
    }
    Shortcut {
        sequence: StandardKey.New
        onActivated: root.newChats++
    }
    CodeBlock {
        id: code
        width: 300
        code: "def quick(xs):\n    return xs + [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]"
        language: "python"
    }
    MarkdownText {
        id: prose
        y: 200
        width: 300
        text: "Some **prose** here"
    }

    TestCase {
        name: "Shortcuts"
        when: windowShown

        function test_theWindowsShortcutsPassAReadOnlyText() {
            const codeText = findChild(code, "codeText")
            for (const text of [prose, codeText]) {
                root.stops = root.newChats = 0
                mouseClick(text, 30, 8)
                verify(text.activeFocus)
                keyClick(Qt.Key_Escape)
                compare(root.stops, 1, text.objectName)
                keySequence(StandardKey.New)
                compare(root.newChats, 1, text.objectName)
            }
        }

        function test_selectingStaysTheTexts() {
            mouseClick(prose, 30, 8)
            keySequence(StandardKey.SelectAll)
            compare(prose.selectedText, "Some prose here")
        }
    }
}
