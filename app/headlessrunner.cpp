#include "headlessrunner.h"

#include "listenercontroller.h"
#include "signalwatcher.h"
#include "statsreporter.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cstdio>

namespace {

void printLine(std::FILE *stream, const QString &line)
{
    const QByteArray bytes = line.toLocal8Bit();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fputc('\n', stream);
}

} // namespace

HeadlessRunner::HeadlessRunner(const CommandLineOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_signals(new SignalWatcher(this))
    , m_controller(new ListenerController(this))
{
    connect(m_controller, &ListenerController::updated, this, &HeadlessRunner::onUpdated);
    connect(m_signals, &SignalWatcher::terminationRequested, this, &HeadlessRunner::onTerminationRequested);
    if (options.modeGiven) {
        ServerBehaviour behaviour;
        behaviour.mode = options.mode;
        m_controller->setBehaviour(behaviour);
    }
    if (!options.statsFile.isEmpty()) {
        m_stats = new StatsReporter(options.statsFile, QStringLiteral("headless"), m_controller, this);
        connect(m_signals, &SignalWatcher::user1Received, m_stats, &StatsReporter::resetMeasurement);
    }
}

HeadlessRunner::~HeadlessRunner() = default;

int HeadlessRunner::exec()
{
    m_controller->start(m_options.address, m_options.port, m_options.backlog);
    return QCoreApplication::exec();
}

void HeadlessRunner::onUpdated(const UpdateBatch &batch)
{
    for (const LogEntry &entry : batch.log)
        printLine(stdout, entry.formatted());
    std::fflush(stdout);

    if (batch.statusChanged && batch.status.state == ListenerState::Error && !m_stopping) {
        printLine(stderr, tr("socketlab: %1").arg(batch.status.errorString));
        QCoreApplication::exit(1);
    } else if (batch.statusChanged && batch.status.state == ListenerState::Stopped && m_stopping) {
        QCoreApplication::exit(0);
    }
}

void HeadlessRunner::onTerminationRequested(int signalNumber)
{
    if (m_stopping)
        return;
    m_stopping = true;
    const LogEntry entry{QDateTime::currentMSecsSinceEpoch(), LogLevel::Info,
                         tr("Received signal %1, stopping").arg(signalNumber)};
    printLine(stdout, entry.formatted());
    std::fflush(stdout);
    m_controller->stop(true);
}
