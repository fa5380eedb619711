#include "responserulejson.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonValue>

namespace ResponseRuleJson {

namespace {

template<typename Enum>
std::optional<Enum> enumFrom(const QJsonValue &value, std::initializer_list<Enum> values, QString (*key)(Enum))
{
    if (!value.isString())
        return std::nullopt;
    for (const Enum candidate : values) {
        if (key(candidate) == value.toString())
            return candidate;
    }
    return std::nullopt;
}

} // namespace

QString matchKey(ResponseRule::Match match)
{
    switch (match) {
    case ResponseRule::Match::Contains:
        return QStringLiteral("contains");
    case ResponseRule::Match::StartsWith:
        return QStringLiteral("starts-with");
    case ResponseRule::Match::Regex:
        return QStringLiteral("regex");
    case ResponseRule::Match::Hex:
        return QStringLiteral("hex");
    }
    return {};
}

QString scopeKey(ResponseRule::Scope scope)
{
    return scope == ResponseRule::Scope::Line ? QStringLiteral("line") : QStringLiteral("chunk");
}

QString thenKey(ResponseRule::Then then)
{
    switch (then) {
    case ResponseRule::Then::KeepOpen:
        return QStringLiteral("keep-open");
    case ResponseRule::Then::Close:
        return QStringLiteral("close");
    case ResponseRule::Then::Reset:
        return QStringLiteral("reset");
    }
    return {};
}

QJsonObject toJson(const ResponseRule &rule)
{
    return QJsonObject{
        {QStringLiteral("enabled"), rule.enabled},
        {QStringLiteral("match"), matchKey(rule.match)},
        {QStringLiteral("pattern"), rule.pattern},
        {QStringLiteral("scope"), scopeKey(rule.scope)},
        {QStringLiteral("delimiter"), rule.delimiter},
        {QStringLiteral("reply"), rule.reply},
        {QStringLiteral("replyHex"), rule.replyHex},
        {QStringLiteral("delayMs"), rule.delayMs},
        {QStringLiteral("then"), thenKey(rule.then)},
    };
}

QJsonArray listToJson(const QList<ResponseRule> &rules)
{
    QJsonArray array;
    for (const ResponseRule &rule : rules)
        array.append(toJson(rule));
    return array;
}

std::optional<ResponseRule> fromJson(const QJsonValue &value, const QString &where, QString *error)
{
    if (!value.isObject()) {
        *error = QCoreApplication::translate("ResponseRuleJson", "%1: not an object").arg(where);
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    ResponseRule rule;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString key = it.key();
        const QJsonValue field = it.value();
        const QString name = where + QLatin1Char('.') + key;
        bool ok = true;
        if (key == QLatin1String("enabled") || key == QLatin1String("replyHex")) {
            ok = field.isBool();
            (key == QLatin1String("enabled") ? rule.enabled : rule.replyHex) = field.toBool();
        } else if (key == QLatin1String("pattern") || key == QLatin1String("delimiter")
                   || key == QLatin1String("reply")) {
            ok = field.isString();
            (key == QLatin1String("pattern") ? rule.pattern
                                             : key == QLatin1String("delimiter") ? rule.delimiter : rule.reply) =
                field.toString();
        } else if (key == QLatin1String("match")) {
            const auto match = enumFrom(field,
                                        {ResponseRule::Match::Contains, ResponseRule::Match::StartsWith,
                                         ResponseRule::Match::Regex, ResponseRule::Match::Hex},
                                        &matchKey);
            ok = match.has_value();
            rule.match = match.value_or(rule.match);
        } else if (key == QLatin1String("scope")) {
            const auto scope = enumFrom(field, {ResponseRule::Scope::Chunk, ResponseRule::Scope::Line}, &scopeKey);
            ok = scope.has_value();
            rule.scope = scope.value_or(rule.scope);
        } else if (key == QLatin1String("then")) {
            const auto then = enumFrom(
                field, {ResponseRule::Then::KeepOpen, ResponseRule::Then::Close, ResponseRule::Then::Reset}, &thenKey);
            ok = then.has_value();
            rule.then = then.value_or(rule.then);
        } else if (key == QLatin1String("delayMs")) {
            const double number = field.toDouble(-1);
            ok = field.isDouble() && number >= 0 && number <= ResponseRule::MaxDelayMs && number == int(number);
            rule.delayMs = ok ? int(number) : 0;
        } else {
            *error = QCoreApplication::translate("ResponseRuleJson", "%1: unknown key").arg(name);
            return std::nullopt;
        }
        if (!ok) {
            *error = QCoreApplication::translate("ResponseRuleJson", "%1: bad value %2")
                         .arg(name, QString::fromUtf8(QJsonDocument(QJsonArray{field}).toJson(QJsonDocument::Compact))
                                        .mid(1)
                                        .chopped(1));
            return std::nullopt;
        }
    }
    if (const QString problem = rule.check(); !problem.isEmpty()) {
        *error = QStringLiteral("%1: %2").arg(where, problem);
        return std::nullopt;
    }
    return rule;
}

std::optional<QList<ResponseRule>> listFromJson(const QJsonValue &value, const QString &where, QString *error)
{
    if (!value.isArray()) {
        *error = QCoreApplication::translate("ResponseRuleJson", "%1: not a list").arg(where);
        return std::nullopt;
    }
    const QJsonArray array = value.toArray();
    QList<ResponseRule> rules;
    rules.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const auto rule = fromJson(array.at(i), QStringLiteral("%1[%2]").arg(where).arg(i + 1), error);
        if (!rule)
            return std::nullopt;
        rules.append(*rule);
    }
    return rules;
}

} // namespace ResponseRuleJson
