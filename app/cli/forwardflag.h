#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>

class QCommandLineParser;
struct CommandLineOptions;

// --forward HOST:PORT: Forward mode, relaying every connection to that upstream.
class ForwardFlag final
{
public:
    ForwardFlag();

    QList<const QCommandLineOption *> all() const { return {&m_forward}; }
    // Reads the flag into options (after --mode was read); why it is bad, or empty.
    QString parse(const QCommandLineParser &parser, CommandLineOptions *options) const;

private:
    QCommandLineOption m_forward;
};
