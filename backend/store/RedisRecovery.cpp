// SPDX-License-Identifier: MIT
#include "store/RedisRecovery.h"

#include <QJsonDocument>
#include <QRandomGenerator>

RedisRecovery::Known &RedisRecovery::known(const QString &id)
{
    Known &entry = m_sessions[id];
    entry.lastUsedMs = QDateTime::currentMSecsSinceEpoch();
    return entry;
}

void RedisRecovery::created(const Session &session)
{
    Known &entry = known(session.id);
    entry.json = QJsonDocument(session.toJson()).toJson(QJsonDocument::Compact);
    entry.active = true;
}

void RedisRecovery::touched(const QString &id)
{
    known(id);
}

void RedisRecovery::described(const QString &id, const QJsonObject &description)
{
    Known &entry = known(id);
    if (entry.json.isEmpty())
        return;
    QJsonObject session = QJsonDocument::fromJson(entry.json).object();
    for (auto it = description.begin(); it != description.end(); ++it)
        session.insert(it.key(), it.value());
    entry.json = QJsonDocument(session).toJson(QJsonDocument::Compact);
}

void RedisRecovery::seen(const Session &session)
{
    const auto entry = m_sessions.find(session.id); // a read is not activity: its time stays
    if (entry == m_sessions.end())
        return;
    entry->json = QJsonDocument(session.toJson()).toJson(QJsonDocument::Compact);
    entry->active = session.active;
}

void RedisRecovery::ended(const QString &id)
{
    known(id).active = false;
}

void RedisRecovery::wrote(const QString &id, EventKind kind, qint64 count)
{
    known(id).written[kind == EventKind::Thinking ? 0 : 1] += count;
}

void RedisRecovery::forgetIdleBefore(qint64 cutoffMs)
{
    m_sessions.removeIf([cutoffMs](const auto &entry) { return entry.value().lastUsedMs < cutoffMs; });
}

QByteArray RedisRecovery::newEpoch()
{
    return QByteArray::number(QRandomGenerator::system()->generate64(), 16);
}

bool RedisRecovery::lostSince(const QByteArray &epoch)
{
    const bool lost = !m_epoch.isEmpty() && epoch != m_epoch;
    m_epoch = epoch;
    return lost;
}

QList<RedisRecovery::Restore> RedisRecovery::recordLoss()
{
    QList<Restore> restores;
    qint64 lost = 0;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (auto it = m_sessions.begin(); it != m_sessions.end(); ++it) {
        Known &entry = it.value();
        // Redis kept at most the history length of each stream; what it trimmed before was not lost now.
        for (qint64 &written : entry.written)
            lost += std::min<qint64>(std::exchange(written, 0), std::max(1, m_historyLength));
        QByteArray json = entry.json;
        const bool standIn = json.isEmpty();
        if (standIn) { // created by another process and never read here: its id is all this one knows
            Session session;
            session.id = it.key();
            session.createdAt = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
            json = QJsonDocument(session.toJson()).toJson(QJsonDocument::Compact);
        }
        restores.append({it.key(), json, entry.active, standIn});
    }
    ++m_losses;
    m_eventsLost += lost;
    m_lastEventsLost = lost;
    m_sessionsWrittenAgain += restores.size();
    m_lastLossAt = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC);
    return restores;
}

QJsonObject RedisRecovery::healthDetails() const
{
    QJsonObject details {
        {QStringLiteral("redis_data_losses"), m_losses},
        {QStringLiteral("events_lost_by_redis"), m_eventsLost},
        {QStringLiteral("sessions_written_again"), m_sessionsWrittenAgain},
    };
    if (m_lastLossAt.isValid())
        details.insert(QStringLiteral("redis_data_lost_at"), m_lastLossAt.toString(Qt::ISODateWithMs));
    return details;
}
