// SPDX-License-Identifier: MIT
// The little of HTTP/1.1 the hub bench's publishers speak: a POST, and where an answer ends.
#pragma once

#include <QByteArray>

// A keep-alive POST of a body (JSON unless said otherwise).
QByteArray postRequest(
    const QByteArray &path, const QByteArray &body, const QByteArray &contentType = "application/json");

// The length of the first complete answer in `buffer` (headers and Content-Length body), or -1 while it is
// incomplete.
qsizetype completeAnswerLength(const QByteArray &buffer);

inline bool isSuccess(const QByteArray &answer)
{
    return answer.startsWith("HTTP/1.1 2");
}
