// SPDX-License-Identifier: MIT
// What agents send to the streaming API: thinking steps and progress updates (one object or a batch),
// session bodies, and stream ids. Every accepted event must come back the same from the text Ponder
// writes for it (JsonWriter), and the facts the hub keeps must be what that text says.
#include "FuzzSupport.h"
#include "events/EventData.h"
#include "events/EventJson.h"
#include "events/JsonFieldReader.h"
#include "events/ProgressUpdate.h"
#include "events/Session.h"
#include "events/StreamId.h"
#include "events/ThinkingStep.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

// Text as it survives UTF-8: a lone surrogate becomes a replacement character on the way.
QString viaUtf8(const QString &text)
{
    return QString::fromUtf8(text.toUtf8());
}

QStringList viaUtf8(const QStringList &texts)
{
    QStringList result;
    for (const QString &text : texts)
        result.append(viaUtf8(text));
    return result;
}

// A JSON value as it survives being written as UTF-8 JSON text and read again.
QJsonValue viaUtf8(const QJsonValue &value)
{
    return QJsonDocument::fromJson(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact))
        .array()
        .first();
}

QByteArray jsonText(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Times that ISO 8601 text can carry (four-digit years, in UTC) come back to the millisecond.
bool sameTime(const QDateTime &written, const QDateTime &read)
{
    const int year = written.toUTC().date().year();
    return !written.isValid() || year < 1 || year > 9999 || written == read;
}

// The facts the hub keeps for a validated event, and the ones its text gives when read back.
void checkStored(const EventData &stored, EventKind kind, const QString &sessionId)
{
    if (!Session::isValidId(sessionId))
        return; // refused before it is stored (EventRoutes)
    const EventFacts known = stored.facts(kind);
    const EventFacts read = EventData::fromText(stored.text()).facts(kind);
    FUZZ_CHECK(!stored.object().isEmpty()); // the text is JSON
    FUZZ_CHECK(known.sessionId == read.sessionId && known.type == read.type);
    FUZZ_CHECK(known.confidence == read.confidence && !read.hasOwnId);
    FUZZ_CHECK(stored.isMessageShapedFor(sessionId, kind));
}

void readThinking(const QJsonObject &json)
{
    JsonFieldReader reader(json);
    const ThinkingStep step = ThinkingStep::fromJson(json, reader);
    if (!reader.ok()) {
        FUZZ_CHECK(!reader.errorField().isEmpty() && !reader.errorMessage().isEmpty());
        return;
    }
    FUZZ_CHECK(!step.confidenceLevel || (*step.confidenceLevel >= 0 && *step.confidenceLevel <= 1));
    const QJsonObject written = step.toJson();
    JsonFieldReader again(written);
    const ThinkingStep back = ThinkingStep::fromJson(written, again);
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(back.sessionId == viaUtf8(step.sessionId) && back.id == viaUtf8(step.id));
    FUZZ_CHECK(back.thinkingType == step.thinkingType && back.content == viaUtf8(step.content));
    FUZZ_CHECK(back.reasoningChain == viaUtf8(step.reasoningChain));
    FUZZ_CHECK(back.alternativesConsidered == viaUtf8(step.alternativesConsidered));
    FUZZ_CHECK(back.decisionFactors == viaUtf8(step.decisionFactors));
    FUZZ_CHECK(back.confidenceLevel == step.confidenceLevel);
    FUZZ_CHECK(back.estimatedDuration == step.estimatedDuration);
    FUZZ_CHECK(jsonText(back.contextUsed) == jsonText(step.contextUsed));
    FUZZ_CHECK(sameTime(step.timestamp, back.timestamp));
    checkStored(step.toStoredData(), EventKind::Thinking, step.sessionId);
}

void readProgress(const QJsonObject &json)
{
    JsonFieldReader reader(json);
    const ProgressUpdate update = ProgressUpdate::fromJson(json, reader);
    if (!reader.ok()) {
        FUZZ_CHECK(!reader.errorField().isEmpty() && !reader.errorMessage().isEmpty());
        return;
    }
    const QJsonObject written = update.toJson();
    JsonFieldReader again(written);
    const ProgressUpdate back = ProgressUpdate::fromJson(written, again);
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(back.sessionId == viaUtf8(update.sessionId) && back.id == viaUtf8(update.id));
    FUZZ_CHECK(back.updateType == update.updateType && back.message == viaUtf8(update.message));
    FUZZ_CHECK(back.progressPercentage == update.progressPercentage);
    FUZZ_CHECK(back.currentStep == viaUtf8(update.currentStep) && back.totalSteps == update.totalSteps);
    FUZZ_CHECK(back.estimatedRemaining == viaUtf8(update.estimatedRemaining));
    FUZZ_CHECK(QJsonValue(back.intermediateFindings) == viaUtf8(QJsonValue(update.intermediateFindings)));
    FUZZ_CHECK(back.currentActivity == viaUtf8(update.currentActivity));
    FUZZ_CHECK(back.confidence == update.confidence);
    FUZZ_CHECK(sameTime(update.timestamp, back.timestamp));
    checkStored(update.toStoredData(), EventKind::Progress, update.sessionId);
}

// POST /api/streaming/sessions reads these fields (SessionRoutes); a store reads Session::fromJson.
void readSession(const QJsonObject &json)
{
    JsonFieldReader reader(json);
    reader.optionalString(QStringLiteral("session_id"));
    reader.optionalString(QStringLiteral("user_id"));
    reader.optionalBool(QStringLiteral("debug_mode"));
    reader.optionalString(QStringLiteral("user_request"));
    reader.object(QStringLiteral("system_context"));
    FUZZ_CHECK(reader.ok() || !reader.errorField().isEmpty());
    const Session session = Session::fromJson(json);
    FUZZ_CHECK(Session::fromJson(session.toJson()).id == session.id);
}

void readStreamId(const QJsonValue &value)
{
    const auto id = StreamId::parse(value.toString());
    if (id)
        FUZZ_CHECK(StreamId::parse(id->toString()) == id);
}

void readObject(const QJsonObject &json)
{
    readThinking(json);
    readProgress(json);
    readSession(json);
    readStreamId(json.value(QLatin1String("id")));
    EventJson::parseTimestamp(json.value(QLatin1String("timestamp")));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QJsonDocument document
        = QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (document.isObject())
        readObject(document.object());
    for (const QJsonValue &item : document.array()) // a batch
        readObject(item.toObject());
    return 0;
}
