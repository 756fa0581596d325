// SPDX-License-Identifier: MIT
// Answers one request of a translated API (Responses, Anthropic Messages) from its Generation, through
// that API's GenerationTranslation: as SSE events the moment each delta arrives, or as one object at the
// end. What CompletionResponse does for chat completions, for any translation:
//  - a stream's HTTP status waits for the upstream's answer (an unknown model is still a 404), or for the
//    first keep-alive tick if the upstream stays silent; keep-alives hold a silent stream open;
//  - the client leaving aborts the upstream request at once;
//  - a failure before the stream began is an HTTP error in the route's own shape, one after it the API's
//    error events, and the stream ends; nothing is made up in the answer's place.
#pragma once

#include "core/QuietTimer.h"
#include "protocols/GenerationTranslation.h"
#include "upstream/CompletionTranscript.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class Generation;
class HttpResponder;

class TranslatedResponse : public QObject
{
    Q_OBJECT

public:
    // Called once the answer is whole, before the client has it: with the API's result and what the
    // model said (for history that a later request continues from).
    using Finished = std::function<void(const QJsonObject &result, const CompletionTranscript &transcript)>;

    // Lives as a child of the responder; the generation should be its child, so they end together.
    static TranslatedResponse *create(std::unique_ptr<GenerationTranslation> translation, bool stream,
        const QString &sessionId, HttpResponder &responder, int keepAliveMs);

    void onFinished(Finished finished) { m_finished = std::move(finished); }
    void attach(Generation *generation);
    void fail(const ApiError &error);

private:
    TranslatedResponse(std::unique_ptr<GenerationTranslation> translation, bool stream,
        const QString &sessionId, HttpResponder &responder, int keepAliveMs);

    void beginStream();
    // Writes what a translation call gave, or fails if the translation found a problem.
    void send(const QList<StreamEvent> &events);
    void write(const QByteArray &bytes);
    void onFinishedGeneration(const GenerationOutcome &outcome);
    void onKeepAlive();

    std::unique_ptr<GenerationTranslation> m_translation;
    bool m_stream;
    bool m_ended = false;
    QPointer<HttpResponder> m_responder;
    QPointer<Generation> m_generation;
    QuietTimer m_keepAlive; // restarted on every write: a clock read, not a timer re-registration
    Finished m_finished;
};
