#include "commandline.h"

#include "endpoint.h"
#include "settings.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <cstring>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("CommandLine", text);
}

} // namespace

CommandLine::Result CommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Socket Lab: build, start and watch a TCP server live."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption listenOption(
        QStringLiteral("listen"),
        tr("Start listening at launch on HOST:PORT (127.0.0.1:9000, [::1]:9000, localhost:0 for any free port)."),
        tr("HOST:PORT"));
    const QCommandLineOption backlogOption(
        QStringLiteral("backlog"),
        tr("Length of the kernel's accept queue, as in listen(N) (default 5)."), tr("N"));
    const QCommandLineOption headlessOption(
        QStringLiteral("headless"),
        tr("Run without a window and print the event log to stdout until SIGINT or SIGTERM. "
           "Listens on --listen, or on 127.0.0.1:9000."));
    const QCommandLineOption modeOption(
        QStringLiteral("mode"),
        tr("How the server treats connections: hold (read and record, the default), echo, discard, "
           "greeting, or close (accept and close at once)."),
        tr("MODE"));
    const QCommandLineOption statsOption(
        QStringLiteral("stats-file"),
        tr("Keep figures for benchmarks in FILE as JSON, rewritten five times a second and at exit: "
           "accepted, open, peak open, bytes, event-loop lag, memory. SIGUSR1 starts a new "
           "measurement of lag and peak open."),
        tr("FILE"));
    parser.addOption(listenOption);
    parser.addOption(backlogOption);
    parser.addOption(modeOption);
    parser.addOption(headlessOption);
    parser.addOption(statsOption);

    Result result;
    const auto usageError = [&](const QString &message) {
        result.outcome = Outcome::BadUsage;
        result.message = message + QLatin1Char('\n')
            + tr("Try '%1 --help' for the options.").arg(QCoreApplication::applicationName());
        return result;
    };

    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(helpOption) || parser.isSet(QStringLiteral("help-all"))) {
        result.outcome = Outcome::Exit;
        result.message = parser.helpText();
        return result;
    }
    if (parser.isSet(versionOption)) {
        result.outcome = Outcome::Exit;
        result.message = QCoreApplication::applicationName() + QLatin1Char(' ')
            + QCoreApplication::applicationVersion() + QLatin1Char('\n');
        return result;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(tr("Unexpected argument: %1").arg(parser.positionalArguments().constFirst()));

    CommandLineOptions &options = result.options;
    options.headless = parser.isSet(headlessOption);
    for (const QCommandLineOption *option : {&listenOption, &backlogOption, &modeOption, &statsOption}) {
        if (parser.values(*option).size() > 1)
            return usageError(tr("Give --%1 at most once").arg(option->names().constFirst()));
    }
    if (parser.isSet(listenOption)) {
        const Endpoint::HostPortResult endpoint = Endpoint::parseHostPort(parser.value(listenOption));
        if (!endpoint.error.isEmpty())
            return usageError(tr("Bad --listen value: %1").arg(endpoint.error));
        options.listen = true;
        options.address = endpoint.address;
        options.port = endpoint.port;
    }
    if (parser.isSet(backlogOption)) {
        const QString text = parser.value(backlogOption).trimmed();
        const bool digitsOnly = !text.isEmpty() && std::all_of(text.cbegin(), text.cend(), [](QChar c) {
            return c >= QLatin1Char('0') && c <= QLatin1Char('9');
        });
        bool ok = false;
        const int backlog = digitsOnly ? text.toInt(&ok) : 0;
        if (!ok || backlog < 1 || backlog > Settings::MaxBacklog)
            return usageError(tr("Bad --backlog value \"%1\": expected a whole number from 1 to %2")
                                  .arg(text)
                                  .arg(Settings::MaxBacklog));
        options.backlog = backlog;
        options.backlogGiven = true;
    }
    if (parser.isSet(modeOption)) {
        const QString text = parser.value(modeOption).trimmed().toLower();
        const std::optional<ServerMode> mode = serverModeFromName(text);
        if (!mode)
            return usageError(tr("Bad --mode value \"%1\": expected hold, echo, discard, greeting or close")
                                  .arg(parser.value(modeOption)));
        options.mode = *mode;
        options.modeGiven = true;
    }
    if (parser.isSet(statsOption)) {
        options.statsFile = parser.value(statsOption);
        if (options.statsFile.trimmed().isEmpty())
            return usageError(tr("Bad --stats-file value: give a file name"));
        // Found now, a bad path is one clear line; found by the first write, it would be a
        // run whose figures silently go nowhere.
        const QFileInfo file(options.statsFile);
        const QFileInfo folder(file.absolutePath());
        if (file.isDir())
            return usageError(tr("Bad --stats-file value \"%1\": that is a folder; give a file name")
                                  .arg(options.statsFile));
        if (!folder.isDir())
            return usageError(tr("Bad --stats-file value \"%1\": %2 is not an existing folder")
                                  .arg(options.statsFile, QDir::toNativeSeparators(folder.filePath())));
        if (!folder.isWritable() || (file.exists() && !file.isWritable()))
            return usageError(tr("Bad --stats-file value \"%1\": cannot write there").arg(options.statsFile));
    }
    return result;
}

bool CommandLine::wantsHeadless(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--headless") == 0)
            return true;
    }
    return false;
}
