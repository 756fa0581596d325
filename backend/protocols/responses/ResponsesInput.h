// SPDX-License-Identifier: MIT
// The Responses API's `input` as chat messages, in order: message items with their parts, function calls
// (consecutive ones, and a message just before them, share one assistant message, as a chat model produced
// them), their outputs as tool messages, and reasoning items as the next assistant message's reasoning.
#pragma once

#include "http/ApiError.h"

#include <QJsonArray>

#include <variant>

namespace ResponsesInput {

// A string (one user message) or a non-empty array of input items; otherwise a 400 naming the field.
std::variant<QJsonArray, ApiError> toChatMessages(const QJsonValue &input);

} // namespace ResponsesInput
