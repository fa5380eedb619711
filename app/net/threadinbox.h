#pragma once

#include <QObject>

#include <functional>

// Runs calls on the thread this object lives on, posted from any thread, in the order posted.
// Used for every call that crosses between the UI thread and the network thread. It does what
// a queued invokeMethod does, and also tells ThreadSanitizer that the posting happens before the
// call: Debian's Qt is not built with ThreadSanitizer, so the hand-over inside Qt is invisible to
// it and every queued call would otherwise look like a data race.
class ThreadInbox final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThreadInbox)

public:
    explicit ThreadInbox(QObject *parent = nullptr);
    ~ThreadInbox() override;

    // Thread-safe. Calls still waiting when the inbox is destroyed are dropped, never run.
    void post(std::function<void()> call);

protected:
    bool event(QEvent *event) override;
};
