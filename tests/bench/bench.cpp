// socketlab-bench: runs the same loads against the reference epoll server and against Socket Lab
// (window on the current platform, and headless) in one run, and prints figures and ratios.
// Machines are noisy: each load is repeated and medians are quoted; compare within one run only.
#include "benchprocess.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

using Kind = BenchServer::Kind;
using Mode = BenchServer::Mode;

struct Settings
{
    QString binDir;
    QString app;
    int repeats = 3;
    int churnCount = 20000;
    int concurrency = 64;
    int streamMiB = 1024;
    int holdCount = 10000;
    int leakWarmup = 12000;
    int leakCount = 100000;
    int coldStarts = 7;
    int sequentialCount = 200;
    int tlsCount = 5000;        // full handshakes per run, tls-handshakes
    int tlsConcurrency = 32;
    int tlsSerialCount = 500;   // the same one at a time, for openssl s_server like for like
    int tlsStreamMiB = 256;
    int tlsWindowCount = 1000;  // handshakes at once against the window
    int rampCount = 10000;      // connects issued all at once, ramp
    int openCount = 18000;      // connections open at once, each served once, open-18000
    int openConcurrency = 1000; // of those, connecting at a time
    int blockSize = 1000;       // open-18000 and cost-growth time each block of this many
    QStringList only;
    // Where Socket Lab keeps its self-signed pair for every TLS run (its XDG_DATA_HOME), so the
    // pair is made once and openssl s_server serves the same certificate and key.
    QString tlsDataDir;
};

// One figure of one scenario, with a target where the issue sets one.
struct Row
{
    QString scenario;
    QString metric;
    QString unit;
    std::optional<double> reference;
    std::optional<double> window;
    std::optional<double> headless;
    QString target;
    // Whether the app's figures meet the target; unset when there is none to check.
    std::optional<bool> met;
    QString note;
};

QList<Row> g_rows;
QJsonArray g_json;

void say(const QString &text)
{
    std::fprintf(stderr, "%s\n", qPrintable(text));
    std::fflush(stderr);
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    return values.size() % 2 ? values.at(middle) : (values.at(middle - 1) + values.at(middle)) / 2;
}

QString number(std::optional<double> value, int decimals = 1)
{
    if (!value)
        return QStringLiteral("-");
    return QString::number(*value, 'f', decimals);
}

void record(const Row &row)
{
    g_rows.append(row);
    QJsonObject object;
    object.insert(QStringLiteral("scenario"), row.scenario);
    object.insert(QStringLiteral("metric"), row.metric);
    object.insert(QStringLiteral("unit"), row.unit);
    if (row.reference)
        object.insert(QStringLiteral("reference"), *row.reference);
    if (row.window)
        object.insert(QStringLiteral("window"), *row.window);
    if (row.headless)
        object.insert(QStringLiteral("headless"), *row.headless);
    object.insert(QStringLiteral("target"), row.target);
    if (row.met)
        object.insert(QStringLiteral("met"), *row.met);
    g_json.append(object);
    say(QStringLiteral("  %1 / %2: reference %3, window %4, headless %5 %6")
            .arg(row.scenario, row.metric, number(row.reference), number(row.window), number(row.headless), row.unit));
}

bool wanted(const Settings &settings, const QString &scenario)
{
    return settings.only.isEmpty() || settings.only.contains(scenario);
}

// The window's event-loop lag during a load, with the targets every scenario shares.
constexpr double LagP99TargetMs = 16;
constexpr double LagMaxTargetMs = 50;

QString joined(const QList<double> &values, int decimals = 0)
{
    QStringList texts;
    for (const double value : values)
        texts.append(QString::number(value, 'f', decimals));
    return texts.join(QLatin1Char(','));
}

std::optional<double> optionalMedian(const QList<double> &values)
{
    return values.isEmpty() ? std::nullopt : std::optional<double>(median(values));
}

// Two rows, p99 and max, each the median over the runs; no runs (the window did not start) is
// a target missed, not met, and so is a failed run (`failures`), which leaves the figures in
// doubt. `what` tells rows of one scenario apart.
void recordWindowLag(const QString &scenario, const QList<double> &p99, const QList<double> &max,
                     const QString &what = QString(), int failures = 0)
{
    const QString suffix = what.isEmpty() ? QString() : QStringLiteral(", ") + what;
    const QString failed = failures ? QStringLiteral(", %1 failures").arg(failures) : QString();
    record(Row{scenario, QStringLiteral("window event-loop lag p99") + suffix, QStringLiteral("ms"), std::nullopt,
               optionalMedian(p99), std::nullopt, QStringLiteral("< %1 ms").arg(LagP99TargetMs),
               failures == 0 && !p99.isEmpty() && median(p99) < LagP99TargetMs,
               QStringLiteral("each run: %1").arg(joined(p99, 1)) + failed});
    record(Row{scenario, QStringLiteral("window event-loop lag max") + suffix, QStringLiteral("ms"), std::nullopt,
               optionalMedian(max), std::nullopt, QStringLiteral("< %1 ms").arg(LagMaxTargetMs),
               failures == 0 && !max.isEmpty() && median(max) < LagMaxTargetMs,
               QStringLiteral("each run: %1").arg(joined(max, 1)) + failed});
}

// Adds the lag of one window run from its figures.
void noteLag(const QJsonObject &stats, QList<double> &p99, QList<double> &max)
{
    p99.append(stats.value(QStringLiteral("lag_p99_ms")).toDouble());
    max.append(stats.value(QStringLiteral("lag_max_ms")).toDouble());
}

// Starts a fresh server, runs `body` against it, stops it. False when it could not start.
bool withServer(const Settings &settings, Kind kind, Mode mode, const std::function<void(BenchServer &)> &body,
                int backlog = 4096, const QList<int> &cpus = {})
{
    BenchServer server(kind, mode, settings.binDir, settings.app);
    server.setBacklog(backlog);
    server.setCpus(cpus);
    if (!server.start()) {
        say(QStringLiteral("  %1: %2").arg(BenchServer::kindName(kind), server.error()));
        return false;
    }
    body(server);
    server.stop();
    return true;
}

const QList<Kind> AllKinds{Kind::Reference, Kind::Window, Kind::Headless};

// Connections per second, window/headless against the reference, for one kind of churn.
void churn(const Settings &settings, const QString &scenario, Mode mode, const QStringList &loadArguments,
           double targetRatio, const QString &targetText)
{
    say(QStringLiteral("%1: %2 connections, %3 at a time, %4 repeats")
            .arg(scenario).arg(settings.churnCount).arg(settings.concurrency).arg(settings.repeats));
    QHash<Kind, QList<double>> rates;
    QHash<Kind, QList<double>> lagP99;
    QHash<Kind, QList<double>> lagMax;
    int failures = 0;
    for (int repeat = 0; repeat < settings.repeats; ++repeat) {
        for (const Kind kind : AllKinds) {
            withServer(settings, kind, mode, [&](BenchServer &server) {
                if (kind != Kind::Reference)
                    server.resetMeasurement();
                const LoadResult load = runLoad(settings.binDir, server.port(),
                                                QStringList{QStringLiteral("--mode"), QStringLiteral("churn"),
                                                            QStringLiteral("--count"), QString::number(settings.churnCount),
                                                            QStringLiteral("--concurrency"),
                                                            QString::number(settings.concurrency)}
                                                    + loadArguments,
                                                600000);
                failures += load.figures.value(QStringLiteral("failed")).toInt();
                double end = load.finishedMs;
                if (kind != Kind::Reference) {
                    // Done when the app has accepted every one, not when the client is.
                    const QJsonObject stats = server.waitForStats(settings.churnCount, 0, 60000);
                    if (stats.value(QStringLiteral("accepted")).toInt() < settings.churnCount) {
                        say(QStringLiteral("  %1 accepted only %2").arg(BenchServer::kindName(kind))
                                .arg(stats.value(QStringLiteral("accepted")).toInt()));
                        ++failures;
                    }
                    end = std::max(end, stats.value(QStringLiteral("last_accept_ms")).toDouble());
                    noteLag(stats, lagP99[kind], lagMax[kind]);
                }
                if (!load.ran || load.figures.isEmpty()) {
                    say(QStringLiteral("  load failed: %1").arg(load.errorText));
                    ++failures;
                    return;
                }
                rates[kind].append(settings.churnCount / ((end - load.startedMs) / 1000.0));
            });
        }
    }
    Row row{scenario, QStringLiteral("connections/s"), QStringLiteral("conn/s"), median(rates[Kind::Reference]),
            median(rates[Kind::Window]), median(rates[Kind::Headless]), targetText, std::nullopt, QString()};
    // The ratio is taken per repetition, servers run back to back, then the median of those.
    QList<double> ratios;
    for (qsizetype i = 0; i < std::min(rates[Kind::Reference].size(), rates[Kind::Window].size()); ++i)
        ratios.append(rates[Kind::Window].at(i) / rates[Kind::Reference].at(i));
    row.met = failures == 0 && !ratios.isEmpty() && median(ratios) >= targetRatio;
    row.note = QStringLiteral("window/reference %1%").arg(median(ratios) * 100, 0, 'f', 0);
    if (failures)
        row.note += QStringLiteral(", %1 failures").arg(failures);
    row.note += QStringLiteral(", headless lag p99 %1 ms, max %2 ms")
                    .arg(median(lagP99[Kind::Headless]), 0, 'f', 1)
                    .arg(median(lagMax[Kind::Headless]), 0, 'f', 1);
    record(row);
    recordWindowLag(scenario, lagP99[Kind::Window], lagMax[Kind::Window]);
}

void echoStream(const Settings &settings)
{
    say(QStringLiteral("echo-stream: %1 MiB through one connection, %2 repeats").arg(settings.streamMiB).arg(settings.repeats));
    QHash<Kind, QList<double>> speeds;
    QList<double> lagP99;
    QList<double> lagMax;
    int failures = 0;
    for (int repeat = 0; repeat < settings.repeats; ++repeat) {
        for (const Kind kind : AllKinds) {
            withServer(settings, kind, Mode::Echo, [&](BenchServer &server) {
                if (kind == Kind::Window)
                    server.resetMeasurement();
                const LoadResult load = runLoad(settings.binDir, server.port(),
                                                {QStringLiteral("--mode"), QStringLiteral("stream"),
                                                 QStringLiteral("--megabytes"), QString::number(settings.streamMiB)},
                                                600000);
                if (kind == Kind::Window)
                    noteLag(server.waitForStatsWrittenAfter(load.finishedMs, 5000), lagP99, lagMax);
                if (!load.ran || load.exitCode != 0 || !load.figures.value(QStringLiteral("verified")).toBool()) {
                    say(QStringLiteral("  %1: stream failed or not verified: %2")
                            .arg(BenchServer::kindName(kind), load.errorText));
                    ++failures;
                    return;
                }
                speeds[kind].append(load.figures.value(QStringLiteral("mib_per_s")).toDouble());
            });
        }
    }
    QList<double> ratios;
    for (qsizetype i = 0; i < std::min(speeds[Kind::Reference].size(), speeds[Kind::Window].size()); ++i)
        ratios.append(speeds[Kind::Window].at(i) / speeds[Kind::Reference].at(i));
    Row row{QStringLiteral("echo-stream"), QStringLiteral("throughput, every byte verified"), QStringLiteral("MiB/s"),
            median(speeds[Kind::Reference]), median(speeds[Kind::Window]), median(speeds[Kind::Headless]),
            QStringLiteral(">= 70% of reference"), failures == 0 && !ratios.isEmpty() && median(ratios) >= 0.7,
            QStringLiteral("window/reference %1%").arg(median(ratios) * 100, 0, 'f', 0)};
    record(row);
    recordWindowLag(QStringLiteral("echo-stream"), lagP99, lagMax);
}

// One connection through Socket Lab in Forward mode to the reference echo server, against the
// same stream straight to the reference: what the relay costs. Both run back to back in each
// repeat, against one reference server.
void forwardStream(const Settings &settings)
{
    say(QStringLiteral("forward-stream: %1 MiB through one connection, relayed to the reference echo and direct, "
                       "%2 repeats")
            .arg(settings.streamMiB)
            .arg(settings.repeats));
    QHash<Kind, QList<double>> speeds;
    QHash<Kind, QList<double>> ratios;
    QList<double> lagP99;
    QList<double> lagMax;
    int failures = 0;
    const QStringList stream{QStringLiteral("--mode"), QStringLiteral("stream"), QStringLiteral("--megabytes"),
                             QString::number(settings.streamMiB)};
    const auto measure = [&](quint16 port, const QString &what) -> std::optional<double> {
        const LoadResult load = runLoad(settings.binDir, port, stream, 600000);
        if (!load.ran || load.exitCode != 0 || !load.figures.value(QStringLiteral("verified")).toBool()) {
            say(QStringLiteral("  %1: stream failed or not verified: %2").arg(what, load.errorText));
            ++failures;
            return std::nullopt;
        }
        return load.figures.value(QStringLiteral("mib_per_s")).toDouble();
    };
    for (int repeat = 0; repeat < settings.repeats; ++repeat) {
        withServer(settings, Kind::Reference, Mode::Echo, [&](BenchServer &upstream) {
            const std::optional<double> direct = measure(upstream.port(), QStringLiteral("direct"));
            if (direct)
                speeds[Kind::Reference].append(*direct);
            for (const Kind kind : {Kind::Window, Kind::Headless}) {
                BenchServer server(kind, Mode::Echo, settings.binDir, settings.app);
                server.setForward(QStringLiteral("127.0.0.1:%1").arg(upstream.port()));
                if (!server.start()) {
                    say(QStringLiteral("  %1: %2").arg(BenchServer::kindName(kind), server.error()));
                    ++failures;
                    continue;
                }
                if (kind == Kind::Window)
                    server.resetMeasurement();
                const std::optional<double> relayed = measure(server.port(), BenchServer::kindName(kind));
                if (kind == Kind::Window && relayed) {
                    // Written after the stream ended: ended at the latest when measure() returned.
                    noteLag(server.waitForStatsWrittenAfter(monotonicMs(), 5000), lagP99, lagMax);
                }
                server.stop();
                if (!relayed)
                    continue;
                speeds[kind].append(*relayed);
                if (direct)
                    ratios[kind].append(*relayed / *direct);
            }
        });
    }
    const double window = median(ratios[Kind::Window]);
    const double headless = median(ratios[Kind::Headless]);
    Row row{QStringLiteral("forward-stream"), QStringLiteral("throughput relayed to the reference echo"),
            QStringLiteral("MiB/s"), median(speeds[Kind::Reference]), median(speeds[Kind::Window]),
            median(speeds[Kind::Headless]), QStringLiteral(">= 60% of a direct echo stream"),
            failures == 0 && !ratios[Kind::Headless].isEmpty() && !ratios[Kind::Window].isEmpty() && window >= 0.6
                && headless >= 0.6,
            QStringLiteral("window/direct %1%, headless/direct %2%")
                .arg(window * 100, 0, 'f', 0)
                .arg(headless * 100, 0, 'f', 0)};
    if (failures)
        row.note += QStringLiteral(", %1 failures").arg(failures);
    record(row);
    recordWindowLag(QStringLiteral("forward-stream"), lagP99, lagMax);
}

// Opens `holdCount` connections and keeps them: how fast all are accepted, the lag meanwhile,
// and what each costs in memory.
void holdMany(const Settings &settings)
{
    say(QStringLiteral("hold: %1 concurrent connections").arg(settings.holdCount));
    QHash<Kind, QList<double>> acceptSeconds;
    QHash<Kind, QList<double>> perConnection;
    QList<double> p99;
    QList<double> maxLag;
    int failures = 0;
    for (int repeat = 0; repeat < settings.repeats; ++repeat) {
        for (const Kind kind : AllKinds) {
            withServer(settings, kind, Mode::Hold, [&](BenchServer &server) {
                QThread::msleep(300); // let start-up allocations settle before the baseline
                const qint64 rssBefore = server.residentKiB();
                if (kind != Kind::Reference)
                    server.resetMeasurement();
                QProcess load;
                load.setProgram(settings.binDir + QStringLiteral("/socketlab-loadgen"));
                load.setArguments({QStringLiteral("--port"), QString::number(server.port()), QStringLiteral("--mode"),
                                   QStringLiteral("hold"), QStringLiteral("--count"), QString::number(settings.holdCount),
                                   QStringLiteral("--concurrency"), QStringLiteral("1000")});
                const double started = monotonicMs();
                load.start();
                const QString held = waitForLine(load, QStringLiteral("HELD "), 120000);
                double done = monotonicMs();
                const int ok = held.section(QLatin1Char(' '), 1, 1).toInt();
                if (ok != settings.holdCount) {
                    say(QStringLiteral("  %1: held %2 of %3").arg(BenchServer::kindName(kind)).arg(ok).arg(settings.holdCount));
                    ++failures;
                }
                if (kind != Kind::Reference) {
                    const QJsonObject stats = server.waitForStats(settings.holdCount, settings.holdCount, 60000);
                    if (stats.value(QStringLiteral("open")).toInt() != settings.holdCount)
                        ++failures;
                    done = std::max(done, stats.value(QStringLiteral("last_accept_ms")).toDouble());
                    if (kind == Kind::Window)
                        noteLag(stats, p99, maxLag);
                }
                acceptSeconds[kind].append((done - started) / 1000.0);
                QThread::msleep(2500); // the table settles and the burst's leftovers are handed back (a trim every 2 s at most): the steady cost is what counts
                perConnection[kind].append(double(server.residentKiB() - rssBefore) / settings.holdCount);
                load.closeWriteChannel();
                load.waitForFinished(60000);
            });
        }
    }
    const QString scenario = QStringLiteral("hold-%1").arg(settings.holdCount);
    record(Row{scenario, QStringLiteral("all accepted"), QStringLiteral("s"), median(acceptSeconds[Kind::Reference]),
               median(acceptSeconds[Kind::Window]), median(acceptSeconds[Kind::Headless]), QStringLiteral("< 2 s"),
               failures == 0 && median(acceptSeconds[Kind::Window]) < 2.0, QString()});
    recordWindowLag(scenario, p99, maxLag);
    record(Row{scenario, QStringLiteral("RSS growth per open connection"), QStringLiteral("KiB"),
               optionalMedian(perConnection[Kind::Reference]), optionalMedian(perConnection[Kind::Window]),
               optionalMedian(perConnection[Kind::Headless]), QStringLiteral("<= 4 KiB headless, <= 6 KiB window"),
               !perConnection[Kind::Window].isEmpty() && !perConnection[Kind::Headless].isEmpty()
                   && median(perConnection[Kind::Window]) <= 6 && median(perConnection[Kind::Headless]) <= 4,
               QString()});
}

// The kernel's counts of connections a full accept queue turned away, from the "TcpExt:" lines
// of /proc/net/netstat (names on the first, values on the second). They are system-wide: the
// difference across a load is what that load caused, plus anything else running meanwhile.
struct ListenCounters
{
    qint64 overflows = 0; // ListenOverflows: a SYN or final ACK found the accept queue full
    qint64 drops = 0;     // ListenDrops: every drop at a listener, the overflows included
};

std::optional<ListenCounters> listenCounters()
{
    QFile file(QStringLiteral("/proc/net/netstat"));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    QList<QByteArray> names;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.startsWith("TcpExt:"))
            continue;
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (names.isEmpty()) {
            names = fields;
            continue;
        }
        const qsizetype overflows = names.indexOf("ListenOverflows");
        const qsizetype drops = names.indexOf("ListenDrops");
        if (overflows < 0 || drops < 0 || fields.size() != names.size())
            return std::nullopt;
        return ListenCounters{fields.at(overflows).toLongLong(), fields.at(drops).toLongLong()};
    }
    return std::nullopt;
}

// A hold load running in the background, read up to its HELD line.
struct HoldLoad
{
    QProcess process;
    double startedMs = 0;  // monotonic, just before the process started
    double heldMs = 0;     // monotonic, when the HELD line was read; 0 without one
    int held = 0;          // connections held, from the HELD line
    double seconds = 0;    // from the first connect to the last held, as the load generator timed it
    QMap<int, double> milestones; // held so far -> ms since the first connect

    // Starts socketlab-loadgen in hold mode against `port` and reads until HELD.
    void run(const QString &binDir, quint16 port, const QStringList &arguments, int timeoutMs)
    {
        process.setProgram(binDir + QStringLiteral("/socketlab-loadgen"));
        process.setArguments(QStringList{QStringLiteral("--port"), QString::number(port), QStringLiteral("--mode"),
                                         QStringLiteral("hold")}
                             + arguments);
        startedMs = monotonicMs();
        process.start();
        const double deadline = startedMs + timeoutMs;
        while (monotonicMs() < deadline) {
            while (process.canReadLine()) {
                const QList<QByteArray> words = process.readLine().simplified().split(' ');
                if (words.constFirst() == "MILESTONE" && words.size() == 3) {
                    milestones.insert(words.at(1).toInt(), words.at(2).toDouble());
                } else if (words.constFirst() == "HELD" && words.size() == 4) {
                    heldMs = monotonicMs();
                    held = words.at(1).toInt();
                    seconds = words.at(3).toDouble();
                    return;
                }
            }
            if (process.state() == QProcess::NotRunning)
                return;
            process.waitForReadyRead(50);
        }
    }

    // Ends the hold (stdin closes) and returns the final figures: "dropped" counts the held
    // connections the server closed meanwhile.
    QJsonObject finish()
    {
        process.closeWriteChannel();
        if (!process.waitForFinished(120000)) {
            process.kill();
            process.waitForFinished(5000);
            return {};
        }
        const QList<QByteArray> lines = process.readAllStandardOutput().trimmed().split('\n');
        return QJsonDocument::fromJson(lines.constLast()).object();
    }

    // The ms the block of `size` connections ending at `count` took to be held.
    std::optional<double> blockMs(int count, int size) const
    {
        if (!milestones.contains(count) || (count > size && !milestones.contains(count - size)))
            return std::nullopt;
        return milestones.value(count) - (count > size ? milestones.value(count - size) : 0.0);
    }
};

// A fresh Socket Lab or reference server for the ramp and open loads: room for `count` open
// connections (never below the app's default limit) and the given network-thread dispatcher.
std::unique_ptr<BenchServer> startServer(const Settings &settings, Kind kind, Mode mode, int count,
                                         const QString &dispatcher = QString())
{
    auto server = std::make_unique<BenchServer>(kind, mode, settings.binDir, settings.app);
    if (kind != Kind::Reference) {
        server->setMaxConnections(std::max(count, 10000));
        server->setDispatcher(dispatcher);
    }
    if (!server->start()) {
        say(QStringLiteral("  %1: %2").arg(BenchServer::kindName(kind), server->error()));
        return nullptr;
    }
    return server;
}

// `rampCount` connects issued at once, none waiting for another: how long until the server has
// accepted all, how often the accept queue (backlog 4096) overflowed meanwhile, and the
// window's lag.
void ramp(const Settings &settings)
{
    const int count = settings.rampCount;
    say(QStringLiteral("ramp: %1 connects at once, backlog 4096, %2 repeats").arg(count).arg(settings.repeats));
    QHash<Kind, QList<double>> seconds;
    QHash<Kind, QList<double>> overflows;
    QHash<Kind, QList<double>> drops;
    QHash<Kind, QList<double>> ratios; // app / reference, per repeat
    QList<double> lagP99;
    QList<double> lagMax;
    QHash<Kind, int> failures;
    const QStringList arguments{QStringLiteral("--count"), QString::number(count), QStringLiteral("--concurrency"),
                                QString::number(count),
                                // A SYN or ACK dropped on a full queue is sent again after 1 s,
                                // then 2 s later: time to measure, not a failure.
                                QStringLiteral("--timeout-ms"), QStringLiteral("60000")};
    for (int repeat = 0; repeat < settings.repeats; ++repeat) {
        QHash<Kind, double> time;
        for (const Kind kind : AllKinds) {
            const std::unique_ptr<BenchServer> server = startServer(settings, kind, Mode::Hold, count);
            if (!server) {
                ++failures[kind];
                continue;
            }
            QThread::msleep(300); // start-up is not part of the ramp
            if (kind != Kind::Reference)
                server->resetMeasurement();
            const std::optional<ListenCounters> before = listenCounters();
            HoldLoad load;
            load.run(settings.binDir, server->port(), arguments, 180000);
            if (load.held != count) {
                say(QStringLiteral("  %1: held %2 of %3").arg(BenchServer::kindName(kind)).arg(load.held).arg(count));
                ++failures[kind];
            }
            // The reference has no figures of its own: its connections are accepted once the
            // client sees them all connected. The app says when it accepted the last.
            double done = load.heldMs > 0 ? load.heldMs : monotonicMs();
            if (kind != Kind::Reference) {
                const QJsonObject stats = server->waitForStats(count, count, 60000);
                if (stats.value(QStringLiteral("accepted")).toInt() < count
                    || stats.value(QStringLiteral("open")).toInt() != count) {
                    say(QStringLiteral("  %1: accepted %2, open %3 of %4")
                            .arg(BenchServer::kindName(kind))
                            .arg(stats.value(QStringLiteral("accepted")).toInt())
                            .arg(stats.value(QStringLiteral("open")).toInt())
                            .arg(count));
                    ++failures[kind];
                }
                done = std::max(done, stats.value(QStringLiteral("last_accept_ms")).toDouble());
                if (kind == Kind::Window)
                    noteLag(stats, lagP99, lagMax);
            }
            const std::optional<ListenCounters> after = listenCounters();
            if (before && after) {
                overflows[kind].append(double(after->overflows - before->overflows));
                drops[kind].append(double(after->drops - before->drops));
            }
            time[kind] = (done - load.startedMs) / 1000.0;
            seconds[kind].append(time[kind]);
            load.finish();
            server->stop();
        }
        for (const Kind kind : {Kind::Window, Kind::Headless}) {
            if (time.value(Kind::Reference) > 0 && time.value(kind) > 0)
                ratios[kind].append(time.value(kind) / time.value(Kind::Reference));
        }
    }
    const QString scenario = QStringLiteral("ramp-%1").arg(count);
    const int appFailures = failures.value(Kind::Window) + failures.value(Kind::Headless);
    const auto worst = [](const QList<double> &values) {
        return values.isEmpty() ? std::nullopt : std::optional<double>(*std::max_element(values.cbegin(), values.cend()));
    };
    Row accepted{scenario, QStringLiteral("all accepted, every connect issued at once"), QStringLiteral("s"),
                 optionalMedian(seconds[Kind::Reference]), optionalMedian(seconds[Kind::Window]),
                 optionalMedian(seconds[Kind::Headless]), QStringLiteral("<= 3x reference"),
                 appFailures == 0 && !ratios[Kind::Window].isEmpty() && !ratios[Kind::Headless].isEmpty()
                     && median(ratios[Kind::Window]) <= 3 && median(ratios[Kind::Headless]) <= 3,
                 QStringLiteral("window/reference %1x, headless/reference %2x")
                     .arg(median(ratios[Kind::Window]), 0, 'f', 2)
                     .arg(median(ratios[Kind::Headless]), 0, 'f', 2)};
    for (const Kind kind : AllKinds) {
        if (failures.value(kind))
            accepted.note += QStringLiteral(", %1: %2 failures").arg(BenchServer::kindName(kind)).arg(failures.value(kind));
    }
    record(accepted);
    const bool counted = !overflows[Kind::Window].isEmpty() && !overflows[Kind::Headless].isEmpty();
    record(Row{scenario, QStringLiteral("listen overflows during the load (TcpExt ListenOverflows), worst run"),
               QStringLiteral("times"), worst(overflows[Kind::Reference]), worst(overflows[Kind::Window]),
               worst(overflows[Kind::Headless]), QStringLiteral("0"),
               counted && *worst(overflows[Kind::Window]) == 0 && *worst(overflows[Kind::Headless]) == 0,
               counted ? QStringLiteral("system-wide counter; each run: reference %1; window %2; headless %3")
                             .arg(joined(overflows[Kind::Reference]), joined(overflows[Kind::Window]),
                                  joined(overflows[Kind::Headless]))
                       : QStringLiteral("/proc/net/netstat could not be read")});
    record(Row{scenario, QStringLiteral("listen drops during the load (TcpExt ListenDrops), worst run"),
               QStringLiteral("times"), worst(drops[Kind::Reference]), worst(drops[Kind::Window]),
               worst(drops[Kind::Headless]), QString(), std::nullopt,
               QStringLiteral("system-wide counter, overflows included")});
    recordWindowLag(scenario, lagP99, lagMax);
}

// Time per block of connections served, by the number open when the block ended, for one kind
// of server and one dispatcher: the median over the repeats.
struct CostGrowth
{
    QList<int> counts;                      // rows: open connections at the end of each block
    QStringList columns;                    // "reference", "window (qt)", ...
    QHash<QString, QHash<int, double>> ms;  // column -> count -> ms per block
};

std::optional<CostGrowth> g_costGrowth;

// `openCount` connections held at once, each served once before it counts (one byte echoed):
// how long until all are served, whether serving slows as connections pile up (time for the last
// block against the first), the window's lag, and the memory per connection. With `dispatchers`
// naming more than one, window and headless run under each (cost-growth) and the open-N rows
// come from the last of them.
void openMany(const Settings &settings, const QStringList &dispatchers)
{
    const int count = settings.openCount;
    const int block = settings.blockSize;
    say(QStringLiteral("open: %1 connections held at once, each served once, %2 connecting at a time, %3 repeats%4")
            .arg(count)
            .arg(settings.openConcurrency)
            .arg(settings.repeats)
            .arg(dispatchers.size() > 1
                     ? QStringLiteral(", network-thread dispatchers %1").arg(dispatchers.join(QLatin1String(", ")))
                     : QString()));
    // Runs by (kind, dispatcher); the reference has no dispatcher to vary.
    struct Runs
    {
        QList<double> served;
        QList<double> first;
        QList<double> last;
        QList<double> growth; // last / first
        QList<double> perConnection;
        QList<double> lagP99;
        QList<double> lagMax;
        QHash<int, QList<double>> blocks; // block end -> ms
        int failures = 0;
    };
    QHash<QString, Runs> runs;
    const auto key = [](Kind kind, const QString &dispatcher) {
        if (kind == Kind::Reference || dispatcher.isEmpty())
            return BenchServer::kindName(kind);
        return QStringLiteral("%1 (%2)").arg(BenchServer::kindName(kind), dispatcher);
    };
    const QStringList arguments{QStringLiteral("--count"), QString::number(count), QStringLiteral("--concurrency"),
                                QString::number(settings.openConcurrency), QStringLiteral("--send-byte"),
                                QStringLiteral("--expect"), QStringLiteral("echo"), QStringLiteral("--milestones"),
                                QString::number(block), QStringLiteral("--timeout-ms"), QStringLiteral("60000")};
    const auto measure = [&](Kind kind, const QString &dispatcher) {
        Runs &run = runs[key(kind, dispatcher)];
        const std::unique_ptr<BenchServer> server = startServer(settings, kind, Mode::Echo, count, dispatcher);
        if (!server) {
            ++run.failures;
            return;
        }
        QThread::msleep(300); // let start-up allocations settle before the baseline
        const qint64 rssBefore = server->residentKiB();
        if (kind != Kind::Reference)
            server->resetMeasurement();
        HoldLoad load;
        load.run(settings.binDir, server->port(), arguments, 600000);
        if (load.held != count) {
            say(QStringLiteral("  %1: served %2 of %3").arg(key(kind, dispatcher)).arg(load.held).arg(count));
            ++run.failures;
        }
        if (kind != Kind::Reference) {
            const QJsonObject stats = server->waitForStats(count, count, 60000);
            if (stats.value(QStringLiteral("open")).toInt() != count) {
                say(QStringLiteral("  %1: open %2 of %3")
                        .arg(key(kind, dispatcher))
                        .arg(stats.value(QStringLiteral("open")).toInt())
                        .arg(count));
                ++run.failures;
            }
            // The first figures written once all were served cover the whole load.
            noteLag(server->waitForStatsWrittenAfter(load.heldMs, 5000), run.lagP99, run.lagMax);
        }
        if (load.held == count) {
            run.served.append(load.seconds);
            const std::optional<double> first = load.blockMs(std::min(block, count), block);
            const std::optional<double> last = load.blockMs(count, block);
            if (first && last) {
                run.first.append(*first);
                run.last.append(*last);
                if (*first > 0)
                    run.growth.append(*last / *first);
            }
            for (int end = block; end <= count; end += block) {
                if (const std::optional<double> ms = load.blockMs(end, block))
                    run.blocks[end].append(*ms);
            }
        }
        QThread::msleep(2500); // the table settles and the burst's leftovers are handed back (a trim every 2 s at most): the steady cost is what counts
        run.perConnection.append(double(server->residentKiB() - rssBefore) / count);
        const QJsonObject result = load.finish();
        if (const int dropped = result.value(QStringLiteral("dropped")).toInt()) {
            say(QStringLiteral("  %1: the server closed %2 held connections").arg(key(kind, dispatcher)).arg(dropped));
            ++run.failures;
        }
        server->stop();
    };
    for (int repeat = 0; repeat < settings.repeats; ++repeat) {
        measure(Kind::Reference, QString());
        for (const QString &dispatcher : dispatchers) {
            measure(Kind::Window, dispatcher);
            measure(Kind::Headless, dispatcher);
        }
    }

    const QString scenario = QStringLiteral("open-%1").arg(count);
    const Runs &reference = runs[key(Kind::Reference, QString())];
    const Runs &window = runs[key(Kind::Window, dispatchers.constLast())];
    const Runs &headless = runs[key(Kind::Headless, dispatchers.constLast())];
    QString failed;
    for (const auto &[what, run] : {std::pair{QStringLiteral("reference"), &reference},
                                   std::pair{QStringLiteral("window"), &window},
                                   std::pair{QStringLiteral("headless"), &headless}}) {
        if (run->failures)
            failed += QStringLiteral(", %1: %2 failures").arg(what).arg(run->failures);
    }
    const QString blockText = QStringLiteral("%1 served").arg(block);
    record(Row{scenario, QStringLiteral("all served (client's view)"), QStringLiteral("s"),
               optionalMedian(reference.served), optionalMedian(window.served), optionalMedian(headless.served),
               QStringLiteral("all %1 served").arg(count),
               window.failures == 0 && headless.failures == 0 && window.served.size() == settings.repeats
                   && headless.served.size() == settings.repeats,
               dispatchers.constLast().isEmpty() ? failed.mid(2)
                                                 : QStringLiteral("%1 dispatcher").arg(dispatchers.constLast()) + failed});
    record(Row{scenario, QStringLiteral("first %1").arg(blockText), QStringLiteral("ms"),
               optionalMedian(reference.first), optionalMedian(window.first), optionalMedian(headless.first), QString(),
               std::nullopt, QString()});
    record(Row{scenario, QStringLiteral("last %1").arg(blockText), QStringLiteral("ms"),
               optionalMedian(reference.last), optionalMedian(window.last), optionalMedian(headless.last), QString(),
               std::nullopt, QString()});
    record(Row{scenario, QStringLiteral("last %1 / first %1").arg(block), QStringLiteral("x"),
               optionalMedian(reference.growth), optionalMedian(window.growth), optionalMedian(headless.growth),
               QStringLiteral("<= 1.5 with the window"), !window.growth.isEmpty() && median(window.growth) <= 1.5,
               QStringLiteral("window each run: %1").arg(joined(window.growth, 2))});
    recordWindowLag(scenario, window.lagP99, window.lagMax, QString(), window.failures);
    record(Row{scenario, QStringLiteral("RSS growth per open connection"), QStringLiteral("KiB"),
               optionalMedian(reference.perConnection), optionalMedian(window.perConnection),
               optionalMedian(headless.perConnection), QString(), std::nullopt,
               QStringLiteral("echo mode, each connection served once")});
    if (dispatchers.size() < 2)
        return;

    // Cost growth: the block ending at these counts of open connections, under each dispatcher.
    CostGrowth growth;
    for (const int at : {1000, 5000, 10000, 18000}) {
        if (at <= count && at % block == 0)
            growth.counts.append(at);
    }
    if (growth.counts.isEmpty() || growth.counts.constLast() != count)
        growth.counts.append(count);
    growth.columns.append(key(Kind::Reference, QString()));
    for (const Kind kind : {Kind::Window, Kind::Headless}) {
        for (const QString &dispatcher : dispatchers)
            growth.columns.append(key(kind, dispatcher));
    }
    for (const QString &column : std::as_const(growth.columns)) {
        for (const int at : std::as_const(growth.counts)) {
            const QList<double> values = runs[column].blocks.value(at);
            if (!values.isEmpty())
                growth.ms[column][at] = median(values);
        }
    }
    for (const QString &dispatcher : dispatchers) {
        const QString windowKey = key(Kind::Window, dispatcher);
        const QString headlessKey = key(Kind::Headless, dispatcher);
        for (const int at : std::as_const(growth.counts)) {
            const auto cell = [&](const QString &column) {
                return growth.ms[column].contains(at) ? std::optional<double>(growth.ms[column].value(at))
                                                      : std::nullopt;
            };
            const Runs &windowRuns = runs[windowKey];
            const Runs &headlessRuns = runs[headlessKey];
            QString note;
            // The whole load under this dispatcher, once, on its last row.
            if (at == count) {
                note = QStringLiteral("all served: window %1 s, headless %2 s; window lag p99 %3 ms, max %4 ms")
                           .arg(number(optionalMedian(windowRuns.served), 2), number(optionalMedian(headlessRuns.served), 2),
                                number(optionalMedian(windowRuns.lagP99)), number(optionalMedian(windowRuns.lagMax)));
            }
            if (const int failures = windowRuns.failures + headlessRuns.failures)
                note += QStringLiteral("%1%2 failures").arg(note.isEmpty() ? QString() : QStringLiteral(", ")).arg(failures);
            record(Row{QStringLiteral("cost-growth"),
                       QStringLiteral("ms per %1 served, block ending at %2 open, %3 dispatcher")
                           .arg(block)
                           .arg(at)
                           .arg(dispatcher),
                       QStringLiteral("ms"), cell(key(Kind::Reference, QString())), cell(windowKey), cell(headlessKey),
                       QString(), std::nullopt, note});
        }
    }
    g_costGrowth = growth;
}

// After a warm-up that fills every bounded history, churning many more must not grow memory.
void leak(const Settings &settings)
{
    say(QStringLiteral("leak: %1 warm-up connections, then %2").arg(settings.leakWarmup).arg(settings.leakCount));
    std::optional<double> growth[2];
    std::optional<double> after[2];
    QList<double> lagP99;
    QList<double> lagMax;
    bool ok = true;
    const QStringList churnArguments{QStringLiteral("--mode"), QStringLiteral("churn"), QStringLiteral("--concurrency"),
                                     QString::number(settings.concurrency), QStringLiteral("--send-byte"),
                                     QStringLiteral("--expect"), QStringLiteral("none")};
    for (const Kind kind : {Kind::Window, Kind::Headless}) {
        withServer(settings, kind, Mode::Hold, [&](BenchServer &server) {
            runLoad(settings.binDir, server.port(),
                    churnArguments + QStringList{QStringLiteral("--count"), QString::number(settings.leakWarmup)}, 600000);
            server.waitForStats(settings.leakWarmup, 0, 60000);
            QThread::msleep(1000);
            const qint64 before = server.residentKiB();
            if (kind == Kind::Window)
                server.resetMeasurement();
            const LoadResult load = runLoad(
                settings.binDir, server.port(),
                churnArguments + QStringList{QStringLiteral("--count"), QString::number(settings.leakCount)}, 1200000);
            const QJsonObject stats = server.waitForStats(settings.leakWarmup + settings.leakCount, 0, 120000);
            if (stats.value(QStringLiteral("accepted")).toInt() < settings.leakWarmup + settings.leakCount
                || load.exitCode != 0)
                ok = false;
            if (kind == Kind::Window)
                noteLag(stats, lagP99, lagMax);
            QThread::msleep(1000);
            const qint64 rss = server.residentKiB();
            const int index = kind == Kind::Window ? 0 : 1;
            growth[index] = (double(rss) / double(before) - 1.0) * 100.0;
            after[index] = double(rss) / 1024.0;
        });
    }
    const QString scenario = QStringLiteral("churn-%1").arg(settings.leakCount);
    record(Row{scenario, QStringLiteral("RSS growth after the churn"), QStringLiteral("%"), std::nullopt, growth[0],
               growth[1], QStringLiteral("<= 10%"),
               ok && growth[0].value_or(100) <= 10 && growth[1].value_or(100) <= 10,
               QStringLiteral("RSS after: window %1 MiB, headless %2 MiB").arg(number(after[0]), number(after[1]))});
    recordWindowLag(scenario, lagP99, lagMax);
}

void coldStart(const Settings &settings)
{
    say(QStringLiteral("cold start: %1 launches each").arg(settings.coldStarts));
    QList<double> headless;
    QList<double> window;
    for (int i = 0; i < settings.coldStarts; ++i) {
        for (const Kind kind : {Kind::Headless, Kind::Window}) {
            withServer(settings, kind, Mode::Hold, [&](BenchServer &server) {
                const QJsonObject stats = server.stats();
                if (kind == Kind::Headless)
                    headless.append(stats.value(QStringLiteral("listening_ms")).toDouble() - server.startedMs());
                else
                    window.append(std::max(stats.value(QStringLiteral("shown_ms")).toDouble(),
                                           stats.value(QStringLiteral("listening_ms")).toDouble())
                                  - server.startedMs());
            });
        }
    }
    record(Row{QStringLiteral("cold-start"), QStringLiteral("launch to listening (headless)"), QStringLiteral("ms"),
               std::nullopt, std::nullopt, median(headless), QStringLiteral("< 100 ms"), median(headless) < 100, QString()});
    record(Row{QStringLiteral("cold-start"), QStringLiteral("launch to window shown and listening"),
               QStringLiteral("ms"), std::nullopt, median(window), std::nullopt, QStringLiteral("< 500 ms"),
               median(window) < 500, QString()});
}

// Load generators run side by side, one per port given (a port may repeat): when the first
// started, when the last ended, and how many connections failed in all.
struct SplitLoad
{
    double startedMs = 0;
    double finishedMs = 0;
    int failed = 0;
    bool ran = true;
};

SplitLoad runSplitLoad(const QString &binDir, const QList<quint16> &ports, const QStringList &arguments, int timeoutMs)
{
    SplitLoad result;
    std::vector<std::unique_ptr<QProcess>> processes;
    result.startedMs = monotonicMs();
    for (const quint16 port : ports) {
        auto process = std::make_unique<QProcess>();
        process->setProgram(binDir + QStringLiteral("/socketlab-loadgen"));
        process->setArguments(QStringList{QStringLiteral("--port"), QString::number(port)} + arguments);
        process->start();
        processes.push_back(std::move(process));
    }
    for (const auto &process : processes) {
        if (!process->waitForFinished(timeoutMs) || process->exitStatus() != QProcess::NormalExit) {
            process->kill();
            process->waitForFinished(5000);
            result.ran = false;
            continue;
        }
        const QList<QByteArray> lines = process->readAllStandardOutput().trimmed().split('\n');
        result.failed += QJsonDocument::fromJson(lines.constLast()).object().value(QStringLiteral("failed")).toInt();
    }
    result.finishedMs = monotonicMs();
    return result;
}

// The hold-churn load in two halves, side by side: both on one listener, then each half on a
// listener of its own in the same process (one network thread for both). What a second listener
// and the merging of their batches cost; headless, since the window has one listener.
void twoListeners(const Settings &settings)
{
    const int half = settings.churnCount / 2;
    say(QStringLiteral("two-listeners: 2 x %1 connections, %2 at a time each, %3 repeats")
            .arg(half).arg(settings.concurrency / 2).arg(settings.repeats));
    const QStringList load{QStringLiteral("--mode"), QStringLiteral("churn"), QStringLiteral("--count"),
                           QString::number(half), QStringLiteral("--concurrency"),
                           QString::number(std::max(1, settings.concurrency / 2)), QStringLiteral("--send-byte"),
                           QStringLiteral("--expect"), QStringLiteral("none")};
    QHash<int, QList<double>> rates; // by number of listeners
    QHash<int, QList<double>> lagP99;
    QList<double> ratios;
    int failures = 0;
    for (int repeat = 0; repeat < settings.repeats; ++repeat) {
        QHash<int, double> rate;
        for (const int listeners : {1, 2}) {
            BenchServer server(Kind::Headless, Mode::Hold, settings.binDir, settings.app);
            server.setListeners(listeners);
            if (!server.start()) {
                say(QStringLiteral("  headless with %1 listeners: %2").arg(listeners).arg(server.error()));
                ++failures;
                continue;
            }
            server.resetMeasurement();
            const QList<quint16> ports = listeners == 1 ? QList<quint16>{server.port(), server.port()} : server.ports();
            const SplitLoad result = runSplitLoad(settings.binDir, ports, load, 600000);
            const QJsonObject stats = server.waitForStats(2 * half, 0, 60000);
            if (!result.ran || stats.value(QStringLiteral("accepted")).toInt() < 2 * half) {
                say(QStringLiteral("  %1 listener(s): accepted %2 of %3")
                        .arg(listeners).arg(stats.value(QStringLiteral("accepted")).toInt()).arg(2 * half));
                ++failures;
            }
            failures += result.failed;
            const double end = std::max(result.finishedMs, stats.value(QStringLiteral("last_accept_ms")).toDouble());
            rate[listeners] = 2 * half / ((end - result.startedMs) / 1000.0);
            rates[listeners].append(rate[listeners]);
            lagP99[listeners].append(stats.value(QStringLiteral("lag_p99_ms")).toDouble());
            server.stop();
        }
        if (rate.value(1) > 0 && rate.value(2) > 0)
            ratios.append(rate.value(2) / rate.value(1));
    }
    record(Row{QStringLiteral("two-listeners"), QStringLiteral("hold churn on one listener, headless"),
               QStringLiteral("conn/s"), std::nullopt, std::nullopt, median(rates[1]), QString(), std::nullopt,
               QStringLiteral("lag p99 %1 ms").arg(median(lagP99[1]), 0, 'f', 1)});
    record(Row{QStringLiteral("two-listeners"), QStringLiteral("the same load split over two listeners, headless"),
               QStringLiteral("conn/s"), std::nullopt, std::nullopt, median(rates[2]),
               QStringLiteral(">= 90% of one listener"), failures == 0 && !ratios.isEmpty() && median(ratios) >= 0.9,
               QStringLiteral("two/one %1%, lag p99 %2 ms")
                   .arg(median(ratios) * 100, 0, 'f', 0)
                   .arg(median(lagP99[2]), 0, 'f', 1)});
}

// Backlog 5 and a client that connects again as soon as a connect returns, closing each
// connection or keeping them all. A server slow to accept shows as connects that stall for a
// second: the queue was full, the kernel dropped the SYN and the client sent it again.
void sequential(const Settings &settings)
{
    constexpr int Backlog = 5;
    // The client gets a CPU of its own and the server the others. Woken on the client's CPU, a
    // server waits until the client blocks, on a SYN dropped for a full queue: any server stalls
    // then, the reference as much as the app (27 to 33 of 200 on the machine in BENCHMARKS.md,
    // whose kernel puts them together often). Where the scheduler puts a thread is not what is
    // measured here.
    QList<int> serverCpus = allowedCpus();
    QList<int> clientCpus;
    if (serverCpus.size() >= 2)
        clientCpus.append(serverCpus.takeLast());
    else
        serverCpus.clear();
    say(QStringLiteral("sequential: backlog %1, %2 connects one after another, %3 repeats, %4")
            .arg(Backlog)
            .arg(settings.sequentialCount)
            .arg(settings.repeats)
            .arg(clientCpus.isEmpty() ? QStringLiteral("client and server on one CPU")
                                      : QStringLiteral("client on CPU %1").arg(clientCpus.constFirst())));
    for (const bool keep : {false, true}) {
        QHash<Kind, QList<double>> stalled;
        QList<double> lagP99;
        QList<double> lagMax;
        int failures = 0;
        for (int repeat = 0; repeat < settings.repeats; ++repeat) {
            for (const Kind kind : AllKinds) {
                withServer(
                    settings, kind, Mode::Hold,
                    [&](BenchServer &server) {
                        QStringList arguments{QStringLiteral("--mode"), QStringLiteral("sequential"),
                                              QStringLiteral("--count"), QString::number(settings.sequentialCount)};
                        if (keep)
                            arguments.append(QStringLiteral("--keep"));
                        if (kind == Kind::Window)
                            server.resetMeasurement();
                        // Each stall costs a second; a run with every connect stalled still ends.
                        const LoadResult load = runLoad(settings.binDir, server.port(), arguments,
                                                        (settings.sequentialCount + 60) * 1100, clientCpus);
                        if (kind == Kind::Window && load.ran)
                            noteLag(server.waitForStatsWrittenAfter(load.finishedMs, 5000), lagP99, lagMax);
                        if (!load.ran || load.exitCode != 0 || load.figures.isEmpty()) {
                            say(QStringLiteral("  %1: load failed: %2").arg(BenchServer::kindName(kind), load.errorText));
                            ++failures;
                            return;
                        }
                        stalled[kind].append(load.figures.value(QStringLiteral("stalled")).toDouble());
                    },
                    Backlog, serverCpus);
            }
        }
        const double reference = median(stalled[Kind::Reference]);
        const auto meets = [&](Kind kind) {
            return !stalled[kind].isEmpty() && median(stalled[kind]) <= reference + 2;
        };
        Row row{QStringLiteral("sequential"),
                QStringLiteral("backlog %1, %2 sequential connects, %3: stalled connects")
                    .arg(Backlog)
                    .arg(settings.sequentialCount)
                    .arg(keep ? QStringLiteral("all kept open") : QStringLiteral("each closed")),
                QStringLiteral("connects"),
                reference,
                median(stalled[Kind::Window]),
                median(stalled[Kind::Headless]),
                QStringLiteral("<= reference + 2"),
                failures == 0 && !stalled[Kind::Reference].isEmpty() && meets(Kind::Window) && meets(Kind::Headless),
                QStringLiteral("each run: reference %1; window %2; headless %3")
                    .arg(joined(stalled[Kind::Reference]), joined(stalled[Kind::Window]),
                         joined(stalled[Kind::Headless]))};
        if (failures)
            row.note += QStringLiteral(", %1 failures").arg(failures);
        record(row);
        recordWindowLag(QStringLiteral("sequential"), lagP99, lagMax,
                        keep ? QStringLiteral("all kept open") : QStringLiteral("each closed"));
    }
}

// ---------------------------------------------------------------------------------------------
// TLS

// A port nobody listens on now, for a server that cannot report the one it was given.
quint16 freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    quint16 port = 0;
    if (fd >= 0 && ::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    if (fd >= 0)
        ::close(fd);
    return port;
}

// True once something accepts TCP connections on `port`; the probe is one connection, closed.
bool waitUntilListening(quint16 port, int timeoutMs)
{
    const double deadline = monotonicMs() + timeoutMs;
    while (monotonicMs() < deadline) {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = htons(port);
        const bool connected = fd >= 0 && ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0;
        if (fd >= 0)
            ::close(fd);
        if (connected)
            return true;
        QThread::msleep(20);
    }
    return false;
}

// The self-signed pair Socket Lab made under `dataDir` (SelfSignedStore's file names).
QStringList selfSignedPair(const QString &dataDir)
{
    const QString folder = dataDir + QStringLiteral("/SocketLab/socketlab/tls/");
    const QString certificate = folder + QStringLiteral("self-signed-certificate.pem");
    const QString key = folder + QStringLiteral("self-signed-key.pem");
    if (!QFileInfo::exists(certificate) || !QFileInfo::exists(key))
        return {};
    return {certificate, key};
}

// `count` full TLS handshakes (or plain connects with tls false), `concurrency` at a time, from
// the load generator; 0 when the run failed. `failures` counts what went wrong.
double handshakeRate(const Settings &settings, quint16 port, bool tls, int count, int concurrency, int *failures,
                     const BenchServer *server = nullptr)
{
    QStringList arguments{QStringLiteral("--mode"), QStringLiteral("churn"), QStringLiteral("--count"),
                          QString::number(count), QStringLiteral("--concurrency"), QString::number(concurrency)};
    if (tls)
        arguments.append(QStringLiteral("--tls"));
    const LoadResult load = runLoad(settings.binDir, port, arguments, 600000);
    if (!load.ran || load.exitCode != 0 || load.figures.isEmpty()) {
        say(QStringLiteral("  load failed: %1").arg(load.errorText));
        ++*failures;
        return 0;
    }
    double end = load.finishedMs;
    if (server) {
        // Done when the app has accepted every one, not when the client is.
        const QJsonObject stats = server->waitForStats(count, -1, 60000);
        if (stats.value(QStringLiteral("accepted")).toInt() < count) {
            say(QStringLiteral("  accepted only %1 of %2").arg(stats.value(QStringLiteral("accepted")).toInt()).arg(count));
            ++*failures;
        }
        end = std::max(end, stats.value(QStringLiteral("last_accept_ms")).toDouble());
    }
    return count / ((end - load.startedMs) / 1000.0);
}

// One run against Socket Lab headless in echo mode: TLS with the shared self-signed pair, or plain.
double socketLabRate(const Settings &settings, bool tls, int count, int concurrency, int *failures)
{
    BenchServer server(Kind::Headless, Mode::Echo, settings.binDir, settings.app);
    if (tls)
        server.setTls(settings.tlsDataDir);
    if (!server.start()) {
        say(QStringLiteral("  headless%1: %2").arg(tls ? QStringLiteral(" TLS") : QString(), server.error()));
        ++*failures;
        return 0;
    }
    const double rate = handshakeRate(settings, server.port(), tls, count, concurrency, failures, &server);
    server.stop();
    return rate;
}

// One run against `openssl s_server`, which serves one connection at a time and exits after
// -naccept of them; std::nullopt when there is no openssl or no certificate to give it.
std::optional<double> openSslRate(const Settings &settings, int count, int concurrency, int *failures)
{
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    const QStringList pair = selfSignedPair(settings.tlsDataDir);
    if (openssl.isEmpty() || pair.isEmpty())
        return std::nullopt;
    const quint16 port = freePort();
    QProcess server;
    server.setStandardInputFile(QProcess::nullDevice());
    server.setStandardOutputFile(QProcess::nullDevice());
    server.setStandardErrorFile(QProcess::nullDevice());
    // -quiet prints nothing per connection; +1 for the probe that tells it listens.
    server.start(openssl, {QStringLiteral("s_server"), QStringLiteral("-accept"),
                           QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("-cert"), pair.at(0),
                           QStringLiteral("-key"), pair.at(1), QStringLiteral("-naccept"), QString::number(count + 1),
                           QStringLiteral("-quiet")});
    if (!server.waitForStarted(10000) || !waitUntilListening(port, 10000)) {
        say(QStringLiteral("  openssl s_server did not start"));
        ++*failures;
        server.kill();
        server.waitForFinished(5000);
        return std::nullopt;
    }
    const double rate = handshakeRate(settings, port, true, count, concurrency, failures);
    server.kill();
    server.waitForFinished(5000);
    return rate;
}

// Full TLS handshakes per second (no resumption), each connection closed after its handshake:
// Socket Lab headless with TLS, the same load as plain connects on Socket Lab, and openssl
// s_server with the same certificate; s_server serves one connection at a time, so it is also
// measured like for like with one client connection at a time on both sides.
void tlsHandshakes(const Settings &settings)
{
    say(QStringLiteral("tls-handshakes: %1 full handshakes, %2 at a time, and %3 one at a time, %4 repeats")
            .arg(settings.tlsCount).arg(settings.tlsConcurrency).arg(settings.tlsSerialCount).arg(settings.repeats));
    QList<double> tls;
    QList<double> plain;
    QList<double> openssl;
    QList<double> tlsSerial;
    QList<double> opensslSerial;
    int failures = 0;
    for (int repeat = 0; repeat < settings.repeats; ++repeat) {
        tls.append(socketLabRate(settings, true, settings.tlsCount, settings.tlsConcurrency, &failures));
        plain.append(socketLabRate(settings, false, settings.tlsCount, settings.tlsConcurrency, &failures));
        if (const auto rate = openSslRate(settings, settings.tlsCount, settings.tlsConcurrency, &failures))
            openssl.append(*rate);
        tlsSerial.append(socketLabRate(settings, true, settings.tlsSerialCount, 1, &failures));
        if (const auto rate = openSslRate(settings, settings.tlsSerialCount, 1, &failures))
            opensslSerial.append(*rate);
    }
    QString note = QStringLiteral("reference: openssl s_server, one connection at a time; TLS/plain %1%")
                       .arg(median(tls) / std::max(1.0, median(plain)) * 100, 0, 'f', 0);
    if (failures)
        note += QStringLiteral(", %1 failures").arg(failures);
    record(Row{QStringLiteral("tls-handshakes"),
               QStringLiteral("full handshakes, %1 at a time").arg(settings.tlsConcurrency), QStringLiteral("conn/s"),
               optionalMedian(openssl), std::nullopt, median(tls), QString(), std::nullopt, note});
    record(Row{QStringLiteral("tls-handshakes"),
               QStringLiteral("plain connect and close, %1 at a time").arg(settings.tlsConcurrency),
               QStringLiteral("conn/s"), std::nullopt, std::nullopt, median(plain), QString(), std::nullopt, QString()});
    record(Row{QStringLiteral("tls-handshakes"), QStringLiteral("full handshakes, one at a time"),
               QStringLiteral("conn/s"), optionalMedian(opensslSerial), std::nullopt, median(tlsSerial), QString(),
               std::nullopt, QStringLiteral("like for like with openssl s_server")});
}

// One connection through Socket Lab's echo, headless: plain and TLS, back to back in each repeat.
// openssl s_server has no echo (-rev reverses lines), so there is no reference here.
void tlsStream(const Settings &settings)
{
    say(QStringLiteral("tls-echo-stream: %1 MiB through one connection, plain and TLS, %2 repeats")
            .arg(settings.tlsStreamMiB).arg(settings.repeats));
    QHash<bool, QList<double>> speeds;
    QList<double> ratios;
    int failures = 0;
    for (int repeat = 0; repeat < settings.repeats; ++repeat) {
        QHash<bool, double> speed;
        for (const bool tls : {false, true}) {
            BenchServer server(Kind::Headless, Mode::Echo, settings.binDir, settings.app);
            if (tls)
                server.setTls(settings.tlsDataDir);
            if (!server.start()) {
                say(QStringLiteral("  headless: %1").arg(server.error()));
                ++failures;
                continue;
            }
            QStringList arguments{QStringLiteral("--mode"), QStringLiteral("stream"), QStringLiteral("--megabytes"),
                                  QString::number(settings.tlsStreamMiB)};
            if (tls)
                arguments.append(QStringLiteral("--tls"));
            const LoadResult load = runLoad(settings.binDir, server.port(), arguments, 600000);
            server.stop();
            if (!load.ran || load.exitCode != 0 || !load.figures.value(QStringLiteral("verified")).toBool()) {
                say(QStringLiteral("  %1: stream failed or not verified: %2")
                        .arg(tls ? QStringLiteral("TLS") : QStringLiteral("plain"), load.errorText));
                ++failures;
                continue;
            }
            speed[tls] = load.figures.value(QStringLiteral("mib_per_s")).toDouble();
            speeds[tls].append(speed[tls]);
        }
        if (speed.value(false) > 0 && speed.value(true) > 0)
            ratios.append(speed.value(true) / speed.value(false));
    }
    record(Row{QStringLiteral("tls-echo-stream"), QStringLiteral("plain, every byte verified"),
               QStringLiteral("MiB/s"), std::nullopt, std::nullopt, median(speeds[false]), QString(), std::nullopt,
               QStringLiteral("no reference: openssl s_server cannot echo")});
    Row row{QStringLiteral("tls-echo-stream"), QStringLiteral("TLS, every byte verified"), QStringLiteral("MiB/s"),
            std::nullopt, std::nullopt, median(speeds[true]), QStringLiteral(">= 50% of plain"),
            failures == 0 && !ratios.isEmpty() && median(ratios) >= 0.5,
            QStringLiteral("TLS/plain %1%").arg(median(ratios) * 100, 0, 'f', 0)};
    if (failures)
        row.note += QStringLiteral(", %1 failures").arg(failures);
    record(row);
}

// 1,000 TLS handshakes at once against the window, listening on tls:// with its self-signed
// certificate: until every handshake is done, and the window's event-loop lag.
void tlsWindow(const Settings &settings)
{
    say(QStringLiteral("tls-window: %1 handshakes at once against the window, %2 repeats")
            .arg(settings.tlsWindowCount).arg(settings.repeats));
    QList<double> seconds;
    QList<double> p99;
    QList<double> maxLag;
    int failures = 0;
    for (int repeat = 0; repeat < settings.repeats; ++repeat) {
        BenchServer server(Kind::Window, Mode::Echo, settings.binDir, settings.app);
        server.setTls(settings.tlsDataDir);
        if (!server.start()) {
            say(QStringLiteral("  window: %1").arg(server.error()));
            ++failures;
            continue;
        }
        server.resetMeasurement();
        const LoadResult load =
            runLoad(settings.binDir, server.port(),
                    {QStringLiteral("--mode"), QStringLiteral("churn"), QStringLiteral("--tls"), QStringLiteral("--count"),
                     QString::number(settings.tlsWindowCount), QStringLiteral("--concurrency"),
                     QString::number(settings.tlsWindowCount), QStringLiteral("--timeout-ms"), QStringLiteral("60000")},
                    600000);
        if (!load.ran || load.exitCode != 0 || load.figures.isEmpty()) {
            say(QStringLiteral("  load failed: %1").arg(load.errorText));
            ++failures;
        } else {
            seconds.append(load.figures.value(QStringLiteral("seconds")).toDouble());
        }
        server.waitForStats(settings.tlsWindowCount, -1, 60000);
        // The first figures written after the load ended cover all of it.
        noteLag(server.waitForStatsWrittenAfter(monotonicMs(), 5000), p99, maxLag);
        server.stop();
    }
    const QString scenario = QStringLiteral("tls-window-%1").arg(settings.tlsWindowCount);
    record(Row{scenario, QStringLiteral("all handshakes done (client's view)"), QStringLiteral("s"), std::nullopt,
               median(seconds), std::nullopt, QString(), std::nullopt,
               failures ? QStringLiteral("%1 failures").arg(failures) : QString()});
    recordWindowLag(scenario, p99, maxLag, QString(), failures);
}

// The 10,000-row table measured by socketlab-bench-table, folded into this report.
void table(const Settings &settings)
{
    const QString program = settings.binDir + QStringLiteral("/socketlab-bench-table");
    if (!QFileInfo::exists(program)) {
        say(QStringLiteral("table: %1 is not built").arg(program));
        return;
    }
    say(QStringLiteral("table: sorting, filtering and scrolling 10,000 rows"));
    QProcess process;
    if (!QProcessEnvironment::systemEnvironment().contains(QStringLiteral("QT_QPA_PLATFORM"))) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process.setProcessEnvironment(environment);
    }
    process.start(program, {QStringLiteral("--json")});
    process.waitForFinished(600000);
    const QJsonObject figures = QJsonDocument::fromJson(process.readAllStandardOutput().trimmed().split('\n').constLast()).object();
    if (figures.isEmpty()) {
        say(QStringLiteral("table: no figures"));
        return;
    }
    const auto add = [&](const QString &metric, const QString &key, double limit) {
        const double value = figures.value(key).toDouble(-1);
        if (value < 0)
            return;
        record(Row{QStringLiteral("table-10000"), metric, QStringLiteral("ms"), std::nullopt, value, std::nullopt,
                   QStringLiteral("< %1 ms").arg(limit), value < limit, QString()});
    };
    add(QStringLiteral("sort, worst column (median)"), QStringLiteral("sort_median_ms"), 100);
    add(QStringLiteral("sort, worst case (max)"), QStringLiteral("sort_max_ms"), 100);
    add(QStringLiteral("filter (median)"), QStringLiteral("filter_median_ms"), 100);
    add(QStringLiteral("filter (max)"), QStringLiteral("filter_max_ms"), 100);
    add(QStringLiteral("scroll a page, repaint (p99)"), QStringLiteral("scroll_p99_ms"), 16);
}

void printTable()
{
    std::printf("\n| Scenario | Metric | Reference | Window | Headless | Target | Met | Note |\n");
    std::printf("|---|---|---:|---:|---:|---|---|---|\n");
    for (const Row &row : std::as_const(g_rows)) {
        int decimals = 2;
        if (row.unit == QStringLiteral("conn/s") || row.unit == QStringLiteral("MiB/s"))
            decimals = 0;
        else if (row.unit == QStringLiteral("connects"))
            decimals = 1;
        else if (row.unit == QStringLiteral("times"))
            decimals = 0;
        const QString unit = QLatin1Char(' ') + row.unit;
        const auto cell = [&](std::optional<double> value) {
            return value ? number(value, decimals) + unit : QStringLiteral("-");
        };
        std::printf("| %s | %s | %s | %s | %s | %s | %s | %s |\n", qPrintable(row.scenario), qPrintable(row.metric),
                    qPrintable(cell(row.reference)), qPrintable(cell(row.window)), qPrintable(cell(row.headless)),
                    qPrintable(row.target), row.met ? (*row.met ? "yes" : "**no**") : "", qPrintable(row.note));
    }
    std::fflush(stdout);
}

// The cost-growth figures once more, one column per server and dispatcher, to read across.
void printCostGrowth()
{
    if (!g_costGrowth)
        return;
    const CostGrowth &growth = *g_costGrowth;
    std::printf("\nCost growth: ms per block of connections served, by connections open at its end\n\n| Open |");
    for (const QString &column : growth.columns)
        std::printf(" %s |", qPrintable(column));
    std::printf("\n|---:|");
    for (qsizetype i = 0; i < growth.columns.size(); ++i)
        std::printf("---:|");
    std::printf("\n");
    for (const int at : growth.counts) {
        std::printf("| %d |", at);
        for (const QString &column : growth.columns) {
            const QHash<int, double> &values = growth.ms[column];
            std::printf(" %s |", values.contains(at) ? qPrintable(QString::number(values.value(at), 'f', 1)) : "-");
        }
        std::printf("\n");
    }
    std::fflush(stdout);
}

QString machine()
{
    QString memory;
    QFile meminfo(QStringLiteral("/proc/meminfo"));
    if (meminfo.open(QIODevice::ReadOnly))
        memory = QString::fromLatin1(meminfo.readLine()).simplified();
    QString cpu;
    QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
    if (cpuinfo.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : cpuinfo.readAll().split('\n')) {
            if (line.startsWith("model name")) {
                cpu = QString::fromLatin1(line).section(QLatin1Char(':'), 1).trimmed();
                break;
            }
        }
    }
    return QStringLiteral("%1 cores (%2), %3, %4").arg(QThread::idealThreadCount()).arg(cpu, memory,
                                                                                       QSysInfo::prettyProductName());
}

void raiseFileLimit()
{
    rlimit limit = {};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("socketlab-bench"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Benchmarks Socket Lab against a reference epoll server."));
    parser.addHelpOption();
    const QCommandLineOption appOption(QStringLiteral("app"), QStringLiteral("The socketlab binary."), QStringLiteral("PATH"));
    const QCommandLineOption quickOption(QStringLiteral("quick"), QStringLiteral("Small counts and one repeat: a smoke run."));
    const QCommandLineOption repeatsOption(QStringLiteral("repeats"), QStringLiteral("Repeats per load (default 3)."), QStringLiteral("N"));
    const QCommandLineOption onlyOption(QStringLiteral("only"),
                                        QStringLiteral("Run only these scenarios: accept-close, hold-churn, echo-stream, forward-stream, "
                                                       "two-listeners, hold, ramp, open-18000, cost-growth, leak, cold-start, "
                                                       "sequential, table, tls-handshakes, tls-echo-stream, tls-window "
                                                       "(comma separated). cost-growth runs open-18000 under Qt's "
                                                       "dispatcher and the app's epoll one."),
                                        QStringLiteral("LIST"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Also write every figure to FILE."), QStringLiteral("FILE"));
    parser.addOptions({appOption, quickOption, repeatsOption, onlyOption, jsonOption});
    parser.process(application);

    Settings settings;
    settings.binDir = QCoreApplication::applicationDirPath();
    settings.app = parser.isSet(appOption) ? parser.value(appOption) : settings.binDir + QStringLiteral("/../socketlab");
    if (parser.isSet(quickOption)) {
        settings.repeats = 1;
        settings.churnCount = 2000;
        settings.streamMiB = 64;
        settings.holdCount = 1000;
        settings.leakWarmup = 1000;
        settings.leakCount = 5000;
        settings.coldStarts = 3;
        settings.tlsCount = 500;
        settings.tlsSerialCount = 100;
        settings.tlsStreamMiB = 32;
        settings.rampCount = 1000;
        settings.openCount = 2000;
    }
    if (parser.isSet(repeatsOption))
        settings.repeats = std::max(1, parser.value(repeatsOption).toInt());
    if (parser.isSet(onlyOption))
        settings.only = parser.value(onlyOption).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (!QFileInfo(settings.app).isExecutable()) {
        std::fprintf(stderr, "socketlab-bench: no socketlab binary at %s (use --app)\n", qPrintable(settings.app));
        return 2;
    }
    raiseFileLimit();
    say(QStringLiteral("Machine: %1").arg(machine()));

    if (wanted(settings, QStringLiteral("accept-close")))
        churn(settings, QStringLiteral("accept-close"), Mode::Close,
              {QStringLiteral("--expect"), QStringLiteral("close")}, 0.5, QStringLiteral(">= 50% of reference"));
    if (wanted(settings, QStringLiteral("hold-churn")))
        churn(settings, QStringLiteral("hold-churn"), Mode::Hold,
              {QStringLiteral("--send-byte"), QStringLiteral("--expect"), QStringLiteral("none")}, 0.8,
              QStringLiteral(">= 80% of reference"));
    if (wanted(settings, QStringLiteral("echo-stream")))
        echoStream(settings);
    if (wanted(settings, QStringLiteral("forward-stream")))
        forwardStream(settings);
    if (wanted(settings, QStringLiteral("two-listeners")))
        twoListeners(settings);
    if (wanted(settings, QStringLiteral("hold")))
        holdMany(settings);
    if (wanted(settings, QStringLiteral("ramp")))
        ramp(settings);
    // cost-growth holds open-18000's runs with the epoll dispatcher: one set of runs serves both.
    if (wanted(settings, QStringLiteral("cost-growth")))
        openMany(settings, {QStringLiteral("qt"), QStringLiteral("epoll")});
    else if (wanted(settings, QStringLiteral("open-18000")))
        openMany(settings, {QString()});
    if (wanted(settings, QStringLiteral("leak")))
        leak(settings);
    if (wanted(settings, QStringLiteral("cold-start")))
        coldStart(settings);
    if (wanted(settings, QStringLiteral("sequential")))
        sequential(settings);
    if (wanted(settings, QStringLiteral("table")))
        table(settings);
    QTemporaryDir tlsData;
    settings.tlsDataDir = tlsData.path();
    if (wanted(settings, QStringLiteral("tls-handshakes")))
        tlsHandshakes(settings);
    if (wanted(settings, QStringLiteral("tls-echo-stream")))
        tlsStream(settings);
    if (wanted(settings, QStringLiteral("tls-window")))
        tlsWindow(settings);

    std::printf("Machine: %s\n", qPrintable(machine()));
    printTable();
    printCostGrowth();
    if (parser.isSet(jsonOption)) {
        QFile file(parser.value(jsonOption));
        if (file.open(QIODevice::WriteOnly))
            file.write(QJsonDocument(g_json).toJson());
    }
    const bool allMet = std::all_of(g_rows.cbegin(), g_rows.cend(), [](const Row &row) { return row.met.value_or(true); });
    return allMet ? 0 : 1;
}
