// SPDX-License-Identifier: MIT
// What a GenAI span recorded of the conversation, when its instrumentation records content: the input the
// model or agent got, what it answered, and its reasoning. Read from the semantic conventions'
// gen_ai.input.messages / gen_ai.output.messages (a JSON string or a structured value, on the span or on
// a span event), and from the older gen_ai.prompt / gen_ai.completion attributes and events.
#pragma once

#include "protocols/otlp/OtlpSpan.h"

struct GenAiContent
{
    QString input; // the last user message's text (else the last message's)
    QString output; // the answer's text, or the tools it called
    QString reasoning; // reasoning parts of the answer

    static GenAiContent of(const OtlpSpan &span);
};
