// SPDX-License-Identifier: MIT
// Quoting what a client sent (a path, a header, a name) in an error message or a log line.
#pragma once

#include <QString>

// `text` cut to a length fit to quote: an answer that echoes a request is never much larger than the
// request. Pass the result to QString::arg as an argument, never as the format: a '%1' inside it would
// be substituted again.
QString clippedForMessage(QStringView text, qsizetype most = 120);
