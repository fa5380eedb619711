#include "faultflags.h"

#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>

FaultFlags::FaultFlags()
{
    m_options = {
        QCommandLineOption(QStringLiteral("latency"),
                           QCoreApplication::translate("CommandLine",
                                                       "Fault: delay every write by MS milliseconds, give or take "
                                                       "JITTER."),
                           QCoreApplication::translate("CommandLine", "MS[:JITTER]")),
        QCommandLineOption(QStringLiteral("bandwidth"),
                           QCoreApplication::translate("CommandLine",
                                                       "Fault: cap each connection at KIB KiB/s in each direction."),
                           QCoreApplication::translate("CommandLine", "KIB")),
        QCommandLineOption(QStringLiteral("slice"),
                           QCoreApplication::translate("CommandLine",
                                                       "Fault: write in pieces of BYTES bytes, MS milliseconds apart."),
                           QCoreApplication::translate("CommandLine", "BYTES:MS")),
        QCommandLineOption(QStringLiteral("stall-reads"),
                           QCoreApplication::translate("CommandLine",
                                                       "Fault: read nothing, so the peer's sends block once the "
                                                       "windows fill.")),
        QCommandLineOption(QStringLiteral("reset-after"),
                           QCoreApplication::translate("CommandLine",
                                                       "Fault: reset (RST) each connection after BYTES bytes "
                                                       "received, or after MS milliseconds (500ms)."),
                           QCoreApplication::translate("CommandLine", "BYTES|MSms")),
        QCommandLineOption(QStringLiteral("close-after"),
                           QCoreApplication::translate("CommandLine",
                                                       "Fault: close (FIN) each connection after BYTES bytes sent or "
                                                       "received."),
                           QCoreApplication::translate("CommandLine", "BYTES")),
        QCommandLineOption(QStringLiteral("accept-then-reset"),
                           QCoreApplication::translate("CommandLine", "Fault: reset (RST) every new connection at "
                                                                      "once.")),
        QCommandLineOption(QStringLiteral("slow-close"),
                           QCoreApplication::translate("CommandLine",
                                                       "Fault: wait MS milliseconds before the server's FIN."),
                           QCoreApplication::translate("CommandLine", "MS")),
    };
}

QList<const QCommandLineOption *> FaultFlags::all() const
{
    QList<const QCommandLineOption *> options;
    for (const QCommandLineOption &option : m_options)
        options << &option;
    return options;
}

QString FaultFlags::parse(const QCommandLineParser &parser, CommandLineOptions *options) const
{
    Faults faults;
    bool given = false;
    for (const QCommandLineOption &option : m_options) {
        const QString name = option.names().constFirst();
        if (!parser.isSet(option))
            continue;
        given = true;
        const QStringList values = parser.values(option);
        if (values.size() > 1)
            return QCoreApplication::translate("CommandLine", "Give --%1 at most once").arg(name);
        const QString value = Faults::takesValue(name) ? values.constFirst() : QString();
        if (const QString problem = faults.set(name, value); !problem.isEmpty())
            return QCoreApplication::translate("CommandLine", "Bad --%1 value \"%2\": %3").arg(name, value.trimmed(), problem);
    }
    if (given)
        options->faults = faults;
    return {};
}
