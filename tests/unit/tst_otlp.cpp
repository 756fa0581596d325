// SPDX-License-Identifier: MIT
// The OTLP receiver's pure parts: the protobuf and JSON readers, bounded gzip, and spans turned into steps
// by the GenAI semantic conventions.
#include "GzipTestData.h"
#include "api/otlp/TraceStepMove.h"
#include "http/GzipDecoder.h"
#include "hub/StreamingHub.h"
#include "otlp_trace_service.pb.h"
#include "protocols/otlp/GenAiContent.h"
#include "protocols/otlp/OtlpJsonReader.h"
#include "protocols/otlp/OtlpProtobufReader.h"
#include "protocols/otlp/SpanTranslator.h"
#include "store/MemoryEventStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

namespace pb = ponder::otlp;

const QByteArray TraceId = QByteArray::fromHex("4bf92f3577b34da6a3ce929d0e0e4736");
const QByteArray RootId = QByteArray::fromHex("00f067aa0ba902b7");
const QByteArray ChildId = QByteArray::fromHex("b7ad6b7169203331");

void setString(pb::KeyValue *pair, const char *key, const QString &value)
{
    pair->set_key(key);
    pair->mutable_value()->set_string_value(value.toStdString());
}

pb::Span *addSpan(
    pb::ExportTraceServiceRequest &request, const QByteArray &spanId, const QByteArray &parentId)
{
    if (request.resource_spans_size() == 0) {
        auto *resource = request.add_resource_spans();
        setString(resource->mutable_resource()->add_attributes(), "service.name", QStringLiteral("travel"));
        resource->add_scope_spans()->mutable_scope()->set_name("test");
    }
    pb::Span *span = request.mutable_resource_spans(0)->mutable_scope_spans(0)->add_spans();
    span->set_trace_id(TraceId.toStdString());
    span->set_span_id(spanId.toStdString());
    span->set_parent_span_id(parentId.toStdString());
    span->set_start_time_unix_nano(1'700'000'000'000'000'000ULL);
    span->set_end_time_unix_nano(1'700'000'002'500'000'000ULL);
    return span;
}

QByteArray bytesOf(const pb::ExportTraceServiceRequest &request)
{
    const std::string bytes = request.SerializeAsString();
    return QByteArray(bytes.data(), qsizetype(bytes.size()));
}

OtlpSpan spanWith(const OtlpAttributes &attributes, const QByteArray &parent = ChildId)
{
    OtlpSpan span;
    span.traceId = TraceId;
    span.spanId = RootId;
    span.parentSpanId = parent;
    span.name = QStringLiteral("a span");
    span.startUnixNano = 1'700'000'000'000'000'000ULL;
    span.endUnixNano = 1'700'000'001'000'000'000ULL;
    span.attributes = attributes;
    return span;
}

QJsonObject stepOf(const SpanSteps &steps, int index = 0)
{
    return steps.steps.at(index).toJson();
}

// A store whose reads fail after the first page: Redis going away between two pages of a move.
class StoreFailingLaterPages : public MemoryEventStore
{
public:
    using MemoryEventStore::MemoryEventStore;
    void read(const QString &sessionId, EventKind kind, StreamId after, int limit, ReadDone done) override
    {
        if (!after.isNull())
            return done(
                StoreStatus::failure(StoreStatus::Code::Unavailable, QStringLiteral("Redis went away")), {});
        MemoryEventStore::read(sessionId, kind, after, limit, std::move(done));
    }
};

// A trace's own session with `count` steps, and the conversation they move into.
std::pair<std::shared_ptr<TracedSession>, std::shared_ptr<TracedSession>> traceAndConversation(
    MemoryEventStore &store, int count)
{
    for (const char *id : {"trace-1", "conv-1"}) {
        Session session;
        session.id = QString::fromLatin1(id);
        session.createdAt = session.lastActivity = QDateTime::currentDateTimeUtc();
        store.createSession(session, [](StoreStatus status) { QVERIFY(status.ok()); });
    }
    QList<EventData> steps;
    for (int i = 0; i < count; ++i)
        steps << EventData(QJsonObject {{QStringLiteral("session_id"), QStringLiteral("trace-1")},
            {QStringLiteral("step_id"), QString::number(i)},
            {QStringLiteral("content"), QStringLiteral("x")}});
    store.appendMany(QStringLiteral("trace-1"), EventKind::Thinking, QStringLiteral("thinking_step"), steps,
        [](StoreStatus status, const QList<StoredEvent> &) { QVERIFY(status.ok()); });
    auto trace = std::make_shared<TracedSession>();
    trace->id = QStringLiteral("trace-1");
    trace->ours = trace->created = true;
    trace->steps = count;
    auto conversation = std::make_shared<TracedSession>();
    conversation->id = QStringLiteral("conv-1");
    conversation->ours = conversation->created = true;
    return {trace, conversation};
}

QList<StoredEvent> readAll(MemoryEventStore &store, const QString &id, EventKind kind)
{
    QList<StoredEvent> all;
    store.read(id, kind, StreamId(), 100000,
        [&all](StoreStatus, const QList<StoredEvent> &events) { all = events; });
    return all;
}

bool isActive(MemoryEventStore &store, const QString &id)
{
    bool active = false;
    store.session(id, [&active](StoreStatus status, const Session &session, const SessionStats &) {
        active = status.ok() && session.active;
    });
    return active;
}

} // namespace

class OtlpTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void protobufSpansAreReadWithEverythingPonderUses();
    void brokenProtobufIsRefusedAsAWhole();
    void spansWithBadIdsAreRefusedOneByOne();
    void tooManySpansAreRefusedBeforeTheyAreConverted();
    void jsonFollowsTheOtlpMapping();
    void jsonOfTheWrongShapeNamesWhere_data();
    void jsonOfTheWrongShapeNamesWhere();
    void enumsTakeEveryInt32AsProtobufDoes();
    void deeplyNestedValuesAreCut();
    void gzipIsInflatedWithinItsBound();
    void aGzipBombStopsAtTheBound();
    void brokenGzipIsCorrupt_data();
    void brokenGzipIsCorrupt();
    void genAiOperationsGiveTheStepKind_data();
    void genAiOperationsGiveTheStepKind();
    void aToolCallCarriesItsArgumentsAndResult();
    void aModelCallCarriesItsMessagesReasoningAndUsage();
    void olderContentEventsAreRead();
    void aFailedSpanIsAnErrorWithItsMessage();
    void aSpanNotEndedIsRunning();
    void unknownAttributesAreKeptWithinBounds();
    void titlesPreferTheRootAgent();
    void aTracesStepsMoveIntoItsConversationPageByPage();
    void aMoveThatFailsMidwayLeavesTheTraceListed();
};

void OtlpTest::protobufSpansAreReadWithEverythingPonderUses()
{
    pb::ExportTraceServiceRequest request;
    pb::Span *span = addSpan(request, ChildId, RootId);
    span->set_name("chat qwen3");
    span->set_kind(3);
    setString(span->add_attributes(), "gen_ai.operation.name", QStringLiteral("chat"));
    auto *tokens = span->add_attributes();
    tokens->set_key("gen_ai.usage.input_tokens");
    tokens->mutable_value()->set_int_value(9'007'199'254'740'993LL); // past 2^53: kept exact
    auto *list = span->add_attributes();
    list->set_key("list");
    list->mutable_value()->mutable_array_value()->add_values()->set_bool_value(true);
    list->mutable_value()->mutable_array_value()->add_values()->set_double_value(0.5);
    auto *kv = span->add_attributes();
    kv->set_key("kv");
    setString(kv->mutable_value()->mutable_kvlist_value()->add_values(), "inner", QStringLiteral("x"));
    auto *event = span->add_events();
    event->set_name("gen_ai.choice");
    event->set_time_unix_nano(1'700'000'001'000'000'000ULL);
    setString(event->add_attributes(), "content", QStringLiteral("hi"));
    span->mutable_status()->set_code(2);
    span->mutable_status()->set_message("boom");

    const OtlpReadResult read = OtlpProtobufReader::read(bytesOf(request));
    QCOMPARE(read.error, OtlpReadResult::Error::None);
    QCOMPARE(read.batch.spans.size(), 1);
    const OtlpSpan &got = read.batch.spans.first();
    QCOMPARE(got.traceId, TraceId);
    QCOMPARE(got.spanId, ChildId);
    QCOMPARE(got.parentSpanId, RootId);
    QCOMPARE(got.name, QStringLiteral("chat qwen3"));
    QCOMPARE(got.kind, 3);
    QCOMPARE(got.endUnixNano, 1'700'000'002'500'000'000ULL);
    QCOMPARE(otlpAttribute(got.attributes, QLatin1StringView("gen_ai.usage.input_tokens")).toInteger(),
        9'007'199'254'740'993LL);
    QCOMPARE(otlpAttribute(got.attributes, QLatin1StringView("list")).toArray(), (QJsonArray {true, 0.5}));
    QCOMPARE(otlpAttribute(got.attributes, QLatin1StringView("kv")).toObject(),
        (QJsonObject {{QStringLiteral("inner"), QStringLiteral("x")}}));
    QCOMPARE(got.events.size(), 1);
    QCOMPARE(got.events.first().name, QStringLiteral("gen_ai.choice"));
    QCOMPARE(got.statusCode, int(OtlpSpan::Error));
    QCOMPARE(got.statusMessage, QStringLiteral("boom"));
    QCOMPARE(read.batch.resources.at(got.resource).first().key, QStringLiteral("service.name"));
}

void OtlpTest::brokenProtobufIsRefusedAsAWhole()
{
    pb::ExportTraceServiceRequest request;
    addSpan(request, ChildId, RootId)->set_name("x");
    const QByteArray good = bytesOf(request);
    for (const QByteArray &bad : {good.left(good.size() - 3), QByteArray("\xff\xff\xff\xff\xff\xff", 6),
             QByteArray("{\"resourceSpans\":[]}")}) {
        const OtlpReadResult read = OtlpProtobufReader::read(bad);
        QCOMPARE(read.error, OtlpReadResult::Error::Malformed);
        QVERIFY(read.message.contains(QLatin1String("protobuf")));
    }
    QCOMPARE(OtlpProtobufReader::read(QByteArray()).error, OtlpReadResult::Error::None); // empty: no spans
}

void OtlpTest::spansWithBadIdsAreRefusedOneByOne()
{
    pb::ExportTraceServiceRequest request;
    addSpan(request, ChildId, RootId);
    addSpan(request, QByteArray(8, '\0'), {}); // an all-zero span id
    addSpan(request, QByteArray::fromHex("0102"), {}); // too short
    pb::Span *zeroTrace = addSpan(request, ChildId, {});
    zeroTrace->set_trace_id(std::string(16, '\0'));
    addSpan(request, RootId, QByteArray(8, '\0')); // a root written with a zero parent: fine
    const OtlpReadResult read = OtlpProtobufReader::read(bytesOf(request));
    QCOMPARE(read.error, OtlpReadResult::Error::None);
    QCOMPARE(read.batch.spans.size(), 2);
    QCOMPARE(read.batch.rejectedSpans, 3);
    QVERIFY(read.batch.rejection.contains(QLatin1String("span id")));
    QVERIFY(read.batch.spans.last().parentSpanId.isEmpty());
}

void OtlpTest::tooManySpansAreRefusedBeforeTheyAreConverted()
{
    pb::ExportTraceServiceRequest request;
    for (int i = 0; i <= OtlpLimits::MaxSpansPerRequest; ++i)
        addSpan(request, ChildId, RootId);
    QCOMPARE(OtlpProtobufReader::read(bytesOf(request)).error, OtlpReadResult::Error::TooManySpans);
    QByteArray json = R"({"resourceSpans":[{"scopeSpans":[{"spans":[)";
    for (int i = 0; i <= OtlpLimits::MaxSpansPerRequest; ++i)
        json += i ? ",{}" : "{}";
    json += "]}]}]}";
    const OtlpReadResult read = OtlpJsonReader::read(json);
    QCOMPARE(read.error, OtlpReadResult::Error::TooManySpans);
    QVERIFY(read.message.contains(QLatin1String("8193 spans")));
}

void OtlpTest::jsonFollowsTheOtlpMapping()
{
    const QByteArray json
        = R"({"resourceSpans":[{"resource":{"attributes":[{"key":"session.id","value":{"stringValue":"conv-1"}}]},
      "scopeSpans":[{"scope":{"name":"s"},"spans":[
        {"traceId":"4BF92F3577B34DA6A3CE929D0E0E4736","spanId":"b7ad6b7169203331","parentSpanId":"00f067aa0ba902b7",
         "name":"execute_tool get_weather","kind":1,"startTimeUnixNano":"1700000000000000000","endTimeUnixNano":1700000001000000000,
         "attributes":[{"key":"i","value":{"intValue":"42"}},{"key":"n","value":{"intValue":7}},{"key":"d","value":{"doubleValue":1.5}},
           {"key":"b","value":{"boolValue":false}},{"key":"nan","value":{"doubleValue":"NaN"}},{"key":"bytes","value":{"bytesValue":"AAE="}},
           {"key":"arr","value":{"arrayValue":{"values":[{"stringValue":"a"},{"intValue":"1"}]}}},
           {"key":"empty","value":{}},{"key":"future","value":{"someNewValue":1}}],
         "events":[{"timeUnixNano":"1700000000500000000","name":"e","attributes":[]}],
         "status":{"code":"STATUS_CODE_ERROR","message":"no weather"},"unknownMember":{"x":1}},
        {"trace_id":"4bf92f3577b34da6a3ce929d0e0e4736","span_id":"00f067aa0ba902b7","parent_span_id":"","name":"root",
         "start_time_unix_nano":"1700000000000000000","kind":"SPAN_KIND_SERVER"}]}]}]})";
    const OtlpReadResult read = OtlpJsonReader::read(json);
    QVERIFY2(read.error == OtlpReadResult::Error::None, qPrintable(read.message));
    QCOMPARE(read.batch.spans.size(), 2);
    const OtlpSpan &tool = read.batch.spans.at(0);
    QCOMPARE(tool.traceId, TraceId);
    QCOMPARE(tool.parentSpanId, RootId);
    QCOMPARE(tool.startUnixNano, 1'700'000'000'000'000'000ULL);
    QCOMPARE(tool.endUnixNano, 1'700'000'001'000'000'000ULL);
    QCOMPARE(otlpAttribute(tool.attributes, QLatin1StringView("i")).toInteger(), 42);
    QCOMPARE(otlpAttribute(tool.attributes, QLatin1StringView("n")).toInteger(), 7);
    QCOMPARE(otlpAttribute(tool.attributes, QLatin1StringView("d")).toDouble(), 1.5);
    QCOMPARE(otlpAttribute(tool.attributes, QLatin1StringView("b")).toBool(true), false);
    QVERIFY(otlpAttribute(tool.attributes, QLatin1StringView("nan")).isNull());
    QCOMPARE(otlpAttribute(tool.attributes, QLatin1StringView("bytes")).toString(), QStringLiteral("AAE="));
    QCOMPARE(otlpAttribute(tool.attributes, QLatin1StringView("arr")).toArray(),
        (QJsonArray {QStringLiteral("a"), 1}));
    QVERIFY(otlpAttribute(tool.attributes, QLatin1StringView("future")).isNull());
    QCOMPARE(tool.events.first().timeUnixNano, 1'700'000'000'500'000'000ULL);
    QCOMPARE(tool.statusCode, int(OtlpSpan::Error));
    const OtlpSpan &root = read.batch.spans.at(1);
    QVERIFY(root.parentSpanId.isEmpty());
    QCOMPARE(root.kind, 2);
    QCOMPARE(root.endUnixNano, 0ULL);
    QCOMPARE(read.batch.resources.first().first().value.toString(), QStringLiteral("conv-1"));
}

void OtlpTest::jsonOfTheWrongShapeNamesWhere_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("not JSON") << QByteArray("{\"resourceSpans\":[") << "not valid JSON";
    QTest::newRow("an array") << QByteArray("[]") << "JSON object";
    QTest::newRow("resourceSpans object")
        << QByteArray(R"({"resourceSpans":{}})") << "resourceSpans must be an array";
    QTest::newRow("spans of numbers") << QByteArray(R"({"resourceSpans":[{"scopeSpans":[{"spans":[1]}]}]})")
                                      << "resourceSpans[0].scopeSpans[0].spans[0] must be an object";
    QTest::newRow("time as text") << QByteArray(
        R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"startTimeUnixNano":"soon"}]}]}]})")
                                  << "spans[0].startTimeUnixNano must be an unsigned 64-bit integer";
    QTest::newRow("negative time") << QByteArray(
        R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"endTimeUnixNano":-5}]}]}]})")
                                   << "endTimeUnixNano";
    QTest::newRow("attribute without key")
        << QByteArray(R"({"resourceSpans":[{"resource":{"attributes":[{"value":{"stringValue":"x"}}]}}]})")
        << "resourceSpans[0].resource.attributes[0].key must be a string";
    QTest::newRow("intValue as words") << QByteArray(
        R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"attributes":[{"key":"k","value":{"intValue":"many"}}]}]}]}]})")
                                       << "attributes[0].value.intValue must be a 64-bit integer";
    QTest::newRow("status code unknown")
        << QByteArray(R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"status":{"code":"BAD"}}]}]}]})")
        << "status.code must be an enum value";
    QTest::newRow("kind beyond int32")
        << QByteArray(R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"kind":2147483648}]}]}]})")
        << "kind must be an enum value";
    QTest::newRow("trace id a number")
        << QByteArray(R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":5}]}]}]})")
        << "traceId must be a string";
}

void OtlpTest::jsonOfTheWrongShapeNamesWhere()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, mentions);
    const OtlpReadResult read = OtlpJsonReader::read(json);
    QCOMPARE(read.error, OtlpReadResult::Error::Malformed);
    QVERIFY2(read.message.contains(mentions), qPrintable(read.message));
    QVERIFY(read.batch.spans.isEmpty());
}

// Protobuf carries an enum as any int32: JSON takes the same range, so a span kind no spec names reads the
// same from both encodings (fuzz_otlp_protobuf found JSON refusing 1610605437, which protobuf took).
void OtlpTest::enumsTakeEveryInt32AsProtobufDoes()
{
    const OtlpReadResult read = OtlpJsonReader::read(QByteArray(
        R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"4bf92f3577b34da6a3ce929d0e0e4736",
        "spanId":"b7ad6b7169203331","kind":1610605437,"status":{"code":-2147483648}}]}]}]})"));
    QCOMPARE(read.error, OtlpReadResult::Error::None);
    QCOMPARE(read.batch.spans.first().kind, 1610605437);
    QCOMPARE(read.batch.spans.first().statusCode, INT32_MIN);
}

void OtlpTest::deeplyNestedValuesAreCut()
{
    QByteArray value = R"({"stringValue":"deep"})";
    for (int i = 0; i < 40; ++i)
        value = R"({"arrayValue":{"values":[)" + value + "]}}";
    const QByteArray json
        = R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"4bf92f3577b34da6a3ce929d0e0e4736",
        "spanId":"b7ad6b7169203331","attributes":[{"key":"k","value":)"
        + value + "}]}]}]}]}";
    const OtlpReadResult read = OtlpJsonReader::read(json);
    QCOMPARE(read.error, OtlpReadResult::Error::None);
    const QByteArray kept = QJsonDocument(
        QJsonArray {otlpAttribute(read.batch.spans.first().attributes, QLatin1StringView("k"))})
                                .toJson(QJsonDocument::Compact);
    QVERIFY(kept.contains("nested too deep"));
    QVERIFY(kept.count('[') <= OtlpLimits::MaxValueDepth + 2);
}

void OtlpTest::gzipIsInflatedWithinItsBound()
{
    const QByteArray body = QByteArray("hello, traces ").repeated(1000);
    QByteArray out;
    QString error;
    QCOMPARE(GzipDecoder::inflate(gzipped(body), 1 << 20, &out, &error), GzipDecoder::Result::Ok);
    QCOMPARE(out, body);
    // Two members one after the other, as RFC 1952 allows.
    QCOMPARE(
        GzipDecoder::inflate(gzipped("one ") + gzipped("two"), 1024, &out, &error), GzipDecoder::Result::Ok);
    QCOMPARE(out, QByteArray("one two"));
    // Exactly at the bound is fine; one byte more is not.
    QCOMPARE(GzipDecoder::inflate(gzipped(body), body.size(), &out, &error), GzipDecoder::Result::Ok);
    QCOMPARE(
        GzipDecoder::inflate(gzipped(body), body.size() - 1, &out, &error), GzipDecoder::Result::TooLarge);
}

void OtlpTest::aGzipBombStopsAtTheBound()
{
    // 256 MiB of zeros in a quarter of a megabyte: inflating it whole would take 256 MiB.
    const QByteArray bomb = gzippedZeros(qint64(256) << 20);
    QVERIFY(bomb.size() < 512 * 1024);
    QByteArray out;
    QString error;
    QCOMPARE(GzipDecoder::inflate(bomb, 16 * 1024 * 1024, &out, &error), GzipDecoder::Result::TooLarge);
    QVERIFY(out.isEmpty());
    QVERIFY(out.capacity() <= 17 * 1024 * 1024);
    QVERIFY(error.contains(QLatin1String("16777216")));
}

void OtlpTest::brokenGzipIsCorrupt_data()
{
    QTest::addColumn<QByteArray>("body");
    const QByteArray good = gzipped(QByteArray("x").repeated(5000));
    QTest::newRow("not gzip") << QByteArray("{\"resourceSpans\":[]}");
    QTest::newRow("cut short") << good.left(good.size() / 2);
    QByteArray badCrc = good;
    badCrc[badCrc.size() - 6] = char(badCrc.at(badCrc.size() - 6) ^ 0x5a);
    QTest::newRow("checksum") << badCrc;
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("garbage after a member") << good + "garbage!";
}

void OtlpTest::brokenGzipIsCorrupt()
{
    QFETCH(QByteArray, body);
    QByteArray out;
    QString error;
    QCOMPARE(GzipDecoder::inflate(body, 1 << 20, &out, &error), GzipDecoder::Result::Corrupt);
    QVERIFY(!error.isEmpty());
}

void OtlpTest::genAiOperationsGiveTheStepKind_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("kind");
    QTest::newRow("invoke_agent") << "invoke_agent"
                                  << "agent";
    QTest::newRow("create_agent") << "create_agent"
                                  << "agent";
    QTest::newRow("chat") << "chat"
                          << "llm";
    QTest::newRow("text_completion") << "text_completion"
                                     << "llm";
    QTest::newRow("generate_content") << "generate_content"
                                      << "llm";
    QTest::newRow("execute_tool") << "execute_tool"
                                  << "tool";
    QTest::newRow("embeddings") << "embeddings"
                                << "embedding";
    QTest::newRow("another") << "rerank"
                             << "step";
    QTest::newRow("none") << ""
                          << "step";
}

void OtlpTest::genAiOperationsGiveTheStepKind()
{
    QFETCH(QString, operation);
    QFETCH(QString, kind);
    OtlpAttributes attributes;
    if (!operation.isEmpty())
        attributes.append({QStringLiteral("gen_ai.operation.name"), operation});
    const QJsonObject step = stepOf(SpanTranslator::translate(spanWith(attributes), QStringLiteral("s")));
    QCOMPARE(step.value(QLatin1String("kind")).toString(), kind);
    QCOMPARE(step.value(QLatin1String("step_id")).toString(), QStringLiteral("00f067aa0ba902b7"));
    QCOMPARE(step.value(QLatin1String("parent_id")).toString(), QStringLiteral("b7ad6b7169203331"));
    QCOMPARE(step.value(QLatin1String("started_at")).toString(), QStringLiteral("2023-11-14T22:13:20.000Z"));
    QCOMPARE(step.value(QLatin1String("ended_at")).toString(), QStringLiteral("2023-11-14T22:13:21.000Z"));
    QCOMPARE(step.value(QLatin1String("estimated_duration")).toDouble(), 1.0);
    QCOMPARE(step.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(step.value(QLatin1String("thinking_type")).toString(), QStringLiteral("reasoning"));
}

void OtlpTest::aToolCallCarriesItsArgumentsAndResult()
{
    const OtlpAttributes attributes {
        {QStringLiteral("gen_ai.operation.name"), QStringLiteral("execute_tool")},
        {QStringLiteral("gen_ai.tool.name"), QStringLiteral("get_weather")},
        {QStringLiteral("gen_ai.tool.call.id"), QStringLiteral("call_1")},
        {QStringLiteral("gen_ai.tool.call.arguments"),
            QJsonObject {{QStringLiteral("city"), QStringLiteral("Paris")}}},
        {QStringLiteral("gen_ai.tool.call.result"), QStringLiteral("18 C")}};
    const QJsonObject step = stepOf(SpanTranslator::translate(spanWith(attributes), QStringLiteral("s")));
    QCOMPARE(step.value(QLatin1String("kind")).toString(), QStringLiteral("tool"));
    QCOMPARE(step.value(QLatin1String("name")).toString(), QStringLiteral("get_weather"));
    QCOMPARE(step.value(QLatin1String("input")).toString(), QStringLiteral("{\"city\":\"Paris\"}"));
    QCOMPARE(step.value(QLatin1String("output")).toString(), QStringLiteral("18 C"));
    const QJsonObject kept = step.value(QLatin1String("attributes")).toObject();
    QCOMPARE(kept.value(QLatin1String("gen_ai.tool.call.id")).toString(), QStringLiteral("call_1"));
    QVERIFY(!kept.contains(QLatin1String("gen_ai.tool.call.arguments"))); // it is the input, not repeated
}

void OtlpTest::aModelCallCarriesItsMessagesReasoningAndUsage()
{
    const QString input = QStringLiteral(R"([{"role":"system","parts":[{"type":"text","content":"Be brief"}]},
        {"role":"user","parts":[{"type":"text","content":"Weather in Paris?"}]}])");
    const QString output = QStringLiteral(R"([{"role":"assistant","finish_reason":"tool_call","parts":[
        {"type":"reasoning","content":"I should call the tool."},
        {"type":"tool_call","id":"call_1","name":"get_weather","arguments":{"city":"Paris"}}]}])");
    const OtlpAttributes attributes {{QStringLiteral("gen_ai.operation.name"), QStringLiteral("chat")},
        {QStringLiteral("gen_ai.request.model"), QStringLiteral("qwen3")},
        {QStringLiteral("gen_ai.usage.input_tokens"), 31}, {QStringLiteral("gen_ai.usage.output_tokens"), 12},
        {QStringLiteral("gen_ai.input.messages"), input}, {QStringLiteral("gen_ai.output.messages"), output}};
    OtlpSpan span = spanWith(attributes);
    span.name = QStringLiteral("chat qwen3");
    const SpanSteps steps = SpanTranslator::translate(span, QStringLiteral("s"));
    QCOMPARE(steps.steps.size(), 2);
    const QJsonObject step = stepOf(steps);
    QCOMPARE(step.value(QLatin1String("kind")).toString(), QStringLiteral("llm"));
    QCOMPARE(step.value(QLatin1String("input")).toString(), QStringLiteral("Weather in Paris?"));
    QCOMPARE(step.value(QLatin1String("output")).toString(),
        QStringLiteral("calls get_weather({\"city\":\"Paris\"})"));
    QCOMPARE(
        step.value(QLatin1String("content")).toString(), QStringLiteral("chat qwen3: 31 in, 12 out tokens"));
    const QJsonObject kept = step.value(QLatin1String("attributes")).toObject();
    QCOMPARE(kept.value(QLatin1String("gen_ai.request.model")).toString(), QStringLiteral("qwen3"));
    QCOMPARE(kept.value(QLatin1String("gen_ai.usage.output_tokens")).toInt(), 12);
    QVERIFY(!kept.contains(QLatin1String("gen_ai.input.messages")));
    const QJsonObject reasoning = stepOf(steps, 1);
    QCOMPARE(reasoning.value(QLatin1String("kind")).toString(), QStringLiteral("reasoning"));
    QCOMPARE(reasoning.value(QLatin1String("parent_id")).toString(),
        step.value(QLatin1String("step_id")).toString());
    QCOMPARE(reasoning.value(QLatin1String("content")).toString(), QStringLiteral("I should call the tool."));
}

void OtlpTest::olderContentEventsAreRead()
{
    OtlpSpan span = spanWith({{QStringLiteral("gen_ai.operation.name"), QStringLiteral("chat")}});
    span.events.append({1, QStringLiteral("gen_ai.user.message"),
        {{QStringLiteral("content"), QStringLiteral("What is 2+2?")}}});
    span.events.append({2, QStringLiteral("gen_ai.choice"),
        {{QStringLiteral("message"), QJsonObject {{QStringLiteral("content"), QStringLiteral("4")}}}}});
    GenAiContent content = GenAiContent::of(span);
    QCOMPARE(content.input, QStringLiteral("What is 2+2?"));
    QCOMPARE(content.output, QStringLiteral("4"));
    // The event the conventions use now: messages as the event's attributes.
    span.events = {{3, QStringLiteral("gen_ai.client.inference.operation.details"),
        {{QStringLiteral("gen_ai.output.messages"),
            QStringLiteral(R"([{"role":"assistant","parts":[{"type":"text","content":"Four."}]}])")}}}};
    content = GenAiContent::of(span);
    QCOMPARE(content.output, QStringLiteral("Four."));
}

void OtlpTest::aFailedSpanIsAnErrorWithItsMessage()
{
    OtlpSpan span = spanWith({{QStringLiteral("gen_ai.operation.name"), QStringLiteral("execute_tool")},
        {QStringLiteral("gen_ai.tool.name"), QStringLiteral("book_flight")}});
    span.statusCode = OtlpSpan::Error;
    span.statusMessage = QStringLiteral("no seats left");
    const SpanSteps steps = SpanTranslator::translate(span, QStringLiteral("s"));
    QVERIFY(steps.failed);
    const QJsonObject step = stepOf(steps);
    QCOMPARE(step.value(QLatin1String("status")).toString(), QStringLiteral("error"));
    QVERIFY(step.value(QLatin1String("content")).toString().contains(QLatin1String("no seats left")));
    QCOMPARE(step.value(QLatin1String("attributes"))[QLatin1String("otel.status_message")].toString(),
        QStringLiteral("no seats left"));
}

void OtlpTest::aSpanNotEndedIsRunning()
{
    OtlpSpan span = spanWith({});
    span.endUnixNano = 0;
    const SpanSteps steps = SpanTranslator::translate(span, QStringLiteral("s"));
    QVERIFY(!steps.ended);
    const QJsonObject step = stepOf(steps);
    QCOMPARE(step.value(QLatin1String("status")).toString(), QStringLiteral("running"));
    QVERIFY(!step.contains(QLatin1String("ended_at")));
    // A clock that went back gives no negative duration.
    span.endUnixNano = span.startUnixNano - 1'000'000'000ULL;
    QCOMPARE(stepOf(SpanTranslator::translate(span, QStringLiteral("s")))
                 .value(QLatin1String("estimated_duration"))
                 .toDouble(),
        0.0);
}

void OtlpTest::unknownAttributesAreKeptWithinBounds()
{
    OtlpAttributes attributes {{QStringLiteral("my.custom"), QStringLiteral("kept")},
        {QStringLiteral("huge"), QString(100'000, QLatin1Char('h'))}};
    for (int i = 0; i < 300; ++i)
        attributes.append({QStringLiteral("extra.%1").arg(i), i});
    // The conventions' attributes are kept first, wherever they come.
    attributes.append({QStringLiteral("gen_ai.request.model"), QStringLiteral("qwen3")});
    const QJsonObject step = stepOf(SpanTranslator::translate(spanWith(attributes), QStringLiteral("s")));
    const QJsonObject kept = step.value(QLatin1String("attributes")).toObject();
    QCOMPARE(kept.value(QLatin1String("my.custom")).toString(), QStringLiteral("kept"));
    QCOMPARE(kept.value(QLatin1String("gen_ai.request.model")).toString(), QStringLiteral("qwen3"));
    QVERIFY(!kept.contains(QLatin1String("extra.299")));
    QVERIFY(kept.size() <= StepDetails::MaxAttributes);
    QVERIFY(kept.value(QLatin1String("huge")).toString().size() <= 1024);
    QVERIFY(QJsonDocument(step).toJson().size() < 64 * 1024);
}

void OtlpTest::titlesPreferTheRootAgent()
{
    const OtlpAttributes agent {{QStringLiteral("gen_ai.operation.name"), QStringLiteral("invoke_agent")},
        {QStringLiteral("gen_ai.agent.name"), QStringLiteral("travel-planner")}};
    SpanSteps root = SpanTranslator::translate(spanWith(agent, {}), QStringLiteral("s"));
    QVERIFY(root.root);
    QCOMPARE(root.title, QStringLiteral("travel-planner"));
    QCOMPARE(root.titleRank, 3);
    QCOMPARE(stepOf(root).value(QLatin1String("name")).toString(), QStringLiteral("travel-planner"));
    QVERIFY(stepOf(root).value(QLatin1String("parent_id")).isNull());
    const SpanSteps nested = SpanTranslator::translate(spanWith(agent), QStringLiteral("s"));
    QCOMPARE(nested.titleRank, 1);
    const SpanSteps plainRoot = SpanTranslator::translate(spanWith({}, {}), QStringLiteral("s"));
    QCOMPARE(plainRoot.titleRank, 2);
    QCOMPARE(SpanTranslator::translate(spanWith({}), QStringLiteral("s")).titleRank, 0);
    // A root without a name is named as the conventions would have named it: operation and model.
    OtlpSpan unnamed = spanWith({{QStringLiteral("gen_ai.operation.name"), QStringLiteral("chat")},
                                    {QStringLiteral("gen_ai.request.model"), QStringLiteral("gpt-4o")}},
        {});
    unnamed.name.clear();
    const SpanSteps named = SpanTranslator::translate(unnamed, QStringLiteral("s"));
    QCOMPARE(named.title, QStringLiteral("chat gpt-4o"));
    QCOMPARE(named.titleRank, 2);
    QCOMPARE(stepOf(named).value(QLatin1String("name")).toString(), QStringLiteral("chat gpt-4o"));
    unnamed.attributes.clear();
    QCOMPARE(SpanTranslator::translate(unnamed, QStringLiteral("s")).titleRank, 0);
}

void OtlpTest::aTracesStepsMoveIntoItsConversationPageByPage()
{
    MemoryEventStore store(StoreLimits {});
    StreamingHub hub(&store, HubLimits {});
    TraceStepMove move(hub);
    auto [trace, conversation] = traceAndConversation(store, 300); // over a page of 256
    bool moved = false;
    move.move(conversation, {trace}, [&moved] { moved = true; });
    QTRY_VERIFY(moved);
    const QList<StoredEvent> steps = readAll(store, QStringLiteral("conv-1"), EventKind::Thinking);
    QCOMPARE(steps.size(), 300);
    QCOMPARE(steps.last().data.object().value(QLatin1String("step_id")).toString(), QStringLiteral("299"));
    QCOMPARE(
        steps.last().data.object().value(QLatin1String("session_id")).toString(), QStringLiteral("conv-1"));
    QCOMPARE(conversation->steps, 300);
    QCOMPARE(trace->movedTo, QStringLiteral("conv-1"));
    QTRY_VERIFY(!isActive(store, QStringLiteral("trace-1")));
    const QList<StoredEvent> progress = readAll(store, QStringLiteral("trace-1"), EventKind::Progress);
    QVERIFY(progress.size() >= 2); // the last update, then session_end
    const QJsonObject last = progress.at(progress.size() - 2).data.object();
    QCOMPARE(last.value(QLatin1String("current_activity")).toString(), QStringLiteral("moved"));
    QCOMPARE(last.value(QLatin1String("moved_to")).toString(), QStringLiteral("conv-1"));
}

void OtlpTest::aMoveThatFailsMidwayLeavesTheTraceListed()
{
    StoreFailingLaterPages store(StoreLimits {});
    StreamingHub hub(&store, HubLimits {});
    TraceStepMove move(hub);
    auto [trace, conversation] = traceAndConversation(store, 300);
    bool moved = false;
    move.move(conversation, {trace}, [&moved] { moved = true; });
    QTRY_VERIFY(moved);
    // The first page went over and stays; the trace's own session does not say it moved, and goes on.
    QCOMPARE(readAll(store, QStringLiteral("conv-1"), EventKind::Thinking).size(), 256);
    QVERIFY(trace->movedTo.isEmpty());
    QVERIFY(!trace->finished);
    QCOMPARE(conversation->steps, 0);
    QVERIFY(isActive(store, QStringLiteral("trace-1")));
    QVERIFY(readAll(store, QStringLiteral("trace-1"), EventKind::Progress).isEmpty());
}

QTEST_GUILESS_MAIN(OtlpTest)
#include "tst_otlp.moc"
