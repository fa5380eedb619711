#include "codegenerator.h"

#include "codetemplates.h"
#include "tlscodetemplates.h"

#include <QHash>
#include <QStringList>

bool CodeSettings::operator==(const CodeSettings &other) const
{
    return address == other.address && address.protocol() == other.address.protocol() && port == other.port
        && backlog == other.backlog && mode == other.mode && greeting == other.greeting
        && maxConnections == other.maxConnections && allowList == other.allowList && denyList == other.denyList
        && idleTimeoutSeconds == other.idleTimeoutSeconds && tls == other.tls;
}

namespace {

using Values = QHash<QString, QString>;

bool isPrintableAscii(char c)
{
    return c >= 0x20 && c < 0x7f;
}

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

QString hexEscape(char c)
{
    return QStringLiteral("\\x%1").arg(static_cast<unsigned char>(c), 2, 16, QLatin1Char('0'));
}

// The bytes split after each line feed, so a multi-line greeting reads line by line.
QList<QByteArray> lines(const QByteArray &bytes)
{
    QList<QByteArray> result;
    qsizetype start = 0;
    while (start < bytes.size()) {
        const qsizetype newline = bytes.indexOf('\n', start);
        const qsizetype end = newline < 0 ? bytes.size() : newline + 1;
        result.append(bytes.mid(start, end - start));
        start = end;
    }
    if (result.isEmpty())
        result.append(QByteArray());
    return result;
}

QString pythonBytesLine(const QByteArray &bytes)
{
    QString text = QStringLiteral("b'");
    for (const char c : bytes) {
        switch (c) {
        case '\\': text += QLatin1String("\\\\"); break;
        case '\'': text += QLatin1String("\\'"); break;
        case '\t': text += QLatin1String("\\t"); break;
        case '\n': text += QLatin1String("\\n"); break;
        case '\r': text += QLatin1String("\\r"); break;
        // \0 would read the digits after it as octal, so NUL is always \x00.
        default: text += isPrintableAscii(c) ? QString(QLatin1Char(c)) : hexEscape(c); break;
        }
    }
    return text + QLatin1Char('\'');
}

QString cppStringLine(const QByteArray &bytes)
{
    QString text = QStringLiteral("\"");
    bool hexPending = false; // the last escape was \xHH, which would swallow a following hex digit
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes.at(i);
        if (hexPending && isHexDigit(c))
            text += QLatin1String("\" \"");
        hexPending = false;
        switch (c) {
        case '\\': text += QLatin1String("\\\\"); break;
        case '"': text += QLatin1String("\\\""); break;
        case '\t': text += QLatin1String("\\t"); break;
        case '\n': text += QLatin1String("\\n"); break;
        case '\r': text += QLatin1String("\\r"); break;
        case '\0': {
            // An octal escape takes up to three digits: \0 only when no digit follows.
            const bool digitFollows = i + 1 < bytes.size() && bytes.at(i + 1) >= '0' && bytes.at(i + 1) <= '9';
            text += digitFollows ? QLatin1String("\\000") : QLatin1String("\\0");
            break;
        }
        case '?':
            // "??=" and its kind were trigraphs before C++17.
            text += i > 0 && bytes.at(i - 1) == '?' ? QLatin1String("\\?") : QLatin1String("?");
            break;
        default:
            if (isPrintableAscii(c)) {
                text += QLatin1Char(c);
            } else {
                text += hexEscape(c);
                hexPending = true;
            }
            break;
        }
    }
    return text + QLatin1Char('"');
}

// A Python str literal for an address, which is ASCII.
QString pythonStringLiteral(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

QString joinLiteralLines(const QList<QByteArray> &parts, QString (*line)(const QByteArray &), const QString &separator)
{
    QStringList texts;
    for (const QByteArray &part : parts)
        texts.append(line(part));
    return texts.join(separator);
}

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

// The template with every @NAME@ replaced by its value, in one pass: a value is never rescanned.
QString fill(QLatin1String pattern, const Values &values = {})
{
    // Templates start on the line after their opening quote.
    const QString source = pattern.startsWith(QLatin1Char('\n')) ? QString(pattern.mid(1)) : QString(pattern);
    QString result;
    qsizetype from = 0;
    while (true) {
        const qsizetype open = source.indexOf(QLatin1Char('@'), from);
        const qsizetype close = open < 0 ? -1 : source.indexOf(QLatin1Char('@'), open + 1);
        if (close < 0) {
            result += QStringView(source).mid(from);
            return result;
        }
        const QString name = source.mid(open + 1, close - open - 1);
        Q_ASSERT_X(values.contains(name), "CodeGenerator", "a template names a value it was not given");
        result += QStringView(source).mid(from, open - from);
        result += values.value(name);
        from = close + 1;
    }
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
    if (settings.tls && settings.tls->clientCertificate == TlsClientCertificate::Request && settings.tls->caPath.isEmpty())
        lines.append(QStringLiteral("Not reproduced here: asking for a client certificate without a CA to check it."));
    QString text;
    for (const QString &line : std::as_const(lines))
        text += comment + line + QLatin1Char('\n');
    return text;
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

// Whether the program asks for a client certificate, and how: empty when it does not.
QString verifyMode(const TlsSettings &tls, const char *optional, const char *required)
{
    if (tls.caPath.isEmpty() || tls.clientCertificate == TlsClientCertificate::None)
        return {};
    return QLatin1String(tls.clientCertificate == TlsClientCertificate::Require ? required : optional);
}

// The Python pieces that make a plain server a TLS one; empty values for plain TCP.
void insertPythonTls(const CodeSettings &settings, Values &values)
{
    using namespace TlsCodeTemplates;
    const bool tls = settings.tls.has_value();
    values.insert(QStringLiteral("IMPORT_SSL"), tls ? QStringLiteral("import ssl\n") : QString());
    values.insert(QStringLiteral("RECV"), tls ? QStringLiteral("read(conn)") : QStringLiteral("conn.recv(4096)"));
    values.insert(QStringLiteral("RESET_ERRORS"),
                  tls ? QStringLiteral("(ConnectionResetError, ssl.SSLError)") : QStringLiteral("ConnectionResetError"));
    values.insert(QStringLiteral("CONNECTION_ERRORS"),
                  tls ? QStringLiteral("(ConnectionError, ssl.SSLError)") : QStringLiteral("ConnectionError"));
    for (const char *name : {"TLS_CONSTANTS", "TLS_CONTEXT", "TLS_LOOP_HANDSHAKE", "TLS_HANDSHAKE", "TLS_READ"})
        values.insert(QLatin1String(name), QString());
    if (!tls)
        return;
    const TlsSettings &settings_ = *settings.tls;
    Values tlsValues{
        {QStringLiteral("CERT"), pythonStringLiteral(settings_.certificatePath)},
        {QStringLiteral("KEY"), pythonStringLiteral(settings_.keyPath)},
        {QStringLiteral("TIMEOUT"), QString::number(settings_.handshakeTimeoutSeconds)},
        {QStringLiteral("MINIMUM"), settings_.minimumProtocol == TlsMinimumProtocol::Tls13 ? QStringLiteral("TLSv1_3")
                                                                                          : QStringLiteral("TLSv1_2")},
    };
    QStringList protocols;
    for (const QString &protocol : settings_.alpn)
        protocols.append(pythonStringLiteral(protocol));
    tlsValues.insert(QStringLiteral("PROTOCOLS"), protocols.join(QStringLiteral(", ")));
    tlsValues.insert(QStringLiteral("ALPN"), protocols.isEmpty() ? QString() : fill(PythonAlpn, tlsValues));
    const QString verify = verifyMode(settings_, "CERT_OPTIONAL", "CERT_REQUIRED");
    tlsValues.insert(QStringLiteral("VERIFY"), verify);
    tlsValues.insert(QStringLiteral("CA"), pythonStringLiteral(settings_.caPath));
    tlsValues.insert(QStringLiteral("CLIENT_CERT"), verify.isEmpty() ? QString() : fill(PythonClientCertificate, tlsValues));
    values.insert(QStringLiteral("TLS_CONSTANTS"), fill(PythonConstants, tlsValues));
    values.insert(QStringLiteral("TLS_CONTEXT"), fill(PythonContext, tlsValues));
    values.insert(QStringLiteral("TLS_LOOP_HANDSHAKE"), fill(PythonLoopHandshake));
    values.insert(QStringLiteral("TLS_HANDSHAKE"), fill(PythonHandshake));
    values.insert(QStringLiteral("TLS_READ"), fill(PythonRead));
}

// The C++ pieces that make a plain server a TLS one; the plain ones for plain TCP.
void insertCppTls(const CodeSettings &settings, Values &values)
{
    using namespace TlsCodeTemplates;
    const bool tls = settings.tls.has_value();
    values.insert(QStringLiteral("QT_VERSION"), tls ? QStringLiteral("// Needs Qt 6.4 or newer, for QSslServer.\n") : QString());
    values.insert(QStringLiteral("TLS_INCLUDES"), tls ? fill(CppIncludes) : QString());
    values.insert(QStringLiteral("SERVER_CLASS"), tls ? QStringLiteral("QSslServer") : QStringLiteral("QTcpServer"));
    values.insert(QStringLiteral("ACCEPTED_SIGNAL"),
                  tls ? QStringLiteral("pendingConnectionAvailable") : QStringLiteral("newConnection"));
    values.insert(QStringLiteral("ACCEPTED_LINE"),
                  tls ? QStringLiteral("peerName(socket) << \": TLS handshake done, \" << sessionText(socket)")
                      : QStringLiteral("\"Connection from \" << peerName(socket)"));
    values.insert(QStringLiteral("ACCEPTED_LINE_PEER"),
                  tls ? QStringLiteral("peer << \": TLS handshake done, \" << sessionText(socket)")
                      : QStringLiteral("\"Connection from \" << peer"));
    values.insert(QStringLiteral("TLS_SETUP"), QString());
    values.insert(QStringLiteral("TLS_STARTED"), QString());
    values.insert(QStringLiteral("TLS_SESSION"), QString());
    if (!tls)
        return;
    const TlsSettings &settings_ = *settings.tls;
    Values tlsValues{
        {QStringLiteral("CERT"), cppStringLine(settings_.certificatePath.toUtf8())},
        {QStringLiteral("KEY"), cppStringLine(settings_.keyPath.toUtf8())},
        {QStringLiteral("TIMEOUT_MS"), QString::number(settings_.handshakeTimeoutSeconds * 1000)},
        {QStringLiteral("PROTOCOL"), settings_.minimumProtocol == TlsMinimumProtocol::Tls13
                                         ? QStringLiteral("TlsV1_3OrLater")
                                         : QStringLiteral("TlsV1_2OrLater")},
    };
    QStringList protocols;
    for (const QString &protocol : settings_.alpn)
        protocols.append(QStringLiteral("QByteArrayLiteral(%1)").arg(cppStringLine(protocol.toUtf8())));
    tlsValues.insert(QStringLiteral("PROTOCOLS"), protocols.join(QStringLiteral(", ")));
    tlsValues.insert(QStringLiteral("ALPN"), protocols.isEmpty() ? QString() : fill(CppAlpn, tlsValues));
    const QString verify = verifyMode(settings_, "QueryPeer", "VerifyPeer");
    tlsValues.insert(QStringLiteral("VERIFY"), verify);
    tlsValues.insert(QStringLiteral("CA"), cppStringLine(settings_.caPath.toUtf8()));
    tlsValues.insert(QStringLiteral("CLIENT_CERT"), verify.isEmpty() ? QString() : fill(CppClientCertificate, tlsValues));
    values.insert(QStringLiteral("TLS_SETUP"), fill(TlsCodeTemplates::CppSetup, tlsValues));
    values.insert(QStringLiteral("TLS_STARTED"), fill(CppStarted));
    values.insert(QStringLiteral("TLS_SESSION"), fill(CppSessionText));
}

} // namespace

namespace CodeGenerator {

QString pythonBytesLiteral(const QByteArray &bytes)
{
    return joinLiteralLines(lines(bytes), &pythonBytesLine, QStringLiteral(" "));
}

QString cppStringLiteral(const QByteArray &bytes)
{
    return joinLiteralLines(lines(bytes), &cppStringLine, QStringLiteral(" "));
}

QString python(const CodeSettings &settings)
{
    using namespace CodeTemplates;
    const Target target = targetFor(settings.address);
    Values values = commonValues(settings, target);
    insertPythonTls(settings, values);
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
    const Target target = targetFor(settings.address);
    const bool keepsConnections = settings.mode != ServerMode::AcceptAndClose;
    Values values = commonValues(settings, target);
    insertCppTls(settings, values);
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
        handlers = fill(CppHandleHold);
        break;
    }
    values.insert(QStringLiteral("HANDLERS"), handlers);
    return fill(CppServer, values);
}

} // namespace CodeGenerator
