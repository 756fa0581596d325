// SPDX-License-Identifier: MIT
pragma Singleton
import QtQuick

// Colours and sizes shared by the window's components; `dark` follows the system unless the user picks.
// Every text colour meets WCAG AA (4.5:1) on the backgrounds it is used on, in both themes:
// tst_theme.qml computes it from `textPairs`.
QtObject {
    property bool dark: false

    // The accent fills (buttons, the highlighted row) under white text; as text, accentText.
    readonly property color accent: dark ? "#5b4bd4" : "#6c5ce7"
    readonly property color accentText: dark ? "#b3a7ff" : "#5140c9"
    readonly property color textOnAccent: "#ffffff"
    readonly property color background: dark ? "#17181c" : "#f7f7f9"
    readonly property color surface: dark ? "#202228" : "#ffffff"
    readonly property color raised: dark ? "#272a31" : "#f1f1f5" // cards inside a surface
    readonly property color sidebar: dark ? "#1b1c21" : "#efeff3"
    readonly property color border: dark ? "#353843" : "#dedee6"
    readonly property color rule: dark ? "#2c2f37" : "#e6e6ec" // thin lines: timeline rails
    // A Markdown table's header row, shaded so it stands out from the chat's background and from cards.
    readonly property color tableHeader: dark ? "#30333d" : "#e6e6ee"
    readonly property color text: dark ? "#e8e8ee" : "#1d1d22"
    readonly property color mutedText: dark ? "#a3a5b1" : "#5d5f6a"
    readonly property color userBubble: dark ? "#2e2a4f" : "#ebe8ff"
    readonly property color codeBackground: dark ? "#121317" : "#f2f2f6"
    readonly property color thinking: dark ? "#b8a8ff" : "#5140c9"
    readonly property color success: dark ? "#5fd38d" : "#136b40"
    readonly property color warning: dark ? "#ffb454" : "#804b00"
    readonly property color error: dark ? "#ff8a8a" : "#b0212a"
    readonly property color warningBackground: dark ? "#3a2d17" : "#fff4e0"

    readonly property int radius: 10
    readonly property int spacing: 12
    readonly property string monospace: "DejaVu Sans Mono"
    // Widths the layout keeps to (see Main.qml): the chat's column, and when the insight panel docks.
    readonly property int chatColumnWidth: 760
    readonly property int dockedInsightsFrom: 1100

    readonly property color planning: dark ? "#6cb6ff" : "#17569f"
    readonly property color resultAnalysis: dark ? "#4dd0e1" : "#00646d"

    // Red only for risks and warnings; a model's own reasoning steps are neutral.
    function stepColor(type) {
        switch (type) {
        case "":
        case "reasoning": return mutedText
        case "decision": return success
        case "evaluation": return warning
        case "planning": return planning
        case "risk_assessment":
        case "warning": return error
        case "result_analysis": return resultAnalysis
        default: return thinking
        }
    }
    // A colour at some opacity, for tinted backgrounds and borders.
    function tint(colour, alpha) {
        return Qt.rgba(colour.r, colour.g, colour.b, alpha)
    }
    // `colour` at `alpha` over `base`, as it is drawn: what a tinted chip's text is read against.
    function over(colour, alpha, base) {
        return Qt.rgba(colour.r * alpha + base.r * (1 - alpha), colour.g * alpha + base.g * (1 - alpha),
                       colour.b * alpha + base.b * (1 - alpha), 1)
    }
    // The text colours the window uses, each with the backgrounds it is drawn on.
    function textPairs() {
        const grounds = [background, surface, sidebar, raised, codeBackground]
        let pairs = []
        for (const fg of [text, mutedText, thinking, accentText, success, warning, error, planning, resultAnalysis])
            for (const bg of grounds)
                pairs.push({ fg: fg, bg: bg })
        // Chips and badges: their colour over a tint of itself.
        for (const tone of [thinking, accentText, success, warning, error, planning, resultAnalysis, mutedText])
            for (const bg of [surface, background, sidebar])
                pairs.push({ fg: tone, bg: over(tone, 0.14, bg) })
        pairs.push({ fg: textOnAccent, bg: accent })
        pairs.push({ fg: text, bg: userBubble })
        pairs.push({ fg: warning, bg: warningBackground })
        pairs.push({ fg: text, bg: warningBackground })
        pairs.push({ fg: background, bg: text }) // the Undo bar
        pairs.push({ fg: text, bg: tableHeader }) // a table's header row, and a link in it
        pairs.push({ fg: accentText, bg: tableHeader })
        return pairs
    }
}
