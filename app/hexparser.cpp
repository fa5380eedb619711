#include "hexparser.h"

#include <QCoreApplication>
#include <QList>

namespace HexParser {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("HexParser", text);
}

// One character of the input: a code point with its 1-based position, so that a character
// outside the BMP (two UTF-16 units) still counts as one, as the user sees it.
struct Character
{
    char32_t code = 0;
    int position = 0;
};

QList<Character> characters(const QString &text)
{
    QList<Character> result;
    result.reserve(text.size());
    int position = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t code = text.at(i).unicode();
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            code = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            ++i;
        }
        result.append({code, ++position});
    }
    return result;
}

bool isSeparator(char32_t code)
{
    return code == U',' || code == U':' || QChar::isSpace(code);
}

int hexValue(char32_t code)
{
    if (code >= U'0' && code <= U'9')
        return int(code - U'0');
    if (code >= U'a' && code <= U'f')
        return int(code - U'a') + 10;
    if (code >= U'A' && code <= U'F')
        return int(code - U'A') + 10;
    return -1;
}

// A character as an error message shows it: "g" when it can be seen, U+0007 when it cannot.
QString describe(char32_t code)
{
    if (QChar::isPrint(code))
        return QLatin1Char('"') + QStringView(QChar::fromUcs4(code)).toString() + QLatin1Char('"');
    return QStringLiteral("U+") + QStringLiteral("%1").arg(uint(code), 4, 16, QLatin1Char('0')).toUpper();
}

// The digits of a token for an error message, shortened so a pasted dump stays readable.
QString excerpt(const QList<Character> &chars, qsizetype from, qsizetype to)
{
    static constexpr qsizetype MaxShown = 16;
    QString text;
    for (qsizetype i = from; i < to && i < from + MaxShown; ++i)
        text += QStringView(QChar::fromUcs4(chars.at(i).code));
    if (to - from > MaxShown)
        text += QStringLiteral("\u2026");
    return text;
}

Result failure(const QString &error, int position)
{
    Result result;
    result.error = error;
    result.errorPosition = position;
    return result;
}

} // namespace

Result parse(const QString &text)
{
    const QList<Character> chars = characters(text);
    Result result;
    result.bytes.reserve(chars.size() / 2);
    qsizetype i = 0;
    while (i < chars.size()) {
        if (isSeparator(chars.at(i).code)) {
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < chars.size() && !isSeparator(chars.at(end).code))
            ++end;

        qsizetype first = i; // the token's first digit, after any 0x
        if (end - i >= 2 && chars.at(i).code == U'0' && (chars.at(i + 1).code == U'x' || chars.at(i + 1).code == U'X'))
            first += 2;
        for (qsizetype k = first; k < end; ++k) {
            if (hexValue(chars.at(k).code) < 0)
                return failure(tr("Not a hex digit: %1 at position %2")
                                   .arg(describe(chars.at(k).code))
                                   .arg(chars.at(k).position),
                               chars.at(k).position);
        }
        if (first == end)
            return failure(tr("No hex digits after \"0x\" at position %1").arg(chars.at(i).position),
                           chars.at(i).position);
        if ((end - first) % 2 != 0)
            return failure(tr("Incomplete byte: \"%1\" at position %2 has an odd number of hex digits; "
                              "each byte needs two")
                               .arg(excerpt(chars, first, end))
                               .arg(chars.at(first).position),
                           chars.at(first).position);
        for (qsizetype k = first; k < end; k += 2)
            result.bytes.append(char(hexValue(chars.at(k).code) * 16 + hexValue(chars.at(k + 1).code)));
        i = end;
    }
    return result;
}

QString format(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex(' '));
}

} // namespace HexParser
