#include "listenersummary.h"

#include "listenerstatus.h"

#include <QCoreApplication>
#include <QStringList>

QString listenerSummary(const QList<ListenerStatus> &statuses)
{
    int listening = 0;
    int stopped = 0;
    int failed = 0;
    for (const ListenerStatus &status : statuses) {
        switch (status.state) {
        case ListenerState::Listening:
            ++listening;
            break;
        case ListenerState::Stopped:
            ++stopped;
            break;
        case ListenerState::Error:
            ++failed;
            break;
        }
    }
    QStringList parts;
    if (listening > 0)
        parts.append(QCoreApplication::translate("ListenerSummary", "%n listening", nullptr, listening));
    if (stopped > 0)
        parts.append(QCoreApplication::translate("ListenerSummary", "%n stopped", nullptr, stopped));
    if (failed > 0)
        parts.append(QCoreApplication::translate("ListenerSummary", "%n failed", nullptr, failed));
    return parts.join(QCoreApplication::translate("ListenerSummary", ", "));
}
