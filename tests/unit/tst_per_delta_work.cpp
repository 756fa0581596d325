// SPDX-License-Identifier: MIT
// Work on one delta is linear in its size, on every path a delta takes (reasoning steps, think tags,
// NDJSON lines, SSE lines, tool-call fragments, the hub's reporter): each case feeds megabytes in the shape
// that made the earlier code quadratic. Measured on main in the debug build: a 2 MiB reasoning delta took
// 10 s and each doubling four times as long (the 64 MiB here: hours); an NDJSON line of 2 MiB sent a byte at
// a time took 125 s (8 MiB: over half an hour); 32 Ki tool-call fragments more than 200 s (256 Ki: days).
// Now each case takes seconds. No case times itself: each runs as a ctest of its own with a timeout of
// 300 s (tests/CMakeLists.txt), which is what fails quadratic code, and each checks what came out.
#include "chat/GenerationReporter.h"
#include "chat/ReasoningSegmenter.h"
#include "hub/StreamingHub.h"
#include "store/MemoryEventStore.h"
#include "upstream/CompletionTranscript.h"
#include "upstream/LineSplitter.h"
#include "upstream/SseParser.h"
#include "upstream/ThinkTagSplitter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

namespace {

// Sentences with no paragraph break: every step is cut at a sentence, MaxStepLength at most.
QString sentences(qsizetype characters)
{
    const QString sentence = QStringLiteral("The model keeps thinking about the same thing. ");
    return sentence.repeated(characters / sentence.size());
}

// A Generation the test drives by hand: deltas go out as an upstream's would.
class ScriptedGeneration : public Generation
{
public:
    ScriptedGeneration()
        : Generation(QStringLiteral("scripted"), QStringLiteral("model"), WireApi::OpenAiChat, nullptr)
    { }
    void reason(const QString &text) { emitReasoning(text); }
    void answer(const QString &text) { emitContent(text); }

protected:
    void readBody(const QByteArray &) override { }
    void endOfBody() override { }
};

} // namespace

class PerDeltaWorkTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aHugeReasoningDeltaIsCutInOnePass();
    void theReporterPublishesAHugeDeltaInBoundedEvents();
    void whitespaceBeforeAThinkTagIsNotScannedAgainAndAgain();
    void anNdjsonLineInTinyPiecesIsNotScannedAgainAndAgain();
    void sseLinesEndedByCarriageReturnsAreReadOnce();
    void toolCallArgumentsInManyFragmentsAreAppendedInPlace();
};

void PerDeltaWorkTest::aHugeReasoningDeltaIsCutInOnePass()
{
    const QString text = sentences(32 * 1024 * 1024); // 64 MiB of UTF-16
    ReasoningSegmenter segmenter;
    const QStringList steps = segmenter.feed(text);
    QVERIFY(steps.size() > text.size() / ReasoningSegmenter::MaxStepLength);
    qsizetype characters = 0;
    for (const QString &step : steps) {
        QVERIFY(step.size() <= ReasoningSegmenter::MaxStepLength + 1);
        characters += step.size();
    }
    QVERIFY(segmenter.heldBack() <= ReasoningSegmenter::MaxStepLength + 2);
    QVERIFY(
        characters + segmenter.heldBack() >= text.size() - steps.size()); // only spaces between steps dropped
}

void PerDeltaWorkTest::theReporterPublishesAHugeDeltaInBoundedEvents()
{
    MemoryEventStore store(StoreLimits {});
    StreamingHub hub(&store, HubLimits {});
    Session session;
    session.id = QStringLiteral("huge");
    bool created = false;
    store.createSession(session, [&](StoreStatus status) { created = status.ok(); });
    QTRY_VERIFY(created);
    qsizetype steps = 0;
    qsizetype aloud = 0;
    qsizetype largestAloud = 0;
    QList<int> numbers;
    connect(&store, &EventStore::eventAppended, this, [&](const StoredEvent &event) {
        const QJsonObject data = event.data.object();
        if (event.kind == EventKind::Thinking) {
            ++steps;
            if (numbers.size() < 3)
                numbers << data[QLatin1String("context_used")][QLatin1String("step")].toInt();
            QCOMPARE(data[QLatin1String("thinking_type")].toString(), QStringLiteral("reasoning"));
        } else if (data[QLatin1String("update_type")].toString() == QLatin1String("thinking_aloud")) {
            ++aloud;
            largestAloud = std::max(largestAloud, data[QLatin1String("message")].toString().size());
        }
    });
    qsizetype answered = 0;
    qsizetype largestAnswer = 0;
    qsizetype stepsBeforeTheAnswer = -1;
    connect(&store, &EventStore::eventAppended, this, [&](const StoredEvent &event) {
        const QJsonObject data = event.data.object();
        if (data[QLatin1String("current_activity")].toString() == QLatin1String("answering")) {
            if (stepsBeforeTheAnswer < 0)
                stepsBeforeTheAnswer = steps;
            answered += data[QLatin1String("message")].toString().size();
            largestAnswer = std::max(largestAnswer, data[QLatin1String("message")].toString().size());
        }
    });
    GenerationReporter reporter(hub, {session.id, QStringLiteral("model"), std::nullopt, {}}, nullptr);
    reporter.sessionReady(); // created above
    ScriptedGeneration generation;
    reporter.attach(&generation);
    const QString text = sentences(16 * 1024 * 1024);
    generation.reason(text);
    // Thousands of steps are not published in the one turn the delta came in: the server's other clients
    // would wait for all of them.
    const qsizetype allSteps = text.size() / ReasoningSegmenter::MaxStepLength;
    QVERIFY2(steps + aloud < allSteps / 10, qPrintable(QString::number(steps + aloud)));
    // The answer's text follows them, and is the sentinel: once it is out, so is everything before it.
    generation.answer(text);
    QTRY_VERIFY_WITH_TIMEOUT(answered > text.size() - 32 * 1024, 60'000);
    QVERIFY(steps > allSteps);
    QCOMPARE(stepsBeforeTheAnswer, steps); // in order: every step before the answer's first piece
    QCOMPARE(numbers, (QList<int> {1, 2, 3}));
    // The live text went out in pieces no larger than the streaming API's events may be.
    QVERIFY(aloud >= text.size() / (32 * 1024));
    QVERIFY(largestAloud <= 32 * 1024);
    // So does the answer's text: all of it but what waits for the next update (less than one event's worth).
    QVERIFY(answered <= text.size());
    QVERIFY(largestAnswer <= 32 * 1024);
}

void PerDeltaWorkTest::whitespaceBeforeAThinkTagIsNotScannedAgainAndAgain()
{
    // Two million deltas of one space: each used to search all the spaces before it for a <think> tag.
    ThinkTagSplitter splitter;
    qsizetype content = 0;
    for (int i = 0; i < 2 * 1024 * 1024; ++i) {
        for (const ThinkTagSplitter::Piece &piece : splitter.feed(QStringLiteral(" ")))
            content += piece.reasoning ? 0 : piece.text.size();
        if (splitter.heldBack() > ThinkTagSplitter::MaxHeldBack)
            QFAIL("held back more than its bound");
    }
    QCOMPARE(content, 2 * 1024 * 1024);
}

void PerDeltaWorkTest::anNdjsonLineInTinyPiecesIsNotScannedAgainAndAgain()
{
    // A line just under the bound (8 MiB) a byte at a time: each byte used to search the whole line so far
    // for its end.
    LineSplitter lines;
    const QByteArray line = "{\"message\":{\"thinking\":\"" + QByteArray(8 * 1024 * 1024 - 64, 'x') + "\"}}";
    for (char byte : line)
        QVERIFY(lines.feed(QByteArrayView(&byte, 1)).isEmpty());
    const QList<QByteArray> complete = lines.feed("\n");
    QCOMPARE(complete.size(), 1);
    QCOMPARE(complete.first().size(), line.size());
}

void PerDeltaWorkTest::sseLinesEndedByCarriageReturnsAreReadOnce()
{
    // A million lines ended by CR alone, in one read: looking for each line's LF in all the rest would be
    // quadratic.
    SseParser parser;
    const QList<SseEvent> events = parser.feed(QByteArray("data: x\r\r").repeated(1024 * 1024));
    QCOMPARE(events.size(), 1024 * 1024);
    QCOMPARE(events.last().data, QByteArray("x"));
}

void PerDeltaWorkTest::toolCallArgumentsInManyFragmentsAreAppendedInPlace()
{
    // 256 Ki fragments of 64 characters: each used to copy all the arguments so far into a new object.
    CompletionTranscript transcript;
    const QString piece = QStringLiteral("0123456789abcdef").repeated(4);
    const QJsonArray fragment {QJsonObject {{QStringLiteral("index"), 0},
        {QStringLiteral("function"), QJsonObject {{QStringLiteral("arguments"), piece}}}}};
    for (int i = 0; i < 256 * 1024; ++i)
        transcript.addToolCallFragments(fragment);
    const QString arguments
        = transcript.toolCallsJson()[0][QLatin1String("function")][QLatin1String("arguments")].toString();
    QCOMPARE(arguments.size(), piece.size() * 256 * 1024);
}

QTEST_GUILESS_MAIN(PerDeltaWorkTest)
#include "tst_per_delta_work.moc"
