// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ponder

// Settings: upstreams (with keys in the OS keychain), the local server, the event store, and how the
// window looks. Upstreams and their keys apply at once; the other server settings after a restart, which
// the dialog offers.
Dialog {
    id: dialog

    required property Preferences preferences
    required property SecretEditor secrets
    required property BackendGateway gateway
    required property ModelCatalog catalog
    required property EndpointStatus endpoint

    objectName: "settingsDialog"
    property alias page: tabs.currentIndex
    readonly property int upstreamCount: preferences.upstreams.length
    title: qsTr("Settings")
    modal: true
    width: Math.min(parent ? parent.width - 80 : 720, 720)
    height: Math.min(parent ? parent.height - 80 : 620, 620)
    // Its own button, not a standard one: Qt words those in the language of its own translations, which
    // Ponder does not ship ("Close" in a German window).
    footer: DialogButtonBox {
        palette: dialog.palette // see the content's palette below
        Button {
            objectName: "settingsClose"
            text: qsTr("Close")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
    // Its own frame and a dimmed window behind it: the style's plain white box did not stand out from the
    // page, in the dark theme least of all.
    background: Rectangle { color: Theme.surface; border.color: Theme.border; radius: 10 }
    padding: 16
    topPadding: 8
    header: Label {
        text: dialog.title
        font.pixelSize: 18
        font.bold: true
        color: Theme.text
        padding: 16
        bottomPadding: 4
    }
    Overlay.modal: Rectangle { color: Theme.dark ? "#99000000" : "#59000000" }
    onOpened: {
        dialog.secrets.loadLocalToken()
        storeStatus.refresh() // as it is now: the dialog is made once, when the window opens
    }
    UpstreamProbe {
        id: probe
        gateway: dialog.gateway
        onFinished: (ok, message) => {
            probeResult.ok = ok
            probeResult.text = message
        }
    }

    // One upstream ("kind:url") and how it is doing: in use (reachable or not), not yet listed, or saved
    // for a start without --upstream. Saved ones can be removed, with their key.
    component UpstreamRow: RowLayout {
        id: row
        required property string modelData
        required property int index
        property bool fromCommandLine: false
        // The running upstream with this URL, if any: one just added is in use once the picker has listed it.
        readonly property var running: {
            const url = modelData.substring(modelData.indexOf(":") + 1).replace(/\/+$/, "")
            return dialog.catalog.upstreams.find(u => u.url === url || u.url === url + "/v1")
        }
        readonly property bool overridden: !fromCommandLine && dialog.endpoint.commandLineUpstreams.length > 0
        width: parent ? parent.width : 0
        Label {
            Layout.fillWidth: true
            text: row.modelData
            font.family: Theme.monospace
            color: Theme.text
            elide: Text.ElideMiddle
        }
        Label {
            objectName: "upstreamStatus"
            text: row.running ? (row.running.reachable ? qsTr("reachable") : qsTr("not reachable"))
                              : row.fromCommandLine ? qsTr("checking…")
                              : row.overridden ? qsTr("used without --upstream") : qsTr("not in use yet")
            color: !row.running ? Theme.mutedText : row.running.reachable ? Theme.success : Theme.error
            font.pixelSize: 12
        }
        Button {
            objectName: "removeUpstream"
            // Kept in the row, unseen, so every status lines up with the others.
            enabled: !row.fromCommandLine
            opacity: enabled ? 1 : 0
            text: qsTr("Remove")
            flat: true
            onClicked: {
                const list = dialog.preferences.upstreams.slice()
                list.splice(row.index, 1)
                // Its key goes too, unless another entry names the same server.
                if (row.modelData.startsWith("openai:") && !list.includes(row.modelData))
                    dialog.secrets.removeUpstreamKey(row.modelData)
                dialog.preferences.upstreams = list
            }
        }
    }

    component SectionTitle: Label {
        font.bold: true
        font.pixelSize: 15
        color: Theme.text
        topPadding: 8
    }
    component Hint: Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        font.pixelSize: 12
        color: Theme.mutedText
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8
        // Handed on by hand: in Qt 6.4 a popup's own palette follows the window's, but its content does not
        // hear of a change while it is open (a theme switched here left the dialog's controls in the old one).
        palette: dialog.palette

        TabBar {
            id: tabs
            Layout.fillWidth: true
            PageTab { text: qsTr("Models") }
            PageTab { text: qsTr("Local server") }
            PageTab { text: qsTr("Event store") }
            PageTab { text: qsTr("Appearance") }
        }

        Rectangle {
            objectName: "restartBanner"
            visible: dialog.preferences.restartNeeded
            Layout.fillWidth: true
            implicitHeight: restartRow.implicitHeight + 16
            radius: 6
            color: Theme.tint(Theme.accent, 0.12)
            RowLayout {
                id: restartRow
                anchors.fill: parent
                anchors.margins: 8
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: Theme.text
                    text: qsTr("Server settings changed. They take effect when Ponder restarts.")
                }
                Button {
                    text: qsTr("Restart now")
                    onClicked: dialog.preferences.restartApplication()
                }
            }
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: tabs.currentIndex

            // Models: the upstreams.
            ScrollView {
                id: modelsPage
                clip: true
                // Brings an item below the fold into view: what became of an added upstream's key is said
                // under the form, out of sight in a short window once the list above it grew.
                function reveal(item) {
                    const flick = modelsPage.contentItem
                    const bottom = item.mapToItem(flick.contentItem, 0, item.height).y
                    if (bottom > flick.contentY + flick.height)
                        flick.contentY = Math.min(bottom - flick.height + 8, flick.contentHeight - flick.height)
                }
                Connections {
                    target: dialog.secrets
                    function onMessageChanged() {
                        if (dialog.secrets.topic === "upstream")
                            Qt.callLater(modelsPage.reveal, upstreamKeyMessage)
                    }
                }
                ColumnLayout {
                    width: dialog.availableWidth - 20
                    spacing: 8
                    SectionTitle { text: qsTr("Upstreams") }
                    Hint { text: qsTr("The model servers Ponder talks to. Their models are listed together in the model picker and at /v1/models.") }
                    // --upstream replaces the saved list for as long as Ponder runs: shown first, so the saved
                    // list below is not taken for what is in use.
                    Hint {
                        objectName: "commandLineUpstreamsHint"
                        visible: dialog.endpoint.commandLineUpstreams.length > 0
                        text: qsTr("Ponder was started with --upstream, so it uses these servers; the saved ones below apply when it starts without it.")
                    }
                    // In a Column, not straight in the layout: see MessageDelegate (Qt 6.4 layouts and changing
                    // Repeaters; removing an upstream changes this one).
                    Column {
                        Layout.fillWidth: true
                        spacing: 8
                        Repeater {
                            model: dialog.endpoint.commandLineUpstreams
                            UpstreamRow { fromCommandLine: true }
                        }
                    }
                    SectionTitle {
                        visible: dialog.endpoint.commandLineUpstreams.length > 0
                        text: qsTr("Saved upstreams")
                    }
                    Column {
                        Layout.fillWidth: true
                        spacing: 8
                        Repeater {
                            model: dialog.preferences.upstreams
                            UpstreamRow {}
                        }
                    }
                    SectionTitle { text: qsTr("Add an upstream") }
                    RowLayout {
                        Layout.fillWidth: true
                        ComboBox {
                            id: kind
                            objectName: "upstreamKind"
                            model: ["ollama", "openai"]
                            Accessible.name: qsTr("Kind of server")
                        }
                        TextField {
                            id: url
                            objectName: "upstreamUrl"
                            Layout.fillWidth: true
                            placeholderText: kind.currentIndex === 0 ? "http://127.0.0.1:11434" : "http://127.0.0.1:8080/v1"
                            Accessible.name: qsTr("Server URL")
                            onAccepted: if (addUpstream.enabled) addUpstream.clicked()
                        }
                    }
                    TextField {
                        id: apiKey
                        objectName: "upstreamKey"
                        Layout.fillWidth: true
                        visible: kind.currentIndex === 1
                        echoMode: TextInput.Password
                        placeholderText: qsTr("API key (optional; kept in the OS keychain)")
                        Accessible.name: qsTr("API key")
                        onAccepted: if (addUpstream.enabled) addUpstream.clicked()
                    }
                    RowLayout {
                        Button {
                            text: qsTr("Test connection")
                            enabled: url.text !== "" && !probe.busy
                            onClicked: probe.test(kind.currentText + ":" + url.text, apiKey.text)
                        }
                        Button {
                            id: addUpstream
                            objectName: "addUpstream"
                            text: qsTr("Add")
                            highlighted: true
                            enabled: url.text !== ""
                            onClicked: {
                                const spec = kind.currentText + ":" + url.text.trim()
                                const problem = dialog.preferences.checkUpstream(spec)
                                if (problem !== "") {
                                    probeResult.ok = false
                                    probeResult.text = problem
                                    return
                                }
                                const list = dialog.preferences.upstreams.slice()
                                list.push(spec)
                                if (apiKey.text !== "")
                                    dialog.secrets.saveUpstreamKey(spec, apiKey.text)
                                dialog.preferences.upstreams = list
                                url.clear()
                                apiKey.clear()
                                probeResult.text = "" // a test of the form it cleared
                            }
                        }
                        BusyIndicator { running: probe.busy; visible: running; Layout.preferredHeight: 28; Layout.preferredWidth: 28 }
                    }
                    Label {
                        id: probeResult
                        property bool ok: true
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        visible: text !== ""
                        color: ok ? Theme.success : Theme.error
                    }
                    Hint {
                        objectName: "keychainProblem"
                        visible: dialog.secrets.keychainProblem !== SecretEditor.None
                        color: Theme.warning
                        text: Words.keychainProblem(dialog.secrets.keychainProblem) + " "
                              + qsTr("API keys cannot be saved, so Ponder runs without them; give one with PONDER_OPENAI_API_KEY instead.")
                              + (dialog.secrets.keychainProblemDetail !== "" ? "\n" + Words.quoted(dialog.secrets.keychainProblemDetail) : "")
                    }
                    Label {
                        id: upstreamKeyMessage
                        objectName: "upstreamKeyMessage"
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        visible: (dialog.secrets.message !== "" || dialog.secrets.failed) && dialog.secrets.topic === "upstream"
                        text: dialog.secrets.failed ? Words.keychainFailure(dialog.secrets.failure, dialog.secrets.failureDetail)
                                                    : dialog.secrets.message
                        color: dialog.secrets.failed ? Theme.error : Theme.success
                        font.pixelSize: 12
                    }

                    SectionTitle { text: qsTr("AG-UI agents") }
                    Hint { text: qsTr("Agents that speak AG-UI, as NAME=URL. Each is offered beside the models and relayed at /agui/NAME; its steps, reasoning and tool calls show in the timeline.") }
                    // --agent replaces the saved agents as --upstream replaces the saved upstreams.
                    Hint {
                        objectName: "commandLineAgentsHint"
                        visible: dialog.endpoint.commandLineAgents.length > 0
                        text: qsTr("Ponder was started with --agent, so it runs these agents; the saved ones below apply when it starts without it.")
                    }
                    Column {
                        Layout.fillWidth: true
                        spacing: 8
                        Repeater {
                            model: dialog.endpoint.commandLineAgents
                            RowLayout {
                                required property string modelData
                                width: parent ? parent.width : 0
                                Label {
                                    objectName: "commandLineAgent"
                                    Layout.fillWidth: true
                                    text: modelData
                                    font.family: Theme.monospace
                                    color: Theme.text
                                    elide: Text.ElideMiddle
                                }
                                Label {
                                    text: qsTr("in use")
                                    font.pixelSize: 12
                                    color: Theme.success
                                }
                            }
                        }
                    }
                    SectionTitle {
                        visible: dialog.endpoint.commandLineAgents.length > 0
                        text: qsTr("Saved agents")
                    }
                    Column {
                        Layout.fillWidth: true
                        spacing: 8
                        Repeater {
                            model: dialog.preferences.agents
                            RowLayout {
                                required property string modelData
                                required property int index
                                width: parent ? parent.width : 0
                                Label {
                                    Layout.fillWidth: true
                                    text: modelData
                                    font.family: Theme.monospace
                                    color: Theme.text
                                    elide: Text.ElideMiddle
                                }
                                Label {
                                    objectName: "savedAgentStatus"
                                    visible: dialog.endpoint.commandLineAgents.length > 0
                                    text: qsTr("used without --agent")
                                    font.pixelSize: 12
                                    color: Theme.mutedText
                                }
                                Button {
                                    objectName: "removeUpstream"
                                    text: qsTr("Remove")
                                    flat: true
                                    onClicked: {
                                        const list = dialog.preferences.agents.slice()
                                        list.splice(index, 1)
                                        dialog.preferences.agents = list
                                    }
                                }
                            }
                        }
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        TextField {
                            id: agentSpec
                            objectName: "agentSpec"
                            Layout.fillWidth: true
                            placeholderText: "research=http://127.0.0.1:8000/agent"
                            Accessible.name: qsTr("Agent as NAME=URL")
                            onTextChanged: agentProblem.text = ""
                        }
                        Button {
                            objectName: "addAgent"
                            text: qsTr("Add agent")
                            enabled: agentSpec.text !== ""
                            onClicked: {
                                const spec = agentSpec.text.trim()
                                agentProblem.text = dialog.preferences.checkAgent(spec, dialog.preferences.agents)
                                if (agentProblem.text !== "")
                                    return
                                dialog.preferences.agents = dialog.preferences.agents.concat([spec])
                                agentSpec.clear()
                            }
                        }
                    }
                    Label {
                        id: agentProblem
                        objectName: "agentProblem"
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        visible: text !== ""
                        color: Theme.error
                    }
                }
            }

            // The local server.
            ScrollView {
                clip: true
                ColumnLayout {
                    width: dialog.availableWidth - 20
                    spacing: 8
                    SectionTitle { text: qsTr("Local endpoint") }
                    Hint {
                        text: dialog.endpoint.state === EndpointStatus.Running
                              ? qsTr("Running at %1. Open WebUI, editors and the openai SDKs can use %1/v1.").arg(dialog.endpoint.baseUrl)
                              : qsTr("Not running.")
                    }
                    Switch {
                        text: qsTr("Serve the OpenAI-compatible and streaming APIs")
                        checked: dialog.preferences.serverEnabled
                        onToggled: dialog.preferences.serverEnabled = checked
                    }
                    GridLayout {
                        columns: 2
                        Layout.fillWidth: true
                        Label { text: qsTr("Address"); color: Theme.text }
                        TextField {
                            Layout.fillWidth: true
                            text: dialog.preferences.serverHost
                            onEditingFinished: dialog.preferences.serverHost = text
                            Accessible.name: qsTr("Address")
                        }
                        Label { text: qsTr("Port"); color: Theme.text }
                        SpinBox {
                            from: 1
                            to: 65535
                            editable: true
                            value: dialog.preferences.serverPort
                            onValueModified: dialog.preferences.serverPort = value
                            textFromValue: (value, locale) => value.toString()
                            Accessible.name: qsTr("Port")
                        }
                        Item { width: 1; height: 1; visible: portNote.visible }
                        Hint {
                            id: portNote
                            objectName: "portNote"
                            readonly property int inUse: dialog.endpoint.port
                            visible: dialog.endpoint.state === EndpointStatus.Running && dialog.endpoint.listening
                                     && inUse !== dialog.preferences.serverPort
                            text: dialog.endpoint.portSource === EndpointStatus.CommandLine
                                  ? qsTr("In use now: %1, given on the command line (--port), which wins over the saved port.").arg(inUse)
                                  : qsTr("In use now: %1. The saved port applies from the next start.").arg(inUse)
                        }
                        Label { text: qsTr("Allowed origins"); color: Theme.text }
                        TextField {
                            Layout.fillWidth: true
                            placeholderText: "https://chat.example.org"
                            text: dialog.preferences.allowedOrigins.join(", ")
                            onEditingFinished: dialog.preferences.allowedOrigins = text.split(",")
                            Accessible.name: qsTr("Allowed origins")
                        }
                    }
                    Hint { text: qsTr("Keep the address 127.0.0.1 unless other machines must reach Ponder. Browser pages from other origins are refused unless listed here.") }
                    Switch {
                        text: qsTr("Stateless: never write conversations to disk")
                        checked: dialog.preferences.stateless
                        onToggled: dialog.preferences.stateless = checked
                    }
                    SectionTitle { text: qsTr("API token") }
                    Hint { text: qsTr("With a token, clients must send it (Authorization: Bearer …). Without one, local programs need no login.") }
                    RowLayout {
                        Layout.fillWidth: true
                        TextField {
                            id: tokenField
                            Layout.fillWidth: true
                            readOnly: true
                            text: dialog.secrets.localToken
                            placeholderText: qsTr("No token: zero-login")
                            echoMode: showToken.checked ? TextInput.Normal : TextInput.Password
                            font.family: Theme.monospace
                            Accessible.name: qsTr("API token")
                        }
                        CheckBox { id: showToken; text: qsTr("Show") }
                        Button {
                            text: qsTr("Copy")
                            enabled: dialog.secrets.localToken !== ""
                            onClicked: {
                                tokenField.selectAll()
                                tokenField.copy()
                                tokenField.deselect()
                            }
                        }
                    }
                    RowLayout {
                        Button { text: qsTr("Generate new token"); onClicked: dialog.secrets.generateLocalToken() }
                        Button { text: qsTr("Remove token"); enabled: dialog.secrets.localToken !== ""; onClicked: dialog.secrets.removeLocalToken() }
                    }
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        visible: (dialog.secrets.message !== "" || dialog.secrets.failed) && dialog.secrets.topic === "token"
                        text: dialog.secrets.failed ? Words.keychainFailure(dialog.secrets.failure, dialog.secrets.failureDetail)
                                                    : dialog.secrets.message
                        color: dialog.secrets.failed ? Theme.error : Theme.success
                        font.pixelSize: 12
                    }
                }
            }

            // The event store.
            ScrollView {
                clip: true
                ColumnLayout {
                    width: dialog.availableWidth - 20
                    spacing: 8
                    SectionTitle { text: qsTr("Where thinking and progress events are kept") }
                    // As for --upstream: the choice below is not taken for what is in use.
                    Hint {
                        objectName: "commandLineRedisHint"
                        visible: dialog.endpoint.commandLineRedis !== ""
                        //: %1 is the Redis URL given on the command line
                        text: qsTr("Ponder was started with --redis %1, so it keeps events there; the choice below applies when it starts without it.").arg(dialog.endpoint.commandLineRedis)
                    }
                    RadioButton {
                        id: inMemory
                        text: qsTr("In memory (this Ponder only)")
                        checked: dialog.preferences.redisUrl === ""
                        onToggled: if (checked) dialog.preferences.redisUrl = ""
                    }
                    RadioButton {
                        id: inRedis
                        text: qsTr("Redis Streams (shared by several Ponder backends)")
                        checked: dialog.preferences.redisUrl !== ""
                    }
                    TextField {
                        id: redisField
                        Layout.fillWidth: true
                        enabled: inRedis.checked
                        text: dialog.preferences.redisUrl
                        placeholderText: "redis://127.0.0.1:6379/0"
                        Accessible.name: qsTr("Redis URL")
                        onEditingFinished: {
                            redisProblem.text = dialog.preferences.checkRedisUrl(text)
                            if (redisProblem.text === "")
                                dialog.preferences.redisUrl = text
                        }
                    }
                    Label { id: redisProblem; visible: text !== ""; color: Theme.error; wrapMode: Text.Wrap; Layout.fillWidth: true }
                    // The password goes to the keychain, never into the URL kept in the settings file.
                    RowLayout {
                        Layout.fillWidth: true
                        enabled: inRedis.checked && redisField.text !== "" && redisProblem.text === ""
                        TextField {
                            id: redisPassword
                            Layout.fillWidth: true
                            echoMode: TextInput.Password
                            placeholderText: qsTr("Password, if Redis needs one (kept in the keychain)")
                            Accessible.name: qsTr("Redis password")
                        }
                        Button {
                            text: qsTr("Save password")
                            enabled: redisPassword.text !== ""
                            onClicked: {
                                dialog.secrets.saveRedisPassword(redisField.text, redisPassword.text)
                                redisPassword.text = ""
                            }
                        }
                        Button { text: qsTr("Remove password"); onClicked: dialog.secrets.removeRedisPassword(redisField.text) }
                    }
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        visible: (dialog.secrets.message !== "" || dialog.secrets.failed) && dialog.secrets.topic === "redis"
                        text: dialog.secrets.failed ? Words.keychainFailure(dialog.secrets.failure, dialog.secrets.failureDetail)
                                                    : dialog.secrets.message
                        color: dialog.secrets.failed ? Theme.error : Theme.success
                        font.pixelSize: 12
                    }
                    EventStoreStatus { id: storeStatus; gateway: dialog.gateway }
                    Hint {
                        objectName: "eventStoreNow"
                        text: Words.eventStoreNow(storeStatus.store, storeStatus.healthy, storeStatus.reason)
                    }
                    Button { text: qsTr("Check now"); onClicked: storeStatus.refresh() }
                }
            }

            // Appearance.
            ScrollView {
                clip: true
                ColumnLayout {
                    width: dialog.availableWidth - 20
                    spacing: 8
                    SectionTitle { text: qsTr("Debug mode") }
                    Switch {
                        text: qsTr("Show the thinking and progress panels and the Live sessions visualizer")
                        checked: dialog.preferences.debugMode
                        onToggled: dialog.preferences.debugMode = checked
                    }
                    // Measures the Language and Theme choices.
                    FontMetrics {
                        id: choiceFont
                        font: languagePicker.font
                        // A combo box as wide as its widest choice, so the closed box and the open list show
                        // each one whole: the widest text, inside the text field's margins and the box's own
                        // (which hold the arrow).
                        function comboWidth(combo, names) {
                            const field = combo.contentItem
                            return Math.ceil(Math.max(...names.map(name => advanceWidth(name))))
                                    + (field.leftPadding || 0) + (field.rightPadding || 0)
                                    + combo.leftPadding + combo.rightPadding
                        }
                    }
                    SectionTitle { text: qsTr("Language") }
                    ComboBox {
                        id: languagePicker
                        objectName: "languagePicker"
                        // Codes as the model, names as the text: a model of translated names changes with the
                        // language, and a changed model resets the selection.
                        readonly property var codes: ["", "en", "de", "es"]
                        function nameOf(code) {
                            switch (code) {
                            case "en": return "English"
                            case "de": return "Deutsch"
                            case "es": return "Español"
                            default: return qsTr("System language")
                            }
                        }
                        model: codes
                        Layout.preferredWidth: choiceFont.comboWidth(languagePicker, codes.map(nameOf))
                        currentIndex: Math.max(0, codes.indexOf(dialog.preferences.language))
                        displayText: nameOf(dialog.preferences.language)
                        delegate: ItemDelegate {
                            required property string modelData
                            required property int index
                            width: ListView.view ? ListView.view.width : implicitWidth
                            text: languagePicker.nameOf(modelData)
                            highlighted: languagePicker.highlightedIndex === index
                        }
                        onActivated: index => dialog.preferences.language = codes[index]
                        Accessible.name: qsTr("Language")
                    }
                    SectionTitle { text: qsTr("Theme") }
                    ComboBox {
                        id: themePicker
                        objectName: "themePicker"
                        readonly property var choices: ["system", "light", "dark"]
                        function nameOf(choice) {
                            switch (choice) {
                            case "light": return qsTr("Light")
                            case "dark": return qsTr("Dark")
                            default: return qsTr("Follow the system")
                            }
                        }
                        model: choices
                        Layout.preferredWidth: choiceFont.comboWidth(themePicker, choices.map(nameOf))
                        currentIndex: Math.max(0, choices.indexOf(dialog.preferences.theme))
                        displayText: nameOf(dialog.preferences.theme)
                        delegate: ItemDelegate {
                            required property string modelData
                            required property int index
                            width: ListView.view ? ListView.view.width : implicitWidth
                            text: themePicker.nameOf(modelData)
                            highlighted: themePicker.highlightedIndex === index
                        }
                        onActivated: index => dialog.preferences.theme = choices[index]
                        Accessible.name: qsTr("Theme")
                    }
                }
            }
        }
    }
}
