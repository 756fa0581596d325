// SPDX-License-Identifier: MIT
// The merge rule for a step published more than once under one step_id (at its start and at its end,
// say), which every watcher applies: the window's timeline, the AG-UI view, and clients that follow
// docs/streaming-api.md.
//
// - Events with the same step_id in a session are one step; it keeps the place of its first event.
// - A member of a later event replaces the earlier one's unless the later one is null or empty ("", [],
//   {}): an end event need not repeat what the start said.
// - `attributes` are merged key by key, a later key replacing an earlier one.
// - `id` and `timestamp` are the latest event's.
#pragma once

#include <QJsonObject>

namespace StepMerge {

QJsonObject merged(const QJsonObject &earlier, const QJsonObject &later);

} // namespace StepMerge
