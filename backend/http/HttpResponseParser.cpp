// SPDX-License-Identifier: MIT
#include "http/HttpResponseParser.h"

#include <algorithm>

namespace {

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

// Visible bytes, spaces, tabs and bytes over 0x7f; never NUL, CR or another control byte.
bool isFieldValue(QByteArrayView value)
{
    return std::none_of(value.begin(), value.end(), [](char c) {
        const auto byte = uchar(c);
        return (byte < 0x20 && c != '\t') || byte == 0x7f;
    });
}

bool isDecimal(QByteArrayView text)
{
    return !text.isEmpty() && text.size() <= 18 // fits a qint64
        && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Calls `take` with each trimmed element of a comma-separated list; stops when it returns false.
template<typename Take>
bool eachListElement(QByteArrayView value, Take take)
{
    qsizetype start = 0;
    while (start <= value.size()) {
        qsizetype comma = value.indexOf(',', start);
        if (comma < 0)
            comma = value.size();
        if (!take(value.sliced(start, comma - start).trimmed()))
            return false;
        start = comma + 1;
    }
    return true;
}

} // namespace

QByteArray HttpResponseHead::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpResponseParser::HttpResponseParser(HttpResponseLimits limits)
    : m_limits(limits)
    , m_chunks(ChunkedDecoder::Limits {limits.maxChunkSizeLineBytes, limits.maxTrailerBytes})
{ }

bool HttpResponseParser::fail(QString message)
{
    m_state = State::Failed;
    m_error = std::move(message);
    m_pending.clear();
    return false;
}

bool HttpResponseParser::canReuseConnection() const
{
    return m_state == State::Complete && !m_closeAfter && m_excessBytes == 0
        && m_framing != Framing::UntilClose;
}

QByteArray HttpResponseParser::feed(QByteArrayView bytes)
{
    QByteArray body;
    if (m_state == State::Complete && !bytes.isEmpty()) {
        takeExcess(bytes.size());
        return body;
    }
    if (m_state == State::Failed || bytes.isEmpty())
        return body;
    // Only what a line cut in two left is ever copied here; body bytes are read where they are.
    QByteArrayView data = bytes;
    if (!m_pending.isEmpty()) {
        m_pending.append(bytes);
        data = m_pending;
    }
    qsizetype used = 0;
    while (used < data.size() && (m_state == State::Head || m_state == State::Body)) {
        const qsizetype step
            = m_state == State::Head ? readHead(data.sliced(used)) : readBody(data.sliced(used), body);
        used += step;
        if (step == 0)
            break; // a line cut in two: it waits for the next bytes
    }
    if (m_state == State::Complete && used < data.size())
        takeExcess(data.size() - used);
    if (m_state == State::Head || m_state == State::Body) {
        const qsizetype scanned = data.size() - used; // the part of a line that holds no line end
        m_pending = data.sliced(used).toByteArray();
        if (m_state == State::Head)
            m_pendingScanned = scanned;
    } else {
        m_pending.clear();
    }
    return body;
}

void HttpResponseParser::takeExcess(qsizetype bytes)
{
    m_excessBytes += bytes;
    // A server that sends more than it declared is not to be believed about the rest either.
    if (m_framing == Framing::Length)
        fail(QStringLiteral("a body longer than its Content-Length of %1 bytes").arg(*m_contentLength));
}

qsizetype HttpResponseParser::readHead(QByteArrayView data)
{
    qsizetype used = 0;
    while (m_state == State::Head) {
        const QByteArrayView rest = data.sliced(used);
        const qsizetype room = m_limits.maxHeadBytes - m_headBytes;
        // The part of the rest already searched (it came with earlier bytes) is not searched again, so a
        // head sent a byte at a time costs what it weighs.
        const qsizetype from = used == 0 ? qMin(m_pendingScanned, rest.size()) : 0;
        const qsizetype newline = rest.first(qMin(rest.size(), room)).indexOf('\n', from);
        if (newline < 0) {
            if (rest.size() >= room)
                fail(QStringLiteral("response headers over %1 bytes").arg(m_limits.maxHeadBytes));
            return used;
        }
        m_pendingScanned = 0;
        QByteArrayView line = rest.first(newline);
        if (line.endsWith('\r'))
            line.chop(1);
        used += newline + 1;
        m_headBytes += newline + 1;
        if (!takeHeadLine(line))
            return used;
    }
    return used;
}

bool HttpResponseParser::takeHeadLine(QByteArrayView line)
{
    if (!m_sawStatusLine) {
        if (line.isEmpty())
            return true; // blank lines before a status line are skipped (RFC 9112 §2.2)
        m_sawStatusLine = true;
        return takeStatusLine(line);
    }
    if (line.isEmpty())
        return finishHead();
    if (line.front() == ' ' || line.front() == '\t') {
        // A folded line continues the value before it (RFC 9112 §5.2: a client replaces the fold by a space).
        if (m_head.headers.isEmpty())
            return fail(QStringLiteral("a malformed response header line"));
        const QByteArrayView more = line.trimmed();
        if (!isFieldValue(more))
            return fail(QStringLiteral("response header %1 holds a control character")
                            .arg(QString::fromLatin1(m_head.headers.last().first)));
        m_head.headers.last().second += ' ' + more.toByteArray();
        return true;
    }
    if (m_head.headers.size() >= m_limits.maxHeaderCount)
        return fail(QStringLiteral("more than %1 response headers").arg(m_limits.maxHeaderCount));
    const qsizetype colon = line.indexOf(':');
    // No space before the colon (RFC 9112 §5.1): what each side reads as the name would differ.
    if (colon <= 0 || !isToken(line.first(colon)))
        return fail(QStringLiteral("a malformed response header line"));
    const QByteArrayView value = line.sliced(colon + 1).trimmed();
    if (!isFieldValue(value))
        return fail(QStringLiteral("response header %1 holds a control character")
                        .arg(QString::fromLatin1(line.first(colon))));
    m_head.headers.append({line.first(colon).toByteArray(), value.toByteArray()});
    return true;
}

// status-line = HTTP-version SP 3DIGIT SP [ reason-phrase ] (RFC 9112 §4); a missing last space is let go.
bool HttpResponseParser::takeStatusLine(QByteArrayView line)
{
    const bool versionOk = line.size() >= 12 && line.startsWith("HTTP/1.") && line[7] >= '0' && line[7] <= '9'
        && line[8] == ' ' && (line.size() == 12 || line[12] == ' ');
    const QByteArrayView code = versionOk ? line.sliced(9, 3) : QByteArrayView();
    if (!versionOk || !isDecimal(code) || code[0] < '1' || code[0] > '5')
        return fail(QStringLiteral("a malformed status line (not HTTP/1.x)"));
    const QByteArrayView reason = line.size() > 13 ? line.sliced(13) : QByteArrayView();
    if (!isFieldValue(reason))
        return fail(QStringLiteral("a malformed status line (not HTTP/1.x)"));
    m_head.status = int(code.toInt());
    m_head.reason = reason.toByteArray();
    m_head.http10 = line[7] == '0';
    return true;
}

bool HttpResponseParser::finishHead()
{
    if (m_head.status / 100 == 1) {
        // Interim responses (100 Continue, 103 Early Hints) come before the real one; Ponder never asks
        // to switch protocols, so a 101 is not something to go along with.
        if (m_head.status == 101)
            return fail(QStringLiteral("a switch of protocols (101) that was not asked for"));
        if (++m_interimResponses > m_limits.maxInterimResponses)
            return fail(
                QStringLiteral("more than %1 interim (1xx) responses").arg(m_limits.maxInterimResponses));
        m_head = {};
        m_headBytes = 0;
        m_sawStatusLine = false;
        return true;
    }
    m_hasHead = true;
    if (!decideFraming())
        return false;
    m_closeAfter = m_closeAfter || m_head.http10;
    for (const auto &[name, value] : std::as_const(m_head.headers)) {
        if (name.compare("connection", Qt::CaseInsensitive) != 0)
            continue;
        eachListElement(value, [this](QByteArrayView option) {
            if (option.compare("close", Qt::CaseInsensitive) == 0)
                m_closeAfter = true;
            return true;
        });
    }
    if (m_framing == Framing::None || (m_framing == Framing::Length && *m_contentLength == 0))
        complete();
    else
        m_state = State::Body;
    return true;
}

// Which bytes are the body (RFC 9112 §6.3).
bool HttpResponseParser::decideFraming()
{
    if (m_headRequest || m_head.status == 204 || m_head.status == 304) {
        m_framing = Framing::None;
        return true;
    }
    QList<QByteArrayView> codings;
    std::optional<QByteArrayView> length;
    bool lengthsDiffer = false;
    bool lengthInvalid = false;
    for (const auto &[name, value] : std::as_const(m_head.headers)) {
        if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
            eachListElement(value, [&codings](QByteArrayView coding) {
                if (!coding.isEmpty())
                    codings.append(coding);
                return true;
            });
        } else if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
            // Repeated (or listed) with one value is a sender's slip; two values are two different bodies.
            eachListElement(value, [&](QByteArrayView element) {
                if (!isDecimal(element))
                    lengthInvalid = true;
                else if (length && *length != element)
                    lengthsDiffer = true;
                else
                    length = element;
                return true;
            });
        }
    }
    if (!codings.isEmpty()) {
        // HTTP/1.0 has no transfer codings: such framing is faulty (RFC 9112 §6.1).
        if (m_head.http10)
            return fail(QStringLiteral("Transfer-Encoding in an HTTP/1.0 response"));
        // Ponder asks for no coding: chunked alone is what a server may send.
        if (codings.size() != 1 || codings.first().compare("chunked", Qt::CaseInsensitive) != 0)
            return fail(QStringLiteral("a transfer coding other than chunked (%1)")
                            .arg(QString::fromLatin1(m_head.header("transfer-encoding"))));
        m_framing = Framing::Chunked;
        // Both headers: the coding wins, and the connection is not to be trusted with another request.
        m_closeAfter = length.has_value() || lengthInvalid;
        return true;
    }
    if (lengthInvalid)
        return fail(QStringLiteral("an invalid Content-Length"));
    if (lengthsDiffer)
        return fail(QStringLiteral("conflicting Content-Length headers"));
    if (length) {
        m_framing = Framing::Length;
        m_contentLength = length->toLongLong();
        m_bodyLeft = *m_contentLength;
        return true;
    }
    m_framing = Framing::UntilClose;
    return true;
}

qsizetype HttpResponseParser::readBody(QByteArrayView data, QByteArray &body)
{
    switch (m_framing) {
    case Framing::Length: {
        const qsizetype take = qsizetype(qMin<qint64>(m_bodyLeft, data.size()));
        body.append(data.first(take));
        m_bodyLeft -= take;
        m_bodyBytes += take;
        if (m_bodyLeft == 0)
            complete();
        return take;
    }
    case Framing::Chunked: {
        const qsizetype before = body.size();
        const qsizetype used = m_chunks.decode(data, body);
        m_bodyBytes += body.size() - before;
        if (m_chunks.hasFailed())
            fail(m_chunks.errorMessage());
        else if (m_chunks.isComplete())
            complete();
        return used;
    }
    case Framing::UntilClose:
        body.append(data);
        m_bodyBytes += data.size();
        return data.size();
    case Framing::None:
        break;
    }
    return 0;
}

void HttpResponseParser::endOfInput()
{
    switch (m_state) {
    case State::Complete:
    case State::Failed:
        return;
    case State::Head:
        fail(m_sawStatusLine || m_headBytes > 0 || !m_pending.isEmpty()
                ? QStringLiteral("the connection closed in the middle of the response head")
                : QStringLiteral("the connection closed before a response"));
        return;
    case State::Body:
        break;
    }
    if (m_framing == Framing::UntilClose)
        return complete();
    if (m_framing == Framing::Length)
        fail(QStringLiteral("the connection closed after %1 of the %2 bytes its Content-Length announced")
                 .arg(m_bodyBytes)
                 .arg(*m_contentLength));
    else
        fail(QStringLiteral("the connection closed in the middle of a chunked body"));
}
