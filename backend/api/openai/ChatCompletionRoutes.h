// SPDX-License-Identifier: MIT
// The OpenAI-compatible API: GET /v1/models, GET /v1/models/{id}, POST /v1/chat/completions.
#pragma once

#include "chat/ReasoningField.h"

#include <QtGlobal>

class ChatService;
class Router;

class ChatCompletionRoutes
{
public:
    struct Limits
    {
        qint64 maxBodyBytes = 32 * 1024 * 1024; // images travel inline as base64
        int keepAliveMs = 15'000;
        ReasoningField reasoningField = ReasoningField::ReasoningContent; // when a request names none
    };

    ChatCompletionRoutes(ChatService &chat, Limits limits)
        : m_chat(chat)
        , m_limits(limits)
    { }

    void registerOn(Router &router);

private:
    ChatService &m_chat;
    Limits m_limits;
};
