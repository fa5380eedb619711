// socketlab-bench-tlswindow: Socket Lab's window with its first listener made TLS, for the bench.
// The app takes the TLS flags only headless; this driver builds the same MainWindow, gives the
// first listener the self-signed certificate (TlsCredentials, as headless --tls-self-signed does)
// and then applies the same command line the window gets (--listen, --backlog, --mode,
// --stats-file), so socketlab-bench starts and reads it exactly like `socketlab` in window mode.
// The product is unchanged: this only exists in the build's bench folder.
#include "commandline.h"
#include "listenercontroller.h"
#include "mainwindow.h"
#include "signalwatcher.h"
#include "statsreporter.h"
#include "tlscredentials.h"
#include "tlssettings.h"

#include <QApplication>
#include <QEvent>

#include <cstdio>
#include <memory>

namespace {

// The stats file's shown_ms: the bench waits for the first frame as it does with the app.
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
        if (event->type() == QEvent::Paint && !m_done) {
            m_done = true;
            m_stats->markShown();
        }
        return QObject::eventFilter(watched, event);
    }

private:
    StatsReporter *m_stats = nullptr;
    bool m_done = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    // The app's names, so the self-signed pair lands where the app keeps it
    // ($XDG_DATA_HOME/SocketLab/socketlab/tls) and is shared with headless runs.
    QCoreApplication::setOrganizationName(QStringLiteral("SocketLab"));
    QCoreApplication::setApplicationName(QStringLiteral("socketlab"));
    const CommandLine::Result parsed = CommandLine::parse(QCoreApplication::arguments());
    if (parsed.outcome != CommandLine::Outcome::Run || parsed.options.headless) {
        std::fprintf(stderr, "socketlab-bench-tlswindow: %s\n",
                     qPrintable(parsed.message.isEmpty() ? QStringLiteral("window options only") : parsed.message));
        return 2;
    }
    const TlsCredentials::Result tls = TlsCredentials::load(TlsSettings{});
    if (!tls.ok()) {
        std::fprintf(stderr, "socketlab-bench-tlswindow: %s\n", qPrintable(tls.error));
        return 1;
    }

    SignalWatcher signalWatcher;
    MainWindow window;
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &window, &MainWindow::close);
    std::unique_ptr<StatsReporter> stats;
    if (!parsed.options.statsFile.isEmpty()) {
        stats = std::make_unique<StatsReporter>(parsed.options.statsFile, QStringLiteral("window"), window.controller());
        QObject::connect(&signalWatcher, &SignalWatcher::user1Received, stats.get(), &StatsReporter::resetMeasurement);
        window.installEventFilter(new FirstPaintWatcher(stats.get()));
    }
    // Before the start that applyCommandLine asks for: both run in order on the network thread.
    window.controller()->setTls(ListenerController::FirstListenerId, tls.setup);
    window.show();
    window.applyCommandLine(parsed.options);
    return QApplication::exec();
}
