#pragma once

#include <QJsonObject>
#include <QSet>
#include <QString>

#include <optional>

// Reads one JSON object's fields strictly, for files a person writes by hand (profiles): a field
// of the wrong type or out of range is an error naming it ("listeners[2].port: 70000 is not
// from 0 to 65535"), and finish() names any key nothing asked for. Only the first error is kept.
class JsonFields final
{
public:
    // where: how the object is named in errors, "listeners[1]"; empty for the top level.
    JsonFields(const QJsonObject &object, const QString &where);

    bool has(const QString &key) const { return m_object.contains(key); }
    std::optional<QString> string(const QString &key);
    std::optional<bool> boolean(const QString &key);
    std::optional<int> integer(const QString &key, int min, int max);
    // A value of any type, for a reader of its own; marks the key as known.
    QJsonValue value(const QString &key);

    // Records an error about the field key, "where.key: problem", unless one is recorded.
    void fail(const QString &key, const QString &problem);
    bool failed() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }
    // The full name of a field, for nested readers: "listeners[1].tls".
    QString nameOf(const QString &key) const;
    // Fails on the first key that was never asked for; true when nothing failed.
    bool finish();

private:
    QJsonObject m_object;
    QString m_where;
    QSet<QString> m_known;
    QString m_error;
};
