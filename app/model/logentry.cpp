#include "logentry.h"

#include <QCoreApplication>
#include <QDateTime>

QString LogEntry::formatted(bool namingListener) const
{
    QString line = QDateTime::fromMSecsSinceEpoch(timestampMs).toString(QStringLiteral("hh:mm:ss.zzz"))
        + QStringLiteral("  ");
    if (namingListener && listenerId != 0)
        line += QStringLiteral("[#%1] ").arg(listenerId);
    return line + text;
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
