#include "descriptorlimit.h"

#include <algorithm>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

void DescriptorLimit::raise()
{
#ifdef Q_OS_UNIX
    rlimit limit = {};
    // The usual soft limit is 1024; the hard limit is what the administrator allows, so a server
    // meant to hold tens of thousands of connections asks for all of it. Capped: beyond the
    // ceiling a larger table of descriptors buys nothing.
    constexpr rlim_t Wanted = rlim_t(MaxConnectionsCeiling) + Reserved;
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < Wanted && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = std::min(limit.rlim_max, Wanted);
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
#endif
}

qint64 DescriptorLimit::current()
{
#ifdef Q_OS_UNIX
    rlimit limit = {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
        return qint64(limit.rlim_cur);
#endif
    return -1;
}

int DescriptorLimit::maxConnections()
{
    const qint64 limit = current();
    if (limit < 0)
        return MaxConnectionsCeiling;
    return int(std::clamp<qint64>(limit - Reserved, 1, MaxConnectionsCeiling));
}
