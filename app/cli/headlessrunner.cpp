#include "headlessrunner.h"

#include "endpoint.h"
#include "listenercontroller.h"
#include "logexport.h"
#include "signalwatcher.h"
#include "statsreporter.h"
#include "tlscredentials.h"
#include "transcriptformat.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <limits>
#include <utility>

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
    connect(m_controller, &ListenerController::deliveryDone, this, &HeadlessRunner::onDeliveryDone);
    connect(m_signals, &SignalWatcher::terminationRequested, this, &HeadlessRunner::onTerminationRequested);
    // The defaults and the flags, never the window's saved settings: a script behaves the same on
    // every machine.
    m_plan = plan(options);
    for (qsizetype i = 1; i < m_plan.size(); ++i)
        m_controller->addListener();
    const QList<int> ids = m_controller->listenerIds();
    for (qsizetype i = 0; i < ids.size() && i < m_plan.size(); ++i)
        m_controller->setBehaviour(ids.at(i), m_plan.at(i).behaviour);
    // Nothing can inspect an ended connection here; its transcript is written out or dropped.
    m_controller->keepEndedTranscripts(0);
    m_controller->handOverEndedTranscripts(!options.transcriptDir.isEmpty());
    if (options.durationMs) {
        m_durationTimer = new QTimer(this);
        m_durationTimer->setSingleShot(true);
        m_durationTimer->setTimerType(Qt::PreciseTimer);
        connect(m_durationTimer, &QTimer::timeout, this, [this] {
            stop(tr("Ran for %1 s (--duration), stopping").arg(double(*m_options.durationMs) / 1000.0));
        });
    }
    if (!options.statsFile.isEmpty()) {
        m_stats = new StatsReporter(options.statsFile, QStringLiteral("headless"), m_controller, this);
        connect(m_signals, &SignalWatcher::user1Received, m_stats, &StatsReporter::resetMeasurement);
    }
}

HeadlessRunner::~HeadlessRunner() = default;

QList<HeadlessRunner::PlannedListener> HeadlessRunner::plan(const CommandLineOptions &options)
{
    // The listeners as given: the profile's, or the --listen ones (taking the profile's at the
    // same place, its last for the rest), or one at the default address.
    QList<ListenerConfig> configs = options.profile.value_or(QList<ListenerConfig>{ListenerConfig()});
    if (!options.listens.isEmpty() || !options.profile) {
        const QList<ListenerConfig> base = configs;
        configs.clear();
        const QList<ListenSpec> listens =
            options.listens.isEmpty() ? QList<ListenSpec>{ListenSpec{ListenerProtocol::Tcp, options.address, options.port}}
                                      : options.listens;
        for (qsizetype i = 0; i < listens.size(); ++i) {
            ListenerConfig config = base.at(std::min(i, base.size() - 1));
            config.protocol = listens.at(i).protocol;
            config.address = listens.at(i).address.toString();
            config.port = listens.at(i).port;
            configs.append(config);
        }
    }
    // The TLS flags serve the TLS listeners; with none, every listener is TLS.
    bool anyTls = false;
    for (const ListenerConfig &config : std::as_const(configs))
        anyTls = anyTls || config.protocol == ListenerProtocol::Tls;
    QList<PlannedListener> planned;
    for (const ListenerConfig &config : std::as_const(configs)) {
        PlannedListener listener;
        listener.address = QHostAddress(config.address);
        listener.port = config.port;
        listener.backlog = options.backlogGiven || !options.profile ? options.backlog : config.backlog;
        listener.behaviour = options.behaviour(options.profile ? config.behaviour : ServerBehaviour());
        if (options.tls && (!anyTls || config.protocol == ListenerProtocol::Tls))
            listener.tls = options.tls;
        else if (options.profile && config.protocol == ListenerProtocol::Tls)
            listener.tls = config.tls;
        planned.append(listener);
    }
    return planned;
}

int HeadlessRunner::exec()
{
    const QList<int> ids = m_controller->listenerIds();
    QList<std::pair<TlsSettings, TlsServerSetup>> loaded; // each certificate once, however many listeners serve it
    for (qsizetype i = 0; i < ids.size() && i < m_plan.size(); ++i) {
        const PlannedListener &listener = m_plan.at(i);
        std::optional<TlsServerSetup> tls;
        if (listener.tls) {
            const auto known = std::find_if(loaded.cbegin(), loaded.cend(),
                                            [&](const auto &entry) { return entry.first == *listener.tls; });
            if (known != loaded.cend()) {
                tls = known->second;
            } else {
                tls = loadTls(*listener.tls);
                if (!tls)
                    return CommandLine::UsageExitCode;
                loaded.append({*listener.tls, *tls});
            }
        }
        m_controller->setTls(ids.at(i), tls);
    }
    for (qsizetype i = 0; i < ids.size() && i < m_plan.size(); ++i)
        m_controller->start(ids.at(i), m_plan.at(i).address, m_plan.at(i).port, m_plan.at(i).backlog);
    if (m_durationTimer)
        m_durationTimer->start(int(std::min<qint64>(*m_options.durationMs, std::numeric_limits<int>::max())));
    return QCoreApplication::exec();
}

std::optional<TlsServerSetup> HeadlessRunner::loadTls(const TlsSettings &settings)
{
    // Read at run time and passed on, never kept: the environment, not a flag that ps shows.
    const TlsCredentials::Result loaded = TlsCredentials::load(settings, qgetenv("SOCKETLAB_TLS_PASSPHRASE"));
    for (const QString &warning : loaded.warnings)
        printLine(stderr, tr("socketlab: warning: %1").arg(warning));
    if (!loaded.ok()) {
        printLine(stderr, tr("socketlab: %1").arg(loaded.error));
        if (loaded.needsPassphrase && !loaded.wrongPassphrase)
            printLine(stderr, tr("Set SOCKETLAB_TLS_PASSPHRASE to the key's passphrase."));
        return std::nullopt;
    }
    if (loaded.generated)
        m_controller->note(tr("Made a new self-signed certificate for localhost"));
    return loaded.setup;
}

void HeadlessRunner::onUpdated(const UpdateBatch &batch)
{
    // One listener's lines are in order already and go out at once, as they always did; several
    // listeners' wait for the rest of the delivery to be merged by time.
    if (m_controller->listenerIds().size() == 1) {
        for (const LogEntry &entry : batch.log)
            printEntry(entry, false);
    } else {
        m_pendingLog.append(batch.log);
    }
    for (const EndedTranscript &ended : batch.endedTranscripts)
        writeTranscript(ended);
    if (m_options.exitAfter && !m_stopping) {
        // Every accepted connection that is no longer open has ended, refused ones included.
        m_ended[batch.listenerId] = batch.totals.accepted - quint64(std::max(0, batch.totals.open));
        quint64 ended = 0;
        for (const quint64 count : std::as_const(m_ended))
            ended += count;
        if (ended >= quint64(*m_options.exitAfter))
            stop(tr("%n connection(s) ended (--exit-after), stopping", nullptr, int(ended)));
    }

    if (batch.statusChanged && batch.status.state == ListenerState::Error && !m_stopping) {
        if (!m_exitCode)
            m_pendingError = batch.status.errorString;
        m_exitCode = 1;
    } else if (batch.statusChanged && batch.status.state == ListenerState::Stopped && m_stopping) {
        // Every listener says it stopped before the process goes.
        m_running.remove(batch.listenerId);
        if (m_running.isEmpty() && !m_exitCode)
            m_exitCode = 0;
    }
}

void HeadlessRunner::onDeliveryDone()
{
    // Handed back whole: a burst of thousands of lines must not stay reserved.
    QList<LogEntry> lines = std::exchange(m_pendingLog, {});
    std::stable_sort(lines.begin(), lines.end(),
                     [](const LogEntry &a, const LogEntry &b) { return a.timestampMs < b.timestampMs; });
    for (const LogEntry &entry : std::as_const(lines))
        printEntry(entry, true);
    std::fflush(stdout);
    if (!m_exitCode)
        return;
    if (*m_exitCode != 0)
        printLine(stderr, tr("socketlab: %1").arg(m_pendingError));
    QCoreApplication::exit(*m_exitCode);
}

void HeadlessRunner::printEntry(const LogEntry &entry, bool namingListener) const
{
    if (!m_options.jsonLog) {
        printLine(stdout, entry.formatted(namingListener));
        return;
    }
    QByteArray line = QJsonDocument(LogExport::jsonObject(entry)).toJson(QJsonDocument::Compact);
    line += '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
}

void HeadlessRunner::onTerminationRequested(int signalNumber)
{
    stop(tr("Received signal %1, stopping").arg(signalNumber));
}

void HeadlessRunner::stop(const QString &why)
{
    if (m_stopping)
        return;
    m_stopping = true;
    if (m_durationTimer)
        m_durationTimer->stop();
    // Logged by the listener, behind what it logged before, so the lines print in time order.
    m_controller->note(why);
    const QList<int> ids = m_controller->listenerIds();
    m_running = QSet<int>(ids.cbegin(), ids.cend());
    for (const int id : ids)
        m_controller->stop(id, true);
}

void HeadlessRunner::writeTranscript(const EndedTranscript &ended)
{
    const ConnectionInfo &info = ended.info;
    const QString path = QDir(m_options.transcriptDir).filePath(QStringLiteral("connection-%1.txt").arg(info.id));
    const QString header = tr("Connection #%1 from %2, accepted %3, %4\n\n")
                               .arg(QString::number(info.id), Endpoint::format(info.peerAddress, info.peerPort),
                                    QDateTime::fromMSecsSinceEpoch(info.acceptedAtMs).toString(Qt::ISODateWithMs),
                                    connectionStateText(info.state));
    const QByteArray bytes = (header
                              + TranscriptFormat::listing(ended.chunks, TranscriptFormat::ListingMode::Text, true,
                                                          ended.droppedBytes))
                                 .toUtf8();
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return;
    if (!std::exchange(m_transcriptWriteFailed, true))
        printLine(stderr, tr("socketlab: cannot write %1: %2").arg(path, file.errorString()));
}
