// SPDX-License-Identifier: MIT
// Who may talk to the local server, decided from a request's head alone: its Host, its Origin and the API
// key. A web page in the user's browser can reach 127.0.0.1 too, so local does not mean trusted.
#include "http/HttpRequest.h"
#include "security/AccessPolicy.h"

#include <QTest>

namespace {

HttpRequest request(
    const QByteArray &method, const QString &path, QList<QPair<QByteArray, QByteArray>> headers)
{
    HttpRequest request;
    request.method = method;
    request.path = path;
    request.headers = std::move(headers);
    request.remoteAddress = QHostAddress::LocalHost;
    return request;
}

HttpRequest get(
    const QString &path, QList<QPair<QByteArray, QByteArray>> headers = {{"Host", "127.0.0.1:8009"}})
{
    return request("GET", path, std::move(headers));
}

// Why the policy refuses the request, or an empty string when it lets it through.
QString refusal(const AccessPolicy &policy, const HttpRequest &request)
{
    const auto error = policy.check(request);
    return error ? QStringLiteral("%1 %2").arg(error->status).arg(error->message) : QString();
}

AccessPolicy localPolicy(const QString &apiKey = {})
{
    AccessOptions options;
    options.apiKey = apiKey;
    return AccessPolicy(options, QHostAddress::LocalHost);
}

} // namespace

class AccessPolicyTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void localHostNamesAreAnswered_data()
    {
        QTest::addColumn<QByteArray>("host");
        QTest::newRow("IPv4 loopback with port") << QByteArray("127.0.0.1:8009");
        QTest::newRow("another IPv4 loopback") << QByteArray("127.3.4.5");
        QTest::newRow("IPv6 loopback with port") << QByteArray("[::1]:8009");
        QTest::newRow("localhost") << QByteArray("localhost:8009");
        QTest::newRow("localhost in capitals") << QByteArray("LOCALHOST");
        QTest::newRow("a .localhost name") << QByteArray("ponder.localhost:8009");
        QTest::newRow("a container's name for its host") << QByteArray("host.docker.internal:8009");
        QTest::newRow("none (HTTP/1.0 tools)") << QByteArray();
    }
    void localHostNamesAreAnswered()
    {
        QFETCH(QByteArray, host);
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!host.isEmpty())
            headers.append({"Host", host});
        QCOMPARE(refusal(localPolicy(), get(QStringLiteral("/v1/models"), headers)), QString());
    }

    void anyOtherHostIsRefusedByName()
    {
        // DNS rebinding: a page from evil.example whose name now points at 127.0.0.1 sends Host:
        // evil.example.
        const auto refused
            = localPolicy().check(get(QStringLiteral("/v1/models"), {{"Host", "evil.example"}}));
        QVERIFY(refused);
        QCOMPARE(refused->status, 403);
        QCOMPARE(refused->type, QStringLiteral("permission_error"));
        QVERIFY(refused->message.contains(QLatin1String("'evil.example'")));
        QVERIFY(refused->message.contains(QLatin1String("--allowed-host")));
    }

    void configuredHostsAndTheListeningAddressAreAnswered()
    {
        AccessOptions options;
        options.allowedHosts = {QStringLiteral("Ponder.Lan")};
        const AccessPolicy lan(options, QHostAddress(QStringLiteral("192.168.1.20")));
        QCOMPARE(refusal(lan, get(QStringLiteral("/health"), {{"Host", "ponder.lan:8009"}})), QString());
        QCOMPARE(refusal(lan, get(QStringLiteral("/health"), {{"Host", "192.168.1.20:8009"}})), QString());
        QVERIFY(lan.check(get(QStringLiteral("/health"), {{"Host", "192.168.1.21:8009"}})));
        // Listening on loopback, another machine's address is not the server's own.
        QVERIFY(localPolicy().check(get(QStringLiteral("/health"), {{"Host", "192.168.1.20"}})));
    }

    void browserOriginsMustBeLocalOrListed_data()
    {
        QTest::addColumn<QByteArray>("origin");
        QTest::addColumn<QStringList>("allowed");
        QTest::addColumn<bool>("answered");
        QTest::newRow("a page served from loopback")
            << QByteArray("http://localhost:3000") << QStringList() << true;
        QTest::newRow("https on loopback") << QByteArray("https://127.0.0.1:8443") << QStringList() << true;
        QTest::newRow("any other site") << QByteArray("https://evil.example") << QStringList() << false;
        QTest::newRow("a sandboxed frame or file://") << QByteArray("null") << QStringList() << false;
        QTest::newRow("a container's host name")
            << QByteArray("http://host.docker.internal:3000") << QStringList() << false;
        QTest::newRow("a listed origin, in any case")
            << QByteArray("https://Chat.Example") << QStringList {QStringLiteral("https://chat.example")}
            << true;
        QTest::newRow("* allows any")
            << QByteArray("https://evil.example") << QStringList {QStringLiteral("*")} << true;
    }
    void browserOriginsMustBeLocalOrListed()
    {
        QFETCH(QByteArray, origin);
        QFETCH(QStringList, allowed);
        QFETCH(bool, answered);
        AccessOptions options;
        options.allowedOrigins = allowed;
        const AccessPolicy policy(options, QHostAddress::LocalHost);
        const auto refused = policy.check(
            get(QStringLiteral("/v1/models"), {{"Host", "127.0.0.1:8009"}, {"Origin", origin}}));
        QCOMPARE(!refused, answered);
        if (refused) {
            QCOMPARE(refused->status, 403);
            QVERIFY(refused->message.contains(QLatin1String("--allowed-origin")));
        }
    }

    void withoutAKeyNoneIsAsked()
    {
        QCOMPARE(refusal(localPolicy(), get(QStringLiteral("/v1/chat/completions"))), QString());
    }

    void withAKeyEveryRouteButHealthNeedsIt_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("a known route") << QStringLiteral("/v1/models");
        QTest::newRow("the streaming API") << QStringLiteral("/api/streaming/sessions");
        QTest::newRow("a route no one added yet") << QStringLiteral("/v2/anything");
        QTest::newRow("the root") << QStringLiteral("/");
    }
    void withAKeyEveryRouteButHealthNeedsIt()
    {
        QFETCH(QString, path);
        const auto refused = localPolicy(QStringLiteral("secret")).check(get(path));
        QVERIFY(refused);
        QCOMPARE(refused->status, 401);
        QCOMPARE(refused->type, QStringLiteral("authentication_error"));
        QCOMPARE(refused->code, QStringLiteral("invalid_api_key"));
        QCOMPARE(refusal(localPolicy(QStringLiteral("secret")), get(QStringLiteral("/health"))), QString());
    }

    void theKeyComesAsBearerOrXApiKey_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("answered");
        QTest::newRow("Bearer") << QByteArray("Authorization") << QByteArray("Bearer secret") << true;
        QTest::newRow("bearer in any case, with spaces")
            << QByteArray("authorization") << QByteArray("  bEaReR   secret ") << true;
        QTest::newRow("X-Api-Key") << QByteArray("X-Api-Key") << QByteArray("secret") << true;
        QTest::newRow("another scheme") << QByteArray("Authorization") << QByteArray("Basic secret") << false;
        QTest::newRow("the wrong key, as long") << QByteArray("X-Api-Key") << QByteArray("secreT") << false;
        QTest::newRow("a longer key") << QByteArray("X-Api-Key") << QByteArray("secret2") << false;
        QTest::newRow("an empty key") << QByteArray("X-Api-Key") << QByteArray() << false;
    }
    void theKeyComesAsBearerOrXApiKey()
    {
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, value);
        QFETCH(bool, answered);
        const auto refused
            = localPolicy(QStringLiteral("secret"))
                  .check(get(QStringLiteral("/v1/models"), {{"Host", "localhost"}, {header, value}}));
        QCOMPARE(!refused, answered);
    }

    void aCorsPreflightNeedsNoKey()
    {
        // Browsers never send credentials with OPTIONS; the request that follows it carries them.
        const HttpRequest preflight = request("OPTIONS", QStringLiteral("/v1/chat/completions"),
            {{"Host", "localhost:8009"}, {"Origin", "http://localhost:3000"}});
        QCOMPARE(refusal(localPolicy(QStringLiteral("secret")), preflight), QString());
    }

    void aWebSocketMayCarryTheKeyInItsQuery()
    {
        // Browsers cannot set headers on a WebSocket; any other request must send a header.
        HttpRequest upgrade
            = get(QStringLiteral("/ws/sessions/s"), {{"Host", "localhost"}, {"Upgrade", "websocket"}});
        upgrade.query.addQueryItem(QStringLiteral("api_key"), QStringLiteral("secret"));
        QCOMPARE(refusal(localPolicy(QStringLiteral("secret")), upgrade), QString());

        HttpRequest plain = get(QStringLiteral("/v1/models"));
        plain.query.addQueryItem(QStringLiteral("api_key"), QStringLiteral("secret"));
        QVERIFY(localPolicy(QStringLiteral("secret")).check(plain));
    }

    // Sent twice, a header that says who is asking could be read one way by a check and another after it.
    void aHeaderThatSaysWhoAsksMayComeOnce_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("first");
        QTest::addColumn<QByteArray>("second");
        QTest::newRow("Authorization")
            << QByteArray("Authorization") << QByteArray("Bearer secret") << QByteArray("Bearer other");
        QTest::newRow("X-Api-Key, another case")
            << QByteArray("x-API-key") << QByteArray("secret") << QByteArray("secret");
        QTest::newRow("Host") << QByteArray("Host") << QByteArray("localhost") << QByteArray("evil.example");
        QTest::newRow("Origin") << QByteArray("Origin") << QByteArray("http://localhost:3000")
                                << QByteArray("https://evil.example");
    }
    void aHeaderThatSaysWhoAsksMayComeOnce()
    {
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, first);
        QFETCH(QByteArray, second);
        QList<QPair<QByteArray, QByteArray>> headers {{header, first}, {header, second}};
        if (header != "Host")
            headers.prepend({"Host", "localhost"});
        const auto refused
            = localPolicy(QStringLiteral("secret")).check(get(QStringLiteral("/v1/models"), headers));
        QVERIFY(refused);
        QCOMPARE(refused->status, 400);
        QVERIFY2(refused->message.contains(QLatin1String("more than one")), qPrintable(refused->message));
    }

    void aHostWithAPortThatIsNoNumberIsRefused_data()
    {
        QTest::addColumn<QByteArray>("host");
        QTest::addColumn<bool>("answered");
        QTest::newRow("name and port") << QByteArray("localhost:8009") << true;
        QTest::newRow("IPv6 and port") << QByteArray("[::1]:8009") << true;
        QTest::newRow("IPv6") << QByteArray("[::1]") << true;
        QTest::newRow("letters for a port") << QByteArray("localhost:abc") << false;
        QTest::newRow("an empty port") << QByteArray("localhost:") << false;
        QTest::newRow("two ports") << QByteArray("localhost:80:81") << false;
        QTest::newRow("IPv6 unclosed") << QByteArray("[::1:8009") << false;
        QTest::newRow("IPv6 and junk") << QByteArray("[::1]x") << false;
    }
    void aHostWithAPortThatIsNoNumberIsRefused()
    {
        QFETCH(QByteArray, host);
        QFETCH(bool, answered);
        const auto refused = localPolicy().check(get(QStringLiteral("/v1/models"), {{"Host", host}}));
        QCOMPARE(!refused, answered);
        if (refused)
            QCOMPARE(refused->status, 400);
    }

    // An <img> or <script> on another site reaches a GET route without an Origin; its browser says so.
    void aPageElsewhereCannotSendAnOriginlessRequest_data()
    {
        QTest::addColumn<QByteArray>("site");
        QTest::addColumn<QByteArray>("mode");
        QTest::addColumn<QByteArray>("origin");
        QTest::addColumn<bool>("answered");
        QTest::newRow("an image on another site")
            << QByteArray("cross-site") << QByteArray("no-cors") << QByteArray() << false;
        QTest::newRow("a link followed from another site")
            << QByteArray("cross-site") << QByteArray("navigate") << QByteArray() << true;
        QTest::newRow("a local page's fetch, with its Origin")
            << QByteArray("cross-site") << QByteArray("cors") << QByteArray("http://localhost:3000") << true;
        QTest::newRow("the same site")
            << QByteArray("same-origin") << QByteArray("no-cors") << QByteArray() << true;
        QTest::newRow("not a browser") << QByteArray() << QByteArray() << QByteArray() << true;
    }
    void aPageElsewhereCannotSendAnOriginlessRequest()
    {
        QFETCH(QByteArray, site);
        QFETCH(QByteArray, mode);
        QFETCH(QByteArray, origin);
        QFETCH(bool, answered);
        QList<QPair<QByteArray, QByteArray>> headers {{"Host", "127.0.0.1:8009"}};
        if (!site.isEmpty())
            headers.append({{"Sec-Fetch-Site", site}, {"Sec-Fetch-Mode", mode}});
        if (!origin.isEmpty())
            headers.append({"Origin", origin});
        const auto refused = localPolicy().check(get(QStringLiteral("/api/streaming/test"), headers));
        QCOMPARE(!refused, answered);
        if (refused)
            QCOMPARE(refused->status, 403);
    }

    void theHostIsCheckedBeforeTheKey()
    {
        // A rebinding page with a stolen key is still refused for its Host, and told nothing about the key.
        const auto refused = localPolicy(QStringLiteral("secret"))
                                 .check(get(QStringLiteral("/v1/models"),
                                     {{"Host", "evil.example"}, {"Authorization", "Bearer secret"}}));
        QVERIFY(refused);
        QCOMPARE(refused->status, 403);
    }
};

QTEST_GUILESS_MAIN(AccessPolicyTest)
#include "tst_access_policy.moc"
