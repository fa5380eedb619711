#pragma once

#include <QtGlobal>

// What Linux's /proc tells of a process, for the suites that bound CPU time and memory.

// utime + stime of the process, in clock ticks; -1 when unreadable.
qint64 cpuTicks(qint64 pid);
// Its resident set (VmRSS), in bytes; -1 when unreadable.
qint64 residentBytes(qint64 pid);
