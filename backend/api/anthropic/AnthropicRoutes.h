// SPDX-License-Identifier: MIT
// Anthropic's Messages API onto every upstream kind: POST /v1/messages (streamed or not) and
// POST /v1/messages/count_tokens. Every error under /v1/messages, the HTTP edge's refusals included, is in
// Anthropic's shape. The `anthropic-version` header is accepted and not needed; the key may come as
// x-api-key or as a Bearer token (AccessPolicy reads both).
#pragma once

#include <QtGlobal>

class ChatService;
class Router;
struct HttpRequest;
class HttpResponder;

class AnthropicRoutes
{
public:
    struct Limits
    {
        qint64 maxBodyBytes = 32 * 1024 * 1024;
        int keepAliveMs = 15'000;
    };

    AnthropicRoutes(ChatService &chat, Limits limits)
        : m_chat(chat)
        , m_limits(limits)
    { }

    void registerOn(Router &router);

private:
    void create(const HttpRequest &request, HttpResponder &out);
    void countTokens(const HttpRequest &request, HttpResponder &out);

    ChatService &m_chat;
    Limits m_limits;
};
