// Answers one /v1/chat/completions request from its Generation: as SSE chunks the moment each delta
// arrives, or as one completion object at the end.
//
// A stream's HTTP status waits for the upstream's answer, so an unknown model is still a 404; if the
// upstream stays silent past the keep-alive interval, the stream starts anyway and `: keep-alive`
// comments hold the connection open. The client leaving aborts the upstream request at once.
#pragma once

#include "chat/CompletionRequest.h"
#include "protocols/openai/CompletionFormatter.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class Generation;
class HttpResponder;

class CompletionResponse : public QObject
{
    Q_OBJECT

public:
    // Lives as a child of the responder; the generation should be its child, so they end together.
    static CompletionResponse *create(
        const CompletionRequest &request, HttpResponder &responder, int keepAliveMs);

    void attach(Generation *generation);
    void fail(const ApiError &error);

private:
    CompletionResponse(const CompletionRequest &request, HttpResponder &responder, int keepAliveMs);

    void beginStream();
    void write(const QByteArray &event);
    void onContent(const QString &text);
    void onReasoning(const QString &text);
    void onToolCalls(const QJsonArray &fragments);
    void onFinished(const GenerationOutcome &outcome);
    void onKeepAlive();

    CompletionRequest m_request;
    QPointer<HttpResponder> m_responder;
    QPointer<Generation> m_generation;
    CompletionFormatter m_format;
    QTimer m_keepAlive;
};
