// SPDX-License-Identifier: MIT
// Whether a keychain QtKeychain could use is on the session bus (running, or started on demand), asked
// without blocking. QtKeychain reports a missing bus or Secret Service as OtherError with D-Bus's words, so
// this is what tells "no keychain answers" from a keychain that failed. Where QtKeychain does not use D-Bus
// (macOS, Windows), the keychain is always there.
#pragma once

#include <QObject>

#include <functional>

class KeychainServiceProbe : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // `done` is called on this object's thread, never inside ask(), unless there is no bus at all; it is
    // not called if this object goes first.
    void ask(std::function<void(bool present)> done);
};
