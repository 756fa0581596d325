// SPDX-License-Identifier: MIT
// What one OTLP export may weigh, and how many are taken at once; past them the exporter is told to wait
// (429 with Retry-After) or that its batch is too large (413).
#pragma once

#include <QtGlobal>

struct TraceLimits
{
    qint64 maxBodyBytes = 8 * 1024 * 1024; // on the wire, compressed or not: 413 from the head
    qint64 maxDecodedBytes = 16 * 1024 * 1024; // what a gzip body may inflate to: 413 when it would pass it
    int maxExportsInFlight = 16; // exports being stored at once; more get 429
    int retryAfterSeconds = 1; // what 429 and 503 tell exporters to wait
    int maxTrackedSessions = 10'000; // traced sessions whose progress is followed; the oldest are forgotten
};
