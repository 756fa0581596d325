// SPDX-License-Identifier: MIT
#include "api/anthropic/AnthropicRoutes.h"

#include "api/GenerationStart.h"
#include "api/JsonBody.h"
#include "api/TranslatedResponse.h"
#include "chat/ChatService.h"
#include "http/HttpResponder.h"
#include "http/Router.h"
#include "protocols/anthropic/AnthropicError.h"
#include "protocols/anthropic/AnthropicEvents.h"
#include "protocols/anthropic/AnthropicRequest.h"
#include "upstream/TokenCounter.h"
#include "upstream/UpstreamRegistry.h"

#include <QPointer>

void AnthropicRoutes::registerOn(Router &router)
{
    router.setErrorWriter(
        QStringLiteral("/v1/messages"), [](const HttpRequest &, HttpResponder &out, const ApiError &error) {
            out.sendJson(error.status, anthropicErrorBody(error));
        });
    router.add(
        "POST", QStringLiteral("/v1/messages"),
        [this](const HttpRequest &request, const RouteParams &, HttpResponder &out) { create(request, out); },
        m_limits.maxBodyBytes);
    router.add(
        "POST", QStringLiteral("/v1/messages/count_tokens"),
        [this](const HttpRequest &request, const RouteParams &, HttpResponder &out) {
            countTokens(request, out);
        },
        m_limits.maxBodyBytes);
}

void AnthropicRoutes::create(const HttpRequest &request, HttpResponder &out)
{
    const auto body = readJsonBody(request, m_limits.maxBodyBytes, out);
    if (!body)
        return;
    auto parsed = AnthropicRequest::fromJson(*body, QString::fromUtf8(request.header("x-session-id")));
    if (auto *error = std::get_if<ApiError>(&parsed))
        return sendApiError(out, *error);
    CompletionRequest chat = std::get<AnthropicRequest>(parsed).chat;
    GenerationStart::identify(chat, request.header("user-agent"));
    chat.upstream.clientBytes = request.body.size();
    TranslatedResponse *response = TranslatedResponse::create(std::make_unique<AnthropicEvents>(chat.model),
        chat.stream, chat.sessionId, out, m_limits.keepAliveMs);
    GenerationStart::run(m_chat, chat, response);
}

void AnthropicRoutes::countTokens(const HttpRequest &request, HttpResponder &out)
{
    const auto body = readJsonBody(request, m_limits.maxBodyBytes, out);
    if (!body)
        return;
    auto parsed = AnthropicRequest::fromJson(
        *body, QString::fromUtf8(request.header("x-session-id")), AnthropicRequest::MaxTokens::Optional);
    if (auto *error = std::get_if<ApiError>(&parsed))
        return sendApiError(out, *error);
    CompletionRequest chat = std::get<AnthropicRequest>(parsed).chat;
    chat.upstream.clientBytes = request.body.size();
    QPointer<HttpResponder> responder(&out);
    m_chat.upstreams().resolve(chat.model,
        [responder, chat](std::optional<UpstreamRegistry::Route> route, const UpstreamError &error) {
            if (!responder)
                return;
            if (!route)
                return sendApiError(*responder, error.toApiError());
            const QString upstream = route->upstream->name();
            if (route->upstream->config().kind == UpstreamConfig::Kind::Ollama)
                return sendApiError(*responder,
                    ApiError(501,
                        QStringLiteral(
                            "upstream '%1' is Ollama, which cannot count tokens without running the "
                            "model; count_tokens needs an upstream that tokenizes, such as "
                            "llama.cpp's server")
                            .arg(upstream)));
            ChatRequest routed = chat.upstream;
            routed.model = route->model;
            TokenCounter::count(*route->upstream, routed, [responder, upstream](TokenCounter::Result result) {
                if (!responder)
                    return;
                if (result.tokens)
                    return responder->sendJson(200, {{QStringLiteral("input_tokens"), *result.tokens}});
                if (result.unsupported)
                    return sendApiError(*responder,
                        ApiError(501,
                            QStringLiteral("upstream '%1' cannot count tokens: it has no /apply-template and "
                                           "/tokenize, as llama.cpp's server has")
                                .arg(upstream)));
                sendApiError(*responder, result.error.toApiError());
            });
        });
}
