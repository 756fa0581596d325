// SPDX-License-Identifier: MIT
// The upstream layer's bookkeeping, on real loopback sockets: the pool of idle keep-alive connections, and
// the registry that names every upstream's models in one namespace and routes a model id to its server.
#include "FakeUpstream.h"
#include "RegistryCalls.h"
#include "upstream/ConnectionPool.h"
#include "upstream/RelayedBody.h"
#include "upstream/UpstreamRegistry.h"

#include <QJsonDocument>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

namespace {

// Nothing listens on port 1 (it is privileged, and outside the range the kernel hands out).
const QString Unreachable = QStringLiteral("openai:http://127.0.0.1:1");

// Holds a taken connection and counts what its socket said, as an HttpStreamClient hears it.
struct CountingHolder : ConnectionPool::Holder
{
    virtual ~CountingHolder() = default;
    int readyReads = 0;
    int disconnects = 0;
    void onHeldReadyRead() override { ++readyReads; }
    void onHeldDisconnected() override { ++disconnects; }
    void onHeldError() override { }
};

} // namespace

class UpstreamUnitsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_holder.readyReads = 0;
        m_holder.disconnects = 0;
        QVERIFY(m_server.listen(QHostAddress::LocalHost, 0));
    }
    void cleanup()
    {
        m_server.close();
        qDeleteAll(m_accepted);
        m_accepted.clear();
    }

    void pool_isEmptyUntilAConnectionIsGivenBack()
    {
        ConnectionPool pool;
        QCOMPARE(pool.take(key(), &m_holder), nullptr);
        QCOMPARE(pool.idleCount(), 0);
    }

    void pool_handsBackTheLastConnectionGivenBackFirst()
    {
        // The most recently used connection is the least likely to have been closed by the server.
        ConnectionPool pool;
        QTcpSocket *first = connected();
        QTcpSocket *second = connected();
        pool.giveBack(key(), first);
        pool.giveBack(key(), second);
        QCOMPARE(pool.idleCount(), 2);
        QCOMPARE(pool.take(key(), &m_holder), second);
        QCOMPARE(second->parent(), &pool); // the pool's while in use, too
        QCOMPARE(pool.take(key(), &m_holder), first);
        QCOMPARE(pool.take(key(), &m_holder), nullptr);
    }

    void pool_handsWhatATakenConnectionSaysToItsHolder_untilGivenBack()
    {
        ConnectionPool pool;
        QPointer<QTcpSocket> socket = connected();
        pool.giveBack(key(), socket);
        QCOMPARE(pool.take(key(), &m_holder), socket.data());
        m_accepted.last()->write("HTTP/1.1 200 OK\r\n");
        QTRY_COMPARE(m_holder.readyReads, 1);
        socket->readAll();
        pool.giveBack(key(), socket);
        QCOMPARE(pool.idleCount(), 1);
        // Idle again: what it says now ends it, and the holder hears nothing.
        m_accepted.last()->write("HTTP/1.1 408 Request Timeout\r\n\r\n");
        QTRY_COMPARE(pool.idleCount(), 0);
        QTRY_VERIFY(!socket);
        QCOMPARE(m_holder.readyReads, 1);
    }

    void pool_aTakenConnectionLetGo_isHeardByNoOne()
    {
        ConnectionPool pool;
        QPointer<QTcpSocket> socket = connected();
        pool.giveBack(key(), socket);
        QCOMPARE(pool.take(key(), &m_holder), socket.data());
        pool.letGo(socket);
        m_accepted.last()->close();
        QTRY_VERIFY(!socket); // its end drops it, as an idle one's would
        QCOMPARE(m_holder.disconnects, 0);
        QCOMPARE(pool.idleCount(), 0);
    }

    void pool_keepsEachUpstreamsConnectionsApart()
    {
        ConnectionPool pool;
        QTcpSocket *socket = connected();
        pool.giveBack(key(), socket);
        QCOMPARE(pool.take(QStringLiteral("http://127.0.0.1:1"), &m_holder), nullptr);
        QCOMPARE(pool.take(key(), &m_holder), socket);
    }

    void pool_dropsAConnectionTheServerClosesWhileIdle()
    {
        ConnectionPool pool;
        QPointer<QTcpSocket> socket = connected();
        pool.giveBack(key(), socket);
        m_accepted.last()->close();
        QTRY_COMPARE(pool.idleCount(), 0);
        QTRY_VERIFY(!socket); // closed and deleted, not left for a request to find broken
        QCOMPARE(pool.take(key(), &m_holder), nullptr);
    }

    void pool_dropsAnIdleConnectionTheServerSpeaksOn()
    {
        // Bytes on an idle connection belong to no request: the connection can no longer be trusted.
        ConnectionPool pool;
        pool.giveBack(key(), connected());
        m_accepted.last()->write("HTTP/1.1 408 Request Timeout\r\n\r\n");
        QTRY_COMPARE(pool.idleCount(), 0);
    }

    void pool_refusesAConnectionThatIsNoLongerConnected()
    {
        ConnectionPool pool;
        QPointer<QTcpSocket> socket = connected();
        socket->abort();
        pool.giveBack(key(), socket);
        QCOMPARE(pool.idleCount(), 0);
        QTRY_VERIFY(!socket);
    }

    void pool_keepsAtMostItsLimitPerUpstream()
    {
        ConnectionPool pool;
        for (int i = 0; i < ConnectionPool::MaxIdlePerKey; ++i)
            pool.giveBack(key(), connected());
        QPointer<QTcpSocket> oneTooMany = connected();
        pool.giveBack(key(), oneTooMany);
        QCOMPARE(pool.idleCount(), ConnectionPool::MaxIdlePerKey);
        QTRY_VERIFY(!oneTooMany);
    }

    void registry_namesADuplicateModelAfterItsUpstream()
    {
        FakeUpstream first;
        FakeUpstream second;
        QVERIFY(first.start() && second.start());
        first.setScript(QStringLiteral("llama"), {});
        first.setScript(QStringLiteral("qwen"), {});
        second.setScript(QStringLiteral("llama"), {});
        second.setScript(QStringLiteral("phi"), {});
        UpstreamRegistry registry(upstreamConfigs({first.ollamaSpec(), second.openAiSpec()}));
        const auto listing = listModels(registry);
        QTRY_VERIFY(listing->done);
        // The first upstream configured keeps the plain id; the second's is named after that upstream.
        QCOMPARE(listing->sortedIds(),
            (QStringList {QStringLiteral("llama"), QStringLiteral("openai/llama"), QStringLiteral("phi"),
                QStringLiteral("qwen")}));
    }

    void registry_routesAModelToTheUpstreamThatHasIt()
    {
        FakeUpstream first;
        FakeUpstream second;
        QVERIFY(first.start() && second.start());
        first.setScript(QStringLiteral("llama"), {});
        second.setScript(QStringLiteral("llama"), {});
        second.setScript(QStringLiteral("phi"), {});
        UpstreamRegistry registry(upstreamConfigs({first.ollamaSpec(), second.openAiSpec()}));

        const auto phi = resolveModel(registry, QStringLiteral("phi"));
        QTRY_VERIFY(phi->done);
        QVERIFY(phi->route);
        QCOMPARE(phi->route->upstream, registry.at(1));
        QCOMPARE(phi->route->model, QStringLiteral("phi"));

        const auto llama = resolveModel(registry, QStringLiteral("llama"));
        QTRY_VERIFY(llama->done);
        QCOMPARE(llama->route->upstream, registry.at(0));

        // "<upstream>/<id>" names the server and its own model name, listed that way or not.
        const auto named = resolveModel(registry, QStringLiteral("openai/llama"));
        QTRY_VERIFY(named->done);
        QCOMPARE(named->route->upstream, registry.at(1));
        QCOMPARE(named->route->model, QStringLiteral("llama"));
        const auto prefixed = resolveModel(registry, QStringLiteral("ollama/llama"));
        QTRY_VERIFY(prefixed->done);
        QCOMPARE(prefixed->route->upstream, registry.at(0));
        QCOMPARE(prefixed->route->model, QStringLiteral("llama"));
    }

    void registry_anUnknownModelIs404AndNothingReachableIs502()
    {
        FakeUpstream fake;
        FakeUpstream other;
        QVERIFY(fake.start() && other.start());
        fake.setScript(QStringLiteral("llama"), {});
        UpstreamRegistry reachable(upstreamConfigs({fake.ollamaSpec(), other.openAiSpec()}));
        const auto unknown = resolveModel(reachable, QStringLiteral("mistral"));
        QTRY_VERIFY(unknown->done);
        QVERIFY(!unknown->route);
        QCOMPARE(unknown->error.status, 404);
        QCOMPARE(unknown->error.code, QStringLiteral("model_not_found"));
        QCOMPARE(unknown->error.param, QStringLiteral("model"));

        // Not at those that answered, while one does not: it may be there, so not "does not exist".
        UpstreamRegistry partly(upstreamConfigs({fake.ollamaSpec(), Unreachable}));
        const auto maybe = resolveModel(partly, QStringLiteral("mistral"));
        QTRY_VERIFY_WITH_TIMEOUT(maybe->done, 15000);
        QVERIFY(!maybe->route);
        QCOMPARE(maybe->error.status, 502);
        QCOMPARE(maybe->error.code, QStringLiteral("upstream_unreachable"));
        QCOMPARE(maybe->error.upstream, partly.at(1)->name());
        QVERIFY2(maybe->error.message.contains(QLatin1String("mistral")), qPrintable(maybe->error.message));

        UpstreamRegistry unreachable(
            upstreamConfigs({Unreachable, QStringLiteral("ollama:http://127.0.0.1:1")}));
        const auto nowhere = resolveModel(unreachable, QStringLiteral("llama"));
        QTRY_VERIFY_WITH_TIMEOUT(nowhere->done, 15000);
        QVERIFY(!nowhere->route);
        QCOMPARE(nowhere->error.status, 502);
        QCOMPARE(nowhere->error.code, QStringLiteral("upstream_unreachable"));
    }

    void registry_withOneUpstreamAsksItNothingBeforeTheRequest()
    {
        // One upstream answers for itself (404 for a model it lacks): no listing before the first token.
        FakeUpstream fake;
        QVERIFY(fake.start());
        UpstreamRegistry registry(upstreamConfigs({fake.openAiSpec()}));
        const auto resolved = resolveModel(registry, QStringLiteral("any-model"));
        QVERIFY(resolved->done); // at once, without a round trip
        QCOMPARE(resolved->route->upstream, registry.at(0));
        QCOMPARE(resolved->route->model, QStringLiteral("any-model"));
        QVERIFY(fake.requests().isEmpty());
    }

    void registry_saysWhichUpstreamsWereReachable()
    {
        FakeUpstream fake;
        QVERIFY(fake.start());
        fake.setScript(QStringLiteral("llama"), {});
        UpstreamRegistry registry(upstreamConfigs({fake.ollamaSpec(), Unreachable}));
        QJsonArray status;
        bool done = false;
        registry.reachability([&](QJsonArray upstreams) {
            status = upstreams;
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 15000);
        QCOMPARE(status.size(), 2);
        QCOMPARE(status.at(0)[QLatin1String("name")].toString(), QStringLiteral("ollama"));
        QCOMPARE(status.at(0)[QLatin1String("reachable")].toBool(), true);
        QCOMPARE(status.at(0)[QLatin1String("models")].toInt(), 1);
        QCOMPARE(status.at(1)[QLatin1String("name")].toString(), QStringLiteral("openai"));
        QCOMPARE(status.at(1)[QLatin1String("reachable")].toBool(true), false);
        QVERIFY(!status.at(1)[QLatin1String("error")].toString().isEmpty());
        QVERIFY(!status.at(1)[QLatin1String("checked_at")].toString().isEmpty());
    }

    // A relayed body: long members the client sent go on as it wrote them (escapes and spaces kept, where
    // Qt would write them otherwise); members Ponder set, rewrote or took out are written or left out.
    void relayedBody_copiesTheClientsLongMembersAndWritesTheRest()
    {
        const QByteArray longText = "\"caf\\u00e9 " + QByteArray(RelayedBody::MinCopiedBytes, 'x') + "\"";
        ChatRequest request;
        request.clientText = R"({ "model" : "m", "prompt" : )" + longText + R"(, "note": )" + longText
            + R"(, "gone": )" + longText + R"(, "n": 1})";
        request.body = QJsonDocument::fromJson(request.clientText).object();
        request.body.remove(QStringLiteral("model"));
        request.body.remove(QStringLiteral("gone"));
        request.rewritten = {QStringLiteral("note")};
        const QByteArray written
            = RelayedBody::write(request, {{QStringLiteral("model"), QStringLiteral("upstream-m")}});
        QVERIFY(written.contains(R"("prompt" : )" + longText));
        QCOMPARE(written.count("caf\\u00e9"), 1); // the note written again, the gone member left out
        QJsonObject expected = request.body;
        expected.insert(QStringLiteral("model"), QStringLiteral("upstream-m"));
        QCOMPARE(QJsonDocument::fromJson(written).object(), expected);
    }

    // A key twice, or one written with escapes: which member the parser kept is not known from the text,
    // so the body is written whole.
    void relayedBody_writesItAllWhenAKeyIsAmbiguous_data()
    {
        const QByteArray longText = "\"caf\\u00e9 " + QByteArray(RelayedBody::MinCopiedBytes, 'x') + "\"";
        QTest::addColumn<QByteArray>("clientText");
        QTest::newRow("twice") << R"({"prompt":)" + longText + R"(,"prompt":)" + longText + "}";
        QTest::newRow("escaped") << "{\"pr\\u006fmpt\":" + longText + R"(,"prompt":)" + longText + "}";
    }
    void relayedBody_writesItAllWhenAKeyIsAmbiguous()
    {
        QFETCH(QByteArray, clientText);
        ChatRequest request;
        request.clientText = clientText;
        request.body = QJsonDocument::fromJson(clientText).object();
        QVERIFY(!request.body.isEmpty());
        const QByteArray written = RelayedBody::write(request, {});
        QVERIFY(!written.contains("caf\\u00e9"));
        QCOMPARE(QJsonDocument::fromJson(written).object(), request.body);
    }

private:
    QString key() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }

    // A socket connected to the test's server, whose end the test keeps (m_accepted).
    QTcpSocket *connected()
    {
        auto *socket = new QTcpSocket;
        socket->connectToHost(QHostAddress::LocalHost, m_server.serverPort());
        if (!socket->waitForConnected(5000) || !m_server.waitForNewConnection(5000))
            qFatal("could not connect to the test's own server");
        m_accepted.append(m_server.nextPendingConnection());
        return socket;
    }

    QTcpServer m_server;
    QList<QTcpSocket *> m_accepted;
    CountingHolder m_holder;
};

QTEST_GUILESS_MAIN(UpstreamUnitsTest)
#include "tst_upstream_units.moc"
