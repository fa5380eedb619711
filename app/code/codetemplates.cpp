#include "codetemplates.h"

// Each piece starts on the line after its opening R"( ; fill() drops that first line break.
namespace CodeTemplates {

const QLatin1String PythonHeader(R"py(
#!/usr/bin/env python3
# Socket Lab's server, in Python.
# @SUMMARY@.
# Python 3.8 or newer, standard library only. Save it as server.py, run python3 server.py,
# then connect from another terminal: @TRY@
@OMITTED@)py");

const QLatin1String PythonSetup(R"py(
server = socket.socket(socket.@FAMILY@, socket.SOCK_STREAM)
# Restart at once on the same port, as Qt does, rather than wait out TIME_WAIT.
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
@V6ONLY@server.bind((HOST, PORT))
server.listen(BACKLOG)
print('Socket bound to @BOUND@' % (HOST, server.getsockname()[1]), flush=True)
print('Listening with backlog', BACKLOG, flush=True)
@EXPOSED@)py");

const QLatin1String PythonDualStack(R"py(
# Take IPv4 clients on the same socket too; they arrive as ::ffff:a.b.c.d.
server.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
)py");

const QLatin1String PythonIPv6Only(R"py(
# IPv6 only, as Qt binds '::'; 0 here would take IPv4 clients too.
server.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
)py");

const QLatin1String PythonExposed(R"py(
print('Bound to all interfaces: other machines can connect', flush=True)
)py");

const QLatin1String PythonPeerNameIPv6(R"py(
def peer_name(addr):
    """'[::1]:54321', or '127.0.0.1:54321' for an IPv4 client of a dual-stack socket."""
    host, port = addr[0], addr[1]
    if host.startswith('::ffff:') and '.' in host:
        return '%s:%d' % (host[len('::ffff:'):], port)
    return '[%s]:%d' % (host, port)


)py");

const QLatin1String PythonClassicLoop(R"py(
@HEADER@import socket
@IMPORT_SSL@
HOST = @HOST@
PORT = @PORT@  # 0 lets the system choose a free port
BACKLOG = @BACKLOG@  # the length of the kernel's accept queue
# No connection stays open here, so the maximum number of open connections never applies.
@TLS_CONSTANTS@

@PEER_NAME@@SETUP@@TLS_CONTEXT@try:
    while True:
        print('Waiting for a connection...', flush=True)
        conn, addr = server.accept()
        print('Connection from', @NAME@, flush=True)
@TLS_LOOP_HANDSHAKE@        conn.close()  # FIN: the client reads EOF
except KeyboardInterrupt:
    pass  # Ctrl+C stops the server
)py");

const QLatin1String PythonSelectorServer(R"py(
@HEADER@import selectors
import socket
@IMPORT_SSL@
HOST = @HOST@
PORT = @PORT@  # 0 lets the system choose a free port
BACKLOG = @BACKLOG@  # the length of the kernel's accept queue
MAX_CONNECTIONS = @MAX@  # past this many open, new connections are closed at once
@TLS_CONSTANTS@@GREETING@
# One thread serves every client: the selector tells which socket has something to read.
selector = selectors.DefaultSelector()
clients = {}  # open connection -> 'host:port' of the client
@RECEIVED@

@PEER_NAME@def accept(server):
    conn, addr = server.accept()
    name = @NAME@
    if len(clients) >= MAX_CONNECTIONS:
        print('Refused %s: already %d connections open, the maximum' % (name, len(clients)),
              flush=True)
        conn.close()
        return
    print('Connection from', name, flush=True)
@TLS_HANDSHAKE@    clients[conn] = name
@COUNT_START@    selector.register(conn, selectors.EVENT_READ, receive)
@SEND_GREETING@    print('Waiting for a connection...', flush=True)


@TLS_READ@def receive(conn):
@RECEIVE@

def drop(conn, how):
    """Forgets a connection that ended and closes our side of it."""
    name = clients.pop(conn)
@COUNT_END@    print(name, how, flush=True)
    selector.unregister(conn)
    conn.close()


@SETUP@@TLS_CONTEXT@print('Waiting for a connection...', flush=True)
selector.register(server, selectors.EVENT_READ, accept)
try:
    while True:
        for key, _ in selector.select():
            key.data(key.fileobj)  # accept(server) or receive(conn), as registered
except KeyboardInterrupt:
    pass  # Ctrl+C stops the server
)py");

const QLatin1String PythonReceivedDict(R"py(
received = {}  # open connection -> bytes read from it so far
)py");

const QLatin1String PythonCountStart(R"py(
    received[conn] = 0
)py");

const QLatin1String PythonCountEnd(R"py(
    how += ' after sending %d bytes' % received.pop(conn)
)py");

const QLatin1String PythonSendGreeting(R"py(
    try:
        conn.sendall(GREETING)
    except @CONNECTION_ERRORS@:  # the client is gone already
        drop(conn, 'reset by the peer')
)py");

const QLatin1String PythonReceivePrint(R"py(
    """Called when a client sent something or closed: prints what arrives, sends nothing."""
    try:
        data = @RECV@
    except @RESET_ERRORS@:
        drop(conn, 'reset by the peer')
        return
    if not data:  # b'': the client closed its side (FIN)
        drop(conn, 'closed by the peer')
        return
    # %r shows the bytes as a literal, b'...': what a peer sends is shown, never interpreted.
    print('%s sent %d bytes: %r' % (clients[conn], len(data), data), flush=True)
)py");

const QLatin1String PythonReceiveEcho(R"py(
    """Called when a client sent something or closed: sends back what arrives."""
    try:
        data = @RECV@
        # sendall waits while this client is not reading: simple, at the others' expense.
        conn.sendall(data)
    except @CONNECTION_ERRORS@:
        drop(conn, 'reset by the peer')
        return
    if not data:  # b'': the client closed its side (FIN)
        drop(conn, 'closed by the peer')
)py");

const QLatin1String PythonReceiveDiscard(R"py(
    """Called when a client sent something or closed: counts what arrives, keeps nothing."""
    try:
        data = @RECV@
    except @RESET_ERRORS@:
        drop(conn, 'reset by the peer')
        return
    if not data:  # b'': the client closed its side (FIN)
        drop(conn, 'closed by the peer')
        return
    received[conn] += len(data)
    print('%s sent %d bytes, discarded (%d in all)' % (clients[conn], len(data), received[conn]),
          flush=True)
)py");

const QLatin1String CppHeader(R"cpp(
// Socket Lab's server, in C++ with Qt.
// @SUMMARY@.
@QT_VERSION@// Save it as server.cpp and build it (there is no Q_OBJECT, so moc is not needed):
//     g++ -std=c++17 -fPIC server.cpp $(pkg-config --cflags --libs Qt6Network) -o server
// then run ./server and connect from another terminal: @TRY@
@OMITTED@#include <QCoreApplication>
@TLS_INCLUDES@#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTextStream>
@MEMORY@)cpp");

const QLatin1String CppSetup(R"cpp(
    QCoreApplication app(argc, argv);
    QTextStream out(stdout); // Qt::endl flushes, so every line shows at once

    const QHostAddress address(@ADDRESS@);@ADDRESS_NOTE@
    const quint16 port = @PORT@; // 0 lets the system choose a free port
    const int backlog = @BACKLOG@; // the length of the kernel's accept queue
@MAXIMUM@
    @SERVER_CLASS@ server;
    server.setListenBacklogSize(backlog); // Qt 6.3 or newer
@TLS_SETUP@    if (!server.listen(address, port)) {
        QTextStream(stderr) << "Could not listen: " << server.errorString() << Qt::endl;
        return 1;
    }
    out << "Socket bound to @BOUND_HOST@:" << server.serverPort() << Qt::endl;
    out << "Listening with backlog " << backlog << Qt::endl;
@EXPOSED@    out << "Waiting for a connection..." << Qt::endl;
)cpp");

const QLatin1String CppMaximum(R"cpp(
    const int maxConnections = @MAX@; // past this many open, new connections are closed at once
)cpp");

const QLatin1String CppNoMaximum(R"cpp(
    // No connection stays open here, so the maximum number of open connections never applies.
)cpp");

const QLatin1String CppExposed(R"cpp(
    out << "Bound to all interfaces: other machines can connect" << Qt::endl;
)cpp");

const QLatin1String CppPeerNameIPv4(R"cpp(
// "127.0.0.1:54321"
static QString peerName(const QTcpSocket *socket)
{
    return socket->peerAddress().toString() + QLatin1Char(':') + QString::number(socket->peerPort());
}

)cpp");

const QLatin1String CppPeerNameIPv6(R"cpp(
// "[::1]:54321", or "127.0.0.1:54321" for an IPv4 client of a dual-stack socket
static QString peerName(const QTcpSocket *socket)
{
    const QHostAddress address = socket->peerAddress();
    const QString port = QString::number(socket->peerPort());
    bool isIPv4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isIPv4); // also true for ::ffff:a.b.c.d
    if (isIPv4)
        return QHostAddress(ipv4).toString() + QLatin1Char(':') + port;
    return QLatin1Char('[') + address.toString() + QStringLiteral("]:") + port;
}

)cpp");

const QLatin1String CppPrintable(R"cpp(
// What a peer sends is shown, never interpreted: all but printable ASCII is written as \xHH.
static QString printable(const QByteArray &data)
{
    QString text;
    for (const char c : data) {
        const int byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && byte < 0x7f && byte != '\\')
            text += QLatin1Char(c);
        else
            text += QStringLiteral("\\x%1").arg(byte, 2, 16, QLatin1Char('0'));
    }
    return text;
}

)cpp");

const QLatin1String CppGreeting(R"cpp(
// Sent as it is, \0 bytes too: write() is given sizeof greeting - 1 bytes, not strlen's count.
static const char greeting[] = @LITERAL@;

)cpp");

const QLatin1String CppAcceptAndClose(R"cpp(
@HEADER@
@PEER_NAME@int main(int argc, char *argv[])
{
@SETUP@
@TLS_STARTED@    QObject::connect(&server, &QTcpServer::@ACCEPTED_SIGNAL@, [&] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            out << @ACCEPTED_LINE@ << Qt::endl;
            QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            socket->disconnectFromHost(); // FIN: the client reads EOF
        }
        out << "Waiting for a connection..." << Qt::endl;
    });

    return app.exec();
}
)cpp");

const QLatin1String CppServer(R"cpp(
@HEADER@
@GREETING@@PEER_NAME@@PRINTABLE@int main(int argc, char *argv[])
{
@SETUP@
    int open = 0; // connections open now
@TLS_STARTED@    QObject::connect(&server, &QTcpServer::@ACCEPTED_SIGNAL@, [&] {
        while (QTcpSocket *socket = server.nextPendingConnection()) {
            const QString peer = peerName(socket);
            if (open >= maxConnections) {
                out << "Refused " << peer << ": already " << open << " connections open, the maximum"
                    << Qt::endl;
                socket->close();
                socket->deleteLater();
                continue;
            }
            ++open;
            out << @ACCEPTED_LINE_PEER@ << Qt::endl;
@HANDLERS@        }
        out << "Waiting for a connection..." << Qt::endl;
    });

    return app.exec();
}
)cpp");

const QLatin1String CppHandleHold(R"cpp(
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [&out, socket, peer] {
                const QByteArray data = socket->readAll();
                out << peer << " sent " << data.size() << " bytes: " << printable(data) << Qt::endl;
            });
            QObject::connect(socket, &QTcpSocket::disconnected, socket, [&out, &open, socket, peer] {
                --open;
                out << peer << " disconnected" << Qt::endl;
                socket->deleteLater();
            });
)cpp");

const QLatin1String CppHandleEcho(R"cpp(
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                socket->write(socket->readAll());
            });
            QObject::connect(socket, &QTcpSocket::disconnected, socket, [&out, &open, socket, peer] {
                --open;
                out << peer << " disconnected" << Qt::endl;
                socket->deleteLater();
            });
)cpp");

const QLatin1String CppHandleDiscard(R"cpp(
            auto received = std::make_shared<qint64>(0); // shared by the two handlers below
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [&out, socket, peer, received] {
                const qint64 count = socket->readAll().size();
                *received += count;
                out << peer << " sent " << count << " bytes, discarded (" << *received << " in all)"
                    << Qt::endl;
            });
            QObject::connect(socket, &QTcpSocket::disconnected, socket,
                             [&out, &open, socket, peer, received] {
                --open;
                out << peer << " disconnected after sending " << *received << " bytes" << Qt::endl;
                socket->deleteLater();
            });
)cpp");

const QLatin1String CppHandleGreeting(R"cpp(
            // write() only queues the bytes; Qt sends them once the event loop runs again.
            socket->write(greeting, sizeof greeting - 1);
)cpp");

QString fill(QLatin1String pattern, const Values &values)
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

} // namespace CodeTemplates
