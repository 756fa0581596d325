// SPDX-License-Identifier: MIT
// The upstream client's HTTP/1.1 response parser (with the chunked decoder it shares with the server):
// the same head, body, state and error whether the bytes come at once or in pieces, and never more
// held or returned than the limits and the input allow.
#include "FuzzSupport.h"
#include "http/HttpResponseParser.h"

namespace {

struct Outcome
{
    HttpResponseParser::State state;
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString error;
    qint64 excess = 0;
    bool reusable = false;
};

// Small bounds, so that inputs of a few KiB reach every limit.
HttpResponseLimits smallLimits()
{
    HttpResponseLimits limits;
    limits.maxHeadBytes = 512;
    limits.maxHeaderCount = 8;
    limits.maxInterimResponses = 2;
    limits.maxChunkSizeLineBytes = 32;
    limits.maxTrailerBytes = 64;
    return limits;
}

template<typename Feed>
Outcome read(bool headRequest, bool endOfInput, Feed feed)
{
    HttpResponseParser parser(smallLimits());
    parser.setHeadRequest(headRequest);
    Outcome outcome;
    feed([&](QByteArrayView piece) {
        // Once the response has failed, the client stops reading. After a complete one it reads on: bytes
        // past a Content-Length body fail it however they are cut.
        if (parser.hasFailed())
            return;
        outcome.body += parser.feed(piece);
    });
    if (endOfInput && !parser.isComplete() && !parser.hasFailed())
        parser.endOfInput();
    outcome.state = parser.state();
    if (parser.hasHead()) {
        outcome.status = parser.head().status;
        outcome.headers = parser.head().headers;
    }
    outcome.error = parser.error();
    outcome.excess = parser.excessBytes();
    outcome.reusable = parser.canReuseConnection();
    FUZZ_CHECK(parser.bodyBytes() == outcome.body.size());
    return outcome;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    // The first byte chooses the request's method and whether the connection ends after the input.
    const bool headRequest = data[0] & 1;
    const bool endOfInput = data[0] & 2;
    const QByteArray input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    const Outcome whole = read(headRequest, endOfInput, [&](auto take) { take(QByteArrayView(input)); });
    const Outcome pieces = read(headRequest, endOfInput, [&](auto take) {
        for (Pieces cut(input); !cut.atEnd();)
            take(cut.next(QByteArrayView(input)));
    });

    FUZZ_CHECK(whole.state == pieces.state);
    FUZZ_CHECK(whole.status == pieces.status);
    FUZZ_CHECK(whole.headers == pieces.headers);
    FUZZ_CHECK(whole.body == pieces.body);
    FUZZ_CHECK(whole.error == pieces.error);
    FUZZ_CHECK(whole.reusable == pieces.reusable);
    if (whole.state == HttpResponseParser::State::Complete)
        FUZZ_CHECK(whole.excess == pieces.excess);

    FUZZ_CHECK(whole.body.size() <= input.size()); // a body is never more than what came
    FUZZ_CHECK((whole.state == HttpResponseParser::State::Failed) == !whole.error.isEmpty());
    FUZZ_CHECK(whole.headers.size() <= smallLimits().maxHeaderCount);
    if (whole.status != 0)
        FUZZ_CHECK(whole.status >= 100 && whole.status <= 999);
    if (headRequest && whole.state == HttpResponseParser::State::Complete)
        FUZZ_CHECK(whole.body.isEmpty());
    return 0;
}
