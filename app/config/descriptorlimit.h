#pragma once

#include <QtGlobal>

// How many descriptors this process may hold, and so how many connections a listener can keep
// open: each one is a descriptor, and the limit is the machine's, not the app's.
class DescriptorLimit final
{
public:
    DescriptorLimit() = delete;

    // Descriptors kept back from the connections: listeners, the event loop's own, settings,
    // transcripts and the stats file.
    static constexpr int Reserved = 64;
    // No listener takes more than this, whatever the limit: a bound for the form and the flags.
    static constexpr int MaxConnectionsCeiling = 1000000;

    // Raises the soft RLIMIT_NOFILE to the hard one, once at start-up, before any thread.
    static void raise();
    // The soft RLIMIT_NOFILE now; -1 when there is none or it cannot be read.
    static qint64 current();
    // The most connections one listener may be set to keep open: the limit less Reserved, at
    // least 1; MaxConnectionsCeiling when there is no limit.
    static int maxConnections();
};
