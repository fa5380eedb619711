#include "statsreporter.h"

#include <algorithm>

#include "lagmonitor.h"
#include "listenercontroller.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTimer>

#include <cstdio>

#ifdef Q_OS_UNIX
#  include <sys/resource.h>
#  include <time.h>
#  include <unistd.h>
#endif

StatsReporter::StatsReporter(const QString &path, const QString &kind, ListenerController *controller,
                             QObject *parent)
    : QObject(parent)
    , m_path(path)
    , m_kind(kind)
    , m_lag(new LagMonitor(this))
    , m_writeTimer(new QTimer(this))
    , m_controller(controller)
    , m_listenerIds(controller->listenerIds())
    , m_startedMs(monotonicMs())
    , m_resetMs(m_startedMs)
{
    connect(controller, &ListenerController::updated, this, &StatsReporter::onUpdated);
    connect(m_writeTimer, &QTimer::timeout, this, [this] { writeNow(); });
    m_writeTimer->start(WriteIntervalMs);
    m_lag->start();
    writeNow();
}

StatsReporter::~StatsReporter()
{
    writeNow();
}

void StatsReporter::markShown()
{
    if (m_shownMs < 0) {
        m_shownMs = monotonicMs();
        writeNow();
    }
}

void StatsReporter::resetMeasurement()
{
    m_lag->reset();
    m_windowPeakOpen = m_totals.open;
    m_resetMs = monotonicMs();
    ++m_resets;
    writeNow();
}

void StatsReporter::onUpdated(const UpdateBatch &batch)
{
    const double now = monotonicMs();
    m_listenerIds = m_controller->listenerIds();
    if (batch.statusChanged && batch.status.state == ListenerState::Listening
        && !m_ports.contains(batch.listenerId)) {
        m_ports.insert(batch.listenerId, batch.status.port);
        // listening_ms is when the last of them began; a benchmark waits for it: tell it at once.
        if (m_ports.size() >= m_listenerIds.size()) {
            m_listeningMs = now;
            m_port = m_ports.value(m_listenerIds.value(0), batch.status.port);
        }
        writeNow();
    }
    // The controller has already added this batch to its sum.
    const ListenerTotals &totals = m_controller->totals();
    if (totals.accepted != m_totals.accepted) {
        if (m_firstAcceptMs < 0)
            m_firstAcceptMs = now;
        m_lastAcceptMs = now;
    }
    m_totals = totals;
    m_windowPeakOpen = std::max(m_windowPeakOpen, m_totals.open);
}

QByteArray StatsReporter::toJson() const
{
    QJsonObject object;
    object.insert(QStringLiteral("kind"), m_kind);
    object.insert(QStringLiteral("pid"), QCoreApplication::applicationPid());
    object.insert(QStringLiteral("written_ms"), monotonicMs());
    object.insert(QStringLiteral("started_ms"), m_startedMs);
    object.insert(QStringLiteral("listening_ms"), m_listeningMs);
    object.insert(QStringLiteral("port"), m_port);
    QJsonArray ports; // every listener's, in the order they were added
    for (const int id : m_listenerIds)
        ports.append(m_ports.value(id));
    object.insert(QStringLiteral("ports"), ports);
    object.insert(QStringLiteral("shown_ms"), m_shownMs);
    object.insert(QStringLiteral("first_accept_ms"), m_firstAcceptMs);
    object.insert(QStringLiteral("last_accept_ms"), m_lastAcceptMs);
    object.insert(QStringLiteral("accepted"), double(m_totals.accepted));
    object.insert(QStringLiteral("open"), m_totals.open);
    object.insert(QStringLiteral("peak_open"), m_totals.peakOpen);
    object.insert(QStringLiteral("refused"), double(m_totals.refused));
    object.insert(QStringLiteral("bytes_in"), double(m_totals.bytesReceived));
    object.insert(QStringLiteral("bytes_out"), double(m_totals.bytesSent));
    object.insert(QStringLiteral("measurement"), m_resets);
    object.insert(QStringLiteral("measurement_started_ms"), m_resetMs);
    object.insert(QStringLiteral("measurement_peak_open"), m_windowPeakOpen);
    object.insert(QStringLiteral("lag_samples"), double(m_lag->sampleCount()));
    object.insert(QStringLiteral("lag_p50_ms"), m_lag->percentileMs(0.50));
    object.insert(QStringLiteral("lag_p99_ms"), m_lag->percentileMs(0.99));
    object.insert(QStringLiteral("lag_max_ms"), m_lag->maxMs());
    // The kernel's high-water mark and the current figure are counted apart and can disagree by a
    // few pages; the peak reported is never below any figure seen.
    const qint64 resident = residentKiB();
    m_peakResidentKiB = std::max({m_peakResidentKiB, resident, peakResidentKiB()});
    object.insert(QStringLiteral("rss_kib"), double(resident));
    object.insert(QStringLiteral("peak_rss_kib"), double(m_peakResidentKiB));
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

bool StatsReporter::writeNow(QString *error)
{
    QSaveFile file(m_path);
    const QByteArray json = toJson();
    if (file.open(QIODevice::WriteOnly) && file.write(json) == json.size() && file.commit())
        return true;
    if (error)
        *error = file.errorString();
    if (!std::exchange(m_writeFailed, true)) {
        std::fprintf(stderr, "socketlab: %s\n",
                     qPrintable(tr("Cannot write the stats file %1: %2").arg(m_path, file.errorString())));
    }
    return false;
}

double StatsReporter::monotonicMs()
{
#ifdef Q_OS_UNIX
    timespec now = {};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
#else
    return double(QElapsedTimer::msecsSinceReference());
#endif
}

qint64 StatsReporter::residentKiB()
{
#ifdef Q_OS_LINUX
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    if (fields.size() < 2)
        return 0;
    return fields.at(1).toLongLong() * (::sysconf(_SC_PAGESIZE) / 1024);
#else
    return 0;
#endif
}

qint64 StatsReporter::peakResidentKiB()
{
#ifdef Q_OS_UNIX
    rusage usage = {};
    if (::getrusage(RUSAGE_SELF, &usage) != 0)
        return 0;
    return qint64(usage.ru_maxrss); // KiB on Linux
#else
    return 0;
#endif
}
