// SPDX-License-Identifier: MIT
// The HTTP/1.1 codec on plain bytes: the one chunked decoder, and the response parser the upstream client
// reads with. Each is fed whole and in pieces of every size, and must answer the same; each bound is met
// with a failure that names it, never with more memory.
#include "http/ChunkedDecoder.h"
#include "http/HttpResponseParser.h"
#include "http/SseDataEvent.h"
#include "upstream/SseParser.h"

#include <QRandomGenerator>
#include <QTest>

namespace {

struct Parsed
{
    HttpResponseParser::State state = HttpResponseParser::State::Head;
    int status = 0;
    QByteArray body;
    QString error;
    qint64 excess = 0;
    bool reusable = false;
};

// Feeds `bytes` in pieces of `piece` bytes (0: at once), then the connection's end if `close`.
Parsed parse(const QByteArray &bytes, qsizetype piece = 0, bool close = false, bool head = false,
    HttpResponseLimits limits = {})
{
    HttpResponseParser parser(limits);
    parser.setHeadRequest(head);
    Parsed parsed;
    const qsizetype step = piece > 0 ? piece : std::max<qsizetype>(1, bytes.size());
    for (qsizetype at = 0; at < bytes.size(); at += step)
        parsed.body += parser.feed(QByteArrayView(bytes).sliced(at, std::min(step, bytes.size() - at)));
    if (close)
        parser.endOfInput();
    parsed.state = parser.state();
    parsed.status = parser.head().status;
    parsed.error = parser.error();
    parsed.excess = parser.excessBytes();
    parsed.reusable = parser.canReuseConnection();
    return parsed;
}

} // namespace

class HttpCodecTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sseDataCannotEndTheEventOrAddFields_data();
    void sseDataCannotEndTheEventOrAddFields();
    void chunkedDecoderIsTheSameInAnyPieces();
    void chunkedDecoderBoundsWhatItHolds_data();
    void chunkedDecoderBoundsWhatItHolds();
    void responsesAreTheSameInAnyPieces_data();
    void responsesAreTheSameInAnyPieces();
    void interimResponsesAreSkipped();
    void noBodyAfterHeadOr204Or304();
    void contentLengthIsChecked();
    void bothFramingHeadersMeanTheCodingWinsAndNoReuse();
    void responsesPonderCannotReadFailAndSayWhy_data();
    void responsesPonderCannotReadFailAndSayWhy();
    void aHeadSentByteByByteIsReadInLinearTime();
    void mangledResponsesFailCleanly();
};

void HttpCodecTest::chunkedDecoderIsTheSameInAnyPieces()
{
    const QByteArray encoded = "5;ext=1\r\nhello\r\n7\n, world\n0\r\nTrailer: x\r\n\r\nNEXT";
    const qsizetype end = encoded.indexOf("NEXT");
    for (qsizetype piece = 1; piece <= encoded.size(); ++piece) {
        ChunkedDecoder decoder;
        QByteArray body;
        QByteArray pending;
        qsizetype consumed = 0;
        for (qsizetype at = 0; at < end; at += piece) {
            pending += encoded.mid(at, std::min(piece, end - at));
            const qsizetype used = decoder.decode(pending, body);
            consumed += used;
            pending.remove(0, used);
        }
        QVERIFY2(decoder.isComplete(), qPrintable(QString::number(piece)));
        QCOMPARE(consumed, end);
        QCOMPARE(body, QByteArray("hello, world"));
        // Bytes after the body are not the decoder's.
        QCOMPARE(decoder.decode("NEXT", body), 0);
    }
}

void HttpCodecTest::chunkedDecoderBoundsWhatItHolds_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<int>("error");

    QTest::newRow("endless size line")
        << QByteArray(1025, 'a') << int(ChunkedDecoder::Error::SizeLineTooLong);
    QTest::newRow("endless extension")
        << QByteArray("5;") + QByteArray(2000, 'x') << int(ChunkedDecoder::Error::SizeLineTooLong);
    QTest::newRow("endless trailers") << QByteArray("0\r\n") + QByteArray("T: v\r\n").repeated(2000)
                                      << int(ChunkedDecoder::Error::TrailersTooLarge);
    QTest::newRow("one endless trailer")
        << QByteArray("0\r\nT: ") + QByteArray(9000, 'v') << int(ChunkedDecoder::Error::TrailersTooLarge);
    QTest::newRow("size with a sign") << QByteArray("-5\r\n") << int(ChunkedDecoder::Error::BadChunkSize);
    QTest::newRow("size with a prefix") << QByteArray("0x5\r\n") << int(ChunkedDecoder::Error::BadChunkSize);
    QTest::newRow("size over 15 digits")
        << QByteArray("1000000000000000\r\n") << int(ChunkedDecoder::Error::BadChunkSize);
    QTest::newRow("data longer than its size")
        << QByteArray("2\r\nhello\r\n") << int(ChunkedDecoder::Error::DataLongerThanSize);
}

void HttpCodecTest::chunkedDecoderBoundsWhatItHolds()
{
    QFETCH(QByteArray, encoded);
    QFETCH(int, error);
    // Fed a byte at a time, as a slow peer sends it: what is left over is never more than the bound.
    ChunkedDecoder decoder;
    QByteArray body;
    QByteArray pending;
    for (char byte : std::as_const(encoded)) {
        pending += byte;
        pending.remove(0, decoder.decode(pending, body));
        QVERIFY(pending.size() <= 8 * 1024);
        if (decoder.hasFailed())
            break;
    }
    QVERIFY(decoder.hasFailed());
    QCOMPARE(int(decoder.error()), error);
    QVERIFY(!decoder.errorMessage().isEmpty());
}

void HttpCodecTest::responsesAreTheSameInAnyPieces_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<bool>("close");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("reusable");

    QTest::newRow("length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello") << false << 200
                            << QByteArray("hello") << true;
    QTest::newRow("chunked") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                           "3\r\nhel\r\n2\r\nlo\r\n0\r\n\r\n")
                             << false << 200 << QByteArray("hello") << true;
    QTest::newRow("until close") << QByteArray("HTTP/1.1 200 OK\r\n\r\nhello") << true << 200
                                 << QByteArray("hello") << false;
    QTest::newRow("1.0 with length") << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 5\r\n\r\nhello")
                                     << false << 200 << QByteArray("hello") << false;
    QTest::newRow("connection close")
        << QByteArray("HTTP/1.1 200 OK\r\nConnection: keep-alive, close\r\nContent-Length: 2\r\n\r\nhi")
        << false << 200 << QByteArray("hi") << false;
    QTest::newRow("close in a second Connection header") << QByteArray(
        "HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nConnection: close\r\nContent-Length: 2\r\n\r\nhi")
                                                         << false << 200 << QByteArray("hi") << false;
    QTest::newRow("bare line feeds, no reason, blank lines first")
        << QByteArray("\r\n\nHTTP/1.1 404\nContent-Length: 2\n\nno") << false << 404 << QByteArray("no")
        << true;
    QTest::newRow("folded header") << QByteArray(
        "HTTP/1.1 200 OK\r\nX-Long: a\r\n  b\r\nContent-Length: 1\r\n\r\nx")
                                   << false << 200 << QByteArray("x") << true;
    QTest::newRow("the same length twice") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2, 2\r\n\r\nhi")
                                           << false << 200 << QByteArray("hi") << true;
}

void HttpCodecTest::responsesAreTheSameInAnyPieces()
{
    QFETCH(QByteArray, response);
    QFETCH(bool, close);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, reusable);
    for (qsizetype piece = 0; piece <= response.size(); ++piece) {
        const Parsed parsed = parse(response, piece, close);
        QVERIFY2(parsed.state == HttpResponseParser::State::Complete,
            qPrintable(QStringLiteral("pieces of %1: %2").arg(piece).arg(parsed.error)));
        QCOMPARE(parsed.status, status);
        QCOMPARE(parsed.body, body);
        QCOMPARE(parsed.reusable, reusable);
    }
}

void HttpCodecTest::interimResponsesAreSkipped()
{
    const QByteArray response = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\n"
                                "HTTP/1.1 201 Created\r\nContent-Length: 2\r\nX-Final: yes\r\n\r\nok";
    for (qsizetype piece = 0; piece <= response.size(); ++piece) {
        HttpResponseParser parser;
        QByteArray body;
        const qsizetype step = piece > 0 ? piece : response.size();
        for (qsizetype at = 0; at < response.size(); at += step) {
            body += parser.feed(QByteArrayView(response).sliced(at, std::min(step, response.size() - at)));
            // The head is the final one from the moment it is there; no interim head is ever shown.
            QVERIFY(!parser.hasHead() || parser.head().status == 201);
        }
        QVERIFY(parser.isComplete());
        QCOMPARE(parser.head().header("x-final"), QByteArray("yes"));
        QVERIFY(parser.head().header("link").isEmpty());
        QCOMPARE(body, QByteArray("ok"));
    }
    // Ponder never asks to switch protocols; and a server may not stall it with interim answers for ever.
    QCOMPARE(parse("HTTP/1.1 101 Switching Protocols\r\n\r\n").state, HttpResponseParser::State::Failed);
    const Parsed endless = parse(QByteArray("HTTP/1.1 100 Continue\r\n\r\n").repeated(100));
    QCOMPARE(endless.state, HttpResponseParser::State::Failed);
    QVERIFY2(endless.error.contains(QLatin1String("interim")), qPrintable(endless.error));
}

void HttpCodecTest::noBodyAfterHeadOr204Or304()
{
    // The headers say a body follows; these responses have none, whatever they say (RFC 9112 §6.3).
    for (const QByteArray &response : {QByteArray("HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n"),
             QByteArray("HTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\n\r\n")}) {
        const Parsed parsed = parse(response);
        QCOMPARE(parsed.state, HttpResponseParser::State::Complete);
        QVERIFY(parsed.body.isEmpty());
        QVERIFY(parsed.reusable);
    }
    const Parsed head = parse("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n", 0, false, true);
    QCOMPARE(head.state, HttpResponseParser::State::Complete);
    QVERIFY(head.reusable);
}

void HttpCodecTest::contentLengthIsChecked()
{
    // Shorter than declared: the connection's end does not complete it.
    const Parsed shorter = parse("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello", 0, true);
    QCOMPARE(shorter.state, HttpResponseParser::State::Failed);
    QVERIFY2(shorter.error.contains(QLatin1String("5 of the 10 bytes")), qPrintable(shorter.error));
    // Longer than declared: the rest is not silently taken for the next response.
    const Parsed longer = parse("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello, world");
    QCOMPARE(longer.state, HttpResponseParser::State::Failed);
    QVERIFY2(longer.error.contains(QLatin1String("longer than its Content-Length of 5")),
        qPrintable(longer.error));
    QCOMPARE(longer.body, QByteArray("hello"));
    // ... also when the extra bytes come with a later read.
    HttpResponseParser parser;
    parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi");
    QVERIFY(parser.isComplete());
    parser.feed("more");
    QVERIFY(parser.hasFailed());
    QCOMPARE(parser.excessBytes(), 4);
    // After a chunked body the response stands, but its connection is not used again.
    HttpResponseParser chunked;
    chunked.feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");
    QVERIFY(chunked.canReuseConnection());
    chunked.feed("junk");
    QVERIFY(chunked.isComplete());
    QVERIFY(!chunked.canReuseConnection());
    // Not a number, or two different numbers: no way to know where the body ends.
    for (const QByteArray &length : {QByteArray("five"), QByteArray("-1"), QByteArray("5, 6"),
             QByteArray("+5"), QByteArray("1000000000000000000000")}) {
        const Parsed bad = parse("HTTP/1.1 200 OK\r\nContent-Length: " + length + "\r\n\r\nhello");
        QVERIFY2(bad.state == HttpResponseParser::State::Failed, length.constData());
    }
    QCOMPARE(parse("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello").state,
        HttpResponseParser::State::Failed);
}

void HttpCodecTest::bothFramingHeadersMeanTheCodingWinsAndNoReuse()
{
    const Parsed parsed = parse(
        "HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n");
    QCOMPARE(parsed.state, HttpResponseParser::State::Complete);
    QCOMPARE(parsed.body, QByteArray("hi"));
    QVERIFY(!parsed.reusable);
}

void HttpCodecTest::responsesPonderCannotReadFailAndSayWhy_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("endless head") << QByteArray("HTTP/1.1 200 OK\r\nX: ") + QByteArray(70'000, 'a')
                                  << QStringLiteral("response headers over 65536 bytes");
    QTest::newRow("endless status line")
        << QByteArray("HTTP/1.1 200 ") + QByteArray(70'000, 'a') << QStringLiteral("over 65536 bytes");
    QTest::newRow("too many headers")
        << QByteArray("HTTP/1.1 200 OK\r\n") + QByteArray("X: y\r\n").repeated(300)
        << QStringLiteral("more than 256 response headers");
    QTest::newRow("endless chunk-size line")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n") + QByteArray(5000, '1')
        << QStringLiteral("chunk-size line over 1024 bytes");
    QTest::newRow("endless trailers")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n") + QByteArray(10'000, 't')
        << QStringLiteral("trailers over 8192 bytes");
    QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n") << QStringLiteral("status line");
    QTest::newRow("HTTP/2") << QByteArray("HTTP/2 200\r\n\r\n") << QStringLiteral("status line");
    QTest::newRow("status out of range")
        << QByteArray("HTTP/1.1 999 Odd\r\n\r\n") << QStringLiteral("status line");
    QTest::newRow("space before colon") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length : 5\r\n\r\n")
                                        << QStringLiteral("malformed response header");
    QTest::newRow("NUL in a value") << QByteArray("HTTP/1.1 200 OK\r\nX: a\0b\r\n\r\n", 27)
                                    << QStringLiteral("control character");
    QTest::newRow("gzip") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n")
                          << QStringLiteral("other than chunked");
    QTest::newRow("coding in HTTP/1.0")
        << QByteArray("HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n") << QStringLiteral("HTTP/1.0");
}

void HttpCodecTest::responsesPonderCannotReadFailAndSayWhy()
{
    QFETCH(QByteArray, response);
    QFETCH(QString, mentions);
    for (qsizetype piece : {qsizetype(0), qsizetype(1), qsizetype(7), qsizetype(4096)}) {
        const Parsed parsed = parse(response, piece);
        QCOMPARE(parsed.state, HttpResponseParser::State::Failed);
        QVERIFY2(parsed.error.contains(mentions), qPrintable(parsed.error));
    }
}

void HttpCodecTest::aHeadSentByteByByteIsReadInLinearTime()
{
    // 64 KiB of head a byte at a time: were each byte to search the head again from its start, this
    // would be 2^31 steps (about a minute under the sanitizers); it is 2^16. The ctest timeout catches the
    // difference; the result is checked here.
    const QByteArray head
        = "HTTP/1.1 200 OK\r\nX-Padding: " + QByteArray(65'000, 'p') + "\r\nContent-Length: 2\r\n\r\nok";
    HttpResponseParser parser;
    QByteArray body;
    for (char byte : head)
        body += parser.feed(QByteArrayView(&byte, 1));
    QVERIFY2(parser.isComplete(), qPrintable(parser.error()));
    QCOMPARE(body, QByteArray("ok"));
}

void HttpCodecTest::mangledResponsesFailCleanly()
{
    // Valid responses with bytes flipped, dropped and inserted at random (a fixed seed, so a failure
    // repeats): fed at once and in random pieces, each ends the same way, with the same body. Under the asan
    // preset this also checks that no byte outside the input is read.
    const QList<QByteArray> seeds {
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
        "c\r\ndata: {}\n\n\r\n0\r\nX: y\r\n\r\n",
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found",
        "HTTP/1.0 200 OK\r\n\r\n{\"models\":[]}",
    };
    const QByteArray interesting = QByteArray("\r\n :;\t0fF-,") + '\0' + "\x7f\xff";
    QRandomGenerator random(20261206);
    for (int round = 0; round < 20000; ++round) {
        QByteArray bytes = seeds.at(round % seeds.size());
        for (int e = 1 + int(random.bounded(5)); e > 0 && !bytes.isEmpty(); --e) {
            const qsizetype at = random.bounded(bytes.size());
            const char byte = random.bounded(2) ? interesting.at(random.bounded(interesting.size()))
                                                : char(random.bounded(256));
            switch (random.bounded(3)) {
            case 0:
                bytes[at] = byte;
                break;
            case 1:
                bytes.remove(at, 1 + random.bounded(4));
                break;
            default:
                bytes.insert(at, byte);
            }
        }
        const bool close = random.bounded(2);
        const Parsed whole = parse(bytes, 0, close);
        const Parsed pieces = parse(bytes, 1 + random.bounded(9), close);
        QVERIFY2(whole.state == pieces.state, bytes.toPercentEncoding().constData());
        QCOMPARE(whole.body, pieces.body);
        QCOMPARE(whole.error, pieces.error);
        if (whole.state == HttpResponseParser::State::Failed)
            QVERIFY(!whole.error.isEmpty()); // what follows a failure is not read, nor counted
        else
            QCOMPARE(whole.excess, pieces.excess);
    }
}

void HttpCodecTest::sseDataCannotEndTheEventOrAddFields_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("event");
    QTest::newRow("one line") << QByteArray("{\"a\":1}") << QByteArray("data: {\"a\":1}\n\n");
    QTest::newRow("empty") << QByteArray() << QByteArray("data: \n\n");
    QTest::newRow("fields after LF") << QByteArray("x\nevent: evil\nid: 9\nretry: 1")
                                     << QByteArray(
                                            "data: x\ndata: event: evil\ndata: id: 9\ndata: retry: 1\n\n");
    QTest::newRow("a blank line would end the event")
        << QByteArray("x\n\nid: 9") << QByteArray("data: x\ndata: \ndata: id: 9\n\n");
    QTest::newRow("CR and CRLF end lines too")
        << QByteArray("a\rb\r\nc\r") << QByteArray("data: a\ndata: b\ndata: c\ndata: \n\n");
}

// What a reader following the WHATWG rules gets back is the data, and no field but data.
void HttpCodecTest::sseDataCannotEndTheEventOrAddFields()
{
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, event);
    const QByteArray written = sseDataEvent(data);
    QCOMPARE(written, event);
    SseParser reader;
    const QList<SseEvent> events = reader.feed(written);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().event, QByteArray());
    QCOMPARE(events.first().id, QByteArray());
    QCOMPARE(events.first().data, QByteArray(data).replace("\r\n", "\n").replace('\r', '\n'));
}

QTEST_GUILESS_MAIN(HttpCodecTest)
#include "tst_http_codec.moc"
