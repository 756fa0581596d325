// SPDX-License-Identifier: MIT
// Ollama's API, served on every upstream kind: POST /api/chat, /api/generate and /api/embed (each a live
// session, relayed to an Ollama upstream, translated onto an OpenAI-compatible one), GET /api/tags,
// /api/ps and /api/version, POST /api/show. Errors in Ollama's shape, {"error": "..."}, for the routes'
// own answers and the server's refusals alike. Ponder's streaming API stays under /api/streaming.
#pragma once

#include "api/openai/ChatCompletionRoutes.h"
#include "chat/CompletionRequest.h"

#include <QJsonObject>

#include <functional>

class ChatService;
class Router;
class HttpResponder;
struct HttpRequest;

class OllamaRoutes
{
public:
    OllamaRoutes(ChatService &chat, ChatCompletionRoutes::Limits limits)
        : m_chat(chat)
        , m_limits(limits)
    { }

    void registerOn(Router &router);

private:
    using Parser = std::function<std::variant<CompletionRequest, ApiError>(const QJsonObject &)>;

    void generate(const HttpRequest &request, HttpResponder &out, const Parser &parse);
    void tags(HttpResponder &out);
    void show(const HttpRequest &request, HttpResponder &out);
    void runningModels(HttpResponder &out);
    void version(HttpResponder &out);

    ChatService &m_chat;
    ChatCompletionRoutes::Limits m_limits;
};
