// SPDX-License-Identifier: MIT
// JSON that a model server wrote, read as its own clients read it. A server can send bytes that are not
// UTF-8 (a token cut inside a character, a stray byte); the SDKs people use decode those as U+FFFD and go
// on, so a single bad byte must not cost Ponder the rest of an answer either.
#pragma once

#include <QByteArray>
#include <QJsonDocument>

// `bytes` with every sequence that is not UTF-8 replaced by U+FFFD; valid UTF-8 is returned as it is.
QByteArray repairedUtf8(const QByteArray &bytes);

// Parses `bytes` as JSON; only if they are not UTF-8 are they repaired (repairedUtf8) and parsed again, so
// the common case costs one parse.
QJsonDocument parseUpstreamJson(const QByteArray &bytes, QJsonParseError *error = nullptr);
