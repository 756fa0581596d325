// SPDX-License-Identifier: MIT
#include "protocols/responses/ResponsesEvents.h"

#include "events/JsonWriter.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {

QString newId(const char *prefix)
{
    return QLatin1String(prefix) + QUuid::createUuid().toString(QUuid::Id128);
}

QJsonValue orNull(const QJsonObject &object, const char *field)
{
    const QJsonValue value = object.value(QLatin1String(field));
    return value.isUndefined() ? QJsonValue(QJsonValue::Null) : value;
}

} // namespace

ResponsesEvents::ResponsesEvents(QString model, QJsonObject echo, QString previousResponseId, bool store)
    : m_id(newId("resp_"))
    , m_createdAt(QDateTime::currentSecsSinceEpoch())
    , m_model(std::move(model))
    , m_echo(std::move(echo))
    , m_previousResponseId(std::move(previousResponseId))
    , m_store(store)
{ }

StreamEvent ResponsesEvents::event(const QString &type, QJsonObject data)
{
    data.insert("type"_L1, type);
    data.insert("sequence_number"_L1, m_sequence++);
    return {type, data};
}

ResponsesEvents::Item *ResponsesEvents::current()
{
    return m_items.isEmpty() || m_items.last().done ? nullptr : &m_items.last();
}

QJsonObject ResponsesEvents::itemRef(const Item &item) const
{
    return {{"item_id"_L1, item.id}, {"output_index"_L1, int(&item - m_items.constData())}};
}

QJsonObject ResponsesEvents::itemJson(const Item &item) const
{
    const QString status = item.done ? QStringLiteral("completed") : QStringLiteral("in_progress");
    switch (item.kind) {
    case Item::Kind::Reasoning:
        return {{"id"_L1, item.id}, {"type"_L1, QStringLiteral("reasoning")}, {"summary"_L1, QJsonArray {}},
            {"content"_L1,
                QJsonArray {
                    QJsonObject {{"type"_L1, QStringLiteral("reasoning_text")}, {"text"_L1, item.text}}}}};
    case Item::Kind::Message:
        return {{"id"_L1, item.id}, {"type"_L1, QStringLiteral("message")},
            {"role"_L1, QStringLiteral("assistant")}, {"status"_L1, status},
            {"content"_L1,
                QJsonArray {QJsonObject {{"type"_L1, QStringLiteral("output_text")}, {"text"_L1, item.text},
                    {"annotations"_L1, QJsonArray {}}, {"logprobs"_L1, QJsonArray {}}}}}};
    case Item::Kind::FunctionCall:
        return {{"id"_L1, item.id}, {"type"_L1, QStringLiteral("function_call")}, {"status"_L1, status},
            {"call_id"_L1, item.callId}, {"name"_L1, item.name}, {"arguments"_L1, item.text}};
    }
    return {};
}

QList<StreamEvent> ResponsesEvents::responseEvents(const QStringList &types)
{
    m_lastResponse = response();
    const QByteArray responseJson = QJsonDocument(m_lastResponse).toJson(QJsonDocument::Compact);
    QList<StreamEvent> events;
    for (const QString &type : types) {
        StreamEvent made = event(type, {{"response"_L1, m_lastResponse}});
        // As QJsonDocument writes `data` (its keys sorted), with the response's text written once.
        JsonWriter json;
        made.json = json.beginObject()
                        .rawField("response"_L1, responseJson)
                        .field("sequence_number"_L1, std::optional<double>(m_sequence - 1))
                        .field("type"_L1, type)
                        .endObject()
                        .take();
        events.append(made);
    }
    m_lastResponseSequence = m_sequence;
    return events;
}

QJsonObject ResponsesEvents::result() const
{
    return m_sequence == m_lastResponseSequence ? m_lastResponse : response();
}

QList<StreamEvent> ResponsesEvents::start()
{
    return responseEvents({QStringLiteral("response.created"), QStringLiteral("response.in_progress")});
}

QList<StreamEvent> ResponsesEvents::open(Item::Kind kind, const QJsonObject &fragment)
{
    QList<StreamEvent> events = closeCurrent();
    Item item {kind, {}, {}, {}, {}, -1, false};
    switch (kind) {
    case Item::Kind::Reasoning:
        item.id = newId("rs_");
        break;
    case Item::Kind::Message:
        item.id = newId("msg_");
        break;
    case Item::Kind::FunctionCall: {
        item.id = newId("fc_");
        item.toolIndex = fragment.value("index"_L1).toInt();
        item.callId = fragment.value("id"_L1).toString();
        if (item.callId.isEmpty())
            item.callId = newId("call_");
        item.name = fragment.value("function"_L1)["name"_L1].toString();
        break;
    }
    }
    m_items.append(item);
    const Item &added = m_items.last();
    // The item as it starts: empty, its content part announced next (the SDK appends deltas to that part).
    QJsonObject opened = itemJson(added);
    if (kind != Item::Kind::FunctionCall)
        opened.insert("content"_L1, QJsonArray {});
    events.append(event(QStringLiteral("response.output_item.added"),
        {{"output_index"_L1, int(m_items.size() - 1)}, {"item"_L1, opened}}));
    if (kind == Item::Kind::FunctionCall)
        return events;
    QJsonObject part = itemJson(added).value("content"_L1).toArray().first().toObject();
    QJsonObject data = itemRef(added);
    data.insert("content_index"_L1, 0);
    data.insert("part"_L1, part);
    events.append(event(QStringLiteral("response.content_part.added"), data));
    return events;
}

QList<StreamEvent> ResponsesEvents::closeCurrent()
{
    Item *item = current();
    if (!item)
        return {};
    item->done = true;
    QList<StreamEvent> events;
    QJsonObject data = itemRef(*item);
    const QJsonObject whole = itemJson(*item);
    if (item->kind == Item::Kind::FunctionCall) {
        data.insert("arguments"_L1, item->text);
        data.insert("name"_L1, item->name);
        events.append(event(QStringLiteral("response.function_call_arguments.done"), data));
    } else {
        const bool reasoning = item->kind == Item::Kind::Reasoning;
        data.insert("content_index"_L1, 0);
        QJsonObject textDone = data;
        textDone.insert("text"_L1, item->text);
        if (!reasoning)
            textDone.insert("logprobs"_L1, QJsonArray {});
        events.append(event(reasoning ? QStringLiteral("response.reasoning_text.done")
                                      : QStringLiteral("response.output_text.done"),
            textDone));
        data.insert("part"_L1, whole.value("content"_L1).toArray().first());
        events.append(event(QStringLiteral("response.content_part.done"), data));
    }
    events.append(event(QStringLiteral("response.output_item.done"),
        {{"output_index"_L1, int(item - m_items.constData())}, {"item"_L1, whole}}));
    return events;
}

QList<StreamEvent> ResponsesEvents::content(const QString &text)
{
    if (problem())
        return {};
    QList<StreamEvent> events;
    if (!current() || current()->kind != Item::Kind::Message)
        events = open(Item::Kind::Message);
    Item &item = *current();
    item.text += text;
    if (!deltasWanted())
        return events;
    QJsonObject data = itemRef(item);
    data.insert("content_index"_L1, 0);
    data.insert("delta"_L1, text);
    data.insert("logprobs"_L1, QJsonArray {});
    events.append(event(QStringLiteral("response.output_text.delta"), data));
    return events;
}

QList<StreamEvent> ResponsesEvents::reasoning(const QString &text)
{
    if (problem())
        return {};
    QList<StreamEvent> events;
    if (!current() || current()->kind != Item::Kind::Reasoning)
        events = open(Item::Kind::Reasoning);
    Item &item = *current();
    item.text += text;
    if (!deltasWanted())
        return events;
    QJsonObject data = itemRef(item);
    data.insert("content_index"_L1, 0);
    data.insert("delta"_L1, text);
    events.append(event(QStringLiteral("response.reasoning_text.delta"), data));
    return events;
}

QList<StreamEvent> ResponsesEvents::toolCalls(const QJsonArray &fragments)
{
    if (problem())
        return {};
    QList<StreamEvent> events;
    for (const QJsonValue &value : fragments) {
        const QJsonObject fragment = value.toObject();
        const int index = fragment.value("index"_L1).toInt();
        Item *item = current();
        if (!item || item->kind != Item::Kind::FunctionCall || item->toolIndex != index) {
            if (!mayOpenToolCall(index, "Responses API"_L1))
                return {};
            events += open(Item::Kind::FunctionCall, fragment);
            item = current();
        }
        const QJsonObject function = fragment.value("function"_L1).toObject();
        if (item->name.isEmpty())
            item->name = function.value("name"_L1).toString();
        const QString arguments = function.value("arguments"_L1).toString();
        if (arguments.isEmpty())
            continue;
        item->text += arguments;
        QJsonObject data = itemRef(*item);
        data.insert("delta"_L1, arguments);
        events.append(event(QStringLiteral("response.function_call_arguments.delta"), data));
    }
    return events;
}

QList<StreamEvent> ResponsesEvents::finish(const GenerationOutcome &outcome)
{
    if (problem())
        return {};
    QList<StreamEvent> events = closeCurrent();
    if (outcome.finishReason == QLatin1String("length")
        || outcome.finishReason == QLatin1String("content_filter")) {
        m_status = QStringLiteral("incomplete");
        m_incompleteDetails = QJsonObject {{"reason"_L1,
            outcome.finishReason == QLatin1String("length") ? QStringLiteral("max_output_tokens")
                                                            : QStringLiteral("content_filter")}};
    } else {
        m_status = QStringLiteral("completed");
    }
    // Only the upstream's own counts; never estimated.
    if (outcome.usage)
        m_usage = QJsonObject {{"input_tokens"_L1, outcome.usage->promptTokens},
            {"output_tokens"_L1, outcome.usage->completionTokens},
            {"total_tokens"_L1, outcome.usage->totalTokens()}};
    events
        += responseEvents({m_status == QLatin1String("completed") ? QStringLiteral("response.completed")
                                                                  : QStringLiteral("response.incomplete")});
    return events;
}

QList<StreamEvent> ResponsesEvents::fail(const ApiError &error)
{
    // The item under way stays as far as it got: no .done for what the model never finished.
    m_status = QStringLiteral("failed");
    const QString code = error.code.isEmpty() ? QStringLiteral("server_error") : error.code;
    m_error = QJsonObject {{"code"_L1, code}, {"message"_L1, error.message}};
    QList<StreamEvent> events {event(QStringLiteral("error"),
        {{"code"_L1, code}, {"message"_L1, error.message},
            {"param"_L1, error.param.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(error.param)}})};
    return events + responseEvents({QStringLiteral("response.failed")});
}

QJsonObject ResponsesEvents::response() const
{
    QJsonArray output;
    for (const Item &item : m_items)
        output.append(itemJson(item));
    QJsonObject reasoning = m_echo.value("reasoning"_L1).toObject();
    if (!reasoning.contains("effort"_L1))
        reasoning.insert("effort"_L1, QJsonValue::Null);
    if (!reasoning.contains("summary"_L1))
        reasoning.insert("summary"_L1, QJsonValue::Null);
    return {{"id"_L1, m_id}, {"object"_L1, QStringLiteral("response")}, {"created_at"_L1, m_createdAt},
        {"status"_L1, m_status}, {"background"_L1, false}, {"error"_L1, m_error},
        {"incomplete_details"_L1, m_incompleteDetails}, {"instructions"_L1, orNull(m_echo, "instructions")},
        {"max_output_tokens"_L1, orNull(m_echo, "max_output_tokens")}, {"model"_L1, m_model},
        {"output"_L1, output},
        {"parallel_tool_calls"_L1, m_echo.value("parallel_tool_calls"_L1).toBool(true)},
        {"previous_response_id"_L1,
            m_previousResponseId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(m_previousResponseId)},
        {"reasoning"_L1, reasoning}, {"store"_L1, m_store}, {"temperature"_L1, orNull(m_echo, "temperature")},
        {"text"_L1,
            m_echo.contains("text"_L1)
                ? m_echo.value("text"_L1)
                : QJsonValue(QJsonObject {{"format"_L1, QJsonObject {{"type"_L1, QStringLiteral("text")}}}})},
        {"tool_choice"_L1,
            m_echo.contains("tool_choice"_L1) ? m_echo.value("tool_choice"_L1)
                                              : QJsonValue(QStringLiteral("auto"))},
        {"tools"_L1, m_echo.value("tools"_L1).toArray()}, {"top_p"_L1, orNull(m_echo, "top_p")},
        {"truncation"_L1, m_echo.value("truncation"_L1).toString(QStringLiteral("disabled"))},
        {"usage"_L1, m_usage}, {"user"_L1, orNull(m_echo, "user")},
        {"metadata"_L1, m_echo.value("metadata"_L1).toObject()}};
}
