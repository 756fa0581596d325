// SPDX-License-Identifier: MIT
#include "core/UpstreamJson.h"

#include <QString>

QByteArray repairedUtf8(const QByteArray &bytes)
{
    if (bytes.isValidUtf8())
        return bytes;
    return QString::fromUtf8(bytes).toUtf8(); // the decoder puts U+FFFD where a sequence is broken
}

QJsonDocument parseUpstreamJson(const QByteArray &bytes, QJsonParseError *error)
{
    QJsonParseError first;
    QJsonDocument document = QJsonDocument::fromJson(bytes, &first);
    if (first.error == QJsonParseError::IllegalUTF8String)
        document = QJsonDocument::fromJson(repairedUtf8(bytes), &first);
    if (error)
        *error = first;
    return document;
}
