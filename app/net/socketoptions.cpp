#include "socketoptions.h"

#include <QHostAddress>
#include <QNetworkInterface>

#ifdef Q_OS_WIN
#  include <winsock2.h>
#else
#  include <cerrno>
#  include <cstring>
#  include <fcntl.h>
#  include <netinet/in.h>
#  include <sys/socket.h>
#  include <unistd.h>
#endif
#ifdef Q_OS_LINUX
#  include <netinet/in.h>
#  include <netinet/tcp.h>
#endif

namespace {

// The accepted connection with its peer filled in from accept()'s address.
SocketOptions::Accepted withPeer(SocketOptions::Accepted accepted, const sockaddr_storage &peer)
{
    if (peer.ss_family == AF_INET || peer.ss_family == AF_INET6) {
        accepted.peerAddress.setAddress(reinterpret_cast<const sockaddr *>(&peer));
        accepted.peerPort = peer.ss_family == AF_INET
            ? ntohs(reinterpret_cast<const sockaddr_in *>(&peer)->sin_port)
            : ntohs(reinterpret_cast<const sockaddr_in6 *>(&peer)->sin6_port);
    }
    return accepted;
}

} // namespace

namespace SocketOptions {

int takePendingError(qintptr descriptor)
{
    if (descriptor < 0)
        return 0;
    int error = 0;
#ifdef Q_OS_WIN
    int length = sizeof(error);
    if (::getsockopt(static_cast<SOCKET>(descriptor), SOL_SOCKET, SO_ERROR,
                     reinterpret_cast<char *>(&error), &length) != 0)
        return 0;
#else
    socklen_t length = sizeof(error);
    if (::getsockopt(static_cast<int>(descriptor), SOL_SOCKET, SO_ERROR, &error, &length) != 0)
        return 0;
#endif
    return error;
}

bool isResetError(int error)
{
#ifdef Q_OS_WIN
    return error == WSAECONNRESET || error == WSAECONNABORTED;
#else
    return error == ECONNRESET || error == EPIPE;
#endif
}

bool setAbortiveClose(qintptr descriptor)
{
    if (descriptor < 0)
        return false;
    linger abortive = {};
    abortive.l_onoff = 1;
    abortive.l_linger = 0;
#ifdef Q_OS_WIN
    return ::setsockopt(static_cast<SOCKET>(descriptor), SOL_SOCKET, SO_LINGER,
                        reinterpret_cast<const char *>(&abortive), sizeof(abortive)) == 0;
#else
    return ::setsockopt(static_cast<int>(descriptor), SOL_SOCKET, SO_LINGER, &abortive, sizeof(abortive)) == 0;
#endif
}

bool shutdownWrite(qintptr descriptor)
{
    if (descriptor < 0)
        return false;
#ifdef Q_OS_WIN
    return ::shutdown(static_cast<SOCKET>(descriptor), SD_SEND) == 0;
#else
    return ::shutdown(static_cast<int>(descriptor), SHUT_WR) == 0;
#endif
}

bool isDroppedByKernel(qintptr descriptor)
{
#ifdef Q_OS_LINUX
    if (descriptor < 0)
        return false;
    tcp_info info = {};
    socklen_t length = sizeof(info);
    if (::getsockopt(static_cast<int>(descriptor), IPPROTO_TCP, TCP_INFO, &info, &length) != 0)
        return false;
    return info.tcpi_state == TCP_CLOSE;
#else
    Q_UNUSED(descriptor);
    return false;
#endif
}

Accepted acceptConnection(qintptr listeningDescriptor)
{
    if (listeningDescriptor < 0)
        return {};
    for (;;) {
        sockaddr_storage peer = {};
#ifdef Q_OS_WIN
        int peerLength = int(sizeof(peer));
        const SOCKET accepted = ::accept(static_cast<SOCKET>(listeningDescriptor),
                                         reinterpret_cast<sockaddr *>(&peer), &peerLength);
        if (accepted != INVALID_SOCKET)
            return withPeer(Accepted{qintptr(accepted), 0, {}, 0}, peer);
        const int error = ::WSAGetLastError();
        if (error == WSAEWOULDBLOCK)
            return {};
        if (error == WSAECONNRESET || error == WSAEINTR)
            continue;
        return {-1, error, {}, 0};
#else
        socklen_t peerLength = sizeof(peer);
#  ifdef Q_OS_LINUX
        const int accepted = ::accept4(static_cast<int>(listeningDescriptor), reinterpret_cast<sockaddr *>(&peer),
                                       &peerLength, SOCK_CLOEXEC);
#  else
        const int accepted = ::accept(static_cast<int>(listeningDescriptor), reinterpret_cast<sockaddr *>(&peer),
                                      &peerLength);
        if (accepted >= 0)
            ::fcntl(accepted, F_SETFD, FD_CLOEXEC);
#  endif
        if (accepted >= 0)
            return withPeer(Accepted{qintptr(accepted), 0, {}, 0}, peer);
        const int error = errno;
        if (error == EAGAIN || error == EWOULDBLOCK)
            return {};
        // The peer gave up while it waited: that one is gone from the queue, the next may be fine.
        if (error == EINTR || error == ECONNABORTED || error == EPROTO)
            continue;
        return {-1, error, {}, 0};
#endif
    }
}

void closeSocket(qintptr descriptor)
{
    if (descriptor < 0)
        return;
#ifdef Q_OS_WIN
    ::closesocket(static_cast<SOCKET>(descriptor));
#else
    ::close(static_cast<int>(descriptor));
#endif
}

#ifdef Q_OS_UNIX
namespace {

union SocketAddress {
    sockaddr any;
    sockaddr_in v4;
    sockaddr_in6 v6;
};

ListenProbe probeFamily(const QHostAddress &address, bool ipv4, quint16 port, int backlog)
{
    SocketAddress where = {};
    socklen_t length = 0;
    if (ipv4) {
        where.v4.sin_family = AF_INET;
        where.v4.sin_port = htons(port);
        where.v4.sin_addr.s_addr = htonl(address.protocol() == QAbstractSocket::IPv4Protocol
                                             ? address.toIPv4Address()
                                             : INADDR_ANY);
        length = sizeof(where.v4);
    } else {
        where.v6.sin6_family = AF_INET6;
        where.v6.sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&where.v6.sin6_addr, bytes.c, sizeof(bytes.c));
        if (!address.scopeId().isEmpty())
            where.v6.sin6_scope_id = quint32(QNetworkInterface::interfaceIndexFromName(address.scopeId()));
        length = sizeof(where.v6);
    }

    const int fd = ::socket(ipv4 ? AF_INET : AF_INET6, SOCK_STREAM, 0);
    if (fd < 0)
        return {LifecycleStep::Socket, errno};
    // As QTcpServer does on Unix: reuse a port whose old connections linger in TIME_WAIT, and
    // take IPv4 too on :: only when the address is Any (dual stack).
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (!ipv4) {
        const int v6only = address.protocol() == QAbstractSocket::IPv6Protocol ? 1 : 0;
        ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &v6only, sizeof(v6only));
    }
    ListenProbe probe;
    if (::bind(fd, &where.any, length) != 0)
        probe = {LifecycleStep::Bind, errno};
    else if (::listen(fd, backlog) != 0)
        probe = {LifecycleStep::Listen, errno};
    ::close(fd);
    return probe;
}

} // namespace
#endif

ListenProbe probeListen(const QHostAddress &address, quint16 port, int backlog)
{
#ifdef Q_OS_UNIX
    if (address.protocol() == QAbstractSocket::IPv4Protocol)
        return probeFamily(address, true, port, backlog);
    const ListenProbe probe = probeFamily(address, false, port, backlog);
    // Any falls back to IPv4 where the system has no IPv6, as Qt does.
    if (address.protocol() == QAbstractSocket::AnyIPProtocol && probe.failedStep == LifecycleStep::Socket
        && probe.error == EAFNOSUPPORT)
        return probeFamily(address, true, port, backlog);
    return probe;
#else
    Q_UNUSED(address);
    Q_UNUSED(port);
    Q_UNUSED(backlog);
    return {};
#endif
}

QString errnoName(int error)
{
    if (error == 0)
        return {};
#ifdef Q_OS_UNIX
    // The ones listening meets most, by name everywhere; glibc knows the rest.
    switch (error) {
    case EADDRINUSE: return QStringLiteral("EADDRINUSE");
    case EADDRNOTAVAIL: return QStringLiteral("EADDRNOTAVAIL");
    case EACCES: return QStringLiteral("EACCES");
    case EPERM: return QStringLiteral("EPERM");
    case EAFNOSUPPORT: return QStringLiteral("EAFNOSUPPORT");
    case EPROTONOSUPPORT: return QStringLiteral("EPROTONOSUPPORT");
    case EINVAL: return QStringLiteral("EINVAL");
    case EMFILE: return QStringLiteral("EMFILE");
    case ENFILE: return QStringLiteral("ENFILE");
    case ENOBUFS: return QStringLiteral("ENOBUFS");
    case ENOMEM: return QStringLiteral("ENOMEM");
    case ENODEV: return QStringLiteral("ENODEV");
    default: break;
    }
#  if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 32))
    if (const char *name = ::strerrorname_np(error))
        return QLatin1String(name);
#  endif
#endif
    return QStringLiteral("errno %1").arg(error);
}

} // namespace SocketOptions
