// SPDX-License-Identifier: MIT
// What every API's generation route does once it has read a request in its own words: the request
// gets its session and its client's name, then runs at the chat service through the response the
// route made for its API.
#pragma once

#include "chat/ChatService.h"

#include <QByteArrayView>
#include <QPointer>

namespace GenerationStart {

// A new session unless the client named one; the client's User-Agent, which the live sessions list shows.
void identify(CompletionRequest &request, QByteArrayView userAgent);

// Runs the request; the response (a GenerationResponse or a TranslatedResponse) relays its generation,
// or answers why none started. A response already gone (its client left) is not touched.
template<typename Response>
void run(ChatService &chat, const CompletionRequest &request, Response *response)
{
    QPointer<Response> guard(response);
    chat.start(request, response, [guard](Generation *generation, std::optional<ApiError> error) {
        if (!guard)
            return;
        if (error)
            return guard->fail(*error);
        guard->attach(generation);
    });
}

} // namespace GenerationStart
