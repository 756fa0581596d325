// SPDX-License-Identifier: MIT
#include "secrets/KeychainServiceProbe.h"

#ifdef PONDER_KEYCHAIN_ON_DBUS
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#endif

#include <memory>

void KeychainServiceProbe::ask(std::function<void(bool present)> done)
{
#ifdef PONDER_KEYCHAIN_ON_DBUS
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return done(false);
    // The names on the bus now, and those the bus would start on demand: two calls, answered in any order.
    struct Answers
    {
        int waiting = 2;
        QStringList names;
    };
    auto answers = std::make_shared<Answers>();
    for (const char *method : {"ListNames", "ListActivatableNames"}) {
        const QDBusMessage call = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.DBus"),
            QStringLiteral("/org/freedesktop/DBus"), QStringLiteral("org.freedesktop.DBus"),
            QString::fromLatin1(method));
        auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), this);
        connect(
            watcher, &QDBusPendingCallWatcher::finished, this, [answers, done](QDBusPendingCallWatcher *w) {
                w->deleteLater();
                const QDBusPendingReply<QStringList> reply = *w;
                if (reply.isValid())
                    answers->names += reply.value();
                if (--answers->waiting > 0)
                    return;
                for (const char *service :
                    {"org.freedesktop.secrets", "org.kde.kwalletd6", "org.kde.kwalletd5"}) {
                    if (answers->names.contains(QString::fromLatin1(service)))
                        return done(true);
                }
                done(false);
            });
    }
#else
    done(true);
#endif
}
