// SPDX-License-Identifier: MIT
import QtQuick
import QtTest
import Ponder

Item {
    width: 800
    height: 200

    Composer {
        id: composer
        width: 800
    }
    SignalSpy { id: sent; target: composer; signalName: "sendRequested" }
    SignalSpy { id: stopped; target: composer; signalName: "stopRequested" }

    TestCase {
        name: "Composer"
        when: windowShown

        function init() {
            composer.clear()
            composer.busy = false
            composer.canSend = true
            sent.clear()
            stopped.clear()
        }

        function input() { return findChild(composer, "composerInput") }
        function sendButton() { return findChild(composer, "sendButton") }

        function test_enterSends() {
            composer.focusInput()
            keyClick(Qt.Key_H)
            keyClick(Qt.Key_I)
            keyClick(Qt.Key_Return)
            compare(sent.count, 1)
            compare(sent.signalArguments[0][0], "hi")
        }

        function test_shiftEnterStartsANewLine() {
            composer.focusInput()
            keyClick(Qt.Key_A)
            keyClick(Qt.Key_Return, Qt.ShiftModifier)
            keyClick(Qt.Key_B)
            compare(sent.count, 0)
            compare(input().text, "a\nb")
        }

        function test_whileBusyEnterDoesNotSendAndTheButtonStops() {
            composer.busy = true
            composer.focusInput()
            keyClick(Qt.Key_X)
            keyClick(Qt.Key_Return)
            compare(sent.count, 0)
            compare(sendButton().text, "Stop")
            mouseClick(sendButton())
            compare(stopped.count, 1)
        }

        function test_sendIsDisabledForBlankTextOrWithoutAModel() {
            verify(!sendButton().enabled)
            composer.focusInput()
            keyClick(Qt.Key_Space)
            verify(!sendButton().enabled)
            keyClick(Qt.Key_Y)
            verify(sendButton().enabled)
            composer.canSend = false
            verify(!sendButton().enabled)
        }
    }
}
