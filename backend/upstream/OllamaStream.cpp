// SPDX-License-Identifier: MIT
#include "upstream/OllamaStream.h"

void OllamaStream::readBody(const QByteArray &bytes)
{
    for (const QByteArray &line : m_lines.feed(bytes)) {
        if (!isRunning())
            return;
        readWholeLine(line);
    }
    if (m_lines.hasFailed())
        fail(UpstreamError::badGateway(
            QStringLiteral("upstream '%1' sent %2").arg(upstreamName(), m_lines.error())));
}

void OllamaStream::endOfBody()
{
    if (const QByteArray last = m_lines.rest().trimmed(); !last.isEmpty() && isRunning())
        readWholeLine(last);
    if (isRunning())
        fail(cutOff(QStringLiteral("upstream '%1' ended the stream before it was done").arg(upstreamName())));
}

void OllamaStream::readWholeLine(const QByteArray &line)
{
    relay(line);
    readLine(line);
}

bool OllamaStream::failsOn(const QByteArray &line, bool isObject, bool isError)
{
    if (!isObject) {
        fail(UpstreamError::badGateway(
            QStringLiteral("upstream '%1' sent a line that is not a JSON object").arg(upstreamName())));
        return true;
    }
    if (isError) {
        UpstreamError error = UpstreamError::badGateway(
            QStringLiteral("upstream '%1': %2").arg(upstreamName(), UpstreamError::messageFromBody(line)));
        error.inStream = true;
        fail(error);
        return true;
    }
    return false;
}
