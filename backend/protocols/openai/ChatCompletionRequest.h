// SPDX-License-Identifier: MIT
// A POST /v1/chat/completions body, validated and read into the request ChatService runs: a client's
// mistake becomes a 400 that names the field, and fields Ponder does not know are kept and forwarded (Open
// WebUI and the SDKs send extras).
#pragma once

#include "chat/CompletionRequest.h"
#include "http/ApiError.h"

#include <variant>

class QJsonObject;

// The session id comes from `headerSessionId` (X-Session-Id) if given, else from the body's session_id or
// metadata.session_id; empty if none names one.
// The reasoning field comes from the body's `reasoning_field`, else `headerReasoningField`
// (X-Reasoning-Field), else `defaultReasoningField` (--reasoning-field).
std::variant<CompletionRequest, ApiError> parseChatCompletionRequest(const QJsonObject &body,
    const QString &headerSessionId, ReasoningField defaultReasoningField = ReasoningField::ReasoningContent,
    const QString &headerReasoningField = {});
