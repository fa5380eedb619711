// socketlab-loadgen: a load generator for TCP servers. Linux only, plain C++17 on epoll with one
// thread and non-blocking sockets, so that on one machine the client is not what limits the figures.
//
//   churn       many short connections, each optionally exchanging one byte
//   hold        many idle connections kept open, noticing the ones the server drops; each may
//               first be served once (one byte sent, its echo awaited)
//   stream      one connection pushing a verifiable byte stream through an echo server
//   sequential  connections one after another, counting the connects that stall on a SYN
//               dropped because the server's accept queue was full
//
// With --tls, churn does a full TLS handshake on each connection (no session is resumed) and
// closes, and stream runs through TLS; OpenSSL's libssl does the client side.
//
// The last line on stdout is one JSON object with the result. Exit code: 0 when every connection
// did what was expected, 1 otherwise, 2 on bad usage.
//
// TIME_WAIT: whichever side closes first keeps the 4-tuple in TIME_WAIT for 60 s. In churn with
// --expect close the server closes first, so the state lands on the server. With --expect none or
// echo the client closes first, and one source address has only ~28,000 ephemeral ports towards
// one server port, so a long churn can run out of ports (unless net.ipv4.tcp_tw_reuse lets the
// kernel reuse them, which not every system allows). When the server is on 127.0.0.0/8 each
// client socket is therefore bound to a rotating source address 127.0.0.2, 127.0.0.3, ...
// (--source-spread, 64 by default), which multiplies the 4-tuples available without changing how
// connections end. --rst-close closes with SO_LINGER {1, 0} instead, which sends RST and leaves no
// TIME_WAIT, at the price of the server seeing resets rather than orderly closes; it is off
// unless asked for.

#include <arpa/inet.h>
#include <endian.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <map>
#include <optional>
#include <stdexcept>
#include <memory>
#include <string>
#include <vector>

namespace {

constexpr const char *Program = "socketlab-loadgen";
constexpr std::uint64_t MiB = 1024 * 1024;
constexpr int MaxEvents = 1024;

using Clock = std::chrono::steady_clock;

double secondsBetween(Clock::time_point from, Clock::time_point to)
{
    return std::chrono::duration<double>(to - from).count();
}

// Milliseconds for epoll_wait until `when`, rounded up so that the wait never ends early.
int millisecondsUntil(Clock::time_point when, Clock::time_point now)
{
    if (when <= now)
        return 0;
    const auto ms = std::chrono::ceil<std::chrono::milliseconds>(when - now).count();
    return static_cast<int>(std::min<long long>(ms, 24 * 3600 * 1000));
}

class UsageError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// ---------------------------------------------------------------------------------------------
// Options

enum class Mode { Churn, Hold, Stream, Sequential };
enum class Expect { None, Echo, Close };

struct Options
{
    bool help = false;
    Mode mode = Mode::Churn;
    std::string host = "127.0.0.1";
    int port = 0;
    long long count = 0;
    int concurrency = 64;
    bool sendByte = false;
    Expect expect = Expect::None;
    double holdSeconds = 0; // 0: until stdin ends or a signal
    long long megabytes = 0;
    int chunkKib = 64;
    int timeoutMs = 10000;
    long long milestones = 0; // hold: print a line each time this many more are held; 0: none
    int sourceSpread = -1; // -1: 64 for a 127.0.0.0/8 server, else 0
    bool rstClose = false;
    bool keep = false;
    int stallMs = 900;
    bool tls = false;
};

const char *const Usage =
    "Usage: socketlab-loadgen --mode churn|hold|stream|sequential --port P [options]\n"
    "\n"
    "  --mode churn   --count N [--concurrency C] [--send-byte] [--expect none|echo|close]\n"
    "                 [--rst-close]\n"
    "      N connections, at most C at a time (default 64). Each connects, sends one byte 'x'\n"
    "      with --send-byte, then: none (default) closes at once; echo waits for the 'x' to come\n"
    "      back (needs --send-byte); close waits for the server to close (EOF or reset).\n"
    "      --rst-close closes with a reset (SO_LINGER 0), leaving no TIME_WAIT.\n"
    "  --mode hold    --count N [--concurrency C] [--hold-seconds S] [--send-byte]\n"
    "                 [--expect none|echo] [--milestones M]\n"
    "      Opens N connections, at most C connecting at a time, prints\n"
    "      'HELD <ok> <failed> <seconds>', then keeps them open for S seconds (default 0: no\n"
    "      limit), until stdin ends, or until SIGTERM/SIGINT. Connections the server closes\n"
    "      meanwhile are counted as dropped. With --send-byte each sends one byte 'x' once\n"
    "      connected, and with --expect echo waits for it to come back, before it counts as\n"
    "      held. --milestones M prints 'MILESTONE <held> <ms>' each time another M are held,\n"
    "      with the milliseconds since the first connect.\n"
    "  --mode stream  --megabytes M [--chunk-kib K]\n"
    "      Writes M MiB of a pseudo-random stream to an echo server in chunks of K KiB\n"
    "      (default 64) while reading the echo back, and checks every byte.\n"
    "  --mode sequential --count N [--keep] [--stall-ms S]\n"
    "      N connections one after another, the next connect as soon as the previous one is\n"
    "      established (the kernel establishes it once it is in the server's accept queue).\n"
    "      Each is closed at once, or with --keep all stay open until the last has connected.\n"
    "      A connect that takes S ms or more (default 900) counts as stalled: its SYN was\n"
    "      dropped, normally because the accept queue was full, and sent again after the\n"
    "      kernel's 1 s timeout, which fires a little early at times.\n"
    "  --tls          churn and stream: through TLS. Churn: each connection does a full handshake\n"
    "      (no session cache, no tickets), sends close_notify and closes; --send-byte, --expect\n"
    "      and --rst-close do not apply. The server's certificate is not checked.\n"
    "\n"
    "Common options:\n"
    "  --host ADDR         server address, IPv4 or IPv6 literal (default 127.0.0.1)\n"
    "  --port P            server port (required)\n"
    "  --timeout-ms T      per connection, connect to its end; in stream mode the longest wait\n"
    "                      without progress (default 10000)\n"
    "  --source-spread N   churn, hold, sequential: bind client sockets to 127.0.0.2 ..\n"
    "                      127.0.0.(N+1) in turn, to spread TIME_WAIT over more 4-tuples\n"
    "                      (churn and hold: 64 when the server is on 127.0.0.0/8, else 0;\n"
    "                      sequential: 0, as a plain client connects; 0 turns it off)\n"
    "\n"
    "Output: one JSON line {\"mode\",\"ok\",\"failed\",\"eof\",\"reset\",\"dropped\",\"seconds\",\"rate\",\n"
    "\"mib_per_s\",\"verified\"}, in sequential mode also \"stalled\" and \"max_connect_ms\", with\n"
    "--tls also \"tls\":true. Exit code 0 when all succeeded (stalled ones included), 1 otherwise, 2 on bad usage.\n";

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

double parseSeconds(const std::string &option, const std::string &text)
{
    errno = 0;
    char *end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || errno == ERANGE || !(value >= 0) || value > 365.0 * 24 * 3600)
        throw UsageError(option + " expects a number of seconds, not '" + text + "'");
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
        const auto flag = [&] {
            if (inlineValue)
                throw UsageError(name + " takes no value");
        };
        if (seen[name])
            throw UsageError(name + " given twice");
        seen[name] = true;

        if (name == "--help" || name == "-h") {
            flag();
            options.help = true;
        } else if (name == "--mode") {
            mode = value();
        } else if (name == "--host") {
            options.host = value();
        } else if (name == "--port") {
            options.port = static_cast<int>(parseInteger(name, value(), 1, 65535));
        } else if (name == "--count") {
            options.count = parseInteger(name, value(), 1, 1000000000);
        } else if (name == "--concurrency") {
            options.concurrency = static_cast<int>(parseInteger(name, value(), 1, 1000000));
        } else if (name == "--send-byte") {
            flag();
            options.sendByte = true;
        } else if (name == "--expect") {
            const std::string expect = value();
            if (expect == "none")
                options.expect = Expect::None;
            else if (expect == "echo")
                options.expect = Expect::Echo;
            else if (expect == "close")
                options.expect = Expect::Close;
            else
                throw UsageError("--expect must be none, echo or close, not '" + expect + "'");
        } else if (name == "--hold-seconds") {
            options.holdSeconds = parseSeconds(name, value());
        } else if (name == "--megabytes") {
            options.megabytes = parseInteger(name, value(), 1, 1024 * 1024);
        } else if (name == "--chunk-kib") {
            options.chunkKib = static_cast<int>(parseInteger(name, value(), 1, 64 * 1024));
        } else if (name == "--timeout-ms") {
            options.timeoutMs = static_cast<int>(parseInteger(name, value(), 1, 24 * 3600 * 1000));
        } else if (name == "--source-spread") {
            options.sourceSpread = static_cast<int>(parseInteger(name, value(), 0, 65536));
        } else if (name == "--rst-close") {
            flag();
            options.rstClose = true;
        } else if (name == "--keep") {
            flag();
            options.keep = true;
        } else if (name == "--tls") {
            flag();
            options.tls = true;
        } else if (name == "--milestones") {
            options.milestones = parseInteger(name, value(), 1, 1000000000);
        } else if (name == "--stall-ms") {
            options.stallMs = static_cast<int>(parseInteger(name, value(), 1, 24 * 3600 * 1000));
        } else {
            throw UsageError(std::string("unknown option '") + argv[i] + "'");
        }
    }
    if (options.help)
        return options;

    if (!mode)
        throw UsageError("--mode is required");
    if (*mode == "churn")
        options.mode = Mode::Churn;
    else if (*mode == "hold")
        options.mode = Mode::Hold;
    else if (*mode == "stream")
        options.mode = Mode::Stream;
    else if (*mode == "sequential")
        options.mode = Mode::Sequential;
    else
        throw UsageError("--mode must be churn, hold, stream or sequential, not '" + *mode + "'");

    if (!seen["--port"])
        throw UsageError("--port is required");

    // Options of another mode are refused rather than ignored: a silently ignored option makes
    // a benchmark measure something other than what its author thinks.
    const auto only = [&](const char *option, Mode allowed, const char *modeName) {
        if (seen[option] && options.mode != allowed)
            throw UsageError(std::string(option) + " applies only to --mode " + modeName);
    };
    const auto churnOrHold = [&](const char *option) {
        if (seen[option] && options.mode != Mode::Churn && options.mode != Mode::Hold)
            throw UsageError(std::string(option) + " applies only to --mode churn and hold");
    };
    churnOrHold("--send-byte");
    churnOrHold("--expect");
    only("--rst-close", Mode::Churn, "churn");
    only("--hold-seconds", Mode::Hold, "hold");
    only("--milestones", Mode::Hold, "hold");
    // A held connection stays open: there is no close to wait for.
    if (options.mode == Mode::Hold && options.expect == Expect::Close)
        throw UsageError("--expect close does not apply to --mode hold");
    only("--megabytes", Mode::Stream, "stream");
    only("--chunk-kib", Mode::Stream, "stream");
    only("--keep", Mode::Sequential, "sequential");
    only("--stall-ms", Mode::Sequential, "sequential");
    if (options.mode == Mode::Sequential && seen["--concurrency"])
        throw UsageError("--concurrency does not apply to --mode sequential: one connect at a time");
    if (options.mode == Mode::Stream) {
        for (const char *option : {"--count", "--concurrency", "--source-spread"}) {
            if (seen[option])
                throw UsageError(std::string(option) + " does not apply to --mode stream");
        }
        if (!seen["--megabytes"])
            throw UsageError("--megabytes is required with --mode stream");
    } else if (!seen["--count"]) {
        throw UsageError("--count is required with --mode churn, hold and sequential");
    }
    if (options.tls) {
        if (options.mode != Mode::Churn && options.mode != Mode::Stream)
            throw UsageError("--tls applies only to --mode churn and stream");
        for (const char *option : {"--send-byte", "--expect", "--rst-close"}) {
            if (seen[option])
                throw UsageError(std::string(option) + " does not apply with --tls");
        }
    }
    if (options.expect == Expect::Echo && !options.sendByte)
        throw UsageError("--expect echo needs --send-byte");
    return options;
}

// ---------------------------------------------------------------------------------------------
// Addresses and sockets

struct Endpoint
{
    sockaddr_storage storage{};
    socklen_t length = 0;
    int family = AF_UNSPEC;
    bool loopbackV4 = false;

    const sockaddr *address() const { return reinterpret_cast<const sockaddr *>(&storage); }
};

// Literal addresses only: a benchmark must not depend on, or measure, name resolution.
std::optional<Endpoint> parseEndpoint(std::string host, int port)
{
    if (host == "localhost")
        host = "127.0.0.1";
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);

    Endpoint endpoint;
    sockaddr_in v4{};
    if (::inet_pton(AF_INET, host.c_str(), &v4.sin_addr) == 1) {
        v4.sin_family = AF_INET;
        v4.sin_port = htons(static_cast<std::uint16_t>(port));
        std::memcpy(&endpoint.storage, &v4, sizeof v4);
        endpoint.length = sizeof v4;
        endpoint.family = AF_INET;
        endpoint.loopbackV4 = (ntohl(v4.sin_addr.s_addr) >> 24) == 127;
        return endpoint;
    }
    sockaddr_in6 v6{};
    if (::inet_pton(AF_INET6, host.c_str(), &v6.sin6_addr) == 1) {
        v6.sin6_family = AF_INET6;
        v6.sin6_port = htons(static_cast<std::uint16_t>(port));
        std::memcpy(&endpoint.storage, &v6, sizeof v6);
        endpoint.length = sizeof v6;
        endpoint.family = AF_INET6;
        return endpoint;
    }
    return std::nullopt;
}

std::string describe(const std::string &step, int error)
{
    return step + ": " + std::strerror(error);
}

struct Dialled
{
    int fd = -1;
    std::string failure; // empty on success
};

// Starts a non-blocking connect; the outcome is reported by EPOLLOUT and SO_ERROR.
Dialled dial(const Endpoint &target, int sourceSpread, long long index)
{
    const int fd = ::socket(target.family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return {-1, describe("socket", errno)};
    if (sourceSpread > 0) {
        // Without this, bind() would reserve a port for the source address alone; with it the
        // port is chosen at connect() for the whole 4-tuple, so ports are reused per server.
        const int one = 1;
        ::setsockopt(fd, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof one);
        sockaddr_in source{};
        source.sin_family = AF_INET;
        source.sin_addr.s_addr = htonl(0x7f000002u + static_cast<std::uint32_t>(index % sourceSpread));
        if (::bind(fd, reinterpret_cast<const sockaddr *>(&source), sizeof source) != 0) {
            const int error = errno;
            ::close(fd);
            return {-1, describe("bind", error)};
        }
    }
    if (::connect(fd, target.address(), target.length) != 0 && errno != EINPROGRESS) {
        const int error = errno;
        ::close(fd);
        return {-1, describe("connect", error)};
    }
    return {fd, {}};
}

int socketError(int fd)
{
    int error = 0;
    socklen_t length = sizeof error;
    if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0)
        return errno;
    return error;
}

bool watch(int epollFd, int operation, int fd, std::uint32_t events)
{
    epoll_event event{};
    event.events = events;
    event.data.fd = fd;
    return ::epoll_ctl(epollFd, operation, fd, &event) == 0;
}

// ---------------------------------------------------------------------------------------------
// Results

struct Result
{
    long long ok = 0;
    long long failed = 0;
    long long eof = 0;
    long long reset = 0;
    long long dropped = 0;
    double seconds = 0;
    double rate = 0;
    double mibPerSecond = 0;
    bool verified = true;
    long long stalled = 0;    // sequential: connects that took --stall-ms or more
    double maxConnectMs = 0; // sequential: the slowest connect
    bool tls = false;
    std::map<std::string, long long> failures; // reason -> count, for stderr

    void fail(const std::string &reason)
    {
        ++failed;
        ++failures[reason];
    }
};

const char *modeName(Mode mode)
{
    switch (mode) {
    case Mode::Churn:
        return "churn";
    case Mode::Hold:
        return "hold";
    case Mode::Stream:
        return "stream";
    case Mode::Sequential:
        return "sequential";
    }
    return "";
}

void printResult(Mode mode, const Result &result)
{
    for (const auto &[reason, count] : result.failures)
        std::fprintf(stderr, "%s: %lld failed: %s\n", Program, count, reason.c_str());
    std::printf("{\"mode\":\"%s\",\"ok\":%lld,\"failed\":%lld,\"eof\":%lld,\"reset\":%lld,\"dropped\":%lld,"
                "\"seconds\":%.3f,\"rate\":%.1f,\"mib_per_s\":%.1f,\"verified\":%s",
                modeName(mode), result.ok, result.failed, result.eof, result.reset, result.dropped,
                result.seconds, result.rate, result.mibPerSecond, result.verified ? "true" : "false");
    if (mode == Mode::Sequential)
        std::printf(",\"stalled\":%lld,\"max_connect_ms\":%.1f", result.stalled, result.maxConnectMs);
    if (result.tls)
        std::printf(",\"tls\":true");
    std::printf("}\n");
    std::fflush(stdout);
}

// True when the signalfd reported SIGTERM or SIGINT (the only signals routed to it).
bool signalArrived(int signalFd)
{
    signalfd_siginfo info{};
    return ::read(signalFd, &info, sizeof info) == static_cast<ssize_t>(sizeof info);
}

// ---------------------------------------------------------------------------------------------
// churn and hold

class ConnectionLoad
{
public:
    ConnectionLoad(const Options &options, const Endpoint &target, int epollFd, int signalFd)
        : m_options(options)
        , m_target(target)
        , m_epoll(epollFd)
        , m_signal(signalFd)
        , m_spread(options.sourceSpread)
        , m_timeout(std::chrono::milliseconds(options.timeoutMs))
    {
    }

    int runChurn()
    {
        const Clock::time_point start = Clock::now();
        bool interrupted = false;
        while (m_finished < m_options.count && !interrupted) {
            startConnections();
            if (m_finished >= m_options.count)
                break;
            interrupted = waitAndDispatch(std::nullopt);
        }
        if (interrupted)
            abandonInFlight();
        m_result.seconds = secondsBetween(start, Clock::now());
        if (m_result.seconds > 0)
            m_result.rate = static_cast<double>(m_result.ok) / m_result.seconds;
        printResult(Mode::Churn, m_result);
        return m_result.ok == m_options.count ? 0 : 1;
    }

    int runHold()
    {
        const Clock::time_point start = Clock::now();
        m_start = start;
        bool interrupted = false;
        while ((m_started < m_options.count || m_active > 0) && !interrupted) {
            startConnections();
            if (m_started >= m_options.count && m_active == 0)
                break;
            interrupted = waitAndDispatch(std::nullopt);
        }
        m_result.seconds = secondsBetween(start, Clock::now());
        if (m_result.seconds > 0)
            m_result.rate = static_cast<double>(m_result.ok) / m_result.seconds;

        if (interrupted) {
            abandonInFlight();
        } else {
            std::printf("HELD %lld %lld %.3f\n", m_result.ok, m_result.failed, m_result.seconds);
            std::fflush(stdout);
            holdUntilAsked();
        }
        closeHeld();
        printResult(Mode::Hold, m_result);
        const bool allHeld = m_result.ok == m_options.count && m_result.dropped == 0;
        return allHeld ? 0 : 1;
    }

private:
    enum class Phase { Free, Connecting, Sending, Awaiting, Held };

    struct Slot
    {
        Phase phase = Phase::Free;
        std::uint64_t id = 0; // tells a reused fd apart from the connection a deadline was for
    };

    struct Deadline
    {
        Clock::time_point when;
        int fd;
        std::uint64_t id;
    };

    Slot &slot(int fd)
    {
        const auto index = static_cast<std::size_t>(fd);
        if (index >= m_slots.size())
            m_slots.resize(std::max<std::size_t>(index + 1, m_slots.size() * 2));
        return m_slots[index];
    }

    void startConnections()
    {
        while (m_active < m_options.concurrency && m_started < m_options.count) {
            const Dialled dialled = dial(m_target, m_spread, m_started++);
            if (dialled.fd < 0) {
                m_result.fail(dialled.failure);
                ++m_finished;
                continue;
            }
            if (!watch(m_epoll, EPOLL_CTL_ADD, dialled.fd, EPOLLOUT)) {
                const int error = errno;
                ::close(dialled.fd);
                m_result.fail(describe("epoll_ctl", error));
                ++m_finished;
                continue;
            }
            Slot &s = slot(dialled.fd);
            s.phase = Phase::Connecting;
            s.id = ++m_lastId;
            ++m_active;
            m_deadlines.push_back({Clock::now() + m_timeout, dialled.fd, s.id});
        }
    }

    // Waits for events or the next deadline and handles them. Returns true on SIGTERM/SIGINT.
    bool waitAndDispatch(std::optional<Clock::time_point> until)
    {
        Clock::time_point now = Clock::now();
        expireDeadlines(now);
        int timeout = -1;
        if (const Deadline *next = nextDeadline())
            timeout = millisecondsUntil(next->when, now);
        if (until) {
            const int untilTimeout = millisecondsUntil(*until, now);
            timeout = timeout < 0 ? untilTimeout : std::min(timeout, untilTimeout);
        }

        epoll_event events[MaxEvents];
        const int count = ::epoll_wait(m_epoll, events, MaxEvents, timeout);
        if (count < 0 && errno != EINTR) {
            std::fprintf(stderr, "%s: epoll_wait: %s\n", Program, std::strerror(errno));
            std::exit(1);
        }
        bool interrupted = false;
        for (int i = 0; i < count; ++i) {
            const int fd = events[i].data.fd;
            if (fd == m_signal)
                interrupted = signalArrived(m_signal) || interrupted;
            else if (fd == STDIN_FILENO)
                m_stdinEnded = stdinEnded();
            else
                handle(fd, events[i].events);
        }
        expireDeadlines(Clock::now());
        return interrupted;
    }

    const Deadline *nextDeadline()
    {
        while (!m_deadlines.empty() && stale(m_deadlines.front()))
            m_deadlines.pop_front();
        return m_deadlines.empty() ? nullptr : &m_deadlines.front();
    }

    bool stale(const Deadline &deadline)
    {
        const Slot &s = slot(deadline.fd);
        return s.id != deadline.id || s.phase == Phase::Free || s.phase == Phase::Held;
    }

    // Every connection gets the same timeout and deadlines are queued as connections start, so
    // the queue is in deadline order and only its front needs checking.
    void expireDeadlines(Clock::time_point now)
    {
        while (const Deadline *next = nextDeadline()) {
            if (next->when > now)
                break;
            const int fd = next->fd;
            m_deadlines.pop_front();
            switch (slot(fd).phase) {
            case Phase::Connecting:
                fail(fd, "timeout: connect");
                break;
            case Phase::Sending:
                fail(fd, "timeout: send");
                break;
            default:
                fail(fd, m_options.expect == Expect::Echo ? "timeout: waiting for the echo"
                                                          : "timeout: waiting for the server to close");
                break;
            }
        }
    }

    void handle(int fd, std::uint32_t events)
    {
        switch (slot(fd).phase) {
        case Phase::Free:
            return;
        case Phase::Connecting:
            if (const int error = socketError(fd); error != 0)
                fail(fd, describe("connect", error));
            else if (events & (EPOLLOUT | EPOLLERR | EPOLLHUP))
                connected(fd);
            return;
        case Phase::Sending:
            sendByte(fd);
            return;
        case Phase::Awaiting:
            readReply(fd);
            return;
        case Phase::Held:
            readHeld(fd);
            return;
        }
    }

    void connected(int fd)
    {
        if (m_options.mode == Mode::Hold && !m_options.sendByte) {
            hold(fd);
            return;
        }
        if (m_options.sendByte)
            sendByte(fd);
        else
            sent(fd);
    }

    void sendByte(int fd)
    {
        const char byte = 'x';
        const ssize_t written = ::send(fd, &byte, 1, MSG_NOSIGNAL);
        if (written == 1) {
            sent(fd);
        } else if (written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
            slot(fd).phase = Phase::Sending; // still watching EPOLLOUT
        } else if (m_options.expect == Expect::Close && (errno == ECONNRESET || errno == EPIPE)) {
            // The server closed with our byte unread, which resets: what --expect close waits for.
            ++m_result.reset;
            finish(fd);
        } else {
            fail(fd, describe("send", errno));
        }
    }

    void sent(int fd)
    {
        if (m_options.expect == Expect::None) {
            if (m_options.mode == Mode::Hold)
                hold(fd);
            else
                finish(fd);
            return;
        }
        slot(fd).phase = Phase::Awaiting;
        if (!watch(m_epoll, EPOLL_CTL_MOD, fd, EPOLLIN | EPOLLRDHUP))
            fail(fd, describe("epoll_ctl", errno));
    }

    void readReply(int fd)
    {
        char buffer[4096];
        for (;;) {
            const ssize_t received = ::recv(fd, buffer, sizeof buffer, 0);
            if (received > 0) {
                if (m_options.expect == Expect::Close)
                    continue; // whatever the server says before closing is not the point here
                if (received == 1 && buffer[0] == 'x') {
                    if (m_options.mode == Mode::Hold)
                        hold(fd);
                    else
                        finish(fd);
                } else {
                    m_result.verified = false;
                    fail(fd, "echo: wrong bytes");
                }
                return;
            }
            if (received == 0) {
                if (m_options.expect == Expect::Close) {
                    ++m_result.eof;
                    finish(fd);
                } else {
                    fail(fd, "echo: the server closed before echoing");
                }
                return;
            }
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                return;
            if (errno == ECONNRESET && m_options.expect == Expect::Close) {
                ++m_result.reset;
                finish(fd);
            } else {
                fail(fd, describe("recv", errno));
            }
            return;
        }
    }

    // Hold mode: the connection is established (and served, if asked) and now only kept.
    void hold(int fd)
    {
        slot(fd).phase = Phase::Held;
        --m_active;
        ++m_result.ok;
        if (m_options.milestones > 0 && m_result.ok % m_options.milestones == 0) {
            // Stamped here rather than by the reader of stdout, whose wake-ups lag behind.
            std::printf("MILESTONE %lld %.3f\n", m_result.ok, secondsBetween(m_start, Clock::now()) * 1000.0);
            std::fflush(stdout);
        }
        // Nothing more is expected from the server: readability means it closed or reset.
        if (!watch(m_epoll, EPOLL_CTL_MOD, fd, EPOLLIN | EPOLLRDHUP))
            drop(fd, errno);
    }

    void readHeld(int fd)
    {
        char buffer[4096];
        for (;;) {
            const ssize_t received = ::recv(fd, buffer, sizeof buffer, 0);
            if (received > 0)
                continue; // a server may greet; the connection is still held
            if (received == 0) {
                drop(fd, 0);
            } else if (errno == EINTR) {
                continue;
            } else if (errno != EAGAIN && errno != EWOULDBLOCK) {
                drop(fd, errno);
            }
            return;
        }
    }

    // A held connection the server closed (error 0), reset, or that failed otherwise.
    void drop(int fd, int error)
    {
        ++m_result.dropped;
        if (error == 0)
            ++m_result.eof;
        else if (error == ECONNRESET)
            ++m_result.reset;
        release(fd);
    }

    void finish(int fd)
    {
        if (m_options.rstClose) {
            const linger abortive{1, 0};
            ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &abortive, sizeof abortive);
        }
        ++m_result.ok;
        release(fd);
        --m_active;
        ++m_finished;
    }

    void fail(int fd, const std::string &reason)
    {
        m_result.fail(reason);
        release(fd);
        --m_active;
        ++m_finished;
    }

    void release(int fd)
    {
        ::close(fd); // also leaves the epoll set, the fd being never duplicated
        slot(fd).phase = Phase::Free;
    }

    void abandonInFlight()
    {
        for (std::size_t fd = 0; fd < m_slots.size(); ++fd) {
            const Phase phase = m_slots[fd].phase;
            if (phase != Phase::Free && phase != Phase::Held)
                fail(static_cast<int>(fd), "interrupted");
        }
    }

    // After HELD: wait for the hold time, the end of stdin, or a signal, noting drops meanwhile.
    void holdUntilAsked()
    {
        std::optional<Clock::time_point> until;
        if (m_options.holdSeconds > 0)
            until = Clock::now()
                + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(m_options.holdSeconds));
        // epoll refuses regular files and /dev/null; such a stdin cannot end a hold.
        const bool watchingStdin = watch(m_epoll, EPOLL_CTL_ADD, STDIN_FILENO, EPOLLIN);
        if (!watchingStdin && !until)
            std::fprintf(stderr, "%s: stdin cannot be watched; holding until SIGTERM or SIGINT\n", Program);
        while (!m_stdinEnded) {
            if (until && Clock::now() >= *until)
                break;
            if (waitAndDispatch(until))
                break;
        }
        if (watchingStdin)
            ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, STDIN_FILENO, nullptr);
    }

    bool stdinEnded()
    {
        char buffer[4096];
        const ssize_t received = ::read(STDIN_FILENO, buffer, sizeof buffer);
        return received == 0 || (received < 0 && errno != EINTR && errno != EAGAIN);
    }

    // A drop may still sit unread in the epoll queue when the hold ends; look at each connection
    // once more so that the count does not depend on event order.
    void closeHeld()
    {
        for (std::size_t index = 0; index < m_slots.size(); ++index) {
            if (m_slots[index].phase != Phase::Held)
                continue;
            const int fd = static_cast<int>(index);
            char byte;
            const ssize_t peeked = ::recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
            if (peeked == 0)
                drop(fd, 0);
            else if (peeked < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
                drop(fd, errno);
            else
                release(fd);
        }
    }

    const Options &m_options;
    const Endpoint &m_target;
    const int m_epoll;
    const int m_signal;
    const int m_spread;
    const std::chrono::milliseconds m_timeout;

    std::vector<Slot> m_slots;
    std::deque<Deadline> m_deadlines;
    std::uint64_t m_lastId = 0;
    Clock::time_point m_start; // hold: when the first connect began, for the milestones
    long long m_started = 0;
    long long m_finished = 0; // churn: connections over, successfully or not
    long long m_active = 0;   // connections not yet over (churn) or not yet held (hold)
    bool m_stdinEnded = false;
    Result m_result;
};

// ---------------------------------------------------------------------------------------------
// sequential

// What a client does in a loop: connect, then close or keep, and connect again at once. With a
// short backlog this is where a server that is slow to accept shows: the queue fills between its
// accepts, the kernel drops the next SYN, and that connect waits for the retransmission.
int runSequential(const Options &options, const Endpoint &target, int signalFd)
{
    Result result;
    std::vector<int> kept;
    const auto timeout = std::chrono::milliseconds(options.timeoutMs);
    const Clock::time_point start = Clock::now();
    bool interrupted = false;
    for (long long index = 0; index < options.count && !interrupted; ++index) {
        const Clock::time_point began = Clock::now();
        const Dialled dialled = dial(target, options.sourceSpread, index);
        if (dialled.fd < 0) {
            result.fail(dialled.failure);
            continue;
        }
        int error = ETIMEDOUT;
        for (;;) {
            const Clock::time_point now = Clock::now();
            if (now >= began + timeout)
                break;
            pollfd fds[2] = {{dialled.fd, POLLOUT, 0}, {signalFd, POLLIN, 0}};
            const int ready = ::poll(fds, 2, millisecondsUntil(began + timeout, now));
            if (ready < 0 && errno != EINTR) {
                error = errno;
                break;
            }
            if (fds[1].revents & POLLIN) {
                interrupted = signalArrived(signalFd);
                if (interrupted)
                    break;
            }
            if (fds[0].revents != 0) {
                error = socketError(dialled.fd);
                break;
            }
        }
        const double ms = secondsBetween(began, Clock::now()) * 1000.0;
        if (interrupted) {
            ::close(dialled.fd);
            result.fail("interrupted");
            break;
        }
        if (error != 0) {
            ::close(dialled.fd);
            result.fail(error == ETIMEDOUT ? std::string("timeout: connect") : describe("connect", error));
            continue;
        }
        ++result.ok;
        result.maxConnectMs = std::max(result.maxConnectMs, ms);
        if (ms >= options.stallMs)
            ++result.stalled;
        if (options.keep)
            kept.push_back(dialled.fd);
        else
            ::close(dialled.fd);
    }
    result.seconds = secondsBetween(start, Clock::now());
    if (result.seconds > 0)
        result.rate = static_cast<double>(result.ok) / result.seconds;
    for (const int fd : kept)
        ::close(fd);
    printResult(Mode::Sequential, result);
    return result.ok == options.count ? 0 : 1;
}

// ---------------------------------------------------------------------------------------------
// TLS

// A client context where every handshake is a full one: no session cache and no tickets asked
// for, so nothing can be resumed. The certificate is not checked: what is measured is the
// handshake's work, and a self-signed server certificate would not verify anyway.
SSL_CTX *tlsClientContext()
{
    SSL_CTX *context = SSL_CTX_new(TLS_client_method());
    if (!context)
        return nullptr;
    SSL_CTX_set_verify(context, SSL_VERIFY_NONE, nullptr);
    SSL_CTX_set_session_cache_mode(context, SSL_SESS_CACHE_OFF);
    SSL_CTX_set_options(context, SSL_OP_NO_TICKET);
    // Partial writes behave like send(): the stream keeps its position in its own buffer.
    SSL_CTX_set_mode(context, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    // Without read-ahead libssl reads each record's 5-byte header and its body with two read()s:
    // 32 syscalls per 256 KiB, which made the client, not the server, the limit of a TLS stream.
    SSL_CTX_set_read_ahead(context, 1);
    SSL_CTX_set_default_read_buffer_len(context, 128 * 1024);
    return context;
}

// Why an SSL call failed, in words that add up across connections (no counts, no addresses).
std::string tlsFailure(const std::string &step, int code)
{
    if (code == SSL_ERROR_SYSCALL) {
        const int error = errno;
        ERR_clear_error();
        return error ? describe(step, error) : step + ": the server closed";
    }
    if (code == SSL_ERROR_ZERO_RETURN)
        return step + ": the server sent close_notify";
    char text[256] = "unknown error";
    if (const unsigned long error = ERR_get_error())
        ERR_error_string_n(error, text, sizeof text);
    ERR_clear_error();
    return step + ": " + text;
}

// churn --tls: connect, full handshake, close_notify, close; at most --concurrency at a time.
class TlsChurnLoad final
{
public:
    explicit TlsChurnLoad(const Options &options, const Endpoint &target, int epollFd, int signalFd, SSL_CTX *context)
        : m_options(options)
        , m_target(target)
        , m_epoll(epollFd)
        , m_signal(signalFd)
        , m_context(context)
        , m_timeout(std::chrono::milliseconds(options.timeoutMs))
    {
        m_result.tls = true;
    }

    int run()
    {
        const Clock::time_point start = Clock::now();
        m_lastProgress = start;
        bool interrupted = false;
        while (m_finished < m_options.count && !interrupted) {
            startConnections();
            if (m_finished >= m_options.count)
                break;
            const Clock::time_point now = Clock::now();
            // One deadline for all: a handshake the server never finishes stops the run rather
            // than holding it for ever.
            if (now >= m_lastProgress + m_timeout) {
                failInFlight("timeout: no handshake finished");
                break;
            }
            epoll_event events[MaxEvents];
            const int count =
                ::epoll_wait(m_epoll, events, MaxEvents, millisecondsUntil(m_lastProgress + m_timeout, now));
            if (count < 0 && errno != EINTR) {
                failInFlight(describe("epoll_wait", errno));
                break;
            }
            for (int i = 0; i < count; ++i) {
                if (events[i].data.fd == m_signal) {
                    interrupted = signalArrived(m_signal) || interrupted;
                    continue;
                }
                handle(events[i].data.fd);
            }
        }
        if (interrupted)
            failInFlight("interrupted");
        m_result.seconds = secondsBetween(start, Clock::now());
        if (m_result.seconds > 0)
            m_result.rate = static_cast<double>(m_result.ok) / m_result.seconds;
        printResult(Mode::Churn, m_result);
        return m_result.ok == m_options.count ? 0 : 1;
    }

private:
    struct Slot
    {
        bool used = false;
        SSL *ssl = nullptr; // null while the TCP connect is under way
    };

    Slot &slot(int fd)
    {
        const auto index = static_cast<std::size_t>(fd);
        if (index >= m_slots.size())
            m_slots.resize(std::max<std::size_t>(index + 1, m_slots.size() * 2));
        return m_slots[index];
    }

    void startConnections()
    {
        while (m_active < m_options.concurrency && m_started < m_options.count) {
            const Dialled dialled = dial(m_target, m_options.sourceSpread, m_started++);
            if (dialled.fd < 0) {
                m_result.fail(dialled.failure);
                ++m_finished;
                continue;
            }
            if (!watch(m_epoll, EPOLL_CTL_ADD, dialled.fd, EPOLLOUT)) {
                const int error = errno;
                ::close(dialled.fd);
                m_result.fail(describe("epoll_ctl", error));
                ++m_finished;
                continue;
            }
            slot(dialled.fd) = Slot{true, nullptr};
            ++m_active;
        }
    }

    void handle(int fd)
    {
        Slot &s = slot(fd);
        if (!s.used)
            return;
        if (!s.ssl) {
            if (const int error = socketError(fd); error != 0) {
                finish(fd, describe("connect", error));
                return;
            }
            s.ssl = SSL_new(m_context);
            if (!s.ssl || SSL_set_fd(s.ssl, fd) != 1) {
                finish(fd, "SSL_new: out of memory");
                return;
            }
        }
        const int returned = SSL_connect(s.ssl);
        if (returned == 1) {
            // Done. close_notify first, so the server sees the connection end cleanly.
            SSL_shutdown(s.ssl);
            finish(fd, {});
            return;
        }
        const int code = SSL_get_error(s.ssl, returned);
        if (code == SSL_ERROR_WANT_READ || code == SSL_ERROR_WANT_WRITE) {
            if (!watch(m_epoll, EPOLL_CTL_MOD, fd, code == SSL_ERROR_WANT_READ ? EPOLLIN : EPOLLOUT))
                finish(fd, describe("epoll_ctl", errno));
            return;
        }
        finish(fd, tlsFailure("handshake", code));
    }

    // Ends a connection: counted as done when `failure` is empty.
    void finish(int fd, const std::string &failure)
    {
        Slot &s = slot(fd);
        if (s.ssl)
            SSL_free(s.ssl);
        s = Slot{};
        ::close(fd); // leaves the epoll set with it
        --m_active;
        ++m_finished;
        m_lastProgress = Clock::now();
        if (failure.empty())
            ++m_result.ok;
        else
            m_result.fail(failure);
    }

    void failInFlight(const std::string &reason)
    {
        for (std::size_t fd = 0; fd < m_slots.size(); ++fd) {
            if (m_slots[fd].used)
                finish(static_cast<int>(fd), reason);
        }
        // The ones never started count as failed too: the result covers --count.
        while (m_started < m_options.count) {
            ++m_started;
            ++m_finished;
            m_result.fail(reason);
        }
    }

    const Options &m_options;
    const Endpoint &m_target;
    const int m_epoll;
    const int m_signal;
    SSL_CTX *const m_context;
    const std::chrono::milliseconds m_timeout;
    std::vector<Slot> m_slots;
    long long m_started = 0;
    long long m_finished = 0;
    int m_active = 0;
    Clock::time_point m_lastProgress;
    Result m_result;
};

// ---------------------------------------------------------------------------------------------
// stream

// The stream is a counter-based generator (splitmix64 of the 8-byte block index), so any part
// of it can be regenerated from its offset and neither side needs to keep what it sent.
std::uint64_t streamWord(std::uint64_t block)
{
    std::uint64_t z = block + 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

void fillStream(std::uint64_t offset, unsigned char *out, std::size_t length)
{
    // Whole blocks in one store each: chunks normally start on a block, and byte at a time the
    // generator would cost more than the sockets.
    if (offset % 8 == 0) {
        for (; length >= 8; length -= 8, offset += 8, out += 8) {
            const std::uint64_t word = htole64(streamWord(offset / 8));
            std::memcpy(out, &word, sizeof word);
        }
    }
    while (length > 0) {
        const std::uint64_t word = streamWord(offset / 8);
        auto byteIndex = static_cast<unsigned>(offset % 8);
        for (; byteIndex < 8 && length > 0; ++byteIndex, --length, ++offset)
            *out++ = static_cast<unsigned char>(word >> (8 * byteIndex));
    }
}

class StreamLoad
{
public:
    // With a context, the stream runs through TLS.
    StreamLoad(const Options &options, const Endpoint &target, int epollFd, int signalFd, SSL_CTX *context = nullptr)
        : m_options(options)
        , m_target(target)
        , m_epoll(epollFd)
        , m_signal(signalFd)
        , m_total(static_cast<std::uint64_t>(options.megabytes) * MiB)
        , m_chunk(static_cast<std::size_t>(options.chunkKib) * 1024)
        , m_out(m_chunk)
        , m_in(m_chunk)
        , m_expected(m_chunk)
        , m_context(context)
    {
        m_result.tls = context != nullptr;
    }

    int run()
    {
        const Clock::time_point start = Clock::now();
        m_lastProgress = start;
        const Dialled dialled = dial(m_target, 0, 0);
        m_fd = dialled.fd;
        if (m_fd < 0)
            failWith(dialled.failure);
        else if (!watch(m_epoll, EPOLL_CTL_ADD, m_fd, EPOLLOUT))
            failWith(describe("epoll_ctl", errno));

        const auto timeout = std::chrono::milliseconds(m_options.timeoutMs);
        while (!m_done) {
            const Clock::time_point now = Clock::now();
            if (now >= m_lastProgress + timeout) {
                failWith(m_connected ? "timeout: no progress" : "timeout: connect");
                break;
            }
            epoll_event events[4];
            const int count = ::epoll_wait(m_epoll, events, 4, millisecondsUntil(m_lastProgress + timeout, now));
            if (count < 0 && errno != EINTR) {
                failWith(describe("epoll_wait", errno));
                break;
            }
            for (int i = 0; i < count && !m_done; ++i) {
                if (events[i].data.fd == m_signal) {
                    if (signalArrived(m_signal))
                        failWith("interrupted");
                } else {
                    handle(events[i].events);
                }
            }
        }
        if (m_ssl)
            SSL_free(m_ssl);
        if (m_fd >= 0)
            ::close(m_fd);

        m_result.seconds = secondsBetween(start, Clock::now());
        if (m_result.failed == 0) {
            m_result.ok = 1;
            if (m_result.seconds > 0)
                m_result.mibPerSecond = static_cast<double>(m_options.megabytes) / m_result.seconds;
        } else {
            m_result.verified = false;
        }
        printResult(Mode::Stream, m_result);
        return m_result.failed == 0 ? 0 : 1;
    }

private:
    void handle(std::uint32_t events)
    {
        if (!m_connected) {
            if (const int error = socketError(m_fd); error != 0) {
                failWith(describe("connect", error));
            } else if (events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) {
                m_connected = true;
                m_lastProgress = Clock::now();
                if (m_context) {
                    m_ssl = SSL_new(m_context);
                    if (!m_ssl || SSL_set_fd(m_ssl, m_fd) != 1)
                        failWith("SSL_new: out of memory");
                    else
                        handshake();
                    return;
                }
                // Both directions at once: writing alone would stall once the echo fills the
                // buffers that nobody reads.
                if (!watch(m_epoll, EPOLL_CTL_MOD, m_fd, EPOLLIN | EPOLLOUT))
                    failWith(describe("epoll_ctl", errno));
            }
            return;
        }
        if (m_ssl && !m_handshaken) {
            handshake();
            return;
        }
        if (m_ssl) {
            // A TLS read or write may need the other direction (a record half in, a flush):
            // both are tried on any event, and each stops at "would block".
            readEcho();
            if (!m_done && (m_outPosition < m_outLength || m_produced < m_total))
                writeStream();
            return;
        }
        if (events & (EPOLLIN | EPOLLERR | EPOLLHUP))
            readEcho();
        if (!m_done && (events & EPOLLOUT))
            writeStream();
    }

    void handshake()
    {
        const int returned = SSL_connect(m_ssl);
        if (returned == 1) {
            m_handshaken = true;
            m_lastProgress = Clock::now();
            if (!watch(m_epoll, EPOLL_CTL_MOD, m_fd, EPOLLIN | EPOLLOUT))
                failWith(describe("epoll_ctl", errno));
            return;
        }
        const int code = SSL_get_error(m_ssl, returned);
        if (code == SSL_ERROR_WANT_READ || code == SSL_ERROR_WANT_WRITE) {
            if (!watch(m_epoll, EPOLL_CTL_MOD, m_fd, code == SSL_ERROR_WANT_READ ? EPOLLIN : EPOLLOUT))
                failWith(describe("epoll_ctl", errno));
            return;
        }
        failWith(tlsFailure("handshake", code));
    }

    // send() or SSL_write(), with "would block" as EAGAIN and a TLS failure as EPROTO.
    ssize_t sendSome(const unsigned char *data, std::size_t length)
    {
        if (!m_ssl)
            return ::send(m_fd, data, length, MSG_NOSIGNAL);
        const int written = SSL_write(m_ssl, data, static_cast<int>(std::min<std::size_t>(length, INT_MAX)));
        return written > 0 ? written : tlsShortfall(written, "SSL_write");
    }

    ssize_t receiveSome(unsigned char *data, std::size_t length)
    {
        if (!m_ssl)
            return ::recv(m_fd, data, length, 0);
        const int received = SSL_read(m_ssl, data, static_cast<int>(std::min<std::size_t>(length, INT_MAX)));
        return received > 0 ? received : tlsShortfall(received, "SSL_read");
    }

    ssize_t tlsShortfall(int returned, const char *step)
    {
        const int code = SSL_get_error(m_ssl, returned);
        if (code == SSL_ERROR_WANT_READ || code == SSL_ERROR_WANT_WRITE) {
            errno = EAGAIN;
            return -1;
        }
        if (code == SSL_ERROR_ZERO_RETURN || (code == SSL_ERROR_SYSCALL && errno == 0)) {
            ERR_clear_error();
            return 0;
        }
        if (code == SSL_ERROR_SYSCALL)
            return -1;
        failWith(tlsFailure(step, code));
        errno = EPROTO;
        return -1;
    }

    void writeStream()
    {
        while (m_outPosition < m_outLength || m_produced < m_total) {
            if (m_outPosition == m_outLength) {
                m_outLength = static_cast<std::size_t>(std::min<std::uint64_t>(m_chunk, m_total - m_produced));
                fillStream(m_produced, m_out.data(), m_outLength);
                m_produced += m_outLength;
                m_outPosition = 0;
            }
            const ssize_t written = sendSome(m_out.data() + m_outPosition, m_outLength - m_outPosition);
            if (written > 0) {
                m_outPosition += static_cast<std::size_t>(written);
                m_lastProgress = Clock::now();
                continue;
            }
            if (written < 0 && errno == EINTR)
                continue;
            if (written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                return;
            noteReset(errno);
            failWith(describe("send", errno));
            return;
        }
        if (!watch(m_epoll, EPOLL_CTL_MOD, m_fd, EPOLLIN))
            failWith(describe("epoll_ctl", errno));
    }

    void readEcho()
    {
        for (;;) {
            const ssize_t received = receiveSome(m_in.data(), m_chunk);
            if (received > 0) {
                const auto length = static_cast<std::size_t>(received);
                if (m_received + length > m_produced - (m_outLength - m_outPosition)) {
                    failWith("stream: more bytes came back than were sent");
                    return;
                }
                fillStream(m_received, m_expected.data(), length);
                if (std::memcmp(m_in.data(), m_expected.data(), length) != 0) {
                    reportMismatch(length);
                    return;
                }
                m_received += length;
                m_lastProgress = Clock::now();
                if (m_received == m_total) {
                    m_done = true;
                    return;
                }
                continue;
            }
            if (received == 0) {
                ++m_result.eof;
                failWith("stream: the server closed after " + std::to_string(m_received) + " bytes");
                return;
            }
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                return;
            noteReset(errno);
            failWith(describe("recv", errno));
            return;
        }
    }

    void reportMismatch(std::size_t length)
    {
        std::size_t index = 0;
        while (index < length && m_in[index] == m_expected[index])
            ++index;
        char text[160];
        std::snprintf(text, sizeof text, "stream: byte %llu differs (expected 0x%02x, got 0x%02x)",
                      static_cast<unsigned long long>(m_received + index), static_cast<unsigned>(m_expected[index]),
                      static_cast<unsigned>(m_in[index]));
        failWith(text);
    }

    void noteReset(int error)
    {
        if (error == ECONNRESET || error == EPIPE)
            ++m_result.reset;
    }

    void failWith(const std::string &reason)
    {
        if (m_result.failed == 0)
            m_result.fail(reason);
        m_done = true;
    }

    const Options &m_options;
    const Endpoint &m_target;
    const int m_epoll;
    const int m_signal;
    const std::uint64_t m_total;
    const std::size_t m_chunk;
    std::vector<unsigned char> m_out;
    std::vector<unsigned char> m_in;
    std::vector<unsigned char> m_expected;
    SSL_CTX *const m_context;

    int m_fd = -1;
    SSL *m_ssl = nullptr;
    bool m_handshaken = false;
    bool m_connected = false;
    bool m_done = false;
    std::uint64_t m_produced = 0; // stream bytes generated into m_out so far
    std::size_t m_outLength = 0;
    std::size_t m_outPosition = 0;
    std::uint64_t m_received = 0;
    Clock::time_point m_lastProgress;
    Result m_result;
};

// ---------------------------------------------------------------------------------------------

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
    const std::optional<Endpoint> target = parseEndpoint(options.host, options.port);
    if (!target) {
        std::fprintf(stderr, "%s: --host expects an IPv4 or IPv6 address, not '%s' (see --help)\n", Program,
                     options.host.c_str());
        return 2;
    }
    if (options.sourceSpread < 0)
        options.sourceSpread = target->loopbackV4 && options.mode != Mode::Sequential ? 64 : 0;
    else if (options.sourceSpread > 0 && !target->loopbackV4) {
        std::fprintf(stderr, "%s: --source-spread needs a server on 127.0.0.0/8 (see --help)\n", Program);
        return 2;
    }

    raiseFileLimit();

    // SIGTERM and SIGINT arrive through the epoll set, so a hold ends with a result line. SIGPIPE
    // is blocked as a second guard besides MSG_NOSIGNAL.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGPIPE);
    ::sigprocmask(SIG_BLOCK, &signals, nullptr);
    sigdelset(&signals, SIGPIPE);
    const int signalFd = ::signalfd(-1, &signals, SFD_NONBLOCK | SFD_CLOEXEC);
    const int epollFd = ::epoll_create1(EPOLL_CLOEXEC);
    if (signalFd < 0 || epollFd < 0 || !watch(epollFd, EPOLL_CTL_ADD, signalFd, EPOLLIN)) {
        std::fprintf(stderr, "%s: cannot set up epoll: %s\n", Program, std::strerror(errno));
        return 1;
    }

    SSL_CTX *context = nullptr;
    if (options.tls) {
        context = tlsClientContext();
        if (!context) {
            std::fprintf(stderr, "%s: cannot set up TLS: %s\n", Program, tlsFailure("SSL_CTX_new", SSL_ERROR_SSL).c_str());
            return 1;
        }
    }
    // The context outlives every connection of the run and goes with it, so a leak check sees none.
    const std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)> contextOwner(context, &SSL_CTX_free);
    switch (options.mode) {
    case Mode::Churn:
        if (context)
            return TlsChurnLoad(options, *target, epollFd, signalFd, context).run();
        return ConnectionLoad(options, *target, epollFd, signalFd).runChurn();
    case Mode::Hold:
        return ConnectionLoad(options, *target, epollFd, signalFd).runHold();
    case Mode::Stream:
        return StreamLoad(options, *target, epollFd, signalFd, context).run();
    case Mode::Sequential:
        return runSequential(options, *target, signalFd);
    }
    return 1;
}
