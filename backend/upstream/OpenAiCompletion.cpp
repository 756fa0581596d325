// SPDX-License-Identifier: MIT
#include "upstream/OpenAiCompletion.h"

#include "upstream/OpenAiRequest.h"

OpenAiCompletion::OpenAiCompletion(
    const UpstreamProvider &provider, const ChatRequest &request, QObject *parent)
    : OpenAiChat(provider, request.model, WireApi::OpenAiCompletions, QStringLiteral("/completions"),
        upstreamBody(request), parent)
{ }

QByteArray OpenAiCompletion::upstreamBody(const ChatRequest &request)
{
    return streamedWithUsage(
        request.api == WireApi::OpenAiCompletions ? request.body : toOpenAiCompletionBody(request),
        request.model);
}
