// SPDX-License-Identifier: MIT
// An AG-UI agent Ponder relays to, as `ponder serve --agent NAME=URL` (or the window's settings) names
// it: runs posted to /agui/NAME go to URL.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

struct AgentConfig
{
    QString name; // 1 to 64 of A-Z a-z 0-9 . _ - : it is a path segment of /agui/NAME
    QUrl url; // http:// or https://, where the agent takes RunAgentInput

    static bool isValidName(const QString &name);
    // "NAME=URL".
    static std::optional<AgentConfig> parse(const QString &spec, QString *error);
    // Several, each name once.
    static std::optional<QList<AgentConfig>> parseList(const QStringList &specs, QString *error);
};
