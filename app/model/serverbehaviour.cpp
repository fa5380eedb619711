#include "serverbehaviour.h"

#include <QCoreApplication>

bool ServerBehaviour::operator==(const ServerBehaviour &other) const
{
    return mode == other.mode && greeting == other.greeting && maxConnections == other.maxConnections
        && transcriptCapacity == other.transcriptCapacity && allowList == other.allowList
        && denyList == other.denyList && idleTimeoutSeconds == other.idleTimeoutSeconds && rules == other.rules
        && faults == other.faults && forwardTarget == other.forwardTarget;
}

QString serverModeText(ServerMode mode)
{
    switch (mode) {
    case ServerMode::Hold:
        return QCoreApplication::translate("ServerMode", "Hold");
    case ServerMode::Echo:
        return QCoreApplication::translate("ServerMode", "Echo");
    case ServerMode::Discard:
        return QCoreApplication::translate("ServerMode", "Discard");
    case ServerMode::Greeting:
        return QCoreApplication::translate("ServerMode", "Greeting");
    case ServerMode::AcceptAndClose:
        return QCoreApplication::translate("ServerMode", "Accept and close");
    case ServerMode::Forward:
        return QCoreApplication::translate("ServerMode", "Forward");
    }
    return {};
}

QString serverModeDescription(ServerMode mode)
{
    switch (mode) {
    case ServerMode::Hold:
        return QCoreApplication::translate("ServerMode", "Read and record what arrives; send nothing");
    case ServerMode::Echo:
        return QCoreApplication::translate("ServerMode", "Send back every byte that arrives");
    case ServerMode::Discard:
        return QCoreApplication::translate("ServerMode", "Read and count what arrives; keep nothing");
    case ServerMode::Greeting:
        return QCoreApplication::translate("ServerMode", "Send the greeting on accept, then hold");
    case ServerMode::AcceptAndClose:
        return QCoreApplication::translate("ServerMode",
                                           "Accept, log \"Connection from ...\", close at once: the classic loop");
    case ServerMode::Forward:
        return QCoreApplication::translate("ServerMode",
                                           "Open a connection to the upstream for each client and relay both ways");
    }
    return {};
}

QString serverModeName(ServerMode mode)
{
    switch (mode) {
    case ServerMode::Hold:
        return QStringLiteral("hold");
    case ServerMode::Echo:
        return QStringLiteral("echo");
    case ServerMode::Discard:
        return QStringLiteral("discard");
    case ServerMode::Greeting:
        return QStringLiteral("greeting");
    case ServerMode::AcceptAndClose:
        return QStringLiteral("close");
    case ServerMode::Forward:
        return QStringLiteral("forward");
    }
    return {};
}

std::optional<ServerMode> serverModeFromName(const QString &name)
{
    for (const ServerMode mode : {ServerMode::Hold, ServerMode::Echo, ServerMode::Discard, ServerMode::Greeting,
                                  ServerMode::AcceptAndClose, ServerMode::Forward}) {
        if (name == serverModeName(mode))
            return mode;
    }
    return std::nullopt;
}
