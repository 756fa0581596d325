// SPDX-License-Identifier: MIT
// Black box: the built `ponder serve` in front of the fake upstream, driven by the official `openai`
// npm client (tests/e2e/sdk_check.mjs), exactly as a user's tools would drive it.
#include "FakeUpstream.h"
#include "PonderProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

class OpenAiSdkTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void officialClient_streamsWholeAndErrors()
    {
        FakeUpstream fake;
        QVERIFY(fake.start());
        FakeScript thinker;
        thinker.reasoning = {QStringLiteral("Light scatters; "), QStringLiteral("blue scatters most.")};
        thinker.content = {QStringLiteral("Rayleigh "), QStringLiteral("scattering.")};
        thinker.promptTokens = 9;
        thinker.delayMs = 5;
        fake.setScript(QStringLiteral("thinker"), thinker);
        FakeScript failing = thinker;
        failing.errorAfterDeltas = 3;
        failing.errorMessage = QStringLiteral("the GPU fell over");
        fake.setScript(QStringLiteral("failing"), failing);

        // The upstream wants a key; headless, Ponder takes it from the environment.
        fake.setRequiredKey("sk-from-env");
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PONDER_OPENAI_API_KEY"), QStringLiteral("sk-from-env"));

        QTemporaryDir dataDir;
        PonderProcess ponder;
        ponder.setEnvironment(environment);
        QVERIFY(ponder.startServe({QStringLiteral("--upstream"), fake.openAiSpec()}, dataDir.path()));

        QProcess node;
        node.setWorkingDirectory(QStringLiteral(PONDER_E2E_DIR));
        node.start(QStringLiteral(PONDER_NODE_EXECUTABLE),
            {QStringLiteral("sdk_check.mjs"), ponder.baseUrl().toString() + QStringLiteral("/v1"),
                QStringLiteral("thinker"), QStringLiteral("failing")});
        // The fake upstream lives in this process: keep the event loop running while node works.
        QTRY_VERIFY_WITH_TIMEOUT(node.state() == QProcess::NotRunning, 120000);
        const QByteArray errors = node.readAllStandardError();
        QVERIFY2(node.exitStatus() == QProcess::NormalExit && node.exitCode() == 0, errors.constData());
        const QJsonObject result = QJsonDocument::fromJson(node.readAllStandardOutput()).object();
        QVERIFY2(!result.isEmpty(), errors.constData());

        QCOMPARE(result[QLatin1String("models")].toArray(),
            (QJsonArray {QStringLiteral("failing"), QStringLiteral("thinker")}));

        const QJsonObject streamed = result[QLatin1String("streamed")].toObject();
        QCOMPARE(streamed[QLatin1String("firstRole")].toString(), QStringLiteral("assistant"));
        QCOMPARE(streamed[QLatin1String("content")].toString(), QStringLiteral("Rayleigh scattering."));
        QCOMPARE(streamed[QLatin1String("reasoning")].toString(),
            QStringLiteral("Light scatters; blue scatters most."));
        QCOMPARE(streamed[QLatin1String("finishReason")].toString(), QStringLiteral("stop"));
        QCOMPARE(streamed[QLatin1String("distinctIds")].toInt(), 1);
        QCOMPARE(streamed[QLatin1String("usage")][QLatin1String("prompt_tokens")].toInt(), 9);
        QCOMPARE(streamed[QLatin1String("usage")][QLatin1String("completion_tokens")].toInt(), 4);

        const QJsonObject helper = result[QLatin1String("helper")].toObject();
        QCOMPARE(helper[QLatin1String("content")].toString(), QStringLiteral("Rayleigh scattering."));
        QCOMPARE(helper[QLatin1String("deltas")].toInt(), 2);
        QCOMPARE(helper[QLatin1String("finishReason")].toString(), QStringLiteral("stop"));
        QCOMPARE(helper[QLatin1String("totalTokens")].toInt(), 13);

        const QJsonObject whole = result[QLatin1String("whole")].toObject();
        QCOMPARE(whole[QLatin1String("object")].toString(), QStringLiteral("chat.completion"));
        QCOMPARE(whole[QLatin1String("content")].toString(), QStringLiteral("Rayleigh scattering."));
        QCOMPARE(whole[QLatin1String("reasoning")].toString(),
            QStringLiteral("Light scatters; blue scatters most."));
        QCOMPARE(whole[QLatin1String("promptTokens")].toInt(), 9);

        const QJsonObject unknown = result[QLatin1String("unknownModel")].toObject();
        QCOMPARE(unknown[QLatin1String("name")].toString(), QStringLiteral("NotFoundError"));
        QCOMPARE(unknown[QLatin1String("status")].toInt(), 404);
        const QJsonObject badRequest = result[QLatin1String("badRequest")].toObject();
        QCOMPARE(badRequest[QLatin1String("name")].toString(), QStringLiteral("BadRequestError"));
        QVERIFY(badRequest[QLatin1String("message")].toString().contains(QLatin1String("temperature")));
        const QJsonObject midStream = result[QLatin1String("midStream")].toObject();
        QCOMPARE(midStream[QLatin1String("name")].toString(), QStringLiteral("APIError"));
        QVERIFY(midStream[QLatin1String("message")].toString().contains(QLatin1String("the GPU fell over")));

        QVERIFY(ponder.stop(SIGTERM));
    }
};

QTEST_GUILESS_MAIN(OpenAiSdkTest)
#include "tst_openai_sdk.moc"
