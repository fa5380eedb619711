#pragma once

#include <QCommandLineOption>
#include <QList>
#include <QString>

class QCommandLineParser;
struct CommandLineOptions;

// --profile FILE: a saved set-up (File ▸ Save profile…) to run; the other flags given with it
// override it. The file is read while the arguments are, so a bad one is a usage error.
class ProfileFlag final
{
public:
    ProfileFlag();

    QList<const QCommandLineOption *> all() const;
    // Reads the profile into options; why it cannot be used, or empty.
    QString parse(const QCommandLineParser &parser, CommandLineOptions *options) const;

private:
    QCommandLineOption m_profile;
};
