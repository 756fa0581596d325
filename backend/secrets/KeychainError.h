// SPDX-License-Identifier: MIT
// Why the keychain could not do what it was asked, as a kind the window words in its language, with
// QtKeychain's own (English) text as the detail.
#pragma once

#include <QString>

struct KeychainError
{
    enum class Kind
    {
        None, // it answered (an entry that is not there is an answer too)
        Unavailable, // no keychain answers: no D-Bus session, no Secret Service, no backend
        AccessDenied, // the keychain answered and refused (the user, or its policy)
        Other, // anything else it reported, and a call from the wrong thread
    };

    Kind kind = Kind::None;
    QString detail;

    bool failed() const { return kind != Kind::None; }
    // In English, for the log.
    QString message() const;
    friend bool operator==(const KeychainError &, const KeychainError &) = default;
};
