// SPDX-License-Identifier: MIT
#include "TimelineItem.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {

// A JSON value as one line of text: strings as they are, anything else as compact JSON.
QString valueText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    return {};
}

// A flat object reads as its members, "airline: Ryanair · price: 98"; one that nests stays JSON.
QString readableObject(const QJsonObject &object)
{
    QStringList members;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.value().isObject() || it.value().isArray())
            return valueText(object);
        members << it.key() + u": "_s + valueText(it.value());
    }
    return members.join(u" · "_s);
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &entry : value.toArray()) {
        const QString text = valueText(entry);
        if (!text.isEmpty())
            list << text;
    }
    return list;
}

bool isEmptyMember(const QJsonValue &value)
{
    return value.isNull() || value.isUndefined() || (value.isString() && value.toString().isEmpty())
        || (value.isArray() && value.toArray().isEmpty()) || (value.isObject() && value.toObject().isEmpty());
}

QString attributeLines(const QJsonObject &attributes)
{
    QStringList lines;
    for (auto it = attributes.begin(); it != attributes.end(); ++it)
        lines << it.key() + u": "_s + valueText(it.value());
    return lines.join(u'\n');
}

Timeline::StepStatus statusNamed(const QString &status)
{
    if (status == "running"_L1)
        return Timeline::StepStatus::Running;
    if (status == "ok"_L1)
        return Timeline::StepStatus::Succeeded;
    if (status == "error"_L1)
        return Timeline::StepStatus::Errored;
    if (status == "stopped"_L1)
        return Timeline::StepStatus::Interrupted;
    return Timeline::StepStatus::NoStatus;
}

} // namespace

qint64 TimelineItem::timeOf(const QJsonValue &timestamp)
{
    // Not EventJson::parseTimestamp, which takes a missing time for now: here it is unknown.
    if (!timestamp.isString())
        return 0;
    const QDateTime time = QDateTime::fromString(timestamp.toString(), Qt::ISODateWithMs);
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

void TimelineItem::readStep(const QJsonObject &json, TimelineItem &item)
{
    item.type = json.value("thinking_type"_L1).toString();
    item.kind = json.value("kind"_L1).toString();
    item.name = json.value("name"_L1).toString();
    item.status = statusNamed(json.value("status"_L1).toString());
    item.content = json.value("content"_L1).toString();
    item.chain = strings(json.value("reasoning_chain"_L1));
    item.alternatives = strings(json.value("alternatives_considered"_L1));
    item.factors = strings(json.value("decision_factors"_L1));
    item.confidence = json.value("confidence_level"_L1).toDouble(-1);
    item.input = json.value("input"_L1).toString();
    item.output = json.value("output"_L1).toString();
    item.attributes = attributeLines(json.value("attributes"_L1).toObject());
    item.parentKey = json.value("parent_id"_L1).toString();

    const QJsonObject context = json.value("context_used"_L1).toObject();
    const bool fromModel = context.value("source"_L1).toString() == "model_reasoning"_L1;
    item.entry = fromModel ? Timeline::Entry::ReasoningEntry : Timeline::Entry::StepEntry;
    if (fromModel)
        item.number = context.value("step"_L1).toInt(item.number);
    // Ponder's AG-UI relay words its steps in English for outside clients: a run's "Run X of A", a step's
    // or tool call's name again as its content, "Reasoning" as a reasoning step's name. The window says
    // these itself (the name, the kind's badge, the status), in the user's language. A failed run's output
    // is the relay's English reason too: the run's failed moment words it, with the other side's words.
    if (context.value("source"_L1).toString() == "ag-ui"_L1) {
        if (item.kind == "reasoning"_L1)
            item.name.clear();
        else
            item.content.clear();
        if (item.kind == "agent"_L1 && item.status == Timeline::StepStatus::Errored)
            item.output.clear();
    }
    // The same of the reasoning a trace recorded: "Reasoning" is Ponder's English name for it.
    if (context.value("source"_L1).toString() == "opentelemetry"_L1 && item.kind == "reasoning"_L1
        && item.name == "Reasoning"_L1)
        item.name.clear();

    // When it ran: its own times when it gave them; a model's step ended when it was published and took
    // `estimated_duration`; otherwise it began when it was published, and ends when the next one begins.
    const qint64 published = timeOf(json.value("timestamp"_L1));
    const qint64 started = timeOf(json.value("started_at"_L1));
    const qint64 ended = timeOf(json.value("ended_at"_L1));
    const double took = json.value("estimated_duration"_L1).toDouble(-1);
    if (fromModel && took >= 0 && published > 0) {
        item.startMs = published - qint64(took * 1000);
        item.endMs = published;
        item.timed = true;
    } else {
        item.startMs = started > 0 ? started : (published > 0 ? published : item.startMs);
        if (ended > 0) {
            item.endMs = std::max(ended, item.startMs);
            item.timed = true;
        }
    }
}

QJsonObject TimelineItem::mergedStep(const QJsonObject &earlier, const QJsonObject &later)
{
    QJsonObject merged = earlier;
    for (auto it = later.begin(); it != later.end(); ++it) {
        if (it.key() == "attributes"_L1) {
            QJsonObject attributes = merged.value(it.key()).toObject();
            const QJsonObject added = it.value().toObject();
            for (auto attribute = added.begin(); attribute != added.end(); ++attribute)
                attributes.insert(attribute.key(), attribute.value());
            merged.insert(it.key(), attributes);
        } else if (!isEmptyMember(it.value())) {
            merged.insert(it.key(), it.value());
        }
    }
    return merged;
}

QStringList TimelineItem::findingsOf(const QJsonValue &findings)
{
    QStringList list;
    for (const QJsonValue &finding : findings.toArray()) {
        if (finding.isString()) {
            list << finding.toString();
            continue;
        }
        // The earlier service sent objects; show the member that reads as the finding.
        const QJsonObject object = finding.toObject();
        QString text;
        for (const auto name : {"finding"_L1, "title"_L1, "summary"_L1, "description"_L1, "content"_L1,
                 "message"_L1, "text"_L1}) {
            text = object.value(name).toString();
            if (!text.isEmpty())
                break;
        }
        if (text.isEmpty() && !object.isEmpty())
            text = readableObject(object);
        if (!text.isEmpty())
            list << text;
    }
    return list;
}

std::optional<Timeline::Milestone> TimelineItem::runMomentOf(const QJsonObject &update)
{
    if (!update.contains(QLatin1StringView("run_id")))
        return std::nullopt;
    const QString activity = update.value(QLatin1StringView("current_activity")).toString();
    if (update.contains(QLatin1StringView("trace_title"))) {
        if (activity == QLatin1StringView("started"))
            return Timeline::Milestone::TraceStarted;
        if (activity == QLatin1StringView("running"))
            return Timeline::Milestone::TraceProgress;
        if (activity == QLatin1StringView("done"))
            return Timeline::Milestone::TraceFinished;
        if (activity == QLatin1StringView("failed"))
            return Timeline::Milestone::TraceFailed;
        if (activity == QLatin1StringView("moved"))
            return Timeline::Milestone::TraceMoved;
        return std::nullopt;
    }
    if (!update.contains(QLatin1StringView("agent")))
        return std::nullopt;
    if (activity == QLatin1StringView("started"))
        return Timeline::Milestone::RunStarted;
    if (activity == QLatin1StringView("done"))
        return Timeline::Milestone::RunFinished;
    if (activity == QLatin1StringView("failed"))
        return Timeline::Milestone::RunFailed;
    if (activity == QLatin1StringView("aborted"))
        return Timeline::Milestone::RunStopped;
    return std::nullopt;
}

QJsonObject TimelineItem::runOf(const QJsonObject &update)
{
    QJsonObject run;
    for (const char *field :
        {"agent", "run_id", "reason", "code", "detail", "trace_title", "moved_to", "upstream"}) {
        const QString key = QString::fromLatin1(field);
        if (update.value(key).isString())
            run.insert(key, update.value(key));
    }
    for (const char *field : {"steps_done", "steps_failed", "upstream_status"}) {
        const QString key = QString::fromLatin1(field);
        if (update.value(key).isDouble())
            run.insert(key, update.value(key));
    }
    if (update.value(QLatin1StringView("cut_off")).toBool())
        run.insert(QStringLiteral("cut_off"), true);
    return run;
}
