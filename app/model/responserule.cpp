#include "responserule.h"

#include "hexparser.h"
#include "textescapes.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <utility>

namespace {

bool isCaptureDigit(QChar c)
{
    return c >= QLatin1Char('1') && c <= QLatin1Char('9');
}

// The reply's text cut where \1..\9 stand: escaped text and capture numbers in turn. "\\1" is
// an escaped backslash and a 1, not a capture.
struct ReplyPart
{
    QString text;
    int capture = 0; // 1..9, or 0 for text
};

QList<ReplyPart> replyParts(const QString &reply)
{
    QList<ReplyPart> parts;
    QString text;
    for (qsizetype i = 0; i < reply.size(); ++i) {
        const QChar c = reply.at(i);
        if (c == QLatin1Char('\\') && i + 1 < reply.size()) {
            const QChar next = reply.at(i + 1);
            if (isCaptureDigit(next)) {
                if (!text.isEmpty())
                    parts.append({std::exchange(text, {}), 0});
                parts.append({QString(), next.digitValue()});
                ++i;
                continue;
            }
            text += c;
            text += next;
            ++i;
            continue;
        }
        text += c;
    }
    if (!text.isEmpty())
        parts.append({text, 0});
    return parts;
}

// Bytes as a QRegularExpression sees them: one character per byte.
QString latin1(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes);
}

QRegularExpression regexOf(const QString &pattern)
{
    return QRegularExpression(pattern, QRegularExpression::DotMatchesEverythingOption);
}

} // namespace

bool ResponseRule::operator==(const ResponseRule &other) const
{
    return enabled == other.enabled && match == other.match && pattern == other.pattern && scope == other.scope
        && delimiter == other.delimiter && reply == other.reply && replyHex == other.replyHex
        && delayMs == other.delayMs && then == other.then;
}

QString ResponseRule::check() const
{
    if (pattern.isEmpty())
        return QCoreApplication::translate("ResponseRule", "the match is empty");
    int captures = 0;
    switch (match) {
    case Match::Contains:
    case Match::StartsWith:
        if (const QString bad = TextEscapes::check(pattern); !bad.isEmpty())
            return QCoreApplication::translate("ResponseRule", "match %1").arg(bad);
        break;
    case Match::Regex: {
        const QRegularExpression regex = regexOf(pattern);
        if (!regex.isValid())
            return QCoreApplication::translate("ResponseRule", "match: %1 at position %2").arg(regex.errorString()).arg(regex.patternErrorOffset() + 1);
        captures = regex.captureCount();
        break;
    }
    case Match::Hex: {
        const HexParser::Result hex = HexParser::parse(pattern);
        if (!hex.ok())
            return QCoreApplication::translate("ResponseRule", "match: %1 at position %2").arg(hex.error).arg(hex.errorPosition);
        if (hex.bytes.isEmpty())
            return QCoreApplication::translate("ResponseRule", "the match is empty");
        break;
    }
    }
    if (scope == Scope::Line) {
        if (const QString bad = TextEscapes::check(delimiter); !bad.isEmpty())
            return QCoreApplication::translate("ResponseRule", "delimiter %1").arg(bad);
        if (delimiterBytes().isEmpty())
            return QCoreApplication::translate("ResponseRule", "the line delimiter is empty");
    }
    if (replyHex) {
        const HexParser::Result hex = HexParser::parse(reply);
        if (!hex.ok())
            return QCoreApplication::translate("ResponseRule", "reply: %1 at position %2").arg(hex.error).arg(hex.errorPosition);
    } else {
        // The escapes are checked in the whole text, a capture standing in as two plain
        // characters, so that a position counts from the reply's start.
        QString checkable;
        for (const ReplyPart &part : replyParts(reply)) {
            if (part.capture > captures) {
                const qsizetype position = checkable.size() + 1;
                return captures == 0
                    ? QCoreApplication::translate("ResponseRule", "reply: \\%1 at position %2 needs a re: match with a group")
                          .arg(part.capture)
                          .arg(position)
                    : QCoreApplication::translate("ResponseRule", "reply: \\%1 at position %2, but the match has %n group(s)",
                                                  nullptr, captures)
                          .arg(part.capture)
                          .arg(position);
            }
            checkable += part.capture > 0 ? QStringLiteral("zz") : part.text;
        }
        if (const QString bad = TextEscapes::check(checkable); !bad.isEmpty())
            return QCoreApplication::translate("ResponseRule", "reply %1").arg(bad);
    }
    if (delayMs < 0 || delayMs > MaxDelayMs)
        return QCoreApplication::translate("ResponseRule", "the delay is %1 ms; it can be 0 to %2 ms").arg(delayMs).arg(MaxDelayMs);
    return {};
}

QByteArray ResponseRule::delimiterBytes() const
{
    return scope == Scope::Line ? TextEscapes::unescape(delimiter) : QByteArray();
}

std::optional<QByteArray> ResponseRule::respond(const QByteArray &input) const
{
    if (!enabled)
        return std::nullopt;
    QStringList captured;
    switch (match) {
    case Match::Contains:
        if (!input.contains(TextEscapes::unescape(pattern)))
            return std::nullopt;
        break;
    case Match::StartsWith:
        if (!input.startsWith(TextEscapes::unescape(pattern)))
            return std::nullopt;
        break;
    case Match::Hex:
        if (!input.contains(HexParser::parse(pattern).bytes))
            return std::nullopt;
        break;
    case Match::Regex: {
        const QRegularExpressionMatch found = regexOf(pattern).match(latin1(input));
        if (!found.hasMatch())
            return std::nullopt;
        captured = found.capturedTexts();
        break;
    }
    }
    if (replyHex)
        return HexParser::parse(reply).bytes;
    QByteArray bytes;
    for (const ReplyPart &part : replyParts(reply)) {
        if (part.capture > 0)
            bytes += captured.value(part.capture).toLatin1();
        else
            bytes += TextEscapes::unescape(part.text);
    }
    return bytes;
}

std::optional<ResponseRule> ResponseRule::parse(const QString &spec, QString *error)
{
    const qsizetype arrow = spec.indexOf(QLatin1String("=>"));
    if (arrow < 0) {
        *error = QCoreApplication::translate("ResponseRule", "\"%1\" has no \"=>\" between the match and the reply").arg(spec);
        return std::nullopt;
    }
    ResponseRule rule;
    QString match = spec.left(arrow);
    rule.reply = spec.mid(arrow + 2);
    if (match.startsWith(QLatin1String("re:"))) {
        rule.match = Match::Regex;
        match.remove(0, 3);
    } else if (match.startsWith(QLatin1String("hex:"))) {
        rule.match = Match::Hex;
        match.remove(0, 4);
    }
    rule.pattern = match;
    if (const QString bad = rule.check(); !bad.isEmpty()) {
        *error = bad;
        return std::nullopt;
    }
    return rule;
}

QString responseRuleMatchName(ResponseRule::Match match)
{
    switch (match) {
    case ResponseRule::Match::Contains:
        return QCoreApplication::translate("ResponseRule", "contains");
    case ResponseRule::Match::StartsWith:
        return QCoreApplication::translate("ResponseRule", "starts with");
    case ResponseRule::Match::Regex:
        return QCoreApplication::translate("ResponseRule", "regular expression");
    case ResponseRule::Match::Hex:
        return QCoreApplication::translate("ResponseRule", "hex bytes");
    }
    return {};
}

QString responseRuleThenName(ResponseRule::Then then)
{
    switch (then) {
    case ResponseRule::Then::KeepOpen:
        return QCoreApplication::translate("ResponseRule", "keep open");
    case ResponseRule::Then::Close:
        return QCoreApplication::translate("ResponseRule", "close (FIN)");
    case ResponseRule::Then::Reset:
        return QCoreApplication::translate("ResponseRule", "reset (RST)");
    }
    return {};
}
