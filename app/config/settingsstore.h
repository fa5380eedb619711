#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>

class QSettings;

// The settings file as Settings reads and writes it. Each key has a value in effect: as read
// (or its default) or as last set. A value is written only when it differs from that one, so a
// value the app could not read stays in the file, as the user wrote it, until the user chooses
// another. A file that is not wholly the app's is read as empty and never written.
class SettingsStore final
{
    Q_DISABLE_COPY_MOVE(SettingsStore)

public:
    // isOwnKey tells the keys the app writes; a file holding any other is not the app's.
    explicit SettingsStore(const std::function<bool(const QString &)> &isOwnKey);
    ~SettingsStore();

    // The stored value, or nothing in a file that is read as empty.
    QVariant read(const QString &key) const;
    void store(const QString &key, const QVariant &value);
    // Forgets the keys' values in effect and removes the group from the file.
    void remove(const QString &group, const QStringList &keys);
    // Notes a value read as the one in effect, and returns it.
    template<typename T>
    T inEffect(const QString &key, T value) const { noteInEffect(key, QVariant::fromValue(value)); return value; }
    // The value in effect as the file would hold it.
    void noteInEffect(const QString &key, const QVariant &value) const;

    int boundedInt(const QString &key, int defaultValue, int minimum, int maximum) const;
    // true or false as written; anything else is false, with a warning.
    bool checkedBool(const QString &key) const;

    void warn(const QString &key, const QString &problem) const;
    QStringList warnings() const;
    // A value as a warning quotes it: short, on one line, whatever bytes the file held.
    static QString quoted(const QVariant &value);

    void sync();
    void setRecordOnly(bool recordOnly);
    bool isReadOnly() const;

private:
    QSettings *m_settings = nullptr;
    // Each key's value in effect, as read (or its default) or as last set.
    mutable QHash<QString, QVariant> m_inEffect;
    bool m_readOnly = false;
    bool m_recordOnly = false;
    // Reads are const and lazy, so what they find wrong is collected as they go.
    mutable QStringList m_warnings;
};
