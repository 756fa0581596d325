// Plain answers the backend's thread gives the window through the gateway (besides chats and feeds).
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// One model as the picker shows it.
struct ListedModel
{
    QString id; // as Ponder lists it (and as a chat names it)
    QString upstream; // the upstream's name: "ollama", "openai-2", ...
    QString upstreamKind; // ollama | openai
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
    QString error;
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
