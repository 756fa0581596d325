// SPDX-License-Identifier: MIT
// The ways an upstream fails in the middle of a stream: on either upstream kind, with an error of its own
// (an OpenAI-compatible server's error event, an Ollama error line) or by breaking the connection. Every
// API Ponder serves must end its stream with its own error for each, carrying the upstream's message
// when it sent one; the API tests share these rows so that no API misses one.
#pragma once

#include "FakeUpstream.h"

namespace MidStreamFailure {

// What the failing upstream says, where it says something.
QString message();

// Adds the columns `ollama` and `breakConnection` (both bool) and one row per way of failing.
void addRows();

// `script`, failing after `deltas` deltas in the row's way.
FakeScript failing(FakeScript script, bool breakConnection, int deltas);

} // namespace MidStreamFailure
