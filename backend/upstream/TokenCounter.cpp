// SPDX-License-Identifier: MIT
#include "upstream/TokenCounter.h"

#include "core/OffLoop.h"
#include "core/UpstreamJson.h"
#include "upstream/HttpStreamClient.h"
#include "upstream/UpstreamLimits.h"
#include "upstream/UpstreamProvider.h"

#include <QJsonDocument>
#include <QPointer>

using namespace Qt::StringLiterals;

namespace TokenCounter {

namespace {

using JsonDone = std::function<void(std::optional<QJsonObject>, Result)>;

// POSTs a JSON text to a path at the upstream's root (its base URL without /v1), reading a bounded answer.
void postWritten(UpstreamProvider &provider, const QString &path, const QByteArray &text, JsonDone done)
{
    HttpStreamClient::Request post = provider.request("POST", QString(), text);
    QString root = post.url.path();
    while (root.endsWith(QLatin1Char('/')))
        root.chop(1);
    if (root.endsWith(QLatin1String("/v1")))
        root.chop(3);
    post.url.setPath(root + path);
    post.idleTimeoutMs = std::min(post.idleTimeoutMs, 60'000);
    post.pool = nullptr;

    auto *client = new HttpStreamClient(&provider);
    auto received = std::make_shared<QByteArray>();
    auto answered = std::make_shared<bool>(false);
    const QString upstream = provider.name();
    auto answer = [client, answered, done](std::optional<QJsonObject> json, Result result) {
        if (std::exchange(*answered, true))
            return;
        client->abort();
        client->deleteLater();
        done(std::move(json), std::move(result));
    };
    QObject::connect(client, &HttpStreamClient::bodyReceived, client,
        [received, answer, upstream](const QByteArray &bytes) {
            if (received->size() + bytes.size() <= UpstreamLimits::MaxWholeBodyBytes) {
                received->append(bytes);
                return;
            }
            answer(std::nullopt,
                {std::nullopt, false,
                    UpstreamError::badGateway(QStringLiteral("upstream '%1' sent an answer over %2 bytes")
                                                  .arg(upstream)
                                                  .arg(UpstreamLimits::MaxWholeBodyBytes))});
        });
    QObject::connect(client, &HttpStreamClient::finished, client, [client, received, answer, upstream] {
        const int status = client->status();
        if (status == 404 || status == 405 || status == 501)
            return answer(std::nullopt, {std::nullopt, true, {}});
        if (status / 100 != 2)
            return answer(std::nullopt,
                {std::nullopt, false, UpstreamError::fromHttpStatus(status, *received, upstream)});
        auto read = [answer, upstream, path = client->url().path()](const QJsonDocument &document) {
            if (!document.isObject())
                return answer(std::nullopt,
                    {std::nullopt, false,
                        UpstreamError::badGateway(
                            QStringLiteral("upstream '%1' answered %2 with something that is not JSON")
                                .arg(upstream, path))});
            answer(document.object(), {});
        };
        // A rendered prompt of megabytes, or its tokens, is parsed on a worker.
        OffLoop::runIfLarge(
            received->size(), client, [bytes = *received] { return parseUpstreamJson(bytes); }, read);
    });
    QObject::connect(client, &HttpStreamClient::failed, client,
        [answer, upstream](HttpStreamClient::Failure failure, const QString &message) {
            answer(std::nullopt,
                {std::nullopt, false,
                    UpstreamError::fromFailure(
                        failure, QStringLiteral("upstream '%1': %2").arg(upstream, message))});
        });
    client->start(post);
}

// The same for a JSON object; `bytes` says about how long it is: one of megabytes is written on a worker
// (some 6 ms a megabyte), and posted once written, unless the provider is gone by then.
void postJson(
    UpstreamProvider &provider, const QString &path, const QJsonObject &body, qsizetype bytes, JsonDone done)
{
    OffLoop::runIfLarge(
        bytes, &provider, [body] { return QJsonDocument(body).toJson(QJsonDocument::Compact); },
        [&provider, path, done](const QByteArray &json) { postWritten(provider, path, json, done); });
}

} // namespace

void count(UpstreamProvider &provider, const ChatRequest &request, std::function<void(Result)> done)
{
    QJsonObject body = request.body;
    body.insert("model"_L1, request.model);
    QPointer<UpstreamProvider> guard(&provider);
    const qsizetype bytes = request.clientBytes; // the rendered prompt is about as long
    postJson(provider, QStringLiteral("/apply-template"), body, bytes,
        [guard, done, bytes](std::optional<QJsonObject> rendered, Result result) {
            if (!rendered || !guard)
                return done(result);
            const QJsonValue prompt = rendered->value("prompt"_L1);
            if (!prompt.isString())
                return done({std::nullopt, true, {}});
            // The rendered template holds the special tokens as text: they count as the model reads them.
            postJson(*guard, QStringLiteral("/tokenize"),
                {{"content"_L1, prompt}, {"add_special"_L1, true}, {"parse_special"_L1, true}}, bytes,
                [done](std::optional<QJsonObject> tokenized, Result tokenizeResult) {
                    if (!tokenized)
                        return done(tokenizeResult);
                    const QJsonValue tokens = tokenized->value("tokens"_L1);
                    if (!tokens.isArray())
                        return done({std::nullopt, true, {}});
                    done({tokens.toArray().size(), false, {}});
                });
        });
}

} // namespace TokenCounter
