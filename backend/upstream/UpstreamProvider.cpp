// SPDX-License-Identifier: MIT
#include "upstream/UpstreamProvider.h"

#include "core/Logging.h"
#include "core/OffLoop.h"
#include "core/UpstreamJson.h"
#include "upstream/Generation.h"
#include "upstream/OllamaProvider.h"
#include "upstream/OpenAiProvider.h"
#include "upstream/ProxyRules.h"
#include "upstream/UpstreamLimits.h"

#include <QJsonDocument>
#include <QPointer>

namespace {

// Where a 301, 302, 303, 307 or 308 answer sends the request (resolved against its URL), or empty.
QUrl redirectTarget(const HttpStreamClient &client)
{
    const int status = client.status();
    if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308)
        return {};
    const QByteArray location = client.header("location");
    if (location.isEmpty())
        return {};
    const QUrl target = client.url().resolved(QUrl::fromEncoded(location));
    if (!target.isValid()
        || (target.scheme() != QLatin1String("http") && target.scheme() != QLatin1String("https")))
        return {};
    return target;
}

} // namespace

std::unique_ptr<UpstreamProvider> UpstreamProvider::create(const UpstreamConfig &config)
{
    if (config.kind == UpstreamConfig::Kind::Ollama)
        return std::make_unique<OllamaProvider>(config);
    return std::make_unique<OpenAiProvider>(config);
}

Generation *UpstreamProvider::start(const ChatRequest &request, QObject *parent)
{
    Generation *generation = startChat(request, parent);
    if (!generation)
        return nullptr;
    generation->holdUntilGone(hold());
    return generation;
}

std::shared_ptr<void> UpstreamProvider::hold()
{
    ++m_holds;
    // Let go of by whoever held it last, maybe after this provider is gone (then nothing is left to count).
    return std::shared_ptr<void>(nullptr, [self = QPointer<UpstreamProvider>(this)](void *) {
        if (self && --self->m_holds == 0)
            Q_EMIT self->idle();
    });
}

QUrl UpstreamProvider::endpoint(const QString &path) const
{
    QUrl url = m_config.baseUrl;
    url.setPath(url.path() + path);
    return url;
}

HttpStreamClient::Request UpstreamProvider::request(
    const QByteArray &method, const QString &path, const QByteArray &body) const
{
    HttpStreamClient::Request request;
    request.method = method;
    request.url = endpoint(path);
    request.body = body;
    request.connectTimeoutMs = m_config.connectTimeoutMs;
    request.idleTimeoutMs = m_config.idleTimeoutMs;
    request.pool = m_pool;
    request.proxy = ProxyRules::fromEnvironment().proxyFor(request.url);
    if (!body.isEmpty())
        request.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    if (!m_config.apiKey.isEmpty())
        request.headers.append(qMakePair(QByteArray("Authorization"), "Bearer " + m_config.apiKey.toUtf8()));
    return request;
}

void UpstreamProvider::fetchJson(
    const QString &path, std::function<void(std::optional<QJsonObject>, UpstreamError)> done)
{
    HttpStreamClient::Request get = request("GET", path);
    get.idleTimeoutMs
        = std::min(get.idleTimeoutMs, 10'000); // listing models is quick, or the server is stuck
    fetchJson(get, 1, std::move(done));
}

void UpstreamProvider::fetchJson(const QByteArray &method, const QString &path, const QJsonObject &payload,
    std::function<void(std::optional<QJsonObject>, UpstreamError)> done)
{
    HttpStreamClient::Request ask = request(method, path,
        payload.isEmpty() ? QByteArray() : QJsonDocument(payload).toJson(QJsonDocument::Compact));
    ask.idleTimeoutMs = std::min(ask.idleTimeoutMs, 10'000); // describing a model is quick, or it is stuck
    fetchJson(ask, 0, std::move(done)); // a body is not sent again to wherever a redirect points
}

void UpstreamProvider::fetchJson(const HttpStreamClient::Request &get, int redirectsLeft,
    std::function<void(std::optional<QJsonObject>, UpstreamError)> done)
{
    const QString upstream = name();
    readWhole(get,
        [this, get, redirectsLeft, done, upstream](std::optional<WholeAnswer> whole, UpstreamError error) {
            if (!whole)
                return done(std::nullopt, std::move(error));
            const int status = whole->answer.status;
            if (const QUrl &target = whole->redirect; !target.isEmpty()) {
                if (redirectsLeft == 0)
                    return done(std::nullopt,
                        UpstreamError::badGateway(
                            QStringLiteral("upstream '%1' redirected %2 more than once (HTTP %3 to %4)")
                                .arg(upstream, get.url.toDisplayString(), QString::number(status),
                                    target.toDisplayString())));
                // Followed once: a server that moved its model list (or wants a trailing slash) still
                // answers. The key goes along only to the same server, as curl does.
                qCInfo(lcUpstream).noquote() << "upstream" << upstream << "redirected"
                                             << get.url.toDisplayString() << "to" << target.toDisplayString();
                HttpStreamClient::Request next = get;
                next.url = target;
                next.proxy = ProxyRules::fromEnvironment().proxyFor(target);
                if (target.scheme() != get.url.scheme() || target.host() != get.url.host()
                    || target.port() != get.url.port())
                    next.headers.removeIf([](const auto &header) {
                        return header.first.compare("authorization", Qt::CaseInsensitive) == 0;
                    });
                return fetchJson(next, redirectsLeft - 1, done);
            }
            if (status / 100 != 2)
                return done(
                    std::nullopt, UpstreamError::fromHttpStatus(status, whole->answer.body, upstream));
            const auto read = [done, upstream](const QJsonDocument &document) {
                if (!document.isObject())
                    return done(std::nullopt,
                        UpstreamError::badGateway(
                            QStringLiteral("upstream '%1' answered with something that is not JSON")
                                .arg(upstream)));
                done(document.object(), {});
            };
            const QByteArray &body = whole->answer.body;
            // Busy until it is read, as while it was fetched.
            OffLoop::runIfLarge(
                body.size(), this, [body] { return parseUpstreamJson(body); },
                [read, held = hold()](const QJsonDocument &document) { read(document); });
        });
}

void UpstreamProvider::fetch(
    const QByteArray &method, const QString &path, const QByteArray &body, AnswerDone done)
{
    HttpStreamClient::Request ask = request(method, path, body);
    ask.idleTimeoutMs = std::min(ask.idleTimeoutMs, 30'000); // listing and describing models is quick
    readWhole(ask, [done](std::optional<WholeAnswer> whole, UpstreamError error) {
        done(whole ? std::optional(std::move(whole->answer)) : std::nullopt, std::move(error));
    });
}

void UpstreamProvider::readWhole(const HttpStreamClient::Request &ask, WholeDone done)
{
    auto *client = new HttpStreamClient(this);
    auto received = std::make_shared<QByteArray>();
    auto answered = std::make_shared<bool>(false);
    // Answers once, whichever of the client's signals comes first; busy until the client and every
    // closure over it are gone.
    auto answer
        = [client, done, answered, held = hold()](std::optional<WholeAnswer> whole, UpstreamError error) {
              if (std::exchange(*answered, true))
                  return;
              client->abort();
              client->deleteLater();
              done(std::move(whole), std::move(error));
          };
    const QString upstream = name();
    connect(client, &HttpStreamClient::bodyReceived, client,
        [received, answer, upstream](const QByteArray &bytes) {
            if (received->size() + bytes.size() <= UpstreamLimits::MaxWholeBodyBytes)
                return received->append(bytes), void();
            answer(std::nullopt,
                UpstreamError::badGateway(QStringLiteral("upstream '%1' sent an answer over %2 bytes")
                                              .arg(upstream)
                                              .arg(UpstreamLimits::MaxWholeBodyBytes)));
        });
    connect(client, &HttpStreamClient::finished, client, [client, received, answer] {
        answer(WholeAnswer {{client->status(), client->header("content-type"), *received},
                   redirectTarget(*client)},
            {});
    });
    connect(client, &HttpStreamClient::failed, client,
        [answer, upstream](HttpStreamClient::Failure failure, const QString &message) {
            answer(std::nullopt,
                UpstreamError::fromFailure(
                    failure, QStringLiteral("upstream '%1': %2").arg(upstream, message)));
        });
    client->start(ask);
}
