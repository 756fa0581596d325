// SPDX-License-Identifier: MIT
// The thinking and progress types of the original streaming service; clients written for it send these.
#pragma once

#include <QStringList>

namespace EventTypes {

const QStringList &thinkingTypes();
const QStringList &progressTypes();

} // namespace EventTypes
