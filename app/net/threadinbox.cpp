#include "threadinbox.h"

#include <QCoreApplication>
#include <QEvent>

#if defined(__SANITIZE_THREAD__)
#define SOCKETLAB_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define SOCKETLAB_TSAN 1
#endif
#endif

#ifdef SOCKETLAB_TSAN
extern "C" void __tsan_acquire(void *address);
extern "C" void __tsan_release(void *address);
#endif

namespace {

const auto CallEventType = QEvent::Type(QEvent::registerEventType());

// One posted call; Qt deletes it on the receiving thread once delivered, or with the inbox.
class CallEvent final : public QEvent
{
public:
    explicit CallEvent(std::function<void()> call)
        : QEvent(CallEventType)
        , m_call(std::move(call))
    {
    }

    void run() const { m_call(); }

private:
    std::function<void()> m_call;
};

// Happens-before edges from the posting thread to the receiving one, for ThreadSanitizer only.
void released(void *address)
{
#ifdef SOCKETLAB_TSAN
    __tsan_release(address);
#else
    Q_UNUSED(address);
#endif
}

void acquired(void *address)
{
#ifdef SOCKETLAB_TSAN
    __tsan_acquire(address);
#else
    Q_UNUSED(address);
#endif
}

} // namespace

ThreadInbox::ThreadInbox(QObject *parent)
    : QObject(parent)
{
}

ThreadInbox::~ThreadInbox()
{
    // Qt deletes the undelivered events on this thread: order it after their posting.
    acquired(this);
}

void ThreadInbox::post(std::function<void()> call)
{
    auto *event = new CallEvent(std::move(call));
    released(event);
    released(this);
    QCoreApplication::postEvent(this, event);
}

bool ThreadInbox::event(QEvent *event)
{
    // Before anything of the event is read; for Qt's own events it changes nothing.
    acquired(event);
    if (event->type() != CallEventType)
        return QObject::event(event);
    static_cast<CallEvent *>(event)->run();
    return true;
}
