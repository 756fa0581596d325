// SPDX-License-Identifier: MIT
#include "http/GzipDecoder.h"

#include <algorithm>
#include <zlib.h>

namespace {

constexpr qsizetype ChunkBytes = 64 * 1024;

// Closes the stream whichever way inflate() leaves.
struct InflateStream
{
    z_stream stream {};
    bool open = false;
    ~InflateStream()
    {
        if (open)
            inflateEnd(&stream);
    }
};

} // namespace

GzipDecoder::Result GzipDecoder::inflate(
    QByteArrayView compressed, qint64 maxBytes, QByteArray *out, QString *error)
{
    out->clear();
    InflateStream z;
    // 16 + 15: a gzip wrapper (not zlib's, not raw deflate) around a window of up to 32 KiB.
    if (inflateInit2(&z.stream, 16 + MAX_WBITS) != Z_OK) {
        *error = QStringLiteral("cannot start inflating");
        return Result::Corrupt;
    }
    z.open = true;
    z.stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.data()));
    qsizetype inputLeft = compressed.size();
    qint64 produced = 0;
    bool memberEnded = false;
    while (true) {
        if (z.stream.avail_in == 0 && inputLeft > 0) {
            const uInt take = uInt(std::min<qsizetype>(inputLeft, 1 << 30));
            z.stream.avail_in = take;
            inputLeft -= take;
        }
        if (memberEnded) {
            if (z.stream.avail_in == 0 && inputLeft == 0)
                break;
            inflateReset(&z.stream); // another member follows
            memberEnded = false;
        }
        // Never more room than the bound allows, plus one byte to notice a body that goes past it.
        const qint64 room = std::min<qint64>(ChunkBytes, maxBytes + 1 - produced);
        out->resize(produced + room);
        z.stream.next_out = reinterpret_cast<Bytef *>(out->data() + produced);
        z.stream.avail_out = uInt(room);
        const int status = ::inflate(&z.stream, Z_NO_FLUSH);
        produced += room - qint64(z.stream.avail_out);
        out->resize(produced);
        if (produced > maxBytes) {
            out->clear();
            *error = QStringLiteral("the gzip body inflates to more than %1 bytes").arg(maxBytes);
            return Result::TooLarge;
        }
        if (status == Z_STREAM_END) {
            memberEnded = true;
            continue;
        }
        if (status == Z_BUF_ERROR && z.stream.avail_in == 0 && inputLeft == 0) {
            out->clear();
            *error = QStringLiteral("the gzip body is cut short");
            return Result::Corrupt;
        }
        if (status != Z_OK && status != Z_BUF_ERROR) {
            out->clear();
            *error = QStringLiteral("the body is not valid gzip (%1)")
                         .arg(QString::fromLatin1(z.stream.msg ? z.stream.msg : "inflate failed"));
            return Result::Corrupt;
        }
    }
    return Result::Ok;
}
