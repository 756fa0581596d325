// SPDX-License-Identifier: MIT
#include "api/openai/ChatCompletionRoutes.h"

#include "api/EmbeddingResponse.h"
#include "api/GenerationStart.h"
#include "api/JsonBody.h"
#include "api/openai/CompletionResponse.h"
#include "api/openai/TextCompletionResponse.h"
#include "chat/ChatService.h"
#include "http/HttpResponder.h"
#include "http/Router.h"
#include "protocols/openai/ChatCompletionRequest.h"
#include "protocols/openai/TextAndEmbeddingRequests.h"
#include "upstream/UpstreamRegistry.h"

#include <QJsonArray>
#include <QPointer>

namespace {

QJsonObject modelJson(const UpstreamRegistry::ListedModel &listed)
{
    return {{QStringLiteral("id"), listed.id}, {QStringLiteral("object"), QStringLiteral("model")},
        {QStringLiteral("created"), listed.model.created},
        {QStringLiteral("owned_by"), listed.model.ownedBy}};
}

} // namespace

void ChatCompletionRoutes::registerOn(Router &router)
{
    router.add("GET", QStringLiteral("/v1/models"),
        [this](const HttpRequest &, const RouteParams &, HttpResponder &out) {
            QPointer<HttpResponder> responder(&out);
            m_chat.upstreams().listModels([responder](const QList<UpstreamRegistry::ListedModel> &models) {
                if (!responder)
                    return;
                QJsonArray data;
                for (const auto &listed : models)
                    data.append(modelJson(listed));
                responder->sendJson(200,
                    {{QStringLiteral("object"), QStringLiteral("list")}, {QStringLiteral("data"), data}});
            });
        });

    router.add("GET", QStringLiteral("/v1/models/{id}"),
        [this](const HttpRequest &, const RouteParams &params, HttpResponder &out) {
            QPointer<HttpResponder> responder(&out);
            const QString id = params.value(QStringLiteral("id"));
            m_chat.upstreams().listModels(
                [responder, id](const QList<UpstreamRegistry::ListedModel> &models) {
                    if (!responder)
                        return;
                    for (const auto &listed : models) {
                        if (listed.id == id)
                            return responder->sendJson(200, modelJson(listed));
                    }
                    ApiError missing(404,
                        QStringLiteral("the model '%1' does not exist").arg(clippedForMessage(id)),
                        QStringLiteral("model"));
                    missing.code = QStringLiteral("model_not_found");
                    sendApiError(*responder, missing);
                });
        });

    router.add(
        "POST", QStringLiteral("/v1/chat/completions"),
        [this](const HttpRequest &request, const RouteParams &, HttpResponder &out) {
            const auto body = readJsonBody(request, m_limits.maxBodyBytes, out);
            if (!body)
                return;
            auto parsed = parseChatCompletionRequest(*body, QString::fromUtf8(request.header("x-session-id")),
                m_limits.reasoningField, QString::fromUtf8(request.header("x-reasoning-field")));
            if (auto *error = std::get_if<ApiError>(&parsed))
                return sendApiError(out, *error);
            CompletionRequest &completion = std::get<CompletionRequest>(parsed);
            GenerationStart::identify(completion, request.header("user-agent"));
            completion.upstream.clientText = request.body;
            completion.upstream.clientBytes = request.body.size();
            completion.upstream.clientBytes = request.body.size();
            GenerationStart::run(
                m_chat, completion, CompletionResponse::create(completion, out, m_limits.keepAliveMs));
        },
        m_limits.maxBodyBytes);

    // The legacy text completions and embeddings, passed to an OpenAI-compatible upstream as they came,
    // onto Ollama's raw /api/generate and /api/embed.
    auto start = [this](const HttpRequest &request, HttpResponder &out,
                     std::variant<CompletionRequest, ApiError> (*parse)(
                         const QJsonObject &, const ApiRequests::Context &)) {
        const auto body = readJsonBody(request, m_limits.maxBodyBytes, out);
        if (!body)
            return;
        auto parsed = parse(*body,
            {QString::fromUtf8(request.header("x-session-id")), m_limits.reasoningField,
                QString::fromUtf8(request.header("x-reasoning-field"))});
        if (auto *error = std::get_if<ApiError>(&parsed))
            return sendApiError(out, *error);
        CompletionRequest &completion = std::get<CompletionRequest>(parsed);
        GenerationStart::identify(completion, request.header("user-agent"));
        completion.upstream.clientText = request.body;
        GenerationResponse *response = isEmbedding(completion.upstream.api)
            ? static_cast<GenerationResponse *>(EmbeddingResponse::create(completion, out))
            : TextCompletionResponse::create(completion, out, m_limits.keepAliveMs);
        GenerationStart::run(m_chat, completion, response);
    };
    router.add(
        "POST", QStringLiteral("/v1/completions"),
        [start](const HttpRequest &request, const RouteParams &, HttpResponder &out) {
            start(request, out, &ApiRequests::openAiCompletions);
        },
        m_limits.maxBodyBytes);
    router.add(
        "POST", QStringLiteral("/v1/embeddings"),
        [start](const HttpRequest &request, const RouteParams &, HttpResponder &out) {
            start(request, out, &ApiRequests::openAiEmbeddings);
        },
        m_limits.maxBodyBytes);
}
