#include "textescapes.h"

#include <QCoreApplication>

namespace TextEscapes {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

QByteArray unescape(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QByteArray result;
    result.reserve(utf8.size());
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const char c = utf8.at(i);
        if (c != '\\' || i + 1 >= utf8.size()) {
            result.append(c);
            continue;
        }
        const char next = utf8.at(i + 1);
        switch (next) {
        case 'r': result.append('\r'); ++i; break;
        case 'n': result.append('\n'); ++i; break;
        case 't': result.append('\t'); ++i; break;
        case '0': result.append('\0'); ++i; break;
        case '\\': result.append('\\'); ++i; break;
        case 'x':
            if (i + 3 < utf8.size() && hexValue(utf8.at(i + 2)) >= 0 && hexValue(utf8.at(i + 3)) >= 0) {
                result.append(char(hexValue(utf8.at(i + 2)) * 16 + hexValue(utf8.at(i + 3))));
                i += 3;
            } else {
                result.append(c);
            }
            break;
        default:
            result.append(c);
            break;
        }
    }
    return result;
}

QString check(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('\\'))
            continue;
        const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
        if (next == QLatin1Char('x')) {
            const bool twoHexDigits = i + 3 < text.size() && text.at(i + 2).unicode() < 128
                && text.at(i + 3).unicode() < 128 && hexValue(char(text.at(i + 2).unicode())) >= 0
                && hexValue(char(text.at(i + 3).unicode())) >= 0;
            if (!twoHexDigits)
                return QCoreApplication::translate("TextEscapes", "\"%1\" at position %2: \\x takes two hex digits, as in \\x1b")
                    .arg(text.mid(i, 4), QString::number(i + 1));
            i += 3;
        } else if (next == QLatin1Char('r') || next == QLatin1Char('n') || next == QLatin1Char('t')
                   || next == QLatin1Char('0') || next == QLatin1Char('\\')) {
            ++i;
        } else {
            return QCoreApplication::translate("TextEscapes",
                                               "\"%1\" at position %2 is not an escape: use \\r \\n \\t \\0 \\\\ or \\xHH")
                .arg(text.mid(i, 2), QString::number(i + 1));
        }
    }
    return {};
}

} // namespace TextEscapes
