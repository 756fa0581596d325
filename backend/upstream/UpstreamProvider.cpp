#include "upstream/UpstreamProvider.h"

#include "upstream/OllamaProvider.h"
#include "upstream/OpenAiProvider.h"

#include <QJsonDocument>

std::unique_ptr<UpstreamProvider> UpstreamProvider::create(const UpstreamConfig &config)
{
    if (config.kind == UpstreamConfig::Kind::Ollama)
        return std::make_unique<OllamaProvider>(config);
    return std::make_unique<OpenAiProvider>(config);
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
    if (!body.isEmpty())
        request.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    if (!m_config.apiKey.isEmpty())
        request.headers.append(qMakePair(QByteArray("Authorization"), "Bearer " + m_config.apiKey.toUtf8()));
    return request;
}

void UpstreamProvider::fetchJson(
    const QString &path, std::function<void(std::optional<QJsonObject>, UpstreamError)> done)
{
    auto *client = new HttpStreamClient(this);
    auto body = std::make_shared<QByteArray>();
    auto answered = std::make_shared<bool>(false);
    auto answer = [client, done, answered](std::optional<QJsonObject> json, UpstreamError error) {
        if (std::exchange(*answered, true))
            return;
        client->deleteLater();
        done(std::move(json), std::move(error));
    };
    connect(client, &HttpStreamClient::bodyReceived, client, [body](const QByteArray &bytes) {
        if (body->size() < 16 * 1024 * 1024)
            *body += bytes;
    });
    const QString upstream = name();
    connect(client, &HttpStreamClient::finished, client, [client, body, answer, upstream] {
        if (client->status() / 100 != 2)
            return answer(std::nullopt, UpstreamError::fromHttpStatus(client->status(), *body, upstream));
        const QJsonDocument document = QJsonDocument::fromJson(*body);
        if (!document.isObject())
            return answer(std::nullopt,
                UpstreamError::badGateway(
                    QStringLiteral("upstream '%1' answered with something that is not JSON").arg(upstream)));
        answer(document.object(), {});
    });
    connect(client, &HttpStreamClient::failed, client,
        [answer, upstream](HttpStreamClient::Failure failure, const QString &message) {
            answer(std::nullopt,
                UpstreamError::fromFailure(
                    failure, QStringLiteral("upstream '%1': %2").arg(upstream, message)));
        });
    HttpStreamClient::Request get = request("GET", path);
    get.idleTimeoutMs
        = std::min(get.idleTimeoutMs, 10'000); // listing models is quick, or the server is stuck
    client->start(get);
}
