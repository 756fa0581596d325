// SPDX-License-Identifier: MIT
// One configured model server. Subclasses speak its API: Ollama's native one or OpenAI's.
#pragma once

#include "upstream/ChatRequest.h"
#include "upstream/ConnectionPool.h"
#include "upstream/UpstreamConfig.h"
#include "upstream/UpstreamError.h"

#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class Generation;

struct ModelInfo
{
    QString id; // the upstream's own name
    qint64 created = 0; // seconds since the epoch, 0 when unknown
    QString ownedBy;
    QString parameterSize; // "8.2B", when the listing says (Ollama's does)
    QString family; // "qwen3", when the listing says
};

// What a model can do, as its server says (Ollama's POST /api/show).
struct ModelCapabilities
{
    QStringList capabilities; // completion, thinking, tools, vision, embedding, insert, ...
    QString parameterSize;
    QString family;
};

class UpstreamProvider : public QObject
{
    Q_OBJECT

public:
    using ModelsDone = std::function<void(std::optional<QList<ModelInfo>> models, UpstreamError error)>;

    const UpstreamConfig &config() const { return m_config; }
    // Keys may arrive after start (the keychain answers asynchronously); later requests use the new one.
    void setApiKey(const QString &key) { m_config.apiKey = key; }
    QString name() const { return m_config.name; }

    // Starts streaming a completion; the caller owns the returned generation.
    virtual Generation *startChat(const ChatRequest &request, QObject *parent) = 0;
    // startChat(), with this provider counted busy until the generation is gone: a registry that no longer
    // lists this upstream keeps it (and its connections) alive for as long as the answer runs.
    Generation *start(const ChatRequest &request, QObject *parent);

    // Held by work in flight (a generation, a request): while any is held, busy() is true. Letting go of
    // the last one emits idle().
    std::shared_ptr<void> hold();
    bool busy() const { return m_holds > 0; }
    virtual void listModels(ModelsDone done) = 0;
    // What `model` can do, when the server can say (Ollama); no answer from servers that cannot.
    virtual void describeModel(
        const QString &model, std::function<void(std::optional<ModelCapabilities>)> done)
    {
        Q_UNUSED(model);
        done(std::nullopt);
    }

    static std::unique_ptr<UpstreamProvider> create(const UpstreamConfig &config);

    using AnswerDone = std::function<void(std::optional<UpstreamAnswer> answer, UpstreamError error)>;
    // One request, its answer read whole as the upstream sent it, whatever its status (up to
    // UpstreamLimits::MaxWholeBodyBytes); an error only when there is no answer to pass on.
    void fetch(const QByteArray &method, const QString &path, const QByteArray &body, AnswerDone done);

    QUrl endpoint(const QString &path) const;
    // A request to this upstream with its key and timeouts.
    HttpStreamClient::Request request(
        const QByteArray &method, const QString &path, const QByteArray &body = {}) const;

Q_SIGNALS:
    void idle();

protected:
    explicit UpstreamProvider(UpstreamConfig config)
        : m_config(std::move(config))
        , m_pool(new ConnectionPool(this))
    { }

    // GETs a JSON document; `done` gets it, or the error as Ponder would answer it.
    // A redirect (a model list that moved, or wants a trailing slash) is followed once.
    void fetchJson(const QString &path, std::function<void(std::optional<QJsonObject>, UpstreamError)> done);
    // The same for any method, with a JSON body.
    void fetchJson(const QByteArray &method, const QString &path, const QJsonObject &payload,
        std::function<void(std::optional<QJsonObject>, UpstreamError)> done);

private:
    void fetchJson(const HttpStreamClient::Request &get, int redirectsLeft,
        std::function<void(std::optional<QJsonObject>, UpstreamError)> done);

    struct WholeAnswer
    {
        UpstreamAnswer answer;
        QUrl redirect; // where a redirect answer points, resolved; empty for any other answer
    };
    using WholeDone = std::function<void(std::optional<WholeAnswer> whole, UpstreamError error)>;
    // Sends `ask` and reads its answer whole (up to UpstreamLimits::MaxWholeBodyBytes, past which the
    // answer is a 502); `done` is called once, with the answer or with why there is none.
    void readWhole(const HttpStreamClient::Request &ask, WholeDone done);

    UpstreamConfig m_config;
    ConnectionPool *m_pool;
    int m_holds = 0;
};
