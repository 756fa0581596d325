// SPDX-License-Identifier: MIT
// Which error shape a path's clients read. OpenAI's (ApiError) unless a route of another API registers its
// own for its path: Ollama's clients read {"error": "..."}, Anthropic's {"type":"error","error":{...}}. The
// server's own refusals (401, 403, 404, 405, 413, ...) of a request to such a path come in that shape too.
#pragma once

#include "http/ApiError.h"

#include <QHash>
#include <QString>

#include <functional>

struct HttpRequest;

class ErrorShapes
{
public:
    using Writer = std::function<void(HttpResponder &, const ApiError &)>;

    // `path` as normalised (normaliseRequestPath), matched whole.
    void add(const QString &path, Writer writer) { m_writers.insert(path, std::move(writer)); }
    void send(const HttpRequest &request, HttpResponder &out, const ApiError &error) const;

private:
    QHash<QString, Writer> m_writers;
};
