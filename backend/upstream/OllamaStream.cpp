// SPDX-License-Identifier: MIT
#include "upstream/OllamaStream.h"

#include "upstream/OllamaChunk.h"

namespace {

QList<AnswerUnit> unitsOf(const QList<QByteArray> &lines)
{
    QList<AnswerUnit> units;
    units.reserve(lines.size());
    for (const QByteArray &line : lines)
        units.append({line, {}});
    return units;
}

} // namespace

void OllamaStream::readBody(const QByteArray &bytes)
{
    readUnits(unitsOf(m_lines.feed(bytes)), [this] {
        if (m_lines.hasFailed())
            fail(UpstreamError::badGateway(
                QStringLiteral("upstream '%1' sent %2").arg(upstreamName(), m_lines.error())));
    });
}

void OllamaStream::endOfBody()
{
    QList<QByteArray> last;
    if (QByteArray rest = m_lines.rest().trimmed(); !rest.isEmpty())
        last.append(std::move(rest));
    readUnits(unitsOf(last), [this] {
        fail(cutOff(QStringLiteral("upstream '%1' ended the stream before it was done").arg(upstreamName())));
    });
}

bool OllamaStream::failsOn(const OllamaChunk &chunk)
{
    if (!chunk.isObject) {
        fail(UpstreamError::badGateway(
            QStringLiteral("upstream '%1' sent a line that is not a JSON object").arg(upstreamName())));
        return true;
    }
    if (chunk.isError) {
        UpstreamError error = UpstreamError::badGateway(
            QStringLiteral("upstream '%1': %2").arg(upstreamName(), chunk.errorMessage));
        error.inStream = true;
        error.said = chunk.errorMessage;
        fail(error);
        return true;
    }
    return false;
}
