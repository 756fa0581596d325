// SPDX-License-Identifier: MIT
#include "api/ollama/OllamaResponse.h"

#include "events/JsonSpans.h"
#include "http/HttpResponder.h"
#include "upstream/Generation.h"
#include "upstream/JsonScan.h"

#include <QDateTime>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// The client named the model "<upstream>/<name>": the upstream's lines name it so too.
QByteArray renamed(const QByteArray &line, const QByteArray &prefix)
{
    if (prefix.isEmpty())
        return line;
    JsonScan scan(line); // the generation's reader looks into the same line next
    const JsonSpans::Member *model = JsonSpans::find(scan.members(), line, "model");
    if (!model || line.at(model->value.begin) != '"')
        return line;
    QByteArray out = line;
    return out.insert(model->value.begin + 1, prefix);
}

} // namespace

OllamaResponse *OllamaResponse::create(
    const CompletionRequest &request, HttpResponder &responder, int keepAliveMs)
{
    return new OllamaResponse(request, responder, keepAliveMs);
}

void OllamaResponse::sendOllamaError(HttpResponder &responder, const ApiError &error)
{
    addRetryAfter(responder, error);
    responder.sendJson(error.status, {{QStringLiteral("error"), error.message}});
}

OllamaResponse::OllamaResponse(const CompletionRequest &request, HttpResponder &responder, int keepAliveMs)
    : GenerationResponse({request.upstream.api, request.stream, "application/x-ndjson", {}},
        request.sessionId, responder, keepAliveMs)
    , m_request(request)
{
    m_elapsed.start();
}

void OllamaResponse::onUpstreamData(const QByteArray &data, const QByteArray &)
{
    if (m_modelPrefix.isEmpty() && m_request.model != generation()->model()
        && m_request.model.endsWith(QLatin1Char('/') + generation()->model()))
        m_modelPrefix = m_request.model.chopped(generation()->model().size()).toUtf8();
    if (!isStreaming())
        return m_assembler.add(data);
    beginStream();
    // The upstream's line and its end as two parts: not copied into one line first.
    write({renamed(data, m_modelPrefix), "\n"});
}

QJsonObject OllamaResponse::line(const QString &content, const QString &thinking) const
{
    QJsonObject object {{"model"_L1, m_request.model}, {"created_at"_L1, now()}};
    if (isChat()) {
        QJsonObject message {{"role"_L1, "assistant"_L1}, {"content"_L1, content}};
        if (!thinking.isEmpty())
            message.insert("thinking"_L1, thinking);
        object.insert("message"_L1, message);
    } else {
        object.insert("response"_L1, content);
        if (!thinking.isEmpty())
            object.insert("thinking"_L1, thinking);
    }
    object.insert("done"_L1, false);
    return object;
}

void OllamaResponse::writeLine(const QJsonObject &object)
{
    beginStream();
    write(compact(object) + '\n');
}

void OllamaResponse::onContent(const QString &text)
{
    if (m_firstTokenNs < 0)
        m_firstTokenNs = m_elapsed.nsecsElapsed();
    if (isStreaming())
        writeLine(line(text, {}));
}

void OllamaResponse::onReasoning(const QString &text)
{
    if (m_firstTokenNs < 0)
        m_firstTokenNs = m_elapsed.nsecsElapsed();
    if (isStreaming())
        writeLine(line({}, text));
}

QJsonObject OllamaResponse::lastLine(const GenerationOutcome &outcome) const
{
    QJsonObject last = line({}, {});
    last.insert("done"_L1, true);
    // Ollama says "stop" for an answer that called tools; "length" when it ran out of tokens.
    last.insert("done_reason"_L1, outcome.finishReason == "length"_L1 ? "length"_L1 : "stop"_L1);
    // The upstream's durations where it reported them (llama.cpp's timings); else what Ponder measured:
    // the whole request, the wait for the first token, and the generation after it.
    const qint64 total = m_elapsed.nsecsElapsed();
    const qint64 first = m_firstTokenNs >= 0 ? m_firstTokenNs : total;
    const UpstreamDurations said = outcome.durations.value_or(UpstreamDurations {});
    last.insert("total_duration"_L1, said.totalNs >= 0 ? said.totalNs : total);
    if (said.loadNs >= 0)
        last.insert("load_duration"_L1, said.loadNs);
    if (outcome.usage)
        last.insert("prompt_eval_count"_L1, outcome.usage->promptTokens);
    last.insert("prompt_eval_duration"_L1, said.promptNs >= 0 ? said.promptNs : first);
    if (outcome.usage)
        last.insert("eval_count"_L1, outcome.usage->completionTokens);
    last.insert("eval_duration"_L1, said.evalNs >= 0 ? said.evalNs : total - first);
    return last;
}

void OllamaResponse::onFinished(const GenerationOutcome &outcome)
{
    if (isRelaying()) {
        if (isStreaming())
            return endStream();
        QJsonObject answer = m_assembler.answer();
        if (!m_modelPrefix.isEmpty())
            answer.insert("model"_L1, m_request.model);
        return sendAnswer(answer);
    }
    const CompletionTranscript &said = generation()->transcript();
    QJsonArray calls;
    for (const QJsonValue &call : said.toolCallsJson()) {
        const QJsonObject function = call["function"_L1].toObject();
        calls.append(QJsonObject {{"function"_L1,
            QJsonObject {{"name"_L1, function.value("name"_L1)},
                {"arguments"_L1,
                    QJsonDocument::fromJson(function.value("arguments"_L1).toString().toUtf8()).object()}}}});
    }
    if (isStreaming()) {
        if (!calls.isEmpty()) {
            QJsonObject withCalls = line({}, {});
            QJsonObject message = withCalls.value("message"_L1).toObject();
            message.insert("tool_calls"_L1, calls);
            withCalls.insert("message"_L1, message);
            writeLine(withCalls);
        }
        writeLine(lastLine(outcome));
        return endStream();
    }
    QJsonObject answer = lastLine(outcome);
    const QJsonObject whole = line(said.content, said.reasoning);
    if (isChat()) {
        QJsonObject message = whole.value("message"_L1).toObject();
        if (!calls.isEmpty())
            message.insert("tool_calls"_L1, calls);
        answer.insert("message"_L1, message);
    } else {
        answer.insert("response"_L1, whole.value("response"_L1));
        if (whole.contains("thinking"_L1))
            answer.insert("thinking"_L1, whole.value("thinking"_L1));
    }
    sendAnswer(answer);
}

void OllamaResponse::sendError(const ApiError &error)
{
    if (responder())
        sendOllamaError(*responder(), error);
}

QByteArray OllamaResponse::errorEvent(const ApiError &error) const
{
    return compact({{QStringLiteral("error"), error.message}}) + '\n';
}
