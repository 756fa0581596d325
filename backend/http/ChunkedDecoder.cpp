// SPDX-License-Identifier: MIT
#include "http/ChunkedDecoder.h"

namespace {

// Hex digits only, at most 15 of them so the size fits a qint64: no sign, prefix or space inside, which
// QByteArrayView::toLongLong() would let through.
bool isChunkSize(QByteArrayView digits)
{
    if (digits.isEmpty() || digits.size() > 15)
        return false;
    for (char c : digits) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            return false;
    }
    return true;
}

} // namespace

qsizetype ChunkedDecoder::fail(Error error, qsizetype used)
{
    m_state = State::Failed;
    m_error = error;
    return used;
}

QString ChunkedDecoder::errorMessage() const
{
    switch (m_error) {
    case Error::None:
        return {};
    case Error::BadChunkSize:
        return QStringLiteral("malformed chunked body: bad chunk size");
    case Error::DataLongerThanSize:
        return QStringLiteral("malformed chunked body: chunk data longer than its size");
    case Error::SizeLineTooLong:
        return QStringLiteral("malformed chunked body: a chunk-size line over %1 bytes")
            .arg(m_limits.maxSizeLineBytes);
    case Error::TrailersTooLarge:
        return QStringLiteral("malformed chunked body: trailers over %1 bytes").arg(m_limits.maxTrailerBytes);
    case Error::BodyTooLarge:
        return QStringLiteral("body is over the limit of %1 bytes").arg(m_limits.maxBodyBytes);
    }
    return {};
}

qsizetype ChunkedDecoder::decode(QByteArrayView data, QByteArray &body)
{
    qsizetype used = 0;
    while (used < data.size() && m_state != State::Done && m_state != State::Failed) {
        const QByteArrayView rest = data.sliced(used);
        if (m_state == State::Data) {
            const qsizetype take = qsizetype(qMin<qint64>(m_chunkLeft, rest.size()));
            body.append(rest.first(take));
            m_chunkLeft -= take;
            used += take;
            if (m_chunkLeft == 0)
                m_state = State::DataEnd;
            continue;
        }
        if (m_state == State::DataEnd) { // exactly CRLF (or LF) after a chunk's data, nothing else
            if (rest.front() == '\r' && rest.size() < 2)
                return used;
            const qsizetype end = rest.front() == '\n' ? 1 : rest.startsWith("\r\n") ? 2 : 0;
            if (end == 0)
                return fail(Error::DataLongerThanSize, used);
            used += end;
            m_state = State::Size;
            continue;
        }
        // A line: a chunk size or a trailer. Lines end in CRLF; a bare LF is accepted too (RFC 9112 §2.2).
        const qsizetype limit = m_state == State::Trailer ? m_limits.maxTrailerBytes - m_trailerBytes
                                                          : m_limits.maxSizeLineBytes;
        const qsizetype newline = rest.first(qMin(rest.size(), limit)).indexOf('\n');
        if (newline < 0) {
            if (rest.size() < limit)
                return used; // the rest of the line comes with the next bytes
            return fail(m_state == State::Trailer ? Error::TrailersTooLarge : Error::SizeLineTooLong, used);
        }
        QByteArrayView line = rest.first(newline);
        if (line.endsWith('\r'))
            line.chop(1);
        used += newline + 1;
        if (m_state == State::Trailer) { // trailers are read to find the body's end, and ignored
            m_trailerBytes += newline + 1;
            if (line.isEmpty())
                m_state = State::Done;
            continue;
        }
        const qsizetype extension = line.indexOf(';'); // extensions are allowed and ignored
        const QByteArrayView digits = (extension < 0 ? line : line.first(extension)).trimmed();
        if (!isChunkSize(digits))
            return fail(Error::BadChunkSize, used);
        m_chunkLeft = digits.toLongLong(nullptr, 16);
        // Refused from the size line, before a byte of the chunk is taken.
        if (m_chunkLeft > m_limits.maxBodyBytes - m_decoded)
            return fail(Error::BodyTooLarge, used);
        m_decoded += m_chunkLeft;
        m_state = m_chunkLeft == 0 ? State::Trailer : State::Data;
    }
    return used;
}
