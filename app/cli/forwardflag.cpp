#include "forwardflag.h"

#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>

ForwardFlag::ForwardFlag()
    : m_forward(QStringLiteral("forward"),
                QCoreApplication::translate("CommandLine",
                                            "Forward mode: relay each connection to its own connection to HOST:PORT "
                                            "(127.0.0.1:8080, [::1]:8080, a host name), both ways."),
                QCoreApplication::translate("CommandLine", "HOST:PORT"))
{
}

QString ForwardFlag::parse(const QCommandLineParser &parser, CommandLineOptions *options) const
{
    if (!parser.isSet(m_forward)) {
        if (options->modeGiven && options->mode == ServerMode::Forward)
            return QCoreApplication::translate("CommandLine", "--mode forward needs --forward HOST:PORT");
        return {};
    }
    if (parser.values(m_forward).size() > 1)
        return QCoreApplication::translate("CommandLine", "Give --forward at most once");
    const QString value = parser.value(m_forward);
    QString error;
    const std::optional<ForwardTarget> target = ForwardTarget::parse(value, &error);
    if (!target)
        return QCoreApplication::translate("CommandLine", "Bad --forward value \"%1\": %2").arg(value, error);
    if (options->modeGiven && options->mode != ServerMode::Forward)
        return QCoreApplication::translate("CommandLine", "--forward relays every connection: it cannot go with --mode %1")
            .arg(serverModeName(options->mode));
    options->mode = ServerMode::Forward;
    options->modeGiven = true;
    options->forwardTarget = *target;
    return {};
}
