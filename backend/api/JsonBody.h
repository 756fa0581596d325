// SPDX-License-Identifier: MIT
// Reads a request's JSON object body, answering 413/400 itself when it is too large or not JSON.
#pragma once

#include "http/ApiError.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <optional>
#include <variant>

struct HttpRequest;
class HttpResponder;
struct StoreStatus;

std::optional<QJsonObject> readJsonBody(
    const HttpRequest &request, qint64 maxBytes, HttpResponder &responder);
// The same, leaving the answer to the caller (a route of another API answers in that API's shape).
std::variant<QJsonObject, ApiError> parseJsonBody(const HttpRequest &request, qint64 maxBytes);
// The same for a body that may be an object or an array of objects (batches).
std::optional<QJsonDocument> readJsonDocument(
    const HttpRequest &request, qint64 maxBytes, HttpResponder &responder);

// Answers a failed store call with the status that tells the client what happened.
void sendStoreFailure(HttpResponder &responder, const StoreStatus &status);
