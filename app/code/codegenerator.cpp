#include "codegenerator.h"

#include "codeliterals.h"
#include "codetemplates.h"
#include "forwardcodetemplates.h"
#include "tlscodevalues.h"

#include <QStringList>

bool CodeSettings::operator==(const CodeSettings &other) const
{
    return address == other.address && address.protocol() == other.address.protocol() && port == other.port
        && backlog == other.backlog && mode == other.mode && greeting == other.greeting
        && maxConnections == other.maxConnections && allowList == other.allowList && denyList == other.denyList
        && idleTimeoutSeconds == other.idleTimeoutSeconds && tls == other.tls && forward == other.forward;
}

namespace {

using CodeLiterals::cppStringLine;
using CodeLiterals::joinLiteralLines;
using CodeLiterals::lines;
using CodeLiterals::pythonBytesLine;
using CodeLiterals::pythonStringLiteral;
using CodeTemplates::Values;

// Where the program binds, in the words each language needs.
struct Target
{
    QString host;         // bind()'s host in Python: 127.0.0.1, ::1, fe80::1%eth0
    QString boundHost;    // as "Socket bound to" prints it: 127.0.0.1, [::1]
    QString clientHost;   // what nc connects to
    QString cppAddress;   // QHostAddress's constructor argument
    bool ipv6 = false;
    bool dualStack = false;  // QHostAddress::Any
    bool ipv6Any = false;    // "::", which Qt binds IPv6 only
    bool allInterfaces = false;
};

Target targetFor(const QHostAddress &requested)
{
    // An address not chosen yet reads as the form's default.
    const QHostAddress address = requested.protocol() == QAbstractSocket::UnknownNetworkLayerProtocol
        ? QHostAddress(QHostAddress::LocalHost)
        : requested;
    Target target;
    if (address.protocol() == QAbstractSocket::AnyIPProtocol) {
        target.host = QStringLiteral("::");
        target.ipv6 = true;
        target.dualStack = true;
    } else {
        target.host = address.toString();
        target.ipv6 = address.protocol() == QAbstractSocket::IPv6Protocol;
        target.ipv6Any = address == QHostAddress(QHostAddress::AnyIPv6);
    }
    target.boundHost = target.ipv6 ? QLatin1Char('[') + target.host + QLatin1Char(']') : target.host;
    target.allInterfaces = target.dualStack || target.ipv6Any || address == QHostAddress(QHostAddress::AnyIPv4);
    if (target.dualStack || address == QHostAddress(QHostAddress::AnyIPv4))
        target.clientHost = QStringLiteral("127.0.0.1");
    else if (target.ipv6Any)
        target.clientHost = QStringLiteral("::1");
    else
        target.clientHost = target.host;

    const std::pair<QHostAddress::SpecialAddress, const char *> named[] = {
        {QHostAddress::LocalHost, "QHostAddress::LocalHost"},
        {QHostAddress::LocalHostIPv6, "QHostAddress::LocalHostIPv6"},
        {QHostAddress::AnyIPv4, "QHostAddress::AnyIPv4"},
        {QHostAddress::AnyIPv6, "QHostAddress::AnyIPv6"},
    };
    if (target.dualStack)
        target.cppAddress = QStringLiteral("QHostAddress::Any");
    for (const auto &[special, name] : named) {
        if (!target.dualStack && address == QHostAddress(special))
            target.cppAddress = QLatin1String(name);
    }
    if (target.cppAddress.isEmpty())
        target.cppAddress = QStringLiteral("QStringLiteral(%1)").arg(cppStringLine(target.host.toUtf8()));
    return target;
}

QString modeSummary(ServerMode mode)
{
    switch (mode) {
    case ServerMode::Hold:
        return QStringLiteral("Hold: print what each client sends, send nothing");
    case ServerMode::Echo:
        return QStringLiteral("Echo: send back every byte that arrives");
    case ServerMode::Discard:
        return QStringLiteral("Discard: read and count what arrives, keep nothing");
    case ServerMode::Greeting:
        return QStringLiteral("Greeting: send the greeting on accept, then print what arrives");
    case ServerMode::AcceptAndClose:
        return QStringLiteral("Accept and close: print who connected, close at once (the classic loop)");
    case ServerMode::Forward:
        return QStringLiteral("Forward: relay each client to the upstream, both ways");
    }
    return {};
}

QString tryCommand(const CodeSettings &settings, const Target &target)
{
    const QString port = settings.port == 0 ? QStringLiteral("PORT (the port it prints)")
                                            : QString::number(settings.port);
    if (settings.tls) {
        const QString host = target.clientHost.contains(QLatin1Char(':'))
            ? QLatin1Char('[') + target.clientHost + QLatin1Char(']')
            : target.clientHost;
        return QStringLiteral("openssl s_client -quiet -connect ") + host + QLatin1Char(':') + port;
    }
    return QStringLiteral("nc ") + target.clientHost + QLatin1Char(' ') + port;
}

// What both languages share: the numbers, the mode, the address and how to try it.
// A comment line for each setting in force that the program leaves out, so a reader is not misled.
QString omissions(const CodeSettings &settings, const QString &comment)
{
    QStringList lines;
    if (!settings.allowList.isEmpty())
        lines.append(QStringLiteral("Not reproduced here: the allow list (%1); every peer is accepted.").arg(settings.allowList));
    if (!settings.denyList.isEmpty())
        lines.append(QStringLiteral("Not reproduced here: the deny list (%1).").arg(settings.denyList));
    if (settings.idleTimeoutSeconds > 0)
        lines.append(QStringLiteral("Not reproduced here: the idle timeout (%1 s); idle connections stay open.")
                         .arg(settings.idleTimeoutSeconds));
    if (settings.tls && settings.mode == ServerMode::Forward)
        lines.append(QStringLiteral("Not reproduced here: TLS; this program relays plain TCP."));
    if (settings.mode != ServerMode::Forward && settings.tls
        && settings.tls->clientCertificate == TlsClientCertificate::Request && settings.tls->caPath.isEmpty())
        lines.append(QStringLiteral("Not reproduced here: asking for a client certificate without a CA to check it."));
    QString text;
    for (const QString &line : std::as_const(lines))
        text += comment + line + QLatin1Char('\n');
    return text;
}

// Forward mode has no C++ program: the view says so rather than show a server that does
// something else.
QString forwardNotice(const QString &comment)
{
    return comment + QStringLiteral("Forward mode has no generated program in this language; the Python tab has one.\n")
        + comment
        + QStringLiteral("The app relays each client to the upstream itself; pick another mode to see its code.\n");
}

Values commonValues(const CodeSettings &settings, const Target &target)
{
    return {
        {QStringLiteral("SUMMARY"), modeSummary(settings.mode) + (settings.tls ? QStringLiteral(", over TLS") : QString())},
        {QStringLiteral("TRY"), tryCommand(settings, target)},
        {QStringLiteral("PORT"), QString::number(settings.port)},
        {QStringLiteral("BACKLOG"), QString::number(settings.backlog)},
        {QStringLiteral("MAX"), QString::number(settings.maxConnections)},
    };
}

} // namespace

namespace CodeGenerator {

QString pythonBytesLiteral(const QByteArray &bytes)
{
    return CodeLiterals::pythonBytesLiteral(bytes);
}

QString cppStringLiteral(const QByteArray &bytes)
{
    return CodeLiterals::cppStringLiteral(bytes);
}

QString python(const CodeSettings &settings)
{
    using namespace CodeTemplates;
    const Target target = targetFor(settings.address);
    Values values = commonValues(settings, target);
    const bool forward = settings.mode == ServerMode::Forward;
    if (forward && !settings.forward.isValid())
        return QStringLiteral("# Forward mode: enter the upstream as HOST:PORT in the form to see its program.\n");
    if (forward && settings.tls) {
        CodeSettings plain = settings; // the relay it prints speaks plain TCP
        plain.tls.reset();
        values.insert(QStringLiteral("TRY"), tryCommand(plain, target));
    }
    TlsCodeValues::insertPython(forward ? std::nullopt : settings.tls, values);
    values.insert(QStringLiteral("OMITTED"), omissions(settings, QStringLiteral("# ")));
    values.insert(QStringLiteral("HEADER"), fill(PythonHeader, values));
    values.insert(QStringLiteral("HOST"), pythonStringLiteral(target.host));
    values.insert(QStringLiteral("FAMILY"), target.ipv6 ? QStringLiteral("AF_INET6") : QStringLiteral("AF_INET"));
    values.insert(QStringLiteral("BOUND"), target.ipv6 ? QStringLiteral("[%s]:%d") : QStringLiteral("%s:%d"));
    values.insert(QStringLiteral("PEER_NAME"), target.ipv6 ? fill(PythonPeerNameIPv6) : QString());
    values.insert(QStringLiteral("NAME"),
                  target.ipv6 ? QStringLiteral("peer_name(addr)") : QStringLiteral("'%s:%d' % addr"));
    values.insert(QStringLiteral("V6ONLY"), target.dualStack ? fill(PythonDualStack)
                                            : target.ipv6Any ? fill(PythonIPv6Only)
                                                             : QString());
    values.insert(QStringLiteral("EXPOSED"), target.allInterfaces ? fill(PythonExposed) : QString());
    values.insert(QStringLiteral("SETUP"), fill(PythonSetup, values));
    if (forward) {
        values.insert(QStringLiteral("UPSTREAM_HOST"), pythonStringLiteral(settings.forward.host));
        values.insert(QStringLiteral("UPSTREAM_PORT"), QString::number(settings.forward.port));
        values.insert(QStringLiteral("UPSTREAM"), settings.forward.toString());
        return fill(PythonForwardServer, values);
    }
    if (settings.mode == ServerMode::AcceptAndClose)
        return fill(PythonClassicLoop, values);

    QString greeting;
    if (settings.mode == ServerMode::Greeting) {
        const QList<QByteArray> parts = lines(settings.greeting);
        const QString separator = QLatin1Char('\n') + QString(int(qstrlen("GREETING = (")), QLatin1Char(' '));
        const QString literal = joinLiteralLines(parts, &pythonBytesLine, separator);
        greeting = parts.size() > 1 ? QStringLiteral("GREETING = (%1)\n").arg(literal)
                                    : QStringLiteral("GREETING = %1\n").arg(literal);
    }
    values.insert(QStringLiteral("GREETING"), greeting);
    values.insert(QStringLiteral("SEND_GREETING"),
                  settings.mode == ServerMode::Greeting ? fill(PythonSendGreeting, values) : QString());
    const bool discard = settings.mode == ServerMode::Discard;
    values.insert(QStringLiteral("RECEIVED"), discard ? fill(PythonReceivedDict) : QString());
    values.insert(QStringLiteral("COUNT_START"), discard ? fill(PythonCountStart) : QString());
    values.insert(QStringLiteral("COUNT_END"), discard ? fill(PythonCountEnd) : QString());
    values.insert(QStringLiteral("RECEIVE"), settings.mode == ServerMode::Echo ? fill(PythonReceiveEcho, values)
                                             : discard                         ? fill(PythonReceiveDiscard, values)
                                                                               : fill(PythonReceivePrint, values));
    return fill(PythonSelectorServer, values);
}

QString cpp(const CodeSettings &settings)
{
    using namespace CodeTemplates;
    if (settings.mode == ServerMode::Forward)
        return forwardNotice(QStringLiteral("// "));
    const Target target = targetFor(settings.address);
    const bool keepsConnections = settings.mode != ServerMode::AcceptAndClose;
    Values values = commonValues(settings, target);
    TlsCodeValues::insertCpp(settings.tls, values);
    values.insert(QStringLiteral("MEMORY"),
                  settings.mode == ServerMode::Discard ? QStringLiteral("\n#include <memory>\n") : QString());
    values.insert(QStringLiteral("OMITTED"), omissions(settings, QStringLiteral("// ")));
    values.insert(QStringLiteral("HEADER"), fill(CppHeader, values));
    values.insert(QStringLiteral("ADDRESS"), target.cppAddress);
    values.insert(QStringLiteral("ADDRESS_NOTE"),
                  target.dualStack ? QStringLiteral(" // every interface, IPv4 and IPv6")
                  : target.ipv6Any ? QStringLiteral(" // IPv6 only; QHostAddress::Any takes IPv4 clients too")
                                   : QString());
    values.insert(QStringLiteral("MAXIMUM"), fill(keepsConnections ? CppMaximum : CppNoMaximum, values));
    // Inside the literal "Socket bound to ...": the quotes of a literal of its own come off.
    values.insert(QStringLiteral("BOUND_HOST"), cppStringLine(target.boundHost.toUtf8()).mid(1).chopped(1));
    values.insert(QStringLiteral("EXPOSED"), target.allInterfaces ? fill(CppExposed) : QString());
    values.insert(QStringLiteral("SETUP"), fill(CppSetup, values));
    values.insert(QStringLiteral("PEER_NAME"),
                  fill(target.ipv6 ? CppPeerNameIPv6 : CppPeerNameIPv4) + values.value(QStringLiteral("TLS_SESSION")));
    if (!keepsConnections)
        return fill(CppAcceptAndClose, values);

    const bool prints = settings.mode == ServerMode::Hold || settings.mode == ServerMode::Greeting;
    values.insert(QStringLiteral("PRINTABLE"), prints ? fill(CppPrintable) : QString());
    QString greeting;
    if (settings.mode == ServerMode::Greeting) {
        const QString separator =
            QLatin1Char('\n') + QString(int(qstrlen("static const char greeting[] = ")), QLatin1Char(' '));
        values.insert(QStringLiteral("LITERAL"),
                      joinLiteralLines(lines(settings.greeting), &cppStringLine, separator));
        greeting = fill(CppGreeting, values);
    }
    values.insert(QStringLiteral("GREETING"), greeting);
    QString handlers;
    switch (settings.mode) {
    case ServerMode::Echo:
        handlers = fill(CppHandleEcho);
        break;
    case ServerMode::Discard:
        handlers = fill(CppHandleDiscard);
        break;
    case ServerMode::Greeting:
        handlers = fill(CppHandleGreeting) + fill(CppHandleHold);
        break;
    case ServerMode::Hold:
    case ServerMode::AcceptAndClose:
    case ServerMode::Forward: // answered by forwardNotice() before
        handlers = fill(CppHandleHold);
        break;
    }
    values.insert(QStringLiteral("HANDLERS"), handlers);
    return fill(CppServer, values);
}

} // namespace CodeGenerator
