#pragma once

#include "serverbehaviour.h"
#include "tlssettings.h"

#include <QList>
#include <QMetaType>
#include <QString>

// What a listener speaks. TLS is carried here; the listener that serves it comes separately.
enum class ListenerProtocol : quint8 { Tcp, Tls };

// "tcp", "tls": the prefix on the command line and the value in the settings file.
QString listenerProtocolName(ListenerProtocol protocol);
std::optional<ListenerProtocol> listenerProtocolFromName(const QString &name);

// One listener as the user set it up: where it listens and how it treats connections.
struct ListenerConfig
{
    QString name; // shown to the user; may be empty
    ListenerProtocol protocol = ListenerProtocol::Tcp;
    QString address = QStringLiteral("127.0.0.1"); // as typed: an IPv4 or IPv6 address
    quint16 port = 9000; // 0: any free port
    int backlog = 5;
    ServerBehaviour behaviour; // behaviour.greeting holds the bytes greetingText stands for
    QString greetingText = QString::fromLatin1(ServerBehaviour::DefaultGreetingText); // escapes unexpanded
    bool closeConnectionsOnStop = false;
    TlsSettings tls; // used when protocol is Tls; kept while it is not, so switching back restores it

    bool operator==(const ListenerConfig &other) const;

    // Whether the two would claim the same port: the same port (not 0) on the same address, or
    // on addresses that overlap (0.0.0.0 takes every IPv4 address, :: every address, both
    // families, as the listener binds it).
    bool overlaps(const ListenerConfig &other) const;
    // The first of the others this one overlaps, or -1: the one check the form, the start of a
    // listener and the command line all make.
    qsizetype firstOverlap(const QList<ListenerConfig> &others) const;
    // One line per pair of listeners that cannot both listen, "Listener 1 and listener 3 both
    // use 127.0.0.1:9000" (1-based positions, or the names); empty when none do. Checked before
    // any socket is bound; an unreadable address is left to the listener to report.
    static QStringList conflicts(const QList<ListenerConfig> &configs);
};

Q_DECLARE_METATYPE(ListenerConfig)
