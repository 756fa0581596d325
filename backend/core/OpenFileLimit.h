// SPDX-License-Identifier: MIT
// How many files (sockets included) this process may have open, and raising that to what the system allows.
#pragma once

#include <QtGlobal>

namespace OpenFileLimit {

// Raises the soft limit to the hard one (Unix; desktop sessions often start at 1,024 with a far higher
// hard limit) and returns the limit in force, or -1 where the system has none to report.
qint64 raise();

} // namespace OpenFileLimit
