#include "commandline.h"
#include "fuzzcheck.h"
#include "settings.h"

#include <QCoreApplication>
#include <QStringList>

namespace {

// --help and --version read the application's name and arguments, which need an instance.
int g_argc = 1;
char g_programName[] = "socketlab";
char *g_argv[] = {g_programName, nullptr};

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    static QCoreApplication app(g_argc, g_argv);
    QCoreApplication::setApplicationName(QStringLiteral("socketlab"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // NUL bytes separate the arguments, as they do in /proc/PID/cmdline.
    QStringList arguments{QStringLiteral("socketlab")};
    for (const QByteArray &argument : fuzzBytes(data, size).split('\0'))
        arguments.append(QString::fromUtf8(argument));

    const CommandLine::Result result = CommandLine::parse(arguments);
    switch (result.outcome) {
    case CommandLine::Outcome::Run:
        FUZZ_CHECK(result.options.backlog >= 1);
        FUZZ_CHECK(result.options.backlog <= Settings::MaxBacklog);
        FUZZ_CHECK(!result.options.listen || !result.options.address.isNull());
        break;
    case CommandLine::Outcome::Exit:
    case CommandLine::Outcome::BadUsage:
        FUZZ_CHECK(!result.message.isEmpty());
        break;
    }
    return 0;
}
