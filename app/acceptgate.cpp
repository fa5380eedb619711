#include "acceptgate.h"

#include "listenerstatus.h"
#include "updatebatch.h"

#include <QEvent>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTimer>

#include <algorithm>

#ifdef Q_OS_UNIX
#  include <cerrno>
#  include <sys/resource.h>
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

// The soft RLIMIT_NOFILE: how many descriptors this process may hold; -1 when unknown.
qint64 descriptorLimit()
{
#ifdef Q_OS_UNIX
    rlimit limit = {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
        return qint64(limit.rlim_cur);
#endif
    return -1;
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
    connect(m_server, &QTcpServer::acceptError, this, &AcceptGate::onAcceptError);
}

AcceptGate::~AcceptGate() = default;

void AcceptGate::watch()
{
    m_descriptorLimit = descriptorLimit(); // read once here, not on every readable notification
    const QList<QSocketNotifier *> notifiers = m_server->findChildren<QSocketNotifier *>();
    for (QSocketNotifier *notifier : notifiers) {
        if (notifier->type() == QSocketNotifier::Read && notifier->socket() == m_server->socketDescriptor())
            notifier->installEventFilter(this);
    }
}

void AcceptGate::reset()
{
    m_retryTimer->stop();
    m_shut = false;
    m_retryMs = RetryMs;
    m_acceptedAtResume = ~quint64{0};
}

bool AcceptGate::eventFilter(QObject *watched, QEvent *event)
{
    // Qt 6.4 does not always pause when accept() fails with EMFILE: the queue stays readable and
    // the event loop spins on accept(). Looking for a free descriptor before Qt accepts avoids that.
    // The probe costs a socket() per burst, so it is made only near the limit: each connection
    // holds one descriptor, and the built-in clients may hold as many again.
    const bool nearLimit = m_descriptorLimit < 0
        || qint64(m_totals->open) * 2 + ProbeMargin >= m_descriptorLimit;
    if (event->type() == QEvent::SockAct && m_server->isListening() && nearLimit
        && descriptorShortage() != 0) {
        onAcceptError(QAbstractSocket::SocketResourceError);
        return true;
    }
    return QObject::eventFilter(watched, event);
}

void AcceptGate::onAcceptError(QAbstractSocket::SocketError error)
{
    // Accepting stays off (the notifier would otherwise fire again at once, a busy loop); the
    // retry timer turns it back on once descriptors are free, so the listener is not deaf for good.
    if (!m_server->isListening())
        return;
    m_server->pauseAccepting();
    if (m_shut) {
        if (!m_retryTimer->isActive())
            m_retryTimer->start(m_retryMs);
        return;
    }
    m_shut = true;
    // Failing again before anything was taken since resuming: the shortage goes on, wait longer.
    m_retryMs = m_totals->accepted == m_acceptedAtResume ? std::min(m_retryMs * 2, RetryMaxMs) : RetryMs;
    QString reason;
    Q_UNUSED(error) // only told apart where descriptors can be probed
#ifdef Q_OS_UNIX
    const int shortage = error == QAbstractSocket::SocketResourceError ? descriptorShortage() : 0;
    if (shortage == EMFILE) {
        reason = tr("too many open files");
        emit logged(LogLevel::Warning,
                    tr("Accepting paused: too many open files (limit %1)").arg(m_descriptorLimit));
    } else if (shortage == ENFILE) {
        reason = tr("too many open files in the system");
        emit logged(LogLevel::Warning, tr("Accepting paused: too many open files in the system"));
    } else
#endif
    {
        reason = m_server->errorString();
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
        m_server->resumeAccepting();
        emit logged(LogLevel::Info, tr("Accepting resumed"));
    }
    emit pausedReasonChanged(QString());
}
