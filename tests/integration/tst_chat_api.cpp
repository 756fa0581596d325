// SPDX-License-Identifier: MIT
// The OpenAI-compatible endpoint end to end inside one process: a real Backend on a loopback port in
// front of the fake upstream, driven over real sockets (byte-level SSE checks use raw TCP).
#include "BackendFixture.h"
#include "FakeUpstream.h"
#include "HttpTestClient.h"
#include "MidStreamFailure.h"
#include "chat/ChatService.h"
#include "history/ConversationStore.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>
#include <QUuid>
#include <QWebSocket>

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

QJsonObject userMessage(const QString &text)
{
    return {{QStringLiteral("role"), QStringLiteral("user")}, {QStringLiteral("content"), text}};
}

QByteArray chatBody(const QString &model, bool stream, QJsonObject extra = {})
{
    extra.insert(QStringLiteral("model"), model);
    if (!extra.contains(QLatin1String("messages")))
        extra.insert(
            QStringLiteral("messages"), QJsonArray {userMessage(QStringLiteral("Why is the sky blue?"))});
    extra.insert(QStringLiteral("stream"), stream);
    return QJsonDocument(extra).toJson(QJsonDocument::Compact);
}

QList<QJsonObject> jsonEvents(const RawHttpResponse &response)
{
    QList<QJsonObject> events;
    for (const QByteArray &data : response.sseData()) {
        if (data != "[DONE]")
            events.append(QJsonDocument::fromJson(data).object());
    }
    return events;
}

QString joined(const QList<QJsonObject> &events, const char *field)
{
    QString text;
    for (const QJsonObject &event : events)
        text += event.value(QLatin1String("choices"))[0][QLatin1String("delta")][QLatin1String(field)]
                    .toString();
    return text;
}

FakeScript thinkingScript()
{
    FakeScript script;
    script.reasoning = {QStringLiteral("The user asks why the sky is blue, a physics question about light."),
        QStringLiteral("\n\n"), QStringLiteral("So the answer is Rayleigh scattering of short wavelengths.")};
    script.content
        = {QStringLiteral("Because "), QStringLiteral("of Rayleigh "), QStringLiteral("scattering.")};
    return script;
}

// A streamed chat completion asked over a raw socket, which a test can then drop mid-answer.
bool sendStreamedChat(
    QTcpSocket &socket, BackendFixture &backend, const QString &model, const QByteArray &extraHeaders = {})
{
    socket.connectToHost(QHostAddress::LocalHost, backend.backend().port());
    if (!socket.waitForConnected(5000))
        return false;
    const QByteArray body = chatBody(model, true);
    socket.write("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\n" + extraHeaders
        + "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n"
        + body);
    return true;
}

qint64 countRows(const QString &path, const QString &table)
{
    const QString name = QUuid::createUuid().toString();
    qint64 count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) && query.next())
                count = query.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return count;
}

} // namespace

class ChatApiTest : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeUpstream> m_fake;

private Q_SLOTS:
    void init()
    {
        m_fake = std::make_unique<FakeUpstream>();
        QVERIFY(m_fake->start());
        m_fake->setScript(QStringLiteral("thinker"), thinkingScript());
        FakeScript plain;
        plain.content = {QStringLiteral("Hello"), QStringLiteral(", world")};
        m_fake->setScript(QStringLiteral("plain"), plain);
    }

    void models_listsEveryReachableUpstreamAndDisambiguates()
    {
        auto backend = BackendFixture::startedWith(
            {m_fake->ollamaSpec(), m_fake->openAiSpec(), QStringLiteral("openai:http://127.0.0.1:1")});
        QVERIFY(backend);
        HttpTestClient client;
        const HttpTestReply reply = client.get(backend->url(QStringLiteral("/v1/models")));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json()[QLatin1String("object")].toString(), QStringLiteral("list"));
        QStringList ids;
        for (const QJsonValue &model : reply.json()[QLatin1String("data")].toArray()) {
            QCOMPARE(model[QLatin1String("object")].toString(), QStringLiteral("model"));
            QVERIFY(model[QLatin1String("created")].isDouble());
            ids.append(model[QLatin1String("id")].toString());
        }
        ids.sort();
        QCOMPARE(ids,
            (QStringList {QStringLiteral("openai/plain"), QStringLiteral("openai/thinker"),
                QStringLiteral("plain"), QStringLiteral("thinker")}));
        const HttpTestReply one = client.get(backend->url(QStringLiteral("/v1/models/openai%2Fplain")));
        QCOMPARE(one.status, 200);
        QCOMPARE(client.get(backend->url(QStringLiteral("/v1/models/nope"))).status, 404);

        // The prefixed id reaches the second upstream (OpenAI's API at the fake).
        const RawHttpResponse routed = rawPost(backend->backend().baseUrl(),
            QStringLiteral("/v1/chat/completions"), chatBody(QStringLiteral("openai/plain"), false));
        QCOMPARE(routed.status, 200);
        QCOMPARE(m_fake->lastChatRequest().path, QByteArray("/v1/chat/completions"));
        QCOMPARE(m_fake->lastChatRequest().body[QLatin1String("model")].toString(), QStringLiteral("plain"));

        const HttpTestReply health = client.get(backend->url(QStringLiteral("/health")));
        const QJsonArray upstreams = health.json()[QLatin1String("upstreams")].toArray();
        QCOMPARE(upstreams.size(), 3);
        QCOMPARE(upstreams.at(0)[QLatin1String("reachable")].toBool(), true);
        QCOMPARE(upstreams.at(2)[QLatin1String("reachable")].toBool(true), false);
    }

    void streaming_isOpenAiShapedFromEitherUpstream_data()
    {
        QTest::addColumn<bool>("ollama");
        QTest::addColumn<int>("splitBytes");
        QTest::newRow("openai") << false << 0;
        QTest::newRow("openai, 7-byte pieces") << false << 7;
        QTest::newRow("ollama") << true << 0;
        QTest::newRow("ollama, 5-byte pieces") << true << 5;
    }

    // Two servers with a model of the same name: the first's is "plain", the second's "ollama-2/plain".
    // When the first stops answering, "plain" does not move to the second's model: it is not listed, and a
    // request for it fails as unreachable instead of being answered by a server the client did not choose.
    void aModelsIdStaysItsServersWhileThatServerIsDown()
    {
        auto first = std::make_unique<FakeUpstream>();
        FakeScript plain;
        plain.content = {QStringLiteral("Hello")};
        first->setScript(QStringLiteral("plain"), plain);
        QVERIFY(first->start());
        auto backend = BackendFixture::startedWith({first->ollamaSpec(), m_fake->ollamaSpec()});
        QVERIFY(backend);
        HttpTestClient client;
        const auto ids = [&] {
            QStringList listed;
            const HttpTestReply reply = client.get(backend->url(QStringLiteral("/v1/models")));
            for (const QJsonValue &model : reply.json()[QLatin1String("data")].toArray())
                listed.append(model[QLatin1String("id")].toString());
            return listed;
        };
        QVERIFY2(ids().contains(QStringLiteral("plain")) && ids().contains(QStringLiteral("ollama-2/plain")),
            qPrintable(ids().join(u' ')));

        first.reset(); // its port refuses now
        const QStringList whileDown = ids();
        QVERIFY2(!whileDown.contains(QStringLiteral("plain")), qPrintable(whileDown.join(u' ')));
        QVERIFY(whileDown.contains(QStringLiteral("ollama-2/plain")));
        m_fake->clearRequests();
        const RawHttpResponse refused = rawPost(backend->backend().baseUrl(),
            QStringLiteral("/v1/chat/completions"), chatBody(QStringLiteral("plain"), false));
        QCOMPARE(refused.status, 502);
        QCOMPARE(
            QJsonDocument::fromJson(refused.body)[QLatin1String("error")][QLatin1String("code")].toString(),
            QStringLiteral("upstream_unreachable"));
        QVERIFY(m_fake->lastChatRequest().path.isEmpty()); // the second server was not asked
        // The second's own id still reaches it.
        QCOMPARE(rawPost(backend->backend().baseUrl(), QStringLiteral("/v1/chat/completions"),
                     chatBody(QStringLiteral("ollama-2/plain"), false))
                     .status,
            200);
    }

    void streaming_isOpenAiShapedFromEitherUpstream()
    {
        QFETCH(bool, ollama);
        QFETCH(int, splitBytes);
        FakeScript script = thinkingScript();
        script.splitBytes = splitBytes;
        script.promptTokens = 17;
        m_fake->setScript(QStringLiteral("thinker"), script);
        auto backend = BackendFixture::startedWith(ollama ? m_fake->ollamaSpec() : m_fake->openAiSpec());
        QVERIFY(backend);
        const RawHttpResponse response = rawPost(backend->backend().baseUrl(),
            QStringLiteral("/v1/chat/completions"),
            chatBody(QStringLiteral("thinker"), true,
                {{QStringLiteral("stream_options"), QJsonObject {{QStringLiteral("include_usage"), true}}}}));
        QCOMPARE(response.status, 200);
        QVERIFY(response.header("content-type").startsWith("text/event-stream"));
        QCOMPARE(response.header("cache-control"), QByteArray("no-cache"));
        QVERIFY(!response.header("x-session-id").isEmpty());
        QVERIFY(response.chunkedComplete);
        QCOMPARE(response.sseData().last(), QByteArray("[DONE]"));

        const QList<QJsonObject> events = jsonEvents(response);
        QVERIFY(events.size() >= 4);
        QCOMPARE(events.first()[QLatin1String("choices")][0][QLatin1String("delta")][QLatin1String("role")]
                     .toString(),
            QStringLiteral("assistant"));
        const QString id = events.first()[QLatin1String("id")].toString();
        QVERIFY(id.startsWith(QLatin1String("chatcmpl-")));
        for (const QJsonObject &event : events) {
            QCOMPARE(event[QLatin1String("id")].toString(), id);
            QCOMPARE(event[QLatin1String("created")], events.first()[QLatin1String("created")]);
            QCOMPARE(event[QLatin1String("object")].toString(), QStringLiteral("chat.completion.chunk"));
        }
        QCOMPARE(joined(events, "content"), script.content.join(QString()));
        QCOMPARE(joined(events, "reasoning_content"), script.reasoning.join(QString()));
        // One downstream chunk per upstream delta: nothing merged, nothing held back.
        qsizetype contentChunks = 0;
        for (const QJsonObject &event : events)
            contentChunks
                += event[QLatin1String("choices")][0][QLatin1String("delta")][QLatin1String("content")]
                       .toString()
                       .isEmpty()
                ? 0
                : 1;
        QCOMPARE(contentChunks, script.content.size());

        const QJsonObject finish = events.at(events.size() - 2);
        QCOMPARE(finish[QLatin1String("choices")][0][QLatin1String("finish_reason")].toString(),
            QStringLiteral("stop"));
        const QJsonObject usage = events.last();
        QCOMPARE(usage[QLatin1String("choices")].toArray().size(), 0);
        QCOMPARE(usage[QLatin1String("usage")][QLatin1String("prompt_tokens")].toInt(), 17);
        QCOMPARE(usage[QLatin1String("usage")][QLatin1String("completion_tokens")].toInt(), 6);
        QCOMPARE(usage[QLatin1String("usage")][QLatin1String("total_tokens")].toInt(), 23);
    }

    void streaming_withoutIncludeUsage_hasNoUsageChunk()
    {
        auto backend = BackendFixture::startedWith(m_fake->openAiSpec());
        const RawHttpResponse response = rawPost(backend->backend().baseUrl(),
            QStringLiteral("/v1/chat/completions"), chatBody(QStringLiteral("plain"), true));
        for (const QJsonObject &event : jsonEvents(response)) {
            QVERIFY(!event[QLatin1String("usage")].isObject());
            QCOMPARE(event[QLatin1String("choices")].toArray().size(), 1);
        }
    }

    void thinkTagsInContent_becomeReasoning()
    {
        FakeScript script;
        script.reasoningInTags = true;
        script.reasoning = {QStringLiteral("<thi"), QStringLiteral("nk>weighing "),
            QStringLiteral("options</th"), QStringLiteral("ink>\n\n")};
        script.content = {QStringLiteral("Blue.")};
        script.splitBytes = 3;
        m_fake->setScript(QStringLiteral("tagged"), script);
        auto backend = BackendFixture::startedWith(m_fake->openAiSpec());
        const RawHttpResponse response = rawPost(backend->backend().baseUrl(),
            QStringLiteral("/v1/chat/completions"), chatBody(QStringLiteral("tagged"), true));
        const QList<QJsonObject> events = jsonEvents(response);
        QCOMPARE(joined(events, "reasoning_content"), QStringLiteral("weighing options"));
        QCOMPARE(joined(events, "content"), QStringLiteral("Blue."));
    }

    void nonStreaming_returnsOneCompletion()
    {
        auto backend = BackendFixture::startedWith(m_fake->ollamaSpec());
        HttpTestClient client;
        const HttpTestReply reply = client.send("POST", backend->url(QStringLiteral("/v1/chat/completions")),
            chatBody(QStringLiteral("thinker"), false));
        QCOMPARE(reply.status, 200);
        const QJsonObject completion = reply.json().object();
        QCOMPARE(completion[QLatin1String("object")].toString(), QStringLiteral("chat.completion"));
        const QJsonObject choice = completion[QLatin1String("choices")][0].toObject();
        QCOMPARE(choice[QLatin1String("finish_reason")].toString(), QStringLiteral("stop"));
        QCOMPARE(
            choice[QLatin1String("message")][QLatin1String("role")].toString(), QStringLiteral("assistant"));
        QCOMPARE(choice[QLatin1String("message")][QLatin1String("content")].toString(),
            QStringLiteral("Because of Rayleigh scattering."));
        QVERIFY(choice[QLatin1String("message")][QLatin1String("reasoning_content")].toString().contains(
            QLatin1String("Rayleigh")));
        QCOMPARE(completion[QLatin1String("usage")][QLatin1String("prompt_tokens")].toInt(), 11);
        QVERIFY(!reply.header("x-session-id").isEmpty());
    }

    void requestIsForwardedWhole()
    {
        auto backend = BackendFixture::startedWith(m_fake->ollamaSpec());
        const QJsonArray history {QJsonObject {{QStringLiteral("role"), QStringLiteral("system")},
                                      {QStringLiteral("content"), QStringLiteral("Be brief.")}},
            userMessage(QStringLiteral("Hi")),
            QJsonObject {{QStringLiteral("role"), QStringLiteral("assistant")},
                {QStringLiteral("content"), QStringLiteral("Hello!")}},
            userMessage(QStringLiteral("Why is the sky blue?"))};
        const RawHttpResponse response
            = rawPost(backend->backend().baseUrl(), QStringLiteral("/v1/chat/completions"),
                chatBody(QStringLiteral("plain"), false,
                    {{QStringLiteral("messages"), history}, {QStringLiteral("max_tokens"), 50},
                        {QStringLiteral("temperature"), 0.3}, {QStringLiteral("seed"), 42},
                        {QStringLiteral("stop"), QJsonArray {QStringLiteral("\n\n")}},
                        {QStringLiteral("frequency_penalty"), 0.5},
                        {QStringLiteral("some_future_field"), true}}));
        QCOMPARE(response.status, 200);
        const QJsonObject sent = m_fake->lastChatRequest().body;
        QCOMPARE(sent[QLatin1String("messages")].toArray().size(), 4);
        QCOMPARE(sent[QLatin1String("messages")][2][QLatin1String("content")].toString(),
            QStringLiteral("Hello!"));
        const QJsonObject options = sent[QLatin1String("options")].toObject();
        QCOMPARE(options[QLatin1String("num_predict")].toInt(), 50);
        QCOMPARE(options[QLatin1String("temperature")].toDouble(), 0.3);
        QCOMPARE(options[QLatin1String("seed")].toInt(), 42);
        QCOMPARE(options[QLatin1String("frequency_penalty")].toDouble(), 0.5);
        QCOMPARE(options[QLatin1String("stop")].toArray(), QJsonArray {QStringLiteral("\n\n")});
    }

    void toolCalls_passThrough_data()
    {
        QTest::addColumn<bool>("ollama");
        QTest::newRow("openai") << false;
        QTest::newRow("ollama") << true;
    }

    void toolCalls_passThrough()
    {
        QFETCH(bool, ollama);
        FakeScript script;
        script.toolCalls = {QJsonObject {{QStringLiteral("name"), QStringLiteral("get_weather")},
            {QStringLiteral("arguments"), QJsonObject {{QStringLiteral("city"), QStringLiteral("Oslo")}}}}};
        m_fake->setScript(QStringLiteral("tooler"), script);
        auto backend = BackendFixture::startedWith(ollama ? m_fake->ollamaSpec() : m_fake->openAiSpec());
        const QJsonArray tools {QJsonObject {{QStringLiteral("type"), QStringLiteral("function")},
            {QStringLiteral("function"),
                QJsonObject {{QStringLiteral("name"), QStringLiteral("get_weather")}}}}};
        const RawHttpResponse streamed
            = rawPost(backend->backend().baseUrl(), QStringLiteral("/v1/chat/completions"),
                chatBody(QStringLiteral("tooler"), true, {{QStringLiteral("tools"), tools}}));
        QCOMPARE(m_fake->lastChatRequest().body[QLatin1String("tools")].toArray(), tools);
        const QList<QJsonObject> events = jsonEvents(streamed);
        QString arguments;
        QString name;
        for (const QJsonObject &event : events) {
            for (const QJsonValue &call :
                event[QLatin1String("choices")][0][QLatin1String("delta")][QLatin1String("tool_calls")]
                    .toArray()) {
                QCOMPARE(call[QLatin1String("index")].toInt(), 0);
                name += call[QLatin1String("function")][QLatin1String("name")].toString();
                arguments += call[QLatin1String("function")][QLatin1String("arguments")].toString();
            }
        }
        QCOMPARE(name, QStringLiteral("get_weather"));
        QCOMPARE(QJsonDocument::fromJson(arguments.toUtf8())[QLatin1String("city")].toString(),
            QStringLiteral("Oslo"));
        QCOMPARE(events.last()[QLatin1String("choices")][0][QLatin1String("finish_reason")].toString(),
            QStringLiteral("tool_calls"));

        HttpTestClient client;
        const HttpTestReply whole = client.send("POST", backend->url(QStringLiteral("/v1/chat/completions")),
            chatBody(QStringLiteral("tooler"), false, {{QStringLiteral("tools"), tools}}));
        const QJsonObject message
            = whole.json()[QLatin1String("choices")][0][QLatin1String("message")].toObject();
        QVERIFY(message[QLatin1String("content")].isNull());
        QCOMPARE(message[QLatin1String("tool_calls")][0][QLatin1String("function")][QLatin1String("name")]
                     .toString(),
            QStringLiteral("get_weather"));
    }

    void upstreamErrors_keepTheirMeaning_data()
    {
        QTest::addColumn<bool>("ollama");
        QTest::addColumn<bool>("stream");
        QTest::newRow("openai") << false << false;
        QTest::newRow("openai stream") << false << true;
        QTest::newRow("ollama") << true << false;
        QTest::newRow("ollama stream") << true << true;
    }

    void upstreamErrors_keepTheirMeaning()
    {
        QFETCH(bool, ollama);
        QFETCH(bool, stream);
        FakeScript limited;
        limited.status = 429;
        limited.errorMessage = QStringLiteral("quota exceeded");
        limited.retryAfterSeconds = 17;
        m_fake->setScript(QStringLiteral("limited"), limited);
        FakeScript silent = thinkingScript();
        silent.firstByteDelayMs = 3000;
        m_fake->setScript(QStringLiteral("silent"), silent);
        auto backend
            = BackendFixture::startedWith(ollama ? m_fake->ollamaSpec() : m_fake->openAiSpec(), {}, 700);
        const QUrl base = backend->backend().baseUrl();
        const QString path = QStringLiteral("/v1/chat/completions");

        const RawHttpResponse unknown
            = rawPost(base, path, chatBody(QStringLiteral("no-such-model"), stream));
        QCOMPARE(unknown.status, 404);
        const QJsonObject error = QJsonDocument::fromJson(unknown.body)[QLatin1String("error")].toObject();
        // From an OpenAI-compatible upstream its own answer comes as it is; Ollama's is put in OpenAI's
        // shape.
        QCOMPARE(error[QLatin1String("type")].toString(),
            ollama ? QStringLiteral("not_found_error") : QStringLiteral("invalid_request_error"));
        QCOMPARE(error[QLatin1String("code")].toString(), QStringLiteral("model_not_found"));
        QVERIFY(error[QLatin1String("message")].toString().contains(QLatin1String("no-such-model")));

        const RawHttpResponse quota = rawPost(base, path, chatBody(QStringLiteral("limited"), stream));
        QCOMPARE(quota.status, 429);
        QVERIFY(quota.body.contains("quota exceeded"));
        QVERIFY(!quota.body.contains("\"content\"")); // never a fake successful answer
        // The upstream's Retry-After reaches the client, whose SDK waits that long, on every API.
        QCOMPARE(quota.header("retry-after"), QByteArray("17"));
        const QByteArray said = stream ? "true" : "false";
        const QList<QPair<QString, QByteArray>> otherApis {
            {QStringLiteral("/v1/messages"),
                R"({"model":"limited","max_tokens":16,"messages":[{"role":"user","content":"hi"}],"stream":)"
                    + said + "}"},
            {QStringLiteral("/v1/responses"), R"({"model":"limited","input":"hi","stream":)" + said + "}"},
            {QStringLiteral("/api/chat"),
                R"({"model":"limited","messages":[{"role":"user","content":"hi"}],"stream":)" + said + "}"}};
        for (const auto &[route, body] : otherApis) {
            const RawHttpResponse limitedThere = rawPost(base, route, body);
            QCOMPARE(limitedThere.status, 429);
            QVERIFY2(limitedThere.header("retry-after") == "17", qPrintable(route));
        }

        const RawHttpResponse timeout = rawPost(base, path, chatBody(QStringLiteral("silent"), stream));
        QCOMPARE(timeout.status, 504);

        auto unreachable = BackendFixture::startedWith(ollama ? QStringLiteral("ollama:http://127.0.0.1:1")
                                                              : QStringLiteral("openai:http://127.0.0.1:1"));
        QCOMPARE(
            rawPost(unreachable->backend().baseUrl(), path, chatBody(QStringLiteral("plain"), stream)).status,
            502);
    }

    void failureMidStream_endsWithAnErrorEvent_data() { MidStreamFailure::addRows(); }

    void failureMidStream_endsWithAnErrorEvent()
    {
        QFETCH(bool, ollama);
        QFETCH(bool, breakConnection);
        m_fake->setScript(
            QStringLiteral("fragile"), MidStreamFailure::failing(thinkingScript(), breakConnection, 4));
        auto backend = BackendFixture::startedWith(ollama ? m_fake->ollamaSpec() : m_fake->openAiSpec());
        const RawHttpResponse response
            = rawPost(backend->backend().baseUrl(), QStringLiteral("/v1/chat/completions"),
                chatBody(QStringLiteral("fragile"), true), {{"X-Session-Id", "fragile-1"}});
        QCOMPARE(response.status, 200);
        QVERIFY(response.chunkedComplete); // a clean end of the HTTP stream
        const QList<QJsonObject> events = jsonEvents(response);
        const QJsonObject last = events.last();
        QVERIFY2(last.contains(QLatin1String("error")), response.body.constData());
        if (!breakConnection)
            QVERIFY(last[QLatin1String("error")][QLatin1String("message")].toString().contains(
                MidStreamFailure::message()));
        QVERIFY(!response.sseData().contains("[DONE]"));
        // Only what the upstream said before it failed: the first content delta, nothing invented.
        QCOMPARE(joined(events, "content"), QStringLiteral("Because "));

        // The session's failure says in fields what failed, for a window to word in its language: which
        // upstream, whether the answer was cut off, and only the upstream's own words as the detail.
        const auto failure = [&] {
            for (const QJsonValue &event : backend->storedEvents(QStringLiteral("fragile-1"))) {
                const QJsonObject data = event[QLatin1String("data")].toObject();
                if (data[QLatin1String("current_activity")].toString() == QLatin1String("failed"))
                    return data;
            }
            return QJsonObject();
        };
        QTRY_VERIFY(!failure().isEmpty());
        const QJsonObject failed = failure();
        QVERIFY(!failed[QLatin1String("upstream")].toString().isEmpty());
        QVERIFY(!failed[QLatin1String("code")].toString().isEmpty());
        QCOMPARE(failed[QLatin1String("cut_off")].toBool(), breakConnection);
        QCOMPARE(failed[QLatin1String("detail")].toString(),
            breakConnection ? QString() : MidStreamFailure::message());
        QVERIFY(failed[QLatin1String("message")].toString().startsWith(QLatin1String("Failed: upstream '")));
    }

    void clientDisconnect_abortsTheUpstreamRequest()
    {
        FakeScript slow;
        for (int i = 0; i < 50; ++i)
            slow.content.append(QStringLiteral("word "));
        slow.delayMs = 100;
        m_fake->setScript(QStringLiteral("slow"), slow);
        auto backend = BackendFixture::startedWith(m_fake->openAiSpec());
        QTcpSocket socket;
        QVERIFY(sendStreamedChat(socket, *backend, QStringLiteral("slow")));
        QByteArray received;
        QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).contains("word"), 10000);
        QCOMPARE(m_fake->abandonedResponses(), 0);
        socket.abort();
        // The fake would write for 5 s more; Ponder must hang up on it long before.
        QTRY_COMPARE_WITH_TIMEOUT(m_fake->abandonedResponses(), 1, 3000);
        QCOMPARE(backend->backend().chat().running(), 0);
    }

    // Stopped while it reasons (the client hangs up), the reasoning it gave still becomes steps to its last
    // word: the window drew the unfinished paragraph below "Stopped", unnumbered.
    void aStoppedAnswersLastStepIsTheReasoningItHadBegun()
    {
        FakeScript slow;
        slow.reasoning = {
            QStringLiteral("First, the question."), QStringLiteral("\n\n"), QStringLiteral("Then I weigh")};
        for (int i = 0; i < 50; ++i)
            slow.reasoning.append(QStringLiteral(" more"));
        slow.delayMs = 100;
        m_fake->setScript(QStringLiteral("slow-thinker"), slow);
        auto backend = BackendFixture::startedWith(m_fake->openAiSpec());
        QTcpSocket socket;
        QVERIFY(sendStreamedChat(
            socket, *backend, QStringLiteral("slow-thinker"), "X-Session-Id: stopped-r\r\n"));
        QByteArray received;
        QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).contains("Then I weigh"), 10000);
        socket.abort();
        QStringList steps;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                steps.clear();
                bool ended = false;
                for (const QJsonValue &event : backend->storedEvents(QStringLiteral("stopped-r"))) {
                    const QJsonObject data = event[QLatin1String("data")].toObject();
                    if (event[QLatin1String("type")].toString() == QLatin1String("thinking_step"))
                        steps << data[QLatin1String("content")].toString();
                    ended = ended
                        || data[QLatin1String("current_activity")].toString() == QLatin1String("aborted");
                }
                return ended;
            }(),
            10000);
        // (How the segmenter cuts the paragraphs is its own business: the last step ends where the model
        // did.)
        QVERIFY(!steps.isEmpty());
        QVERIFY2(steps.first().startsWith(QLatin1String("First, the question.")), qPrintable(steps.first()));
        QVERIFY2(steps.last().contains(QLatin1String("Then I weigh")), qPrintable(steps.last()));
    }

    void upstreamConnections_areReused_andAStaleOneIsRetried()
    {
        auto backend = BackendFixture::startedWith(m_fake->openAiSpec());
        const QUrl base = backend->backend().baseUrl();
        const QString path = QStringLiteral("/v1/chat/completions");
        QCOMPARE(rawPost(base, path, chatBody(QStringLiteral("plain"), true)).status, 200);
        QCOMPARE(rawPost(base, path, chatBody(QStringLiteral("plain"), false)).status, 200);
        QCOMPARE(m_fake->connectionsAccepted(), 1);

        // The server hangs up on the reused connection: the request goes again on a new one.
        m_fake->hangUpOnNextReuse();
        const RawHttpResponse retried = rawPost(base, path, chatBody(QStringLiteral("plain"), true));
        QCOMPARE(retried.status, 200);
        QCOMPARE(joined(jsonEvents(retried), "content"), QStringLiteral("Hello, world"));
        QCOMPARE(m_fake->connectionsAccepted(), 2);
    }

    void upstreamKey_isSent_andARejectedKeyIsABadGateway()
    {
        m_fake->setRequiredKey("sk-upstream");
        ServerOptions keyed;
        QString error;
        UpstreamConfig upstream = *UpstreamConfig::parse(m_fake->openAiSpec(), &error);
        upstream.apiKey = QStringLiteral("sk-upstream");
        keyed.upstreams.append(upstream);
        auto backend = BackendFixture::startedWith(QStringList {}, keyed);
        const QString path = QStringLiteral("/v1/chat/completions");
        QCOMPARE(rawPost(backend->backend().baseUrl(), path, chatBody(QStringLiteral("plain"), false)).status,
            200);
        QCOMPARE(m_fake->lastChatRequest().header("authorization"), QByteArray("Bearer sk-upstream"));

        // Without the key the upstream says 401; that is Ponder's problem, not the client's: 502.
        auto keyless = BackendFixture::startedWith(m_fake->openAiSpec());
        const RawHttpResponse rejected
            = rawPost(keyless->backend().baseUrl(), path, chatBody(QStringLiteral("plain"), false));
        QCOMPARE(rejected.status, 502);
        QCOMPARE(
            QJsonDocument::fromJson(rejected.body)[QLatin1String("error")][QLatin1String("code")].toString(),
            QStringLiteral("upstream_auth_failed"));
        QVERIFY(rejected.body.contains("Incorrect API key provided"));
    }

    void keepAlive_commentsWhileTheUpstreamIsSilent()
    {
        FakeScript sleepy;
        sleepy.content = {QStringLiteral("finally")};
        sleepy.firstByteDelayMs = 900;
        m_fake->setScript(QStringLiteral("sleepy"), sleepy);
        ServerOptions options;
        options.chatLimits.keepAliveMs = 200;
        auto backend = BackendFixture::startedWith(m_fake->openAiSpec(), options);
        const RawHttpResponse response = rawPost(backend->backend().baseUrl(),
            QStringLiteral("/v1/chat/completions"), chatBody(QStringLiteral("sleepy"), true));
        QCOMPARE(response.status, 200);
        QVERIFY(response.body.contains(": keep-alive\n\n"));
        QCOMPARE(joined(jsonEvents(response), "content"), QStringLiteral("finally"));
        QCOMPARE(response.sseData().last(), QByteArray("[DONE]"));
    }

    void invalidRequests_are400WithTheParam()
    {
        auto backend = BackendFixture::startedWith(m_fake->openAiSpec());
        const QUrl base = backend->backend().baseUrl();
        const QString path = QStringLiteral("/v1/chat/completions");
        const RawHttpResponse badJson = rawPost(base, path, "{\"model\":");
        QCOMPARE(badJson.status, 400);
        QCOMPARE(
            QJsonDocument::fromJson(badJson.body)[QLatin1String("error")][QLatin1String("type")].toString(),
            QStringLiteral("invalid_request_error"));
        const RawHttpResponse badField = rawPost(
            base, path, chatBody(QStringLiteral("plain"), true, {{QStringLiteral("temperature"), 9}}));
        QCOMPARE(badField.status, 400);
        QCOMPARE(
            QJsonDocument::fromJson(badField.body)[QLatin1String("error")][QLatin1String("param")].toString(),
            QStringLiteral("temperature"));
        QCOMPARE(rawPost(base, path, "[1,2]").status, 400);
        // Numbers past any integer (undefined behaviour to convert once), and a session id that is no string.
        for (const auto &[field, value] : {std::pair {"max_tokens", QJsonValue(1e300)},
                 std::pair {"seed", QJsonValue(-1e300)}, std::pair {"session_id", QJsonValue(7)}}) {
            const RawHttpResponse refused = rawPost(
                base, path, chatBody(QStringLiteral("plain"), false, {{QLatin1String(field), value}}));
            QCOMPARE(refused.status, 400);
            const QJsonValue error = QJsonDocument::fromJson(refused.body)[QLatin1String("error")];
            QCOMPARE(error[QLatin1String("param")].toString(), QLatin1String(field));
            QCOMPARE(error[QLatin1String("type")].toString(), QStringLiteral("invalid_request_error"));
        }
        QCOMPARE(m_fake->requests().size(), 0); // nothing reached the upstream
    }

    void limits_bodySizeAndConcurrency()
    {
        FakeScript slow;
        slow.content = {QStringLiteral("a"), QStringLiteral("b")};
        slow.delayMs = 1500;
        m_fake->setScript(QStringLiteral("slow"), slow);
        ServerOptions options;
        options.chatLimits.maxBodyBytes = 2000;
        options.maxConcurrentGenerations = 1;
        auto backend = BackendFixture::startedWith(m_fake->openAiSpec(), options);
        const QUrl base = backend->backend().baseUrl();
        const QString path = QStringLiteral("/v1/chat/completions");
        const RawHttpResponse tooBig = rawPost(base, path,
            chatBody(QStringLiteral("plain"), false,
                {{QStringLiteral("messages"), QJsonArray {userMessage(QString(3000, QLatin1Char('x')))}}}));
        QCOMPARE(tooBig.status, 413);

        QTcpSocket first;
        first.connectToHost(QHostAddress::LocalHost, backend->backend().port());
        QVERIFY(first.waitForConnected(5000));
        const QByteArray body = chatBody(QStringLiteral("slow"), true);
        first.write("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QTRY_COMPARE_WITH_TIMEOUT(backend->backend().chat().running(), 1, 5000);
        const RawHttpResponse busy = rawPost(base, path, chatBody(QStringLiteral("plain"), false));
        QCOMPARE(busy.status, 429);
        QCOMPARE(QJsonDocument::fromJson(busy.body)[QLatin1String("error")][QLatin1String("type")].toString(),
            QStringLiteral("rate_limit_error"));
        QCOMPARE(busy.header("retry-after"), QByteArray("1")); // when clients' SDKs ask again
    }

    void everyCompletion_isAVisibleSession()
    {
        FakeScript counted = thinkingScript();
        counted.completionTokens = 42; // more tokens than deltas, as when a delta carries several
        m_fake->setScript(QStringLiteral("thinker"), counted);
        auto backend = BackendFixture::startedWith(m_fake->ollamaSpec());
        // A watcher connects first, as the desktop window or a browser would.
        QWebSocket watcher;
        QList<QJsonObject> seen;
        connect(&watcher, &QWebSocket::textMessageReceived, this,
            [&](const QString &text) { seen.append(QJsonDocument::fromJson(text.toUtf8()).object()); });
        const RawHttpResponse response = rawPost(backend->backend().baseUrl(),
            QStringLiteral("/v1/chat/completions"), chatBody(QStringLiteral("thinker"), true),
            {{"X-Session-Id", "watched-1"}, {"User-Agent", "OpenAI/Python 1.54.0"}});
        QCOMPARE(response.header("x-session-id"), QByteArray("watched-1"));
        watcher.open(backend->webSocketUrl(QStringLiteral("/ws/sessions/watched-1")));
        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(seen.begin(), seen.end(),
                [](const QJsonObject &m) {
                    return m[QLatin1String("data")][QLatin1String("update_type")].toString()
                        == QLatin1String("completion");
                }),
            10000);

        QStringList activities;
        QStringList thinkingTypes;
        QList<int> stepNumbers;
        QString thinkingText;
        QString prompt;
        QString answer;
        for (const QJsonObject &message : seen) {
            const QJsonObject data = message[QLatin1String("data")].toObject();
            if (message[QLatin1String("type")].toString() == QLatin1String("progress_update"))
                activities.append(data[QLatin1String("current_activity")].toString());
            if (data[QLatin1String("current_activity")].toString() == QLatin1String("received"))
                prompt = data[QLatin1String("prompt")].toString();
            if (data[QLatin1String("current_activity")].toString() == QLatin1String("answering")) {
                QCOMPARE(
                    data[QLatin1String("update_type")].toString(), QStringLiteral("intermediate_result"));
                answer += data[QLatin1String("message")].toString();
            }
            if (message[QLatin1String("type")].toString() == QLatin1String("thinking_step")) {
                thinkingTypes.append(data[QLatin1String("thinking_type")].toString());
                stepNumbers.append(data[QLatin1String("context_used")][QLatin1String("step")].toInt());
                thinkingText += data[QLatin1String("content")].toString();
            }
        }
        QCOMPARE(activities.first(), QStringLiteral("received"));
        QVERIFY(activities.contains(QStringLiteral("waiting")));
        QVERIFY(activities.contains(QStringLiteral("generating")));
        QVERIFY(activities.contains(QStringLiteral("thinking")));
        QCOMPARE(activities.last(), QStringLiteral("done"));
        // Watchers see what was asked and the answer as it streamed, and who asked.
        QCOMPARE(prompt, QStringLiteral("Why is the sky blue?"));
        QCOMPARE(answer, QStringLiteral("Because of Rayleigh scattering."));
        HttpTestClient client;
        const QJsonObject session
            = client.get(backend->url(QStringLiteral("/api/streaming/sessions/watched-1"))).json().object();
        QCOMPARE(session[QLatin1String("system_context")][QLatin1String("client")].toString(),
            QStringLiteral("OpenAI/Python 1.54.0"));
        // Neutral, numbered steps: nothing in the model's words names a kind ("So the answer is" is no
        // label).
        QCOMPARE(thinkingTypes, (QStringList {QStringLiteral("reasoning"), QStringLiteral("reasoning")}));
        QCOMPARE(stepNumbers, (QList<int> {1, 2}));
        QVERIFY(thinkingText.contains(QLatin1String("Rayleigh scattering of short wavelengths")));
        const QJsonObject completion = seen.last()[QLatin1String("data")].toObject();
        QCOMPARE(completion[QLatin1String("metrics")][QLatin1String("prompt_tokens")].toInt(), 11);
        QVERIFY(completion[QLatin1String("metrics")][QLatin1String("ttft_ms")].isDouble());
        // The last figures count the upstream's tokens, as the answer's footer does, not the deltas.
        const QJsonObject figures = completion[QLatin1String("metrics")].toObject();
        QCOMPARE(figures[QLatin1String("completion_tokens")].toInteger(), 42);
        QCOMPARE(figures[QLatin1String("tokens")].toInteger(), 42);
    }

    // A step lasts as long as its reasoning took: the first one begins with the first token, not with the
    // request (the wait for the upstream is the request's own moment, before it).
    void theFirstStepBeginsWithTheFirstToken()
    {
        FakeScript slowStart = thinkingScript();
        slowStart.firstByteDelayMs = 400;
        m_fake->setScript(QStringLiteral("slow-start"), slowStart);
        auto backend = BackendFixture::startedWith(m_fake->ollamaSpec());
        const RawHttpResponse response
            = rawPost(backend->backend().baseUrl(), QStringLiteral("/v1/chat/completions"),
                chatBody(QStringLiteral("slow-start"), true), {{"X-Session-Id", "slow-start-1"}});
        QCOMPARE(response.status, 200);
        QJsonObject firstToken;
        QJsonObject firstStep;
        QTRY_VERIFY([&] {
            for (const QJsonValue &event : backend->storedEvents(QStringLiteral("slow-start-1"))) {
                const QJsonObject data = event[QLatin1String("data")].toObject();
                if (firstToken.isEmpty()
                    && data[QLatin1String("current_activity")].toString() == QLatin1String("generating"))
                    firstToken = data;
                if (firstStep.isEmpty()
                    && event[QLatin1String("type")].toString() == QLatin1String("thinking_step"))
                    firstStep = data;
            }
            return !firstToken.isEmpty() && !firstStep.isEmpty();
        }());
        const auto msOf = [](const QJsonObject &event) {
            return QDateTime::fromString(event[QLatin1String("timestamp")].toString(), Qt::ISODateWithMs)
                .toMSecsSinceEpoch();
        };
        const qint64 stepBegan
            = msOf(firstStep) - qRound64(firstStep[QLatin1String("estimated_duration")].toDouble() * 1000);
        // Timestamps are in whole milliseconds: one of rounding.
        QVERIFY2(stepBegan >= msOf(firstToken) - 1,
            qPrintable(QStringLiteral("the step began %1 ms before the first token")
                           .arg(msOf(firstToken) - stepBegan)));
    }

    void history_isSavedAndContinued_andStatelessWritesNothing()
    {
        auto backend = BackendFixture::startedWith(m_fake->ollamaSpec());
        const QString database = backend->backend().history()->databasePath();
        const QUrl base = backend->backend().baseUrl();
        const QString path = QStringLiteral("/v1/chat/completions");
        QCOMPARE(rawPost(base, path,
                     chatBody(QStringLiteral("plain"), false,
                         {{QStringLiteral("session_id"), QStringLiteral("conv-1")}}))
                     .status,
            200);
        QTRY_COMPARE_WITH_TIMEOUT(countRows(database, QStringLiteral("messages")), 2, 5000);

        const QJsonArray continued {userMessage(QStringLiteral("Why is the sky blue?")),
            QJsonObject {{QStringLiteral("role"), QStringLiteral("assistant")},
                {QStringLiteral("content"), QStringLiteral("Hello, world")}},
            userMessage(QStringLiteral("And sunsets?"))};
        QCOMPARE(rawPost(base, path,
                     chatBody(QStringLiteral("plain"), true, {{QStringLiteral("messages"), continued}}),
                     {{"X-Session-Id", "conv-1"}})
                     .status,
            200);
        QTRY_COMPARE_WITH_TIMEOUT(countRows(database, QStringLiteral("messages")), 4, 5000);
        QCOMPARE(countRows(database, QStringLiteral("conversations")), 1);
        QList<StoredMessage> stored;
        backend->backend().history()->messages(
            QStringLiteral("conv-1"), [&](const QList<StoredMessage> &list) { stored = list; });
        QTRY_COMPARE(stored.size(), 4);
        QCOMPARE(stored.at(2).content, QStringLiteral("And sunsets?"));
        QCOMPARE(stored.at(3).role, QStringLiteral("assistant"));
        QCOMPARE(stored.at(3).content, QStringLiteral("Hello, world"));
        QCOMPARE(stored.at(3).promptTokens.value_or(-1), 11);

        // What the window's sidebar will use: list, rename, delete (messages go with their conversation).
        ConversationStore &history = *backend->backend().history();
        QList<ConversationSummary> conversations;
        history.conversations([&](const QList<ConversationSummary> &list) { conversations = list; });
        QTRY_COMPARE(conversations.size(), 1);
        QCOMPARE(conversations.first().title, QStringLiteral("Why is the sky blue?"));
        QCOMPARE(conversations.first().messageCount, 4);
        std::optional<bool> renamed;
        history.rename(QStringLiteral("conv-1"), QStringLiteral("Sky"), [&](bool ok) { renamed = ok; });
        QTRY_VERIFY(renamed.has_value());
        QVERIFY(*renamed);
        std::optional<bool> renamedMissing;
        history.rename(QStringLiteral("nope"), QStringLiteral("x"), [&](bool ok) { renamedMissing = ok; });
        QTRY_VERIFY(renamedMissing.has_value());
        QVERIFY(!*renamedMissing);
        history.conversations([&](const QList<ConversationSummary> &list) { conversations = list; });
        QTRY_COMPARE(conversations.first().title, QStringLiteral("Sky"));

        // save_conversation: false leaves the database exactly as it was.
        QTest::qWait(300); // let SQLite settle its WAL before taking the "before" picture
        const QFileInfo before(database);
        const qint64 sizeBefore = before.size();
        const QDateTime modifiedBefore = before.lastModified();
        QCOMPARE(rawPost(base, path,
                     chatBody(QStringLiteral("thinker"), true,
                         {{QStringLiteral("save_conversation"), false},
                             {QStringLiteral("session_id"), QStringLiteral("private-1")}}))
                     .status,
            200);
        QTest::qWait(500);
        QCOMPARE(countRows(database, QStringLiteral("messages")), 4);
        QCOMPARE(countRows(database, QStringLiteral("conversations")), 1);
        const QFileInfo after(database);
        QCOMPARE(after.size(), sizeBefore);
        QCOMPARE(after.lastModified(), modifiedBefore);

        std::optional<bool> removed;
        history.remove(QStringLiteral("conv-1"), [&](bool ok) { removed = ok; });
        QTRY_VERIFY(removed.has_value());
        QVERIFY(*removed);
        QTRY_COMPARE(countRows(database, QStringLiteral("messages")), 0);
        QCOMPARE(countRows(database, QStringLiteral("conversations")), 0);

        // Stateless mode: no database at all, while watchers still get the events.
        ServerOptions stateless;
        stateless.stateless = true;
        auto quiet = BackendFixture::startedWith(m_fake->ollamaSpec(), stateless);
        QVERIFY(!quiet->backend().history());
        QCOMPARE(rawPost(quiet->backend().baseUrl(), path,
                     chatBody(QStringLiteral("plain"), false,
                         {{QStringLiteral("session_id"), QStringLiteral("s-1")}}))
                     .status,
            200);
        HttpTestClient client;
        QTRY_VERIFY(client.get(quiet->url(QStringLiteral("/api/streaming/sessions/s-1/events")))
                        .json()[QLatin1String("events")]
                        .toArray()
                        .size()
            >= 3);
        QVERIFY(QDir(quiet->dataDir()).entryList(QDir::Files | QDir::NoDotAndDotDot).isEmpty());
    }

    void access_hostOriginAndToken()
    {
        ServerOptions options;
        options.access.apiKey = QStringLiteral("s3cret");
        options.access.allowedOrigins = {QStringLiteral("https://chat.example")};
        auto backend = BackendFixture::startedWith(m_fake->openAiSpec(), options);
        const QUrl base = backend->backend().baseUrl();
        HttpTestClient client;
        const QUrl models = backend->url(QStringLiteral("/v1/models"));

        const HttpTestReply noKey = client.get(models);
        QCOMPARE(noKey.status, 401);
        QCOMPARE(noKey.json()[QLatin1String("error")][QLatin1String("type")].toString(),
            QStringLiteral("authentication_error"));
        QCOMPARE(client.get(models, {{"Authorization", "Bearer wrong"}}).status, 401);
        QCOMPARE(client.get(models, {{"Authorization", "Bearer s3cret"}}).status, 200);
        QCOMPARE(client.get(models, {{"X-Api-Key", "s3cret"}}).status, 200);
        QCOMPARE(client.get(backend->url(QStringLiteral("/api/streaming/sessions"))).status, 401);
        QCOMPARE(client.get(backend->url(QStringLiteral("/health"))).status, 200);

        // DNS rebinding: a page on evil.example resolving to 127.0.0.1 sends its own Host.
        const QByteArray rebound = rawHttpExchange(base,
            "GET /v1/models HTTP/1.1\r\nHost: evil.example:8009\r\nAuthorization: Bearer s3cret\r\n\r\n");
        QCOMPARE(parseRawResponse(rebound).status, 403);
        QCOMPARE(
            client.get(models, {{"Authorization", "Bearer s3cret"}, {"Host", "localhost:8009"}}).status, 200);

        const HttpTestReply badOrigin
            = client.get(models, {{"Authorization", "Bearer s3cret"}, {"Origin", "https://evil.example"}});
        QCOMPARE(badOrigin.status, 403);
        QCOMPARE(client.get(models, {{"Authorization", "Bearer s3cret"}, {"Origin", "null"}}).status, 403);
        const HttpTestReply goodOrigin
            = client.get(models, {{"Authorization", "Bearer s3cret"}, {"Origin", "https://chat.example"}});
        QCOMPARE(goodOrigin.status, 200);
        QCOMPARE(goodOrigin.header("access-control-allow-origin"), QByteArray("https://chat.example"));
        QCOMPARE(client.get(models, {{"Authorization", "Bearer s3cret"}, {"Origin", "http://localhost:3000"}})
                     .status,
            200);

        const HttpTestReply preflight
            = client.send("OPTIONS", backend->url(QStringLiteral("/v1/chat/completions")), {},
                {{"Origin", "https://chat.example"}, {"Access-Control-Request-Method", "POST"},
                    {"Access-Control-Request-Headers", "authorization, content-type"}});
        QCOMPARE(preflight.status, 204);
        QVERIFY(preflight.header("access-control-allow-methods").contains("POST"));
        QCOMPARE(preflight.header("access-control-allow-headers"), QByteArray("authorization, content-type"));
        QCOMPARE(preflight.header("access-control-allow-origin"), QByteArray("https://chat.example"));

        // WebSockets need the key too (as a header, or ?api_key= where a browser cannot set one).
        QWebSocket refused;
        refused.open(backend->webSocketUrl(QStringLiteral("/ws/sessions/anything")));
        QTRY_VERIFY_WITH_TIMEOUT(refused.state() == QAbstractSocket::UnconnectedState, 5000);
        QWebSocket accepted;
        QUrl keyed = backend->webSocketUrl(QStringLiteral("/ws/sessions/anything"));
        keyed.setQuery(QStringLiteral("api_key=s3cret"));
        bool opened = false;
        connect(&accepted, &QWebSocket::connected, this, [&] { opened = true; });
        accepted.open(keyed);
        QTRY_VERIFY_WITH_TIMEOUT(opened, 5000);
    }
};

QTEST_GUILESS_MAIN(ChatApiTest)
#include "tst_chat_api.moc"
