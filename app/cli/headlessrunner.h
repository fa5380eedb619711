#pragma once

#include "commandline.h"

#include <QObject>

class ListenerController;
class SignalWatcher;
class StatsReporter;
class QTextStream;
struct EndedTranscript;
struct UpdateBatch;

// --headless: the same backend as the window, its event log printed to stdout line by line.
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
    bool loadTls();
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
    bool m_transcriptWriteFailed = false; // said once, not per connection
};
