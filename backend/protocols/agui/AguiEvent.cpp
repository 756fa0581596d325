// SPDX-License-Identifier: MIT
#include "protocols/agui/AguiEvent.h"

#include <QHash>
#include <QJsonDocument>
#include <QStringList>

namespace {

// The string fields each event type must carry (@ag-ui/core's schemas); types not listed need none.
const QHash<QString, QStringList> &requiredStrings()
{
    static const QHash<QString, QStringList> required {
        {QStringLiteral("RUN_STARTED"), {QStringLiteral("threadId"), QStringLiteral("runId")}},
        {QStringLiteral("RUN_FINISHED"), {QStringLiteral("threadId"), QStringLiteral("runId")}},
        {QStringLiteral("RUN_ERROR"), {QStringLiteral("message")}},
        {QStringLiteral("STEP_STARTED"), {QStringLiteral("stepName")}},
        {QStringLiteral("STEP_FINISHED"), {QStringLiteral("stepName")}},
        {QStringLiteral("TEXT_MESSAGE_START"), {QStringLiteral("messageId")}},
        {QStringLiteral("TEXT_MESSAGE_CONTENT"), {QStringLiteral("messageId"), QStringLiteral("delta")}},
        {QStringLiteral("TEXT_MESSAGE_END"), {QStringLiteral("messageId")}},
        {QStringLiteral("TOOL_CALL_START"), {QStringLiteral("toolCallId"), QStringLiteral("toolCallName")}},
        {QStringLiteral("TOOL_CALL_ARGS"), {QStringLiteral("toolCallId"), QStringLiteral("delta")}},
        {QStringLiteral("TOOL_CALL_END"), {QStringLiteral("toolCallId")}},
        {QStringLiteral("TOOL_CALL_RESULT"), {QStringLiteral("messageId"), QStringLiteral("toolCallId")}},
        {QStringLiteral("REASONING_START"), {QStringLiteral("messageId")}},
        {QStringLiteral("REASONING_MESSAGE_START"), {QStringLiteral("messageId")}},
        {QStringLiteral("REASONING_MESSAGE_CONTENT"), {QStringLiteral("messageId"), QStringLiteral("delta")}},
        {QStringLiteral("REASONING_MESSAGE_END"), {QStringLiteral("messageId")}},
        {QStringLiteral("REASONING_END"), {QStringLiteral("messageId")}},
        {QStringLiteral("CUSTOM"), {QStringLiteral("name")}},
        // The older names carry no messageId: one thinking message at a time.
        {QStringLiteral("THINKING_TEXT_MESSAGE_CONTENT"), {QStringLiteral("delta")}},
    };
    return required;
}

// Optional fields that must be strings when present.
const QStringList &optionalStrings()
{
    static const QStringList optional {QStringLiteral("messageId"), QStringLiteral("delta"),
        QStringLiteral("toolCallId"), QStringLiteral("toolCallName"), QStringLiteral("role"),
        QStringLiteral("code"), QStringLiteral("parentMessageId")};
    return optional;
}

QString kindOf(const QString &type)
{
    static const QHash<QString, QString> older {
        {QStringLiteral("THINKING_START"), QStringLiteral("REASONING_START")},
        {QStringLiteral("THINKING_END"), QStringLiteral("REASONING_END")},
        {QStringLiteral("THINKING_TEXT_MESSAGE_START"), QStringLiteral("REASONING_MESSAGE_START")},
        {QStringLiteral("THINKING_TEXT_MESSAGE_CONTENT"), QStringLiteral("REASONING_MESSAGE_CONTENT")},
        {QStringLiteral("THINKING_TEXT_MESSAGE_END"), QStringLiteral("REASONING_MESSAGE_END")},
    };
    return older.value(type, type);
}

} // namespace

std::optional<qint64> AguiEvent::timestampMs() const
{
    const QJsonValue value = json.value(QLatin1StringView("timestamp"));
    const double ms = value.toDouble(-1);
    // Between 2000 and 2200: anything else is not a time in milliseconds.
    if (!value.isDouble() || ms < 946'684'800'000.0 || ms > 7'258'118'400'000.0)
        return std::nullopt;
    return qint64(ms);
}

std::optional<AguiEvent> AguiEvent::read(QByteArrayView data, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = parseError.error != QJsonParseError::NoError
            ? QStringLiteral("an event that is not JSON: %1").arg(parseError.errorString())
            : QStringLiteral("an event that is not a JSON object");
        return std::nullopt;
    }
    AguiEvent event;
    event.json = document.object();
    const QJsonValue type = event.json.value(QLatin1StringView("type"));
    if (!type.isString() || type.toString().isEmpty()) {
        *error = QStringLiteral("an event without a type");
        return std::nullopt;
    }
    event.type = type.toString();
    event.kind = kindOf(event.type);
    for (const QString &field : requiredStrings().value(event.type)) {
        if (!event.json.value(field).isString()) {
            *error = QStringLiteral("%1 needs '%2' as a string").arg(event.type, field);
            return std::nullopt;
        }
    }
    for (const QString &field : optionalStrings()) {
        const QJsonValue value = event.json.value(field);
        if (!value.isUndefined() && !value.isString()) {
            *error = QStringLiteral("%1's '%2' must be a string").arg(event.type, field);
            return std::nullopt;
        }
    }
    const QJsonValue content = event.json.value(QLatin1StringView("content"));
    if (event.type == QLatin1String("TOOL_CALL_RESULT") && !content.isString() && !content.isArray()) {
        *error = QStringLiteral("TOOL_CALL_RESULT needs 'content' as a string or parts");
        return std::nullopt;
    }
    return event;
}
