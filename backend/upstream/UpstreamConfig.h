// SPDX-License-Identifier: MIT
// Where one model server is and how to talk to it, as given by `--upstream KIND:URL`.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

struct UpstreamConfig
{
    enum class Kind
    {
        Ollama,
        OpenAi
    };

    Kind kind = Kind::Ollama;
    QString name; // unique among the configured upstreams: "ollama", "openai", "openai-2", ...
    QUrl baseUrl; // Ollama: the server root; OpenAI-compatible: up to and including /v1
    QString apiKey; // sent as a Bearer token when set
    int connectTimeoutMs = 10'000;
    int idleTimeoutMs = 300'000; // longest silence: a model may take minutes to load

    static QString kindName(Kind kind)
    {
        return kind == Kind::Ollama ? QStringLiteral("ollama") : QStringLiteral("openai");
    }

    // "ollama:http://127.0.0.1:11434" or "openai:http://127.0.0.1:8080/v1", normalised by normalisedBaseUrl.
    static std::optional<UpstreamConfig> parse(const QString &spec, QString *error);
    // The one form of a server's URL that request paths are appended to: no trailing or doubled slashes;
    // an OpenAI-compatible server's bare root gets /v1; an Ollama URL ending in /v1 (its OpenAI layer)
    // loses it, since Ponder speaks Ollama's native API at the root.
    static QUrl normalisedBaseUrl(Kind kind, const QUrl &given);
    // Several specs, named in order: the first of a kind gets the kind's name, later ones "-2", "-3"...
    static std::optional<QList<UpstreamConfig>> parseList(const QStringList &specs, QString *error);
    static UpstreamConfig defaultOllama();
};
