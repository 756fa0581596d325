// SPDX-License-Identifier: MIT
#include "core/OpenFileLimit.h"

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

#include <algorithm>

namespace OpenFileLimit {

qint64 raise()
{
#ifdef Q_OS_UNIX
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return -1;
    if (limit.rlim_cur < limit.rlim_max) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
#ifdef Q_OS_MACOS
        // macOS refuses soft limits above OPEN_MAX whatever the hard limit says.
        raised.rlim_cur = std::min<rlim_t>(raised.rlim_cur, 10240);
#endif
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
            limit = raised;
    }
    return limit.rlim_cur == RLIM_INFINITY ? -1 : qint64(limit.rlim_cur);
#else
    return -1;
#endif
}

} // namespace OpenFileLimit
