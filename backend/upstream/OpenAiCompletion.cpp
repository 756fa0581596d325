// SPDX-License-Identifier: MIT
#include "upstream/OpenAiCompletion.h"

#include "upstream/OpenAiRequest.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

OpenAiCompletion::OpenAiCompletion(
    const UpstreamProvider &provider, const ChatRequest &request, QObject *parent)
    : OpenAiChat(provider, request.model, WireApi::OpenAiCompletions, QStringLiteral("/completions"),
        upstreamBody(request), parent)
{ }

QByteArray OpenAiCompletion::upstreamBody(const ChatRequest &request)
{
    QJsonObject body
        = request.api == WireApi::OpenAiCompletions ? request.body : toOpenAiCompletionBody(request);
    body.insert("model"_L1, request.model);
    body.insert("stream"_L1, true);
    QJsonObject options = body.value("stream_options"_L1).toObject();
    options.insert("include_usage"_L1, true);
    body.insert("stream_options"_L1, options);
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}
