#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>

class QCommandLineParser;
struct CommandLineOptions;

// The fault flags: --latency MS[:JITTER], --bandwidth KIB, --slice BYTES:MS, --stall-reads,
// --reset-after BYTES|MSms, --close-after BYTES, --accept-then-reset, --slow-close MS. Like the
// other behaviour flags they apply to every listener, headless or in the window.
class FaultFlags final
{
public:
    FaultFlags();

    QList<const QCommandLineOption *> all() const;
    // Reads the flags given into options->faults; why one is bad, or empty.
    QString parse(const QCommandLineParser &parser, CommandLineOptions *options) const;

private:
    QList<QCommandLineOption> m_options;
};
