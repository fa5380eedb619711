#pragma once

#include <QObject>

class QSocketNotifier;

// Turns SIGINT and SIGTERM (and SIGUSR1, a benchmark's mark) into a Qt signal on the thread that created it. The handler only
// writes a byte to a socket pair, the one thing that is safe in a signal handler.
class SignalWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

    bool isActive() const { return m_notifier != nullptr; }

signals:
    void terminationRequested(int signalNumber);
    void user1Received();

private:
    void onActivated();

    QSocketNotifier *m_notifier = nullptr;
};
