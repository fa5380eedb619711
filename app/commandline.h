#pragma once

#include "serverbehaviour.h"

#include <QHostAddress>
#include <QString>
#include <QStringList>

// What the command line asked for.
struct CommandLineOptions
{
    bool headless = false;
    bool listen = false; // --listen was given: start listening at launch
    QHostAddress address{QHostAddress::LocalHost};
    quint16 port = 9000;
    int backlog = 5;
    bool backlogGiven = false;
    ServerMode mode = ServerMode::Hold;
    bool modeGiven = false;
    QString statsFile; // --stats-file: where to keep the figures a benchmark reads
};

// socketlab [--listen HOST:PORT] [--backlog N] [--mode MODE] [--headless] [--stats-file PATH]
class CommandLine final
{
public:
    static constexpr int UsageExitCode = 2;

    enum class Outcome {
        Run,      // go on with the options
        Exit,     // print message to stdout and exit 0 (--help, --version)
        BadUsage, // print message to stderr and exit UsageExitCode
    };

    struct Result
    {
        Outcome outcome = Outcome::Run;
        CommandLineOptions options;
        QString message;
    };

    // arguments[0] is the program name, as in QCoreApplication::arguments().
    static Result parse(const QStringList &arguments);
    // True when --headless is among the arguments, checked before any QCoreApplication exists.
    static bool wantsHeadless(int argc, char **argv);
};
