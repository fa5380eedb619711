#include "hexparser.h"

#include <QCoreApplication>

namespace HexParser {

namespace {

// The translation context of this file's texts; lupdate reads it from the macro.
class Text final
{
    Q_DECLARE_TR_FUNCTIONS(HexParser)
};

// The code point at text[index] and how many UTF-16 units it takes, so that a character outside
// the BMP still counts as one position, as the user sees it. Read in place: a pasted dump of
// many megabytes is never copied into a second, wider form.
char32_t codeAt(const QString &text, qsizetype index, qsizetype *width)
{
    const QChar c = text.at(index);
    if (c.isHighSurrogate() && index + 1 < text.size() && text.at(index + 1).isLowSurrogate()) {
        *width = 2;
        return QChar::surrogateToUcs4(c, text.at(index + 1));
    }
    *width = 1;
    return c.unicode();
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
// Only called once every character of the token is a hex digit, so units are characters.
QString excerpt(const QString &text, qsizetype from, qsizetype to)
{
    static constexpr qsizetype MaxShown = 16;
    QString shown = text.mid(from, qMin(to - from, MaxShown));
    if (to - from > MaxShown)
        shown += QStringLiteral("\u2026");
    return shown;
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
    Result result;
    result.bytes.reserve(text.size() / 2);
    const qsizetype size = text.size();
    qsizetype i = 0;
    int position = 0; // 1-based position of the character before text[i]
    while (i < size) {
        qsizetype width = 1;
        if (isSeparator(codeAt(text, i, &width))) {
            i += width;
            ++position;
            continue;
        }
        const int tokenPosition = position + 1;
        qsizetype first = i; // the token's first digit, after any 0x
        if (text.at(i) == QLatin1Char('0') && i + 1 < size
            && (text.at(i + 1) == QLatin1Char('x') || text.at(i + 1) == QLatin1Char('X'))) {
            first += 2;
            position += 2;
        }
        const int firstPosition = position + 1;
        qsizetype end = first;
        int high = -1; // the first digit of a byte still waiting for its second
        while (end < size) {
            const char32_t code = codeAt(text, end, &width);
            if (isSeparator(code))
                break;
            ++position;
            const int value = hexValue(code);
            if (value < 0)
                return failure(Text::tr("Not a hex digit: %1 at position %2").arg(describe(code)).arg(position), position);
            if (high < 0) {
                high = value;
            } else {
                result.bytes.append(char(high * 16 + value));
                high = -1;
            }
            end += width;
        }
        if (first == end)
            return failure(Text::tr("No hex digits after \"0x\" at position %1").arg(tokenPosition), tokenPosition);
        if (high >= 0)
            return failure(Text::tr("Incomplete byte: \"%1\" at position %2 has an odd number of hex digits; "
                              "each byte needs two")
                               .arg(excerpt(text, first, end))
                               .arg(firstPosition),
                           firstPosition);
        i = end;
    }
    return result;
}

QString format(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex(' '));
}

} // namespace HexParser
