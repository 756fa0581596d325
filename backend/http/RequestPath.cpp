// SPDX-License-Identifier: MIT
#include "http/RequestPath.h"

#include <QList>

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool isUnreserved(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
        || c == '_' || c == '~';
}

ApiError badPath(const QString &message)
{
    return ApiError(400, message);
}

// Appends one segment to `out` with unreserved characters decoded and other encodings (an encoded '/'
// among them) in upper case; returns an error for a '%' not followed by two hex digits.
std::optional<ApiError> appendSegment(QByteArrayView segment, QByteArray &out)
{
    static constexpr char Hex[] = "0123456789ABCDEF";
    for (qsizetype i = 0; i < segment.size(); ++i) {
        const char c = segment[i];
        if (c != '%') {
            out.append(c);
            continue;
        }
        const int high = i + 2 < segment.size() ? hexValue(segment[i + 1]) : -1;
        const int low = i + 2 < segment.size() ? hexValue(segment[i + 2]) : -1;
        if (high < 0 || low < 0)
            return badPath(QStringLiteral("malformed percent-encoding in the request path"));
        const char decoded = char(high * 16 + low);
        if (isUnreserved(decoded))
            out.append(decoded);
        else
            out.append('%').append(Hex[high]).append(Hex[low]);
        i += 2;
    }
    return std::nullopt;
}

} // namespace

std::variant<QString, ApiError> normaliseRequestPath(QByteArrayView rawPath)
{
    QByteArray path;
    path.reserve(rawPath.size() + 1);
    QList<qsizetype> segmentStarts; // where each segment kept so far begins in `path` (at its '/')
    QByteArray segment;
    qsizetype start = 0;
    while (start <= rawPath.size()) {
        qsizetype slash = rawPath.indexOf('/', start);
        if (slash < 0)
            slash = rawPath.size();
        segment.clear();
        if (auto error = appendSegment(rawPath.sliced(start, slash - start), segment))
            return *error;
        start = slash + 1;
        if (segment.isEmpty() || segment == ".")
            continue;
        if (segment == "..") {
            if (!segmentStarts.isEmpty())
                path.truncate(segmentStarts.takeLast());
            continue;
        }
        segmentStarts.append(path.size());
        path.append('/').append(segment);
    }
    if (path.isEmpty())
        path = "/";
    return QString::fromLatin1(path);
}
