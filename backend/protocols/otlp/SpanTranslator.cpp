// SPDX-License-Identifier: MIT
#include "protocols/otlp/SpanTranslator.h"

#include "protocols/otlp/GenAiContent.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace {

QDateTime timeOf(quint64 unixNano)
{
    if (unixNano == 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(qint64(unixNano / 1'000'000), Qt::UTC);
}

QString textOf(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

// Attributes that hold conversation content: they become the step's input, output and reasoning, not
// attributes, where they would be clipped and repeated.
bool isContent(const QString &key)
{
    return key == QLatin1String("gen_ai.input.messages") || key == QLatin1String("gen_ai.output.messages")
        || key == QLatin1String("gen_ai.system_instructions")
        || key == QLatin1String("gen_ai.tool.definitions")
        || key == QLatin1String("gen_ai.tool.call.arguments")
        || key == QLatin1String("gen_ai.tool.call.result") || key == QLatin1String("gen_ai.prompt")
        || key == QLatin1String("gen_ai.completion");
}

// The span's attributes, the GenAI conventions' first and then the others in the span's order, so that
// what the bounds leave out is never the model, the tokens or the tool.
QJsonObject attributesOf(const OtlpSpan &span, const QString &traceId)
{
    QList<std::pair<QString, QJsonValue>> attributes;
    attributes.reserve(span.attributes.size() + 2);
    attributes.append({QStringLiteral("otel.trace_id"), traceId});
    if (span.statusCode == OtlpSpan::Error && !span.statusMessage.isEmpty())
        attributes.append({QStringLiteral("otel.status_message"), span.statusMessage});
    for (const bool genAi : {true, false}) {
        for (const OtlpAttribute &attribute : span.attributes) {
            if (attribute.key.startsWith(QLatin1String("gen_ai.")) == genAi && !isContent(attribute.key))
                attributes.append({attribute.key, attribute.value});
        }
    }
    return StepDetails::boundedAttributes(attributes);
}

QString usageOf(const OtlpSpan &span)
{
    const QJsonValue in = otlpAttribute(span.attributes, QLatin1StringView("gen_ai.usage.input_tokens"));
    const QJsonValue out = otlpAttribute(span.attributes, QLatin1StringView("gen_ai.usage.output_tokens"));
    if (!in.isDouble() && !out.isDouble())
        return {};
    return QStringLiteral("%1 in, %2 out tokens")
        .arg(in.isDouble() ? QString::number(in.toInteger()) : QStringLiteral("?"),
            out.isDouble() ? QString::number(out.toInteger()) : QStringLiteral("?"));
}

// A span without a name, named as the GenAI conventions name one: "{operation} {model}" ("chat gpt-4o");
// "" when it says neither.
QString nameFromOperation(const OtlpSpan &span, const QString &operation)
{
    QString model = otlpAttribute(span.attributes, QLatin1StringView("gen_ai.request.model")).toString();
    if (model.isEmpty())
        model = otlpAttribute(span.attributes, QLatin1StringView("gen_ai.response.model")).toString();
    return QStringList {operation, model}.join(QLatin1Char(' ')).trimmed();
}

} // namespace

namespace SpanTranslator {

QString hex(const QByteArray &id)
{
    return QString::fromLatin1(id.toHex());
}

QString kindOf(const QString &operation)
{
    if (operation == QLatin1String("invoke_agent") || operation == QLatin1String("create_agent"))
        return QStringLiteral("agent");
    if (operation == QLatin1String("chat") || operation == QLatin1String("text_completion")
        || operation == QLatin1String("generate_content"))
        return QStringLiteral("llm");
    if (operation == QLatin1String("execute_tool"))
        return QStringLiteral("tool");
    if (operation == QLatin1String("embeddings"))
        return QStringLiteral("embedding");
    return QStringLiteral("step");
}

SpanSteps translate(const OtlpSpan &span, const QString &sessionId)
{
    SpanSteps out;
    const QString spanId = hex(span.spanId);
    const QString traceId = hex(span.traceId);
    const QString operation
        = otlpAttribute(span.attributes, QLatin1StringView("gen_ai.operation.name")).toString();
    const QString kind = kindOf(operation);
    out.root = span.parentSpanId.isEmpty();
    out.ended = span.endUnixNano != 0;
    out.failed = span.statusCode == OtlpSpan::Error;
    out.errorMessage = span.statusMessage;

    ThinkingStep step;
    step.sessionId = sessionId;
    step.timestamp = QDateTime::currentDateTimeUtc();
    step.thinkingType = QStringLiteral("reasoning"); // neutral: `kind` says what the step was
    StepDetails &details = step.details;
    details.stepId = spanId;
    if (!out.root)
        details.parentId = hex(span.parentSpanId);
    details.kind = kind;
    QString name = span.name;
    if (kind == QLatin1String("agent"))
        name = otlpAttribute(span.attributes, QLatin1StringView("gen_ai.agent.name")).toString();
    else if (kind == QLatin1String("tool"))
        name = otlpAttribute(span.attributes, QLatin1StringView("gen_ai.tool.name")).toString();
    if (name.isEmpty())
        name = span.name;
    if (name.isEmpty())
        name = nameFromOperation(span, operation);
    details.name = StepDetails::clipped(name, StepDetails::MaxNameCharacters);
    details.status = !out.ended ? QStringLiteral("running")
        : out.failed            ? QStringLiteral("error")
                                : QStringLiteral("ok");
    details.startedAt = timeOf(span.startUnixNano);
    details.endedAt = timeOf(span.endUnixNano);
    if (details.startedAt.isValid() && details.endedAt.isValid() && details.endedAt < details.startedAt)
        details.endedAt = details.startedAt; // a clock that went back: never a negative duration
    if (details.startedAt.isValid() && details.endedAt.isValid())
        step.estimatedDuration = double(details.startedAt.msecsTo(details.endedAt)) / 1000.0;

    GenAiContent content = GenAiContent::of(span);
    if (kind == QLatin1String("tool")) {
        content.input
            = textOf(otlpAttribute(span.attributes, QLatin1StringView("gen_ai.tool.call.arguments")));
        content.output = textOf(otlpAttribute(span.attributes, QLatin1StringView("gen_ai.tool.call.result")));
    }
    details.input = StepDetails::clipped(content.input, StepDetails::MaxSummaryCharacters);
    details.output = StepDetails::clipped(content.output, StepDetails::MaxSummaryCharacters);
    details.attributes = attributesOf(span, traceId);

    // The line a watcher that knows nothing of steps shows.
    QString line = span.name.isEmpty() ? details.name : span.name;
    if (kind == QLatin1String("llm")) {
        const QString usage = usageOf(span);
        if (!usage.isEmpty())
            line += QStringLiteral(": ") + usage;
    }
    if (out.failed)
        line += span.statusMessage.isEmpty() ? QStringLiteral(": failed")
                                             : QStringLiteral(": ") + span.statusMessage;
    step.content = StepDetails::clipped(line, StepDetails::MaxSummaryCharacters);
    step.contextUsed = {{QStringLiteral("source"), QStringLiteral("opentelemetry")}};
    out.steps.append(step);

    if (!content.reasoning.isEmpty()) {
        ThinkingStep reasoning;
        reasoning.sessionId = sessionId;
        reasoning.timestamp = step.timestamp;
        reasoning.thinkingType = QStringLiteral("reasoning");
        reasoning.content = StepDetails::clipped(content.reasoning, MaxReasoningCharacters);
        reasoning.contextUsed = step.contextUsed;
        reasoning.details.stepId = spanId + QStringLiteral(":reasoning");
        reasoning.details.parentId = spanId;
        reasoning.details.kind = QStringLiteral("reasoning");
        reasoning.details.name = QStringLiteral("Reasoning");
        reasoning.details.status
            = details.status == QLatin1String("running") ? details.status : QStringLiteral("ok");
        reasoning.details.startedAt = details.startedAt;
        reasoning.details.endedAt = details.endedAt;
        out.steps.append(reasoning);
    }

    if (kind == QLatin1String("agent")) {
        out.title = details.name;
        out.titleRank = out.root ? 3 : 1;
    } else if (out.root && !details.name.isEmpty()) {
        out.title = details.name;
        out.titleRank = 2;
    }
    return out;
}

} // namespace SpanTranslator
