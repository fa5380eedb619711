// socketlab-refserver: the minimal TCP server a benchmark compares Socket Lab against. Linux only,
// plain C++17, one thread on epoll with non-blocking sockets: roughly the most one core can do, so
// the distance to it is the cost of everything Socket Lab adds (Qt's event loop, the table, the
// transcripts).
//
//   close  accept and close at once, like the classic accept loop
//   echo   send back every byte received
//   hold   read and discard, keep the connection until the peer closes it
//
// Prints "LISTENING <port>" once listening; on SIGTERM or SIGINT prints one JSON line
// {"accepted","closed","bytes_in","bytes_out"} and exits 0. `closed` counts the connections that
// ended while the server ran; the ones still open at the signal are closed without being counted,
// so accepted - closed is how many were open then.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

constexpr const char *Program = "socketlab-refserver";
constexpr int MaxEvents = 1024;
constexpr std::size_t ReadChunk = 64 * 1024;
// An echo connection stops reading while this much waits to go back, so a peer that sends but
// does not read cannot make the server buffer without bound.
constexpr std::size_t PendingLimit = 1024 * 1024;
constexpr auto AcceptPause = std::chrono::milliseconds(100);

using Clock = std::chrono::steady_clock;

class UsageError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

enum class Mode { Close, Echo, Hold };

struct Options
{
    bool help = false;
    Mode mode = Mode::Close;
    std::string host = "127.0.0.1";
    int port = 0;
    int backlog = 4096;
};

const char *const Usage =
    "Usage: socketlab-refserver --mode close|echo|hold [--port P] [--host ADDR] [--backlog N]\n"
    "\n"
    "  --mode close   accept each connection and close it at once\n"
    "  --mode echo    send back every byte received\n"
    "  --mode hold    read and discard, keep each connection until the peer closes it\n"
    "  --port P       port to listen on, 0 for any free one (default 0)\n"
    "  --host ADDR    IPv4 or IPv6 address to listen on (default 127.0.0.1)\n"
    "  --backlog N    listen backlog (default 4096; the kernel caps it at net.core.somaxconn)\n"
    "\n"
    "Prints 'LISTENING <port>', runs until SIGTERM or SIGINT, then prints\n"
    "{\"accepted\":N,\"closed\":N,\"bytes_in\":N,\"bytes_out\":N} and exits 0.\n";

long long parseInteger(const std::string &option, const std::string &text, long long min, long long max)
{
    errno = 0;
    char *end = nullptr;
    const long long value = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || errno == ERANGE || value < min || value > max)
        throw UsageError(option + " expects a whole number from " + std::to_string(min) + " to "
                         + std::to_string(max) + ", not '" + text + "'");
    return value;
}

Options parseOptions(int argc, char **argv)
{
    Options options;
    std::optional<std::string> mode;
    std::map<std::string, bool> seen;
    for (int i = 1; i < argc; ++i) {
        std::string name = argv[i];
        std::optional<std::string> inlineValue;
        if (const auto equals = name.find('='); name.rfind("--", 0) == 0 && equals != std::string::npos) {
            inlineValue = name.substr(equals + 1);
            name.erase(equals);
        }
        const auto value = [&]() -> std::string {
            if (inlineValue)
                return *inlineValue;
            if (i + 1 >= argc)
                throw UsageError(name + " needs a value");
            return argv[++i];
        };
        if (seen[name])
            throw UsageError(name + " given twice");
        seen[name] = true;

        if (name == "--help" || name == "-h") {
            if (inlineValue)
                throw UsageError(name + " takes no value");
            options.help = true;
        } else if (name == "--mode") {
            mode = value();
        } else if (name == "--host") {
            options.host = value();
        } else if (name == "--port") {
            options.port = static_cast<int>(parseInteger(name, value(), 0, 65535));
        } else if (name == "--backlog") {
            options.backlog = static_cast<int>(parseInteger(name, value(), 0, 1000000));
        } else {
            throw UsageError(std::string("unknown option '") + argv[i] + "'");
        }
    }
    if (options.help)
        return options;
    if (!mode)
        throw UsageError("--mode is required");
    if (*mode == "close")
        options.mode = Mode::Close;
    else if (*mode == "echo")
        options.mode = Mode::Echo;
    else if (*mode == "hold")
        options.mode = Mode::Hold;
    else
        throw UsageError("--mode must be close, echo or hold, not '" + *mode + "'");
    return options;
}

// Literal addresses only, as in the app: nothing is looked up.
std::optional<sockaddr_storage> parseAddress(std::string host, int port, socklen_t &length)
{
    if (host == "localhost")
        host = "127.0.0.1";
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    sockaddr_storage storage{};
    sockaddr_in v4{};
    if (::inet_pton(AF_INET, host.c_str(), &v4.sin_addr) == 1) {
        v4.sin_family = AF_INET;
        v4.sin_port = htons(static_cast<std::uint16_t>(port));
        std::memcpy(&storage, &v4, sizeof v4);
        length = sizeof v4;
        return storage;
    }
    sockaddr_in6 v6{};
    if (::inet_pton(AF_INET6, host.c_str(), &v6.sin6_addr) == 1) {
        v6.sin6_family = AF_INET6;
        v6.sin6_port = htons(static_cast<std::uint16_t>(port));
        std::memcpy(&storage, &v6, sizeof v6);
        length = sizeof v6;
        return storage;
    }
    return std::nullopt;
}

int boundPort(int fd)
{
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return -1;
    if (storage.ss_family == AF_INET6) {
        sockaddr_in6 v6{};
        std::memcpy(&v6, &storage, sizeof v6);
        return ntohs(v6.sin6_port);
    }
    sockaddr_in v4{};
    std::memcpy(&v4, &storage, sizeof v4);
    return ntohs(v4.sin_port);
}

bool watch(int epollFd, int operation, int fd, std::uint32_t events)
{
    epoll_event event{};
    event.events = events;
    event.data.fd = fd;
    return ::epoll_ctl(epollFd, operation, fd, &event) == 0;
}

bool wouldBlock(int error)
{
    return error == EAGAIN || error == EWOULDBLOCK;
}

class Server
{
public:
    Server(const Options &options, int listenFd, int epollFd, int signalFd)
        : m_mode(options.mode)
        , m_listen(listenFd)
        , m_epoll(epollFd)
        , m_signal(signalFd)
        , m_buffer(ReadChunk)
    {
    }

    void run()
    {
        epoll_event events[MaxEvents];
        bool stopping = false;
        while (!stopping) {
            int timeout = -1;
            if (m_resumeAccepting) {
                const Clock::time_point now = Clock::now();
                if (now >= *m_resumeAccepting) {
                    m_resumeAccepting.reset();
                    watch(m_epoll, EPOLL_CTL_MOD, m_listen, EPOLLIN);
                } else {
                    timeout = static_cast<int>(
                        std::chrono::ceil<std::chrono::milliseconds>(*m_resumeAccepting - now).count());
                }
            }
            const int count = ::epoll_wait(m_epoll, events, MaxEvents, timeout);
            if (count < 0 && errno != EINTR) {
                std::fprintf(stderr, "%s: epoll_wait: %s\n", Program, std::strerror(errno));
                break;
            }
            for (int i = 0; i < count; ++i) {
                const int fd = events[i].data.fd;
                if (fd == m_listen)
                    acceptAll();
                else if (fd == m_signal)
                    stopping = true;
                else
                    handle(fd, events[i].events);
            }
        }
        // Closes and data that arrived together with the signal still count: a peer that closed
        // just before the signal must not depend on the order epoll listed the events in.
        ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, m_listen, nullptr);
        ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, m_signal, nullptr);
        for (int round = 0; round < 16; ++round) {
            const int count = ::epoll_wait(m_epoll, events, MaxEvents, 0);
            if (count <= 0)
                break;
            for (int i = 0; i < count; ++i) {
                handle(events[i].data.fd, events[i].events);
            }
        }
        for (std::size_t fd = 0; fd < m_connections.size(); ++fd) {
            if (m_connections[fd].open)
                ::close(static_cast<int>(fd));
        }
        if (m_acceptPauses > 0)
            std::fprintf(stderr, "%s: accepting paused %llu times for lack of file descriptors\n", Program,
                         m_acceptPauses);
        std::printf("{\"accepted\":%llu,\"closed\":%llu,\"bytes_in\":%llu,\"bytes_out\":%llu}\n", m_accepted,
                    m_closed, m_bytesIn, m_bytesOut);
        std::fflush(stdout);
    }

private:
    struct Connection
    {
        bool open = false;
        bool readPaused = false; // echo: too much pending
        bool peerFinished = false; // echo: EOF read, close once pending is sent
        std::uint32_t events = 0;
        std::vector<char> pending;
        std::size_t pendingStart = 0;

        std::size_t pendingSize() const { return pending.size() - pendingStart; }
    };

    Connection &connection(int fd)
    {
        const auto index = static_cast<std::size_t>(fd);
        if (index >= m_connections.size())
            m_connections.resize(std::max<std::size_t>(index + 1, m_connections.size() * 2));
        return m_connections[index];
    }

    void acceptAll()
    {
        for (;;) {
            const int fd = ::accept4(m_listen, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd < 0) {
                const int error = errno;
                if (wouldBlock(error))
                    return;
                if (error == EINTR || error == ECONNABORTED || error == EPROTO)
                    continue;
                // Out of descriptors or memory: the listening socket stays readable, so retrying
                // at once would spin. Stop watching it for a moment instead.
                if (m_acceptPauses++ == 0)
                    std::fprintf(stderr, "%s: accept: %s; pausing accepts for %lld ms\n", Program,
                                 std::strerror(error), static_cast<long long>(AcceptPause.count()));
                watch(m_epoll, EPOLL_CTL_MOD, m_listen, 0);
                m_resumeAccepting = Clock::now() + AcceptPause;
                return;
            }
            ++m_accepted;
            if (m_mode == Mode::Close) {
                ::close(fd);
                ++m_closed;
                continue;
            }
            Connection &c = connection(fd);
            c = Connection{};
            c.open = true;
            c.events = EPOLLIN;
            if (!watch(m_epoll, EPOLL_CTL_ADD, fd, c.events))
                closeConnection(fd);
        }
    }

    void handle(int fd, std::uint32_t events)
    {
        Connection &c = connection(fd);
        if (!c.open)
            return;
        if (m_mode == Mode::Hold) {
            discard(fd);
            return;
        }
        if (c.pendingSize() > 0 && (events & (EPOLLOUT | EPOLLERR | EPOLLHUP))) {
            if (!flush(fd, c))
                return;
        }
        if (!c.readPaused && !c.peerFinished && (events & (EPOLLIN | EPOLLERR | EPOLLHUP))) {
            if (!echo(fd, c))
                return;
        }
        if (c.peerFinished && c.pendingSize() == 0) {
            closeConnection(fd);
            return;
        }
        c.readPaused = c.pendingSize() >= PendingLimit;
        std::uint32_t wanted = 0;
        if (!c.readPaused && !c.peerFinished)
            wanted |= EPOLLIN;
        if (c.pendingSize() > 0)
            wanted |= EPOLLOUT;
        if (wanted != c.events) {
            c.events = wanted;
            if (!watch(m_epoll, EPOLL_CTL_MOD, fd, wanted))
                closeConnection(fd);
        }
    }

    void discard(int fd)
    {
        // Bounded, so that one fast sender cannot starve the others.
        for (int round = 0; round < 16; ++round) {
            const ssize_t received = ::recv(fd, m_buffer.data(), m_buffer.size(), 0);
            if (received > 0) {
                m_bytesIn += static_cast<std::uint64_t>(received);
                continue;
            }
            if (received < 0 && errno == EINTR)
                continue;
            if (received == 0 || !wouldBlock(errno))
                closeConnection(fd);
            return;
        }
    }

    // Reads and sends straight back, keeping what the peer is not ready to take. Returns false
    // when the connection was closed.
    bool echo(int fd, Connection &c)
    {
        for (int round = 0; round < 16 && c.pendingSize() < PendingLimit; ++round) {
            const ssize_t received = ::recv(fd, m_buffer.data(), m_buffer.size(), 0);
            if (received == 0) {
                c.peerFinished = true;
                return true;
            }
            if (received < 0) {
                if (errno == EINTR)
                    continue;
                if (wouldBlock(errno))
                    return true;
                closeConnection(fd);
                return false;
            }
            const auto length = static_cast<std::size_t>(received);
            m_bytesIn += length;
            std::size_t sent = 0;
            if (c.pendingSize() == 0) {
                const ssize_t written = ::send(fd, m_buffer.data(), length, MSG_NOSIGNAL);
                if (written < 0 && !wouldBlock(errno) && errno != EINTR) {
                    closeConnection(fd);
                    return false;
                }
                if (written > 0) {
                    sent = static_cast<std::size_t>(written);
                    m_bytesOut += sent;
                }
            }
            if (sent < length) {
                if (c.pendingStart > 0 && c.pendingStart >= c.pending.size() / 2) {
                    c.pending.erase(c.pending.begin(),
                                    c.pending.begin() + static_cast<std::ptrdiff_t>(c.pendingStart));
                    c.pendingStart = 0;
                }
                c.pending.insert(c.pending.end(), m_buffer.begin() + static_cast<std::ptrdiff_t>(sent),
                                 m_buffer.begin() + static_cast<std::ptrdiff_t>(length));
            }
        }
        return true;
    }

    // Sends what is pending. Returns false when the connection was closed.
    bool flush(int fd, Connection &c)
    {
        while (c.pendingSize() > 0) {
            const ssize_t written = ::send(fd, c.pending.data() + c.pendingStart, c.pendingSize(), MSG_NOSIGNAL);
            if (written > 0) {
                c.pendingStart += static_cast<std::size_t>(written);
                m_bytesOut += static_cast<std::uint64_t>(written);
                continue;
            }
            if (written < 0 && errno == EINTR)
                continue;
            if (written < 0 && wouldBlock(errno))
                break;
            closeConnection(fd);
            return false;
        }
        if (c.pendingSize() == 0) {
            c.pending.clear();
            c.pendingStart = 0;
        }
        return true;
    }

    void closeConnection(int fd)
    {
        ::close(fd);
        Connection &c = connection(fd);
        c = Connection{};
        ++m_closed;
    }

    const Mode m_mode;
    const int m_listen;
    const int m_epoll;
    const int m_signal;
    std::vector<char> m_buffer;
    std::vector<Connection> m_connections;
    std::optional<Clock::time_point> m_resumeAccepting;
    unsigned long long m_acceptPauses = 0;
    unsigned long long m_accepted = 0;
    unsigned long long m_closed = 0;
    unsigned long long m_bytesIn = 0;
    unsigned long long m_bytesOut = 0;
};

void raiseFileLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

} // namespace

int main(int argc, char **argv)
{
    Options options;
    try {
        options = parseOptions(argc, argv);
    } catch (const UsageError &error) {
        std::fprintf(stderr, "%s: %s (see --help)\n", Program, error.what());
        return 2;
    }
    if (options.help) {
        std::fputs(Usage, stdout);
        return 0;
    }
    socklen_t addressLength = 0;
    const std::optional<sockaddr_storage> address = parseAddress(options.host, options.port, addressLength);
    if (!address) {
        std::fprintf(stderr, "%s: --host expects an IPv4 or IPv6 address, not '%s' (see --help)\n", Program,
                     options.host.c_str());
        return 2;
    }

    raiseFileLimit();

    // The signals are read from the epoll set, so the server finishes its loop and reports.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGPIPE);
    ::sigprocmask(SIG_BLOCK, &signals, nullptr);
    sigdelset(&signals, SIGPIPE);
    const int signalFd = ::signalfd(-1, &signals, SFD_NONBLOCK | SFD_CLOEXEC);
    const int epollFd = ::epoll_create1(EPOLL_CLOEXEC);
    if (signalFd < 0 || epollFd < 0) {
        std::fprintf(stderr, "%s: cannot set up epoll: %s\n", Program, std::strerror(errno));
        return 1;
    }

    const int listenFd = ::socket(address->ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    const int one = 1;
    // A restarted benchmark must not wait for the previous run's TIME_WAIT to clear.
    if (listenFd < 0 || ::setsockopt(listenFd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0
        || ::bind(listenFd, reinterpret_cast<const sockaddr *>(&*address), addressLength) != 0
        || ::listen(listenFd, options.backlog) != 0) {
        std::fprintf(stderr, "%s: cannot listen on %s port %d: %s\n", Program, options.host.c_str(), options.port,
                     std::strerror(errno));
        return 1;
    }
    if (!watch(epollFd, EPOLL_CTL_ADD, listenFd, EPOLLIN) || !watch(epollFd, EPOLL_CTL_ADD, signalFd, EPOLLIN)) {
        std::fprintf(stderr, "%s: epoll_ctl: %s\n", Program, std::strerror(errno));
        return 1;
    }

    std::printf("LISTENING %d\n", boundPort(listenFd));
    std::fflush(stdout);

    Server(options, listenFd, epollFd, signalFd).run();
    return 0;
}
