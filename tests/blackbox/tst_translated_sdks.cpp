// SPDX-License-Identifier: MIT
// Black box: the built `ponder serve` in front of the fake upstream, driven by the official clients of the
// APIs Ponder translates: `openai`'s Responses API (tests/e2e/responses_check.mjs) and `@anthropic-ai/sdk`
// (tests/e2e/anthropic_check.mjs), each onto an Ollama model and onto an OpenAI-compatible one.
#include "FakeUpstream.h"
#include "PonderProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

QJsonObject object(const QJsonObject &parent, const char *name)
{
    return parent.value(QLatin1String(name)).toObject();
}

} // namespace

class TranslatedSdksTest : public QObject
{
    Q_OBJECT

private:
    FakeUpstream m_fake;
    QTemporaryDir m_dataDir;
    PonderProcess m_ponder;

    // The messages of the request that carried the tool's output back, as the upstream heard them.
    QJsonArray messagesWithToolOutput() const
    {
        for (const FakeRequest &request : m_fake.requests()) {
            const QJsonArray messages = request.body[QLatin1String("messages")].toArray();
            if (!messages.isEmpty()
                && messages.last()[QLatin1String("content")].toString() == QLatin1String("sunny, 21 C"))
                return messages;
        }
        return {};
    }

    // Runs a check script with node while this process's event loop keeps the fake upstream answering.
    QJsonObject runScript(const QString &script, const QString &baseUrl, const QString &prefix)
    {
        QProcess node;
        node.setWorkingDirectory(QStringLiteral(PONDER_E2E_DIR));
        node.start(QStringLiteral(PONDER_NODE_EXECUTABLE),
            {script, baseUrl, prefix + QStringLiteral("thinker"), prefix + QStringLiteral("caller"),
                prefix + QStringLiteral("failing")});
        if (!QTest::qWaitFor([&] { return node.state() == QProcess::NotRunning; }, 120000)) {
            node.kill();
            qWarning() << "node did not finish";
            return {};
        }
        const QByteArray errors = node.readAllStandardError();
        if (node.exitStatus() != QProcess::NormalExit || node.exitCode() != 0) {
            qWarning().noquote() << "node failed:" << errors;
            return {};
        }
        const QJsonObject result = QJsonDocument::fromJson(node.readAllStandardOutput()).object();
        if (result.isEmpty())
            qWarning().noquote() << "node printed no result:" << errors;
        return result;
    }

private Q_SLOTS:
    void init() { m_fake.clearRequests(); }

    void initTestCase()
    {
        QVERIFY(m_fake.start());
        FakeScript thinker;
        thinker.reasoning = {QStringLiteral("Light scatters; "), QStringLiteral("blue scatters most.")};
        thinker.content = {QStringLiteral("Rayleigh "), QStringLiteral("scattering.")};
        thinker.promptTokens = 9;
        m_fake.setScript(QStringLiteral("thinker"), thinker);
        FakeScript caller;
        caller.reasoning = {QStringLiteral("I need the weather.")};
        caller.toolCalls = {QJsonObject {{QStringLiteral("name"), QStringLiteral("get_weather")},
            {QStringLiteral("arguments"), QJsonObject {{QStringLiteral("city"), QStringLiteral("Paris")}}}}};
        m_fake.setScript(QStringLiteral("caller"), caller);
        FakeScript failing = thinker;
        failing.errorAfterDeltas = 3;
        failing.errorMessage = QStringLiteral("the GPU fell over");
        m_fake.setScript(QStringLiteral("failing"), failing);
        // Both kinds on one fake: "thinker" is Ollama's, "openai/thinker" the OpenAI-compatible one's.
        QVERIFY(m_ponder.startServe({QStringLiteral("--upstream"), m_fake.ollamaSpec(),
                                        QStringLiteral("--upstream"), m_fake.openAiSpec()},
            m_dataDir.path()));
    }

    void cleanupTestCase() { QVERIFY(m_ponder.stop(SIGTERM)); }

    void responses_officialClient_data()
    {
        QTest::addColumn<QString>("prefix");
        QTest::newRow("onto ollama") << QString();
        QTest::newRow("onto openai-compatible") << QStringLiteral("openai/");
    }

    void responses_officialClient()
    {
        QFETCH(QString, prefix);
        const QJsonObject result = runScript(QStringLiteral("responses_check.mjs"),
            m_ponder.baseUrl().toString() + QStringLiteral("/v1"), prefix);
        QVERIFY(!result.isEmpty());

        const QJsonObject whole = object(result, "whole");
        QCOMPARE(whole[QLatin1String("object")].toString(), QStringLiteral("response"));
        QCOMPARE(whole[QLatin1String("status")].toString(), QStringLiteral("completed"));
        QCOMPARE(whole[QLatin1String("outputText")].toString(), QStringLiteral("Rayleigh scattering."));
        QCOMPARE(whole[QLatin1String("types")].toArray(),
            (QJsonArray {QStringLiteral("reasoning"), QStringLiteral("message")}));
        QCOMPARE(whole[QLatin1String("reasoning")].toString(),
            QStringLiteral("Light scatters; blue scatters most."));
        QCOMPARE(whole[QLatin1String("inputTokens")].toInt(), 9);

        const QJsonObject streamed = object(result, "streamed");
        QCOMPARE(streamed[QLatin1String("status")].toString(), QStringLiteral("completed"));
        QCOMPARE(streamed[QLatin1String("reasoning")].toString(), QStringLiteral("I need the weather."));
        QVERIFY(streamed[QLatin1String("argumentDeltas")].toInt() >= 1);
        QCOMPARE(streamed[QLatin1String("first")].toString(), QStringLiteral("response.created"));
        QCOMPARE(streamed[QLatin1String("last")].toString(), QStringLiteral("response.completed"));
        QCOMPARE(object(streamed, "call")[QLatin1String("name")].toString(), QStringLiteral("get_weather"));
        QCOMPARE(object(object(streamed, "call"), "arguments"),
            (QJsonObject {{QStringLiteral("city"), QStringLiteral("Paris")}}));

        const QJsonObject continued = object(result, "continued");
        QCOMPARE(continued[QLatin1String("outputText")].toString(), QStringLiteral("Rayleigh scattering."));
        QVERIFY(continued[QLatin1String("previous")].toString().startsWith(QLatin1String("resp_")));
        // The upstream heard the whole conversation: the question, the call, and its output.
        const QJsonArray sent = messagesWithToolOutput();
        QVERIFY(sent.size() >= 3);
        QCOMPARE(sent[sent.size() - 1][QLatin1String("content")].toString(), QStringLiteral("sunny, 21 C"));
        QCOMPARE(sent[sent.size() - 2][QLatin1String("role")].toString(), QStringLiteral("assistant"));
        QCOMPARE(
            sent[sent.size() - 3][QLatin1String("content")].toString(), QStringLiteral("Weather in Paris?"));
        QVERIFY(object(result, "retrieved")[QLatin1String("sameAsStreamed")].toBool());

        const QJsonObject raw = object(result, "raw");
        QVERIFY(raw[QLatin1String("ordered")].toBool());
        QCOMPARE(raw[QLatin1String("last")].toString(), QStringLiteral("response.completed"));

        QCOMPARE(object(result, "unknownModel")[QLatin1String("name")].toString(),
            QStringLiteral("NotFoundError"));
        QCOMPARE(object(result, "unknownPrevious")[QLatin1String("name")].toString(),
            QStringLiteral("BadRequestError"));
        QVERIFY(object(result, "midStream")[QLatin1String("message")].toString().contains(
            QLatin1String("the GPU fell over")));
    }

    void anthropic_officialClient_data()
    {
        QTest::addColumn<QString>("prefix");
        QTest::newRow("onto ollama") << QString();
        QTest::newRow("onto openai-compatible") << QStringLiteral("openai/");
    }

    void anthropic_officialClient()
    {
        QFETCH(QString, prefix);
        const QJsonObject result
            = runScript(QStringLiteral("anthropic_check.mjs"), m_ponder.baseUrl().toString(), prefix);
        QVERIFY(!result.isEmpty());

        const QJsonObject whole = object(result, "whole");
        QCOMPARE(whole[QLatin1String("type")].toString(), QStringLiteral("message"));
        QCOMPARE(whole[QLatin1String("text")].toString(), QStringLiteral("Rayleigh scattering."));
        QCOMPARE(whole[QLatin1String("stopReason")].toString(), QStringLiteral("end_turn"));
        QCOMPARE(object(whole, "usage")[QLatin1String("input_tokens")].toInt(), 9);

        const QJsonObject streamed = object(result, "streamed");
        QCOMPARE(streamed[QLatin1String("thinking")].toString(),
            QStringLiteral("Light scatters; blue scatters most."));
        QCOMPARE(streamed[QLatin1String("text")].toString(), QStringLiteral("Rayleigh scattering."));
        QCOMPARE(streamed[QLatin1String("blocks")].toArray(),
            (QJsonArray {QStringLiteral("thinking"), QStringLiteral("text")}));
        QCOMPARE(streamed[QLatin1String("finalThinking")].toString(),
            QStringLiteral("Light scatters; blue scatters most."));
        QCOMPARE(streamed[QLatin1String("first")].toString(), QStringLiteral("message_start"));
        QCOMPARE(streamed[QLatin1String("last")].toString(), QStringLiteral("message_stop"));
        QCOMPARE(object(streamed, "usage")[QLatin1String("input_tokens")].toInt(), 9);
        QCOMPARE(object(streamed, "usage")[QLatin1String("output_tokens")].toInt(), 4);

        const QJsonObject tools = object(result, "tools");
        QCOMPARE(tools[QLatin1String("stopReason")].toString(), QStringLiteral("tool_use"));
        QCOMPARE(tools[QLatin1String("name")].toString(), QStringLiteral("get_weather"));
        QCOMPARE(object(tools, "input"), (QJsonObject {{QStringLiteral("city"), QStringLiteral("Paris")}}));
        QCOMPARE(tools[QLatin1String("answer")].toString(), QStringLiteral("Rayleigh scattering."));
        const QJsonArray sent = messagesWithToolOutput();
        QVERIFY(sent.size() >= 3);
        QCOMPARE(sent.last()[QLatin1String("role")].toString(), QStringLiteral("tool"));
        QCOMPARE(sent[sent.size() - 2][QLatin1String("tool_calls")][0][QLatin1String("function")]
                     [QLatin1String("name")]
                         .toString(),
            QStringLiteral("get_weather"));

        const QJsonObject missing = object(result, "missingMaxTokens");
        QCOMPARE(missing[QLatin1String("name")].toString(), QStringLiteral("BadRequestError"));
        QCOMPARE(missing[QLatin1String("type")].toString(), QStringLiteral("invalid_request_error"));
        const QJsonObject unknown = object(result, "unknownModel");
        QCOMPARE(unknown[QLatin1String("name")].toString(), QStringLiteral("NotFoundError"));
        QCOMPARE(unknown[QLatin1String("type")].toString(), QStringLiteral("not_found_error"));
        QVERIFY(object(result, "midStream")[QLatin1String("message")].toString().contains(
            QLatin1String("the GPU fell over")));

        const QJsonObject counted = object(result, "countTokens");
        if (prefix.isEmpty()) {
            QCOMPARE(counted[QLatin1String("status")].toInt(), 501);
            QCOMPARE(counted[QLatin1String("type")].toString(), QStringLiteral("api_error"));
        } else {
            QVERIFY(counted[QLatin1String("tokens")].toInt() > 0);
        }
    }
};

QTEST_GUILESS_MAIN(TranslatedSdksTest)
#include "tst_translated_sdks.moc"
