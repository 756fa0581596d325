// SPDX-License-Identifier: MIT
// Anthropic's `messages` as chat messages: text and image blocks become content parts, tool_result blocks
// tool messages (before what the user adds), an assistant's thinking, text and tool_use blocks one
// assistant message with its reasoning and tool calls.
#pragma once

#include "http/ApiError.h"

#include <QJsonArray>

#include <variant>

namespace AnthropicMessages {

// The messages in order, or a 400 naming the field at fault.
std::variant<QJsonArray, ApiError> toChatMessages(const QJsonArray &messages);

} // namespace AnthropicMessages
