import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Ponder

ApplicationWindow {
    id: window

    required property EndpointStatus endpoint

    width: 1100
    height: 720
    visible: true
    title: qsTr("Ponder")

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 48, 560)
        spacing: 12

        Label {
            Layout.fillWidth: true
            text: qsTr("Ponder")
            font.pixelSize: 32
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("Watch language models think.")
            opacity: 0.7
            horizontalAlignment: Text.AlignHCenter
        }
        Label {
            objectName: "endpointLabel"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            text: {
                switch (window.endpoint.state) {
                case EndpointStatus.Running:
                    return qsTr("Local endpoint: %1/v1").arg(window.endpoint.baseUrl)
                case EndpointStatus.Failed:
                    return qsTr("The local endpoint could not start: %1").arg(window.endpoint.error)
                default:
                    return qsTr("Starting the local endpoint…")
                }
            }
        }
    }
}
