#pragma once

#include "commandline.h"
#include "tlsserversetup.h"

#include <QObject>
#include <QSet>

#include <optional>

class ListenerController;
class SignalWatcher;
class StatsReporter;
class QTextStream;
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
    // The TLS flags' files, checked before listening; false after printing why they cannot be used.
    // The run's certificate, loaded and checked before anything listens; nothing after one line on stderr.
    std::optional<TlsServerSetup> loadTls();
    void onUpdated(const UpdateBatch &batch);
    void onTerminationRequested(int signalNumber);
    // --transcript-dir: DIR/connection-N.txt, a text listing as the inspector exports it.
    void writeTranscript(const EndedTranscript &ended);

    CommandLineOptions m_options;
    // The handlers go in before the network thread starts, so an early SIGTERM still stops cleanly.
    SignalWatcher *m_signals = nullptr;
    ListenerController *m_controller = nullptr;
    StatsReporter *m_stats = nullptr;
    bool m_stopping = false;
    QSet<int> m_running; // listeners not yet reported stopped since the stop began
    bool m_transcriptWriteFailed = false; // said once, not per connection
};
