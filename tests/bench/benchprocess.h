#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

class QTemporaryDir;

// A server under test: the reference epoll server or Socket Lab (window or headless), started
// fresh, listening on a port the system chose, stopped with SIGTERM.
class BenchServer final
{
    Q_DISABLE_COPY_MOVE(BenchServer)

public:
    enum class Kind { Reference, Window, Headless };
    // What the server does with a connection, in the names both programs understand.
    enum class Mode { Close, Echo, Hold };

    BenchServer(Kind kind, Mode mode, const QString &binDir, const QString &appBinary);
    ~BenchServer();

    // The listen backlog both programs are started with; before start().
    void setBacklog(int backlog) { m_backlog = backlog; }
    // The CPUs the server may run on, all of them when empty; before start().
    void setCpus(const QList<int> &cpus) { m_cpus = cpus; }
    // Socket Lab headless only: this many listeners, each on a free port; before start().
    void setListeners(int count) { m_listeners = count; }
    // Socket Lab only: TLS with the self-signed pair kept under `dataDir` (its XDG_DATA_HOME, so
    // the pair is made once and shared by every run); before start(). Both listen on tls://;
    // headless adds --tls-self-signed, the window's form is self-signed by default.
    void setTls(const QString &dataDir) { m_tlsDataDir = dataDir; }
    // Socket Lab only: Forward mode to HOST:PORT (--forward) instead of the mode; before start().
    void setForward(const QString &target) { m_forward = target; }
    // Socket Lab only: --max-connections, its default when 0; before start().
    void setMaxConnections(int count) { m_maxConnections = count; }
    // Socket Lab only: the network thread's event dispatcher, "epoll" (the app's own) or "qt"
    // (Qt's poll() one, through SOCKETLAB_EVENT_DISPATCHER); empty leaves the environment as it
    // is. Before start().
    void setDispatcher(const QString &dispatcher) { m_dispatcher = dispatcher; }

    // Starts and waits until it listens; false with the reason in error().
    bool start();
    // SIGTERM, then waits for the exit; the reference prints its own figures then.
    void stop();

    quint16 port() const { return m_port; }
    // Every listener's port (Socket Lab), or the one port.
    QList<quint16> ports() const { return m_ports; }
    qint64 pid() const { return m_process.processId(); }
    QString error() const { return m_error; }
    Kind kind() const { return m_kind; }
    // Monotonic ms: when start() was called and when the server first listened.
    double startedMs() const { return m_startedMs; }
    double listeningMs() const { return m_listeningMs; }

    // Socket Lab only: its --stats-file, read now.
    QJsonObject stats() const;
    // Waits until `accepted` reaches `count` (and, when `open` >= 0, open equals it).
    QJsonObject waitForStats(double accepted, int open, int timeoutMs) const;
    // Waits for figures written at or after monotonic `ms`: the first that cover all until then.
    QJsonObject waitForStatsWrittenAfter(double ms, int timeoutMs) const;
    // SIGUSR1: a new lag measurement; returns once the app has taken it.
    void resetMeasurement();
    // Resident memory in KiB from /proc, for any server.
    qint64 residentKiB() const;

    static QString kindName(Kind kind);

private:
    Kind m_kind;
    Mode m_mode;
    QString m_binDir;
    QString m_appBinary;
    int m_backlog = 4096;
    QList<int> m_cpus;
    QProcess m_process;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_statsPath;
    quint16 m_port = 0;
    QList<quint16> m_ports;
    int m_listeners = 1;
    QString m_tlsDataDir; // empty: plain TCP
    QString m_forward;    // empty: the mode as given
    int m_maxConnections = 0;
    QString m_dispatcher; // empty: as the environment says
    double m_startedMs = 0;
    double m_listeningMs = 0;
    QString m_error;
};

// One run of socketlab-loadgen and its final JSON line.
struct LoadResult
{
    bool ran = false;
    int exitCode = -1;
    QJsonObject figures;
    QString errorText;
    double startedMs = 0;  // monotonic, just before the process was started
    double finishedMs = 0; // monotonic, once it exited
};

// The load generator on the given CPUs, on any when the list is empty.
LoadResult runLoad(const QString &binDir, quint16 port, const QStringList &arguments, int timeoutMs,
                   const QList<int> &cpus = {});

// The CPUs this process may run on.
QList<int> allowedCpus();
// Keeps a process to the given CPUs from its start; nothing when the list is empty.
void pinProcess(QProcess &process, const QList<int> &cpus);

double monotonicMs();
// Reads the lines of `process` until one starts with `prefix` or the time runs out.
QString waitForLine(QProcess &process, const QString &prefix, int timeoutMs);
