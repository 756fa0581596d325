// SPDX-License-Identifier: MIT
#include "TypedSse.h"

#include <QJsonDocument>

TypedSse TypedSse::parse(const QByteArray &body)
{
    TypedSse sse;
    if (!body.isEmpty() && !body.endsWith("\n\n"))
        sse.framingError = QStringLiteral("the body does not end with a blank line");
    qsizetype at = 0;
    while (at < body.size()) {
        qsizetype end = body.indexOf("\n\n", at);
        if (end < 0)
            end = body.size();
        const QByteArray block = body.mid(at, end - at);
        at = end + 2;
        if (block.isEmpty())
            continue;
        const QList<QByteArray> lines = block.split('\n');
        if (lines.size() == 1 && lines.first().startsWith(':')) {
            ++sse.comments;
            continue;
        }
        if (lines.size() != 2 || !lines.at(0).startsWith("event: ") || !lines.at(1).startsWith("data: ")) {
            if (sse.framingError.isEmpty())
                sse.framingError = QStringLiteral("not one event and one data line: ")
                    + QString::fromUtf8(block.left(200));
            continue;
        }
        const QJsonDocument data = QJsonDocument::fromJson(lines.at(1).mid(6));
        if (!data.isObject() && sse.framingError.isEmpty())
            sse.framingError = QStringLiteral("data that is not a JSON object: ")
                + QString::fromUtf8(lines.at(1).left(200));
        sse.events.append({QString::fromUtf8(lines.at(0).mid(7)), data.object()});
    }
    return sse;
}

QStringList TypedSse::names() const
{
    QStringList list;
    for (const TypedSseEvent &event : events)
        list.append(event.name);
    return list;
}

QList<QJsonObject> TypedSse::named(const QString &name) const
{
    QList<QJsonObject> list;
    for (const TypedSseEvent &event : events) {
        if (event.name == name)
            list.append(event.data);
    }
    return list;
}
