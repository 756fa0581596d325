// SPDX-License-Identifier: MIT
// Plain answers the backend's thread gives the window through the gateway (besides chats and feeds).
#pragma once

#include "events/Session.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

// One model as the picker shows it.
struct ListedModel
{
    QString id; // as Ponder lists it (and as a chat names it)
    QString upstream; // the upstream's name: "ollama", "openai-2", ...
    QString upstreamKind; // ollama | openai | agent (an AG-UI agent, listed under "agents")
    QStringList capabilities; // completion, thinking, tools, vision, ... (Ollama's /api/show); empty: unknown
    QString parameterSize; // "8.2B", when the upstream says
    QString family; // "qwen3", "gptoss", when the upstream says
};

struct UpstreamState
{
    QString name;
    QString kind;
    QString url;
    bool checked = false; // asked at least once
    bool reachable = false;
    QString error; // Ponder's English, for the log and as the detail under the window's words
    QString errorCode; // what kind of failure: upstream_unreachable, upstream_timeout, model_not_found, ...
    int models = 0;
};

struct ModelListing
{
    QList<ListedModel> models;
    QList<UpstreamState> upstreams;
};

struct StoreHealth
{
    QString name; // memory | redis
    bool healthy = true;
    QString reason;
};

struct ProbeResult
{
    bool reachable = false;
    QString problem;
    int models = 0;
};

// How a session in the hub stands (QML: LiveState.Running, ...).
namespace LiveState {
Q_NAMESPACE
QML_ELEMENT

enum class State
{
    Running,
    Done,
    Failed,
    Stopped, // the user or the client stopped it
    Ended // ended without saying how (an agent that left), or never seen running
};
Q_ENUM_NS(State)

} // namespace LiveState

using SessionState = LiveState::State;

// A session as the Live sessions list shows it.
struct LiveSession
{
    Session session;
    SessionState state = SessionState::Running;
};
