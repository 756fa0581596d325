// SPDX-License-Identifier: MIT
#include "FakeAnswers.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace FakeAnswers {

namespace {

constexpr qint64 Created = 1700000000;
const QString Fingerprint = QStringLiteral("b6399-fake"); // llama.cpp's build, as its server says it

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QByteArray sse(const QJsonObject &object)
{
    return "data: " + json(object) + "\n\n";
}

int completionTokens(const FakeScript &script, qsizetype deltas)
{
    return script.completionTokens >= 0 ? script.completionTokens : int(deltas);
}

// llama.cpp's usage: the counts, and how many prompt tokens came from its cache.
QJsonObject usage(const FakeScript &script, int completion)
{
    return {{"prompt_tokens"_L1, script.promptTokens}, {"completion_tokens"_L1, completion},
        {"total_tokens"_L1, script.promptTokens + completion},
        {"prompt_tokens_details"_L1, QJsonObject {{"cached_tokens"_L1, script.cachedTokens}}}};
}

QJsonObject timings(const FakeScript &script, int completion)
{
    return {{"cache_n"_L1, script.cachedTokens}, {"prompt_n"_L1, script.promptTokens - script.cachedTokens},
        {"prompt_ms"_L1, 12.5}, {"prompt_per_token_ms"_L1, 1.5}, {"prompt_per_second"_L1, 640.0},
        {"predicted_n"_L1, completion}, {"predicted_ms"_L1, 250.25}, {"predicted_per_token_ms"_L1, 25.0},
        {"predicted_per_second"_L1, 40.0}};
}

// One token's logprobs as llama.cpp writes them, with `top` alternatives.
QJsonObject tokenLogprob(const QString &token, int position, int top)
{
    auto entry = [](const QString &text, double logprob) {
        QJsonArray bytes;
        for (const char byte : text.toUtf8())
            bytes.append(int(static_cast<unsigned char>(byte)));
        return QJsonObject {{"token"_L1, text}, {"logprob"_L1, logprob}, {"bytes"_L1, bytes}};
    };
    QJsonObject chosen = entry(token, -0.125 * (position + 1));
    QJsonArray alternatives;
    for (int i = 0; i < top; ++i)
        alternatives.append(entry(i == 0 ? token : token + QString::number(i), -0.125 * (position + 1) - i));
    chosen.insert("top_logprobs"_L1, alternatives);
    return chosen;
}

QJsonObject details(const FakeScript &script)
{
    return {{"parent_model"_L1, QString()}, {"format"_L1, "gguf"_L1}, {"family"_L1, script.family},
        {"families"_L1, QJsonArray {script.family}}, {"parameter_size"_L1, script.parameterSize},
        {"quantization_level"_L1, "Q4_K_M"_L1}};
}

QStringList inputsOf(const QJsonValue &input)
{
    if (input.isString())
        return {input.toString()};
    QStringList texts;
    for (const QJsonValue &item : input.toArray())
        texts.append(item.toString());
    return texts;
}

QJsonArray vector(const QString &text, int dimensions)
{
    QJsonArray values;
    for (const double value : embeddingOf(text, dimensions))
        values.append(value);
    return values;
}

// OpenAI's base64 encoding of an embedding: its float32 values, little-endian.
QString base64Vector(const QString &text, int dimensions)
{
    QByteArray bytes;
    for (const double value : embeddingOf(text, dimensions)) {
        char le[4];
        qToLittleEndian(float(value), le);
        bytes.append(le, 4);
    }
    return QString::fromLatin1(bytes.toBase64());
}

} // namespace

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QList<double> embeddingOf(const QString &text, int dimensions)
{
    qint64 hash = 7;
    for (const QChar c : text)
        hash = (hash * 31 + c.unicode()) % 100'003;
    QList<double> values;
    for (int i = 0; i < dimensions; ++i)
        values.append(double((hash * (i + 1)) % 512) / 256.0 - 1.0); // exact in float32 too
    return values;
}

QByteArray ollamaError(const QString &message)
{
    return json({{"error"_L1, message}});
}

QByteArray openAiError(const FakeScript &script, int status)
{
    if (!script.errorBody.isEmpty())
        return script.errorBody;
    return json({{"error"_L1,
        QJsonObject {
            {"code"_L1, status}, {"message"_L1, script.errorMessage}, {"type"_L1, "server_error"_L1}}}});
}

QList<QByteArray> ollamaChat(const QString &model, const FakeScript &script)
{
    QList<QByteArray> lines;
    auto line = [&](const QJsonObject &message, bool done) {
        return QJsonObject {
            {"model"_L1, model}, {"created_at"_L1, now()}, {"message"_L1, message}, {"done"_L1, done}};
    };
    QList<QJsonObject> messages;
    for (const QString &text : script.reasoning) {
        messages.append(script.reasoningInTags
                ? QJsonObject {{"role"_L1, "assistant"_L1}, {"content"_L1, text}}
                : QJsonObject {
                    {"role"_L1, "assistant"_L1}, {"content"_L1, QString()}, {"thinking"_L1, text}});
    }
    for (const QString &text : script.content)
        messages.append({{"role"_L1, "assistant"_L1}, {"content"_L1, text}});
    if (!script.toolCalls.isEmpty()) {
        QJsonArray calls;
        for (const QJsonValue &call : script.toolCalls)
            calls.append(QJsonObject {{"function"_L1,
                QJsonObject {{"name"_L1, call["name"_L1]}, {"arguments"_L1, call["arguments"_L1]}}}});
        messages.append({{"role"_L1, "assistant"_L1}, {"content"_L1, QString()}, {"tool_calls"_L1, calls}});
    }
    for (qsizetype i = 0; i < messages.size(); ++i) {
        if (i == script.errorAfterDeltas) {
            lines.append(ollamaError(script.errorMessage) + '\n');
            return lines;
        }
        lines.append(json(line(messages.at(i), false)) + '\n');
    }
    QJsonObject last = line({{"role"_L1, "assistant"_L1}, {"content"_L1, QString()}}, true);
    last.insert("done_reason"_L1, script.finishReason == "length"_L1 ? "length"_L1 : "stop"_L1);
    last.insert("total_duration"_L1, 123456789);
    last.insert("load_duration"_L1, 1234567);
    last.insert("prompt_eval_count"_L1, script.promptTokens);
    last.insert("prompt_eval_duration"_L1, 12345678);
    last.insert("eval_count"_L1, completionTokens(script, messages.size()));
    last.insert("eval_duration"_L1, 100000000);
    lines.append(json(last) + '\n');
    return lines;
}

QList<QByteArray> ollamaGenerate(const QString &model, const FakeScript &script)
{
    QList<QByteArray> lines;
    QList<QJsonObject> pieces;
    for (const QString &text : script.reasoning)
        pieces.append(script.reasoningInTags
                ? QJsonObject {{"response"_L1, text}}
                : QJsonObject {{"response"_L1, QString()}, {"thinking"_L1, text}});
    for (const QString &text : script.content)
        pieces.append({{"response"_L1, text}});
    for (qsizetype i = 0; i < pieces.size(); ++i) {
        if (i == script.errorAfterDeltas) {
            lines.append(ollamaError(script.errorMessage) + '\n');
            return lines;
        }
        QJsonObject piece {{"model"_L1, model}, {"created_at"_L1, now()}, {"done"_L1, false}};
        for (auto it = pieces.at(i).begin(); it != pieces.at(i).end(); ++it)
            piece.insert(it.key(), it.value());
        lines.append(json(piece) + '\n');
    }
    lines.append(
        json({{"model"_L1, model}, {"created_at"_L1, now()}, {"response"_L1, QString()}, {"done"_L1, true},
            {"done_reason"_L1, script.finishReason == "length"_L1 ? "length"_L1 : "stop"_L1},
            {"context"_L1, QJsonArray {1, 2, 3}}, {"total_duration"_L1, 123456789},
            {"load_duration"_L1, 1234567}, {"prompt_eval_count"_L1, script.promptTokens},
            {"prompt_eval_duration"_L1, 12345678}, {"eval_count"_L1, completionTokens(script, pieces.size())},
            {"eval_duration"_L1, 100000000}})
        + '\n');
    return lines;
}

QList<QByteArray> openAiChat(const QString &model, const FakeScript &script, const QJsonObject &request)
{
    const bool logprobs = request.value("logprobs"_L1).toBool();
    const int top = request.value("top_logprobs"_L1).toInt();
    auto chunk = [&](const QJsonObject &delta, const QJsonValue &finish) {
        return QJsonObject {{"id"_L1, "chatcmpl-fake"_L1}, {"object"_L1, "chat.completion.chunk"_L1},
            {"created"_L1, Created}, {"model"_L1, model}, {"system_fingerprint"_L1, Fingerprint},
            {"choices"_L1,
                QJsonArray {
                    QJsonObject {{"index"_L1, 0}, {"delta"_L1, delta}, {"finish_reason"_L1, finish}}}}};
    };
    QList<QJsonObject> chunks;
    // llama.cpp opens with the role and a null content; asked for prompt progress, its first chunks say how
    // far it has read the prompt, the first of them with the role.
    const QJsonObject role {{"role"_L1, "assistant"_L1}, {"content"_L1, QJsonValue::Null}};
    const int steps
        = request.value("return_progress"_L1).toBool() ? std::max(1, script.promptProgressSteps) : 0;
    for (int i = 1; i <= steps; ++i) {
        QJsonObject progress = chunk(i == 1 ? role : QJsonObject {}, QJsonValue::Null);
        progress.insert("prompt_progress"_L1,
            QJsonObject {{"total"_L1, script.promptTokens}, {"cache"_L1, script.cachedTokens},
                {"processed"_L1,
                    script.cachedTokens + (script.promptTokens - script.cachedTokens) * i / steps},
                {"time_ms"_L1, 5 * i}});
        chunks.append(progress);
    }
    if (steps == 0)
        chunks.append(chunk(role, QJsonValue::Null));

    QList<QJsonObject> deltas;
    for (const QString &text : script.reasoning)
        deltas.append(
            {{script.reasoningInTags ? QStringLiteral("content") : script.openAiReasoningField, text}});
    for (const QString &text : script.content)
        deltas.append({{"content"_L1, text}});
    for (qsizetype i = 0; i < script.toolCalls.size(); ++i) {
        const QJsonObject call = script.toolCalls.at(i).toObject();
        const QByteArray arguments = json(call.value("arguments"_L1).toObject());
        const qsizetype half = arguments.size() / 2;
        deltas.append({{"tool_calls"_L1,
            QJsonArray {QJsonObject {{"index"_L1, int(i)}, {"id"_L1, QStringLiteral("call_%1").arg(i)},
                {"type"_L1, "function"_L1},
                {"function"_L1,
                    QJsonObject {{"name"_L1, call.value("name"_L1)},
                        {"arguments"_L1, QString::fromUtf8(arguments.left(half))}}}}}}});
        deltas.append({{"tool_calls"_L1,
            QJsonArray {QJsonObject {{"index"_L1, int(i)},
                {"function"_L1, QJsonObject {{"arguments"_L1, QString::fromUtf8(arguments.mid(half))}}}}}}});
    }
    QList<QByteArray> events;
    for (const QJsonObject &opening : chunks)
        events.append(sse(opening));
    int tokens = 0;
    for (qsizetype i = 0; i < deltas.size(); ++i) {
        if (i == script.errorAfterDeltas) {
            events.append(sse({{"error"_L1,
                QJsonObject {{"code"_L1, 500}, {"message"_L1, script.errorMessage},
                    {"type"_L1, "server_error"_L1}}}}));
            return events;
        }
        QJsonObject event = chunk(deltas.at(i), QJsonValue::Null);
        if (logprobs && deltas.at(i).contains("content"_L1)) {
            QJsonObject choice = event.value("choices"_L1).toArray().first().toObject();
            choice.insert("logprobs"_L1,
                QJsonObject {{"content"_L1,
                    QJsonArray {tokenLogprob(deltas.at(i).value("content"_L1).toString(), tokens++, top)}}});
            event.insert("choices"_L1, QJsonArray {choice});
        }
        events.append(sse(event));
    }
    const int completion = completionTokens(script, deltas.size());
    QList<QJsonObject> closing {
        chunk({}, script.toolCalls.isEmpty() ? script.finishReason : QStringLiteral("tool_calls"))};
    if (request.value("stream_options"_L1)["include_usage"_L1].toBool()) {
        QJsonObject last = chunk({}, QJsonValue::Null);
        last.insert("choices"_L1, QJsonArray {});
        last.insert("usage"_L1, usage(script, completion));
        closing.append(last);
    }
    closing.last().insert("timings"_L1, timings(script, completion)); // on the last chunk, as llama.cpp does
    for (const QJsonObject &event : closing)
        events.append(sse(event));
    events.append("data: [DONE]\n\n");
    return events;
}

QByteArray openAiChatWhole(const QString &model, const FakeScript &script, const QJsonObject &request)
{
    QJsonObject message {{"role"_L1, "assistant"_L1}, {"content"_L1, script.content.join(QString())}};
    if (!script.reasoning.isEmpty())
        message.insert(script.openAiReasoningField, script.reasoning.join(QString()));
    QJsonObject choice {{"index"_L1, 0}, {"message"_L1, message}, {"finish_reason"_L1, script.finishReason}};
    if (request.value("logprobs"_L1).toBool()) {
        QJsonArray tokens;
        for (qsizetype i = 0; i < script.content.size(); ++i)
            tokens.append(
                tokenLogprob(script.content.at(i), int(i), request.value("top_logprobs"_L1).toInt()));
        choice.insert("logprobs"_L1, QJsonObject {{"content"_L1, tokens}});
    }
    const int completion = completionTokens(script, script.reasoning.size() + script.content.size());
    return json({{"id"_L1, "chatcmpl-fake"_L1}, {"object"_L1, "chat.completion"_L1}, {"created"_L1, Created},
        {"model"_L1, model}, {"system_fingerprint"_L1, Fingerprint}, {"choices"_L1, QJsonArray {choice}},
        {"usage"_L1, usage(script, completion)}, {"timings"_L1, timings(script, completion)}});
}

QList<QByteArray> openAiCompletion(const QString &model, const FakeScript &script, const QJsonObject &request)
{
    auto chunk = [&](const QString &text, const QJsonValue &finish) {
        return QJsonObject {{"id"_L1, "cmpl-fake"_L1}, {"object"_L1, "text_completion"_L1},
            {"created"_L1, Created}, {"model"_L1, model}, {"system_fingerprint"_L1, Fingerprint},
            {"choices"_L1,
                QJsonArray {QJsonObject {{"text"_L1, text}, {"index"_L1, 0},
                    {"logprobs"_L1, QJsonValue::Null}, {"finish_reason"_L1, finish}}}}};
    };
    QList<QByteArray> events;
    for (qsizetype i = 0; i < script.content.size(); ++i) {
        if (i == script.errorAfterDeltas) {
            events.append(sse({{"error"_L1,
                QJsonObject {{"code"_L1, 500}, {"message"_L1, script.errorMessage},
                    {"type"_L1, "server_error"_L1}}}}));
            return events;
        }
        events.append(sse(chunk(script.content.at(i), QJsonValue::Null)));
    }
    const int completion = completionTokens(script, script.content.size());
    QList<QJsonObject> closing {chunk(QString(), script.finishReason)};
    if (request.value("stream_options"_L1)["include_usage"_L1].toBool()) {
        QJsonObject last = chunk(QString(), QJsonValue::Null);
        last.insert("choices"_L1, QJsonArray {});
        last.insert("usage"_L1, usage(script, completion));
        closing.append(last);
    }
    closing.last().insert("timings"_L1, timings(script, completion));
    for (const QJsonObject &event : closing)
        events.append(sse(event));
    events.append("data: [DONE]\n\n");
    return events;
}

QByteArray openAiCompletionWhole(const QString &model, const FakeScript &script)
{
    const int completion = completionTokens(script, script.content.size());
    return json({{"id"_L1, "cmpl-fake"_L1}, {"object"_L1, "text_completion"_L1}, {"created"_L1, Created},
        {"model"_L1, model}, {"system_fingerprint"_L1, Fingerprint},
        {"choices"_L1,
            QJsonArray {QJsonObject {{"text"_L1, script.content.join(QString())}, {"index"_L1, 0},
                {"logprobs"_L1, QJsonValue::Null}, {"finish_reason"_L1, script.finishReason}}}},
        {"usage"_L1, usage(script, completion)}, {"timings"_L1, timings(script, completion)}});
}

QByteArray ollamaEmbed(const QString &model, const FakeScript &script, const QJsonObject &request)
{
    QJsonArray embeddings;
    const QStringList inputs = inputsOf(request.value("input"_L1));
    for (const QString &text : inputs)
        embeddings.append(vector(text, request.value("dimensions"_L1).toInt(script.embeddingDimensions)));
    return json({{"model"_L1, model}, {"embeddings"_L1, embeddings}, {"total_duration"_L1, 14143917},
        {"load_duration"_L1, 1019500}, {"prompt_eval_count"_L1, int(inputs.size()) * 8}});
}

QByteArray openAiEmbeddings(const QString &model, const FakeScript &script, const QJsonObject &request)
{
    const bool base64 = request.value("encoding_format"_L1).toString() == "base64"_L1;
    const int dimensions = request.value("dimensions"_L1).toInt(script.embeddingDimensions);
    QJsonArray data;
    const QStringList inputs = inputsOf(request.value("input"_L1));
    for (qsizetype i = 0; i < inputs.size(); ++i)
        data.append(QJsonObject {{"object"_L1, "embedding"_L1}, {"index"_L1, int(i)},
            {"embedding"_L1,
                base64 ? QJsonValue(base64Vector(inputs.at(i), dimensions))
                       : QJsonValue(vector(inputs.at(i), dimensions))}});
    const int tokens = int(inputs.size()) * 8;
    return json({{"object"_L1, "list"_L1}, {"data"_L1, data}, {"model"_L1, model},
        {"usage"_L1, QJsonObject {{"prompt_tokens"_L1, tokens}, {"total_tokens"_L1, tokens}}}});
}

QByteArray ollamaTags(const QHash<QString, FakeScript> &scripts)
{
    QJsonArray models;
    for (auto it = scripts.begin(); it != scripts.end(); ++it)
        models.append(QJsonObject {{"name"_L1, it.key()}, {"model"_L1, it.key()},
            {"modified_at"_L1, "2025-05-01T10:00:00.000000Z"_L1}, {"size"_L1, 1234}, {"digest"_L1, "abc"_L1},
            {"details"_L1, details(*it)}});
    return json({{"models"_L1, models}});
}

QByteArray ollamaPs(const QHash<QString, FakeScript> &scripts)
{
    QJsonArray models;
    for (auto it = scripts.begin(); it != scripts.end(); ++it)
        models.append(QJsonObject {{"name"_L1, it.key()}, {"model"_L1, it.key()}, {"size"_L1, 1234},
            {"digest"_L1, "abc"_L1}, {"details"_L1, details(*it)},
            {"expires_at"_L1, "2030-01-01T00:00:00.000000Z"_L1}, {"size_vram"_L1, 1000},
            {"context_length"_L1, 4096}});
    return json({{"models"_L1, models}});
}

QByteArray ollamaShow(const FakeScript &script)
{
    return json({{"modelfile"_L1, "FROM fake\n"_L1}, {"parameters"_L1, "temperature 0.7"_L1},
        {"template"_L1, "{{ .Prompt }}"_L1}, {"details"_L1, details(script)},
        {"model_info"_L1,
            QJsonObject {{"general.architecture"_L1, script.family}, {"general.parameter_count"_L1, 8000}}},
        {"capabilities"_L1, QJsonArray::fromStringList(script.capabilities)},
        {"modified_at"_L1, "2025-05-01T10:00:00.000000Z"_L1}});
}

QByteArray openAiModels(const QHash<QString, FakeScript> &scripts)
{
    QJsonArray models;
    for (auto it = scripts.begin(); it != scripts.end(); ++it)
        models.append(QJsonObject {{"id"_L1, it.key()}, {"object"_L1, "model"_L1}, {"created"_L1, Created},
            {"owned_by"_L1, "fake-org"_L1}});
    return json({{"object"_L1, "list"_L1}, {"data"_L1, models}});
}

} // namespace FakeAnswers
