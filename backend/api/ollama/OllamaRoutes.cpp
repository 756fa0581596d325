// SPDX-License-Identifier: MIT
#include "api/ollama/OllamaRoutes.h"

#include "api/EmbeddingResponse.h"
#include "api/GenerationStart.h"
#include "api/JsonBody.h"
#include "api/ollama/OllamaResponse.h"
#include "chat/ChatService.h"
#include "core/Version.h"
#include "http/HttpResponder.h"
#include "http/Router.h"
#include "protocols/ollama/OllamaRequests.h"
#include "upstream/UpstreamError.h"
#include "upstream/UpstreamRegistry.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSet>

using namespace Qt::StringLiterals;

namespace {

// The Ollama behind Ponder answered: its answer as it is, when it is one an Ollama client can read (a JSON
// body, with a status that carries one). An error in words (an older Ollama's "404 page not found", a
// proxy's page) keeps its status, its text put in Ollama's shape; a 204, a 304 or a redirect is a 502.
void sendAnswer(HttpResponder &out, const UpstreamAnswer &answer)
{
    const bool carriesBody = answer.status >= 200 && answer.status <= 599 && answer.status != 204
        && answer.status != 205 && answer.status / 100 != 3;
    if (!carriesBody)
        return OllamaResponse::sendOllamaError(out,
            ApiError(502,
                QStringLiteral("the upstream Ollama answered with status %1 and no body")
                    .arg(answer.status)));
    QJsonParseError parseError;
    QJsonDocument::fromJson(answer.body, &parseError);
    if (parseError.error == QJsonParseError::NoError)
        return out.send(answer.status, answer.body,
            answer.contentType.isEmpty() ? QByteArray("application/json") : answer.contentType);
    const QString text = UpstreamError::messageFromBody(answer.body);
    if (answer.status >= 400)
        return OllamaResponse::sendOllamaError(out, ApiError(answer.status, text));
    OllamaResponse::sendOllamaError(out,
        ApiError(502,
            QStringLiteral("the upstream Ollama answered with status %1 and no JSON: %2")
                .arg(answer.status)
                .arg(text)));
}

// An OpenAI-compatible server's model, as Ollama lists one: what is known of it, nothing made up.
QJsonObject ollamaEntry(const QString &name, const ModelInfo &model)
{
    return {{"name"_L1, name}, {"model"_L1, name},
        {"modified_at"_L1,
            model.created > 0 ? QDateTime::fromSecsSinceEpoch(model.created, Qt::UTC).toString(Qt::ISODate)
                              : QString()},
        {"size"_L1, 0}, {"digest"_L1, QString()},
        {"details"_L1,
            QJsonObject {{"parent_model"_L1, QString()}, {"format"_L1, QString()},
                {"family"_L1, model.family}, {"families"_L1, QJsonValue::Null},
                {"parameter_size"_L1, model.parameterSize}, {"quantization_level"_L1, QString()}}}};
}

// Collects the answers of several upstreams, each into its place, and calls `done` once all are in.
struct Gathering
{
    QList<std::optional<UpstreamAnswer>> answers;
    QList<std::optional<QList<ModelInfo>>> models;
    QStringList names; // the upstreams asked, as the list was then (Settings may replace it meanwhile)
    int waiting = 0;
};

} // namespace

void OllamaRoutes::registerOn(Router &router)
{
    const ApiRequests::Context defaults {{}, m_limits.reasoningField, {}};
    auto context = [defaults](const HttpRequest &request) {
        ApiRequests::Context forRequest = defaults;
        forRequest.headerSessionId = QString::fromUtf8(request.header("x-session-id"));
        return forRequest;
    };
    router.add(
        "POST", QStringLiteral("/api/chat"),
        [this, context](const HttpRequest &request, const RouteParams &, HttpResponder &out) {
            generate(request, out,
                [&](const QJsonObject &body) { return ApiRequests::ollamaChat(body, context(request)); });
        },
        m_limits.maxBodyBytes);
    router.add(
        "POST", QStringLiteral("/api/generate"),
        [this, context](const HttpRequest &request, const RouteParams &, HttpResponder &out) {
            generate(request, out,
                [&](const QJsonObject &body) { return ApiRequests::ollamaGenerate(body, context(request)); });
        },
        m_limits.maxBodyBytes);
    router.add(
        "POST", QStringLiteral("/api/embed"),
        [this, context](const HttpRequest &request, const RouteParams &, HttpResponder &out) {
            generate(request, out,
                [&](const QJsonObject &body) { return ApiRequests::ollamaEmbed(body, context(request)); });
        },
        m_limits.maxBodyBytes);
    router.add("GET", QStringLiteral("/api/tags"),
        [this](const HttpRequest &, const RouteParams &, HttpResponder &out) { tags(out); });
    router.add("GET", QStringLiteral("/api/ps"),
        [this](const HttpRequest &, const RouteParams &, HttpResponder &out) { runningModels(out); });
    router.add("GET", QStringLiteral("/api/version"),
        [this](const HttpRequest &, const RouteParams &, HttpResponder &out) { version(out); });
    router.add("POST", QStringLiteral("/api/show"),
        [this](const HttpRequest &request, const RouteParams &, HttpResponder &out) { show(request, out); });
    // Every /api path but the streaming API's is Ollama's: a route Ponder lacks (/api/pull) is refused in
    // the words Ollama's clients read too.
    router.setErrorWriter(
        QStringLiteral("/api"), [](const HttpRequest &, HttpResponder &out, const ApiError &error) {
            OllamaResponse::sendOllamaError(out, error);
        });
    router.setErrorWriter(QStringLiteral("/api/streaming"), {});
}

void OllamaRoutes::generate(const HttpRequest &request, HttpResponder &out, const Parser &parse)
{
    const auto body = parseJsonBody(request, m_limits.maxBodyBytes);
    if (const auto *error = std::get_if<ApiError>(&body))
        return OllamaResponse::sendOllamaError(out, *error);
    auto parsed = parse(std::get<QJsonObject>(body));
    if (const auto *error = std::get_if<ApiError>(&parsed))
        return OllamaResponse::sendOllamaError(out, *error);
    CompletionRequest &completion = std::get<CompletionRequest>(parsed);
    GenerationStart::identify(completion, request.header("user-agent"));
    completion.upstream.clientText = request.body;
    completion.upstream.clientBytes = request.body.size();
    GenerationResponse *response = isEmbedding(completion.upstream.api)
        ? static_cast<GenerationResponse *>(EmbeddingResponse::create(completion, out))
        : OllamaResponse::create(completion, out, m_limits.keepAliveMs);
    GenerationStart::run(m_chat, completion, response);
}

void OllamaRoutes::tags(HttpResponder &out)
{
    UpstreamRegistry &upstreams = m_chat.upstreams();
    QPointer<HttpResponder> responder(&out);
    // One Ollama: its own answer, as it is.
    if (upstreams.size() == 1 && upstreams.at(0)->config().kind == UpstreamConfig::Kind::Ollama)
        return upstreams.at(0)->fetch("GET", QStringLiteral("/api/tags"), {},
            [responder](std::optional<UpstreamAnswer> answer, const UpstreamError &error) {
                if (!responder)
                    return;
                if (!answer)
                    return OllamaResponse::sendOllamaError(*responder, error.toApiError());
                sendAnswer(*responder, *answer);
            });
    // Several: every reachable one's models, an id already listed named "<upstream>/<id>", as /v1/models.
    auto gathering = std::make_shared<Gathering>();
    gathering->answers.resize(upstreams.size());
    gathering->models.resize(upstreams.size());
    gathering->waiting = upstreams.size();
    for (int i = 0; i < upstreams.size(); ++i)
        gathering->names.append(upstreams.at(i)->name());
    auto finish = [responder, gathering] {
        if (--gathering->waiting > 0 || !responder)
            return;
        QJsonArray models;
        QSet<QString> taken;
        for (qsizetype i = 0; i < gathering->names.size(); ++i) {
            auto named = [&](const QString &id) {
                const QString name = taken.contains(id) ? gathering->names.at(i) + QLatin1Char('/') + id : id;
                taken.insert(name);
                return name;
            };
            if (const auto &answer = gathering->answers.at(i); answer && answer->status / 100 == 2) {
                for (const QJsonValue &value : QJsonDocument::fromJson(answer->body)["models"_L1].toArray()) {
                    QJsonObject entry = value.toObject();
                    const QString name = named(entry.value("name"_L1).toString());
                    entry.insert("name"_L1, name);
                    entry.insert("model"_L1, name);
                    models.append(entry);
                }
            }
            for (const ModelInfo &model : gathering->models.at(i).value_or(QList<ModelInfo> {}))
                models.append(ollamaEntry(named(model.id), model));
        }
        responder->sendJson(200, {{"models"_L1, models}});
    };
    for (int i = 0; i < upstreams.size(); ++i) {
        UpstreamProvider *upstream = upstreams.at(i);
        if (upstream->config().kind == UpstreamConfig::Kind::Ollama)
            upstream->fetch("GET", QStringLiteral("/api/tags"), {},
                [gathering, finish, i](std::optional<UpstreamAnswer> answer, const UpstreamError &) {
                    gathering->answers[i] = std::move(answer);
                    finish();
                });
        else
            upstream->listModels(
                [gathering, finish, i](std::optional<QList<ModelInfo>> models, const UpstreamError &) {
                    gathering->models[i] = std::move(models);
                    finish();
                });
    }
}

void OllamaRoutes::runningModels(HttpResponder &out)
{
    UpstreamRegistry &upstreams = m_chat.upstreams();
    QPointer<HttpResponder> responder(&out);
    QList<UpstreamProvider *> ollamas;
    for (int i = 0; i < upstreams.size(); ++i) {
        if (upstreams.at(i)->config().kind == UpstreamConfig::Kind::Ollama)
            ollamas.append(upstreams.at(i));
    }
    // An OpenAI-compatible server says nothing of what it holds in memory.
    if (ollamas.isEmpty())
        return out.sendJson(200, {{"models"_L1, QJsonArray {}}});
    if (ollamas.size() == 1 && upstreams.size() == 1)
        return ollamas.first()->fetch("GET", QStringLiteral("/api/ps"), {},
            [responder](std::optional<UpstreamAnswer> answer, const UpstreamError &error) {
                if (!responder)
                    return;
                if (!answer)
                    return OllamaResponse::sendOllamaError(*responder, error.toApiError());
                sendAnswer(*responder, *answer);
            });
    auto gathering = std::make_shared<Gathering>();
    gathering->answers.resize(ollamas.size());
    gathering->waiting = ollamas.size();
    for (qsizetype i = 0; i < ollamas.size(); ++i) {
        ollamas.at(i)->fetch("GET", QStringLiteral("/api/ps"), {},
            [gathering, responder, i, names = ollamas.at(i)->name()](
                std::optional<UpstreamAnswer> answer, const UpstreamError &) {
                gathering->answers[i] = std::move(answer);
                if (--gathering->waiting > 0 || !responder)
                    return;
                QJsonArray models;
                for (const auto &each : gathering->answers) {
                    if (each && each->status / 100 == 2)
                        for (const QJsonValue &model :
                            QJsonDocument::fromJson(each->body)["models"_L1].toArray())
                            models.append(model);
                }
                responder->sendJson(200, {{"models"_L1, models}});
            });
    }
}

void OllamaRoutes::version(HttpResponder &out)
{
    UpstreamRegistry &upstreams = m_chat.upstreams();
    QPointer<HttpResponder> responder(&out);
    for (int i = 0; i < upstreams.size(); ++i) {
        if (upstreams.at(i)->config().kind != UpstreamConfig::Kind::Ollama)
            continue;
        // The Ollama behind Ponder says which of its API's features there are.
        return upstreams.at(i)->fetch("GET", QStringLiteral("/api/version"), {},
            [responder](std::optional<UpstreamAnswer> answer, const UpstreamError &error) {
                if (!responder)
                    return;
                if (!answer)
                    return OllamaResponse::sendOllamaError(*responder, error.toApiError());
                sendAnswer(*responder, *answer);
            });
    }
    out.sendJson(200, {{"version"_L1, QStringLiteral(PONDER_VERSION_STRING)}});
}

void OllamaRoutes::show(const HttpRequest &request, HttpResponder &out)
{
    const auto parsed = parseJsonBody(request, Router::DefaultMaxBodyBytes);
    if (const auto *error = std::get_if<ApiError>(&parsed))
        return OllamaResponse::sendOllamaError(out, *error);
    QJsonObject body = std::get<QJsonObject>(parsed);
    // Older clients send the model as "name".
    const QString model = body.value("model"_L1).toString(body.value("name"_L1).toString());
    if (model.isEmpty())
        return OllamaResponse::sendOllamaError(
            out, ApiError(400, QStringLiteral("model is required"), QStringLiteral("model")));
    QPointer<HttpResponder> responder(&out);
    UpstreamRegistry &upstreams = m_chat.upstreams();
    auto notFound = [model](HttpResponder &to) {
        OllamaResponse::sendOllamaError(
            to, ApiError(404, QStringLiteral("model '%1' not found").arg(clippedForMessage(model))));
    };
    upstreams.resolve(model,
        [responder, body, model, notFound, &upstreams](
            std::optional<UpstreamRegistry::Route> route, const UpstreamError &error) mutable {
            if (!responder)
                return;
            if (!route)
                return error.status == 404 ? notFound(*responder)
                                           : OllamaResponse::sendOllamaError(*responder, error.toApiError());
            if (route->upstream->config().kind == UpstreamConfig::Kind::Ollama) {
                body.insert("model"_L1, route->model);
                body.remove("name"_L1);
                return route->upstream->fetch("POST", QStringLiteral("/api/show"),
                    QJsonDocument(body).toJson(QJsonDocument::Compact),
                    [responder](std::optional<UpstreamAnswer> answer, const UpstreamError &failure) {
                        if (!responder)
                            return;
                        if (!answer)
                            return OllamaResponse::sendOllamaError(*responder, failure.toApiError());
                        sendAnswer(*responder, *answer);
                    });
            }
            // An OpenAI-compatible server lists its models and says little more: what it says, and no more.
            upstreams.listModels(
                [responder, model, notFound](const QList<UpstreamRegistry::ListedModel> &listed) {
                    if (!responder)
                        return;
                    for (const auto &entry : listed) {
                        if (entry.id != model)
                            continue;
                        const QJsonObject summary = ollamaEntry(model, entry.model);
                        return responder->sendJson(200,
                            {{"modelfile"_L1, QString()}, {"parameters"_L1, QString()},
                                {"template"_L1, QString()}, {"details"_L1, summary.value("details"_L1)},
                                {"model_info"_L1, QJsonObject {}},
                                {"capabilities"_L1, QJsonArray {"completion"_L1}},
                                {"modified_at"_L1, summary.value("modified_at"_L1)}});
                    }
                    notFound(*responder);
                });
        });
}
