// SPDX-License-Identifier: MIT
#include "api/GenerationStart.h"

#include "chat/CompletionRequest.h"
#include "events/Session.h"

namespace {

constexpr int MaxClientNameChars = 200;

} // namespace

void GenerationStart::identify(CompletionRequest &request, QByteArrayView userAgent)
{
    if (request.sessionId.isEmpty())
        request.sessionId = Session::generateId();
    request.client = QString::fromUtf8(userAgent).left(MaxClientNameChars);
}
