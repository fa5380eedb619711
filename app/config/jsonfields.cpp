#include "jsonfields.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace {

// The value as it stands in the file, short: "70000", "\"yes\"", "[...]".
QString shown(const QJsonValue &value)
{
    const QByteArray json = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    const QString text = QString::fromUtf8(json.mid(1, json.size() - 2));
    return text.size() > 60 ? text.left(57) + QStringLiteral("...") : text;
}

} // namespace

JsonFields::JsonFields(const QJsonObject &object, const QString &where)
    : m_object(object)
    , m_where(where)
{
}

QString JsonFields::nameOf(const QString &key) const
{
    return m_where.isEmpty() ? key : m_where + QLatin1Char('.') + key;
}

void JsonFields::fail(const QString &key, const QString &problem)
{
    if (m_error.isEmpty())
        m_error = nameOf(key) + QStringLiteral(": ") + problem;
}

QJsonValue JsonFields::value(const QString &key)
{
    m_known.insert(key);
    return m_object.value(key);
}

std::optional<QString> JsonFields::string(const QString &key)
{
    const QJsonValue field = value(key);
    if (field.isUndefined())
        return std::nullopt;
    if (!field.isString()) {
        fail(key, QCoreApplication::translate("JsonFields", "%1 is not a text").arg(shown(field)));
        return std::nullopt;
    }
    return field.toString();
}

std::optional<bool> JsonFields::boolean(const QString &key)
{
    const QJsonValue field = value(key);
    if (field.isUndefined())
        return std::nullopt;
    if (!field.isBool()) {
        fail(key, QCoreApplication::translate("JsonFields", "%1 is not true or false").arg(shown(field)));
        return std::nullopt;
    }
    return field.toBool();
}

std::optional<int> JsonFields::integer(const QString &key, int min, int max)
{
    const QJsonValue field = value(key);
    if (field.isUndefined())
        return std::nullopt;
    const double number = field.toDouble(std::nan(""));
    if (!field.isDouble() || std::isnan(number) || number != std::floor(number) || number < min || number > max) {
        fail(key, QCoreApplication::translate("JsonFields", "%1 is not a whole number from %2 to %3")
                      .arg(shown(field))
                      .arg(min)
                      .arg(max));
        return std::nullopt;
    }
    return int(number);
}

bool JsonFields::finish()
{
    if (failed())
        return false;
    QStringList keys = m_object.keys();
    std::sort(keys.begin(), keys.end());
    for (const QString &key : std::as_const(keys)) {
        if (!m_known.contains(key)) {
            fail(key, QCoreApplication::translate("JsonFields", "unknown key"));
            return false;
        }
    }
    return true;
}
