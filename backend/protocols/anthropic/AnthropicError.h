// SPDX-License-Identifier: MIT
// Anthropic's error shape, {"type":"error","error":{"type","message"}}, with the error type its SDKs map
// from each status: the body of every error on /v1/messages, and of its streams' error events.
#pragma once

#include "http/ApiError.h"

#include <QJsonObject>

QString anthropicErrorType(int status);
QJsonObject anthropicErrorBody(const ApiError &error);
