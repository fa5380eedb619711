#pragma once

#include "listenerconfig.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// A whole set-up as one JSON file a person can read, share and edit: every listener with where it
// listens, its mode, greeting, access lists, rules and TLS settings. Reading is strict: an
// unknown key or a bad value is an error that names it, and nothing is loaded half-way.
//
// {"version": 1, "description": "...", "listeners": [{"address": "127.0.0.1", "port": 9000, ...}]}
class ProfileFile final
{
public:
    static constexpr int Version = 1;

    struct Contents
    {
        QString description; // one line for the person who opens it; may be empty
        QList<ListenerConfig> listeners;
    };

    static QByteArray toJson(const Contents &contents);
    // Nothing, with *error naming the key or the line and column, when the text is not a
    // profile this version reads.
    static std::optional<Contents> fromJson(const QByteArray &json, QString *error);

    // The file at path, read or written whole; *error says why not.
    static std::optional<Contents> load(const QString &path, QString *error);
    static bool save(const QString &path, const Contents &contents, QString *error);

    // A profile larger than this is not one a person wrote.
    static constexpr qint64 MaxBytes = 4 * 1024 * 1024;
};
