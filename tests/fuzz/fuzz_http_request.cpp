// SPDX-License-Identifier: MIT
// The HTTP request parser as a connection drives it: heads peeked in a small window and then in full,
// bodies by Content-Length or chunked, pipelined requests one after another, until a refusal or a
// "Connection: close" ends the connection. The same bytes must make the same requests (or the same
// refusal) whether they arrive at once or in pieces, nothing waits in the buffer past the limits, and
// every path is in its one normal form.
#include "FuzzSupport.h"
#include "http/HttpRequestParser.h"
#include "http/RequestPath.h"

#include <optional>

namespace {

// Small limits, so that inputs of a few kilobytes reach every refusal.
HttpLimits fuzzLimits()
{
    HttpLimits limits;
    limits.maxHeadBytes = 2048;
    limits.maxBodyBytes = 4096;
    return limits;
}

// HttpConnection peeks a small window first and the whole head limit only when the head is longer.
constexpr qsizetype HeadWindow = 512;
// ChunkedBodyDecoder waits for a line's end; no line it waits for may be longer than its trailer limit.
constexpr qsizetype MaxUndecodedChunkBytes = 8 * 1024;

// The one form every check and the router see (normaliseRequestPath): rooted, without empty, "." or ".."
// segments, and already normal, so that normalising again changes nothing.
void checkPath(const QString &path)
{
    FUZZ_CHECK(path.startsWith(QLatin1Char('/')));
    FUZZ_CHECK(path == QLatin1String("/") || !path.endsWith(QLatin1Char('/')));
    const QStringList segments = path.mid(1).split(QLatin1Char('/'));
    for (const QString &segment : segments)
        FUZZ_CHECK(path == QLatin1String("/")
            || (!segment.isEmpty() && segment != QLatin1String(".") && segment != QLatin1String("..")));
    const auto again = normaliseRequestPath(path.toLatin1());
    FUZZ_CHECK(std::holds_alternative<QString>(again) && std::get<QString>(again) == path);
}

void checkHead(const HeadParse &parse, QByteArrayView data, const HttpLimits &limits)
{
    switch (parse.status) {
    case HeadParse::Status::Incomplete:
        FUZZ_CHECK(data.size() < limits.maxHeadBytes); // a head that cannot end in the limit is refused
        break;
    case HeadParse::Status::Invalid: {
        FUZZ_CHECK(parse.error.has_value());
        const int status = parse.error->status;
        FUZZ_CHECK(status == 400 || status == 413 || status == 431 || status == 501 || status == 505);
        break;
    }
    case HeadParse::Status::Complete: {
        const HttpRequestHead &head = parse.head;
        FUZZ_CHECK(head.length > 0 && head.length <= data.size() && head.length <= limits.maxHeadBytes);
        FUZZ_CHECK(!head.request.method.isEmpty());
        checkPath(head.request.path);
        FUZZ_CHECK(head.contentLength >= 0 && head.contentLength <= limits.maxBodyBytes);
        FUZZ_CHECK((head.body == HttpRequestHead::Body::Length) == (head.contentLength > 0));
        FUZZ_CHECK(!head.http10 || (!head.keepAlive && head.body != HttpRequestHead::Body::Chunked));
        FUZZ_CHECK(!head.expectsContinue || head.body != HttpRequestHead::Body::None);
        break;
    }
    }
}

QByteArray describe(const HttpRequestHead &head)
{
    QByteArray text = head.request.method + ' ' + head.request.path.toLatin1() + '?'
        + head.request.query.toString(QUrl::FullyEncoded).toLatin1() + '\n';
    for (const auto &[name, value] : head.request.headers)
        text += name + ": " + value + '\n';
    text += QByteArray::number(int(head.keepAlive)) + QByteArray::number(int(head.expectsContinue))
        + QByteArray::number(int(head.http10)) + '\n' + head.request.body;
    return text;
}

// HttpConnection's reading loop without the socket; every request is answered at once.
class Connection
{
public:
    void feed(QByteArrayView bytes)
    {
        m_buffer += bytes;
        while (step()) { }
        if (m_state == State::Closed)
            m_buffer.clear(); // a closing connection drops what still arrives
    }

    QList<QByteArray> requests;
    QString refusal;

private:
    enum class State
    {
        Head,
        Body,
        Closed
    };

    bool step()
    {
        switch (m_state) {
        case State::Head:
            return readHead();
        case State::Body:
            return readBody();
        case State::Closed:
            return false;
        }
        return false;
    }

    bool readHead()
    {
        if (m_buffer.isEmpty())
            return false;
        const QByteArrayView buffer(m_buffer);
        HeadParse parse = parseRequestHead(buffer.first(qMin(buffer.size(), HeadWindow)), m_limits);
        if (parse.status == HeadParse::Status::Incomplete && buffer.size() > HeadWindow)
            parse = parseRequestHead(buffer.first(qMin(buffer.size(), m_limits.maxHeadBytes)), m_limits);
        checkHead(parse, buffer.first(qMin(buffer.size(), m_limits.maxHeadBytes)), m_limits);
        if (parse.status == HeadParse::Status::Incomplete)
            return false;
        if (parse.status == HeadParse::Status::Invalid)
            return refuse(*parse.error);
        m_head = std::move(parse.head);
        m_buffer.remove(0, m_head.length);
        if (m_head.request.isWebSocketUpgrade())
            m_head.keepAlive = false; // its client speaks no more HTTP after the answer
        if (m_head.body == HttpRequestHead::Body::None)
            return dispatch();
        if (m_head.body == HttpRequestHead::Body::Chunked)
            m_chunks.emplace(m_limits.maxBodyBytes);
        else
            m_chunks.reset();
        m_state = State::Body;
        return true;
    }

    bool readBody()
    {
        if (m_buffer.isEmpty())
            return false;
        QByteArray &body = m_head.request.body;
        if (m_chunks) {
            const qsizetype used = m_chunks->decode(m_buffer, body);
            FUZZ_CHECK(used >= 0 && used <= m_buffer.size());
            FUZZ_CHECK(body.size() <= m_limits.maxBodyBytes);
            m_buffer.remove(0, used);
            if (m_chunks->error())
                return refuse(*m_chunks->error());
            if (!m_chunks->isComplete()) {
                FUZZ_CHECK(m_buffer.size() < MaxUndecodedChunkBytes);
                return false;
            }
        } else {
            const qsizetype take = qMin<qsizetype>(m_buffer.size(), m_head.contentLength - body.size());
            body += m_buffer.first(take);
            m_buffer.remove(0, take);
            if (body.size() < m_head.contentLength)
                return false;
        }
        return dispatch();
    }

    bool dispatch()
    {
        requests.append(describe(m_head));
        m_state = m_head.keepAlive ? State::Head : State::Closed;
        m_head = {};
        return m_state == State::Head;
    }

    bool refuse(const ApiError &error)
    {
        FUZZ_CHECK(error.status == 400 || error.status == 413 || error.status == 431 || error.status == 501
            || error.status == 505);
        refusal = QString::number(error.status) + QLatin1Char(' ') + error.message;
        m_state = State::Closed;
        return false;
    }

    HttpLimits m_limits = fuzzLimits();
    State m_state = State::Head;
    QByteArray m_buffer;
    HttpRequestHead m_head;
    std::optional<ChunkedBodyDecoder> m_chunks;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(data, qsizetype(size));
    Connection whole;
    whole.feed(input);

    Connection pieces;
    for (Pieces cut(input); !cut.atEnd();)
        pieces.feed(cut.next(input));

    FUZZ_CHECK(whole.requests == pieces.requests);
    FUZZ_CHECK(whole.refusal == pieces.refusal);
    return 0;
}
