// SPDX-License-Identifier: MIT
// Starts an AG-UI agent's run the way every caller does, the HTTP relay (/agui/NAME) and the window alike:
// the session named by the input's threadId is created (or continued: a thread's next run), titled by
// its last user message and marked as the agent's, then the AgentRun that records into it is made. The
// caller connects to the run and calls start() with the input's bytes.
#pragma once

#include "events/Session.h"
#include "protocols/agui/AgentConfig.h"
#include "store/EventStore.h"

#include <QJsonObject>

#include <functional>

class AgentRun;
class QObject;
class StreamingHub;

namespace AgentLaunch {

// The session a run with `input` (a RunAgentInput) is recorded into. `client` names who asked, when it
// is not an outside caller ("ponder-window").
Session sessionFor(const AgentConfig &agent, const QJsonObject &input, const QString &client = {});

// Creates the session, then the run as `owner`'s child (`started`), or says why the store refused
// (`refused`). Neither is called once `owner` is gone.
void launch(StreamingHub &hub, const AgentConfig &agent, const QJsonObject &input, const QString &client,
    QObject *owner, std::function<void(AgentRun *run)> started,
    std::function<void(const StoreStatus &status)> refused);

} // namespace AgentLaunch
