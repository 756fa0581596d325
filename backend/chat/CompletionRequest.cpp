// SPDX-License-Identifier: MIT
#include "chat/CompletionRequest.h"

#include "events/Session.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace {

ApiError invalid(const QString &param, const QString &message)
{
    return ApiError(400, message, param);
}

// A session id given in the body must be a string: a number or an object is a client's mistake, not a
// request for a new session.
std::optional<ApiError> checkOptionalString(const QJsonValue &value, const QString &param)
{
    if (value.isUndefined() || value.isNull() || value.isString())
        return std::nullopt;
    return invalid(param, QStringLiteral("'%1' must be a string").arg(param));
}

} // namespace

QString CompletionRequest::lastUserText() const
{
    const QJsonArray messages = upstream.messages();
    for (qsizetype i = messages.size() - 1; i >= 0; --i) {
        const QJsonObject message = messages.at(i).toObject();
        if (message.value("role"_L1).toString() != QLatin1String("user"))
            continue;
        const QJsonValue content = message.value("content"_L1);
        if (content.isString())
            return content.toString();
        QStringList texts;
        for (const QJsonValue &part : content.toArray())
            texts.append(part["text"_L1].toString());
        return texts.join(QLatin1Char(' '));
    }
    return {};
}

std::optional<ApiError> CompletionRequest::readPonderFields(const QJsonObject &body,
    const QString &headerSessionId, ReasoningField defaultReasoningField, const QString &headerReasoningField,
    CompletionRequest &request, QJsonObject &forwarded)
{
    const QJsonValue save = body.value("save_conversation"_L1);
    if (!save.isUndefined() && !save.isNull() && !save.isBool())
        return invalid(
            QStringLiteral("save_conversation"), QStringLiteral("'save_conversation' must be true or false"));
    if (auto error = checkOptionalString(body.value("session_id"_L1), QStringLiteral("session_id")))
        return *error;
    if (auto error = checkOptionalString(
            body.value("metadata"_L1)["session_id"_L1], QStringLiteral("metadata.session_id")))
        return *error;
    request.saveConversation = save.toBool(true);

    request.sessionId = headerSessionId;
    const char *sessionField = "X-Session-Id";
    if (request.sessionId.isEmpty()) {
        request.sessionId = body.value("session_id"_L1).toString();
        sessionField = "session_id";
    }
    if (request.sessionId.isEmpty()) {
        request.sessionId = body.value("metadata"_L1)["session_id"_L1].toString();
        sessionField = "metadata.session_id";
    }
    if (!request.sessionId.isEmpty() && !Session::isValidId(request.sessionId))
        return invalid(QLatin1String(sessionField),
            QStringLiteral("'%1' must be 1 to 128 letters, digits, '.', '_', ':' or '-'")
                .arg(QLatin1String(sessionField)));

    request.reasoningField = defaultReasoningField;
    const QJsonValue field = body.value("reasoning_field"_L1);
    const QString fieldName = field.isString() ? field.toString() : headerReasoningField;
    const char *fieldParam = field.isString() ? "reasoning_field" : "X-Reasoning-Field";
    if ((!field.isUndefined() && !field.isNull() && !field.isString())
        || (!fieldName.isEmpty() && !reasoningFieldFromName(fieldName)))
        return invalid(QLatin1String(fieldParam),
            QStringLiteral("'%1' must be reasoning_content, reasoning or both")
                .arg(QLatin1String(fieldParam)));
    if (!fieldName.isEmpty())
        request.reasoningField = *reasoningFieldFromName(fieldName);

    for (const char *name : {"session_id", "save_conversation", "reasoning_field"})
        forwarded.remove(QLatin1String(name));
    // metadata.session_id is Ponder's; the rest of metadata is the client's own and goes on. Metadata
    // that held only the session id is dropped whole: OpenAI refuses metadata unless `store` is set.
    if (forwarded.value("metadata"_L1).isObject()) {
        QJsonObject metadata = forwarded.value("metadata"_L1).toObject();
        if (metadata.contains("session_id"_L1))
            request.upstream.rewritten.append(QStringLiteral("metadata"));
        metadata.remove("session_id"_L1);
        if (metadata.isEmpty())
            forwarded.remove("metadata"_L1);
        else
            forwarded.insert("metadata"_L1, metadata);
    }
    return std::nullopt;
}
