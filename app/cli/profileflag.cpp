#include "profileflag.h"

#include "commandline.h"
#include "profilefile.h"

#include <QCommandLineParser>
#include <QCoreApplication>

ProfileFlag::ProfileFlag()
    : m_profile(QStringLiteral("profile"),
                QCoreApplication::translate("CommandLine",
                                            "Run the set-up saved in FILE (File > Save profile...): its listeners, "
                                            "modes, greetings, access lists, rules and TLS. Flags given with it "
                                            "override it; with --listen, those listeners take the profile's "
                                            "behaviour."),
                QCoreApplication::translate("CommandLine", "FILE"))
{
}

QList<const QCommandLineOption *> ProfileFlag::all() const
{
    return {&m_profile};
}

QString ProfileFlag::parse(const QCommandLineParser &parser, CommandLineOptions *options) const
{
    if (!parser.isSet(m_profile))
        return {};
    const QStringList values = parser.values(m_profile);
    if (values.size() > 1)
        return QCoreApplication::translate("CommandLine", "--profile may be given once");
    QString error;
    const auto contents = ProfileFile::load(values.constFirst(), &error);
    if (!contents)
        return QCoreApplication::translate("CommandLine", "Bad --profile: %1").arg(error);
    options->profile = contents->listeners;
    return {};
}
