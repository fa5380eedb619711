#include "benchprocess.h"

#include <QJsonArray>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QThread>

#include <csignal>
#include <ctime>

#include <sched.h>

double monotonicMs()
{
    timespec now = {};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

QList<int> allowedCpus()
{
    QList<int> cpus;
    cpu_set_t set;
    CPU_ZERO(&set);
    if (::sched_getaffinity(0, sizeof(set), &set) != 0)
        return cpus;
    for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
        if (CPU_ISSET(cpu, &set))
            cpus.append(cpu);
    }
    return cpus;
}

void pinProcess(QProcess &process, const QList<int> &cpus)
{
    if (cpus.isEmpty())
        return;
    cpu_set_t set;
    CPU_ZERO(&set);
    for (const int cpu : cpus)
        CPU_SET(cpu, &set);
    // Runs in the child between fork and exec: the set is a copy, no allocation.
    process.setChildProcessModifier([set] { ::sched_setaffinity(0, sizeof(set), &set); });
}

QString waitForLine(QProcess &process, const QString &prefix, int timeoutMs)
{
    const double deadline = monotonicMs() + timeoutMs;
    while (monotonicMs() < deadline) {
        while (process.canReadLine()) {
            const QString line = QString::fromLocal8Bit(process.readLine()).trimmed();
            if (line.startsWith(prefix))
                return line;
        }
        if (process.state() == QProcess::NotRunning)
            return {};
        process.waitForReadyRead(50);
    }
    return {};
}

BenchServer::BenchServer(Kind kind, Mode mode, const QString &binDir, const QString &appBinary)
    : m_kind(kind)
    , m_mode(mode)
    , m_binDir(binDir)
    , m_appBinary(appBinary)
{
}

BenchServer::~BenchServer()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString BenchServer::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Reference:
        return QStringLiteral("reference");
    case Kind::Window:
        return QStringLiteral("window");
    case Kind::Headless:
        return QStringLiteral("headless");
    }
    return {};
}

bool BenchServer::start()
{
    pinProcess(m_process, m_cpus);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setStandardErrorFile(QProcess::nullDevice());
    if (m_kind == Kind::Reference) {
        const char *mode = m_mode == Mode::Close ? "close" : m_mode == Mode::Echo ? "echo" : "hold";
        m_process.setProgram(m_binDir + QStringLiteral("/socketlab-refserver"));
        m_process.setArguments({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--mode"),
                                QString::fromLatin1(mode), QStringLiteral("--backlog"), QString::number(m_backlog)});
        m_startedMs = monotonicMs();
        m_process.start();
        const QString line = waitForLine(m_process, QStringLiteral("LISTENING "), 10000);
        if (line.isEmpty()) {
            m_error = QStringLiteral("the reference server did not start");
            return false;
        }
        m_listeningMs = monotonicMs();
        m_port = quint16(line.section(QLatin1Char(' '), 1, 1).toUInt());
        m_ports = {m_port};
        return m_port != 0;
    }

    // Socket Lab: its own settings folder, so a user's settings never colour the figures.
    m_dir = std::make_unique<QTemporaryDir>();
    m_statsPath = m_dir->filePath(QStringLiteral("stats.json"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->path());
    if (!m_tlsDataDir.isEmpty())
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_tlsDataDir);
    if (m_kind == Kind::Window && !environment.contains(QStringLiteral("QT_QPA_PLATFORM")))
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // Any value but "qt" gives the app's epoll dispatcher; removing it says so plainly.
    if (m_dispatcher == QLatin1String("qt"))
        environment.insert(QStringLiteral("SOCKETLAB_EVENT_DISPATCHER"), QStringLiteral("qt"));
    else if (!m_dispatcher.isEmpty())
        environment.remove(QStringLiteral("SOCKETLAB_EVENT_DISPATCHER"));
    m_process.setProcessEnvironment(environment);
    const char *mode = m_mode == Mode::Close ? "close" : m_mode == Mode::Echo ? "echo" : "hold";
    QStringList arguments{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--backlog"),
                          QString::number(m_backlog), QStringLiteral("--mode"), QString::fromLatin1(mode),
                          QStringLiteral("--stats-file"), m_statsPath};
    if (m_kind == Kind::Headless)
        arguments.prepend(QStringLiteral("--headless"));
    if (!m_forward.isEmpty()) {
        const qsizetype modeAt = arguments.indexOf(QStringLiteral("--mode"));
        arguments[modeAt] = QStringLiteral("--forward");
        arguments[modeAt + 1] = m_forward;
    }
    if (!m_tlsDataDir.isEmpty()) {
        arguments[arguments.indexOf(QStringLiteral("--listen")) + 1] = QStringLiteral("tls://127.0.0.1:0");
        // The window's TLS listener uses its form's settings, self-signed unless changed.
        if (m_kind == Kind::Headless)
            arguments.append(QStringLiteral("--tls-self-signed"));
    }
    if (m_maxConnections > 0)
        arguments.append({QStringLiteral("--max-connections"), QString::number(m_maxConnections)});
    for (int i = 1; i < m_listeners; ++i)
        arguments.append({QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    m_process.setStandardOutputFile(QProcess::nullDevice());
    m_process.setProgram(m_appBinary);
    m_process.setArguments(arguments);
    m_startedMs = monotonicMs();
    m_process.start();
    if (!m_process.waitForStarted(10000)) {
        m_error = m_process.errorString();
        return false;
    }
    const double deadline = monotonicMs() + 10000;
    for (;;) {
        const QJsonObject now = stats();
        const bool shown = m_kind != Kind::Window || now.value(QStringLiteral("shown_ms")).toDouble() > 0;
        if (now.value(QStringLiteral("listening_ms")).toDouble() > 0 && shown) {
            m_listeningMs = now.value(QStringLiteral("listening_ms")).toDouble();
            m_port = quint16(now.value(QStringLiteral("port")).toInt());
            m_ports.clear();
            for (const QJsonValue &port : now.value(QStringLiteral("ports")).toArray())
                m_ports.append(quint16(port.toInt()));
            if (m_ports.isEmpty())
                m_ports.append(m_port);
            return m_port != 0 && !m_ports.contains(0);
        }
        if (monotonicMs() > deadline || m_process.state() == QProcess::NotRunning) {
            m_error = QStringLiteral("Socket Lab did not start listening");
            return false;
        }
        QThread::msleep(2);
    }
}

void BenchServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(30000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QJsonObject BenchServer::stats() const
{
    QFile file(m_statsPath);
    if (m_statsPath.isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonObject BenchServer::waitForStats(double accepted, int open, int timeoutMs) const
{
    const double deadline = monotonicMs() + timeoutMs;
    QJsonObject now = stats();
    while (monotonicMs() < deadline) {
        now = stats();
        if (now.value(QStringLiteral("accepted")).toDouble() >= accepted
            && (open < 0 || now.value(QStringLiteral("open")).toInt() == open))
            return now;
        QThread::msleep(5);
    }
    return now;
}

QJsonObject BenchServer::waitForStatsWrittenAfter(double ms, int timeoutMs) const
{
    const double deadline = monotonicMs() + timeoutMs;
    QJsonObject now = stats();
    while (now.value(QStringLiteral("written_ms")).toDouble() < ms && monotonicMs() < deadline) {
        QThread::msleep(5);
        now = stats();
    }
    return now;
}

void BenchServer::resetMeasurement()
{
    const int before = stats().value(QStringLiteral("measurement")).toInt();
    ::kill(pid_t(pid()), SIGUSR1);
    const double deadline = monotonicMs() + 5000;
    while (monotonicMs() < deadline && stats().value(QStringLiteral("measurement")).toInt() == before)
        QThread::msleep(2);
}

qint64 BenchServer::residentKiB() const
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid()));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong();
    }
    return 0;
}

LoadResult runLoad(const QString &binDir, quint16 port, const QStringList &arguments, int timeoutMs,
                   const QList<int> &cpus)
{
    LoadResult result;
    QProcess process;
    pinProcess(process, cpus);
    process.setProgram(binDir + QStringLiteral("/socketlab-loadgen"));
    process.setArguments(QStringList{QStringLiteral("--port"), QString::number(port)} + arguments);
    result.startedMs = monotonicMs();
    process.start();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        result.errorText = QStringLiteral("the load generator did not finish in time");
        return result;
    }
    result.finishedMs = monotonicMs();
    result.ran = process.exitStatus() == QProcess::NormalExit;
    result.exitCode = process.exitCode();
    const QList<QByteArray> lines = process.readAllStandardOutput().trimmed().split('\n');
    result.figures = QJsonDocument::fromJson(lines.constLast()).object();
    result.errorText = QString::fromLocal8Bit(process.readAllStandardError()).trimmed();
    return result;
}
