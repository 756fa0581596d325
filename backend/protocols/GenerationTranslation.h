// SPDX-License-Identifier: MIT
// Turns one Generation's signals into another API's answer (the Responses API's typed events, Anthropic's
// Messages events): pure, with no socket or timer inside, so a unit test or a fuzzer can drive it. The
// same calls build the whole answer of a request that is not streamed (result()).
#pragma once

#include "http/ApiError.h"
#include "upstream/ChatRequest.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QSet>

#include <optional>
#include <utility>

struct StreamEvent
{
    StreamEvent(QString eventType, QJsonObject eventData, QByteArray eventJson = {})
        : type(std::move(eventType))
        , data(std::move(eventData))
        , json(std::move(eventJson))
    { }

    QString type; // the SSE event name, which both APIs make the data's own "type"
    QJsonObject data;
    // `data` as JSON text when it was written as the event was made (a large part shared by several events,
    // encoded once): toSse() writes it instead of encoding `data` again. Empty: `data` is encoded.
    QByteArray json;

    // "event: <type>\ndata: <json>\n\n"
    QByteArray toSse() const;
};

class GenerationTranslation
{
public:
    virtual ~GenerationTranslation() = default;

    // The opening events of a stream (sent once the upstream has answered).
    virtual QList<StreamEvent> start() = 0;
    virtual QList<StreamEvent> content(const QString &text) = 0;
    virtual QList<StreamEvent> reasoning(const QString &text) = 0;
    virtual QList<StreamEvent> toolCalls(const QJsonArray &fragments) = 0;
    // The closing events; result() is the whole answer from then on.
    virtual QList<StreamEvent> finish(const GenerationOutcome &outcome) = 0;
    // The events that end a stream that failed after it began; nothing is made up in the answer's place.
    virtual QList<StreamEvent> fail(const ApiError &error) = 0;
    // What holds a silent stream open.
    virtual QByteArray keepAlive() const = 0;
    virtual QJsonObject result() const = 0;

    // Set when what the upstream sent cannot be said in this API (see each translation); the answer then
    // fails with it instead of going on.
    std::optional<ApiError> problem() const { return m_problem; }

    // For a request that is not streamed, only result() is read: content() and reasoning() then keep the
    // text without making its delta events, which would copy every delta into JSON (three conversions of
    // an answer sent whole, some 5 ms a megabyte, on the server's loop).
    void answerWhole() { m_whole = true; }

protected:
    bool deltasWanted() const { return !m_whole; }
    void setProblem(const ApiError &error)
    {
        if (!m_problem)
            m_problem = error;
    }
    // Both APIs stream one tool call after another: a fragment of a call opened before, once the next has
    // begun, cannot be said in them. False (and the problem set) for such a fragment's index.
    bool mayOpenToolCall(int index, QLatin1StringView apiName);

private:
    std::optional<ApiError> m_problem;
    bool m_whole = false;
    QSet<int> m_openedToolCalls;
};
