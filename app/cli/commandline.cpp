#include "commandline.h"

#include "descriptorlimit.h"
#include "endpoint.h"
#include "faultflags.h"
#include "forwardflag.h"
#include "profileflag.h"
#include "scriptflags.h"
#include "settings.h"
#include "textescapes.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cstring>
#include <utility>

namespace {

// The translation context of this file's texts; lupdate reads it from the macro.
class Text final
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
};

// A whole number from minimum to maximum, digits only (no sign, no spaces inside, no 0x).
std::optional<int> boundedNumber(const QString &value, int minimum, int maximum)
{
    const QString text = value.trimmed();
    const bool digitsOnly = !text.isEmpty() && text.size() <= 10
        && std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); });
    bool ok = false;
    const qlonglong number = digitsOnly ? text.toLongLong(&ok) : 0;
    if (!ok || number < minimum || number > maximum)
        return std::nullopt;
    return int(number);
}

// A folder given on the command line that the run will write into; empty when it can.
QString unwritableFolder(const QString &path)
{
    const QFileInfo folder(path);
    if (!folder.isDir())
        return Text::tr("not an existing folder");
    if (!folder.isWritable())
        return Text::tr("cannot write there");
    return {};
}

// "tls://127.0.0.1:8443", "tcp://[::1]:9000" or a plain "HOST:PORT" (TCP); the error is empty
// when it reads.
ListenSpec parseListen(const QString &value, QString *error)
{
    ListenSpec spec;
    QString rest = value.trimmed();
    const qsizetype scheme = rest.indexOf(QLatin1String("://"));
    if (scheme >= 0) {
        const std::optional<ListenerProtocol> protocol = listenerProtocolFromName(rest.left(scheme));
        if (!protocol) {
            *error = Text::tr("\"%1\" is not a protocol here; use tcp:// or tls://").arg(rest.left(scheme));
            return spec;
        }
        spec.protocol = *protocol;
        rest = rest.mid(scheme + 3);
    }
    const Endpoint::HostPortResult endpoint = Endpoint::parseHostPort(rest);
    if (!endpoint.error.isEmpty()) {
        *error = endpoint.error;
        return spec;
    }
    spec.address = endpoint.address;
    spec.port = endpoint.port;
    return spec;
}

// The listen as the user would write it again: "tls://[::1]:8443", "127.0.0.1:9000".
QString listenText(const ListenSpec &spec)
{
    const QString where = Endpoint::format(spec.address, spec.port);
    return spec.protocol == ListenerProtocol::Tls ? QStringLiteral("tls://") + where : where;
}

} // namespace

ServerBehaviour CommandLineOptions::behaviour(ServerBehaviour base) const
{
    if (modeGiven)
        base.mode = mode;
    if (greetingText)
        base.greeting = TextEscapes::unescape(*greetingText);
    if (allowList)
        base.allowList = *allowList;
    if (denyList)
        base.denyList = *denyList;
    if (idleTimeoutSeconds)
        base.idleTimeoutSeconds = *idleTimeoutSeconds;
    if (maxConnections)
        base.maxConnections = *maxConnections;
    if (transcriptKiB)
        base.transcriptCapacity = qsizetype(*transcriptKiB) * 1024;
    if (!rules.isEmpty())
        base.rules = rules;
    if (faults)
        base.faults = *faults;
    if (forwardTarget)
        base.forwardTarget = *forwardTarget;
    return base;
}

namespace {

// The TLS flags, their own group: parsed into options->tls when any is given; an error message
// otherwise empty.
struct TlsFlags
{
    QCommandLineOption certificate{
        QStringLiteral("tls-cert"), Text::tr("TLS with this certificate chain (PEM, leaf first). Give --tls-key too."),
        Text::tr("FILE")};
    QCommandLineOption key{QStringLiteral("tls-key"),
                           Text::tr("The TLS private key (PEM or DER). Headless, an encrypted key's passphrase is read "
                                    "from the SOCKETLAB_TLS_PASSPHRASE environment variable; the window asks for it."),
                           Text::tr("FILE")};
    QCommandLineOption selfSigned{QStringLiteral("tls-self-signed"),
                                  Text::tr("TLS with a self-signed certificate for localhost, made once and kept in the "
                                           "application's data folder.")};
    QCommandLineOption minimum{QStringLiteral("tls-min"),
                               Text::tr("Lowest TLS version accepted: 1.2 (the default) or 1.3."), Text::tr("VERSION")};
    QCommandLineOption clientCertificate{
        QStringLiteral("tls-client-cert"),
        Text::tr("Ask clients for a certificate: none (the default), request, or require (give --tls-ca)."),
        Text::tr("MODE")};
    QCommandLineOption ca{QStringLiteral("tls-ca"), Text::tr("CA certificates that client certificates must chain to."),
                          Text::tr("FILE")};
    QCommandLineOption alpn{QStringLiteral("alpn"), Text::tr("Application protocols offered over TLS, in order: "
                                                             "\"h2,http/1.1\"."),
                            Text::tr("LIST")};
    QCommandLineOption timeout{QStringLiteral("tls-handshake-timeout"),
                               Text::tr("Fail a TLS handshake that has not ended after this many seconds, 1 to %1 "
                                        "(default %2).")
                                   .arg(TlsSettings::MaxHandshakeTimeoutSeconds)
                                   .arg(TlsSettings::DefaultHandshakeTimeoutSeconds),
                               Text::tr("SECONDS")};

    QList<const QCommandLineOption *> all() const
    {
        return {&certificate, &key, &selfSigned, &minimum, &clientCertificate, &ca, &alpn, &timeout};
    }

    QString parse(const QCommandLineParser &parser, CommandLineOptions *options) const
    {
        bool any = false;
        for (const QCommandLineOption *option : all()) {
            if (parser.values(*option).size() > 1)
                return Text::tr("Give --%1 at most once").arg(option->names().constFirst());
            any = any || parser.isSet(*option);
        }
        if (!any)
            return {};
        TlsSettings tls;
        const bool files = parser.isSet(certificate) || parser.isSet(key);
        if (files == parser.isSet(selfSigned))
            return Text::tr("For TLS give either --tls-cert and --tls-key, or --tls-self-signed");
        if (files && (parser.value(certificate).isEmpty() || parser.value(key).isEmpty()))
            return Text::tr("For TLS give both --tls-cert and --tls-key");
        tls.source = files ? TlsCertificateSource::Files : TlsCertificateSource::SelfSigned;
        tls.certificatePath = parser.value(certificate);
        tls.keyPath = parser.value(key);
        if (parser.isSet(minimum)) {
            const std::optional<TlsMinimumProtocol> protocol = TlsSettings::parseMinimumProtocol(parser.value(minimum));
            if (!protocol)
                return Text::tr("Bad --tls-min value \"%1\": expected 1.2 or 1.3").arg(parser.value(minimum));
            tls.minimumProtocol = *protocol;
        }
        if (parser.isSet(clientCertificate)) {
            const std::optional<TlsClientCertificate> mode =
                TlsSettings::parseClientCertificate(parser.value(clientCertificate));
            if (!mode)
                return Text::tr("Bad --tls-client-cert value \"%1\": expected none, request or require")
                    .arg(parser.value(clientCertificate));
            tls.clientCertificate = *mode;
        }
        tls.caPath = parser.value(ca);
        if (tls.clientCertificate == TlsClientCertificate::Require && tls.caPath.isEmpty())
            return Text::tr("--tls-client-cert require needs --tls-ca");
        if (parser.isSet(alpn)) {
            tls.alpn = TlsSettings::parseAlpn(parser.value(alpn));
            if (tls.alpn.isEmpty())
                return Text::tr("Bad --alpn value: give protocol names separated by commas");
        }
        if (parser.isSet(timeout)) {
            const std::optional<int> seconds =
                boundedNumber(parser.value(timeout), 1, TlsSettings::MaxHandshakeTimeoutSeconds);
            if (!seconds)
                return Text::tr("Bad --tls-handshake-timeout value \"%1\": expected a whole number from 1 to %2")
                    .arg(parser.value(timeout).trimmed())
                    .arg(TlsSettings::MaxHandshakeTimeoutSeconds);
            tls.handshakeTimeoutSeconds = *seconds;
        }
        options->tls = tls;
        return {};
    }
};

} // namespace

CommandLine::Result CommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Text::tr("Socket Lab: build, start and watch a TCP server live."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption listenOption(
        QStringLiteral("listen"),
        Text::tr("Start listening at launch on HOST:PORT (127.0.0.1:9000, [::1]:9000, localhost:0 for any free port). "
           "Headless: give it again for more listeners, all with the same behaviour flags; a tcp:// "
           "(the default) or tls:// prefix chooses the protocol."),
        Text::tr("[PROTO://]HOST:PORT"));
    const QCommandLineOption backlogOption(
        QStringLiteral("backlog"),
        Text::tr("Length of the kernel's accept queue, as in listen(N) (default 5)."), Text::tr("N"));
    const QCommandLineOption headlessOption(
        QStringLiteral("headless"),
        Text::tr("Run without a window and print the event log to stdout until SIGINT or SIGTERM. "
           "Listens on every --listen, or on 127.0.0.1:9000."));
    const QCommandLineOption modeOption(
        QStringLiteral("mode"),
        Text::tr("How the server treats connections: hold (read and record, the default), echo, discard, "
           "greeting, or close (accept and close at once); forward comes with --forward."),
        Text::tr("MODE"));
    const QCommandLineOption statsOption(
        QStringLiteral("stats-file"),
        Text::tr("Keep figures for benchmarks in FILE as JSON, rewritten five times a second and at exit: "
           "accepted, open, peak open, bytes, event-loop lag, memory. SIGUSR1 starts a new "
           "measurement of lag and peak open."),
        Text::tr("FILE"));
    const QCommandLineOption greetingOption(
        QStringLiteral("greeting"),
        Text::tr("What greeting mode sends on accept, with escapes \\r \\n \\t \\0 \\\\ \\xHH "
           "(default \"Hello from Socket Lab\\r\\n\")."),
        Text::tr("TEXT"));
    const QCommandLineOption allowOption(
        QStringLiteral("allow"),
        Text::tr("Accept only peers in these networks: CIDR entries separated by commas or spaces "
           "(10.0.0.0/8, ::1/128; a bare address is one host). Deny wins."),
        Text::tr("LIST"));
    const QCommandLineOption denyOption(
        QStringLiteral("deny"),
        Text::tr("Close peers in these networks at once. An IPv4 peer also counts as ::ffff:a.b.c.d, so ::/0 "
           "denies everyone."),
        Text::tr("LIST"));
    const QCommandLineOption idleOption(
        QStringLiteral("idle-timeout"),
        Text::tr("Close connections with no traffic for this many seconds, 0 (off, the default) to %1.")
            .arg(Settings::MaxIdleTimeoutSeconds),
        Text::tr("SECONDS"));
    const QCommandLineOption maxOption(
        QStringLiteral("max-connections"),
        Text::tr("Past this many open connections, close new ones at once, 1 to %1, as the descriptor limit "
                 "allows (default %2).")
            .arg(DescriptorLimit::maxConnections())
            .arg(ServerBehaviour::DefaultMaxConnections),
        Text::tr("N"));
    const QCommandLineOption keepOption(
        QStringLiteral("keep-transcript"),
        Text::tr("Keep the last KIB KiB of each connection's transcript, 0 to %1 (default %2).")
            .arg(Settings::MaxTranscriptKiB)
            .arg(Settings::DefaultTranscriptKiB),
        Text::tr("KIB"));
    const QCommandLineOption ruleOption(
        QStringLiteral("rule"),
        Text::tr("Answer what clients send: 'MATCH=>REPLY'. MATCH is text that must appear (escapes as in "
                 "--greeting), re:REGEX or hex:BYTES; REPLY takes escapes and \\1..\\9 from the regex. Give it "
                 "again for more rules; the first that matches answers."),
        Text::tr("RULE"));
    const QCommandLineOption closeOnStopOption(
        QStringLiteral("close-on-stop"),
        Text::tr("Window only: close the open connections when listening stops (a headless run always does)."));
    const QCommandLineOption transcriptDirOption(
        QStringLiteral("transcript-dir"),
        Text::tr("Headless only: write each connection's transcript to DIR/connection-N.txt when it ends "
           "(the last --keep-transcript KiB of it). Without it a headless run keeps no transcript of "
           "ended connections."),
        Text::tr("DIR"));
    parser.addOption(listenOption);
    parser.addOption(backlogOption);
    parser.addOption(modeOption);
    parser.addOption(greetingOption);
    parser.addOption(allowOption);
    parser.addOption(denyOption);
    parser.addOption(idleOption);
    parser.addOption(maxOption);
    parser.addOption(keepOption);
    parser.addOption(ruleOption);
    parser.addOption(closeOnStopOption);
    parser.addOption(headlessOption);
    parser.addOption(transcriptDirOption);
    parser.addOption(statsOption);
    const TlsFlags tlsFlags;
    for (const QCommandLineOption *option : tlsFlags.all())
        parser.addOption(*option);
    const ScriptFlags scriptFlags;
    for (const QCommandLineOption *option : scriptFlags.all())
        parser.addOption(*option);
    const ProfileFlag profileFlag;
    for (const QCommandLineOption *option : profileFlag.all())
        parser.addOption(*option);
    const FaultFlags faultFlags;
    for (const QCommandLineOption *option : faultFlags.all())
        parser.addOption(*option);
    const ForwardFlag forwardFlag;
    for (const QCommandLineOption *option : forwardFlag.all())
        parser.addOption(*option);

    Result result;
    const auto usageError = [&](const QString &message) {
        result.outcome = Outcome::BadUsage;
        result.message = message + QLatin1Char('\n')
            + Text::tr("Try '%1 --help' for the options.").arg(QCoreApplication::applicationName());
        return result;
    };

    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption) || parser.isSet(QStringLiteral("help-all"))) {
        result.outcome = Outcome::Exit;
        result.message = parser.helpText();
        return result;
    }
    if (parser.isSet(versionOption)) {
        result.outcome = Outcome::Exit;
        result.message = QCoreApplication::applicationName() + QLatin1Char(' ')
            + QCoreApplication::applicationVersion() + QLatin1Char('\n');
        return result;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(Text::tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst()));

    CommandLineOptions &options = result.options;
    options.headless = parser.isSet(headlessOption);
    for (const QCommandLineOption *option :
         {&backlogOption, &modeOption, &statsOption, &greetingOption, &allowOption, &denyOption,
          &idleOption, &maxOption, &keepOption, &transcriptDirOption}) {
        if (parser.values(*option).size() > 1)
            return usageError(Text::tr("Give --%1 at most once").arg(option->names().constFirst()));
    }
    const QStringList listenValues = parser.values(listenOption);
    if (listenValues.size() > Settings::MaxListeners)
        return usageError(Text::tr("Give --listen at most %1 times").arg(Settings::MaxListeners));
    QList<ListenerConfig> configs; // for the overlap check the window's form makes too
    for (const QString &value : listenValues) {
        QString error;
        const ListenSpec spec = parseListen(value, &error);
        if (!error.isEmpty())
            return usageError(Text::tr("Bad --listen value: %1").arg(error));
        ListenerConfig config;
        config.address = spec.address.toString();
        config.port = spec.port;
        if (const qsizetype overlap = config.firstOverlap(configs); overlap >= 0) {
            const ListenSpec &other = options.listens.at(overlap);
            if (other.address == spec.address)
                return usageError(Text::tr("Bad --listen values: %1 is given twice").arg(Endpoint::format(spec.address, spec.port)));
            return usageError(Text::tr("Bad --listen values: %1 and %2 both take port %3")
                                  .arg(listenText(other), listenText(spec))
                                  .arg(spec.port));
        }
        configs.append(config);
        options.listens.append(spec);
    }
    if (!options.listens.isEmpty()) {
        options.listen = true;
        options.address = options.listens.constFirst().address;
        options.port = options.listens.constFirst().port;
    }
    if (parser.isSet(backlogOption)) {
        const std::optional<int> backlog = boundedNumber(parser.value(backlogOption), 1, Settings::MaxBacklog);
        if (!backlog)
            return usageError(Text::tr("Bad --backlog value \"%1\": expected a whole number from 1 to %2")
                                  .arg(parser.value(backlogOption).trimmed())
                                  .arg(Settings::MaxBacklog));
        options.backlog = *backlog;
        options.backlogGiven = true;
    }
    if (parser.isSet(modeOption)) {
        const QString text = parser.value(modeOption).trimmed().toLower();
        const std::optional<ServerMode> mode = serverModeFromName(text);
        if (!mode)
            return usageError(Text::tr("Bad --mode value \"%1\": expected hold, echo, discard, greeting or close")
                                  .arg(parser.value(modeOption)));
        options.mode = *mode;
        options.modeGiven = true;
    }
    if (parser.isSet(greetingOption)) {
        const QString text = parser.value(greetingOption);
        if (text.size() > Settings::MaxGreetingLength)
            return usageError(Text::tr("Bad --greeting value: longer than %1 characters").arg(Settings::MaxGreetingLength));
        if (const QString error = TextEscapes::check(text); !error.isEmpty())
            return usageError(Text::tr("Bad --greeting value: %1").arg(error));
        options.greetingText = text;
    }
    for (const auto &[option, list] : {std::pair{&allowOption, &options.allowList}, std::pair{&denyOption, &options.denyList}}) {
        if (!parser.isSet(*option))
            continue;
        const QString text = parser.value(*option);
        if (text.size() > Settings::MaxAccessListChars)
            return usageError(Text::tr("Bad --%1 value: longer than %2 characters")
                                  .arg(option->names().constFirst())
                                  .arg(Settings::MaxAccessListChars));
        QString error;
        *list = AccessList::parse(text, &error);
        if (!error.isEmpty())
            return usageError(Text::tr("Bad --%1 value: %2").arg(option->names().constFirst(), error));
    }
    const auto number = [&](const QCommandLineOption &option, int minimum, int maximum,
                            std::optional<int> *target) -> bool {
        if (!parser.isSet(option))
            return true;
        *target = boundedNumber(parser.value(option), minimum, maximum);
        if (*target)
            return true;
        result = usageError(Text::tr("Bad --%1 value \"%2\": expected a whole number from %3 to %4")
                                .arg(option.names().constFirst(), parser.value(option).trimmed())
                                .arg(minimum)
                                .arg(maximum));
        return false;
    };
    // Above what the descriptor limit allows, the listener could never hold them: say so rather
    // than refuse the number as such.
    const int maxAllowed = DescriptorLimit::maxConnections();
    if (const auto wanted = boundedNumber(parser.value(maxOption), maxAllowed + 1, DescriptorLimit::MaxConnectionsCeiling);
        parser.isSet(maxOption) && wanted)
        return usageError(Text::tr("Bad --%1 value \"%2\": the descriptor limit (%3) allows at most %4")
                              .arg(maxOption.names().constFirst())
                              .arg(*wanted)
                              .arg(DescriptorLimit::current())
                              .arg(maxAllowed));
    if (!number(idleOption, 0, Settings::MaxIdleTimeoutSeconds, &options.idleTimeoutSeconds)
        || !number(maxOption, 1, maxAllowed, &options.maxConnections)
        || !number(keepOption, 0, Settings::MaxTranscriptKiB, &options.transcriptKiB))
        return result;
    const QStringList ruleValues = parser.values(ruleOption);
    for (qsizetype i = 0; i < ruleValues.size(); ++i) {
        QString error;
        const std::optional<ResponseRule> rule = ResponseRule::parse(ruleValues.at(i), &error);
        if (!rule)
            return usageError(Text::tr("Bad --rule %1 \"%2\": %3").arg(i + 1).arg(ruleValues.at(i), error));
        options.rules.append(*rule);
    }
    options.closeOnStop = parser.isSet(closeOnStopOption);
    if (options.closeOnStop && options.headless)
        return usageError(Text::tr("--close-on-stop is for the window: a headless run always closes its connections "
                             "when it stops"));
    if (parser.isSet(transcriptDirOption)) {
        if (!options.headless)
            return usageError(Text::tr("--transcript-dir is for --headless: the window shows transcripts and exports "
                                 "them from the inspector"));
        options.transcriptDir = parser.value(transcriptDirOption);
        const QString problem = options.transcriptDir.trimmed().isEmpty()
            ? Text::tr("give a folder")
            : unwritableFolder(options.transcriptDir);
        if (!problem.isEmpty())
            return usageError(Text::tr("Bad --transcript-dir value \"%1\": %2").arg(options.transcriptDir, problem));
    }
    if (parser.isSet(statsOption)) {
        options.statsFile = parser.value(statsOption);
        if (options.statsFile.trimmed().isEmpty())
            return usageError(Text::tr("Bad --stats-file value: give a file name"));
        // Found now, a bad path is one clear line; found by the first write, it would be a
        // run whose figures silently go nowhere.
        const QFileInfo file(options.statsFile);
        const QFileInfo folder(file.absolutePath());
        if (file.isDir())
            return usageError(Text::tr("Bad --stats-file value \"%1\": that is a folder; give a file name")
                                  .arg(options.statsFile));
        if (!folder.isDir())
            return usageError(Text::tr("Bad --stats-file value \"%1\": %2 is not an existing folder")
                                  .arg(options.statsFile, QDir::toNativeSeparators(folder.filePath())));
        if (!folder.isWritable() || (file.exists() && !file.isWritable()))
            return usageError(Text::tr("Bad --stats-file value \"%1\": cannot write there").arg(options.statsFile));
    }
    if (const QString error = tlsFlags.parse(parser, &options); !error.isEmpty())
        return usageError(error);
    if (const QString error = profileFlag.parse(parser, &options); !error.isEmpty())
        return usageError(error);
    if (const QString error = scriptFlags.parse(parser, &options); !error.isEmpty())
        return usageError(error);
    if (const QString error = faultFlags.parse(parser, &options); !error.isEmpty())
        return usageError(error);
    if (const QString error = forwardFlag.parse(parser, &options); !error.isEmpty())
        return usageError(error);
    // A headless tls:// listener needs a certificate: better no listener than a plain one where
    // TLS was asked for. The window's listener has its form's TLS settings.
    for (const ListenSpec &spec : std::as_const(options.listens)) {
        if (options.headless && spec.protocol == ListenerProtocol::Tls && !options.tls && !options.profile)
            return usageError(Text::tr("Bad --listen value %1: TLS listeners need --tls-cert/--tls-key or "
                                       "--tls-self-signed")
                                  .arg(listenText(spec)));
    }
    return result;
}

bool CommandLine::wantsHeadless(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--headless") == 0)
            return true;
    }
    return false;
}
