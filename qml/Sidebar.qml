// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ponder

// Conversations from history (new, search, rename, delete) and every live session in the hub.
Rectangle {
    id: sidebar

    required property ConversationListModel conversations
    required property LiveSessionModel liveSessions
    property string currentConversationId
    property string currentLiveSessionId
    property bool showLiveSessions: true
    // Dates in the language the window speaks, which may not be the system's.
    property var uiLocale: Qt.locale()

    signal newChatRequested()
    signal conversationChosen(string id)
    signal conversationDeleted(string id) // an answer of it still running is stopped
    signal liveSessionChosen(string id)
    signal settingsRequested()

    // A new chat is open: no row of the list stands for it, not even the keyboard's.
    function forgetKeyboardRow() { conversationList.currentIndex = -1 }

    // Choosing a live session from elsewhere shows it in its list too; leaving it for a chat shows Chats.
    onCurrentLiveSessionIdChanged: tabs.currentIndex = currentLiveSessionId !== "" ? 1 : 0

    color: Theme.sidebar
    Rectangle { anchors.right: parent.right; width: 1; height: parent.height; color: Theme.border }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 8

        RowLayout {
            Layout.fillWidth: true
            Label {
                text: qsTr("Ponder")
                font.pixelSize: 20
                font.bold: true
                color: Theme.text
                Layout.fillWidth: true
            }
            ToolButton {
                text: "⚙"
                font.pixelSize: 18
                onClicked: sidebar.settingsRequested()
                Accessible.name: qsTr("Settings")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Settings (Ctrl+,)")
            }
        }

        Button {
            objectName: "newChatButton"
            Layout.fillWidth: true
            text: qsTr("New chat")
            highlighted: true
            onClicked: sidebar.newChatRequested()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Start a new conversation (Ctrl+N)")
        }

        TabBar {
            id: tabs
            Layout.fillWidth: true
            background: null
            PageTab { text: qsTr("Chats") }
            PageTab {
                objectName: "liveTab"
                visible: sidebar.showLiveSessions
                width: visible ? implicitWidth : 0
                text: sidebar.liveSessions.count > 0 ? qsTr("Live sessions (%1)").arg(sidebar.liveSessions.count)
                                                     : qsTr("Live sessions")
            }
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: tabs.currentIndex

            ColumnLayout {
                spacing: 6
                TextField {
                    Layout.fillWidth: true
                    placeholderText: qsTr("Search conversations")
                    enabled: sidebar.conversations.available
                    onTextChanged: sidebar.conversations.filter = text
                    Accessible.name: qsTr("Search conversations")
                }
                Label {
                    visible: !sidebar.conversations.available || sidebar.conversations.count === 0
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: Theme.mutedText
                    font.pixelSize: 12
                    text: !sidebar.conversations.available
                          ? qsTr("Stateless mode: conversations are not saved.")
                          : sidebar.conversations.filter !== "" ? qsTr("No conversation matches.")
                                                                : qsTr("Your conversations will appear here.")
                }
                ListView {
                    id: conversationList
                    objectName: "conversationList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: sidebar.conversations
                    keyNavigationEnabled: true
                    activeFocusOnTab: true
                    reuseItems: true
                    spacing: 2
                    ScrollBar.vertical: ScrollBar {}
                    currentIndex: -1
                    Keys.onReturnPressed: if (currentItem) sidebar.conversationChosen(currentItem.conversationId)
                    Keys.onDeletePressed: if (currentItem) sidebar.deleteConversation(currentItem.conversationId)

                    delegate: ItemDelegate {
                        id: conversationItem
                        required property string conversationId
                        required property string title
                        required property string model
                        required property date updatedAt
                        required property int index

                        width: ListView.view.width
                        // One highlight: the open chat. The keyboard's row gets a focus ring instead.
                        highlighted: conversationId === sidebar.currentConversationId
                        FocusRing { visible: conversationItem.ListView.isCurrentItem && conversationList.activeFocus }
                        onClicked: {
                            conversationList.currentIndex = index
                            sidebar.conversationChosen(conversationId)
                        }
                        Accessible.name: title
                        contentItem: ColumnLayout {
                            spacing: 2
                            Label {
                                Layout.fillWidth: true
                                text: conversationItem.title
                                elide: Text.ElideRight
                                color: conversationItem.highlighted ? conversationItem.palette.highlightedText : Theme.text
                            }
                            // The model gives way to the date in a narrow sidebar: "07.1…" told nothing.
                            Row {
                                id: subtitle
                                Layout.fillWidth: true
                                Label {
                                    width: Math.min(implicitWidth, subtitle.width - date.implicitWidth)
                                    text: conversationItem.model
                                    elide: Text.ElideRight
                                    font.pixelSize: 11
                                    color: date.color
                                }
                                Label {
                                    id: date
                                    objectName: "conversationDate"
                                    text: " · " + conversationItem.updatedAt.toLocaleString(sidebar.uiLocale, Locale.ShortFormat)
                                    font.pixelSize: 11
                                    color: conversationItem.highlighted ? conversationItem.palette.highlightedText : Theme.mutedText
                                }
                            }
                        }
                        // Takes the right button only, so a right-click opens the menu without opening the chat
                        // (a TapHandler beside the delegate let the delegate see the click too).
                        MouseArea {
                            anchors.fill: parent
                            acceptedButtons: Qt.RightButton
                            onClicked: mouse => conversationMenu.openFor(conversationItem.conversationId,
                                                                         conversationItem.title,
                                                                         mapToItem(sidebar, mouse.x, mouse.y))
                        }
                    }
                }
            }

            ColumnLayout {
                spacing: 6
                // One above the other: side by side, a narrow sidebar cut the filter's hint to "Sitzu…".
                TextField {
                    objectName: "liveFilter"
                    Layout.fillWidth: true
                    placeholderText: qsTr("Filter sessions")
                    onTextChanged: sidebar.liveSessions.filter = text
                    Accessible.name: qsTr("Filter sessions")
                }
                Button {
                    objectName: "clearEnded"
                    Layout.alignment: Qt.AlignRight
                    Layout.maximumWidth: parent.width
                    text: qsTr("Clear ended")
                    flat: true
                    font.pixelSize: 12
                    enabled: sidebar.liveSessions.endedCount > 0
                    onClicked: sidebar.liveSessions.clearEnded()
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Take finished, failed, stopped and ended sessions off this list")
                }
                Label {
                    Layout.fillWidth: true
                    visible: sidebar.liveSessions.count === 0
                    wrapMode: Text.Wrap
                    color: Theme.mutedText
                    font.pixelSize: 12
                    text: sidebar.liveSessions.filter !== "" ? qsTr("No session matches.")
                          : sidebar.liveSessions.clearedCount > 0 ? qsTr("No session running. Ended ones are cleared from this list; new ones appear here as they start.")
                          : qsTr("No session yet. Chats from this window, requests to the local endpoint and agents publishing to the streaming API appear here.")
                }
                ListView {
                    id: liveList
                    objectName: "liveSessionList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: sidebar.liveSessions
                    keyNavigationEnabled: true
                    activeFocusOnTab: true
                    reuseItems: true
                    spacing: 2
                    ScrollBar.vertical: ScrollBar {}
                    Keys.onReturnPressed: if (currentItem) sidebar.liveSessionChosen(currentItem.sessionId)

                    // Rows stay where they are while the pointer is over the list: sessions that go on
                    // moved up under it, and a person aiming at one row clicked the next. They take the
                    // list's order again once it leaves (new sessions meanwhile are added at the bottom).
                    HoverHandler {
                        id: liveListHover
                        objectName: "liveListHover"
                    }
                    Binding {
                        target: sidebar.liveSessions
                        property: "holdOrder"
                        value: liveListHover.hovered
                    }

                    delegate: ItemDelegate {
                        id: liveItem
                        required property string sessionId
                        required property string title
                        required property int origin
                        required property string originName
                        required property int state
                        required property date createdAt
                        required property date lastActivity
                        required property bool titleShared
                        required property int index
                        // Enough of the id to tell sessions of one title apart: its end, where ids differ
                        // ("research-agent-42"; a UUID's end is as random as its start).
                        readonly property string shortId: sessionId.length <= 12 ? sessionId : "…" + sessionId.slice(-8)

                        width: ListView.view.width
                        highlighted: sessionId === sidebar.currentLiveSessionId
                        FocusRing { visible: liveItem.ListView.isCurrentItem && liveList.activeFocus }
                        onClicked: {
                            liveList.currentIndex = index
                            sidebar.liveSessionChosen(sessionId)
                            // The page shown has nothing to type into: the arrows move on in the list.
                            liveList.forceActiveFocus()
                        }
                        Accessible.name: qsTr("%1, %2").arg(title).arg(Words.state(state))
                        Accessible.description: toolTipText
                        readonly property string toolTipText:
                            //: Tooltip of a row in Live sessions: %1 its title, %2 its id, %3 where it came from, %4 when it started
                            qsTr("%1\nSession %2\nFrom %3\nStarted %4").arg(title).arg(sessionId)
                                .arg(Words.origin(origin, originName))
                                .arg(createdAt.toLocaleString(sidebar.uiLocale, Locale.ShortFormat))
                        ToolTip.visible: hovered
                        ToolTip.delay: 600
                        ToolTip.text: toolTipText
                        // The title has the first line to itself, the chip goes with the details below it:
                        // beside the title, a long state ("fehlgeschlagen") left the title three letters.
                        contentItem: ColumnLayout {
                            spacing: 3
                            RowLayout {
                                Layout.fillWidth: true
                                spacing: 6
                                Label {
                                    objectName: "liveTitle"
                                    Layout.fillWidth: true
                                    text: liveItem.title
                                    elide: Text.ElideRight
                                    color: liveItem.highlighted ? Theme.textOnAccent : Theme.text
                                }
                                // Sessions of one title (an agent run again and again) are told apart by id.
                                Label {
                                    objectName: "liveShortId"
                                    visible: liveItem.titleShared
                                    Layout.minimumWidth: implicitWidth
                                    text: liveItem.shortId
                                    font.pixelSize: 11
                                    font.family: Theme.monospace
                                    color: liveItem.highlighted ? Theme.textOnAccent : Theme.mutedText
                                }
                            }
                            RowLayout {
                                Layout.fillWidth: true
                                spacing: 6
                                Badge {
                                    objectName: "stateChip"
                                    text: Words.state(liveItem.state)
                                    tone: liveItem.highlighted ? Theme.textOnAccent : Words.stateTone(liveItem.state)
                                }
                                Label {
                                    Layout.fillWidth: true
                                    // A running session's age is since it started; one that is over tells when it
                                    // ended, its last sign of life (an old running one is not a stale one).
                                    text: qsTr("%1 · %2").arg(Words.origin(liveItem.origin, liveItem.originName))
                                              .arg(liveItem.state === LiveState.Running
                                                   ? qsTr("started %1").arg(Words.age((sidebar.liveSessions.nowMs - liveItem.createdAt.getTime()) / 1000))
                                                   : qsTr("ended %1").arg(Words.age((sidebar.liveSessions.nowMs - liveItem.lastActivity.getTime()) / 1000)))
                                    elide: Text.ElideRight
                                    font.pixelSize: 11
                                    color: liveItem.highlighted ? Theme.textOnAccent : Theme.mutedText
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    function deleteConversation(id) {
        if (id === sidebar.currentConversationId)
            sidebar.newChatRequested()
        sidebar.conversations.remove(id)
        sidebar.conversationDeleted(id)
        sidebar.liveSessions.setHidden(id, true) // its session leaves Live sessions with it
        undoBar.deletedId = id
    }

    // Deleting can be undone for a few seconds.
    Rectangle {
        id: undoBar
        objectName: "undoDelete"
        property string deletedId
        visible: sidebar.conversations.removedTitle !== ""
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 10
        height: undoGrid.implicitHeight + 8
        radius: 6
        color: Theme.text
        // What went and Undo on one line, the title below them with the notice's whole width, cut at its
        // end: the sentence stays whole in every language and the title keeps the start people recognise.
        GridLayout {
            id: undoGrid
            anchors.fill: parent
            anchors.leftMargin: 10
            anchors.rightMargin: 4
            anchors.bottomMargin: 4
            columns: 2
            rowSpacing: 0
            columnSpacing: 4
            Label {
                objectName: "undoText"
                Layout.fillWidth: true
                text: qsTr("Chat deleted")
                elide: Text.ElideRight
                color: Theme.background
                font.pixelSize: 12
            }
            Button {
                objectName: "undoButton"
                text: qsTr("Undo")
                flat: true
                leftPadding: 6
                rightPadding: 6
                font.pixelSize: 12
                palette.buttonText: Theme.background
                onClicked: {
                    sidebar.conversations.undoRemove()
                    sidebar.liveSessions.setHidden(undoBar.deletedId, false)
                }
                Accessible.name: qsTr("Undo deleting the chat")
            }
            Label {
                objectName: "undoTitle"
                Layout.columnSpan: 2
                Layout.fillWidth: true
                Layout.rightMargin: 6
                text: sidebar.conversations.removedTitle
                elide: Text.ElideRight
                color: Theme.background
                opacity: 0.8
                font.pixelSize: 12
            }
        }
    }

    // One menu for the whole list, told which chat it opened on. A Menu in each row (a popup, its list, two
    // items) made a row several times as costly to create: 100 chats listed at once (clients' chats through
    // the endpoint, once they end) took 45-70 ms of one frame.
    Menu {
        id: conversationMenu
        objectName: "conversationMenu"
        property string conversationId
        property string conversationTitle
        // At the click, in the sidebar's coordinates (the menu's parent): where the pointer is, on any platform.
        function openFor(id, title, at) {
            conversationId = id
            conversationTitle = title
            popup(at.x, at.y)
        }
        MenuItem {
            objectName: "renameItem"
            text: qsTr("Rename…")
            onTriggered: renameDialog.openFor(conversationMenu.conversationId, conversationMenu.conversationTitle)
        }
        MenuItem {
            text: qsTr("Delete")
            onTriggered: sidebar.deleteConversation(conversationMenu.conversationId)
        }
    }

    Dialog {
        id: renameDialog
        objectName: "renameDialog"
        property string conversationId
        function openFor(id, title) {
            conversationId = id
            renameField.text = title
            open()
            renameField.selectAll()
            renameField.forceActiveFocus()
        }
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        title: qsTr("Rename conversation")
        background: Rectangle { color: Theme.surface; border.color: Theme.border; radius: 10 }
        Overlay.modal: Rectangle { color: Theme.dark ? "#99000000" : "#59000000" }
        // The window's own words, not Qt's standard buttons (see SettingsDialog).
        footer: DialogButtonBox {
            palette: renameDialog.palette
            Button {
                text: qsTr("Rename")
                DialogButtonBox.buttonRole: DialogButtonBox.AcceptRole
            }
            Button {
                text: qsTr("Cancel")
                DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
            }
        }
        TextField {
            id: renameField
            objectName: "renameField"
            palette: renameDialog.palette // a popup's content misses palette changes (see SettingsDialog)
            // Implicit: the dialog sizes itself from it (a set width left the dialog narrower than the field).
            implicitWidth: 320
            Accessible.name: qsTr("Title")
            onAccepted: renameDialog.accept()
        }
        onAccepted: sidebar.conversations.rename(conversationId, renameField.text)
    }
}
