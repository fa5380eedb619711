#include "logentry.h"

#include "timeofday.h"

#include <QCoreApplication>
#include <QDateTime>

QString LogEntry::formatted(bool namingListener) const
{
    QString line = TimeOfDay::format(timestampMs) + QStringLiteral("  ");
    if (namingListener && listenerId != 0)
        line += QStringLiteral("[#%1] ").arg(listenerId);
    return line + text;
}

QString logEventName(LogEvent event)
{
    switch (event) {
    case LogEvent::Other:
        return {};
    case LogEvent::Bound:
        return QStringLiteral("bound");
    case LogEvent::Listening:
        return QStringLiteral("listening");
    case LogEvent::ListenFailed:
        return QStringLiteral("listen_failed");
    case LogEvent::Waiting:
        return QStringLiteral("waiting");
    case LogEvent::Stopped:
        return QStringLiteral("stopped");
    case LogEvent::Accepted:
        return QStringLiteral("accepted");
    case LogEvent::TlsEstablished:
        return QStringLiteral("tls_established");
    case LogEvent::Closed:
        return QStringLiteral("closed");
    case LogEvent::Reset:
        return QStringLiteral("reset");
    case LogEvent::Refused:
        return QStringLiteral("refused");
    case LogEvent::Failed:
        return QStringLiteral("failed");
    case LogEvent::TlsFailed:
        return QStringLiteral("tls_failed");
    case LogEvent::Sent:
        return QStringLiteral("sent");
    }
    return {};
}

QString logLevelText(LogLevel level)
{
    switch (level) {
    case LogLevel::Info:
        return QCoreApplication::translate("LogLevel", "Info");
    case LogLevel::Connection:
        return QCoreApplication::translate("LogLevel", "Connection");
    case LogLevel::Warning:
        return QCoreApplication::translate("LogLevel", "Warning");
    case LogLevel::Error:
        return QCoreApplication::translate("LogLevel", "Error");
    }
    return {};
}
