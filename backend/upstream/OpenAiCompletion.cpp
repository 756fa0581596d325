// SPDX-License-Identifier: MIT
#include "upstream/OpenAiCompletion.h"

#include "upstream/OpenAiRequest.h"

OpenAiCompletion::OpenAiCompletion(
    const UpstreamProvider &provider, const ChatRequest &request, QObject *parent)
    : OpenAiChat(
        provider, request, WireApi::OpenAiCompletions, QStringLiteral("/completions"), &upstreamBody, parent)
{ }

QByteArray OpenAiCompletion::upstreamBody(const ChatRequest &request)
{
    if (request.api == WireApi::OpenAiCompletions)
        return streamedWithUsage(request);
    return streamedWithUsage(
        ChatRequest::written(WireApi::OpenAiCompletions, request.model, toOpenAiCompletionBody(request)));
}
