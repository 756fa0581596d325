// SPDX-License-Identifier: MIT
// The router tells routes, wrong methods and unknown paths apart, and decodes parameters safely.
#include "http/ApiError.h"
#include "http/Router.h"

#include <QTcpSocket>
#include <QTest>

class RouterTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesLiteralAndParameterSegments();
    void decodesParametersPerSegment();
    void wrongMethodListsTheAllowedOnes();
    void unknownPathMatchesNothing();
    void theLongestPrefixDecidesWhoWritesAPathsErrors();
};

namespace {
RouteHandler tagging(QString *hit, const QString &tag)
{
    return [hit, tag](const HttpRequest &, const RouteParams &, HttpResponder &) { *hit = tag; };
}
} // namespace

void RouterTest::matchesLiteralAndParameterSegments()
{
    Router router;
    QString hit;
    router.add("GET", QStringLiteral("/api/sessions"), tagging(&hit, QStringLiteral("list")));
    router.add("GET", QStringLiteral("/api/sessions/{id}/stats"), tagging(&hit, QStringLiteral("stats")));
    const Router::Match match = router.match("GET", QStringLiteral("/api/sessions/abc/stats"));
    QVERIFY(match.handler);
    QCOMPARE(match.params.value(QStringLiteral("id")), QStringLiteral("abc"));
    QVERIFY(!router.match("GET", QStringLiteral("/api/sessions//stats")).handler);
    QVERIFY(router.match("GET", QStringLiteral("/api/sessions/")).handler);
}

void RouterTest::decodesParametersPerSegment()
{
    Router router;
    QString hit;
    router.add("GET", QStringLiteral("/s/{id}"), tagging(&hit, QStringLiteral("one")));
    // An encoded slash stays inside its segment: it can never reach another route or path.
    const Router::Match match = router.match("GET", QStringLiteral("/s/a%2Fb"));
    QVERIFY(match.handler);
    QCOMPARE(match.params.value(QStringLiteral("id")), QStringLiteral("a/b"));
}

void RouterTest::wrongMethodListsTheAllowedOnes()
{
    Router router;
    QString hit;
    router.add("GET", QStringLiteral("/x"), tagging(&hit, QStringLiteral("get")));
    router.add("DELETE", QStringLiteral("/x"), tagging(&hit, QStringLiteral("delete")));
    const Router::Match match = router.match("POST", QStringLiteral("/x"));
    QVERIFY(!match.handler);
    QCOMPARE(match.allowedMethods, (QByteArrayList {"GET", "DELETE"}));
}

void RouterTest::unknownPathMatchesNothing()
{
    Router router;
    QString hit;
    router.add("GET", QStringLiteral("/x"), tagging(&hit, QStringLiteral("get")));
    const Router::Match match = router.match("GET", QStringLiteral("/y"));
    QVERIFY(!match.handler);
    QVERIFY(match.allowedMethods.isEmpty());
}

void RouterTest::theLongestPrefixDecidesWhoWritesAPathsErrors()
{
    // Ollama's paths are /api; Ponder's streaming API under it keeps Ponder's shape; /apiary is not /api.
    Router router;
    int ollama = 0;
    router.setErrorWriter(QStringLiteral("/api"),
        [&ollama](const HttpRequest &, HttpResponder &, const ApiError &) { ++ollama; });
    router.setErrorWriter(QStringLiteral("/api/streaming"), {});
    QTcpSocket socket; // never connected: the writer here writes nothing
    auto *responder = new HttpResponder(&socket, {});
    const auto writes = [&](const char *path) {
        const RouteErrorWriter writer = router.errorWriterFor(QLatin1String(path));
        if (!writer)
            return false;
        const int before = ollama;
        writer(HttpRequest {}, *responder, ApiError(404, {}));
        return ollama == before + 1;
    };
    QVERIFY(writes("/api"));
    QVERIFY(writes("/api/pull"));
    QVERIFY(writes("/api/chat/extra"));
    QVERIFY(!writes("/api/streaming"));
    QVERIFY(!writes("/api/streaming/sessions/x"));
    QVERIFY(!writes("/apiary"));
    QVERIFY(!writes("/v1/chat/completions"));
}

QTEST_GUILESS_MAIN(RouterTest)
#include "tst_router.moc"
