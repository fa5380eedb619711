#include "commandline.h"
#include "headlessrunner.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstdio>
#include <memory>

namespace {

void setApplicationInfo()
{
    QCoreApplication::setOrganizationName(QStringLiteral("SocketLab"));
    QCoreApplication::setApplicationName(QStringLiteral("socketlab"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    // The headless run must not need a display, so the kind of application is chosen first.
    std::unique_ptr<QCoreApplication> app;
    if (CommandLine::wantsHeadless(argc, argv))
        app = std::make_unique<QCoreApplication>(argc, argv);
    else
        app = std::make_unique<QApplication>(argc, argv);
    setApplicationInfo();

    const CommandLine::Result parsed = CommandLine::parse(QCoreApplication::arguments());
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
    const CommandLineOptions &options = parsed.options;

    if (options.headless) {
        HeadlessRunner runner(options);
        return runner.exec();
    }

    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/socketlab.svg")));
    MainWindow window;
    if (options.backlogGiven)
        window.setBacklog(options.backlog);
    window.show();
    if (options.listen)
        window.startListening(options.address, options.port, options.backlog);
    return QApplication::exec();
}
