// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtTest
import Ponder

// Every text colour of the window on every background it is drawn on meets WCAG AA (a contrast ratio of
// at least 4.5:1), in the light theme and in the dark one, computed from the theme's own colours.
TestCase {
    name: "Theme"

    // WCAG 2.1 relative luminance and contrast ratio.
    function luminance(colour) {
        const channel = c => c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4)
        return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)
    }
    function contrast(a, b) {
        const la = luminance(a), lb = luminance(b)
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
    }

    function test_textMeetsAAInBothThemes_data() {
        return [{ tag: "light", dark: false }, { tag: "dark", dark: true }]
    }
    function test_textMeetsAAInBothThemes(data) {
        Theme.dark = data.dark
        const pairs = Theme.textPairs()
        verify(pairs.length > 40)
        let failures = []
        for (const pair of pairs) {
            const ratio = contrast(pair.fg, pair.bg)
            if (ratio < 4.5)
                failures.push(pair.fg + " on " + pair.bg + ": " + ratio.toFixed(2))
        }
        Theme.dark = false
        compare(failures, [])
    }

    // A table's header row is shaded with a colour of its own, and its text is among the pairs checked.
    function test_tableHeaderTextIsChecked_data() {
        return [{ tag: "light", dark: false }, { tag: "dark", dark: true }]
    }
    function test_tableHeaderTextIsChecked(data) {
        Theme.dark = data.dark
        const header = Theme.tableHeader
        const pairs = Theme.textPairs()
        const background = Theme.background, surface = Theme.surface, raised = Theme.raised, text = Theme.text
        Theme.dark = false
        verify(header !== undefined)
        verify(pairs.some(pair => Qt.colorEqual(pair.fg, text) && Qt.colorEqual(pair.bg, header)))
        // Shaded: it can be told apart from what a message and a card are drawn on.
        for (const ground of [background, surface, raised])
            verify(!Qt.colorEqual(header, ground) && contrast(header, ground) > 1.08, ground + " " + contrast(header, ground))
    }

    // Which page is open shows in both themes: the chosen tab's bar stands out from the surfaces a tab bar
    // sits on (3:1, WCAG's contrast for the parts of a control) and is thicker than the others' rule; its
    // words are at full strength, the others' muted.
    Component {
        id: tabsComponent
        TabBar {
            PageTab { text: "Chats" }
            PageTab { text: "Live sessions" }
        }
    }
    function test_theChosenTabShowsInBothThemes_data() {
        return [{ tag: "light", dark: false }, { tag: "dark", dark: true }]
    }
    function test_theChosenTabShowsInBothThemes(data) {
        Theme.dark = data.dark
        const bar = createTemporaryObject(tabsComponent, this)
        const chosen = bar.itemAt(0), other = bar.itemAt(1)
        verify(chosen.checked && !other.checked)
        const chosenMarker = findChild(chosen.background, "tabMarker")
        const otherMarker = findChild(other.background, "tabMarker")
        let weak = []
        for (const ground of [Theme.surface, Theme.sidebar, Theme.background]) {
            if (contrast(chosenMarker.color, ground) < 3)
                weak.push(ground + ": " + contrast(chosenMarker.color, ground).toFixed(2))
        }
        verify(chosenMarker.height > otherMarker.height)
        const text = Theme.text, muted = Theme.mutedText
        const chosenWords = chosen.contentItem.color, otherWords = other.contentItem.color
        Theme.dark = false
        compare(weak, [])
        verify(Qt.colorEqual(chosenWords, text))
        verify(Qt.colorEqual(otherWords, muted))
    }

    // The check itself: black on white is 21:1, and a pale grey on white fails.
    function test_contrastIsComputedAsWcagDoes() {
        fuzzyCompare(contrast(Qt.rgba(0, 0, 0, 1), Qt.rgba(1, 1, 1, 1)), 21, 0.01)
        verify(contrast(Qt.color("#aaaaaa"), Qt.color("#ffffff")) < 4.5)
    }
}
