// SPDX-License-Identifier: MIT
// The one form of a request's path that the router, the access policy, WebSocket acceptance and the log
// all see. Two spellings of one resource must never be told apart by one check and not by another: the
// API key was once skipped for "//v1/models", which the access policy took for an unknown path and the
// router for /v1/models.
#pragma once

#include "http/ApiError.h"

#include <QByteArrayView>
#include <QString>

#include <variant>

// Normalises the path of an origin-form request target (no query; visible ASCII only):
//  - percent-encoded unreserved characters are decoded ("%2E" is ".", "%76" is "v": RFC 3986 §6.2.2.2),
//    and the hex digits of other encodings are upper-cased;
//  - "." and ".." segments are resolved (RFC 3986 §5.2.4; ".." never climbs above the root);
//  - empty segments are dropped ("//v1//models/" is "/v1/models").
// An encoded '/' ("%2F") stays encoded: it is data inside its segment, never a separator, for every
// component alike (the router decodes a parameter only after splitting: /v1/models/openai%2Fplain names
// the model "openai/plain"). A malformed encoding is refused. Runs in time linear in the path's length.
std::variant<QString, ApiError> normaliseRequestPath(QByteArrayView rawPath);
