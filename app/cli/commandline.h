#pragma once

#include "listenerconfig.h"
#include "serverbehaviour.h"
#include "responserule.h"
#include "tlssettings.h"

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// One --listen: [tcp://|tls://]HOST:PORT.
struct ListenSpec
{
    ListenerProtocol protocol = ListenerProtocol::Tcp;
    QHostAddress address{QHostAddress::LocalHost};
    quint16 port = 9000;
};

// What the command line asked for.
struct CommandLineOptions
{
    bool headless = false;
    bool listen = false; // --listen was given: start listening at launch
    // Every --listen, in the order given; empty when none was. The behaviour flags apply to each.
    QList<ListenSpec> listens;
    // The first --listen (127.0.0.1:9000 when none), for the window, which has one listener.
    QHostAddress address{QHostAddress::LocalHost};
    quint16 port = 9000;
    int backlog = 5;
    bool backlogGiven = false;
    ServerMode mode = ServerMode::Hold;
    bool modeGiven = false;
    // The rest of the server's behaviour; unset where no flag gave it.
    std::optional<QString> greetingText; // as typed, escapes unexpanded
    std::optional<AccessList> allowList;
    std::optional<AccessList> denyList;
    std::optional<int> idleTimeoutSeconds;
    std::optional<int> maxConnections;
    std::optional<int> transcriptKiB;
    bool closeOnStop = false;  // the window only: a headless run always closes them at exit
    QString transcriptDir;     // --transcript-dir: headless writes each ended connection's transcript here
    QString statsFile; // --stats-file: where to keep the figures a benchmark reads
    std::optional<int> exitAfter;   // --exit-after: headless stops once this many connections ended
    std::optional<qint64> durationMs; // --duration: headless stops after this long
    bool jsonLog = false;             // --log-format jsonl: one JSON object per log line
    QList<ResponseRule> rules;        // --rule, in the order given
    std::optional<Faults> faults;     // any fault flag (--latency, --stall-reads, ...)
    std::optional<ForwardTarget> forwardTarget; // --forward, which also sets the mode
    // Any --tls-* flag or --alpn: how the tls:// listeners serve TLS; with no tls:// listener,
    // every listener of the run is TLS. The passphrase is never a flag (SOCKETLAB_TLS_PASSPHRASE).
    std::optional<TlsSettings> tls;
    // --profile: the listeners of a saved set-up; the flags given override them.
    std::optional<QList<ListenerConfig>> profile;

    // base with the behaviour flags that were given applied over it.
    ServerBehaviour behaviour(ServerBehaviour base = {}) const;
};

// socketlab [--listen [tcp://|tls://]HOST:PORT]... [--backlog N] [--mode MODE | --forward HOST:PORT]
//           [behaviour flags] [--headless]
//           [--transcript-dir DIR] [--stats-file PATH] [--exit-after N] [--duration SECONDS]
//           [--log-format text|jsonl]
//           [--tls-cert FILE --tls-key FILE | --tls-self-signed] [--tls-min 1.2|1.3]
//           [--tls-client-cert none|request|require] [--tls-ca FILE] [--alpn LIST]
//           [--tls-handshake-timeout S]
class CommandLine final
{
public:
    static constexpr int UsageExitCode = 2;

    enum class Outcome {
        Run,      // go on with the options
        Exit,     // print message to stdout and exit 0 (--help, --version)
        BadUsage, // print message to stderr and exit UsageExitCode
    };

    struct Result
    {
        Outcome outcome = Outcome::Run;
        CommandLineOptions options;
        QString message;
    };

    // arguments[0] is the program name, as in QCoreApplication::arguments().
    static Result parse(const QStringList &arguments);
    // True when --headless is among the arguments, checked before any QCoreApplication exists.
    static bool wantsHeadless(int argc, char **argv);
};
