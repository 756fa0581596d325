// SPDX-License-Identifier: MIT
// The body sent to an upstream that speaks the client's API: the client's members as it sent them, with
// Ponder's own settings (model, stream) put in. A member of megabytes (a long user message) is copied from
// the client's own JSON text, not written again from the parsed object: writing JSON converts every string
// to UTF-16 and escapes it again, some 6 ms a megabyte on the server's loop; a copy is a memcpy.
#pragma once

#include "upstream/ChatRequest.h"

namespace RelayedBody {

// Members whose text is at least this long are copied when they can be; shorter ones are written.
constexpr qsizetype MinCopiedBytes = 4096;

// `request.body` with the members of `set` inserted, as compact JSON. Members of request.body that are
// long, appear once in request.clientText under a plain key and are not in request.rewritten are copied
// from clientText; every other member is written from request.body. Without clientText, or when it is not
// a JSON object, all of it is written.
QByteArray write(const ChatRequest &request, const QJsonObject &set);

} // namespace RelayedBody
