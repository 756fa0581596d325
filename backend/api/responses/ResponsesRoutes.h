// SPDX-License-Identifier: MIT
// OpenAI's Responses API onto every upstream kind: POST /v1/responses (streamed or not), GET and DELETE
// /v1/responses/{id}. A response is kept in history (unless the server is stateless or the request says
// store: false), so it can be fetched and continued with previous_response_id.
#pragma once

#include <QByteArrayView>
#include <QtGlobal>

class ChatService;
class Router;
struct ResponsesRequest;
struct HttpRequest;
class HttpResponder;

class ResponsesRoutes
{
public:
    struct Limits
    {
        qint64 maxBodyBytes = 32 * 1024 * 1024;
        int keepAliveMs = 15'000;
        // The most of earlier turns a previous_response_id brings back (the chat body limit).
        qint64 maxConversationBytes = 32 * 1024 * 1024;
    };

    ResponsesRoutes(ChatService &chat, Limits limits)
        : m_chat(chat)
        , m_limits(limits)
    { }

    void registerOn(Router &router);

private:
    void create(const HttpRequest &request, HttpResponder &out);
    void start(const ResponsesRequest &request, QByteArrayView userAgent, HttpResponder &out);

    ChatService &m_chat;
    Limits m_limits;
};
