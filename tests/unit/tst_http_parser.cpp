// SPDX-License-Identifier: MIT
// The HTTP/1.1 request parser: what it accepts, what it refuses (with which status), and that a body
// arriving in pieces decodes the same as one arriving at once.
#include "http/HttpRequestParser.h"

#include <QRandomGenerator>
#include <QTest>

class HttpParserTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsRequestLineHeadersAndFraming();
    void waitsForTheWholeHead();
    void acceptsBareLineFeedsAndLeadingBlankLines();
    void connectionAndExpectHeaders_data();
    void connectionAndExpectHeaders();
    void refusesMalformedOrOversizedHeads_data();
    void refusesMalformedOrOversizedHeads();
    void normalisesThePathOnce_data();
    void normalisesThePathOnce();
    void http10NeedsNoHost();
    void decodesChunkedBodiesWhateverTheirPieces();
    void refusesMalformedOrOversizedChunkedBodies_data();
    void refusesMalformedOrOversizedChunkedBodies();
    void mangledRequestsAreAnsweredNeverOverrun();
};

namespace {

HttpLimits smallLimits()
{
    HttpLimits limits;
    limits.maxHeadBytes = 1024;
    limits.maxBodyBytes = 100;
    return limits;
}

} // namespace

void HttpParserTest::readsRequestLineHeadersAndFraming()
{
    const QByteArray head = "POST /api/streaming/thinking?since=1-0&kind=thinking HTTP/1.1\r\n"
                            "Host: 127.0.0.1:8009\r\n"
                            "Content-Type:application/json \r\n"
                            "Content-Length: 12\r\n\r\n";
    const HeadParse parse = parseRequestHead(head + "{\"a\":\"body\"}GET / HTTP/1.1\r\n", HttpLimits {});
    QCOMPARE(parse.status, HeadParse::Status::Complete);
    const HttpRequestHead &result = parse.head;
    QCOMPARE(result.length, head.size()); // the body and the next request are left alone
    QCOMPARE(result.request.method, QByteArray("POST"));
    QCOMPARE(result.request.path, QStringLiteral("/api/streaming/thinking"));
    QCOMPARE(result.request.query.queryItemValue(QStringLiteral("since")), QStringLiteral("1-0"));
    QCOMPARE(result.request.query.queryItemValue(QStringLiteral("kind")), QStringLiteral("thinking"));
    QCOMPARE(result.request.headers.size(), 3);
    QCOMPARE(result.request.header("content-type"), QByteArray("application/json")); // spaces trimmed
    QCOMPARE(result.request.header("HOST"), QByteArray("127.0.0.1:8009"));
    QCOMPARE(result.body, HttpRequestHead::Body::Length);
    QCOMPARE(result.contentLength, 12);
    QVERIFY(result.keepAlive);

    const HeadParse chunked = parseRequestHead(
        "POST /x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: Chunked\r\n\r\n", HttpLimits {});
    QCOMPARE(chunked.status, HeadParse::Status::Complete);
    QCOMPARE(chunked.head.body, HttpRequestHead::Body::Chunked);

    const HeadParse bodyless
        = parseRequestHead("GET /%7Euser/a%3ab HTTP/1.1\r\nHost: h\r\n\r\n", HttpLimits {});
    QCOMPARE(bodyless.status, HeadParse::Status::Complete);
    QCOMPARE(bodyless.head.body, HttpRequestHead::Body::None);
    // Normalised: unreserved characters decoded, the rest still encoded for the router to decode.
    QCOMPARE(bodyless.head.request.path, QStringLiteral("/~user/a%3Ab"));
    QVERIFY(bodyless.head.request.query.isEmpty());
}

void HttpParserTest::waitsForTheWholeHead()
{
    const QByteArray head = "GET /api/streaming/health HTTP/1.1\r\nHost: x\r\nAccept: */*\r\n\r\n";
    for (qsizetype cut = 0; cut < head.size(); ++cut)
        QCOMPARE(parseRequestHead(head.first(cut), HttpLimits {}).status, HeadParse::Status::Incomplete);
    QCOMPARE(parseRequestHead(head, HttpLimits {}).status, HeadParse::Status::Complete);
}

void HttpParserTest::acceptsBareLineFeedsAndLeadingBlankLines()
{
    const QByteArray head = "\r\n\nGET /x HTTP/1.1\nHost: y\n\n";
    const HeadParse parse = parseRequestHead(head, HttpLimits {});
    QCOMPARE(parse.status, HeadParse::Status::Complete);
    QCOMPARE(parse.head.length, head.size());
    QCOMPARE(parse.head.request.header("host"), QByteArray("y"));
}

void HttpParserTest::connectionAndExpectHeaders_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<bool>("keepAlive");
    QTest::addColumn<bool>("expectsContinue");
    QTest::addColumn<bool>("http10");

    QTest::newRow("1.1 keeps the connection")
        << QByteArray("GET / HTTP/1.1\r\nHost: h\r\n\r\n") << true << false << false;
    QTest::newRow("1.1 close") << QByteArray(
        "GET / HTTP/1.1\r\nHost: h\r\nConnection: keep-alive, Close\r\n\r\n")
                               << false << false << false;
    QTest::newRow("1.0 always closes")
        << QByteArray("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") << false << false << true;
    QTest::newRow("expect with a body")
        << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nExpect: 100-Continue\r\n\r\n")
        << true << true << false;
    QTest::newRow("expect without a body")
        << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\n\r\n") << true << false << false;
}

void HttpParserTest::connectionAndExpectHeaders()
{
    QFETCH(QByteArray, head);
    const HeadParse parse = parseRequestHead(head, HttpLimits {});
    QCOMPARE(parse.status, HeadParse::Status::Complete);
    QTEST(parse.head.keepAlive, "keepAlive");
    QTEST(parse.head.expectsContinue, "expectsContinue");
    QTEST(parse.head.http10, "http10");
}

void HttpParserTest::refusesMalformedOrOversizedHeads_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("no version") << QByteArray("GET /x\r\n\r\n") << 400 << "request line";
    QTest::newRow("space in target") << QByteArray("GET /a b HTTP/1.1\r\n\r\n") << 400 << "request line";
    QTest::newRow("HTTP/2") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505 << "HTTP/2.0";
    QTest::newRow("not HTTP") << QByteArray("GET / FTP/1.1\r\n\r\n") << 400 << "version";
    QTest::newRow("absolute target") << QByteArray("GET http://evil.test/ HTTP/1.1\r\n\r\n") << 400 << "path";
    QTest::newRow("control in target") << QByteArray("GET /a\x01 HTTP/1.1\r\n\r\n") << 400 << "path";
    QTest::newRow("bad method") << QByteArray("G(T / HTTP/1.1\r\n\r\n") << 400 << "method";
    QTest::newRow("no colon") << QByteArray("GET / HTTP/1.1\r\nHost\r\n\r\n") << 400 << "header";
    QTest::newRow("space before colon")
        << QByteArray("GET / HTTP/1.1\r\nHost : x\r\n\r\n") << 400 << "header";
    QTest::newRow("folded line") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n") << 400 << "header";
    QTest::newRow("control in value") << QByteArray("GET / HTTP/1.1\r\nA: b") + '\0' + "c\r\n\r\n"
                                      << 400 << "control character";
    QTest::newRow("length and chunked")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n") << 400
        << "both";
    QTest::newRow("two lengths") << QByteArray(
        "POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n")
                                 << 400 << "conflicting";
    QTest::newRow("negative length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400
                                     << "Content-Length";
    QTest::newRow("empty length") << QByteArray("POST / HTTP/1.1\r\nContent-Length:\r\n\r\n") << 400
                                  << "Content-Length";
    QTest::newRow("signed length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: +5\r\n\r\n") << 400
                                   << "Content-Length";
    QTest::newRow("huge length") << QByteArray(
        "POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n")
                                 << 400 << "Content-Length";
    QTest::newRow("gzip coding") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n")
                                 << 501 << "gzip";
    QTest::newRow("chunked on 1.0") << QByteArray("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n")
                                    << 400 << "HTTP/1.1";
    // Refused from the head alone: the 101 bytes are never read.
    QTest::newRow("body over the limit")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 101\r\n\r\n") << 413 << "the limit is 100 bytes";
    QTest::newRow("head over the limit")
        << QByteArray("GET / HTTP/1.1\r\nX-Long: ") + QByteArray(1100, 'a') << 431 << "1024 bytes";
    QTest::newRow("endless blank lines") << QByteArray(2000, '\n') << 431 << "1024 bytes";
    QByteArray manyHeaders = "GET / HTTP/1.1\r\n";
    for (int i = 0; i < 101; ++i)
        manyHeaders += "A: b\r\n";
    QTest::newRow("too many headers") << manyHeaders + "\r\n" << 431 << "100 request headers";
    // One Host, which HTTP/1.1 requires: with two, one check could read one and another check the other.
    QTest::newRow("two Host headers")
        << QByteArray("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\n\r\n") << 400
        << "only one Host";
    QTest::newRow("1.1 without Host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400 << "needs a Host";
    QTest::newRow("broken encoding") << QByteArray("GET /%1%1%1 HTTP/1.1\r\nHost: h\r\n\r\n") << 400
                                     << "percent-encoding";
    QTest::newRow("encoding cut short")
        << QByteArray("GET /a%4 HTTP/1.1\r\nHost: h\r\n\r\n") << 400 << "percent-encoding";
}

void HttpParserTest::refusesMalformedOrOversizedHeads()
{
    QFETCH(QByteArray, head);
    QFETCH(int, status);
    QFETCH(QString, mentions);
    HttpLimits limits = smallLimits();
    limits.maxHeadBytes = QTest::currentDataTag() == QByteArray("too many headers") ? 4096 : 1024;
    const HeadParse parse = parseRequestHead(head, limits);
    QCOMPARE(parse.status, HeadParse::Status::Invalid);
    QVERIFY(parse.error);
    QCOMPARE(parse.error->status, status);
    QVERIFY2(parse.error->message.contains(mentions), qPrintable(parse.error->message));
}

void HttpParserTest::normalisesThePathOnce_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QString>("path");

    // What an attacker spells to reach a route past a check that reads the path differently.
    QTest::newRow("leading //") << QByteArray("//v1/chat/completions") << "/v1/chat/completions";
    QTest::newRow("leading ///") << QByteArray("///v1/models") << "/v1/models";
    QTest::newRow("inner //") << QByteArray("/api//streaming///sessions") << "/api/streaming/sessions";
    QTest::newRow("trailing /") << QByteArray("/v1/models/") << "/v1/models";
    QTest::newRow("dot") << QByteArray("/./v1/./models") << "/v1/models";
    QTest::newRow("dot dot") << QByteArray("/health/../v1/models") << "/v1/models";
    QTest::newRow("dot dot above the root") << QByteArray("/../../v1/models") << "/v1/models";
    QTest::newRow("encoded dots") << QByteArray("/x/%2e%2E/v1/models") << "/v1/models";
    QTest::newRow("half-encoded dots") << QByteArray("/x/.%2e/v1/%2E/models") << "/v1/models";
    QTest::newRow("encoded letters") << QByteArray("/%76%31/%6dodels") << "/v1/models";
    QTest::newRow("dots inside a name") << QByteArray("/s/a..b/.c") << "/s/a..b/.c";
    QTest::newRow("other encodings kept, upper case") << QByteArray("/s/a%3a%20b") << "/s/a%3A%20b";
    QTest::newRow("root") << QByteArray("/") << "/";
    QTest::newRow("only slashes and dots") << QByteArray("//./..//") << "/";
    // An encoded '/' is data in its segment for every component, never a separator.
    QTest::newRow("encoded slash kept")
        << QByteArray("/v1/models/openai%2fplain") << "/v1/models/openai%2Fplain";
    QTest::newRow("encoded slash between dots") << QByteArray("/a/..%2F..%2Fv1") << "/a/..%2F..%2Fv1";
    QTest::newRow("query left alone") << QByteArray("//ws/sessions/x?since=1-0&a=%2F") << "/ws/sessions/x";
}

void HttpParserTest::normalisesThePathOnce()
{
    QFETCH(QByteArray, target);
    const HeadParse parse = parseRequestHead("GET " + target + " HTTP/1.1\r\nHost: h\r\n\r\n", HttpLimits {});
    QCOMPARE(parse.status, HeadParse::Status::Complete);
    QTEST(parse.head.request.path, "path");
}

void HttpParserTest::http10NeedsNoHost()
{
    const HeadParse parse = parseRequestHead("GET /health HTTP/1.0\r\n\r\n", HttpLimits {});
    QCOMPARE(parse.status, HeadParse::Status::Complete);
    QVERIFY(!parse.head.request.hasHeader("host"));
}

void HttpParserTest::decodesChunkedBodiesWhateverTheirPieces()
{
    const QByteArray encoded
        = "5;name=value\r\nhello\r\n7\r\n, world\r\n0\r\nTrailer: ignored\r\n\r\nGET /next";
    const qsizetype bodyEnd = encoded.indexOf("GET /next");

    ChunkedBodyDecoder atOnce(100);
    QByteArray body;
    QCOMPARE(atOnce.decode(encoded, body), bodyEnd); // the next request is not touched
    QVERIFY(atOnce.isComplete());
    QCOMPARE(body, QByteArray("hello, world"));

    // Byte by byte, as a slow client sends it: each byte that completes nothing stays for the next call.
    ChunkedBodyDecoder pieces(100);
    QByteArray pieceBody;
    QByteArray pending;
    for (qsizetype i = 0; i < bodyEnd; ++i) {
        QVERIFY(!pieces.isComplete());
        pending.append(encoded.at(i));
        pending.remove(0, pieces.decode(pending, pieceBody));
        QVERIFY(!pieces.error());
    }
    QVERIFY(pieces.isComplete());
    QVERIFY(pending.isEmpty());
    QCOMPARE(pieceBody, QByteArray("hello, world"));
}

void HttpParserTest::refusesMalformedOrOversizedChunkedBodies_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<int>("status");

    QTest::newRow("size not hex") << QByteArray("zz\r\nhello\r\n") << 400;
    QTest::newRow("empty size") << QByteArray("\r\nhello\r\n") << 400;
    QTest::newRow("data longer than size") << QByteArray("2\r\nhello\r\n") << 400;
    QTest::newRow("over the limit in one chunk") << QByteArray("65\r\n") << 413; // 101 bytes
    QTest::newRow("over the limit in total") << QByteArray("32\r\n") + QByteArray(50, 'a') + "\r\n33\r\n"
                                             << 413;
    QTest::newRow("endless size line") << QByteArray(2000, '1') << 400;
}

void HttpParserTest::refusesMalformedOrOversizedChunkedBodies()
{
    QFETCH(QByteArray, encoded);
    ChunkedBodyDecoder decoder(100);
    QByteArray body;
    decoder.decode(encoded, body);
    QVERIFY(!decoder.isComplete());
    QVERIFY(decoder.error());
    QTEST(decoder.error()->status, "status");
    QVERIFY(body.size() <= 100);
}

// Valid requests with bytes flipped, dropped and inserted at random (a fixed seed, so a failure
// repeats): every one is Incomplete, Complete within the bytes given, or Invalid with a 4xx/5xx status.
// Run under the asan preset this is also a check that no byte outside the input is ever read.
void HttpParserTest::mangledRequestsAreAnsweredNeverOverrun()
{
    const QList<QByteArray> seeds {
        "POST /api/streaming/thinking?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
        "12\r\n\r\n{\"a\":\"body\"}",
        "GET /ws/thinking/s HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n",
        "POST /v1/chat/../chat//completions HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nExpect: "
        "100-continue\r\n\r\n",
    };
    const QByteArray chunked = "5\r\nhello\r\n3;x\r\nabc\r\n0\r\nT: v\r\n\r\n";
    const QByteArray interesting = QByteArray("\r\n :;\t") + '\0'
        + "\x7f"
          "\xff"
          "0fF-+/?%";
    QRandomGenerator random(20261122);
    HttpLimits limits = smallLimits();
    limits.maxHeadBytes = 200;
    for (int round = 0; round < 20000; ++round) {
        QByteArray bytes = round % 4 == 3 ? chunked : seeds.at(round % seeds.size());
        const int edits = 1 + int(random.bounded(6));
        for (int e = 0; e < edits && !bytes.isEmpty(); ++e) {
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
        if (round % 4 == 3) {
            ChunkedBodyDecoder decoder(limits.maxBodyBytes);
            QByteArray body;
            const qsizetype used = decoder.decode(bytes, body);
            QVERIFY(used >= 0 && used <= bytes.size());
            QVERIFY(body.size() <= limits.maxBodyBytes);
            if (decoder.error())
                QVERIFY(decoder.error()->status == 400 || decoder.error()->status == 413);
            continue;
        }
        const HeadParse parse = parseRequestHead(bytes, limits);
        if (parse.status == HeadParse::Status::Complete) {
            QVERIFY2(parse.head.length > 0 && parse.head.length <= bytes.size(),
                bytes.toPercentEncoding().constData());
            QVERIFY(parse.head.request.path.startsWith(QLatin1Char('/')));
            QVERIFY(parse.head.contentLength >= 0 && parse.head.contentLength <= limits.maxBodyBytes);
        } else if (parse.status == HeadParse::Status::Invalid) {
            QVERIFY(parse.error && parse.error->status >= 400 && parse.error->status < 600);
        }
    }
}

QTEST_GUILESS_MAIN(HttpParserTest)
#include "tst_http_parser.moc"
