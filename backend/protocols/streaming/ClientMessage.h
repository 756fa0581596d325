// SPDX-License-Identifier: MIT
// What a WebSocket watcher's client asks for: a JSON object with a "type", or the bare word. Read apart
// from the socket so that unit tests and the fuzzer can send it anything.
#pragma once

#include <QString>

enum class ClientMessage
{
    Ping,
    GetHistory,
    GetStats,
    Unknown
};

ClientMessage readClientMessage(const QString &text);
