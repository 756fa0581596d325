// SPDX-License-Identifier: MIT
// Splits newline-delimited JSON (Ollama's stream) into lines, across chunk boundaries. A line over the
// bound fails the splitter (an upstream that never ends a line must not make Ponder hold the whole of
// it); work is linear in the bytes fed, however they are cut.
#pragma once

#include "upstream/UpstreamLimits.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

class LineSplitter
{
public:
    explicit LineSplitter(qsizetype maxLineBytes = UpstreamLimits::MaxLineBytes)
        : m_maxLineBytes(maxLineBytes)
    { }

    // The lines completed by these bytes, trimmed, blank ones left out; once failed, none.
    QList<QByteArray> feed(QByteArrayView bytes);
    // The last line when the stream ended without a newline.
    QByteArray rest() { return std::exchange(m_partial, {}); }

    bool hasFailed() const { return !m_error.isEmpty(); }
    // What went over the bound: "a line over 8388608 bytes".
    const QString &error() const { return m_error; }

private:
    qsizetype m_maxLineBytes;
    QByteArray m_partial;
    QString m_error;
};
