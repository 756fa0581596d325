// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ponder

ApplicationWindow {
    id: window

    required property BackendGateway gateway
    required property EndpointStatus endpoint
    required property Preferences preferences
    required property SecretEditor secrets
    property bool showInsights: preferences.debugMode
    // The live session shown in the visualizer; empty: the chat is in front.
    property string liveSessionId: ""
    // Wide windows dock the insight panel beside the chat (its width the user's to drag); narrower ones
    // keep it in a drawer from the right, so the chat keeps its column.
    readonly property bool insightsDocked: width >= Theme.dockedInsightsFrom

    // 1280×800, or the whole screen where that is smaller: a window larger than its screen hides the composer.
    width: Math.min(1280, Screen.desktopAvailableWidth)
    height: Math.min(800, Screen.desktopAvailableHeight)
    minimumWidth: 640
    minimumHeight: 480
    visible: true
    title: chat.messages.count > 0 ? qsTr("Ponder — %1").arg(chat.model) : qsTr("Ponder")
    color: Theme.background

    // Light or dark: the user's choice, else the system's (its window colour tells which it is).
    SystemPalette { id: systemPalette }
    Binding {
        target: Theme
        property: "dark"
        value: window.preferences.theme === "dark"
               || (window.preferences.theme === "system" && systemPalette.window.hslLightness < 0.5)
    }
    // Numbers the window writes (2.1 s, 2,1 s) follow the chosen language.
    Binding {
        target: Words
        property: "locale"
        value: window.preferences.language !== "" ? Qt.locale(window.preferences.language) : Qt.locale()
    }
    palette {
        window: Theme.background
        windowText: Theme.text
        base: Theme.surface
        alternateBase: Theme.sidebar
        text: Theme.text
        button: Theme.surface
        buttonText: Theme.text
        highlight: Theme.accent
        highlightedText: Theme.textOnAccent
        placeholderText: Theme.mutedText
        mid: Theme.border
        light: Theme.surface
        dark: Theme.border
        toolTipBase: Theme.surface
        toolTipText: Theme.text
        brightText: Theme.textOnAccent
        link: Theme.accentText
        shadow: Theme.dark ? "#000000" : "#a0a0a8"
        midlight: Theme.raised
    }

    ChatController {
        id: chat
        objectName: "chatController"
        gateway: window.gateway
        catalog: catalog
        preferences: window.preferences
        model: window.preferences.model
        onModelChanged: window.preferences.model = model
        // A new chat is listed as soon as its question is saved, and again with its answer.
        onBusyChanged: if (busy) conversations.refresh()
        onExchangeEnded: conversations.refresh()
    }
    ModelCatalog {
        id: catalog
        objectName: "modelCatalog"
        gateway: window.gateway
    }
    ConversationListModel {
        id: conversations
        gateway: window.gateway
    }
    LiveSessionModel {
        id: liveSessions
        objectName: "liveSessions"
        gateway: window.gateway
        active: window.visible
        selectedId: window.liveSessionId
        // Chats that clients have through the local endpoint are in history too: listed once each ends.
        onOutsideRequestEnded: conversations.refresh()
    }
    SessionView {
        id: liveSession
        objectName: "liveSession"
        gateway: window.gateway
        sessionId: window.liveSessionId
        // Its timeline's clock starts when the session did, not at the first thing it published.
        startedAt: liveSessions.selected.createdAt ?? new Date(NaN)
    }

    Connections {
        target: catalog
        function onChanged() {
            // Not switched to another server's model when the chosen one's server stops answering.
            chat.model = catalog.keptChoice(chat.model)
        }
    }
    Connections {
        target: window.endpoint
        function onChanged() {
            if (window.endpoint.state === EndpointStatus.Running)
                catalog.refresh()
        }
    }

    Shortcut {
        sequence: StandardKey.New // Ctrl+N (Cmd+N on macOS)
        onActivated: window.startNewChat()
    }
    Shortcut {
        sequence: "Esc"
        enabled: chat.busy
        onActivated: chat.stop()
    }
    Shortcut {
        sequence: "Ctrl+L"
        onActivated: chatPage.focusComposer()
    }
    Shortcut {
        sequence: "Ctrl+,"
        onActivated: settings.open()
    }
    Shortcut {
        sequence: "Ctrl+B"
        onActivated: window.preferences.sidebarShown = !window.preferences.sidebarShown
    }
    function toggleInsights() {
        if (window.insightsDocked)
            window.showInsights = !window.showInsights
        else if (insightDrawer.opened)
            insightDrawer.close()
        else
            insightDrawer.open()
    }

    function startNewChat() {
        window.liveSessionId = ""
        sidebar.forgetKeyboardRow()
        chat.newConversation()
        chatPage.focusComposer()
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        Sidebar {
            id: sidebar
            objectName: "sidebar"
            visible: window.preferences.sidebarShown
            Layout.fillHeight: true
            // Narrower windows give the chat what they can spare from the sides.
            Layout.preferredWidth: Math.round(Math.min(270, Math.max(210, window.width * 0.22)))
            conversations: conversations
            liveSessions: liveSessions
            showLiveSessions: window.preferences.debugMode
            uiLocale: Words.locale
            currentConversationId: window.liveSessionId === "" ? chat.conversationId : ""
            currentLiveSessionId: window.liveSessionId
            onNewChatRequested: window.startNewChat()
            onConversationChosen: id => {
                window.liveSessionId = ""
                chat.openConversation(id)
            }
            onConversationDeleted: id => chat.forgetConversation(id)
            onLiveSessionChosen: id => window.liveSessionId = id
            onSettingsRequested: settings.open()
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            // Header: model picker, endpoint, panel toggle.
            Rectangle {
                Layout.fillWidth: true
                Layout.preferredHeight: 56
                color: Theme.surface
                Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: Theme.border }

                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: 16
                    anchors.rightMargin: 12
                    spacing: 10

                    ToolButton {
                        objectName: "sidebarToggle"
                        text: "☰"
                        font.pixelSize: 16
                        onClicked: window.preferences.sidebarShown = !window.preferences.sidebarShown
                        Accessible.name: window.preferences.sidebarShown ? qsTr("Hide the sidebar") : qsTr("Show the sidebar")
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Sidebar (Ctrl+B)")
                    }
                    // Every model of every upstream, grouped by upstream, with what each can do.
                    ComboBox {
                        id: modelPicker
                        objectName: "modelPicker"
                        visible: window.liveSessionId === ""
                        Layout.preferredWidth: 280
                        Layout.minimumWidth: 150
                        Layout.fillWidth: true
                        Layout.maximumWidth: 280
                        model: catalog.list
                        textRole: "modelId"
                        valueRole: "modelId"
                        currentIndex: catalog.models.indexOf(chat.model)
                        // The last model chosen may not be offered by the upstreams answering now; it stays
                        // chosen while its server is not answering, and says so.
                        displayText: catalog.models.indexOf(chat.model) >= 0 || !catalog.checked ? chat.model || qsTr("No model")
                                     : catalog.notAnswering(chat.model) ? qsTr("%1 (not answering)").arg(chat.model)
                                                                        : qsTr("No model")
                        enabled: !chat.busy && catalog.models.length > 0
                        onActivated: index => chat.model = catalog.models[index]
                        Accessible.name: qsTr("Model")
                        ToolTip.visible: hovered && !popup.visible
                        ToolTip.text: qsTr("The model that answers")

                        delegate: ItemDelegate {
                            id: modelItem
                            required property int index
                            required property string modelId
                            required property bool thinks
                            required property bool tools
                            required property bool vision
                            required property string parameterSize
                            required property string upstreamKind
                            width: ListView.view ? ListView.view.width : modelPicker.width
                            highlighted: modelPicker.highlightedIndex === index
                            Accessible.name: modelId
                            contentItem: RowLayout {
                                spacing: 6
                                Label {
                                    Layout.fillWidth: true
                                    text: modelItem.modelId
                                    elide: Text.ElideRight
                                    color: modelItem.highlighted ? modelItem.palette.highlightedText : Theme.text
                                }
                                // On the highlighted row, white: coloured tags on the accent were hard to read.
                                Badge { visible: modelItem.thinks; text: qsTr("thinks"); tone: modelItem.highlighted ? "#ffffff" : Theme.thinking }
                                Badge { visible: modelItem.tools; text: qsTr("tools"); tone: modelItem.highlighted ? "#ffffff" : Theme.planning }
                                Badge { visible: modelItem.vision; text: qsTr("vision"); tone: modelItem.highlighted ? "#ffffff" : Theme.resultAnalysis }
                                // An AG-UI agent (--agent NAME=URL): chatting with it runs the agent.
                                Badge { visible: modelItem.upstreamKind === "agent"; text: qsTr("agent"); tone: modelItem.highlighted ? "#ffffff" : Theme.planning }
                                Badge {
                                    visible: modelItem.parameterSize !== ""
                                    text: modelItem.parameterSize
                                    tone: modelItem.highlighted ? "#ffffff" : Theme.mutedText
                                }
                            }
                        }
                        popup: Popup {
                            y: modelPicker.height
                            width: Math.max(modelPicker.width, 400)
                            implicitHeight: Math.min(contentItem.implicitHeight + 2, window.height * 0.6)
                            padding: 1
                            contentItem: ListView {
                                objectName: "modelList"
                                clip: true
                                implicitHeight: contentHeight
                                model: modelPicker.popup.visible ? modelPicker.delegateModel : null
                                currentIndex: modelPicker.highlightedIndex
                                section.property: "upstream"
                                section.delegate: Item {
                                    id: sectionHeader
                                    required property string section
                                    // Where it is, beside its name: two servers of a kind ("ollama",
                                    // "ollama-2") are told apart by their addresses.
                                    readonly property string address: {
                                        const upstream = catalog.upstreams.find(entry => entry.name === section)
                                        return upstream ? String(upstream.url).replace(/^https?:\/\//, "") : ""
                                    }
                                    width: ListView.view ? ListView.view.width : 0
                                    implicitHeight: sectionName.implicitHeight
                                    Label {
                                        id: sectionName
                                        objectName: "modelSection"
                                        // Upstreams go by their names; the AG-UI agents' group is a word.
                                        text: sectionHeader.section === "agents" ? qsTr("Agents") : sectionHeader.section
                                        leftPadding: 10
                                        topPadding: 6
                                        bottomPadding: 2
                                        font.pixelSize: 11
                                        font.bold: true
                                        font.capitalization: Font.AllUppercase
                                        color: Theme.mutedText
                                    }
                                    Label {
                                        objectName: "modelSectionAddress"
                                        anchors.left: sectionName.right
                                        anchors.leftMargin: 6
                                        anchors.right: parent.right
                                        anchors.rightMargin: 10
                                        anchors.baseline: sectionName.baseline
                                        visible: sectionHeader.address !== ""
                                        text: sectionHeader.address
                                        elide: Text.ElideMiddle
                                        font.pixelSize: 11
                                        color: Theme.mutedText
                                    }
                                }
                                ScrollIndicator.vertical: ScrollIndicator {}
                            }
                            background: Rectangle {
                                color: Theme.surface
                                border.color: Theme.border
                                radius: 6
                            }
                        }
                    }
                    ToolButton {
                        objectName: "refreshModels"
                        visible: window.liveSessionId === ""
                        text: "⟳"
                        enabled: !catalog.loading
                        onClicked: {
                            catalog.refresh()
                            refreshFound.shown = true
                        }
                        Accessible.name: qsTr("Refresh models")
                        ToolTip.visible: hovered
                        ToolTip.text: catalog.summary !== "" ? catalog.summary : qsTr("Ask the upstreams for their models again")
                    }
                    // What ⟳ found, for a few seconds after it was pressed.
                    Label {
                        id: refreshFound
                        objectName: "refreshSummary"
                        property bool shown: false
                        visible: shown && window.liveSessionId === ""
                        Layout.fillWidth: true
                        Layout.maximumWidth: 420
                        elide: Text.ElideRight
                        font.pixelSize: 12
                        color: catalog.loading ? Theme.mutedText : Theme.text
                        text: catalog.loading ? qsTr("Asking the upstreams…") : catalog.summary
                        Timer {
                            running: refreshFound.shown && !catalog.loading
                            interval: 8000
                            onTriggered: refreshFound.shown = false
                        }
                    }
                    Label {
                        visible: window.liveSessionId !== ""
                        text: qsTr("Live session")
                        font.bold: true
                        color: Theme.text
                    }
                    Item { Layout.fillWidth: true }
                    Label {
                        id: endpointText
                        objectName: "endpointLabel"
                        color: window.endpoint.state === EndpointStatus.Failed ? Theme.error : Theme.mutedText
                        font.pixelSize: 12
                        // Makes room for what ⟳ found while that is shown.
                        visible: !refreshFound.visible
                        elide: Text.ElideMiddle
                        horizontalAlignment: Text.AlignRight
                        Layout.fillWidth: true
                        Layout.minimumWidth: 40
                        Layout.maximumWidth: 320
                        // Sized from the whole sentence, so that what is shown does not change the size.
                        Layout.preferredWidth: endpointMetrics.advanceWidth(sentence)
                        // Where the sentence does not fit, the address alone ("Local endpoint: …0.1:8009/v1"
                        // cut its middle out).
                        text: endpointMetrics.advanceWidth(sentence) <= width || !window.endpoint.listening
                              || window.endpoint.state !== EndpointStatus.Running
                              ? sentence : window.endpoint.baseUrl + "/v1"
                        FontMetrics { id: endpointMetrics; font: endpointText.font }
                        readonly property string sentence: {
                            switch (window.endpoint.state) {
                            case EndpointStatus.Running:
                                return window.endpoint.listening ? qsTr("Local endpoint: %1/v1").arg(window.endpoint.baseUrl)
                                                                 : qsTr("Local endpoint: off")
                            case EndpointStatus.Failed:
                                return qsTr("The local endpoint could not start: %1").arg(window.endpoint.error)
                            case EndpointStatus.ReadingKeychain:
                                return qsTr("Reading the keychain…")
                            default:
                                return qsTr("Starting the local endpoint…")
                            }
                        }
                        ToolTip.visible: endpointMouse.containsMouse
                        ToolTip.text: sentence
                        MouseArea { id: endpointMouse; anchors.fill: parent; hoverEnabled: true }
                    }
                    ToolButton {
                        objectName: "insightsToggle"
                        visible: window.liveSessionId === ""
                        checkable: true
                        checked: window.insightsDocked ? window.showInsights : insightDrawer.opened
                        text: checked ? qsTr("Hide thinking") : qsTr("Show thinking")
                        onClicked: window.toggleInsights()
                        Accessible.name: text
                    }
                }
            }

            StackLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                currentIndex: window.liveSessionId === "" ? 0 : 1

                RowLayout {
                    spacing: 0
                    ChatPage {
                        id: chatPage
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        chat: chat
                        catalog: catalog
                        onSettingsRequested: settings.open()
                    }
                    // The docked insight panel, its left edge a handle to drag its width by.
                    Item {
                        id: insightDock
                        visible: window.insightsDocked && window.showInsights
                        Layout.fillHeight: true
                        Layout.preferredWidth: Math.max(280, Math.min(window.preferences.insightWidth, window.width * 0.45))
                        Rectangle {
                            objectName: "insightHandle"
                            z: 2
                            width: 1
                            height: parent.height
                            color: handleArea.containsMouse || handleArea.pressed ? Theme.accent : Theme.border
                            MouseArea {
                                id: handleArea
                                x: -3
                                width: 7
                                height: parent.height
                                hoverEnabled: true
                                cursorShape: Qt.SplitHCursor
                                property real pressX: 0
                                property int pressWidth: 0
                                onPressed: mouse => {
                                    pressX = mapToItem(null, mouse.x, 0).x
                                    pressWidth = insightDock.width
                                }
                                onPositionChanged: mouse => {
                                    if (!pressed)
                                        return
                                    const moved = mapToItem(null, mouse.x, 0).x - pressX
                                    window.preferences.insightWidth = Math.round(Math.max(280, Math.min(pressWidth - moved, window.width * 0.45)))
                                }
                            }
                        }
                    }
                }
                LiveSessionPage {
                    objectName: "livePage"
                    session: liveSession
                    title: liveSessions.selected.title
                    origin: Words.origin(liveSessions.selected.origin, liveSessions.selected.originName)
                }
            }
        }
    }

    // Below Theme.dockedInsightsFrom the panel slides in from the right instead.
    Drawer {
        id: insightDrawer
        objectName: "insightDrawer"
        edge: Qt.RightEdge
        width: Math.min(420, window.width * 0.85)
        height: window.height
        interactive: !window.insightsDocked && window.liveSessionId === ""
        onAboutToShow: if (window.insightsDocked) close()
        background: Rectangle { color: Theme.surface; Rectangle { width: 1; height: parent.height; color: Theme.border } }
    }
    Connections {
        target: window
        function onInsightsDockedChanged() { if (window.insightsDocked) insightDrawer.close() }
    }
    // One panel, docked or in the drawer: it moves, the session it shows stays.
    InsightPanel {
        objectName: "chatInsights"
        parent: window.insightsDocked ? insightDock : insightDrawer.contentItem
        anchors.fill: parent
        anchors.leftMargin: window.insightsDocked ? 1 : 0
        session: chat.session
        thoughtMs: chat.thoughtMs
        failure: chat.failure
        pastChat: chat.messages.count > 0
    }

    KeyboardFocusRing { window: window }

    SettingsDialog {
        id: settings
        anchors.centerIn: parent
        preferences: window.preferences
        secrets: window.secrets
        gateway: window.gateway
        catalog: catalog
        endpoint: window.endpoint
    }
}
