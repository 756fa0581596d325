// SPDX-License-Identifier: MIT
#include "api/EmbeddingResponse.h"

#include "api/ollama/OllamaResponse.h"
#include "events/JsonSpans.h"
#include "http/HttpResponder.h"
#include "upstream/Generation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtEndian>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

QString base64Floats(const QJsonArray &values)
{
    QByteArray bytes;
    bytes.reserve(values.size() * 4);
    for (const QJsonValue &value : values) {
        char le[4];
        qToLittleEndian(float(value.toDouble()), le);
        bytes.append(le, 4);
    }
    return QString::fromLatin1(bytes.toBase64());
}

QJsonArray floatsOf(const QJsonValue &embedding)
{
    if (embedding.isArray())
        return embedding.toArray();
    const QByteArray bytes = QByteArray::fromBase64(embedding.toString().toLatin1());
    QJsonArray values;
    for (qsizetype at = 0; at + 4 <= bytes.size(); at += 4)
        values.append(double(qFromLittleEndian<float>(bytes.constData() + at)));
    return values;
}

// The upstream's answer naming the model as the client did: only the value of its one "model" member is
// replaced, the vectors (megabytes, for a batch) go on as the upstream wrote them, not parsed and written
// again. An answer without exactly one such member (or with a key written with escapes, which might
// name it too) is parsed and written whole.
QByteArray withModel(const QByteArray &answer, const QString &model)
{
    const QList<JsonSpans::Member> members = JsonSpans::members(answer);
    const JsonSpans::Member *named = JsonSpans::find(members, answer, "model");
    const auto count = std::count_if(members.begin(), members.end(),
        [&](const JsonSpans::Member &member) { return member.key.in(answer) == "\"model\""; });
    const bool escapedKeys = std::any_of(members.begin(), members.end(),
        [&](const JsonSpans::Member &member) { return member.key.in(answer).contains('\\'); });
    if (!named || count != 1 || escapedKeys) {
        QJsonObject object = QJsonDocument::fromJson(answer).object();
        object.insert("model"_L1, model);
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    }
    const QByteArray name = QJsonDocument(QJsonArray {model}).toJson(QJsonDocument::Compact); // ["..."]
    QByteArray renamed = answer.first(named->value.begin);
    renamed += QByteArrayView(name).sliced(1, name.size() - 2);
    renamed += QByteArrayView(answer).sliced(named->value.end);
    return renamed;
}

} // namespace

EmbeddingResponse *EmbeddingResponse::create(const CompletionRequest &request, HttpResponder &responder)
{
    return new EmbeddingResponse(request, responder);
}

EmbeddingResponse::EmbeddingResponse(const CompletionRequest &request, HttpResponder &responder)
    : GenerationResponse({request.upstream.api, false, {}, {}}, request.sessionId, responder, 15'000)
    , m_request(request)
{
    m_elapsed.start();
}

void EmbeddingResponse::onAttached()
{
    if (!isRelaying()) // the vectors are read from the upstream's answer, in its own API
        connect(generation(), &Generation::upstreamData, this,
            [this](const QByteArray &data, const QByteArray &) { m_answer = data; });
}

void EmbeddingResponse::onUpstreamData(const QByteArray &data, const QByteArray &)
{
    m_answer = data;
}

void EmbeddingResponse::onFinished(const GenerationOutcome &outcome)
{
    if (!isRelaying())
        return send(200, translated(outcome));
    if (m_request.model == generation()->model())
        return send(200, m_answer);
    send(200, withModel(m_answer, m_request.model));
}

QByteArray EmbeddingResponse::translated(const GenerationOutcome &outcome) const
{
    const QJsonObject upstream = QJsonDocument::fromJson(m_answer).object();
    const qint64 promptTokens = outcome.usage ? outcome.usage->promptTokens : 0;
    if (m_request.upstream.api == WireApi::OllamaEmbed) {
        QJsonArray embeddings;
        for (const QJsonValue &item : upstream.value("data"_L1).toArray())
            embeddings.append(floatsOf(item["embedding"_L1]));
        return QJsonDocument(
            QJsonObject {{"model"_L1, m_request.model}, {"embeddings"_L1, embeddings},
                {"total_duration"_L1, m_elapsed.nsecsElapsed()}, {"prompt_eval_count"_L1, promptTokens}})
            .toJson(QJsonDocument::Compact);
    }
    const bool base64 = m_request.upstream.body.value("encoding_format"_L1).toString() == "base64"_L1;
    QJsonArray data;
    const QJsonArray embeddings = upstream.value("embeddings"_L1).toArray();
    for (qsizetype i = 0; i < embeddings.size(); ++i)
        data.append(QJsonObject {{"object"_L1, "embedding"_L1}, {"index"_L1, int(i)},
            {"embedding"_L1,
                base64 ? QJsonValue(base64Floats(embeddings.at(i).toArray())) : embeddings.at(i)}});
    return QJsonDocument(
        QJsonObject {{"object"_L1, "list"_L1}, {"data"_L1, data}, {"model"_L1, m_request.model},
            {"usage"_L1,
                QJsonObject {{"prompt_tokens"_L1, promptTokens}, {"total_tokens"_L1, promptTokens}}}})
        .toJson(QJsonDocument::Compact);
}

void EmbeddingResponse::sendError(const ApiError &error)
{
    if (!responder())
        return;
    if (m_request.upstream.api == WireApi::OllamaEmbed)
        return OllamaResponse::sendOllamaError(*responder(), error);
    sendApiError(*responder(), error);
}

QByteArray EmbeddingResponse::errorEvent(const ApiError &) const
{
    return {}; // never streamed
}
