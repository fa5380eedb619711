#pragma once

#include "commandline.h"
#include "logentry.h"
#include "tlsserversetup.h"

#include <QHostAddress>
#include <QObject>
#include <QList>
#include <QHash>
#include <QSet>

#include <optional>

class ListenerController;
class SignalWatcher;
class StatsReporter;
class QTextStream;
class QTimer;
struct EndedTranscript;
struct UpdateBatch;

// --headless: the same backend as the window, its event log printed to stdout line by line. One
// listener per --listen, all with the same behaviour; it exits 1 as soon as one cannot listen.
class HeadlessRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HeadlessRunner)

public:
    explicit HeadlessRunner(const CommandLineOptions &options, QObject *parent = nullptr);
    ~HeadlessRunner() override;

    // Starts listening and runs the event loop; returns the process exit code.
    int exec();

private:
    // One listener of the run: where, how, and the TLS it serves (none for plain TCP).
    struct PlannedListener
    {
        QHostAddress address;
        quint16 port = 0;
        int backlog = 5;
        ServerBehaviour behaviour;
        std::optional<TlsSettings> tls;
    };
    // The listeners the flags and the profile ask for, the flags overriding the profile.
    static QList<PlannedListener> plan(const CommandLineOptions &options);
    // A certificate, loaded and checked before anything listens; nothing after one line on stderr.
    std::optional<TlsServerSetup> loadTls(const TlsSettings &settings);
    void onUpdated(const UpdateBatch &batch);
    // Prints the lines of the batches that arrived together in time order, then exits if asked.
    void onDeliveryDone();
    // One log line as --log-format asks: text, naming the listener when there are several, or JSON.
    void printEntry(const LogEntry &entry, bool namingListener) const;
    void onTerminationRequested(int signalNumber);
    // Stops every listener and exits once they say so; why is logged first.
    void stop(const QString &why);
    // --transcript-dir: DIR/connection-N.txt, a text listing as the inspector exports it.
    void writeTranscript(const EndedTranscript &ended);

    CommandLineOptions m_options;
    QList<PlannedListener> m_plan;
    // The handlers go in before the network thread starts, so an early SIGTERM still stops cleanly.
    SignalWatcher *m_signals = nullptr;
    ListenerController *m_controller = nullptr;
    StatsReporter *m_stats = nullptr;
    bool m_stopping = false;
    QSet<int> m_running; // listeners not yet reported stopped since the stop began
    QList<LogEntry> m_pendingLog; // of the batches delivered together, not yet printed
    std::optional<int> m_exitCode; // decided by a batch, acted on once its lines are out
    QString m_pendingError;        // why listening failed, for stderr
    bool m_transcriptWriteFailed = false; // said once, not per connection
    QHash<int, quint64> m_ended; // --exit-after: per listener, its connections that ended
    QTimer *m_durationTimer = nullptr; // --duration
};
