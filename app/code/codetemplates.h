#pragma once

#include <QHash>
#include <QLatin1String>
#include <QString>

// The pieces of the printed programs. @NAME@ marks where CodeGenerator puts a value; a piece
// that is left out is an empty value, so each piece carries its own line breaks.
namespace CodeTemplates {

// Each @NAME@ of a piece and its value.
using Values = QHash<QString, QString>;

// The piece with every @NAME@ replaced by its value, in one pass: a value is never rescanned.
QString fill(QLatin1String pattern, const Values &values = {});

// Python: the comment that opens every program (@SUMMARY@, @TRY@).
extern const QLatin1String PythonHeader;
// Python: create, bind and listen; print what the app logs (@FAMILY@, @V6ONLY@, @BOUND@, @EXPOSED@).
extern const QLatin1String PythonSetup;
// Python: IPV6_V6ONLY off, for QHostAddress::Any.
extern const QLatin1String PythonDualStack;
// Python: IPV6_V6ONLY on, for "::" as Qt binds it.
extern const QLatin1String PythonIPv6Only;
// Python: the warning the app logs for 0.0.0.0 and ::.
extern const QLatin1String PythonExposed;
// Python: peer_name(addr) for an AF_INET6 socket.
extern const QLatin1String PythonPeerNameIPv6;
// Python: the classic accept loop, for Accept and close.
extern const QLatin1String PythonClassicLoop;
// Python: one thread with selectors, for the modes that keep connections (@RECEIVE@ and the rest).
extern const QLatin1String PythonSelectorServer;
// Python, Discard: the per-connection byte counts.
extern const QLatin1String PythonReceivedDict;
extern const QLatin1String PythonCountStart;
extern const QLatin1String PythonCountEnd;
// Python, Greeting: send the greeting once accepted.
extern const QLatin1String PythonSendGreeting;
// Python: the body of receive(conn) for Hold and Greeting, Echo, and Discard.
extern const QLatin1String PythonReceivePrint;
extern const QLatin1String PythonReceiveEcho;
extern const QLatin1String PythonReceiveDiscard;

// C++: the comment and the includes (@SUMMARY@, @TRY@, @MEMORY@).
extern const QLatin1String CppHeader;
// C++: main()'s opening: listen and print what the app logs (@ADDRESS@, @MAXIMUM@, @BOUND_HOST@...).
extern const QLatin1String CppSetup;
// C++: the maximum, or why Accept and close has none.
extern const QLatin1String CppMaximum;
extern const QLatin1String CppNoMaximum;
// C++: the warning the app logs for 0.0.0.0 and ::.
extern const QLatin1String CppExposed;
// C++: peerName(socket), for an IPv4 or an IPv6 server.
extern const QLatin1String CppPeerNameIPv4;
extern const QLatin1String CppPeerNameIPv6;
// C++: printable(data), for the modes that print what arrives.
extern const QLatin1String CppPrintable;
// C++, Greeting: the greeting as a char array (@LITERAL@).
extern const QLatin1String CppGreeting;
// C++: accept and close at once.
extern const QLatin1String CppAcceptAndClose;
// C++: the server for the modes that keep connections (@HANDLERS@).
extern const QLatin1String CppServer;
// C++: what each accepted socket does, per mode.
extern const QLatin1String CppHandleHold;
extern const QLatin1String CppHandleEcho;
extern const QLatin1String CppHandleDiscard;
extern const QLatin1String CppHandleGreeting;

} // namespace CodeTemplates
