#pragma once

#include <QMetaType>
#include <QString>

#include <optional>

// Where Forward mode relays each connection: a host (an IP address or a name, looked up when a
// connection opens) and a port.
struct ForwardTarget
{
    QString host; // without brackets: "127.0.0.1", "::1", "localhost"
    quint16 port = 0;

    bool isValid() const { return !host.isEmpty() && port != 0; }
    // "127.0.0.1:8080", "[::1]:8080"; empty when unset.
    QString toString() const;
    bool operator==(const ForwardTarget &other) const { return host == other.host && port == other.port; }
    bool operator!=(const ForwardTarget &other) const { return !(*this == other); }

    // "HOST:PORT", "[IPv6]:PORT"; the port from 1 to 65535. nullopt with the reason in *error.
    static std::optional<ForwardTarget> parse(const QString &text, QString *error = nullptr);
};

Q_DECLARE_METATYPE(ForwardTarget)
