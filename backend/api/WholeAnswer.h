// SPDX-License-Identifier: MIT
// A generation's answer sent whole (a client that did not stream), in any API.
#pragma once

#include <QJsonObject>

class HttpResponder;
class Generation;

namespace WholeAnswer {

// Sends `answer` as JSON with status 200. Writing JSON converts and escapes every string again (some 6 ms
// a megabyte): when what the generation said is a megabyte or more, the answer is written on a worker and
// sent from the loop once written, unless its client has gone meanwhile.
void send(HttpResponder &responder, const QJsonObject &answer, const Generation *said);

} // namespace WholeAnswer
