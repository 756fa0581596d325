pragma Singleton
import QtQuick

// Colours and sizes shared by the window's components; `dark` follows the system unless the user picks.
QtObject {
    property bool dark: false

    readonly property color accent: "#6c5ce7"
    readonly property color background: dark ? "#17181c" : "#f7f7f9"
    readonly property color surface: dark ? "#202228" : "#ffffff"
    readonly property color sidebar: dark ? "#1b1c21" : "#efeff3"
    readonly property color border: dark ? "#30323a" : "#e2e2e8"
    readonly property color text: dark ? "#e8e8ee" : "#1d1d22"
    readonly property color mutedText: dark ? "#9a9ca8" : "#6b6d78"
    readonly property color userBubble: dark ? "#2e2a4f" : "#ebe8ff"
    readonly property color codeBackground: dark ? "#121317" : "#f2f2f6"
    readonly property color thinking: dark ? "#b8a8ff" : "#5a48d6"
    readonly property color success: dark ? "#5fd38d" : "#1e9e57"
    readonly property color warning: dark ? "#ffb454" : "#b86e00"
    readonly property color error: dark ? "#ff7a7a" : "#c62828"

    readonly property int radius: 10
    readonly property int spacing: 12
    readonly property string monospace: "DejaVu Sans Mono"

    readonly property color planning: dark ? "#6cb6ff" : "#1565c0"
    readonly property color resultAnalysis: dark ? "#4dd0e1" : "#00838f"

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
}
