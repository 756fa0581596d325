// SPDX-License-Identifier: MIT
// Inflates a gzip request body (Content-Encoding: gzip) with a bound on what it produces: a small body
// that would inflate to gigabytes (a zip bomb) fails when it passes the bound, having held no more than
// that. Pure: bytes in, bytes out, so tests and fuzzers drive it directly.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

class GzipDecoder
{
public:
    enum class Result
    {
        Ok,
        TooLarge, // it inflates to more than the bound
        Corrupt // not gzip, cut short, or a checksum that does not match
    };

    // `out` holds the inflated bytes on Ok; `error` says what went wrong otherwise. Several gzip members
    // one after the other (RFC 1952 allows it) are inflated one after the other.
    static Result inflate(QByteArrayView compressed, qint64 maxBytes, QByteArray *out, QString *error);
};
