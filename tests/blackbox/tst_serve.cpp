// SPDX-License-Identifier: MIT
// Black-box tests of the built `ponder` executable: arguments, `serve` over real sockets, clean shutdown
// of the server and of the window.
#include "HttpTestClient.h"
#include "PonderProcess.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class ServeTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionPrintsTheProjectVersion();
    void helpNamesTheServeCommand();
    void badArgumentsFailWithAMessage_data();
    void badArgumentsFailWithAMessage();
    void windowWithoutDisplayPointsToServe();
    void serveAnswersHealthOverARealSocket();
    void serveCreatesTheDataDirectory();
    void unknownRouteIsJson404();
    void wrongMethodIs405WithAllow();
    void stopsCleanlyOnSignal_data();
    void stopsCleanlyOnSignal();
    void windowClosesCleanlyOnSignal_data();
    void windowClosesCleanlyOnSignal();
    void portInUseFailsWithAMessage();
    void aBrokenPipeDoesNotEndIt();
    void maxConnectionsHoldsBackTheRest();
    void streamingLimitsAreSetFromTheCommandLine();
    void theApiKeyHoldsHoweverThePathIsSpelled();
};

void ServeTest::versionPrintsTheProjectVersion()
{
    const ProcessResult result = runPonder({QStringLiteral("--version")});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.standardOutput.trimmed(), QStringLiteral("ponder " PONDER_EXPECTED_VERSION));
}

void ServeTest::helpNamesTheServeCommand()
{
    const ProcessResult result = runPonder({QStringLiteral("--help")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.standardOutput.contains(QLatin1String("serve")), qPrintable(result.standardOutput));
    QVERIFY(result.standardOutput.contains(QLatin1String("--port")));
}

void ServeTest::badArgumentsFailWithAMessage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown option") << QStringList {QStringLiteral("--bogus")}
                                    << QStringLiteral("Unknown option 'bogus'");
    QTest::newRow("unknown command") << QStringList {QStringLiteral("frobnicate")}
                                     << QStringLiteral("unknown command 'frobnicate'");
    QTest::newRow("port not a number") << QStringList {QStringLiteral("serve"), QStringLiteral("--port"),
        QStringLiteral("abc")} << QStringLiteral("invalid --port 'abc'");
    QTest::newRow("port too large") << QStringList {QStringLiteral("serve"), QStringLiteral("--port=70000")}
                                    << QStringLiteral("invalid --port '70000'");
    QTest::newRow("host not an address") << QStringList {QStringLiteral("serve"), QStringLiteral("--host"),
        QStringLiteral("example")} << QStringLiteral("invalid --host 'example'");
    QTest::newRow("missing value") << QStringList {QStringLiteral("serve"), QStringLiteral("--port")}
                                   << QStringLiteral("Missing value after '--port'");
    QTest::newRow("redis url scheme") << QStringList {QStringLiteral("serve"), QStringLiteral("--redis"),
        QStringLiteral("http://x")} << QStringLiteral("invalid Redis URL 'http://x'");
    // The message names what is wrong without repeating the password: it goes to terminals and logs.
    QTest::newRow("redis database, password not repeated")
        << QStringList {QStringLiteral("serve"), QStringLiteral("--redis"),
               QStringLiteral("redis://:hunter2@localhost/x")}
        << QStringLiteral("invalid Redis database 'x' in 'redis://localhost/x'");
    QTest::newRow("redis over tls") << QStringList {QStringLiteral("serve"), QStringLiteral("--redis"),
        QStringLiteral("rediss://localhost")}
                                    << QStringLiteral("TLS (rediss://) is not supported");
    QTest::newRow("redis prefix") << QStringList {QStringLiteral("serve"), QStringLiteral("--redis-prefix"),
        QStringLiteral("a b")} << QStringLiteral("invalid --redis-prefix 'a b'");
    QTest::newRow("max connections zero")
        << QStringList {QStringLiteral("serve"), QStringLiteral("--max-connections=0")}
        << QStringLiteral("invalid --max-connections '0'");
    QTest::newRow("max generations not a number")
        << QStringList {QStringLiteral("serve"), QStringLiteral("--max-generations"), QStringLiteral("many")}
        << QStringLiteral("invalid --max-generations 'many'");
    QTest::newRow("no buffer") << QStringList {QStringLiteral("serve"), QStringLiteral("--redis-buffer"),
        QStringLiteral("0")} << QStringLiteral("invalid --redis-buffer '0'");
    QTest::newRow("history of none") << QStringList {QStringLiteral("serve"),
        QStringLiteral("--history-length"), QStringLiteral("0")}
                                     << QStringLiteral("invalid --history-length '0'");
    QTest::newRow("expiry in words") << QStringList {QStringLiteral("serve"),
        QStringLiteral("--session-expiry"), QStringLiteral("soon")}
                                     << QStringLiteral("invalid --session-expiry 'soon'");
    QTest::newRow("event larger than memory should hold") << QStringList {QStringLiteral("serve"),
        QStringLiteral("--max-event-bytes"),
        QStringLiteral("4294967296")} << QStringLiteral("expected a number from 1 to 1073741824");
    QTest::newRow("no budget for watchers") << QStringList {QStringLiteral("serve"),
        QStringLiteral("--max-queued-watcher-bytes"), QStringLiteral("0")}
                                            << QStringLiteral("invalid --max-queued-watcher-bytes '0'");
    QTest::newRow("extra argument") << QStringList {QStringLiteral("serve"), QStringLiteral("now")}
                                    << QStringLiteral("unexpected argument 'now'");
}

void ServeTest::badArgumentsFailWithAMessage()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const ProcessResult result = runPonder(arguments);
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.standardError.contains(message), qPrintable(result.standardError));
    QVERIFY(result.standardError.contains(QLatin1String("ponder --help")));
}

void ServeTest::windowWithoutDisplayPointsToServe()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    const ProcessResult result = runPonder({}, environment);
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.standardError.contains(QLatin1String("no display")), qPrintable(result.standardError));
    QVERIFY(result.standardError.contains(QLatin1String("ponder serve")));
}

void ServeTest::serveAnswersHealthOverARealSocket()
{
    QTemporaryDir dataDir;
    PonderProcess ponder;
    QVERIFY2(ponder.startServe({}, dataDir.path()), qPrintable(ponder.output()));
    QCOMPARE(ponder.baseUrl().host(), QStringLiteral("127.0.0.1"));

    HttpTestClient client;
    const HttpTestReply reply = client.get(ponder.baseUrl().resolved(QUrl(QStringLiteral("/health"))));
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.header("Content-Type").startsWith("application/json"));
    const QJsonObject health = reply.json().object();
    QCOMPARE(health.value(QLatin1String("status")).toString(), QStringLiteral("healthy"));
    QCOMPARE(health.value(QLatin1String("version")).toString(), QStringLiteral(PONDER_EXPECTED_VERSION));
}

void ServeTest::serveCreatesTheDataDirectory()
{
    QTemporaryDir parent;
    const QString dataDir = parent.filePath(QStringLiteral("nested/data"));
    PonderProcess ponder;
    QVERIFY2(ponder.startServe({}, dataDir), qPrintable(ponder.output()));
    QVERIFY(QDir(dataDir).exists());
    QVERIFY(ponder.output().contains(dataDir));
}

void ServeTest::unknownRouteIsJson404()
{
    QTemporaryDir dataDir;
    PonderProcess ponder;
    QVERIFY2(ponder.startServe({}, dataDir.path()), qPrintable(ponder.output()));
    HttpTestClient client;
    const HttpTestReply reply = client.get(ponder.baseUrl().resolved(QUrl(QStringLiteral("/no/such/thing"))));
    QCOMPARE(reply.status, 404);
    const QJsonObject error = reply.json().object().value(QLatin1String("error")).toObject();
    QCOMPARE(error.value(QLatin1String("type")).toString(), QStringLiteral("not_found_error"));
    QVERIFY(error.value(QLatin1String("message")).toString().contains(QLatin1String("/no/such/thing")));
}

void ServeTest::wrongMethodIs405WithAllow()
{
    QTemporaryDir dataDir;
    PonderProcess ponder;
    QVERIFY2(ponder.startServe({}, dataDir.path()), qPrintable(ponder.output()));
    HttpTestClient client;
    const HttpTestReply reply
        = client.send("DELETE", ponder.baseUrl().resolved(QUrl(QStringLiteral("/health"))));
    QCOMPARE(reply.status, 405);
    QCOMPARE(reply.header("Allow"), QByteArray("GET"));
}

void ServeTest::stopsCleanlyOnSignal_data()
{
    QTest::addColumn<int>("signalNumber");
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGINT") << int(SIGINT);
}

void ServeTest::stopsCleanlyOnSignal()
{
    QFETCH(int, signalNumber);
    QTemporaryDir dataDir;
    PonderProcess ponder;
    QVERIFY2(ponder.startServe({}, dataDir.path()), qPrintable(ponder.output()));
    QVERIFY(ponder.stop(signalNumber));
    QCOMPARE(ponder.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(ponder.process().exitCode(), 0);
    QVERIFY2(ponder.output().contains(QLatin1String("shutting down")), qPrintable(ponder.output()));
}

void ServeTest::windowClosesCleanlyOnSignal_data()
{
    stopsCleanlyOnSignal_data();
}

void ServeTest::windowClosesCleanlyOnSignal()
{
    // A session that ends sends SIGTERM: the window closes as its Quit does, instead of dying mid-write.
    QFETCH(int, signalNumber);
    QTemporaryDir dataDir;
    PonderProcess ponder;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dataDir.filePath(QStringLiteral("config")));
    ponder.setEnvironment(environment); // the window's settings go there, not to the user's
    QVERIFY2(ponder.startWindow(dataDir.path()), qPrintable(ponder.output()));
    QVERIFY(ponder.stop(signalNumber));
    QCOMPARE(ponder.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(ponder.process().exitCode(), 0);
    QVERIFY2(ponder.output().contains(QLatin1String("closing the window")), qPrintable(ponder.output()));
}

void ServeTest::aBrokenPipeDoesNotEndIt()
{
    // What a write to a Redis that has gone raises: it must stay an error Ponder handles, not end it.
    QTemporaryDir dataDir;
    PonderProcess ponder;
    QVERIFY2(ponder.startServe({}, dataDir.path()), qPrintable(ponder.output()));
    ::kill(pid_t(ponder.process().processId()), SIGPIPE);
    HttpTestClient client;
    QCOMPARE(client.get(ponder.baseUrl().resolved(QUrl(QStringLiteral("/health")))).status, 200);
    QCOMPARE(ponder.process().state(), QProcess::Running);
}

void ServeTest::portInUseFailsWithAMessage()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress::LocalHost, 0));
    QTemporaryDir dataDir;
    const ProcessResult result = runPonder({QStringLiteral("serve"), QStringLiteral("--port"),
        QString::number(occupant.serverPort()), QStringLiteral("--data-dir"), dataDir.path()});
    QCOMPARE(result.exitStatus, QProcess::NormalExit);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(
        result.standardError.contains(QLatin1String("already in use")), qPrintable(result.standardError));
}

void ServeTest::maxConnectionsHoldsBackTheRest()
{
    QTemporaryDir dataDir;
    PonderProcess ponder;
    QVERIFY2(ponder.startServe({QStringLiteral("--max-connections"), QStringLiteral("1")}, dataDir.path()),
        qPrintable(ponder.output()));
    const QByteArray request = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    const auto connected = [&](QTcpSocket &socket) {
        socket.connectToHost(QHostAddress::LocalHost, quint16(ponder.baseUrl().port()));
        return socket.waitForConnected(5000);
    };
    const auto answered = [](QTcpSocket &socket, int timeoutMs) {
        return QTest::qWaitFor([&] { return socket.peek(16).startsWith("HTTP/1.1 200"); }, timeoutMs);
    };
    auto first = std::make_unique<QTcpSocket>();
    QVERIFY(connected(*first));
    first->write(request);
    QVERIFY(answered(*first, 5000)); // and kept open (keep-alive)
    QTcpSocket second; // the kernel accepts it; Ponder does not take it while the first is open
    QVERIFY(connected(second));
    second.write(request);
    QVERIFY(!answered(second, 500));
    first.reset();
    QVERIFY(answered(second, 5000));
}

QTEST_GUILESS_MAIN(ServeTest)
void ServeTest::streamingLimitsAreSetFromTheCommandLine()
{
    QTemporaryDir dataDir;
    PonderProcess ponder;
    QVERIFY2(ponder.startServe(
                 {QStringLiteral("--max-sessions"), QStringLiteral("1"), QStringLiteral("--history-length"),
                     QStringLiteral("3"), QStringLiteral("--max-event-bytes"), QStringLiteral("300"),
                     QStringLiteral("--max-body-bytes"), QStringLiteral("2000"),
                     QStringLiteral("--session-expiry"), QStringLiteral("2")},
                 dataDir.path()),
        qPrintable(ponder.output()));
    HttpTestClient client;
    const auto api = [&](const QString &path) {
        return ponder.baseUrl().resolved(QUrl(QStringLiteral("/api/streaming") + path));
    };
    const auto post = [&](const QString &path, const QByteArray &body) {
        return client.send("POST", api(path), body, {{"Content-Type", "application/json"}}).status;
    };
    const auto thinking = [](const QByteArray &content) {
        return "{\"session_id\":\"a\",\"thinking_type\":\"analysis\",\"content\":\"" + content + "\"}";
    };

    QCOMPARE(post(QStringLiteral("/sessions"), "{\"session_id\":\"a\"}"), 201);
    QCOMPARE(post(QStringLiteral("/sessions"), "{\"session_id\":\"b\"}"), 429);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(post(QStringLiteral("/thinking"), thinking(QByteArray::number(i))), 201);
    const QJsonArray kept = client.get(api(QStringLiteral("/sessions/a/events")))
                                .json()
                                .object()
                                .value(QLatin1String("events"))
                                .toArray();
    QCOMPARE(kept.size(), 3);
    QCOMPARE(kept.first()[QLatin1String("data")][QLatin1String("content")].toString(), QStringLiteral("2"));
    QCOMPARE(post(QStringLiteral("/thinking"), thinking(QByteArray(400, 'x'))), 413);
    QCOMPARE(
        post(QStringLiteral("/thinking"), "[" + thinking("a").repeated(40).replace("}{", "},{") + "]"), 413);

    // Idle for its expiry, the session goes, and with it its place under the cap.
    QVERIFY(
        QTest::qWaitFor([&] { return client.get(api(QStringLiteral("/sessions/a"))).status == 404; }, 20000));
    QCOMPARE(post(QStringLiteral("/sessions"), "{\"session_id\":\"b\"}"), 201);
}

void ServeTest::theApiKeyHoldsHoweverThePathIsSpelled()
{
    QTemporaryDir dataDir;
    PonderProcess ponder;
    QVERIFY2(ponder.startServe({QStringLiteral("--api-key"), QStringLiteral("k3y"),
                                   QStringLiteral("--max-queued-watcher-bytes"), QStringLiteral("1048576")},
                 dataDir.path()),
        qPrintable(ponder.output()));
    const auto status = [&](const QByteArray &request) {
        return parseRawResponse(rawHttpExchange(ponder.baseUrl(), request)).status;
    };
    // What curl --path-as-is sends: once answered 200 without the key.
    const QByteArray body = "{\"session_id\":\"sneaked-in\"}";
    QCOMPARE(status("POST //api/streaming/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
                 + QByteArray::number(body.size()) + "\r\n\r\n" + body),
        401);
    QCOMPARE(status("GET ///v1/models HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"), 401);
    QCOMPARE(
        status(
            "GET //api/streaming/sessions/sneaked-in HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Api-Key: k3y\r\n\r\n"),
        404);
    const RawHttpResponse health = parseRawResponse(
        rawHttpExchange(ponder.baseUrl(), "GET //health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
    QCOMPARE(health.status, 200);
    const QJsonObject report = QJsonDocument::fromJson(health.body).object();
    QCOMPARE(report.value(QLatin1String("dropped_watchers")).toInt(-1), 0);
    QCOMPARE(report.value(QLatin1String("queued_watcher_bytes")).toInt(-1), 0);
}

#include "tst_serve.moc"
