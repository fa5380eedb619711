// Renders the window as a person sees it after a minute's use, for the README and for looking at
// a palette or a size: listening, three clients, one of them selected after sending a line.
//
//   socketlab-windowshot OUT.png [--dark] [--size WIDTHxHEIGHT] [--port PORT] [--listeners N]
//                        [--tab listenersView|clientsPanel|codeView]   (LANGUAGE=de for German)
#include "windowprobe.h"
#include "listenercontroller.h"
#include "listenerstatus.h"
#include "mainwindow.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QHostAddress>
#include <QPushButton>
#include <QTabWidget>
#include <QStyleFactory>
#include <QTableView>
#include <QTcpSocket>
#include <QTimer>

#include <memory>
#include <vector>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("socketlab-windowshot"));
    // In the user's language, as the app shows it.
    Translations::install(&app);
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("out"), QStringLiteral("The PNG to write"));
    const QCommandLineOption dark(QStringLiteral("dark"), QStringLiteral("Fusion with a dark palette"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("The window's size"), QStringLiteral("WxH"),
                                  QStringLiteral("1240x780"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("The port to listen on (0: any free one)"),
                                  QStringLiteral("PORT"), QStringLiteral("0"));
    const QCommandLineOption listeners(QStringLiteral("listeners"),
                                       QStringLiteral("How many listeners: the others on the next ports"),
                                       QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption tab(QStringLiteral("tab"), QStringLiteral("The side tab to show, by object name"),
                                 QStringLiteral("NAME"));
    parser.addOptions({dark, size, port, listeners, tab});
    parser.addHelpOption();
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        parser.showHelp(2);
    const QStringList dimensions = parser.value(size).split(QLatin1Char('x'));
    if (dimensions.size() != 2)
        parser.showHelp(2);
    if (parser.isSet(dark)) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
    }

    MainWindow window;
    window.resize(dimensions.at(0).toInt(), dimensions.at(1).toInt());
    window.show();
    window.startListening(QHostAddress::LocalHost, quint16(parser.value(port).toUInt()), 5);
    // The others as a person adds them: Add, then Start all.
    for (int i = 1; i < parser.value(listeners).toInt(); ++i)
        child<QPushButton>(&window, "addListenerButton")->click();
    if (parser.value(listeners).toInt() > 1)
        child<QPushButton>(&window, "startAllButton")->click();
    if (parser.isSet(tab)) {
        auto *tabs = child<QTabWidget>(&window, "sideTabs");
        tabs->setCurrentWidget(child<QWidget>(&window, parser.value(tab).toLatin1().constData()));
    }

    std::vector<std::unique_ptr<QTcpSocket>> clients;
    QTimer::singleShot(500, &window, [&] {
        const quint16 listening = window.controller()->status().port;
        for (int i = 0; i < 3; ++i) {
            clients.push_back(std::make_unique<QTcpSocket>());
            clients.back()->connectToHost(QHostAddress::LocalHost, listening);
        }
        clients.front()->write("GET / HTTP/1.0\r\n\r\n");
    });
    QTimer::singleShot(2500, &window, [&] {
        clients.back()->close();
        window.findChild<QTableView *>(QStringLiteral("connectionsView"))->selectRow(0);
    });
    QTimer::singleShot(4000, &window, [&] {
        const QString out = parser.positionalArguments().constFirst();
        QApplication::exit(window.grab().save(out) ? 0 : 1);
    });
    return QApplication::exec();
}
