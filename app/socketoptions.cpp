#include "socketoptions.h"

#ifdef Q_OS_WIN
#  include <winsock2.h>
#else
#  include <cerrno>
#  include <sys/socket.h>
#endif
#ifdef Q_OS_LINUX
#  include <netinet/in.h>
#  include <netinet/tcp.h>
#endif

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

} // namespace SocketOptions
