// SPDX-License-Identifier: MIT
#include "api/agui/AgentLaunch.h"

#include "api/agui/AgentRun.h"
#include "hub/StreamingHub.h"

#include <QJsonArray>
#include <QPointer>

namespace {

// The text of the last user message: the session's title, as a chat's is.
QString lastUserText(const QJsonArray &messages)
{
    for (qsizetype i = messages.size() - 1; i >= 0; --i) {
        const QJsonObject message = messages.at(i).toObject();
        if (message.value(QLatin1StringView("role")).toString() != QLatin1String("user"))
            continue;
        const QJsonValue content = message.value(QLatin1StringView("content"));
        if (content.isString())
            return content.toString();
        QStringList texts;
        for (const QJsonValue &part : content.toArray())
            texts << part[QLatin1StringView("text")].toString();
        return texts.join(QLatin1Char(' '));
    }
    return {};
}

} // namespace

namespace AgentLaunch {

Session sessionFor(const AgentConfig &agent, const QJsonObject &input, const QString &client)
{
    Session session;
    session.id = input.value(QLatin1StringView("threadId")).toString();
    session.userRequest = lastUserText(input.value(QLatin1StringView("messages")).toArray()).left(500);
    session.systemContext
        = {{QStringLiteral("source"), QStringLiteral("ag-ui")}, {QStringLiteral("agent"), agent.name}};
    if (!client.isEmpty())
        session.systemContext.insert(QStringLiteral("client"), client);
    session.createdAt = session.lastActivity = QDateTime::currentDateTimeUtc();
    return session;
}

void launch(StreamingHub &hub, const AgentConfig &agent, const QJsonObject &input, const QString &client,
    QObject *owner, std::function<void(AgentRun *run)> started,
    std::function<void(const StoreStatus &status)> refused)
{
    const Session session = sessionFor(agent, input, client);
    const QString runId = input.value(QLatin1StringView("runId")).toString();
    hub.store().createSession(session,
        [&hub, agent, runId, threadId = session.id, owner = QPointer<QObject>(owner), started, refused](
            StoreStatus status) {
            if (!owner)
                return;
            // A thread's next run finds its session there: 409, and the run goes on in it.
            if (!status.ok() && status.code != StoreStatus::Code::Conflict)
                return refused(status);
            started(new AgentRun(hub, agent, threadId, runId, owner));
        });
}

} // namespace AgentLaunch
