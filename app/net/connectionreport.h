#pragma once

#include "logentry.h"

#include <QString>

struct ConnectionInfo;

// The event log's lines about one connection, from its accept to its end. They are Listener's
// texts and translated in its context.
// Each line carries what it reports (LogEntry's event, connection, peer, bytes and reason);
// the listener stamps the time and itself.
namespace ConnectionReport {

LogEntry accepted(const ConnectionInfo &info);
LogEntry tlsEstablished(const ConnectionInfo &info);
LogEntry halfClosed(const ConnectionInfo &info);
// A fault acted on the connection: what, as "reset after 1000 bytes".
LogEntry faultActed(const ConnectionInfo &info, const QString &what);
// Why the server closes a connection idle for idleMs, for ended()'s closeReason.
QString idleReason(qint64 idleMs, int timeoutSeconds);
// How the connection ended. closeReason is why the server closed it, when it had a reason of its
// own; closeRequested: the server asked to close it (Connection::closeRequested()).
LogEntry ended(const ConnectionInfo &info, const QString &closeReason, bool closeRequested);

} // namespace ConnectionReport
