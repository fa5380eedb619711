#include "posixclient.h"

#include <QElapsedTimer>

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

int posixConnect(quint16 port, bool blocking)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    if (!blocking)
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    sockaddr_in address = {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) != 0
        && !(!blocking && errno == EINPROGRESS)) {
        ::close(fd);
        return -1;
    }
    return fd;
}

quint16 posixLocalPort(int fd)
{
    sockaddr_in address = {};
    socklen_t length = sizeof(address);
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length);
    return ntohs(address.sin_port);
}

std::vector<int> openClients(quint16 port, int n)
{
    std::vector<int> fds;
    fds.reserve(size_t(n));
    for (int i = 0; i < n; ++i) {
        const int fd = posixConnect(port);
        if (fd < 0)
            break;
        fds.push_back(fd);
    }
    return fds;
}

void closeAll(std::vector<int> &fds)
{
    for (const int fd : fds) {
        if (fd >= 0)
            ::close(fd);
    }
    fds.clear();
}

bool readable(int fd, int waitMs)
{
    pollfd p = {fd, POLLIN, 0};
    return ::poll(&p, 1, waitMs) > 0;
}

int waitForEnd(int fd, int timeoutMs)
{
    char buffer[4096];
    for (;;) {
        if (!readable(fd, timeoutMs))
            return -1;
        const ssize_t n = ::read(fd, buffer, sizeof(buffer));
        if (n == 0)
            return 0;
        if (n < 0)
            return errno;
    }
}

qint64 roundTrip(int fd, char byte, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    if (::send(fd, &byte, 1, MSG_NOSIGNAL) != 1)
        return -1;
    char back = 0;
    while (readable(fd, timeoutMs)) {
        const ssize_t n = ::recv(fd, &back, 1, MSG_DONTWAIT);
        if (n == 1)
            return back == byte ? timer.elapsed() : -1;
        if (n == 0 || (n < 0 && errno != EAGAIN))
            return -1;
    }
    return -1;
}

bool ensureDescriptors(quint64 wanted)
{
    rlimit limit = {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return false;
    if (limit.rlim_cur >= wanted)
        return true;
    if (limit.rlim_max != RLIM_INFINITY && limit.rlim_max < wanted)
        return false;
    limit.rlim_cur = rlim_t(wanted);
    return ::setrlimit(RLIMIT_NOFILE, &limit) == 0;
}
