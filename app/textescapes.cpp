#include "textescapes.h"

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

} // namespace TextEscapes
