// SPDX-License-Identifier: MIT
#include "events/EventData.h"

#include <QJsonDocument>

EventData::EventData(QJsonObject object)
    : m_text(QJsonDocument(object).toJson(QJsonDocument::Compact))
    , m_object(std::move(object))
{ }

EventData EventData::fromText(QByteArray text)
{
    EventData data;
    data.m_text = text.isEmpty() ? QByteArrayLiteral("{}") : std::move(text);
    return data;
}

EventData EventData::fromText(QByteArray text, EventFacts facts)
{
    EventData data = fromText(std::move(text));
    data.m_facts = std::move(facts);
    return data;
}

EventData EventData::whenRead(std::function<QByteArray()> write, EventFacts facts)
{
    EventData data;
    data.m_write = std::make_shared<const std::function<QByteArray()>>(std::move(write));
    data.m_facts = std::move(facts);
    return data;
}

const QByteArray &EventData::text() const
{
    if (m_write) {
        m_text = (*m_write)();
        if (m_text.isEmpty())
            m_text = QByteArrayLiteral("{}");
        m_write.reset();
    }
    return m_text;
}

std::optional<qsizetype> EventData::writtenSize() const
{
    if (m_write)
        return std::nullopt;
    return m_text.size();
}

EventData EventData::fromStreamText(QByteArray text, QString sessionId)
{
    EventData data = fromText(std::move(text));
    data.m_streamSessionId = std::move(sessionId);
    return data;
}

const QJsonObject &EventData::object() const
{
    if (!m_object)
        m_object = QJsonDocument::fromJson(text()).object();
    return *m_object;
}

EventFacts EventData::facts(EventKind kind) const
{
    if (m_facts)
        return *m_facts;
    const QJsonObject &data = object();
    const bool thinking = kind == EventKind::Thinking;
    const QJsonValue confidence
        = data.value(thinking ? QLatin1String("confidence_level") : QLatin1String("confidence"));
    return {data.value(QLatin1String("session_id")).toString(),
        data.value(thinking ? QLatin1String("thinking_type") : QLatin1String("update_type")).toString(),
        confidence.isDouble() ? std::optional<double>(confidence.toDouble()) : std::nullopt,
        data.contains(QLatin1String("id"))};
}

bool EventData::isMessageShapedFor(const QString &sessionId, EventKind kind) const
{
    if (text().size() <= 2 || !m_text.startsWith('{'))
        return false;
    if (!m_streamSessionId.isEmpty())
        return m_streamSessionId == sessionId;
    const EventFacts known = facts(kind);
    return !known.hasOwnId && known.sessionId == sessionId;
}
