#pragma once

#include "accesslist.h"
#include "faultplan.h"
#include "forwardtarget.h"
#include "responserule.h"
#include "transcript.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>

#include <optional>

// What the server does with the connections it accepts.
enum class ServerMode : quint8 {
    Hold,           // read and record, send nothing
    Echo,           // send back whatever arrives
    Discard,        // read and count, keep nothing
    Greeting,       // send the greeting on accept, then hold
    AcceptAndClose, // the seed's loop: accept, log, close at once
    Forward,        // relay each connection to its own connection to the forward target
};

struct ServerBehaviour
{
    static constexpr int DefaultMaxConnections = 10000;
    // The greeting as typed in the form (escapes unexpanded), and the bytes it stands for.
    static constexpr char DefaultGreetingText[] = "Hello from Socket Lab\\r\\n";
    static constexpr char DefaultGreeting[] = "Hello from Socket Lab\r\n";

    ServerMode mode = ServerMode::Hold;
    QByteArray greeting = DefaultGreeting;
    // Past this many open connections new ones are accepted and closed at once.
    int maxConnections = DefaultMaxConnections;
    // Bytes of transcript kept per connection.
    qsizetype transcriptCapacity = Transcript::DefaultCapacity;
    // Checked at accept: a denied peer, or one missing from a non-empty allow list, is closed
    // at once. Deny wins over allow.
    AccessList allowList;
    AccessList denyList;
    // Connections with no traffic either way for longer than this are closed; 0 is off.
    int idleTimeoutSeconds = 0;
    // Tried in order on what each connection sends; the first match answers. Any mode.
    QList<ResponseRule> rules;
    // Injected into each new connection; open ones keep what they were given.
    Faults faults;
    // Forward mode's upstream; kept while another mode is chosen.
    ForwardTarget forwardTarget;

    bool operator==(const ServerBehaviour &other) const;
};

QString serverModeText(ServerMode mode);
// The mode's name on the command line: hold, echo, discard, greeting, close, forward.
QString serverModeName(ServerMode mode);
std::optional<ServerMode> serverModeFromName(const QString &name);
QString serverModeDescription(ServerMode mode);

Q_DECLARE_METATYPE(ServerBehaviour)
