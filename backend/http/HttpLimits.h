// SPDX-License-Identifier: MIT
// What the HTTP layer lets one client do: what a request may weigh, how long it may take to arrive, and
// how many connections may be open at once.
#pragma once

#include <QtGlobal>

struct HttpLimits
{
    qsizetype maxHeadBytes = 64 * 1024; // request line and headers; past it: 431
    qint64 maxBodyBytes = 32 * 1024 * 1024; // past it: 413, before the body is read
    int requestTimeoutMs = 60'000; // from a request's first byte to its last; past it: 408
    int maxConnections = 10'000; // open at once; more wait in the kernel's queue until one closes
};
