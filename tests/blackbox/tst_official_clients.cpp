// SPDX-License-Identifier: MIT
// Black box: the built `ponder serve` in front of the fake upstream, driven by the official `ollama` npm
// client (tests/e2e/ollama_check.mjs) on both upstream kinds, and by the official `openai` client
// (tests/e2e/relay_check.mjs) in front of a llama.cpp-like upstream: nothing it sent may be lost.
#include "FakeAnswers.h"
#include "FakeUpstream.h"
#include "PonderProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

FakeScript thinker()
{
    FakeScript script;
    script.reasoning = {QStringLiteral("Light scatters; "), QStringLiteral("blue most.")};
    script.content = {QStringLiteral("Rayleigh "), QStringLiteral("scattering.")};
    script.promptTokens = 9;
    script.capabilities = {QStringLiteral("completion"), QStringLiteral("thinking")};
    script.delayMs = 3;
    return script;
}

QJsonArray embedding(const QString &text)
{
    QJsonArray values;
    for (const double value : FakeAnswers::embeddingOf(text, 4))
        values.append(value);
    return values;
}

} // namespace

class OfficialClientsTest : public QObject
{
    Q_OBJECT

private:
    // Runs a script of tests/e2e with node while this process's event loop keeps the fake upstream going.
    QJsonObject runNode(const QStringList &arguments)
    {
        QProcess node;
        node.setWorkingDirectory(QStringLiteral(PONDER_E2E_DIR));
        node.start(QStringLiteral(PONDER_NODE_EXECUTABLE), arguments);
        if (!QTest::qWaitFor([&] { return node.state() == QProcess::NotRunning; }, 120000))
            return {};
        const QByteArray errors = node.readAllStandardError();
        if (node.exitStatus() != QProcess::NormalExit || node.exitCode() != 0)
            qWarning().noquote() << errors;
        return QJsonDocument::fromJson(node.readAllStandardOutput()).object();
    }

private Q_SLOTS:
    void ollamaClient_onEitherUpstreamKind_data()
    {
        QTest::addColumn<bool>("ollamaUpstream");
        QTest::newRow("ollama upstream") << true;
        QTest::newRow("openai upstream") << false;
    }

    void ollamaClient_onEitherUpstreamKind()
    {
        QFETCH(bool, ollamaUpstream);
        FakeUpstream fake;
        QVERIFY(fake.start());
        fake.setScript(QStringLiteral("thinker"), thinker());
        QTemporaryDir dataDir;
        PonderProcess ponder;
        QVERIFY(ponder.startServe(
            {QStringLiteral("--upstream"), ollamaUpstream ? fake.ollamaSpec() : fake.openAiSpec()},
            dataDir.path()));
        const QJsonObject result = runNode(
            {QStringLiteral("ollama_check.mjs"), ponder.baseUrl().toString(), QStringLiteral("thinker")});
        QVERIFY2(!result.isEmpty(), "ollama_check.mjs failed");

        QCOMPARE(result[QLatin1String("list")].toArray(), QJsonArray {QStringLiteral("thinker")});
        if (ollamaUpstream)
            QCOMPARE(result[QLatin1String("show")][QLatin1String("capabilities")].toArray(),
                (QJsonArray {QStringLiteral("completion"), QStringLiteral("thinking")}));
        const QJsonObject chat = result[QLatin1String("chat")].toObject();
        QCOMPARE(chat[QLatin1String("content")].toString(), QStringLiteral("Rayleigh scattering."));
        QCOMPARE(chat[QLatin1String("thinking")].toString(), QStringLiteral("Light scatters; blue most."));
        QCOMPARE(chat[QLatin1String("doneReason")].toString(), QStringLiteral("stop"));
        QCOMPARE(chat[QLatin1String("evalCount")].toInt(), 4);
        QVERIFY(chat[QLatin1String("parts")].toInt() >= 5); // streamed, one part per delta and the last
        const QJsonObject generated = result[QLatin1String("generate")].toObject();
        QCOMPARE(generated[QLatin1String("response")].toString(), QStringLiteral("Rayleigh scattering."));
        QCOMPARE(generated[QLatin1String("promptEvalCount")].toInt(), 9);
        const QJsonObject embedded = result[QLatin1String("embed")].toObject();
        QCOMPARE(embedded[QLatin1String("count")].toInt(), 2);
        QCOMPARE(embedded[QLatin1String("first")].toArray(), embedding(QStringLiteral("sky")));
        const QJsonObject unknown = result[QLatin1String("unknownModel")].toObject();
        QCOMPARE(unknown[QLatin1String("name")].toString(), QStringLiteral("ResponseError"));
        QCOMPARE(unknown[QLatin1String("status")].toInt(), 404);
        QVERIFY(ponder.stop(SIGTERM));
    }

    void openAiClient_getsEverythingLlamaCppSent()
    {
        FakeUpstream fake;
        QVERIFY(fake.start());
        fake.setScript(QStringLiteral("llama"), thinker());
        FakeScript small;
        small.status = 400;
        small.errorBody
            = R"({"error":{"code":400,"message":"the request exceeds the available context size, try increasing it","type":"exceed_context_size_error","n_prompt_tokens":5021,"n_ctx":4096}})";
        fake.setScript(QStringLiteral("small"), small);
        QTemporaryDir dataDir;
        PonderProcess ponder;
        QVERIFY(ponder.startServe({QStringLiteral("--upstream"), fake.openAiSpec()}, dataDir.path()));
        const QJsonObject result
            = runNode({QStringLiteral("relay_check.mjs"), ponder.baseUrl().toString() + QStringLiteral("/v1"),
                QStringLiteral("llama"), QStringLiteral("small")});
        QVERIFY2(!result.isEmpty(), "relay_check.mjs failed");

        const QJsonArray tokens {QStringLiteral("Rayleigh "), QStringLiteral("scattering.")};
        const QJsonObject streamed = result[QLatin1String("streamed")].toObject();
        QCOMPARE(streamed[QLatin1String("tokens")].toArray(), tokens);
        QCOMPARE(streamed[QLatin1String("topPerToken")].toArray(), (QJsonArray {2, 2}));
        QCOMPARE(streamed[QLatin1String("fingerprint")].toString(), QStringLiteral("b6399-fake"));
        QCOMPARE(streamed[QLatin1String("cached")].toInt(), 3);
        const QJsonObject whole = result[QLatin1String("whole")].toObject();
        QCOMPARE(whole[QLatin1String("tokens")].toArray(), tokens);
        QCOMPARE(whole[QLatin1String("fingerprint")].toString(), QStringLiteral("b6399-fake"));
        QCOMPARE(whole[QLatin1String("cached")].toInt(), 3);
        QCOMPARE(whole[QLatin1String("timings")][QLatin1String("predicted_ms")].toDouble(), 250.25);
        const QJsonObject embedded = result[QLatin1String("embeddings")].toObject();
        QCOMPARE(embedded[QLatin1String("count")].toInt(), 2);
        QCOMPARE(embedded[QLatin1String("first")].toArray(), embedding(QStringLiteral("sky")));
        const QJsonObject tooLong = result[QLatin1String("tooLong")].toObject();
        QCOMPARE(tooLong[QLatin1String("name")].toString(), QStringLiteral("BadRequestError"));
        QCOMPARE(tooLong[QLatin1String("status")].toInt(), 400);
        QCOMPARE(tooLong[QLatin1String("error")][QLatin1String("type")].toString(),
            QStringLiteral("exceed_context_size_error"));
        QCOMPARE(tooLong[QLatin1String("error")][QLatin1String("n_ctx")].toInt(), 4096);
        QCOMPARE(tooLong[QLatin1String("error")][QLatin1String("n_prompt_tokens")].toInt(), 5021);
        QVERIFY(ponder.stop(SIGTERM));
    }
};

QTEST_GUILESS_MAIN(OfficialClientsTest)
#include "tst_official_clients.moc"
