// SPDX-License-Identifier: MIT
// One server-sent event carrying `data`, framed so that the data cannot end the event early or add
// fields of its own: each of its lines (split at CR, LF or CRLF, as an SSE reader splits them) becomes
// its own "data:" line, which the client joins back with LF. Relayed upstream data goes through here,
// so an upstream's "data: x\ndata: id: 9" reaches the client as the same data, never as an `id` field.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

QByteArray sseDataEvent(QByteArrayView data);
// Whether `data` has no line end (CR or LF): its event is then "data: ", the data and "\n\n", which a writer
// can hand to the kernel as those three parts instead of making the event (a copy of the data).
bool isOneLine(QByteArrayView data);
