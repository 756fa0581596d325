#include "events/EventData.h"

#include <QJsonDocument>

EventData::EventData(QJsonObject object)
    : m_object(std::move(object))
    , m_text(QJsonDocument(m_object).toJson(QJsonDocument::Compact))
{ }

EventData EventData::fromText(QByteArray text)
{
    // Parsing text is far cheaper than building a QJsonObject member by member.
    EventData data;
    data.m_object = QJsonDocument::fromJson(text).object();
    data.m_text = data.m_object.isEmpty() ? QByteArrayLiteral("{}") : std::move(text);
    return data;
}
