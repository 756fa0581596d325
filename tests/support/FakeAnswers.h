// SPDX-License-Identifier: MIT
// What the fake upstream answers, as the real servers write it: the bodies, NDJSON lines and SSE events
// of Ollama (chat, generate, embed, tags, show, ps) and of an OpenAI-compatible server in llama.cpp's
// manner (chat with logprobs, system_fingerprint, usage details, timings and prompt progress; text
// completions; embeddings, as floats or base64). Pure functions of the script and the request.
#pragma once

#include "FakeUpstream.h"

#include <QByteArray>
#include <QList>

namespace FakeAnswers {

QByteArray json(const QJsonObject &object);

// Streams: one element per line or event, each with its line ending ("\n", "\n\n").
QList<QByteArray> ollamaChat(const QString &model, const FakeScript &script);
QList<QByteArray> ollamaGenerate(const QString &model, const FakeScript &script);
QList<QByteArray> openAiChat(const QString &model, const FakeScript &script, const QJsonObject &request);
QList<QByteArray> openAiCompletion(
    const QString &model, const FakeScript &script, const QJsonObject &request);

// Whole answers.
QByteArray openAiChatWhole(const QString &model, const FakeScript &script, const QJsonObject &request);
QByteArray openAiCompletionWhole(const QString &model, const FakeScript &script);
QByteArray ollamaEmbed(const QString &model, const FakeScript &script, const QJsonObject &request);
QByteArray openAiEmbeddings(const QString &model, const FakeScript &script, const QJsonObject &request);
QByteArray ollamaTags(const QHash<QString, FakeScript> &scripts);
QByteArray ollamaPs(const QHash<QString, FakeScript> &scripts);
QByteArray ollamaShow(const FakeScript &script);
QByteArray openAiModels(const QHash<QString, FakeScript> &scripts);

// The embedding the fake gives a text: the same text, the same vector, `dimensions` long.
QList<double> embeddingOf(const QString &text, int dimensions);
// Error bodies in each API's shape; an OpenAI-compatible one in llama.cpp's (numeric code) unless the
// script gives its own.
QByteArray ollamaError(const QString &message);
QByteArray openAiError(const FakeScript &script, int status);

} // namespace FakeAnswers
