#pragma once

#include "responserule.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

// Response rules as JSON, for the settings file and for profiles. Reading is strict: an unknown
// key or a bad value is an error that names it, and nothing is read half-way.
namespace ResponseRuleJson {

// {"enabled", "match", "pattern", "scope", "delimiter", "reply", "replyHex", "delayMs", "then"}
QJsonObject toJson(const ResponseRule &rule);
QJsonArray listToJson(const QList<ResponseRule> &rules);

// A missing key keeps the rule's default; *error says what is wrong, "rules[2].match: ...".
std::optional<ResponseRule> fromJson(const QJsonValue &value, const QString &where, QString *error);
std::optional<QList<ResponseRule>> listFromJson(const QJsonValue &value, const QString &where, QString *error);

// The names the JSON uses: contains, starts-with, regex, hex; chunk, line; keep-open, close, reset.
QString matchKey(ResponseRule::Match match);
QString scopeKey(ResponseRule::Scope scope);
QString thenKey(ResponseRule::Then then);

} // namespace ResponseRuleJson
