#include "acceptgate.h"

#include "descriptorlimit.h"
#include "listenerstatus.h"
#include "updatebatch.h"

#include <QSocketNotifier>
#include <QTcpServer>
#include <QTimer>

#include <algorithm>

#ifdef Q_OS_UNIX
#  include <cerrno>
#  include <sys/socket.h>
#  include <unistd.h>
#endif

namespace {

// 0 when a new descriptor can be had now, else why not (EMFILE, ENFILE, ENOBUFS, ...).
int descriptorShortage()
{
#ifdef Q_OS_UNIX
    const int probe = ::socket(AF_INET, SOCK_STREAM, 0);
    if (probe < 0)
        return errno;
    ::close(probe);
#endif
    return 0;
}

} // namespace

AcceptGate::AcceptGate(QTcpServer *server, const ListenerStatus &status, const ListenerTotals &totals)
    : QObject(server)
    , m_server(server)
    , m_status(&status)
    , m_totals(&totals)
    , m_retryTimer(new QTimer(this))
{
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &AcceptGate::retry);
}

AcceptGate::~AcceptGate() = default;

void AcceptGate::watch(QSocketNotifier *acceptNotifier)
{
    m_descriptorLimit = DescriptorLimit::current(); // read once here, not on every failed accept
    m_notifier = acceptNotifier;
}

void AcceptGate::reset()
{
    m_retryTimer->stop();
    m_shut = false;
    m_retryMs = RetryMs;
    m_acceptedAtResume = ~quint64{0};
}

void AcceptGate::acceptFailed(int error)
{
    // Accepting stays off (the notifier would otherwise fire again at once, a busy loop); the
    // retry timer turns it back on once descriptors are free, so the listener is not deaf for good.
    if (!m_server->isListening() || !m_notifier)
        return;
    m_notifier->setEnabled(false);
    if (m_shut) {
        if (!m_retryTimer->isActive())
            m_retryTimer->start(m_retryMs);
        return;
    }
    m_shut = true;
    // Failing again before anything was taken since resuming: the shortage goes on, wait longer.
    m_retryMs = m_totals->accepted == m_acceptedAtResume ? std::min(m_retryMs * 2, RetryMaxMs) : RetryMs;
    QString reason;
#ifdef Q_OS_UNIX
    if (error == EMFILE) {
        reason = tr("too many open files");
        emit logged(LogLevel::Warning,
                    tr("Accepting paused: too many open files (limit %1)").arg(m_descriptorLimit));
    } else if (error == ENFILE) {
        reason = tr("too many open files in the system");
        emit logged(LogLevel::Warning, tr("Accepting paused: too many open files in the system"));
    } else
#endif
    {
        reason = qt_error_string(error);
        emit logged(LogLevel::Warning, tr("Accepting paused: %1").arg(reason));
    }
    emit pausedReasonChanged(reason);
    m_retryTimer->start(m_retryMs);
}

void AcceptGate::retry()
{
    if (!m_shut || !m_server->isListening())
        return;
    if (descriptorShortage() != 0) {
        m_retryMs = std::min(m_retryMs * 2, RetryMaxMs);
        m_retryTimer->start(m_retryMs);
        return;
    }
    m_shut = false;
    m_acceptedAtResume = m_totals->accepted;
    // A pause the user chose stays; their own Resume turns accepting on.
    if (m_status->paused) {
        emit logged(LogLevel::Info, tr("Descriptors are free again; accepting stays paused"));
    } else {
        if (m_notifier)
            m_notifier->setEnabled(true);
        emit logged(LogLevel::Info, tr("Accepting resumed"));
    }
    emit pausedReasonChanged(QString());
}
