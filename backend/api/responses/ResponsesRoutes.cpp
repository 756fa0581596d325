// SPDX-License-Identifier: MIT
#include "api/responses/ResponsesRoutes.h"

#include "api/GenerationStart.h"
#include "api/JsonBody.h"
#include "api/TranslatedResponse.h"
#include "chat/ChatService.h"
#include "history/ConversationStore.h"
#include "http/HttpResponder.h"
#include "http/Router.h"
#include "protocols/responses/ResponsesEvents.h"
#include "protocols/responses/ResponsesRequest.h"

#include <QPointer>

namespace {

ApiError statelessError(const QString &param)
{
    return ApiError(400,
        QStringLiteral("this server is stateless (--stateless): it keeps no responses to continue or fetch"),
        param);
}

} // namespace

void ResponsesRoutes::registerOn(Router &router)
{
    router.add(
        "POST", QStringLiteral("/v1/responses"),
        [this](const HttpRequest &request, const RouteParams &, HttpResponder &out) { create(request, out); },
        m_limits.maxBodyBytes);

    router.add("GET", QStringLiteral("/v1/responses/{id}"),
        [this](const HttpRequest &, const RouteParams &params, HttpResponder &out) {
            const QString id = params.value(QStringLiteral("id"));
            ConversationStore *history = m_chat.history();
            if (!history)
                return sendApiError(out, {404, statelessError({}).message});
            QPointer<HttpResponder> responder(&out);
            history->response(id, [responder, id](std::optional<QJsonObject> response) {
                if (!responder)
                    return;
                if (!response)
                    return sendApiError(*responder,
                        {404,
                            QStringLiteral("no response with id '%1' is stored").arg(clippedForMessage(id))});
                responder->sendJson(200, *response);
            });
        });

    router.add("DELETE", QStringLiteral("/v1/responses/{id}"),
        [this](const HttpRequest &, const RouteParams &params, HttpResponder &out) {
            const QString id = params.value(QStringLiteral("id"));
            ConversationStore *history = m_chat.history();
            if (!history)
                return sendApiError(out, {404, statelessError({}).message});
            QPointer<HttpResponder> responder(&out);
            history->removeResponse(id, [responder, id](bool removed) {
                if (!responder)
                    return;
                if (!removed)
                    return sendApiError(*responder,
                        {404,
                            QStringLiteral("no response with id '%1' is stored").arg(clippedForMessage(id))});
                responder->sendJson(200,
                    {{QStringLiteral("id"), id},
                        {QStringLiteral("object"), QStringLiteral("response.deleted")},
                        {QStringLiteral("deleted"), true}});
            });
        });
}

void ResponsesRoutes::create(const HttpRequest &request, HttpResponder &out)
{
    const auto body = readJsonBody(request, m_limits.maxBodyBytes, out);
    if (!body)
        return;
    auto parsed = ResponsesRequest::fromJson(*body, QString::fromUtf8(request.header("x-session-id")));
    if (auto *error = std::get_if<ApiError>(&parsed))
        return sendApiError(out, *error);
    ResponsesRequest responses = std::get<ResponsesRequest>(parsed);
    responses.chat.upstream.clientBytes = request.body.size();
    const QByteArray userAgent = request.header("user-agent");
    if (responses.previousResponseId.isEmpty())
        return start(responses, userAgent, out);

    ConversationStore *history = m_chat.history();
    if (!history)
        return sendApiError(out, statelessError(QStringLiteral("previous_response_id")));
    QPointer<HttpResponder> responder(&out);
    history->responseChain(responses.previousResponseId, m_limits.maxConversationBytes,
        [this, responder, responses, userAgent](const ResponseChain &chain) mutable {
            if (!responder)
                return;
            const QString param = QStringLiteral("previous_response_id");
            switch (chain.status) {
            case ResponseChain::Status::NotFound:
                return sendApiError(*responder,
                    ApiError(400,
                        QStringLiteral("previous response with id '%1' not found: it was never stored "
                                       "(store: false), deleted, or is from another server")
                            .arg(clippedForMessage(responses.previousResponseId)),
                        param));
            case ResponseChain::Status::TooLarge:
                return sendApiError(*responder,
                    ApiError(400,
                        QStringLiteral("the conversation before '%1' is over %2 bytes: start a new one")
                            .arg(clippedForMessage(responses.previousResponseId))
                            .arg(m_limits.maxConversationBytes),
                        param));
            case ResponseChain::Status::Unavailable:
                return sendApiError(*responder, {503, QStringLiteral("the history database cannot be read")});
            case ResponseChain::Status::Found:
                break;
            }
            responses.continueFrom(chain.messages);
            responses.chat.upstream.clientBytes += chain.bytes;
            // The conversation goes on in its session, unless the client names another.
            if (responses.chat.sessionId.isEmpty())
                responses.chat.sessionId = chain.conversationId;
            start(responses, userAgent, *responder);
        });
}

void ResponsesRoutes::start(const ResponsesRequest &given, QByteArrayView userAgent, HttpResponder &out)
{
    ResponsesRequest request = given;
    GenerationStart::identify(request.chat, userAgent);
    auto translation = std::make_unique<ResponsesEvents>(
        request.chat.model, request.echo, request.previousResponseId, request.store);
    TranslatedResponse *response = TranslatedResponse::create(
        std::move(translation), request.chat.stream, request.chat.sessionId, out, m_limits.keepAliveMs);
    ConversationStore *history = m_chat.history();
    if (history && request.store) {
        // Kept before the client hears the answer is complete, so its next request finds it.
        response->onFinished([history = QPointer<ConversationStore>(history), request](
                                 const QJsonObject &result, const CompletionTranscript &transcript) {
            if (!history)
                return;
            StoredResponse stored;
            stored.id = result.value(QLatin1String("id")).toString();
            stored.conversationId = request.chat.sessionId;
            stored.previousId = request.previousResponseId;
            stored.response = result;
            stored.messages = request.turnMessages;
            stored.messages.append(transcript.message());
            history->recordResponse(stored);
        });
    }
    GenerationStart::run(m_chat, request.chat, response);
}
