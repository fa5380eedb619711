#include "commandline.h"
#include "descriptorlimit.h"
#include "headlessrunner.h"
#include "mainwindow.h"
#include "signalwatcher.h"
#include "statsreporter.h"
#include "translations.h"

#include <QApplication>
#include <QCoreApplication>
#include <QEvent>

#include <cstdio>
#include <memory>

namespace {

void setApplicationInfo()
{
    QCoreApplication::setOrganizationName(QStringLiteral("SocketLab"));
    QCoreApplication::setApplicationName(QStringLiteral("socketlab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
}

// Tells the stats reporter when the window's first frame is painted.
class FirstPaintWatcher final : public QObject
{
public:
    explicit FirstPaintWatcher(StatsReporter *stats)
        : QObject(stats)
        , m_stats(stats)
    {
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            m_stats->markShown();
            watched->removeEventFilter(this);
        }
        return false;
    }

private:
    StatsReporter *m_stats;
};

// The window needs a display; without one Qt would abort in QApplication's constructor.
bool displayAvailable()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    return qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || !qEnvironmentVariableIsEmpty("DISPLAY")
        || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
#else
    return true;
#endif
}

int runWindow(int argc, char *argv[], const CommandLineOptions &options)
{
    QApplication app(argc, argv);
    setApplicationInfo();
    Translations::install(&app);
    // The desktop entry's name: the desktop matches the window to its entry and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("org.socketlab.SocketLab"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/socketlab.svg")));
    // SIGINT and SIGTERM close the window as the user would, so settings are saved.
    SignalWatcher signalWatcher;
    MainWindow window;
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &window, &MainWindow::close);
    std::unique_ptr<StatsReporter> stats;
    if (!options.statsFile.isEmpty()) {
        stats = std::make_unique<StatsReporter>(options.statsFile, QStringLiteral("window"), window.controller());
        QObject::connect(&signalWatcher, &SignalWatcher::user1Received, stats.get(), &StatsReporter::resetMeasurement);
        window.installEventFilter(new FirstPaintWatcher(stats.get()));
    }
    window.show();
    // For this run only: the saved settings change when the user changes the form.
    window.applyCommandLine(options);
    return QApplication::exec();
}

} // namespace

int main(int argc, char *argv[])
{
    DescriptorLimit::raise();
    // The arguments are read before any display is needed, so --help, --version and a usage
    // error answer the same anywhere.
    CommandLine::Result parsed;
    {
        QCoreApplication parsing(argc, argv);
        setApplicationInfo();
        // Before parsing: --help and usage errors, and the headless log, in the user's language.
        Translations::install(&parsing);
        parsed = CommandLine::parse(QCoreApplication::arguments());
        switch (parsed.outcome) {
        case CommandLine::Outcome::Exit:
            std::fputs(qPrintable(parsed.message), stdout);
            return 0;
        case CommandLine::Outcome::BadUsage:
            std::fprintf(stderr, "socketlab: %s\n", qPrintable(parsed.message));
            return CommandLine::UsageExitCode;
        case CommandLine::Outcome::Run:
            break;
        }
        if (parsed.options.headless) {
            HeadlessRunner runner(parsed.options);
            return runner.exec();
        }
        // Still inside: the translator lives as long as this application object.
        if (!displayAvailable()) {
            std::fputs(qPrintable(QCoreApplication::translate(
                           "main", "socketlab: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are "
                                   "not set); run 'socketlab --headless' to serve without a window\n")),
                       stderr);
            return CommandLine::UsageExitCode;
        }
    }
    return runWindow(argc, argv, parsed.options);
}
