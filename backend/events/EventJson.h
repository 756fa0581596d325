// SPDX-License-Identifier: MIT
// Small JSON helpers shared by the event types.
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>

namespace EventJson {

QString timestampText(const QDateTime &time); // ISO 8601, UTC, milliseconds
QDateTime parseTimestamp(const QJsonValue &value);

} // namespace EventJson
