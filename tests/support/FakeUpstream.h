// SPDX-License-Identifier: MIT
// A model server for tests: speaks Ollama's native API (NDJSON) and OpenAI's (SSE, in llama.cpp's manner)
// as the real ones do (FakeAnswers writes what it says), following a script per model: reasoning, content,
// tool calls, usage, delays, TCP pieces split mid-frame, HTTP errors, error events mid-stream and connections
// that break. It lives in tests/ only.
//
// It writes raw HTTP/1.1 on QTcpSocket so a script controls exactly which bytes leave when, and keeps
// connections alive between requests unless the client says Connection: close.
#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

#include <atomic>
#include <functional>

struct FakeScript
{
    QStringList reasoning; // reasoning deltas, in the API's own field
    QStringList content; // content deltas
    bool reasoningInTags = false; // put reasoning into the content as <think>...</think> instead
    QString openAiReasoningField = QStringLiteral("reasoning_content"); // or "reasoning"
    QJsonArray toolCalls; // [{name, arguments(object)}]
    QString finishReason = QStringLiteral("stop");
    int promptTokens = 11;
    int completionTokens = -1; // -1: the number of deltas
    int delayMs = 0; // between deltas
    int deltasPerDelay = 1; // > 1: the delay comes after every this many deltas (2 and 1 ms: ~2,000/s)
    int firstByteDelayMs = 0; // before the response starts
    int splitBytes = 0; // > 0: every write goes out in pieces of this many bytes, a few ms apart
    int status = 200; // != 200: an error response in the API's own shape
    QString errorMessage = QStringLiteral("something went wrong upstream");
    int errorAfterDeltas = -1; // >= 0: an error event/line after this many deltas, then the end
    int breakAfterDeltas = -1; // >= 0: the connection is cut after this many deltas

    // The window's scenarios (kept together, apart from the rest).
    int failTimes = -1; // with `status`: only the first this many chat requests fail; -1: all of them
    int retryAfterSeconds = -1; // >= 0: an error response says Retry-After
    // What POST /api/show says the model can do, as Ollama does. A model that has capabilities but not
    // "thinking" refuses `think` with a 400, as Ollama does; `think: false` turns its reasoning off.
    QStringList capabilities;
    QString parameterSize;
    QString family = QStringLiteral("fake");

    // What llama.cpp's server adds (an OpenAI-compatible upstream), and what embeddings look like.
    int cachedTokens = 3; // usage.prompt_tokens_details.cached_tokens, timings.cache_n, prompt_progress.cache
    int promptProgressSteps
        = 2; // prompt_progress chunks before the answer, when the request asks (return_progress)
    QByteArray errorBody; // with `status`: the error answer's exact body (else one in llama.cpp's shape)
    int embeddingDimensions = 4;
};

struct FakeRequest
{
    QByteArray method;
    QByteArray path;
    QList<QPair<QByteArray, QByteArray>> headers;
    QJsonObject body;
    QByteArray rawBody; // as it came

    QByteArray header(const QByteArray &name) const;
};

class FakeUpstream : public QObject
{
    Q_OBJECT

public:
    // In a delta's text, replaced by the 16-digit monotonicNs() of the moment the delta is written.
    static constexpr const char *StampPlaceholder = "TTTTTTTTTTTTTTTT";
    static qint64 monotonicNs();

    explicit FakeUpstream(QObject *parent = nullptr);
    ~FakeUpstream() override;
    // On `port`, or a free one: a server started again where it was, after it stopped.
    bool start(quint16 port = 0);
    quint16 port() const { return m_server.serverPort(); }
    QString ollamaSpec() const; // for --upstream
    QString openAiSpec() const;

    // Models the fake knows; any other model is a 404 in the API's own words.
    void setScript(const QString &model, const FakeScript &script) { m_scripts.insert(model, script); }
    void removeModel(const QString &model) { m_scripts.remove(model); } // as `ollama rm` does
    void setRequiredKey(const QByteArray &key) { m_requiredKey = key; }

    // The next request that arrives on an already used keep-alive connection is met with a hang-up, as
    // when a server closes an idle connection just as a client reuses it.
    void hangUpOnNextReuse() { m_hangUpOnReuse = true; }

    // While held, model listings (GET /api/tags, /v1/models) wait unanswered: a slow server, whose answer a
    // test lets go of exactly when it wants. heldListings() counts those waiting; release answers them.
    void holdListings() { m_holdListings = true; }
    int heldListings() const { return int(m_heldListings.size()); }
    void releaseListings();

    QList<FakeRequest> requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }
    // Read from another thread too (a benchmark runs the fake on a thread of its own).
    int connectionsAccepted() const { return m_connections.load(); }
    FakeRequest lastChatRequest() const;
    // Chat responses whose client closed the connection before the fake had finished writing.
    int abandonedResponses() const { return m_abandoned; }

private:
    class Connection;

    QTcpServer m_server;
    QHash<QString, FakeScript> m_scripts;
    QByteArray m_requiredKey;
    QList<FakeRequest> m_requests;
    QHash<QString, int> m_chatsByModel; // chat requests per model, for FakeScript::failTimes
    int m_abandoned = 0;
    std::atomic<int> m_connections {0};
    bool m_hangUpOnReuse = false;
    bool m_holdListings = false;
    QList<std::function<void()>> m_heldListings;
};
