// SPDX-License-Identifier: MIT
// The Redis store's connections against a real redis-server: logging in with a password (never shown),
// refusals that say what Ponder needs, and commands that leave at once.
#include "RedisStoreFixture.h"
#include "store/RedisConnection.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace RedisStoreChecks;

class RedisLinkTest : public RedisStoreFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init() { startRedis(); }
    void cleanup() { stopRedis(); }

    void aRedisThatRefusesPondersScriptsIsNotHealthy();
    void aRedisWithAPasswordIsUsedWithoutShowingIt();
    void aWrongRedisPasswordIsReportedWithoutRepeatingIt();
    void aUserWithoutPondersChannelsIsToldWhatItNeeds();
    void commandsLeaveWithoutWaitingForTheLoop();
    void aTestsRedisFindsAnotherPortWhenItsOwnIsTaken();
};

void RedisLinkTest::aRedisThatRefusesPondersScriptsIsNotHealthy()
{
    // A password Ponder was not given: Redis accepts the connection and refuses every command with NOAUTH.
    m_redis->cli({QStringLiteral("CONFIG"), QStringLiteral("SET"), QStringLiteral("requirepass"),
        QStringLiteral("not-given")});
    BackendFixture server(redisOptions());
    QVERIFY(server.start());
    QVERIFY(waitForReason(server, QLatin1String("NOAUTH")));
    QCOMPARE(health(server).value(QLatin1String("status")).toString(), QStringLiteral("degraded"));
    QCOMPARE(server.post(QStringLiteral("/sessions"), {}).status, 503);
}

void RedisLinkTest::aRedisWithAPasswordIsUsedWithoutShowingIt()
{
    // The default user's password (requirepass) and an ACL user's, in the URL; and each password given apart
    // from the URL, as PONDER_REDIS_PASSWORD and the window's keychain entry do.
    m_redis->cli({QStringLiteral("ACL"), QStringLiteral("SETUSER"), QStringLiteral("agent"),
        QStringLiteral("on"), QStringLiteral(">agent-secret"), QStringLiteral("~*"),
        QStringLiteral("&ponder:notify:*"), QStringLiteral("+@all")});
    m_redis->cli({QStringLiteral("CONFIG"), QStringLiteral("SET"), QStringLiteral("requirepass"),
        QStringLiteral("default-secret")});
    const QString plain = m_redis->url();
    const QString withCredentials
        = QString(plain).replace(QLatin1String("redis://"), QLatin1String("redis://%1@"));
    const QList<QPair<QString, QString>> ways {{withCredentials.arg(QLatin1String(":default-secret")), {}},
        {withCredentials.arg(QLatin1String("agent:agent-secret")), {}},
        {plain, QStringLiteral("default-secret")},
        {withCredentials.arg(QLatin1String("agent")), QStringLiteral("agent-secret")}};
    for (qsizetype i = 0; i < ways.size(); ++i) {
        ServerOptions options;
        options.redisUrl = ways.at(i).first;
        options.redisPassword = ways.at(i).second;
        const auto started = startHealthy(options);
        QVERIFY2(started, qPrintable(QString::number(i)));
        const QString session = QStringLiteral("locked-%1").arg(i);
        QVERIFY(started->createSession(session));
        QVERIFY(!started->publishThinking(session, QStringLiteral("through AUTH")).isEmpty());
        QCOMPARE(contentsOf(started->storedEvents(session)), QStringList {QStringLiteral("through AUTH")});
        const QByteArray shown = started->get(QStringLiteral("/health")).body;
        QVERIFY2(!shown.contains("secret") && (i == 2 || shown.contains(":***@")), shown.constData());
    }
}

void RedisLinkTest::aWrongRedisPasswordIsReportedWithoutRepeatingIt()
{
    m_redis->cli({QStringLiteral("CONFIG"), QStringLiteral("SET"), QStringLiteral("requirepass"),
        QStringLiteral("the-right-one")});
    ServerOptions options = redisOptions();
    options.redisUrl.replace(QLatin1String("redis://"), QLatin1String("redis://:a-wrong-guess@"));
    BackendFixture server(options);
    QVERIFY(server.start());
    QVERIFY(waitForReason(server, QLatin1String("WRONGPASS")));
    const QJsonObject now = health(server);
    QCOMPARE(now.value(QLatin1String("status")).toString(), QStringLiteral("degraded"));
    QVERIFY2(
        now.value(QLatin1String("reason")).toString().contains(QLatin1String("refused Ponder's password")),
        qPrintable(now.value(QLatin1String("reason")).toString()));
    QVERIFY(!server.get(QStringLiteral("/health")).body.contains("a-wrong-guess"));
    QCOMPARE(server.post(QStringLiteral("/sessions"), {}).status, 503);
}

void RedisLinkTest::aUserWithoutPondersChannelsIsToldWhatItNeeds()
{
    // Redis 7 gives a new ACL user no channels: Ponder could write, but would never hear other processes.
    m_redis->cli({QStringLiteral("ACL"), QStringLiteral("SETUSER"), QStringLiteral("keys-only"),
        QStringLiteral("on"), QStringLiteral(">keys-secret"), QStringLiteral("~*"), QStringLiteral("+@all")});
    ServerOptions options = redisOptions();
    options.redisUrl.replace(QLatin1String("redis://"), QLatin1String("redis://keys-only:keys-secret@"));
    BackendFixture server(options);
    QVERIFY(server.start());
    QVERIFY(waitForReason(server, QLatin1String("NOPERM")));
    QCOMPARE(health(server).value(QLatin1String("status")).toString(), QStringLiteral("degraded"));
    QVERIFY2(
        healthReason(server).contains(QLatin1String("&ponder:notify:*")), qPrintable(healthReason(server)));
}

void RedisLinkTest::commandsLeaveWithoutWaitingForTheLoop()
{
    // A command goes to Redis when it is sent, and one sent from a reply handler once hiredis has handed out
    // what it read: not on a later pass of the event loop, whose wait would add to every round trip.
    RedisConnection connection(QStringLiteral("127.0.0.1"), m_redis->port());
    QSignalSpy connected(&connection, &RedisConnection::connected);
    connection.open();
    QVERIFY(connected.wait(10000));

    bool answered = false;
    connection.command({"SET", "sent-at-once", "1"}, [&](redisReply *reply, const QString &) {
        answered = reply != nullptr;
        connection.command({"SET", "sent-from-a-handler", "1"}, [](redisReply *, const QString &) {});
    });
    // redis-cli is waited for on its own: this test's event loop does not run meanwhile.
    QCOMPARE(m_redis->cli({QStringLiteral("GET"), QStringLiteral("sent-at-once")}), QStringLiteral("1"));

    // One pass of the loop at a time, up to the one that handed out the reply.
    const QDeadlineTimer deadline(10000);
    while (!answered && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    QVERIFY(answered);
    QCOMPARE(
        m_redis->cli({QStringLiteral("GET"), QStringLiteral("sent-from-a-handler")}), QStringLiteral("1"));
}

void RedisLinkTest::aTestsRedisFindsAnotherPortWhenItsOwnIsTaken()
{
    // The fixture's port was free when chosen; another test's server taking it first must not fail this one.
    RedisServer redis;
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, quint16(redis.port())));
    QVERIFY(redis.start());
    QVERIFY(redis.port() != squatter.serverPort());
    QCOMPARE(redis.cli({QStringLiteral("PING")}), QStringLiteral("PONG"));
}

QTEST_GUILESS_MAIN(RedisLinkTest)
#include "tst_redis_link.moc"
