// SPDX-License-Identifier: MIT
// The router tells routes, wrong methods and unknown paths apart, and decodes parameters safely.
#include "http/Router.h"

#include <QTest>

class RouterTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesLiteralAndParameterSegments();
    void decodesParametersPerSegment();
    void wrongMethodListsTheAllowedOnes();
    void unknownPathMatchesNothing();
    void aRoutesErrorWriterComesWithItsPath();
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

void RouterTest::aRoutesErrorWriterComesWithItsPath()
{
    // OTLP answers in google.rpc.Status: its writer serves the refusals of its path too (a wrong method).
    Router router;
    int written = 0;
    router.add("POST", QStringLiteral("/v1/traces"), tagging(nullptr, {}), 1024,
        [&written](const HttpRequest &, HttpResponder &, const ApiError &) { ++written; });
    router.add("GET", QStringLiteral("/health"), tagging(nullptr, {}));
    Router::Match match = router.match("POST", QStringLiteral("/v1/traces"));
    QVERIFY(match.handler && match.writeError);
    QCOMPARE(match.maxBodyBytes, 1024);
    match = router.match("GET", QStringLiteral("/v1/traces"));
    QVERIFY(!match.handler && match.writeError);
    QVERIFY(!router.match("GET", QStringLiteral("/health")).writeError);
    QVERIFY(!router.match("GET", QStringLiteral("/nowhere")).writeError);
}

QTEST_GUILESS_MAIN(RouterTest)
#include "tst_router.moc"
