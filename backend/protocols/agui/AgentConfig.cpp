// SPDX-License-Identifier: MIT
#include "protocols/agui/AgentConfig.h"

#include <algorithm>

bool AgentConfig::isValidName(const QString &name)
{
    return !name.isEmpty() && name.size() <= 64 && std::all_of(name.cbegin(), name.cend(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'.'
            || u == u'_' || u == u'-';
    });
}

std::optional<AgentConfig> AgentConfig::parse(const QString &spec, QString *error)
{
    const qsizetype equals = spec.indexOf(QLatin1Char('='));
    AgentConfig agent;
    agent.name = spec.left(equals);
    if (equals < 0 || !isValidName(agent.name)) {
        *error = QStringLiteral(
            "invalid --agent '%1': expected NAME=URL, NAME being 1 to 64 of A-Z a-z 0-9 . _ -")
                     .arg(spec);
        return std::nullopt;
    }
    agent.url = QUrl(spec.mid(equals + 1), QUrl::StrictMode);
    const QString scheme = agent.url.scheme();
    if (!agent.url.isValid() || agent.url.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))) {
        *error = QStringLiteral("invalid --agent '%1': the URL must be http:// or https:// with a host")
                     .arg(spec);
        return std::nullopt;
    }
    return agent;
}

std::optional<QList<AgentConfig>> AgentConfig::parseList(const QStringList &specs, QString *error)
{
    QList<AgentConfig> agents;
    for (const QString &spec : specs) {
        auto agent = parse(spec, error);
        if (!agent)
            return std::nullopt;
        if (std::any_of(agents.cbegin(), agents.cend(),
                [&](const AgentConfig &other) { return other.name == agent->name; })) {
            *error
                = QStringLiteral("invalid --agent '%1': the name %2 is given twice").arg(spec, agent->name);
            return std::nullopt;
        }
        agents.append(*agent);
    }
    return agents;
}
