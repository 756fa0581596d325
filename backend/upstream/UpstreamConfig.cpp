// SPDX-License-Identifier: MIT
#include "upstream/UpstreamConfig.h"

QUrl UpstreamConfig::normalisedBaseUrl(Kind kind, const QUrl &given)
{
    // Every request path is appended to this one ("/models", "/api/chat"): empty segments go, so a trailing
    // slash or a doubled one never turns into "//models".
    QStringList segments = given.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (kind == Kind::OpenAi && segments.isEmpty())
        segments.append(
            QStringLiteral("v1")); // a bare server root: where every OpenAI-compatible server answers
    // Ollama's native API lives at the root; its OpenAI layer's URL ("…/v1") names the same server.
    if (kind == Kind::Ollama && !segments.isEmpty() && segments.last() == QLatin1String("v1"))
        segments.removeLast();
    QUrl url = given;
    url.setPath(segments.isEmpty() ? QString() : QLatin1Char('/') + segments.join(QLatin1Char('/')));
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

std::optional<UpstreamConfig> UpstreamConfig::parse(const QString &spec, QString *error)
{
    const qsizetype colon = spec.indexOf(QLatin1Char(':'));
    const QString kind = spec.left(colon).trimmed().toLower();
    const QUrl url(spec.mid(colon + 1).trimmed(), QUrl::StrictMode);
    UpstreamConfig config;
    if (kind == QLatin1String("ollama")) {
        config.kind = Kind::Ollama;
    } else if (kind == QLatin1String("openai")) {
        config.kind = Kind::OpenAi;
    } else {
        *error = QStringLiteral("invalid --upstream '%1': expected ollama:URL or openai:URL").arg(spec);
        return std::nullopt;
    }
    if (colon < 0 || !url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        *error = QStringLiteral("invalid --upstream '%1': the URL must be http:// or https:// with a host")
                     .arg(spec);
        return std::nullopt;
    }
    config.baseUrl = normalisedBaseUrl(config.kind, url);
    config.name = kindName(config.kind);
    return config;
}

std::optional<QList<UpstreamConfig>> UpstreamConfig::parseList(const QStringList &specs, QString *error)
{
    QList<UpstreamConfig> configs;
    for (const QString &spec : specs) {
        auto upstream = parse(spec, error);
        if (!upstream)
            return std::nullopt;
        int sameKind = 1;
        for (const UpstreamConfig &other : std::as_const(configs))
            sameKind += other.kind == upstream->kind ? 1 : 0;
        if (sameKind > 1)
            upstream->name += QLatin1Char('-') + QString::number(sameKind);
        configs.append(*upstream);
    }
    return configs;
}

UpstreamConfig UpstreamConfig::defaultOllama()
{
    UpstreamConfig config;
    config.kind = Kind::Ollama;
    config.name = kindName(config.kind);
    config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:11434"));
    return config;
}
