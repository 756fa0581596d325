// SPDX-License-Identifier: MIT
// What one upstream response may make Ponder hold at a time. Past each bound the response fails with a
// message that names it: a 502 in OpenAI's error shape, or the stream's error event once the stream has
// begun. The HTTP framing's own bounds (head, chunk-size lines, trailers) are HttpResponseLimits'.
#pragma once

#include <QtGlobal>

namespace UpstreamLimits {

// An SSE line, an SSE event's data and an NDJSON line: far more than any one delta a model sends.
inline constexpr qsizetype MaxLineBytes = 8 * 1024 * 1024;
// A JSON answer read whole: a model list, or a completion from a server that ignored stream:true.
inline constexpr qsizetype MaxWholeBodyBytes = 16 * 1024 * 1024;
// One answer, reasoning, content and tool-call arguments together, as the transcript keeps it: a model
// writing at a hundred tokens a second needs days for this, an upstream that never stops does not.
inline constexpr qsizetype MaxAnswerCharacters = 32 * 1024 * 1024;
// An error answer: its message is all Ponder passes on, and that fits in far less.
inline constexpr qsizetype MaxErrorBodyBytes = 64 * 1024;

} // namespace UpstreamLimits
