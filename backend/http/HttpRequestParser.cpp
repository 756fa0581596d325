// SPDX-License-Identifier: MIT
#include "http/HttpRequestParser.h"

#include "http/RequestPath.h"

#include <QUrlQuery>

namespace {

constexpr qsizetype MaxChunkSizeLine = 1024; // hex digits and any chunk extensions
constexpr qsizetype MaxTrailerBytes = 8 * 1024;
constexpr int MaxHeaderCount = 100;

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// Field values may hold any visible byte, spaces, tabs and (obsolete but harmless) bytes over 0x7f; never
// CR, LF, NUL or other controls, which is what header injection and request smuggling are made of.
bool isFieldValue(QByteArrayView value)
{
    for (char c : value) {
        const auto byte = uchar(c);
        if ((byte < 0x20 && c != '\t') || byte == 0x7f)
            return false;
    }
    return true;
}

// An origin-form target ("/path?query"): visible ASCII only, so it can be taken as Latin-1 unchanged.
bool isOriginForm(QByteArrayView target)
{
    if (!target.startsWith('/'))
        return false;
    for (char c : target) {
        if (uchar(c) <= 0x20 || uchar(c) >= 0x7f)
            return false;
    }
    return true;
}

// A number with no sign, space or prefix, short enough not to overflow a qint64 (18 decimal digits,
// 15 hexadecimal), which is more than QByteArrayView::toLongLong() checks.
bool isNumeral(QByteArrayView text, int base)
{
    const QByteArrayView digits = base == 16 ? QByteArrayView("0123456789abcdefABCDEF") : "0123456789";
    if (text.isEmpty() || text.size() > (base == 16 ? 15 : 18))
        return false;
    for (char c : text) {
        if (!digits.contains(c))
            return false;
    }
    return true;
}

// Whether a comma-separated header value (Connection, Transfer-Encoding) lists `token`.
bool listsToken(QByteArrayView value, QByteArrayView token)
{
    qsizetype start = 0;
    while (start <= value.size()) {
        qsizetype comma = value.indexOf(',', start);
        if (comma < 0)
            comma = value.size();
        if (value.sliced(start, comma - start).trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
        start = comma + 1;
    }
    return false;
}

HeadParse invalid(int status, QString message)
{
    HeadParse result;
    result.status = HeadParse::Status::Invalid;
    result.error = ApiError(status, std::move(message));
    return result;
}

HeadParse headTooLarge(const HttpLimits &limits)
{
    return invalid(
        431, QStringLiteral("request headers are over the limit of %1 bytes").arg(limits.maxHeadBytes));
}

// Request-line = method SP request-target SP HTTP-version (RFC 9112 §3).
std::optional<HeadParse> parseRequestLine(QByteArrayView line, HttpRequestHead &head)
{
    const qsizetype firstSpace = line.indexOf(' ');
    const qsizetype secondSpace = firstSpace < 0 ? -1 : line.indexOf(' ', firstSpace + 1);
    if (secondSpace < 0 || line.indexOf(' ', secondSpace + 1) >= 0)
        return invalid(400, QStringLiteral("malformed request line; expected METHOD /path HTTP/1.1"));
    const QByteArrayView method = line.first(firstSpace);
    const QByteArrayView target = line.sliced(firstSpace + 1, secondSpace - firstSpace - 1);
    const QByteArrayView version = line.sliced(secondSpace + 1);
    if (!isToken(method))
        return invalid(400, QStringLiteral("malformed request method"));
    if (!version.startsWith("HTTP/") || version.size() != 8 || version[6] != '.')
        return invalid(400, QStringLiteral("malformed HTTP version"));
    if (version != "HTTP/1.1" && version != "HTTP/1.0")
        return invalid(505,
            QStringLiteral("HTTP version %1 is not supported; use HTTP/1.1").arg(QLatin1String(version)));
    if (!isOriginForm(target))
        return invalid(400, QStringLiteral("the request target must be a path starting with /"));

    head.http10 = version == "HTTP/1.0";
    head.request.method = method.toByteArray();
    const qsizetype question = target.indexOf('?');
    // Normalised here, once, before anything looks at it: every check and the router see the same path.
    auto path = normaliseRequestPath(question < 0 ? target : target.first(question));
    if (const auto *error = std::get_if<ApiError>(&path))
        return invalid(error->status, error->message);
    head.request.path = std::get<QString>(std::move(path));
    if (question >= 0)
        head.request.query = QUrlQuery(QString::fromLatin1(target.sliced(question + 1)));
    return std::nullopt;
}

// One Host header, which HTTP/1.1 requires (RFC 9112 §3.2): with two, one check could read one and
// another check the other; HTTP/1.0 clients need not send one.
std::optional<HeadParse> checkHost(const HttpRequestHead &head)
{
    int count = 0;
    for (const auto &header : head.request.headers) {
        if (header.first.compare("host", Qt::CaseInsensitive) == 0)
            ++count;
    }
    if (count > 1)
        return invalid(400, QStringLiteral("a request may have only one Host header"));
    if (count == 0 && !head.http10)
        return invalid(400, QStringLiteral("an HTTP/1.1 request needs a Host header"));
    return std::nullopt;
}

// What the headers say about the body and the connection (RFC 9112 §6.1-6.3, §9.3).
std::optional<HeadParse> readFraming(HttpRequestHead &head, const HttpLimits &limits)
{
    QByteArrayView contentLength;
    QByteArrayView transferEncoding;
    for (const auto &[name, value] : std::as_const(head.request.headers)) {
        if (name.compare("content-length", Qt::CaseInsensitive) == 0) {
            if (!contentLength.isNull() && contentLength != value)
                return invalid(400, QStringLiteral("conflicting Content-Length headers"));
            contentLength = value;
        } else if (name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
            if (!transferEncoding.isNull())
                return invalid(501, QStringLiteral("only one Transfer-Encoding, chunked, is supported"));
            transferEncoding = value;
        }
    }
    // A request with both is how requests are smuggled past a proxy that reads the other one.
    if (!contentLength.isNull() && !transferEncoding.isNull())
        return invalid(
            400, QStringLiteral("a request may not have both Content-Length and Transfer-Encoding"));
    if (!transferEncoding.isNull()) {
        if (transferEncoding.trimmed().compare("chunked", Qt::CaseInsensitive) != 0)
            return invalid(501,
                QStringLiteral("transfer coding \"%1\" is not supported; use chunked or Content-Length")
                    .arg(clippedForMessage(QString::fromLatin1(transferEncoding))));
        if (head.http10)
            return invalid(400, QStringLiteral("chunked transfer coding needs HTTP/1.1"));
        head.body = HttpRequestHead::Body::Chunked;
    } else if (!contentLength.isNull()) {
        if (!isNumeral(contentLength, 10))
            return invalid(400, QStringLiteral("Content-Length must be a number of bytes"));
        head.contentLength = contentLength.toLongLong();
        if (head.contentLength > limits.maxBodyBytes)
            return invalid(413,
                QStringLiteral("request body is %1 bytes; the limit is %2 bytes")
                    .arg(head.contentLength)
                    .arg(limits.maxBodyBytes));
        head.body = head.contentLength > 0 ? HttpRequestHead::Body::Length : HttpRequestHead::Body::None;
    }

    const QByteArray connection = head.request.header("connection");
    head.keepAlive = !head.http10 && !listsToken(connection, "close");
    head.expectsContinue = !head.http10 && head.body != HttpRequestHead::Body::None
        && head.request.header("expect").compare("100-continue", Qt::CaseInsensitive) == 0;
    return std::nullopt;
}

} // namespace

HeadParse parseRequestHead(QByteArrayView data, const HttpLimits &limits)
{
    HttpRequestHead head;
    // Blank lines before a request line are skipped (RFC 9112 §2.2): some clients end a body with one.
    qsizetype position = 0;
    while (position < data.size() && (data[position] == '\r' || data[position] == '\n'))
        ++position;
    bool sawRequestLine = false;
    while (true) {
        const qsizetype newline = data.indexOf('\n', position);
        if (newline < 0 || newline >= limits.maxHeadBytes) {
            if (data.size() >= limits.maxHeadBytes)
                return headTooLarge(limits);
            return {};
        }
        // Lines end in CRLF; a bare LF is accepted too (RFC 9112 §2.2).
        QByteArrayView line = data.sliced(position, newline - position);
        if (line.endsWith('\r'))
            line.chop(1);
        position = newline + 1;
        if (!sawRequestLine) {
            if (auto failure = parseRequestLine(line, head))
                return *failure;
            sawRequestLine = true;
            continue;
        }
        if (line.isEmpty())
            break;
        if (head.request.headers.size() == MaxHeaderCount)
            return invalid(431, QStringLiteral("more than %1 request headers").arg(MaxHeaderCount));
        const qsizetype colon = line.indexOf(':');
        // No space before the colon (RFC 9112 §5.1) and no folded lines (§5.2): both are smuggling tools.
        if (colon <= 0 || !isToken(line.first(colon)))
            return invalid(400, QStringLiteral("malformed header line"));
        const QByteArrayView value = line.sliced(colon + 1).trimmed();
        if (!isFieldValue(value))
            return invalid(400,
                QStringLiteral("header %1 holds a control character")
                    .arg(clippedForMessage(QString::fromLatin1(line.first(colon)))));
        head.request.headers.append({line.first(colon).toByteArray(), value.toByteArray()});
    }
    head.length = position;
    if (auto failure = readFraming(head, limits))
        return *failure;
    if (auto failure = checkHost(head))
        return *failure;
    HeadParse result;
    result.status = HeadParse::Status::Complete;
    result.head = std::move(head);
    return result;
}

ChunkedBodyDecoder::ChunkedBodyDecoder(qint64 maxBodyBytes)
    : m_decoder(ChunkedDecoder::Limits {MaxChunkSizeLine, MaxTrailerBytes, maxBodyBytes})
{ }

qsizetype ChunkedBodyDecoder::decode(QByteArrayView data, QByteArray &body)
{
    const qsizetype used = m_decoder.decode(data, body);
    if (m_decoder.hasFailed() && !m_error)
        m_error = m_decoder.error() == ChunkedDecoder::Error::BodyTooLarge
            ? ApiError(413,
                QStringLiteral("request body is over the limit of %1 bytes")
                    .arg(m_decoder.limits().maxBodyBytes))
            : ApiError(400, m_decoder.errorMessage());
    return used;
}
