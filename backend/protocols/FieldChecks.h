// SPDX-License-Identifier: MIT
// Checks of one request field each, for every API's request reader (chat completions, Ollama's, the text
// and embedding APIs, Responses, Anthropic Messages): a client's mistake becomes a 400 that names the
// field. Absent and null fields pass.
#pragma once

#include "http/ApiError.h"

#include <QJsonObject>

#include <optional>

namespace FieldChecks {

ApiError invalid(const QString &param, const QString &message);

// A number in [low, high].
std::optional<ApiError> number(const QJsonObject &body, const QString &name, double low, double high);
// A whole number in [low, high]; the range is checked on the double, before any conversion (casting a
// double outside qint64's range to an integer is undefined behaviour).
std::optional<ApiError> integer(const QJsonObject &body, const QString &name, qint64 low, qint64 high);
std::optional<ApiError> boolean(const QJsonObject &body, const QString &name);
std::optional<ApiError> string(const QJsonObject &body, const QString &name);
std::optional<ApiError> object(const QJsonObject &body, const QString &name);
std::optional<ApiError> array(const QJsonObject &body, const QString &name);
// A string that is one of `allowed`.
std::optional<ApiError> oneOf(const QJsonObject &body, const QString &name, const QStringList &allowed);

} // namespace FieldChecks
