// SPDX-License-Identifier: MIT
#include "GzipTestData.h"

#include <algorithm>
#include <zlib.h>

namespace {

// Deflates what `next` hands out, chunk by chunk, into one gzip member.
template<typename Next>
QByteArray deflateAll(Next next)
{
    z_stream stream {};
    deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 9, Z_DEFAULT_STRATEGY);
    QByteArray out;
    QByteArray buffer(64 * 1024, '\0');
    bool last = false;
    while (!last) {
        QByteArray input = next(&last);
        stream.next_in = reinterpret_cast<Bytef *>(input.data());
        stream.avail_in = uInt(input.size());
        do {
            stream.next_out = reinterpret_cast<Bytef *>(buffer.data());
            stream.avail_out = uInt(buffer.size());
            deflate(&stream, last ? Z_FINISH : Z_NO_FLUSH);
            out.append(buffer.constData(), buffer.size() - qsizetype(stream.avail_out));
        } while (stream.avail_out == 0);
    }
    deflateEnd(&stream);
    return out;
}

} // namespace

QByteArray gzipped(const QByteArray &data)
{
    return deflateAll([&data](bool *last) {
        *last = true;
        return data;
    });
}

QByteArray gzippedZeros(qint64 count)
{
    const QByteArray chunk(1024 * 1024, '\0');
    qint64 left = count;
    return deflateAll([&](bool *last) {
        const qint64 take = std::min<qint64>(left, chunk.size());
        left -= take;
        *last = left == 0;
        return chunk.left(take);
    });
}
