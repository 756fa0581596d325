// SPDX-License-Identifier: MIT
// A typed SSE body (the Responses and Anthropic Messages streams) read strictly, for byte-level tests: each
// event is exactly "event: <name>" then "data: <one JSON object>" then a blank line; comments (": ...")
// stand alone. Anything else is a framing error, named.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

struct TypedSseEvent
{
    QString name;
    QJsonObject data;
};

struct TypedSse
{
    QList<TypedSseEvent> events;
    int comments = 0;
    QString framingError; // empty: well framed

    static TypedSse parse(const QByteArray &body);
    QStringList names() const;
    // The events named `name`, in order.
    QList<QJsonObject> named(const QString &name) const;
};
