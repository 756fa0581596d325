// SPDX-License-Identifier: MIT
#include "upstream/LineSplitter.h"

QList<QByteArray> LineSplitter::feed(QByteArrayView bytes)
{
    QList<QByteArray> lines;
    qsizetype at = 0;
    while (at < bytes.size() && !hasFailed()) {
        const qsizetype newline = bytes.indexOf('\n', at);
        const QByteArrayView piece = bytes.sliced(at, (newline < 0 ? bytes.size() : newline) - at);
        if (m_partial.size() + piece.size() > m_maxLineBytes) {
            m_error = QStringLiteral("a line over %1 bytes").arg(m_maxLineBytes);
            m_partial.clear();
            break;
        }
        if (newline < 0) { // the line goes on in the next bytes
            m_partial.append(piece);
            break;
        }
        QByteArray line;
        if (m_partial.isEmpty()) {
            line = piece.trimmed().toByteArray();
        } else {
            m_partial.append(piece);
            line = std::exchange(m_partial, {}).trimmed();
        }
        if (!line.isEmpty())
            lines.append(std::move(line));
        at = newline + 1;
    }
    return lines;
}
