#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

#include <optional>

// One response rule of a listener: what to look for in what a client sends, and what to answer.
// Rules are tried in order and the first that matches answers; each field is kept as the user
// typed it, so the form and the settings show it back unchanged.
struct ResponseRule
{
    enum class Match : quint8 {
        Contains,   // the text (escapes as in the greeting) appears anywhere
        StartsWith, // the text comes first
        Regex,      // a QRegularExpression over the bytes read as Latin-1; \1..\9 in the reply
        Hex,        // these bytes appear anywhere: "de ad be ef"
    };
    enum class Scope : quint8 {
        Chunk, // each read as it arrives
        Line,  // each line up to the delimiter, the delimiter left out
    };
    enum class Then : quint8 { KeepOpen, Close, Reset };

    static constexpr int MaxDelayMs = 600000;
    // A line longer than this is matched as it stands, and the next one starts after it.
    static constexpr qsizetype MaxLineBytes = 64 * 1024;

    bool enabled = true;
    Match match = Match::Contains;
    QString pattern;
    Scope scope = Scope::Chunk;
    QString delimiter = QStringLiteral("\\n"); // escapes as in the greeting; for Line only
    QString reply;          // escapes and \1..\9 captures, or hex digits when replyHex
    bool replyHex = false;
    int delayMs = 0;        // the reply waits this long; a later reply waits behind it
    Then then = Then::KeepOpen;

    bool operator==(const ResponseRule &other) const;
    bool operator!=(const ResponseRule &other) const { return !(*this == other); }

    // Why the rule cannot be used, naming the field and the position (from 1); empty when it
    // can. A rule that does not check is never used.
    QString check() const;
    // The bytes the delimiter stands for; empty for a Chunk rule.
    QByteArray delimiterBytes() const;
    // The reply to what arrived, when the rule matches it; nothing otherwise or when disabled.
    std::optional<QByteArray> respond(const QByteArray &input) const;

    // --rule 'MATCH=>REPLY': a plain MATCH means contains, "re:" a regular expression and
    // "hex:" bytes; REPLY takes escapes and \1..\9. The first "=>" splits the two. Nothing,
    // with *error naming the position, when the text is not a rule that checks.
    static std::optional<ResponseRule> parse(const QString &spec, QString *error);
};

QString responseRuleMatchName(ResponseRule::Match match);
QString responseRuleThenName(ResponseRule::Then then);

Q_DECLARE_METATYPE(ResponseRule)
