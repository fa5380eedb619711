#include "scriptflags.h"

#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>

ScriptFlags::ScriptFlags()
    : m_exitAfter(QStringLiteral("exit-after"),
                  QCoreApplication::translate("CommandLine",
                                              "Headless only: stop once N connections have ended (closed, reset, "
                                              "refused or failed), then exit."),
                  QCoreApplication::translate("CommandLine", "N"))
    , m_duration(QStringLiteral("duration"),
                 QCoreApplication::translate("CommandLine",
                                             "Headless only: stop after SECONDS (up to three decimals), then exit."),
                 QCoreApplication::translate("CommandLine", "SECONDS"))
    , m_logFormat(QStringLiteral("log-format"),
                  QCoreApplication::translate("CommandLine",
                                              "Headless only: how the log is printed, text (the default) or jsonl, "
                                              "one JSON object per line."),
                  QCoreApplication::translate("CommandLine", "FORMAT"))
{
}

QList<const QCommandLineOption *> ScriptFlags::all() const
{
    return {&m_exitAfter, &m_duration, &m_logFormat};
}

QString ScriptFlags::parse(const QCommandLineParser &parser, CommandLineOptions *options) const
{
    for (const QCommandLineOption *option : all()) {
        if (!parser.isSet(*option))
            continue;
        if (!options->headless)
            return QCoreApplication::translate("CommandLine", "--%1 is for --headless: the window runs until it is closed")
                .arg(option->names().constFirst());
        if (parser.values(*option).size() > 1)
            return QCoreApplication::translate("CommandLine", "Give --%1 at most once").arg(option->names().constFirst());
    }
    if (parser.isSet(m_exitAfter)) {
        const QString value = parser.value(m_exitAfter).trimmed();
        static const QRegularExpression digits(QStringLiteral("^[0-9]{1,10}$"));
        bool ok = false;
        const qlonglong count = digits.match(value).hasMatch() ? value.toLongLong(&ok) : 0;
        if (!ok || count < 1 || count > MaxExitAfter)
            return QCoreApplication::translate("CommandLine",
                                               "Bad --exit-after value \"%1\": expected a whole number from 1 to %2")
                .arg(value)
                .arg(MaxExitAfter);
        options->exitAfter = int(count);
    }
    if (parser.isSet(m_duration)) {
        const QString value = parser.value(m_duration).trimmed();
        static const QRegularExpression decimal(QStringLiteral("^[0-9]{1,8}(\\.[0-9]{1,3})?$"));
        bool ok = false;
        const double seconds = decimal.match(value).hasMatch() ? value.toDouble(&ok) : 0;
        const qint64 ms = qint64(seconds * 1000 + 0.5);
        if (!ok || ms < 1 || seconds > MaxDurationSeconds)
            return QCoreApplication::translate("CommandLine",
                                               "Bad --duration value \"%1\": expected seconds above 0, at most %2")
                .arg(value)
                .arg(MaxDurationSeconds);
        options->durationMs = ms;
    }
    if (parser.isSet(m_logFormat)) {
        const QString value = parser.value(m_logFormat).trimmed();
        if (value.compare(QLatin1String("jsonl"), Qt::CaseInsensitive) == 0)
            options->jsonLog = true;
        else if (value.compare(QLatin1String("text"), Qt::CaseInsensitive) != 0)
            return QCoreApplication::translate("CommandLine", "Bad --log-format value \"%1\": expected text or jsonl")
                .arg(value);
    }
    return {};
}
