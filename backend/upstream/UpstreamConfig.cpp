#include "upstream/UpstreamConfig.h"

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
    config.baseUrl = url.adjusted(QUrl::StripTrailingSlash);
    if (config.kind == Kind::OpenAi && config.baseUrl.path().isEmpty())
        config.baseUrl.setPath(QStringLiteral("/v1"));
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
