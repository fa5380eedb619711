#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>

class QCommandLineParser;
struct CommandLineOptions;

// The flags for scripts that run headless: --exit-after N ended connections, --duration SECONDS
// and --log-format text|jsonl.
class ScriptFlags final
{
public:
    static constexpr int MaxExitAfter = 1000000000;
    static constexpr int MaxDurationSeconds = 24 * 24 * 3600; // 24 days: a timer's ms fit an int

    ScriptFlags();

    QList<const QCommandLineOption *> all() const;
    // Reads the flags given into options; why they are bad, or empty.
    QString parse(const QCommandLineParser &parser, CommandLineOptions *options) const;

private:
    QCommandLineOption m_exitAfter;
    QCommandLineOption m_duration;
    QCommandLineOption m_logFormat;
};
