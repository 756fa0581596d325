// SPDX-License-Identifier: MIT
#include "HttpWire.h"

QByteArray postRequest(const QByteArray &path, const QByteArray &body, const QByteArray &contentType)
{
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

qsizetype completeAnswerLength(const QByteArray &buffer)
{
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return -1;
    const qsizetype lengthAt = buffer.indexOf("Content-Length: ");
    const qsizetype length = lengthAt >= 0 && lengthAt < headEnd
        ? buffer.mid(lengthAt + 16, buffer.indexOf("\r\n", lengthAt) - lengthAt - 16).toLongLong()
        : 0;
    return buffer.size() < headEnd + 4 + length ? -1 : headEnd + 4 + length;
}
