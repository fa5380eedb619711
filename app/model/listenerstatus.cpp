#include "listenerstatus.h"

#include "endpoint.h"

#include <QCoreApplication>

QString ListenerStatus::text() const
{
    switch (state) {
    case ListenerState::Stopped:
        return QCoreApplication::translate("ListenerStatus", "Stopped");
    case ListenerState::Listening:
        if (!pausedReason.isEmpty())
            return QCoreApplication::translate("ListenerStatus", "Listening (paused: %3) on %1, backlog %2")
                .arg(Endpoint::format(address, port), QString::number(backlog), pausedReason);
        if (paused)
            return QCoreApplication::translate("ListenerStatus", "Listening (paused) on %1, backlog %2")
                .arg(Endpoint::format(address, port))
                .arg(backlog);
        return QCoreApplication::translate("ListenerStatus", "Listening on %1, backlog %2")
            .arg(Endpoint::format(address, port))
            .arg(backlog);
    case ListenerState::Error:
        return QCoreApplication::translate("ListenerStatus", "Error: %1").arg(errorString);
    }
    return {};
}

QString lifecycleStepName(LifecycleStep step)
{
    switch (step) {
    case LifecycleStep::None:
        return {};
    case LifecycleStep::Socket:
        return QStringLiteral("socket()");
    case LifecycleStep::Bind:
        return QStringLiteral("bind()");
    case LifecycleStep::Listen:
        return QStringLiteral("listen()");
    }
    return {};
}
